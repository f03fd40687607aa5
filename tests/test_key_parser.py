"""Keys read from the terminal as typed, however fast: Esc followed at once by other keys stays Esc, then them."""

from __future__ import annotations

import time

import pytest

from tui.key_parser import KeyParser


def keys_read(data: str) -> list[str]:
    """The key names the parser reads from `data` arriving in one read, after Esc's wait has passed."""
    parser = KeyParser()
    events = list(parser.feed(data))
    time.sleep(0.15)
    events += list(parser.tick())
    return [getattr(event, "key", type(event).__name__) for event in events]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("\x1bjk\x1b[A", ["escape", "j", "k", "up"]),
        ("\x1b/word", ["escape", "slash", "w", "o", "r", "d"]),
        ("\x1b3", ["escape", "3"]),
        ("\x1bq", ["escape", "q"]),
        ("\x1b\r", ["escape", "enter"]),
        ("\x1b\u00e9", ["escape", "\u00e9"]),
        ("\x1bOjj\x1b", ["asterisk", "j", "escape"]),
        ("\x1bOz\x1b", ["escape", "O", "z", "escape"]),
    ],
)
def test_esc_followed_at_once_by_keys_is_esc_then_those_keys(typed: str, read: list[str]) -> None:
    assert keys_read(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("\x1b[A", ["up"]),
        ("\x1b[6~", ["pagedown"]),
        ("\x1bOP", ["f1"]),
        ("\x1b", ["escape"]),
        ("\x1b\x1b", ["escape", "escape"]),
        ("\x1b\x7f", ["ctrl+w"]),
        ("\x1bb", ["ctrl+left"]),
        ("\x1b[200~[bold]\x1b[201~", ["Paste"]),
    ],
)
def test_the_escape_sequences_of_keys_and_pastes_are_still_read_whole(typed: str, read: list[str]) -> None:
    assert keys_read(typed) == read


def test_no_key_is_ever_read_as_a_caret_that_was_not_typed() -> None:
    typed = "".join(f"\x1b{character}" for character in "jkG/?nN0123456789 -=") + "\x1b[B"
    assert "circumflex_accent" not in keys_read(typed)


def keys_read_in_pieces(*pieces: str) -> list[str]:
    """The key names read from `pieces` arriving one after the other, each after Esc's wait has passed."""
    parser = KeyParser()
    events: list[object] = []
    for piece in pieces:
        events += parser.feed(piece)
        time.sleep(0.15)
        events += parser.tick()
    return [getattr(event, "key", type(event).__name__) for event in events]


PASTE_END = "\x1b[201~"


@pytest.mark.parametrize("cut", range(1, len(PASTE_END)))
def test_a_paste_whose_end_marker_arrives_late_ends_and_the_keys_after_it_are_read(cut: int) -> None:
    pieces = (f"\x1b[200~[bold] text{PASTE_END[:cut]}", f"{PASTE_END[cut:]}3?")
    assert keys_read_in_pieces(*pieces) == ["Paste", "3", "question_mark"]


def test_a_paste_cut_after_its_end_marker_is_read_whole_with_its_text() -> None:
    parser = KeyParser()
    events = list(parser.feed("\x1b[200~one\x1b[201~\x1b[200~two\x1b["))
    time.sleep(0.15)
    events += parser.tick()
    events += parser.feed("201~j")
    assert [getattr(event, "text", getattr(event, "key", None)) for event in events] == ["one", "two", "j"]


@pytest.mark.parametrize(
    ("pieces", "read"),
    [
        (("\x1bO\x1bk",), ["escape", "O", "escape", "k"]),
        (("\x1bO", "k"), ["escape", "O", "k"]),
        (("\x1b[\x1b[A",), ["escape", "left_square_bracket", "up"]),
        (("\x1b[", "A"), ["escape", "left_square_bracket", "A"]),
    ],
)
def test_an_esc_whose_sequence_is_cut_short_is_esc_then_the_keys_typed_after_it(
    pieces: tuple[str, ...], read: list[str]
) -> None:
    assert keys_read_in_pieces(*pieces) == read
