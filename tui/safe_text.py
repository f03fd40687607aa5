"""Making untrusted article text safe to put on a terminal: no control, escape or bidi characters."""

from __future__ import annotations

import re
import unicodedata

_BIDI_MARKS = "\u061c\u200e\u200f"
"""The invisible direction marks Arabic and Hebrew text carries (ALM, LRM, RLM): they only nudge the characters
beside them."""
_BIDI_CONTROLS = _BIDI_MARKS + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_EMOJI_JOINERS = "\ufe0f" + "".join(chr(code) for code in range(0x1F3FB, 0x1F400))
"""What joins emoji into one picture (the emoji variation selector, skin tones; and the zero-width joiner beside an
emoji, see `_EMOJI_ZWJ`): terminals join them or not, each its own way, so a row's width would be wrong by a few
cells on some; shown as zero-width spaces, each emoji stands alone, as wide everywhere as Rich measures it."""
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_EMOJI_ZWJ = re.compile(f"(?<=[{_EMOJI}\u200b])\u200d|\u200d(?=[{_EMOJI}])")
"""A zero-width joiner beside an emoji (or a joiner already shown as a zero-width space): not one between the
letters of a script that shapes with it (Devanagari's क्‍ष)."""
_HAS_EMOJI_JOINER = re.compile(f"[{_EMOJI_JOINERS}\u200d]")
_LINE_SEPARATORS = "\u2028\u2029"
"""Unicode's line and paragraph separators: a line break to some terminals and programs reading a line, a space
here."""


def _replacement_table() -> dict[int, str | None]:
    """Visible stand-ins, a character for a character: control pictures for C0 and DEL, U+FFFD for C1 and bidi
    controls, a space for a tab or a line or paragraph separator, a zero-width space for what joins emoji."""
    table: dict[int, str | None] = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t"}
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({ord(char): "\ufffd" for char in _BIDI_CONTROLS})
    table[ord("\t")] = " "
    table.update({ord(char): " " for char in _LINE_SEPARATORS})
    table.update({ord(char): "\u200b" for char in _EMOJI_JOINERS})
    return table


_REPLACEMENTS = _replacement_table()
_LINE_REPLACEMENTS = {**_REPLACEMENTS, **{ord(char): None for char in _BIDI_MARKS}, ord("\n"): " "}
"""For one line, where no offset into the text is kept: the bidi marks dropped rather than shown as U+FFFD (a
Hebrew quote is full of them), and newlines made spaces."""
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + _BIDI_CONTROLS + "\u2028\u2029]")


ASCII_STAND_INS = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00b7", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2009\u202f", " "),
    "\u2026": ".",
    "\u2022": "*",
    **dict(zip("ŁłØøĐđĦħıÐðÞþßÆæŒœ", "LlOoDdHhiDdTtsAaOo", strict=True)),
}
"""ASCII for the punctuation of news text and for the letters no accent stripping reaches (Ł, ø, ß), a character
for a character (offsets into a text stay right)."""
LINE_STAND_INS = {"\u2026": "...", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th"}
"""Where no offset into the text is kept (one line): stand-ins of more than one character."""


class _AsciiTable(dict[int, str]):
    """A character for each character: itself when ASCII, else its stand-in, its letter without accents, or "?".

    Applied after the control characters are replaced, so an ASCII character left is one to keep as it is: a line
    break of a text laid out in paragraphs among them."""

    def __init__(self, given: dict[int, str] | None = None, marks_dropped: bool = False) -> None:
        super().__init__(given or {})
        self._marks_dropped = marks_dropped

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if self._marks_dropped and unicodedata.category(char) in ("Mn", "Me"):
            found = self[code] = ""  # a combining mark over a letter: the letter alone, not a "?" beside it
            return found
        found = self[code] = char if char.isascii() else _ascii_stand_in(char)
        return found


def _ascii_stand_in(char: str) -> str:
    """The ASCII character drawn for a character that is not: its stand-in, its letter without accents, or "?"."""
    base = unicodedata.normalize("NFKD", char)[:1]
    return ASCII_STAND_INS.get(char) or (base if base.isascii() and base.isprintable() else "?")


_ASCII_TABLE = _AsciiTable()
_ASCII_LINE_TABLE = _AsciiTable({ord(char): stand_in for char, stand_in in LINE_STAND_INS.items()}, marks_dropped=True)
"""For one line, where no offset into the text is kept: an ellipsis as three periods, combining marks dropped."""
_ascii_only = False


def draw_ascii_only(only: bool) -> None:
    """Make every text put on the terminal ASCII from now on (`--ascii`, a terminal that draws nothing else): the
    app says so as it starts, one app a process."""
    global _ascii_only
    _ascii_only = only


def _emoji_apart(text: str) -> str:
    """`text` with each zero-width joiner beside an emoji as a zero-width space (see `_EMOJI_ZWJ`)."""
    return _EMOJI_ZWJ.sub("\u200b", text) if "\u200d" in text else text


def printable(text: str) -> str:
    """`text` with every character that could control a terminal replaced by a visible stand-in (and, on an
    ASCII-only terminal, every other character that is not ASCII by its ASCII stand-in)."""
    text = _emoji_apart(text.translate(_REPLACEMENTS))
    return text.translate(_ASCII_TABLE) if _ascii_only and not text.isascii() else text


def printable_line(text: str) -> str:
    """Like `printable`, folded onto one line (newlines become spaces) and without bidi marks; text with nothing to
    replace (nearly all of it: every character replaced but the emoji joiners is one `str.isprintable` rejects) is
    returned as it is."""
    if not text.isprintable() or (not text.isascii() and _HAS_EMOJI_JOINER.search(text)):
        text = _emoji_apart(text.translate(_LINE_REPLACEMENTS))
    return text.translate(_ASCII_LINE_TABLE) if _ascii_only and not text.isascii() else text


_CLIPBOARD_REPLACEMENTS = {code: stand_in for code, stand_in in _LINE_REPLACEMENTS.items()
                           if chr(code) not in _EMOJI_JOINERS}
"""For the clipboard: a line's stand-ins but for what joins emoji, which the text pasted keeps as written."""


def clipboard_line(text: str) -> str:
    """`text` as one line to copy: every control, escape and bidi character replaced as `printable_line` does (a
    paste into a terminal runs none of them), but emoji kept whole, as the article wrote them (their joiners and
    skin tones are only drawn apart on screen); not made ASCII, since the terminal does not draw it."""
    return text if text.isprintable() else text.translate(_CLIPBOARD_REPLACEMENTS)


def escape_json_text(dumped: str) -> str:
    """Escape, in already dumped JSON, the characters JSON leaves raw that a terminal would act on."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
