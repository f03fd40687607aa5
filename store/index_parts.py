"""The quote index as a writer keeps it: in parts, each covering the quotes of some writes (see store.quote_index)."""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import repeat
from operator import sub
from pathlib import Path
from typing import Any

import orjson

from store.keys import name_key_unkept
from store.quote_index import KEYED_SECTIONS, decode_positions, encode_positions, extend_index_document
from store.storage import INDEX_TABLE, Tables, read_table_bytes

INDEX_PART_QUOTES = 10_000
"""A part of the quote index takes the quotes of later writes until it covers this many, then a write starts a
new part: a write encodes its own quotes' postings and at most one part of fewer than this many, however big the index
is. A search looks each key up in every part: parts this big keep them fewer (about 100 at 100,000 articles written
500 at a time, against 200 of 2,000 quotes or more), while extending one costs a write little beyond encoding its own
quotes."""
REBUILT_PARTS = 2
"""An index built again from every quote is made of parts this many times bigger: a writer only ever extends the
last one, which a later write then leaves as full."""

Names = Mapping[str, Sequence[str]]
"""The names (name, then aliases) of people and organizations, by speaker id ("person:KEY", "organization:KEY")."""


def update_index_parts(
    tables: Tables,
    quotes: Sequence[Mapping[str, Any]],
    first_position: int,
    last_part: tuple[int, int] | None,
    names: Names,
    spoken_for: Sequence[Sequence[str]],
    gone: Sequence[str] = (),
) -> tuple[int, int]:
    """Index the new quotes, which stand from `first_position` on, the name keys of the organizations each was said
    for (`spoken_for`, see `store.quote_index.KEYED_SECTIONS`), the `names` of the people and organizations the
    write stored and the speakers it removed (`gone`); say which quotes the last part covers now (first, end).
    `last_part` is what the previous write said (None: read it). The index is built again from every quote when it
    does not end where the new quotes begin (or quotes were removed: -1), or when its parts were written without
    the keyed sections. A write of names alone to an index of no part makes a part of no quote: people may speak
    for those organizations."""
    first, end = last_part if last_part is not None else _last_part_range(tables)
    if first_position < 0 or end != first_position:
        return rebuild_index_parts(tables)
    if not quotes and not names and not gone:
        return first, end
    place = tables.place_at(INDEX_TABLE, tables.document_count(INDEX_TABLE) - 1) if end else None
    last = tables.segment_documents(INDEX_TABLE, place[0])[place[1]] if place is not None else None
    if last is not None and not is_keyed(last):
        return rebuild_index_parts(tables)
    texts = [quote["text"] for quote in quotes]
    speakers = [quote.get("speaker") for quote in quotes]
    if place is not None and last is not None and (end < first + INDEX_PART_QUOTES or not quotes):
        part = extend_index_document(last, texts, first_position, speakers, names, spoken_for, gone)
        tables.edit_segment(INDEX_TABLE, place[0])[place[1]] = {"first": first, **part}
        return first, part["quotes"]
    _append_index_part(tables, texts, first_position, speakers, names, spoken_for, gone)
    return first_position, first_position + len(texts)


POSTING_SECTIONS = ("speakers", "words", "pairs", "for")
"""The sections of an index part that hold quote positions (`names` holds speaker ids)."""


def shift_index_parts(tables: Tables, removed: Sequence[int]) -> tuple[int, int] | None:
    """Take quotes out of the stored index: `removed` are their positions before the write, ascending, and every
    later position moves down by the removed ones before it. The parts that end before the first removed quote
    stay as they are; a part holding a removed quote has its postings shifted (see `shifted_part`); a part after
    the last removed quote only says it covers positions lower by their count, and adds that count to its `shift`
    (see `store.quote_index.unshifted`), its postings kept as their text. Each file holding a part after the
    first removed quote is written again, at once (see `Tables.write_ahead`), but the last, kept parsed for the
    write to extend its last part. Names stay: a speaker gone has no quote left to find by them. Say which quotes the
    last part covers now; None when there is no index or a part is not keyed (it is built again)."""
    segments = tables.files.get(INDEX_TABLE, [])
    if not removed or not segments:
        return None
    from store.keyed_index import parts_in_file

    last_range: tuple[int, int] | None = None
    for number in range(len(segments)):
        path = tables.unchanged_file(INDEX_TABLE, number) if number < len(segments) - 1 else None
        heads = parts_in_file(path, segments[number][1] or 0) if path is not None else None
        if heads and heads[-1][1].end <= removed[0]:
            last_range = (heads[-1][1].first, heads[-1][1].end)
            continue
        raw = read_table_bytes(path) if heads is not None and path is not None else None
        moved = moved_file(raw, removed) if raw is not None else None
        if moved is not None:
            payload, count, file_range = moved
            if payload is not None:
                tables.write_ahead(INDEX_TABLE, number, encoded=(payload, count))
            last_range = file_range or last_range
            continue
        documents = tables.segment_documents(INDEX_TABLE, number, keep=False)
        parts = list(documents.items())
        if not all(is_keyed(part) for _doc_id, part in parts):
            return None
        if not parts:
            continue
        if parts[-1][1]["quotes"] <= removed[0]:
            last_range = (parts[-1][1]["first"], parts[-1][1]["quotes"])
            continue
        written: dict[str, Any] = {}
        for doc_id, part in parts:
            written[doc_id] = shifted = part_without(part, removed)
            last_range = (shifted["first"], shifted["quotes"])
        if number == len(segments) - 1:
            tables.replace_segment(INDEX_TABLE, number, written)
        else:
            tables.write_ahead(INDEX_TABLE, number, written)
    return last_range


def moved_file(raw: bytes, removed: Sequence[int]) -> tuple[bytes | None, int, tuple[int, int] | None] | None:
    """A file of index parts with the quotes `removed` taken out (see `shift_index_parts`), made from its bytes: a
    part after every removed quote gets a new head before its sections' bytes (see `moved_part`), and only a part
    holding one is parsed. Its bytes (None when no part changes), how many parts it holds, and the quotes its last
    covers (None when it holds none); None when a part is not keyed as this whosaid writes it."""
    from store.keyed_index import keyed_part

    pieces: list[bytes] = []
    changed, offset, last_range = False, 1, None
    while offset < len(raw) - 1:
        found = keyed_part(raw, offset, Path())
        if found is None or len(found[1].sections) != len(KEYED_SECTIONS):
            return None
        _doc_id, part, following = found
        start, end = raw.index(b":", offset) + 1, following - 1
        head, offset = raw[offset:start], following
        if part.end <= removed[0]:
            pieces.append(head + raw[start:end])
            last_range = (part.first, part.end)
            continue
        changed = True
        if part.first > removed[-1]:
            count = len(removed)
            last_range = (part.first - count, part.end - count)
            sizes = b",".join(b"%d" % (stop - begin) for begin, stop in part.sections.values())
            moved_head = b'{"first":%d,"quotes":%d,"shift":%d,"sizes":[%s],"speakers":' % (
                *last_range,
                part.shift + count,
                sizes,
            )
            pieces.append(head + moved_head + raw[part.sections["speakers"][0] : end])
        else:
            shifted = shifted_part(orjson.loads(raw[start:end]), removed)
            last_range = (shifted["first"], shifted["quotes"])
            pieces.append(head + orjson.dumps(shifted))
    return (b"{" + b",".join(pieces) + b"}" if changed else None), len(pieces), last_range


def part_without(part: Mapping[str, Any], removed: Sequence[int]) -> Mapping[str, Any]:
    """An index part with the quotes `removed` taken out: as it is when it ends before them, moved when it starts
    after them (see `moved_part`), its postings shifted when it holds one (see `shifted_part`)."""
    if part["quotes"] <= removed[0]:
        return part
    if part["first"] > removed[-1]:
        return moved_part(part, len(removed))
    return shifted_part(part, removed)


def moved_part(part: Mapping[str, Any], count: int) -> dict[str, Any]:
    """An index part after every removed quote: it covers positions `count` lower, and its stored postings, kept as
    they are, are read less its shift, now higher by `count` (see `store.quote_index.unshifted`)."""
    head = {"first": part["first"] - count, "quotes": part["quotes"] - count, "shift": part.get("shift", 0) + count}
    return {**head, "sizes": part["sizes"], **{section: part[section] for section in KEYED_SECTIONS}}


def shifted_part(part: Mapping[str, Any], removed: Sequence[int]) -> dict[str, Any]:
    """An index part with the removed positions taken out of its postings and the later ones moved down (see
    `shift_index_parts`); a key left with no position goes. Its postings stay stored plus its shift."""
    shift = part.get("shift", 0)
    stored_removed = [position + shift for position in removed] if shift else removed
    sections = {
        section: shifted_postings(part[section], stored_removed) if section in POSTING_SECTIONS else part[section]
        for section in KEYED_SECTIONS
    }
    return {
        "first": part["first"] - bisect_left(removed, part["first"]),
        "quotes": part["quotes"] - bisect_left(removed, part["quotes"]),
        **({"shift": shift} if shift else {}),
        "sizes": [len(orjson.dumps(sections[section])) for section in KEYED_SECTIONS],
        **sections,
    }


def shifted_postings(postings: Mapping[str, str], removed: Sequence[int]) -> dict[str, str]:
    """Posting lists (base64 of ascending positions) with the removed positions taken out and the later ones moved
    down; lists wholly before the first removed position are kept as their text."""
    lowest, highest, count = removed[0], removed[-1], len(removed)
    gone = set(removed)
    shifted: dict[str, str] = {}
    for key, encoded in postings.items():
        positions = decode_positions(encoded)
        if positions[-1] < lowest:
            shifted[key] = encoded
            continue
        start, end = bisect_left(positions, lowest), bisect_right(positions, highest)
        kept = array("I", positions[:start])
        if start < end:
            kept.extend(p - bisect_left(removed, p) for p in positions[start:end] if p not in gone)
        kept.extend(map(sub, positions[end:] if end else positions, repeat(count)))
        if kept:
            shifted[key] = encode_positions(kept)
    return shifted


def drop_index_parts(tables: Tables) -> None:
    """Remove the quote index: readers build one from the quotes, and the next write that indexes builds it again
    (its parts no longer end where that write's quotes begin)."""
    tables.clear_table(INDEX_TABLE)


def is_keyed(part: Mapping[str, Any]) -> bool:
    """Whether an index part holds every keyed section, with their sizes (an earlier whosaid wrote parts without)."""
    return isinstance(part.get("sizes"), list) and all(section in part for section in KEYED_SECTIONS)


def _last_part_range(tables: Tables) -> tuple[int, int]:
    """The quotes the last part of the stored index covers (first, end); (0, 0) when there is no index."""
    count = tables.document_count(INDEX_TABLE)
    place = tables.place_at(INDEX_TABLE, count - 1) if count else None
    if place is None:
        return 0, 0
    last = tables.segment_documents(INDEX_TABLE, place[0])[place[1]]
    return last.get("first", 0), last.get("quotes", -1)


def rebuild_index_parts(tables: Tables) -> tuple[int, int]:
    """Index every stored quote again, in parts, replacing the index table; the quotes the last part covers. Each
    speaker's names go in the part that holds their first quote, and the names of organizations nobody quotes as
    themselves in the last part (people speak for them)."""
    names, said_for = stored_names(tables)
    tables.clear_table(INDEX_TABLE)
    texts: list[str] = []
    speakers: list[str | None] = []
    spoken_for: list[Sequence[str]] = []
    position = 0
    for _number, _doc_id, quote in tables.located_documents("quotes"):
        if len(texts) == REBUILT_PARTS * INDEX_PART_QUOTES:
            _append_index_part(tables, texts, position, speakers, _names_first_said(speakers, names), spoken_for)
            position, texts, speakers, spoken_for = position + len(texts), [], [], []
        speaker = quote.get("speaker")
        texts.append(quote["text"])
        speakers.append(speaker)
        named = said_for.get(spoken_for_key(speaker, quote.get("article") or "")) if speaker else None
        spoken_for.append(_as_tuple(named) if named is not None else ())
    last_names = _names_first_said(speakers, names)
    last_names.update((speaker, other) for speaker, other in names.items() if speaker.startswith("organization:"))
    if texts or last_names:
        _append_index_part(tables, texts, position, speakers, last_names, spoken_for)
    return position, position + len(texts)


def appearance_organizations(person: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """For each appearance of a person document that names an organization: its article's key and the name key of
    that organization, as the index's `for` section files the person's quotes there."""
    for appearance in person.get("appearances", ()):
        if appearance.get("organization"):
            yield appearance["article"], name_key_unkept(appearance["organization"])


def spoken_for_key(speaker: str, article: str) -> str:
    """The key of a speaker's appearance in an article in what `stored_names` says each spoke for."""
    return f"{speaker}\n{article}"


def _as_tuple(named: str | tuple[str, ...]) -> tuple[str, ...]:
    """Name keys of what `stored_names` says a person spoke for in an article, one or several, as a tuple."""
    return (named,) if isinstance(named, str) else named


def stored_names(tables: Tables) -> tuple[dict[str, list[str]], dict[str, str | tuple[str, ...]]]:
    """The names of every stored person and organization, by speaker id; and, read in the same pass, by "person:KEY"
    and article key (see `spoken_for_key`), the name key of the organization each appearance names: one string for
    each of some 450,000 appearances at 100,000 articles, the name keys shared."""
    names: dict[str, list[str]] = {}
    spoken_for: dict[str, str | tuple[str, ...]] = {}
    for table, kind in (("people", "person"), ("organizations", "organization")):
        for _number, _doc_id, document in tables.located_documents(table):
            speaker = f"{kind}:{document['key']}"
            names[speaker] = [document["name"], *document.get("aliases", ())]
            for article, named in appearance_organizations(document) if kind == "person" else ():
                key = spoken_for_key(speaker, article)
                earlier = spoken_for.get(key)
                spoken_for[key] = sys.intern(named) if earlier is None else (*_as_tuple(earlier), sys.intern(named))
    return names, spoken_for


def _names_first_said(speakers: Sequence[str | None], names: dict[str, list[str]]) -> dict[str, list[str]]:
    """The names of these quotes' speakers not yet indexed, taken out of `names` so that each goes in one part."""
    return {speaker: names.pop(speaker) for speaker in dict.fromkeys(speakers) if speaker and speaker in names}


def _append_index_part(
    tables: Tables,
    texts: list[str],
    first_position: int,
    speakers: Sequence[str | None],
    names: Names,
    spoken_for: Sequence[Sequence[str]],
    gone: Sequence[str] = (),
) -> None:
    """Add a part of the quote index covering `texts`, the quotes from `first_position` on."""
    empty = {"quotes": first_position, **{section: {} for section in KEYED_SECTIONS}}
    part = extend_index_document(empty, texts, first_position, speakers, names, spoken_for, gone)
    tables.append_documents(INDEX_TABLE, [{"first": first_position, **part}])
    tables.write_full_files_ahead(INDEX_TABLE)
