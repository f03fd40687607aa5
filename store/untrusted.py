"""What text from an article may hold that must never reach a terminal as it is, and a link fit to print: kept
apart from the readers so that printing a stored article's link imports none of them."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"  # OSC, DCS, SOS, PM, APC up to their terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x90\x9d\x98\x9e\x9f].*?(?:\x07|\x9c|$)"  # 8-bit string controls
    r"|\x1b[ -/]*[0-~]?",  # any other escape
    re.DOTALL,
)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_URL = 2048
"""The longest link kept: a longer one is refused."""


def safe_url(value: object) -> str | None:
    """An http(s) URL fit to print, link and store, or None: other schemes and hosts with spaces refused, controls
    and escapes removed, a host in another script written as IDNA writes it, and a user name and password left out
    (never printed or stored)."""
    if value is None:
        return None
    text = CONTROL.sub("", ESCAPE_SEQUENCE.sub("", str(value))).strip()
    if not text or len(text) > MAX_URL:
        return None
    try:
        raw_host = urlsplit(text).hostname or ""
    except ValueError:
        return None
    if any(char.isspace() for char in raw_host):
        return None
    text = quote(text, safe="%/:=&?~#+!$,;'@()*[]")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    netloc = parts.netloc.rpartition("@")[2]
    if not raw_host.isascii():
        host = _ascii_host(raw_host)
        if host is None:
            return None
        netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def _ascii_host(host: str) -> str | None:
    """A host name in another script as IDNA writes it (xn--…), as it is looked up; None when it cannot be one."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
