"""Terminal input read so that every key lands as typed, however the input is split on its way in.

Textual's parser takes Esc and whatever follows it in the same read as the start of an escape
sequence: it waits for more, and when the next Esc arrives first it types the held keys as text with
the Esc shown as '^' (so Esc, j, k, ↑ typed fast, or sent in one packet over SSH, put "^jk" in the
search box or the command palette). Escape sequences that terminals send for keys begin with Esc [
(CSI) or Esc O (SS3, always three characters), so anything else after an Esc is decided at once,
and an Esc whose sequence is cut short (by a timeout or by the next Esc) is Esc, then the keys after it.

A slow link also splits what the terminal sends at any byte, and the rest can come a while later.
Textual gives up waiting for the rest of a sequence after a tenth of a second; inside a paste that
would read the start of the paste's end marker as Esc and the rest of it as pasted text, so that the
paste never ended and every later key was taken as pasted (the app still redrew, but answered no key
but Esc). Inside a paste the parser therefore waits for the end marker however late its rest arrives.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from contextlib import suppress

from textual import events
from textual._parser import ParseEOF, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers import linux_driver
from textual.message import Message

ESCAPE = "\x1b"
SEQUENCE_STARTS = frozenset("[O")
"""What follows Esc in the escape sequences terminals send for keys (CSI and SS3)."""
ALT_KEYS = frozenset({ESCAPE + ESCAPE, ESCAPE + "\x7f", ESCAPE + "\t", ESCAPE + "b", ESCAPE + "f"})
"""Esc pairs kept as one key: Alt+Backspace, Alt+Tab and the word motions Alt+B / Alt+F of line editors."""
MARKER_LENGTH = len(BRACKETED_PASTE_START)


class KeyParser(XTermParser):
    """Textual's parser, but an Esc that cannot start a key's escape sequence is Esc, and what follows is typed;
    and a paste lasts until its end marker, however the marker is split."""

    def parse(self, token_callback: TokenCallback[Message]) -> Generator[Read1 | Peek1, str, None]:
        """Textual's parsing of each character, told when to give up on a pending escape sequence.

        An Esc that arrives while a sequence is pending ends that sequence first (as its timeout would), so the
        pending keys are read as keys, never as '^' and text. Inside a paste a timeout is not passed on: the
        pending Esc starts the paste's end marker, and the parser keeps waiting for the rest of it.
        """
        keys = super().parse(token_callback)
        awaiting = next(keys)
        recent = ""
        """The last characters read since a sequence was last cut short: where a paste starts and ends."""
        pasting = False
        while True:
            try:
                character = yield awaiting
            except ParseTimeout:
                if pasting:
                    awaiting = Read1()
                    continue
                recent = ""
                awaiting = keys.throw(ParseTimeout())
                continue
            except ParseEOF:
                with suppress(StopIteration):
                    keys.throw(ParseEOF())
                return
            if character == ESCAPE and awaiting.timeout is not None and not pasting:
                recent = ""
                awaiting = keys.throw(ParseTimeout())
            recent = (recent + character)[-MARKER_LENGTH:]
            if recent == BRACKETED_PASTE_START:
                pasting = True
            elif recent == BRACKETED_PASTE_END:
                pasting = False
            awaiting = keys.send(character)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        """The keys of `sequence`, deciding an Esc pair or an unknown SS3 triple as separate keys at once;
        a key after an Esc whose sequence was cut short is Esc, then that key."""
        if alt and len(sequence) == 1:
            yield events.Key("escape", ESCAPE)
            yield from super()._sequence_to_key_events(sequence)
            return
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
