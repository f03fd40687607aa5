"""Where the store lives: --db, else WHOSAID_DB, else the user's data directory."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

STORE_FILE_NAME = "store.json"


def user_data_directory(environ: Mapping[str, str] = os.environ) -> Path:
    """whosaid's directory under the platform's per-user data location (XDG on Linux)."""
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "whosaid"


def resolve_store_path(db_option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The store file to use, by order of precedence; a link to it followed, since its tables and lock stand beside
    the file itself (read beside the link, a store opened through one was said to be damaged)."""
    chosen = db_option or environ.get("WHOSAID_DB") or ""
    path = Path(chosen).expanduser() if chosen else user_data_directory(environ) / STORE_FILE_NAME
    return Path(os.path.realpath(path)) if path.is_symlink() else path
