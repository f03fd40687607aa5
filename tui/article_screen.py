"""An article's full text with its people, organizations and quotes styled apart, stepped through by key."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from store import QuoteRecord, Snapshot
from tui.bindings import ARTICLE_BINDINGS
from tui.detail import Subject
from tui.mentions import Mention, article_mentions
from tui.text import (
    CURRENT_QUOTE_STYLE,
    MUTED_STYLE,
    ORGANIZATION_STYLE,
    PERSON_STYLE,
    QUOTE_STYLE,
    block,
    count_label,
    plain,
)

if TYPE_CHECKING:
    from tui.app import WhosaidApp

CURRENT_NAME_STYLE = "reverse"


class ReadingPlace(NamedTuple):
    """Where a reader was in an article: the marked quote and name, and how far down it was scrolled."""

    article_key: str
    quote_key: str | None
    name_index: int | None
    scroll_y: float


class ArticleText(VerticalScroll, can_focus=True):
    """The scrolling body of the article, one Static per paragraph."""


class ArticleScreen(Screen[Subject | None]):
    """The full text of one article; dismissed with the person or organization to open, if any."""

    BINDINGS = list(ARTICLE_BINDINGS)

    current_quote: var[int | None] = var(None, init=False)
    """Index (in `quotes`) of the marked quote."""

    current_name: var[int | None] = var(None, init=False)
    """Index (in `mentions`) of the name Enter would open."""

    app: WhosaidApp

    class Loaded(Message):
        """The article's text and where it names people, organizations and quotes, read off the UI thread."""

        def __init__(self, text: str, quotes: list[QuoteRecord], mentions: list[Mention]) -> None:
            super().__init__()
            self.text = text
            self.quotes = quotes
            self.mentions = mentions

    def __init__(self, article_key: str, quote_key: str | None = None, place: ReadingPlace | None = None) -> None:
        super().__init__()
        self.article_key = article_key
        article = self.app.snapshot.article(article_key)
        self.title_text = article.title if article is not None else ""
        self.text = ""
        self.quotes: list[QuoteRecord] = []
        self.mentions: list[Mention] = []
        self.paragraph_starts: list[int] = [0]
        self.paragraphs: list[Static] = []
        self.quotes_by_paragraph: dict[int, list[int]] = {}
        self.mentions_by_paragraph: dict[int, list[int]] = {}
        self.loaded = False
        self._quote_key = place.quote_key if place is not None else quote_key
        self._place = place

    def compose(self) -> ComposeResult:
        yield Header(icon="*" if self.app.ascii_only else "\u275d")
        with ArticleText(id="article"):
            yield Static(Content.styled("Reading the article\u2026", MUTED_STYLE), id="article-loading")
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one(ArticleText)
        body.border_title = plain(self.title_text, "bold")
        body.focus()
        self.read_article(self.app.snapshot)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False, description="read article")
    def read_article(self, snapshot: Snapshot) -> None:
        """Read the text (the store loads texts on first use) and find the names in it, off the UI thread."""
        article = snapshot.article(self.article_key)
        text = article.text if article is not None else ""
        quotes = snapshot.quotes_in_article(self.article_key)
        self.post_message(self.Loaded(text, quotes, article_mentions(snapshot, self.article_key, text)))

    async def on_article_screen_loaded(self, message: Loaded) -> None:
        self.text, self.quotes, self.mentions = message.text, message.quotes, message.mentions
        self.paragraph_starts = [0] + [i + 1 for i, char in enumerate(self.text) if char == "\n"]
        for index, quote in enumerate(self.quotes):
            for number in range(self.paragraph_of(quote.start), self.paragraph_of(max(quote.start, quote.end - 1)) + 1):
                self.quotes_by_paragraph.setdefault(number, []).append(index)
        for index, mention in enumerate(self.mentions):
            self.mentions_by_paragraph.setdefault(self.paragraph_of(mention.start), []).append(index)
        body = self.query_one(ArticleText)
        self.paragraphs = [
            Static(self.paragraph_content(number), markup=False, classes="paragraph")
            for number in range(len(self.paragraph_starts))
        ]
        await body.remove_children()
        await body.mount_all(self.paragraphs)
        body.border_subtitle = Content.styled(
            f"{count_label(len(self.quotes), 'quote')} \u00b7 n/N quotes \u00b7 Tab names \u00b7 Enter opens",
            MUTED_STYLE,
        )
        self.loaded = True
        self.current_quote = next((i for i, q in enumerate(self.quotes) if q.key == self._quote_key), None)
        place = self._place
        if place is not None:
            if place.name_index is not None and place.name_index < len(self.mentions):
                self.current_name = place.name_index
            self.call_after_refresh(body.scroll_to, y=place.scroll_y, animate=False, immediate=True)

    def reading_place(self) -> ReadingPlace:
        """Where the reader is: to come back to exactly this after opening a name."""
        quote = self.quotes[self.current_quote] if self.current_quote is not None else None
        return ReadingPlace(
            self.article_key, quote.key if quote else None, self.current_name, self.query_one(ArticleText).scroll_y
        )

    def paragraph_span(self, number: int) -> tuple[int, int]:
        """Start and end offsets of a paragraph (a line of the text)."""
        start = self.paragraph_starts[number]
        end = self.paragraph_starts[number + 1] - 1 if number + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end

    def paragraph_of(self, offset: int) -> int:
        """The paragraph holding a text offset."""
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def paragraph_content(self, number: int) -> Content:
        """A paragraph with names and quotes styled, and the current quote and name marked."""
        start, end = self.paragraph_span(number)
        content = block(self.text[start:end]) if end > start else Content(" ")

        def mark(style: str, span_start: int, span_end: int) -> None:
            nonlocal content
            if span_end > start and span_start < end:
                content = content.stylize(style, max(span_start, start) - start, min(span_end, end) - start)

        for index in self.quotes_by_paragraph.get(number, ()):
            quote = self.quotes[index]
            mark(CURRENT_QUOTE_STYLE if index == self.current_quote else QUOTE_STYLE, quote.start, quote.end)
        for index in self.mentions_by_paragraph.get(number, ()):
            mention = self.mentions[index]
            style = PERSON_STYLE if mention.subject.kind == "person" else ORGANIZATION_STYLE
            mark(style, mention.start, mention.end)
            if index == self.current_name:
                mark(CURRENT_NAME_STYLE, mention.start, mention.end)
        return content

    def _redraw_around(self, *offsets: int | None) -> None:
        for offset in offsets:
            if offset is not None and self.paragraphs:
                number = self.paragraph_of(offset)
                self.paragraphs[number].update(self.paragraph_content(number))

    def _quote_offset(self, index: int | None) -> int | None:
        return self.quotes[index].start if index is not None and 0 <= index < len(self.quotes) else None

    def _name_offset(self, index: int | None) -> int | None:
        return self.mentions[index].start if index is not None and 0 <= index < len(self.mentions) else None

    def watch_current_quote(self, previous: int | None, current: int | None) -> None:
        self._redraw_around(self._quote_offset(previous), self._quote_offset(current))
        self._scroll_to(self._quote_offset(current))

    def watch_current_name(self, previous: int | None, current: int | None) -> None:
        self._redraw_around(self._name_offset(previous), self._name_offset(current))
        self._scroll_to(self._name_offset(current))

    def _scroll_to(self, offset: int | None) -> None:
        if offset is not None and self.paragraphs:
            paragraph = self.paragraphs[self.paragraph_of(offset)]
            self.call_after_refresh(self.query_one(ArticleText).scroll_to_widget, paragraph, animate=False)

    def _step(self, current: int | None, count: int, step: int) -> int | None:
        if not count:
            return None
        if current is None:
            return 0 if step > 0 else count - 1
        return (current + step) % count

    def action_next_quote(self) -> None:
        self.current_quote = self._step(self.current_quote, len(self.quotes), 1)

    def action_previous_quote(self) -> None:
        self.current_quote = self._step(self.current_quote, len(self.quotes), -1)

    def action_next_name(self) -> None:
        self.current_name = self._step(self.current_name, len(self.mentions), 1)

    def action_previous_name(self) -> None:
        self.current_name = self._step(self.current_name, len(self.mentions), -1)

    def action_open_name(self) -> None:
        if self.current_name is not None:
            self.dismiss(self.mentions[self.current_name].subject)
        elif self.current_quote is not None:
            self.dismiss(Subject("quote", self.quotes[self.current_quote].key))

    def action_copy_quote(self) -> None:
        if self.current_quote is None:
            self.app.notify("Press n to mark a quote, then y to copy it", severity="warning", markup=False)
            return
        self.app.copy_quote(self.quotes[self.current_quote])

    def action_back(self) -> None:
        self.dismiss(None)

    def _body(self) -> ArticleText:
        return self.query_one(ArticleText)

    def action_scroll_down(self) -> None:
        self._body().scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self._body().scroll_up(animate=False)

    def action_scroll_home(self) -> None:
        self._body().scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._body().scroll_end(animate=False)

    def action_page_down(self) -> None:
        self._body().scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._body().scroll_page_up(animate=False)
