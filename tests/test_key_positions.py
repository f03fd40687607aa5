"""Where each key stands, found by hash in two arrays: the answers of a dictionary of every key's position."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.key_positions import KeyPositions

KEYS = st.lists(st.sampled_from(["ann", "bo", "cy", "", "d\u00e9", "ann lee", "x" * 40]), max_size=30)


@given(KEYS, st.lists(st.sampled_from(["ann", "bo", "zed", "", "ann lee", 3]), max_size=8))
def test_positions_by_key_are_those_of_a_dictionary_of_every_key(keys: list[str], asked: list[object]) -> None:
    expected = {key: position for position, key in enumerate(keys)}
    held = KeyPositions(keys)
    assert dict(held.items()) == expected
    assert list(held) == list(expected)
    assert len(held) == len(expected)
    for key in asked:
        assert held.get(key) == expected.get(key)  # type: ignore[call-overload]
        assert (key in held) == (key in expected)


class Colliding(str):
    """A key whose hash is every other's."""

    def __hash__(self) -> int:
        return 7


def test_keys_sharing_a_hash_are_told_apart_by_the_key() -> None:
    keys = [Colliding(name) for name in ("ann", "bo", "cy", "bo")]
    held = KeyPositions(keys)
    assert [held.get(Colliding(name)) for name in ("ann", "bo", "cy", "dee")] == [0, 3, 2, None]
