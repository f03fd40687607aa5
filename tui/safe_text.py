"""Making untrusted article text safe to put on a terminal: no control, escape or bidi characters."""

from __future__ import annotations

import re

_BIDI_MARKS = "\u061c\u200e\u200f"
"""The invisible direction marks Arabic and Hebrew text carries (ALM, LRM, RLM): they only nudge the characters
beside them."""
_BIDI_CONTROLS = _BIDI_MARKS + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_SEPARATORS = "\u2028\u2029"
"""Unicode's line and paragraph separators: a line break to some terminals and programs reading a line, a space
here."""


def _replacement_table() -> dict[int, str | None]:
    """Visible stand-ins, a character for a character: control pictures for C0 and DEL, U+FFFD for C1 and bidi
    controls, a space for a tab or a line or paragraph separator."""
    table: dict[int, str | None] = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t"}
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({ord(char): "\ufffd" for char in _BIDI_CONTROLS})
    table[ord("\t")] = " "
    table.update({ord(char): " " for char in _LINE_SEPARATORS})
    return table


_REPLACEMENTS = _replacement_table()
_LINE_REPLACEMENTS = {**_REPLACEMENTS, **{ord(char): None for char in _BIDI_MARKS}, ord("\n"): " "}
"""For one line, where no offset into the text is kept: the bidi marks dropped rather than shown as U+FFFD (a
Hebrew quote is full of them), and newlines made spaces."""
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + _BIDI_CONTROLS + "\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with every character that could control a terminal replaced by a visible stand-in."""
    return text.translate(_REPLACEMENTS)


def printable_line(text: str) -> str:
    """Like `printable`, folded onto one line (newlines become spaces) and without bidi marks; text with nothing to
    replace (nearly all of it: every character replaced is one `str.isprintable` rejects) is returned as it is."""
    if text.isprintable():
        return text
    return text.translate(_LINE_REPLACEMENTS)


def escape_json_text(dumped: str) -> str:
    """Escape, in already dumped JSON, the characters JSON leaves raw that a terminal would act on."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
