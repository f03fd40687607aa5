"""An article's full text, with its quotes marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.bindings import ARTICLE_BINDINGS
from tui.text import QUOTE_STYLE, block, plain


class ArticleScreen(Screen[None]):
    """The full text of one article."""

    BINDINGS = list(ARTICLE_BINDINGS)

    def __init__(self, article_key: str, quote_key: str | None = None) -> None:
        super().__init__()
        self.article_key = article_key
        self.quote_key = quote_key

    def compose(self) -> ComposeResult:
        snapshot = self.app.snapshot  # type: ignore[attr-defined]
        article = snapshot.article(self.article_key)
        text = block(article.text if article else "")
        for quote in snapshot.quotes_in_article(self.article_key):
            text = text.stylize(QUOTE_STYLE, quote.start, quote.end)
        yield Header()
        with VerticalScroll(id="article"):
            yield Static(text, markup=False)
        yield Footer()

    def on_mount(self) -> None:
        article = self.app.snapshot.article(self.article_key)  # type: ignore[attr-defined]
        self.query_one("#article").border_title = plain(article.title if article else "", "bold")

    def action_back(self) -> None:
        self.dismiss()
