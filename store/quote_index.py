"""The inverted index that answers quote searches without scanning: words and adjacent word pairs.

Postings are the ascending positions of the quotes holding a folded word (or a pair of words that
follow each other, which answers two-word phrases exactly). On disk each posting list is the
base64 of little-endian uint32s, so opening the store decodes only the lists a query touches.
"""

from __future__ import annotations

import base64
import sys
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import pairwise
from typing import Any

import orjson

from store.keys import fold, name_key_unkept
from store.position_flags import common_to
from store.search import WORD, ParsedQuery, Term, parse_query

IndexDocument = dict[str, Any]


def positions_bytes(positions: Sequence[int]) -> bytes:
    """Positions as stored before base64: little-endian uint32s."""
    packed = array("I", positions)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def encode_positions(positions: Sequence[int]) -> str:
    """A posting list as stored."""
    return base64.b64encode(positions_bytes(positions)).decode("ascii")


def decode_positions(encoded: str | bytes, shift: int = 0) -> array:
    """A stored posting list as an array of positions (less its part's `shift`, see `unshifted`)."""
    positions = array("I")
    positions.frombytes(unshifted(base64.b64decode(encoded), shift))
    if sys.byteorder == "big":
        positions.byteswap()
    return positions


def unshifted(stored: bytes, shift: int) -> bytes:
    """Stored positions (little-endian uint32s) less the `shift` of their index part: the quotes removed before
    the part since its postings were written (see `store.index_parts.shift_index_parts`). Every stored position
    is at least the shift, so one subtraction of big integers takes it from all of them at once, no borrow
    crossing from one position to the next."""
    if not shift or not stored:
        return stored
    subtrahend = int.from_bytes(shift.to_bytes(4, "little") * (len(stored) // 4), "little")
    return (int.from_bytes(stored, "little") - subtrahend).to_bytes(len(stored), "little")


def quote_keys(text: str) -> tuple[set[str], set[str]]:
    """The folded words of a text and its adjacent word pairs ("a b")."""
    tokens = WORD.findall(fold(text))
    return set(tokens), set(map(" ".join, pairwise(tokens)))


KEYED_SECTIONS = ("speakers", "names", "words", "pairs", "for")
"""The sections of an index part, in the order they are stored, each a JSON object with sorted keys and base64
values, their sizes in bytes stored before them ("sizes"): a reader looks one key up by binary search in the
part's bytes (see `store.keyed_index`), without parsing the part. `speakers`: the positions of each speaker's
quotes ("person:KEY", "organization:KEY"); `names`: for each folded word of a name, the ids of the speakers one of
whose names holds it (newline-separated), for every person and organization a write stored, and for each
`name_key` of an organization's name (as "=KEY", which no word is), the organizations that have a name of that
key; `for`: by the `name_key` of the organization a person spoke for in an article (their appearance in it says),
the positions of that person's quotes in that article. An earlier whosaid wrote parts without `for`."""
NAME_KEY_MARK = "="
"""What starts an entry of the `names` section that is an organization's name key rather than a word."""
GONE_MARK = "-"
"""The entry of the `names` section that lists the speakers a write removed (no article names them any more): the
words of their names stay in the index, so a speaker stored again under the same key is told by their names now."""


def name_words(names: Iterable[str]) -> set[str]:
    """The folded words of some names, as a query's words are matched against them."""
    return {word for name in names for word in WORD.findall(fold(name))}


def extend_index_document(
    document: IndexDocument | None,
    texts: Iterable[str],
    first_position: int,
    speakers: Sequence[str | None] = (),
    names: Mapping[str, Iterable[str]] | None = None,
    spoken_for: Sequence[Iterable[str]] = (),
    gone: Iterable[str] = (),
) -> IndexDocument:
    """The stored index with `texts` added at positions from `first_position` on (a fresh one if it does not fit),
    said by `speakers` (one a text) for the organizations whose name keys `spoken_for` gives (one list a text, see
    `KEYED_SECTIONS`), the `names` of the people and organizations the write stored, by speaker id, and those it
    removed (`gone`, see GONE_MARK). The new positions are stored plus the document's `shift`, as its others are.

    A key's stored list grows by joining bytes: the new positions are appended to its decoded bytes, never decoded
    into numbers and back."""
    if not document or document.get("quotes") != first_position:
        raise ValueError("the index does not end where the new quotes begin")
    shift = document.get("shift", 0)
    words: defaultdict[str, list[int]] = defaultdict(list)
    pairs: defaultdict[str, list[int]] = defaultdict(list)
    said: defaultdict[str, list[int]] = defaultdict(list)
    count = first_position
    for position, text in enumerate(texts, start=first_position + shift):
        tokens = WORD.findall(fold(text))
        for key in set(tokens):
            words[key].append(position)
        for key in set(map(" ".join, pairwise(tokens))):
            pairs[key].append(position)
        count = position + 1 - shift
    for position, speaker in enumerate(speakers, start=first_position + shift):
        if speaker:
            said[speaker].append(position)
    said_for: defaultdict[str, list[int]] = defaultdict(list)
    for position, organizations in enumerate(spoken_for, start=first_position + shift):
        for organization in dict.fromkeys(organizations):
            said_for[organization].append(position)
    merged = {section: dict(document.get(section, {})) for section in KEYED_SECTIONS}
    encode, decode = base64.b64encode, base64.b64decode
    for section, new in (("words", words), ("pairs", pairs), ("speakers", said), ("for", said_for)):
        stored = merged[section]
        for key, positions in new.items():
            previous = stored.get(key)
            added = positions_bytes(positions)
            stored[key] = encode(decode(previous) + added if previous is not None else added).decode("ascii")
    named: defaultdict[str, set[str]] = defaultdict(set)
    for speaker, speaker_names in (names or {}).items():
        for word in name_words(speaker_names):
            named[word].add(speaker)
        if speaker.startswith("organization:"):
            for name in speaker_names:
                named[NAME_KEY_MARK + name_key_unkept(name)].add(speaker)
    named[GONE_MARK].update(gone)
    if not named[GONE_MARK]:
        del named[GONE_MARK]
    for word, speaker_ids in named.items():
        previous = merged["names"].get(word)
        if previous is not None:
            speaker_ids |= set(decode(previous).decode("utf-8").split("\n"))
        merged["names"][word] = encode("\n".join(sorted(speaker_ids)).encode("utf-8")).decode("ascii")
    ordered = {section: dict(sorted(merged[section].items())) for section in KEYED_SECTIONS}
    sizes = [len(orjson.dumps(ordered[section])) for section in KEYED_SECTIONS]
    return {"quotes": count, **({"shift": shift} if shift else {}), "sizes": sizes, **ordered}


def empty_index_document() -> IndexDocument:
    """The index of a store with no quotes."""
    return {"quotes": 0, **{section: {} for section in KEYED_SECTIONS}}


def any_posted(postings: Callable[[str], Sequence[int]], keys: Iterable[str]) -> Sequence[int]:
    """The positions posted under any of these keys (a word or a pair as folded now, and as an earlier index holds
    it: see `Term.stored`), ascending."""
    unique = list(dict.fromkeys(keys))
    if len(unique) == 1:
        return postings(unique[0])
    return array("I", sorted(set().union(*map(postings, unique))))


class IndexSearch:
    """A query answered from posting lists, whatever holds them (the index in memory, or read by key): the lists
    that each term's matches must be in, and the terms the lists alone do not prove, checked against the text."""

    def _postings(self, table: str, key: str) -> Sequence[int]:
        """Positions of a word ("words") or a pair of words ("pairs"), ascending (empty when absent)."""
        raise NotImplementedError

    def _positions_with_prefix(self, prefix: str) -> Sequence[int] | set[int]:
        """Positions of quotes holding any word that starts with `prefix`."""
        raise NotImplementedError

    def _folded_text(self, position: int) -> str:
        """The folded text of one quote, to check a term against it."""
        raise NotImplementedError

    def _requirements(self, term: Term) -> tuple[list[Sequence[int] | set[int]], bool]:
        """Posting lists a term's matches must all be in, and whether those lists alone prove a match. Each list is
        that of the term's tokens or of their form in an earlier index, whichever a quote's part holds (see
        `Term.stored`)."""
        tokens, forms = term.tokens, term.forms()
        closed = len(tokens) - 1 if term.last_is_prefix else len(tokens)
        lists: list[Sequence[int] | set[int]] = []
        if closed == 1:
            lists.append(any_posted(partial(self._postings, "words"), [form[0] for form in forms]))
        for number in range(closed - 1):
            pairs = [f"{form[number]} {form[number + 1]}" for form in forms]
            lists.append(any_posted(partial(self._postings, "pairs"), pairs))
        if term.last_is_prefix:
            with_prefix = [self._positions_with_prefix(prefix) for prefix in term.token_forms(len(tokens) - 1)]
            lists.append(with_prefix[0] if len(with_prefix) == 1 else set().union(*with_prefix))
        exact = term.literal is None and closed <= 2 and not (term.last_is_prefix and len(tokens) > 1)
        return lists, exact

    def surely_absent(self, term: Term) -> bool:
        """Whether no quote can match `term`, as its posting lists alone tell (one of them empty): no quote's text
        is read to know it."""
        lists, _ = self._requirements(term)
        return any(len(postings) == 0 for postings in lists)

    def search(self, query: ParsedQuery | str) -> Sequence[int]:
        """Positions of the quotes whose text matches every term of the query (its filters aside), ascending."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if not parsed.terms:
            return array("I")
        required: list[Sequence[int] | set[int]] = []
        to_verify: list[Term] = []
        for term in parsed.terms:
            lists, exact = self._requirements(term)
            required.extend(lists)
            if not exact:
                to_verify.append(term)
        return positions_matching(required, to_verify, self._folded_text)


class QuoteIndex(IndexSearch):
    """Answers a parsed query with the positions of the quotes that match all of its terms, from the index held
    in memory."""

    def __init__(self, texts: Sequence[str], document: IndexDocument | None = None) -> None:
        """Adopt a stored index that covers exactly `texts`, or build one in memory."""
        if document is None or document.get("quotes") != len(texts):
            document = extend_index_document(empty_index_document(), texts, 0)
        self._texts = texts
        self._words: dict[str, str] = document["words"]
        self._pairs: dict[str, str] = document["pairs"]
        self._vocabulary = list(self._words)
        self._decoded: dict[tuple[str, str], array] = {}
        self._folded: dict[int, str] = {}

    def _postings(self, table: str, key: str) -> array:
        cached = self._decoded.get((table, key))
        if cached is None:
            stored = (self._words if table == "words" else self._pairs).get(key)
            cached = decode_positions(stored) if stored is not None else array("I")
            self._decoded[(table, key)] = cached
        return cached

    def _positions_with_prefix(self, prefix: str) -> Sequence[int] | set[int]:
        start = bisect_left(self._vocabulary, prefix)
        end = start
        while end < len(self._vocabulary) and self._vocabulary[end].startswith(prefix):
            end += 1
        if end - start == 1:
            return self._postings("words", self._vocabulary[start])
        found: set[int] = set()
        for word in self._vocabulary[start:end]:
            found.update(self._postings("words", word))
        return found

    def _folded_text(self, position: int) -> str:
        """The folded form of one quote, computed when a phrase first needs it."""
        folded = self._folded.get(position)
        if folded is None:
            folded = self._folded[position] = fold(self._texts[position])
        return folded


def positions_matching(
    required: list[Sequence[int] | set[int]], to_verify: Sequence[Term], folded_text: Callable[[int], str]
) -> array:
    """The positions in every one of the `required` posting lists whose folded text the terms `to_verify` (which
    the lists alone do not prove) match, ascending (four bytes each: a word in half of a million quotes is a
    selection the browser keeps)."""
    if len(required) == 1 and not to_verify:
        only = required[0]
        return array("I", sorted(only) if isinstance(only, set) else only)
    required.sort(key=len)
    candidates = common_to([sorted(positions) if isinstance(positions, set) else positions for positions in required])
    if to_verify:
        patterns = [term.pattern() for term in to_verify]
        candidates = array("I", (p for p in candidates if all(pattern.search(folded_text(p)) for pattern in patterns)))
    return candidates
