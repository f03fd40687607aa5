"""The runs of positions by number that a big store's lookups (an article's quotes, its people) are held in."""

from __future__ import annotations

import random

from store.position_runs import PositionRuns


def test_each_number_gives_its_positions_in_ascending_order_and_none_gives_nothing() -> None:
    rng = random.Random(7)
    pairs = [(rng.randrange(50), position) for position in range(2_000) for _ in range(rng.randrange(3))]
    expected: dict[int, list[int]] = {}
    for number, position in pairs:
        expected.setdefault(number, []).append(position)
    numbers, positions = [number for number, _ in pairs], [position for _, position in pairs]
    for runs in (PositionRuns(60, pairs), PositionRuns.of_columns(60, numbers, positions)):
        for number in range(60):
            assert list(runs.at(number)) == expected.get(number, [])
            assert runs.size_at(number) == len(expected.get(number, []))
        assert list(runs.at(None)) == []


def test_numbers_with_no_positions_are_empty_runs() -> None:
    runs = PositionRuns(3, [(2, 5), (2, 9)])
    assert [list(runs.at(number)) for number in range(3)] == [[], [], [5, 9]]


def test_runs_paired_from_a_column_of_numbers_skip_those_outside_the_numbering() -> None:
    rng = random.Random(11)
    column = [rng.choice([0, 1, 2, 3, 7, 2**32 - 1]) for _ in range(500)]
    runs = PositionRuns.of_numbers(5, column, first=1)
    for number in range(5):
        assert list(runs.at(number)) == [position for position, value in enumerate(column) if value == number + 1]


def test_the_union_of_runs_is_the_same_through_a_set_or_a_byte_a_position() -> None:
    from store.position_flags import union_of

    rng = random.Random(5)
    for size, count in ((100_000, 50), (1_000, 600)):
        runs = [sorted(rng.sample(range(size), count)) for _ in range(3)]
        assert list(union_of(size, *runs)) == sorted(set().union(*runs))
    assert list(union_of(10)) == []


def test_the_positions_common_to_runs_are_those_of_a_set_intersection() -> None:
    from store.position_flags import common_to

    rng = random.Random(9)
    for _ in range(20):
        runs = [sorted(rng.sample(range(300), rng.randrange(0, 120))) for _ in range(rng.randrange(1, 4))]
        expected = set(runs[0]).intersection(*runs[1:])
        assert list(common_to(runs)) == sorted(expected)
