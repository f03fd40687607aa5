"""Stable keys from names and texts, so records merge across articles and processes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w&]+")
_LEADING_ARTICLE = re.compile(r"^the ")
NAME_KEYS_KEPT = 65_536
"""Keys of recent names remembered: a writer keys the same names again and again as it merges an article."""


COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def accent_fold(text: str) -> str:
    """Lower-case `text` and drop accents: what the keys of names and the words of quote groups are made of, and the
    index's words were before `fold` (kept so, since stores hold them)."""
    if text.isascii():
        return text.lower()
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ŀ": "l",
                               "æ": "ae", "œ": "oe", "þ": "th"})
"""Folded letters that no accent makes (a stroke, a ligature), as the plain letters a reader takes them for."""


def fold(text: str) -> str:
    """Lower-case `text`, drop accents, and read letters with strokes or ligatures as plain letters (ł as l, ø as o,
    æ as ae): how searches match and names sort, so that "walesa" finds Wałęsa and Łukasz sorts with the L's."""
    folded = accent_fold(text)
    return folded if folded.isascii() else folded.translate(PLAIN_LETTERS)


@lru_cache(maxsize=NAME_KEYS_KEPT)
def name_key(name: str) -> str:
    """Key of a person's or organization's name: case, accents, periods and a leading 'the' ignored (the last
    NAME_KEYS_KEPT names' kept)."""
    return name_key_unkept(name)


def name_key_unkept(name: str) -> str:
    """`name_key`, not kept: for a pass over every name of a big store, which would fill the kept keys with names
    read once and hold them for the rest of the session (16 MB at 100,000 articles)."""
    folded = accent_fold(name).replace(".", "").replace("\u2019", "'")
    return _LEADING_ARTICLE.sub("", _NON_WORD.sub(" ", folded).strip())


def printing_digest(text: str, printing: str) -> str:
    """The content hash of one printing of a text (see `store.documents.printing_identity`): a wire story a second
    outlet printed is stored under it, beside the first outlet's article under the text's own."""
    return content_hash(f"{text}\0{printing}")


def content_hash(text: str) -> str:
    """SHA-256 of an article's text: the same text is the same article."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
