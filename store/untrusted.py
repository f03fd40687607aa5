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
    """An http(s) URL fit to print, link and store, or None: other schemes refused, controls and escapes removed."""
    if value is None:
        return None
    text = CONTROL.sub("", ESCAPE_SEQUENCE.sub("", str(value))).strip()
    if not text or len(text) > MAX_URL:
        return None
    text = quote(text, safe="%/:=&?~#+!$,;'@()*[]")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, parts.fragment))
