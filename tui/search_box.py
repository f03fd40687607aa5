"""The search box: filters as you type, remembers earlier searches (up/down), Esc leaves it."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

from tui.bindings import SEARCH_BINDINGS
from tui.safe_text import printable_line

MAX_QUERY = 500
"""Characters a search may hold: a huge paste is cut, not sent whole through every search."""


def searchable(text: str) -> str:
    """Typed or pasted text as the search box keeps it: one line, no control characters, at most MAX_QUERY."""
    line = printable_line(text)
    return "".join(char if char == safe else " " for char, safe in zip(text.replace("\n", " "), line, strict=True))[
        :MAX_QUERY
    ]


class SearchBox(Input):
    """An Input with a history of submitted searches."""

    BINDINGS = list(SEARCH_BINDINGS)

    class Left(Message):
        """The user pressed Esc or Enter to go back to the results."""

        def __init__(self, submitted: bool) -> None:
            super().__init__()
            self.submitted = submitted

    def __init__(self) -> None:
        super().__init__(placeholder="/ search quotes, people, organizations", id="search")
        self.history: list[str] = []
        self._recall_position: int | None = None

    async def _on_key(self, event: events.Key) -> None:
        """Run this box's own bindings (Ctrl+U, Esc, Enter, ...) as their key arrives, in order with the characters
        typed around them; Textual would run them once the key had bubbled up to the app, after later keys."""
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit (typing, paste) goes through here: control characters become spaces, the length is capped."""
        room = MAX_QUERY - (len(self.value) - (end - start))
        super().replace(searchable(text)[: max(0, room)], start, end)

    def remember(self, query: str) -> None:
        """Add a search to the history (most recent last, no repeats)."""
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
        self._recall_position = None

    def action_recall(self, step: int) -> None:
        """Replace the text with an earlier (-1) or later (+1) search from the history; the first step skips the
        search already in the box, so the first Up gives the one before it."""
        if not self.history:
            return
        starting = self._recall_position is None
        position = len(self.history) if starting else self._recall_position
        position = max(0, min(position + step, len(self.history)))
        if starting and position < len(self.history) and self.history[position] == self.value.strip():
            position = max(0, position + step)
        self._recall_position = position
        self.value = self.history[position] if position < len(self.history) else ""
        self.cursor_position = len(self.value)

    def action_leave(self) -> None:
        self.remember(self.value)
        self.post_message(self.Left(submitted=False))

    def action_submit(self) -> None:
        self.remember(self.value)
        self.post_message(self.Left(submitted=True))
