"""The article's search line: opened with '/', run with Enter, closed with Esc, as in less."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

from tui.bindings import ARTICLE_SEARCH_BINDINGS
from tui.search_box import searchable


class ArticleSearch(Input):
    """A one-line prompt at the bottom of the article; Enter posts Submitted, Esc posts Cancelled."""

    BINDINGS = list(ARTICLE_SEARCH_BINDINGS)

    class Cancelled(Message):
        """Esc in the search line: close it, keeping any search already active."""

    def __init__(self) -> None:
        super().__init__(placeholder="search the article", id="article-search")
        self.display = False

    def replace(self, text: str, start: int, end: int) -> None:
        """Typed or pasted text, made one safe line."""
        super().replace(searchable(text), start, end)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
