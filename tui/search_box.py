"""The search box: filters as you type, remembers earlier searches (up/down), Esc leaves it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.binding import BindingsMap
from textual.message import Message
from textual.widgets import Input

from store import parse_query, query_problem
from tui.bindings import SEARCH_BINDINGS
from tui.safe_text import printable

MAX_QUERY = 500
"""Characters a search may hold: a huge paste is cut, not sent whole through every search."""
HISTORY_LENGTH = 100
"""Searches the history keeps, the most recent ones."""


def searchable(text: str) -> str:
    """Typed or pasted text as the search box keeps it: one line, no control characters, at most MAX_QUERY."""
    line = printable(text).replace("\n", " ")
    return "".join(char if char == safe else " " for char, safe in zip(text.replace("\n", " "), line, strict=True))[
        :MAX_QUERY
    ]


def pasted_line(text: str) -> str:
    """Pasted text as one search: its lines, each without the spaces around it, joined by single spaces (the blank
    ones left out)."""
    return " ".join(stripped for line in text.splitlines() if (stripped := line.strip()))


class ImmediateInput(Input):
    """An Input whose own keys (Enter, Esc, Ctrl+U, ...) act as they arrive, in order with the characters typed
    around them, and which sends on the keys that reach it once it has lost the focus."""

    _keymapped: tuple[dict[str, str], BindingsMap] | None = None

    def own_bindings(self) -> BindingsMap:
        """This input's bindings with the app's keymap applied (so a rebound Esc is not taken as Leave)."""
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        if self._keymapped is None or self._keymapped[0] is not keymap:
            bindings = self._bindings.copy()
            bindings.apply_keymap(keymap)
            self._keymapped = (keymap, bindings)
        return self._keymapped[1]

    async def _on_key(self, event: events.Key) -> None:
        """Run this input's own bindings as their key arrives; Textual would run them once the key had bubbled up to
        the app, after later keys. A key sent here once the focus had moved away (by a click, say, while the key was
        on its way) is sent on where the focus went, before the keys read after it, never typed into the input."""
        if self.screen.focused is not self:
            event.stop()
            event.prevent_default()
            await self.app.key_order.send_on(events.Key(event.key, event.character))  # type: ignore[attr-defined]
            return
        if not event.is_printable:
            for binding in self.own_bindings().key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """Put every line of a paste in, as one line (Textual's Input keeps the first line only: none at all of a
        paste that starts with a line break)."""
        line = pasted_line(event.text)
        if line:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *selection)
        event.stop()
        event.prevent_default()


class SearchBox(ImmediateInput):
    """An Input with a history of submitted searches."""

    BINDINGS = list(SEARCH_BINDINGS)

    class Remembered(Message):
        """A search joined the history (or moved to its end), so that the history can be kept."""

        def __init__(self, history: Sequence[str]) -> None:
            super().__init__()
            self.history = history

    def __init__(self, leave: Callable[[bool], None]) -> None:
        """`leave` moves the focus to the results (told whether the search was submitted with Enter or left with
        Esc), at once: a key typed right after goes where the focus went."""
        super().__init__(placeholder="/ search quotes, people, organizations", id="search")
        self._leave = leave
        self.history: list[str] = []
        """Earlier searches, oldest first."""
        self._recall_position: int | None = None
        self._draft = ""
        """What was typed before the history was recalled (unless it was the latest search): Down past the latest
    search brings it back. Typing starts a new recall."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit (typing, paste) goes through here: control characters become spaces, the length is capped."""
        room = MAX_QUERY - (len(self.value) - (end - start))
        super().replace(searchable(text)[: max(0, room)], start, end)
        self._recall_position = None

    def remember(self, query: str) -> None:
        """Add a search to the history (most recent last, no repeats, the last HISTORY_LENGTH); say so if it
        changed. One that searches for nothing (`"`, `speaker:`) is not kept."""
        query = query.strip()
        self._recall_position = None
        if not query or (self.history and self.history[-1] == query) or query_problem(parse_query(query)):
            return
        if query in self.history:
            self.history.remove(query)
        self.history = [*self.history, query][-HISTORY_LENGTH:]
        self.post_message(self.Remembered(tuple(self.history)))

    def action_recall(self, step: int) -> None:
        """Replace the text with an earlier (-1) or later (+1) search from the history, and past the latest with what
        was typed before (as a shell does); the first step skips the search already in the box, so the first Up gives
        the one before it."""
        if not self.history:
            return
        starting = self._recall_position is None
        if starting:
            self._draft = "" if self.value.strip() == self.history[-1] else self.value
        position = len(self.history) if starting else self._recall_position
        position = max(0, min(position + step, len(self.history)))
        if starting and position < len(self.history) and self.history[position] == self.value.strip():
            position = max(0, position + step)
        self._recall_position = position
        self.value = self.history[position] if position < len(self.history) else self._draft
        self.cursor_position = len(self.value)

    def action_leave(self) -> None:
        self.remember(self.value)
        self._leave(False)

    def action_submit(self) -> None:
        self.remember(self.value)
        self._leave(True)
