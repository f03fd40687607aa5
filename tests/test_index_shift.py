"""Removing quotes moves the stored index: every word's postings name the quotes that hold it after the removal,
whether a file of parts is moved from its bytes or as parsed documents, and however many removals came before."""

from __future__ import annotations

import random

import orjson
import pytest

from store.index_parts import moved_file, moved_part, shifted_part
from store.quote_index import KEYED_SECTIONS, decode_positions, extend_index_document, quote_keys
from store.storage import merged_index

WORDS = ("harbor", "budget", "vote", "plan", "winter", "port", "fund", "road", "rail")


def indexed_parts(texts: list[str], sizes: list[int]) -> dict[str, dict]:
    """Index parts covering `texts` in order, `sizes` quotes each, by id."""
    parts, position = {}, 0
    for doc_id, size in enumerate(sizes, start=1):
        empty = {"quotes": position, **{section: {} for section in KEYED_SECTIONS}}
        chunk = texts[position : position + size]
        speakers = [f"person:p{number % 3}" for number in range(position, position + size)]
        spoken_for = [("harbor board",) if number % 4 == 0 else () for number in range(position, position + size)]
        part = extend_index_document(empty, chunk, position, speakers, {}, spoken_for)
        parts[str(doc_id)] = {"first": position, **part}
        position += size
    return parts


def moved_as_documents(parts: dict[str, dict], removed: list[int]) -> dict[str, dict]:
    """The parts with `removed` taken out, each as `shift_index_parts` moves a parsed one."""
    return {
        doc_id: part
        if part["quotes"] <= removed[0]
        else moved_part(part, len(removed))
        if part["first"] > removed[-1]
        else shifted_part(part, removed)
        for doc_id, part in parts.items()
    }


def words_at(texts: list[str]) -> dict[str, list[int]]:
    """Each word's positions among `texts`."""
    found: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        for word in quote_keys(text)[0]:
            found.setdefault(word, []).append(position)
    return found


@pytest.mark.parametrize("seed", range(6))
def test_a_file_of_parts_moved_from_its_bytes_is_what_moving_its_parts_as_documents_makes(seed: int) -> None:
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(WORDS) for _ in range(3)) for _ in range(60)]
    parts = indexed_parts(texts, [7, 5, 9, 1, 6, 13, 19])
    raw = orjson.dumps(parts)
    for _ in range(4):
        removed = sorted(rng.sample(range(len(texts)), rng.choice([1, 1, 2, 5])))
        moved = moved_file(raw, removed)
        assert moved is not None
        expected = moved_as_documents(parts, removed)
        payload, count, last_range = moved
        assert count == len(parts)
        assert last_range == (expected[str(count)]["first"], expected[str(count)]["quotes"])
        if payload is None:
            assert expected == parts
            continue
        assert orjson.loads(payload) == expected
        texts = [text for position, text in enumerate(texts) if position not in set(removed)]
        raw, parts = payload, expected
        merged = merged_index(list(parts.values()))
        assert merged["quotes"] == len(texts)
        assert {word: list(decode_positions(merged["words"][word])) for word in merged["words"]} == words_at(texts)
        said = sorted(
            position
            for part in parts.values()
            for value in part["speakers"].values()
            for position in decode_positions(value, part.get("shift", 0))
        )
        assert said == list(range(len(texts)))


def test_a_part_holding_the_first_removed_quote_as_its_last_is_moved() -> None:
    texts = [f"{WORDS[number % 9]} {WORDS[(number + 4) % 9]}" for number in range(20)]
    parts = indexed_parts(texts, [5, 5, 10])
    moved = moved_file(orjson.dumps(parts), [4])
    assert moved is not None and moved[0] is not None
    remaining = texts[:4] + texts[5:]
    merged = merged_index(list(orjson.loads(moved[0]).values()))
    assert {word: list(decode_positions(merged["words"][word])) for word in merged["words"]} == words_at(remaining)
