"""Settings that stick between launches, in `$XDG_CONFIG_HOME/whosaid/config.toml` (every key optional).

    theme = "nord"    # the theme last chosen in the palette (WHOSAID_THEME, when set, wins)

A file that cannot be read is reported in one line and ignored; it is never overwritten.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.safe_text import printable_line

try:
    from tomllib import TOMLDecodeError, loads
except ImportError:  # Python 3.10: the file holds `key = "string"` lines, read without a TOML library
    TOMLDecodeError = ValueError  # type: ignore[misc,assignment]

    def loads(text: str) -> dict[str, Any]:  # type: ignore[misc]
        """`key = "string"` lines and comments; anything else is an error."""
        data: dict[str, Any] = {}
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, equals, value = line.partition("=")
            try:
                data[key.strip()] = json.loads(value.strip()) if equals else None
            except ValueError:
                raise ValueError(f"line {number} is not key = \"value\"") from None
            if not equals:
                raise ValueError(f"line {number} is not key = \"value\"")
        return data

_THEME_LINE = re.compile(r"^[ \t]*theme[ \t]*=.*$", re.MULTILINE)


def config_path() -> Path:
    """Where the settings live: `$XDG_CONFIG_HOME/whosaid/config.toml`, else under `~/.config`."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "whosaid" / "config.toml"


@dataclass(frozen=True)
class Settings:
    """What the config file says; None where it says nothing."""

    theme: str | None = None
    problem: str | None = None
    """One line saying why the file was ignored, if it was."""

    @property
    def writable(self) -> bool:
        """False when the file was there but unreadable: it is the user's to fix, never overwritten."""
        return self.problem is None


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing file gives the defaults, a damaged one the defaults and a problem line."""
    path = path or config_path()
    try:
        data = loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as error:
        return Settings(problem=printable_line(f"{path}: ignored, it could not be read ({error})"))
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        return Settings(problem=printable_line(f"{path}: ignored, theme must be a string"))
    return Settings(theme=theme)


def save_theme(theme: str, path: Path | None = None) -> None:
    """Write the theme into the config file, keeping every other line of it; by rename, so never half written."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f"theme = {json.dumps(theme)}"
    if _THEME_LINE.search(text):
        text = _THEME_LINE.sub(lambda _match: line, text, count=1)
    else:
        text = f"{text}{'' if not text or text.endswith(chr(10)) else chr(10)}{line}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
