"""Terminal input read so that Esc followed at once by other keys stays Esc, then those keys.

Textual's parser takes Esc and whatever follows it in the same read as the start of an escape
sequence: it waits for more, and when the next Esc arrives first it types the held keys as text with
the Esc shown as '^' (so Esc, j, k, ↑ typed fast, or sent in one packet over SSH, put "^jk" in the
search box or the command palette). Escape sequences that terminals send for keys begin with Esc [
(CSI) or Esc O (SS3, always three characters), so anything else after an Esc is decided at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver

ESCAPE = "\x1b"
SEQUENCE_STARTS = frozenset("[O")
"""What follows Esc in the escape sequences terminals send for keys (CSI and SS3)."""
ALT_KEYS = frozenset({ESCAPE + ESCAPE, ESCAPE + "\x7f", ESCAPE + "\t", ESCAPE + "b", ESCAPE + "f"})
"""Esc pairs kept as one key: Alt+Backspace, Alt+Tab and the word motions Alt+B / Alt+F of line editors."""


class KeyParser(XTermParser):
    """Textual's parser, but an Esc that cannot start a key's escape sequence is Esc, and what follows is typed."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        """The keys of `sequence`, deciding an Esc pair or an unknown SS3 triple as separate keys at once."""
        if self._is_lone_escape(sequence):
            yield events.Key("escape", ESCAPE)
            for character in sequence[1:]:
                yield from super()._sequence_to_key_events(character)
            return
        yield from super()._sequence_to_key_events(sequence, alt)

    def _is_lone_escape(self, sequence: str) -> bool:
        """Whether `sequence` is an Esc whose following characters are keys of their own, not a sequence."""
        if not sequence.startswith(ESCAPE) or ESCAPE in sequence[1:]:
            return False
        if len(sequence) == 2:
            return sequence[1] not in SEQUENCE_STARTS and sequence not in ALT_KEYS
        if len(sequence) == 3 and sequence[1] == "O":
            return not any(True for _ in super()._sequence_to_key_events(sequence))
        return False


def read_keys_with_key_parser() -> None:
    """Make the terminal driver read input with `KeyParser` (it names its parser class at module level)."""
    linux_driver.XTermParser = KeyParser  # type: ignore[misc]
