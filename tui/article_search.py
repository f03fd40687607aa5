"""The article's search line: opened with '/', run with Enter, closed with Esc, as in less."""

from __future__ import annotations

from collections.abc import Callable

from tui.bindings import ARTICLE_SEARCH_BINDINGS
from tui.search_box import ImmediateInput, searchable


class ArticleSearch(ImmediateInput):
    """A one-line prompt at the bottom of the article; Enter runs the search, Esc closes the line, each at once (see
    `ImmediateInput`): `n` typed right after Enter goes to the article."""

    BINDINGS = list(ARTICLE_SEARCH_BINDINGS)

    def __init__(self, done: Callable[[str | None], None]) -> None:
        """`done` closes the line and moves the focus to the article, told the query to search for (None on Esc:
        any search already active is kept)."""
        super().__init__(placeholder="search the article", id="article-search")
        self._done = done
        self.display = False

    def replace(self, text: str, start: int, end: int) -> None:
        """Typed or pasted text, made one safe line."""
        super().replace(searchable(text), start, end)

    async def action_submit(self) -> None:
        self._done(self.value)

    def action_cancel(self) -> None:
        self._done(None)
