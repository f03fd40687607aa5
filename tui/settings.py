"""Settings that stick between launches, in `$XDG_CONFIG_HOME/whosaid/config.toml` (every key optional).

    theme = "nord"              # the theme last chosen in the palette (WHOSAID_THEME, when set, wins)
    citation = "markdown"       # the style `y` copies citations in, as last chosen in the palette
                                # (plain or markdown; WHOSAID_CITATION, when set, wins)

    [sort]                      # each pane's order, as `s` last left it
    people = "count"            # name, surname, count, latest
    organizations = "latest"    # name, count, latest
    quotes = "date"             # article, date (oldest first), newest
    articles = "title"          # stored, date, title, outlet

    [layout]
    zoom = true                 # `z`: the focused pane fills the screen

    [search]
    history = ["sullivan", "production"]   # the search box's Up/Down history, oldest first

    [keys]                      # key bindings by id (`?` lists them): keys, comma-separated
    "app.quit" = "ctrl+q"

A file that is not TOML is reported in one line and ignored, and never overwritten; a setting of the wrong type
or value is reported in the same line and ignored, the others apply. Writing replaces only the keys whosaid set,
keeping every other key and comment, through a temporary file renamed over the old one.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from store.citations import CITATION_STYLES
from tui.bindings import BINDING_IDS, key_clashes, keys_problem
from tui.safe_text import printable_line
from tui.search_box import HISTORY_LENGTH, searchable
from tui.sorting import PANE_ORDERS


def toml_loads(text: str) -> dict[str, Any]:
    """The TOML document `text` as a dict, or a ValueError (as TOMLDecodeError is); the parser is imported only
    once a config file is there to read: most launches have none, and the first frame should not wait for it."""
    try:
        from tomllib import loads
    except ImportError:  # Python 3.10
        try:
            from tomli import loads  # type: ignore[no-redef]
        except ImportError:
            loads = loads_plain_toml
    return loads(text)


def loads_plain_toml(text: str) -> dict[str, Any]:
    """TOML without a TOML library: `[table]` headers, `key = value` lines whose value reads as JSON, and comments;
    else an error."""
    data: dict[str, Any] = {}
    table = data
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[\s*([A-Za-z0-9_-]+)\s*\]", line)
        if header:
            table = data.setdefault(header.group(1), {})
            continue
        key, equals, value = line.partition("=")
        try:
            table[key.strip().strip('"')] = json.loads(value.strip()) if equals else None
        except ValueError:
            raise ValueError(f"line {number} is not key = value") from None
        if not equals:
            raise ValueError(f"line {number} is not key = value")
    return data


def config_path() -> Path:
    """Where the settings live: `$XDG_CONFIG_HOME/whosaid/config.toml`, else under `~/.config`."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "whosaid" / "config.toml"


@dataclass(frozen=True)
class Settings:
    """What the config file says; None or empty where it says nothing (or nothing usable)."""

    theme: str | None = None
    citation: str | None = None
    """The citation style `y` copies in, one of store.citations.CITATION_STYLES."""
    sort: Mapping[str, str] = field(default_factory=dict)
    """Each pane's order by pane name (people, organizations, quotes, articles)."""
    zoom: bool | None = None
    """True when the focused pane fills the screen."""
    history: tuple[str, ...] = ()
    """Earlier searches, oldest first."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Keys by binding id, each a comma-separated list of key names."""
    problems: tuple[str, ...] = ()
    """What in the file was ignored, and why."""
    writable: bool = True
    """False when the file was there but not TOML: it is the user's to fix, never overwritten."""
    path: Path | None = None
    """The file read."""


def _quoted(text: str) -> str:
    return printable_line(json.dumps(text, ensure_ascii=False))


def _table(data: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(name, {})
    if isinstance(value, dict):
        return value
    problems.append(f"[{name}] ignored, it must be a table")
    return {}


def _sort_orders(table: dict[str, Any], problems: list[str]) -> dict[str, str]:
    orders: dict[str, str] = {}
    for pane, order in table.items():
        allowed = PANE_ORDERS.get(pane)
        if allowed is None:
            problems.append(f"sort.{_quoted(pane)} ignored, the panes are {', '.join(PANE_ORDERS)}")
        elif isinstance(order, str) and order in allowed:
            orders[pane] = order
        else:
            problems.append(f"sort.{pane} ignored, it must be one of {', '.join(allowed)}")
    return orders


def _history(table: dict[str, Any], problems: list[str]) -> tuple[str, ...]:
    history = table.get("history", [])
    if not isinstance(history, list) or not all(isinstance(query, str) for query in history):
        problems.append("search.history ignored, it must be a list of strings")
        return ()
    kept = [searchable(query).strip() for query in history]
    return tuple(query for query in kept if query)[-HISTORY_LENGTH:]


def _keys(table: dict[str, Any], problems: list[str]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if binding_id not in BINDING_IDS:
            problems.append(f"keys.{_quoted(binding_id)} ignored, no key binding has that id (? lists them)")
        elif not isinstance(keys, str):
            problems.append(f"keys.{_quoted(binding_id)} ignored, it must be a string of keys")
        elif (why := keys_problem(keys)) is not None:
            problems.append(f"keys.{_quoted(binding_id)} ignored, {why}")
        else:
            keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    for binding_id, follower in FOLLOWING_BINDINGS.items():
        if binding_id in keymap and follower not in keymap:
            keymap[follower] = keymap[binding_id]
    problems.extend(key_clashes(keymap))
    return keymap


FOLLOWING_BINDINGS = {"quote.copy": "name.copy"}
"""Bindings that take the keys another is given unless given their own: copying a quote and copying a name share a
key (y), so keys given to the first copy names too rather than leaving the second on a key the first took."""


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing file gives the defaults, a damaged one the defaults and a problem line, and
    a wrong setting is left out (and named in the problem line) while the others apply."""
    path = path or config_path()
    try:
        data = toml_loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(path=path)
    except (OSError, ValueError) as error:
        return Settings(problems=(f"ignored, it could not be read ({error})",), writable=False, path=path)
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("theme ignored, it must be a string")
        theme = None
    citation = data.get("citation")
    citation = citation.strip().lower() if isinstance(citation, str) else citation
    if citation is not None and citation not in CITATION_STYLES:
        problems.append(f"citation ignored, it must be one of {', '.join(map(_quoted, CITATION_STYLES))}")
        citation = None
    zoom = _table(data, "layout", problems).get("zoom")
    if zoom is not None and not isinstance(zoom, bool):
        problems.append("layout.zoom ignored, it must be true or false")
        zoom = None
    return Settings(
        theme=theme,
        citation=citation,
        sort=_sort_orders(_table(data, "sort", problems), problems),
        zoom=zoom,
        history=_history(_table(data, "search", problems), problems),
        keys=_keys(_table(data, "keys", problems), problems),
        problems=tuple(problems),
        path=path,
    )


# --- writing ----------------------------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, everything else as it is."""
    return '"' + "".join(_ESCAPES.get(char) or _control_escape(char) for char in text) + '"'


def _control_escape(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) < 0x20 or ord(char) == 0x7F else char


def toml_key(key: str) -> str:
    """A key bare where TOML allows it, else quoted."""
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_value(value: Any) -> str:
    """One value written inline: strings, booleans, numbers, dates and times, arrays and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(key)} = {toml_value(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def toml_document(data: Mapping[str, Any], prefix: str = "") -> str:
    """A whole TOML document for `data`: plain keys first, then each table and array of tables under its header."""
    lines = [f"{toml_key(key)} = {toml_value(value)}" for key, value in data.items() if not _nested(value)]
    text = "\n".join(lines) + ("\n" if lines else "")
    for key, value in data.items():
        name = f"{prefix}{toml_key(key)}"
        if isinstance(value, dict):
            text += f"\n[{name}]\n" + toml_document(value, f"{name}.")
        elif _is_table_array(value):
            for item in value:
                text += f"\n[[{name}]]\n" + toml_document(item, f"{name}.")
    return text.lstrip("\n")


def _nested(value: Any) -> bool:
    return isinstance(value, dict) or _is_table_array(value)


def merged(data: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with `changes` laid over it, table by table."""
    result = dict(data)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


_HEADER = re.compile(r"^[ \t]*\[([^\[\]]*)\][ \t]*(#.*)?$")


def _key_line(key: str) -> re.Pattern[str]:
    spelled = "|".join(re.escape(form) for form in {key, toml_string(key), f"'{key}'"})
    return re.compile(rf"^[ \t]*(?:{spelled})[ \t]*=")


def _section_end(lines: list[str], start: int) -> int:
    """Where the section starting at `start` ends: the next header, else the end of the file."""
    end = next((index for index in range(start, len(lines)) if lines[index].lstrip().startswith("[")), len(lines))
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _set_line(lines: list[str], start: int, key: str, value: Any) -> None:
    """Replace `key = ...` in the section that starts at `start`, or add it at the section's end."""
    end = _section_end(lines, start)
    line = f"{toml_key(key)} = {toml_value(value)}\n"
    pattern = _key_line(key)
    for index in range(start, end):
        if pattern.match(lines[index]):
            lines[index] = line
            return
    if end > 0 and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines.insert(end, line)


def edited_text(text: str, changes: Mapping[str, Any]) -> str:
    """The config text with each changed key's line replaced or added, every other line kept as it was."""
    lines = text.splitlines(keepends=True)
    for key, value in changes.items():
        if not isinstance(value, dict):
            _set_line(lines, 0, key, value)
            continue
        header = next(
            (
                index
                for index, line in enumerate(lines)
                if (found := _HEADER.match(line)) and found.group(1).strip() in (key, toml_string(key))
            ),
            None,
        )
        if header is None:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            if lines and lines[-1].strip():
                lines.append("\n")
            lines.append(f"[{toml_key(key)}]\n")
            header = len(lines) - 1
        for name, item in value.items():
            _set_line(lines, header + 1, name, item)
    return "".join(lines)


def update_config(changes: Mapping[str, Any], path: Path | None = None) -> None:
    """Set these keys in the config file (tables as dicts), keeping every other key, and its comments where the
    file's layout allows; written to a temporary file renamed over the old one, so never half written."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    before = toml_loads(text)
    wanted = merged(before, changes)
    after = edited_text(text, changes)
    if not _reads_as(after, wanted):
        after = toml_document(wanted)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as file:
            file.write(after)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _reads_as(text: str, wanted: Mapping[str, Any]) -> bool:
    try:
        return toml_loads(text) == wanted
    except ValueError:
        return False
