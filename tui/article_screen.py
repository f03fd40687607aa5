"""An article's full text with its people, organizations and quotes styled apart, stepped through by key."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen

from store import ArticleRecord, QuoteRecord, Snapshot, flowed_text, match_spans
from tui.article_layout import line_starts, paragraph_at
from tui.article_search import ArticleSearch
from tui.article_view import ArticleView
from tui.bindings import ARTICLE_BINDINGS
from tui.browse_screen import BROWSE_BREAKPOINTS
from tui.detail import Subject
from tui.mentions import Mention, article_mentions
from tui.safe_text import printable, printable_line
from tui.screen_footer import ScreenFooter
from tui.screen_header import ScreenHeader
from tui.text import (
    CURRENT_QUOTE_STYLE,
    LABEL_MARGIN,
    MATCH_STYLE,
    MUTED_STYLE,
    ORGANIZATION_STYLE,
    PERSON_STYLE,
    QUOTE_STYLE,
    FittedLine,
    article_metadata,
    count_label,
    cut,
    glyphs,
    plain,
)

if TYPE_CHECKING:
    from tui.app import WhosaidApp

NO_MATCH_SECONDS = 2.5
"""How long "No … in this article" is shown."""
CURRENT_NAME_STYLE = "reverse"
CURRENT_MATCH_STYLE = "bold reverse underline $text-warning"
LEAVING_ACTIONS = ("back", "leave")
"""The keys that still act on an article screen whose view is gone: those that leave it."""


class ReadingPlace(NamedTuple):
    """Where a reader was in an article: the marked quote and name, and how far down it was scrolled."""

    article_key: str
    quote_key: str | None
    name_index: int | None
    scroll_y: float


def added_on(article: ArticleRecord) -> str:
    """The day an article was added to the store (YYYY-MM-DD), or '' when not recorded."""
    return article.ingested_at[:10]


def article_heading(article: ArticleRecord) -> str:
    """The header's line for an article: where it was read from and when it was added."""
    from tui.app import display_path

    added = added_on(article)
    source = display_path(article.source) if article.source else "no source file"
    return printable_line(f"{source} {glyphs().separator} added {added}" if added else source)


def paragraph_mentions(starts: list[int], mentions: list[Mention]) -> dict[int, list[int]]:
    """The indexes of the mentions in each paragraph (by its number, from the paragraphs' starts)."""
    found: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        found.setdefault(paragraph_at(starts, mention.start), []).append(index)
    return found


class ArticleScreen(Screen[Subject | None]):
    """The full text of one article; dismissed with the person or organization to open, if any."""

    BINDINGS = list(ARTICLE_BINDINGS)
    FOOTER_KEEPS = frozenset({"back"})
    """The footer keeps the key back to the browser however narrow the terminal (see `ScreenFooter.fit_keys`)."""
    HORIZONTAL_BREAKPOINTS = BROWSE_BREAKPOINTS

    current_quote: var[int | None] = var(None, init=False)
    """Index (in `quotes`) of the marked quote."""

    current_name: var[int | None] = var(None, init=False)
    """Index (in `mentions`) of the name Enter would open."""

    app: WhosaidApp

    class Loaded(Message):
        """The article's text and where it names people, organizations and quotes, read off the UI thread."""

        def __init__(
            self,
            text: str,
            paragraph_starts: list[int],
            quotes: list[QuoteRecord],
            mentions: list[Mention],
            quotes_by_paragraph: dict[int, list[int]],
            mentions_by_paragraph: dict[int, list[int]],
        ) -> None:
            super().__init__()
            self.text = text
            self.paragraph_starts = paragraph_starts
            self.quotes = quotes
            self.mentions = mentions
            self.quotes_by_paragraph = quotes_by_paragraph
            self.mentions_by_paragraph = mentions_by_paragraph

    class NamesFound(Message):
        """Where the article names people and organizations, found after its text and quotes were shown (while a big
        store is indexed, the lookups of names by article are built first)."""

        def __init__(self, mentions: list[Mention], mentions_by_paragraph: dict[int, list[int]]) -> None:
            super().__init__()
            self.mentions = mentions
            self.mentions_by_paragraph = mentions_by_paragraph

    class Found(Message):
        """Where a search of the article matched, found off the UI thread."""

        def __init__(self, query: str, matches: list[tuple[int, int]], by_paragraph: dict[int, list[int]]) -> None:
            super().__init__()
            self.query = query
            self.matches = matches
            self.by_paragraph = by_paragraph

    def __init__(
        self,
        article_key: str,
        quote_key: str | None = None,
        place: ReadingPlace | None = None,
        name: Subject | None = None,
    ) -> None:
        """The article with this key, at a quote, at the reader's earlier `place`, or at the first mention of a
        person or organization (`name`)."""
        super().__init__()
        self.article_key = article_key
        self._name = name
        article = self.app.snapshot.article(article_key)
        self.title_text = article.title if article is not None else ""
        self.source_line = article_heading(article) if article is not None else ""
        self.metadata = article_metadata(article) if article is not None else Content("")
        self.text = ""
        self.quotes: list[QuoteRecord] = []
        self.mentions: list[Mention] = []
        self.paragraph_starts: list[int] = [0]
        self.quotes_by_paragraph: dict[int, list[int]] = {}
        self.mentions_by_paragraph: dict[int, list[int]] = {}
        self.loaded = False
        self.search_query = ""
        """The active search: while it is set, n and N go from match to match."""
        self.matches: list[tuple[int, int]] = []
        self.matches_by_paragraph: dict[int, list[int]] = {}
        self.current_match: int | None = None
        self._quote_key = place.quote_key if place is not None else quote_key
        self._place = place
        self._leaving = False
        """Set once the article is dismissed: keys of the same burst then find it closing and do nothing."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader(icon="*" if self.app.ascii_only else "\u275d")
        heading = FittedLine(self.metadata, id="article-metadata", markup=False)
        heading.display = bool(self.metadata.plain)
        yield heading
        yield ArticleView(id="article")
        yield ArticleSearch(self.search_done)
        yield ScreenFooter()

    def on_mount(self) -> None:
        """Focus the view and read the article; a screen closed before it was shown has no view and does nothing."""
        body = next(iter(self.query(ArticleView)), None)
        if body is None:
            return
        self.sub_title = self.source_line
        self.update_position()
        self.set_focus(body)  # now, not later as body.focus() would: a "/" right after it focuses the search line
        self.read_article(self.app.snapshot)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False, description="read article")
    def read_article(self, snapshot: Snapshot) -> None:
        """Read the text (the store loads texts on first use), make it safe and find the names in it, off the UI
        thread: seconds for a 2 MB article, during which the screen answers every key."""
        article = snapshot.article(self.article_key)
        text = printable(flowed_text(article.text) if article is not None else "")
        quotes = snapshot.quotes_in_article(self.article_key)
        names_later = snapshot.indexing and not snapshot.knows_names_by_article
        mentions = [] if names_later else article_mentions(snapshot, self.article_key, text)
        starts = line_starts(text)
        quotes_by_paragraph: dict[int, list[int]] = {}
        for index, quote in enumerate(quotes):
            last = max(quote.start, quote.end - 1)
            for number in range(paragraph_at(starts, quote.start), paragraph_at(starts, last) + 1):
                quotes_by_paragraph.setdefault(number, []).append(index)
        by_paragraph = paragraph_mentions(starts, mentions)
        self.post_message(self.Loaded(text, starts, quotes, mentions, quotes_by_paragraph, by_paragraph))
        if names_later:
            mentions = article_mentions(snapshot, self.article_key, text)
            self.post_message(self.NamesFound(mentions, paragraph_mentions(starts, mentions)))

    def on_article_screen_loaded(self, message: Loaded) -> None:
        self.text, self.quotes, self.mentions = message.text, message.quotes, message.mentions
        self.paragraph_starts = message.paragraph_starts
        self.quotes_by_paragraph = message.quotes_by_paragraph
        self.mentions_by_paragraph = message.mentions_by_paragraph
        self.loaded = True
        self.set_reactive(
            ArticleScreen.current_quote, next((i for i, q in enumerate(self.quotes) if q.key == self._quote_key), None)
        )
        place = self._place
        if place is not None and place.name_index is not None and place.name_index < len(self.mentions):
            self.set_reactive(ArticleScreen.current_name, place.name_index)
        elif place is None and self._name is not None:
            self.set_reactive(ArticleScreen.current_name, self._first_mention_of_name())
        body = self._body()
        body.show_text(self.text, self.paragraph_starts, self.paragraph_content)
        body.when_laid_out(self._go_to_first_place)
        self.update_position()
        self.refresh_bindings()
        if self.search_query:
            self.find_matches(self.text, self.search_query)  # asked for while the article was being read

    def on_article_screen_names_found(self, message: NamesFound) -> None:
        self.mentions, self.mentions_by_paragraph = message.mentions, message.mentions_by_paragraph
        place = self._place
        if place is not None and place.name_index is not None and place.name_index < len(self.mentions):
            self.set_reactive(ArticleScreen.current_name, place.name_index)
        body = self._view()
        if body is not None:
            body.redraw_all()
        if place is None and self._name is not None and self.current_name is None and body is not None:
            self.current_name = self._first_mention_of_name()

    def _first_mention_of_name(self) -> int | None:
        """Where the article first names the person or organization it was opened for, if it does."""
        return next((i for i, mention in enumerate(self.mentions) if mention.subject == self._name), None)

    def _go_to_first_place(self) -> None:
        """Where the reader starts: their saved place, else the chosen quote in view, else the top."""
        body = self._body()
        if self._place is not None:
            body.place_at(self._place.scroll_y)
        elif self.current_quote is not None:
            body.show_offset(self.quotes[self.current_quote].start)
        elif self.current_name is not None:
            body.show_offset(self.mentions[self.current_name].start)

    def on_article_view_scrolled(self) -> None:
        self.update_position()

    def update_position(self) -> None:
        """The position indicator: the marked quote of how many, and how far through the article the view is; it and
        the article's title cut to the border's width with the app's ellipsis."""
        body = self._view()
        if body is None:
            return
        room = body.outer_size.width - LABEL_MARGIN
        title = plain(self.title_text, "bold")
        body.border_title = cut(title, room) if room > 0 else title
        if not self.loaded:
            body.border_subtitle = ""
            return
        if self.current_quote is not None:
            where = f"quote {self.current_quote + 1}/{len(self.quotes)}"
        else:
            where = count_label(len(self.quotes), "quote")
        marks = glyphs()
        searched = f"{marks.open_quote}{self.search_query}{marks.close_quote}"
        if self.search_query and self.current_match is not None:
            where = f"{searched} match {self.current_match + 1}/{len(self.matches)} {marks.separator} {where}"
        elif self.search_query:
            where = f"{searched}: no match {marks.separator} {where}"
        position = Content.styled(printable_line(f"{where} {marks.separator} {body.percent}%"), MUTED_STYLE)
        body.border_subtitle = cut(position, room) if room > 0 else position

    def reading_place(self) -> ReadingPlace:
        """Where the reader is: to come back to exactly this after opening a name."""
        quote = self.quotes[self.current_quote] if self.current_quote is not None else None
        return ReadingPlace(self.article_key, quote.key if quote else None, self.current_name, self._body().scroll_y)

    def paragraph_span(self, number: int) -> tuple[int, int]:
        """Start and end offsets of a paragraph (a line of the text)."""
        start = self.paragraph_starts[number]
        end = self.paragraph_starts[number + 1] - 1 if number + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end

    def paragraph_of(self, offset: int) -> int:
        """The paragraph holding a text offset."""
        return paragraph_at(self.paragraph_starts, offset)

    def paragraph_content(self, number: int) -> Content:
        """A paragraph with names and quotes styled, and the current quote and name marked."""
        start, end = self.paragraph_span(number)
        content = Content(self.text[start:end]) if end > start else Content(" ")

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
        for index in self.matches_by_paragraph.get(number, ()):
            match_start, match_end = self.matches[index]
            mark(CURRENT_MATCH_STYLE if index == self.current_match else MATCH_STYLE, match_start, match_end)
        return content

    def _redraw_around(self, *offsets: int | None) -> None:
        if self.loaded:
            self._body().redraw_paragraphs(*(self.paragraph_of(offset) for offset in offsets if offset is not None))

    def _quote_offset(self, index: int | None) -> int | None:
        return self.quotes[index].start if index is not None and 0 <= index < len(self.quotes) else None

    def _name_offset(self, index: int | None) -> int | None:
        return self.mentions[index].start if index is not None and 0 <= index < len(self.mentions) else None

    def watch_current_quote(self, previous: int | None, current: int | None) -> None:
        self._redraw_around(self._quote_offset(previous), self._quote_offset(current))
        self._scroll_to(self._quote_offset(current))
        self.update_position()
        self.refresh_bindings()

    def watch_current_name(self, previous: int | None, current: int | None) -> None:
        self._redraw_around(self._name_offset(previous), self._name_offset(current))
        self._scroll_to(self._name_offset(current))

    def _scroll_to(self, offset: int | None) -> None:
        if offset is not None:
            self._body().show_offset(offset)

    def _step(self, current: int | None, count: int, step: int) -> int | None:
        if not count:
            return None
        if current is None:
            return 0 if step > 0 else count - 1
        return (current + step) % count

    def action_next_quote(self) -> None:
        if self.search_query:
            self._go_to_match(self._step(self.current_match, len(self.matches), 1))
        else:
            self._go_to_quote(1)

    def action_previous_quote(self) -> None:
        if self.search_query:
            self._go_to_match(self._step(self.current_match, len(self.matches), -1))
        else:
            self._go_to_quote(-1)

    def _go_to_quote(self, step: int) -> None:
        """Mark and show the quote after (step 1) or before (step -1) where the reader is, as less's n goes on from
        the screen (see `_from_reading_place`); one already marked is shown again (n at the article's end goes round
        to the first quote, which may be the one marked, out of view), and going round the end says so, as vim's
        search does."""
        starts = [quote.start for quote in self.quotes]
        place = self._body().reading_offset()
        index = self._from_reading_place(starts, self.current_quote, step, place)
        if index is None:
            return
        if (step > 0 and index == 0 and place > starts[0]) or (step < 0 and index == len(starts) - 1
                                                                 and place < starts[-1]):
            first_or_last = "first" if step > 0 else "last"
            self.notify(f"Went round the article to its {first_or_last} quote", timeout=2, markup=False)
        if index == self.current_quote:
            self._scroll_to(self._quote_offset(index))
        self.current_quote = index

    def _from_reading_place(
        self, starts: list[int], current: int | None, step: int, place: int | None = None
    ) -> int | None:
        """Of things standing at `starts` (ascending), the one after (step 1) or before (step -1) where the reader
        is (`place`, when the caller read it already): `current`'s neighbour while the reader is on it, else the first
        from the marked place (a quote, name or match) or the top of the view (see `ArticleView.reading_offset`);
        round the article's end."""
        if not starts:
            return None
        if place is None:
            place = self._body().reading_offset()
        if current is not None and starts[current] == place:
            return (current + step) % len(starts)
        after = bisect_left(starts, place)
        return after % len(starts) if step > 0 else (after - 1) % len(starts)

    def _say_no_match(self) -> None:
        """Tell that the search found nothing in this article, briefly, as less does: the message is of this article
        and should not outlive it on the browser's screen."""
        marks = glyphs()
        searched = f"{marks.open_quote}{printable_line(self.search_query)}{marks.close_quote}"
        self.app.notify(f"No {searched} in this article", markup=False, timeout=NO_MATCH_SECONDS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No key acts on an article being left, and only leaving it on one whose view is gone (taken down by a
        burst of keys before or after it was shown); while the search line has focus, '/' is typed into it."""
        if self._leaving:
            return False
        if self._view() is None:
            return action in LEAVING_ACTIONS
        return not (action == "search" and isinstance(self.focused, ArticleSearch))

    def load(self, snapshot: Snapshot) -> None:
        """A newer version of the store: an article it no longer holds (removed, or replaced by an edited text) is
        left, saying so, rather than shown and cited as if it were stored."""
        if snapshot.preview or self._leaving or snapshot.article(self.article_key) is not None:
            return
        title = printable_line(self.title_text) or "This article"
        self.app.notify(f"{title}: no longer in the store (removed, or replaced by an edited text)",
                        severity="warning", timeout=6, markup=False)
        self.dismiss(None)

    def dismiss(self, result: Subject | None = None) -> AwaitComplete:
        """Leave the article once: a second Esc or q in the same burst must not take the browser's screen too."""
        if self._leaving or self.app.screen is not self:
            return AwaitComplete()
        self._leaving = True
        return super().dismiss(result)

    def action_search(self) -> None:
        """Open the search line at the bottom, as less does (also while the article is still being read: the search
        then runs once it is)."""
        line = self.query_one(ArticleSearch)
        line.value = ""
        line.display = True
        self.set_focus(line)  # at once: the keys typed right after '/' (a burst over SSH, a paste) go into it

    def search_done(self, query: str | None) -> None:
        """Close the search line and give the article the focus, at once; search for `query` (None: Esc, any search
        already active kept)."""
        if self._view() is None:
            return
        self.query_one(ArticleSearch).display = False
        self.set_focus(self._body())
        if query is not None and query.strip():
            self.search_query = query.strip()  # searching from now: an Esc right after ends the search, not the view
            if self.loaded:
                self.find_matches(self.text, query.strip())

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search article")
    def find_matches(self, text: str, query: str) -> None:
        """Find every match of the query in the article (accents and case ignored, as the main search does)."""
        matches = match_spans(text, query)
        by_paragraph: dict[int, list[int]] = {}
        for index, (start, _end) in enumerate(matches):
            by_paragraph.setdefault(paragraph_at(self.paragraph_starts, start), []).append(index)
        self.post_message(self.Found(query, matches, by_paragraph))

    def on_article_screen_found(self, message: Found) -> None:
        if self._view() is None or message.query != self.search_query:
            return  # the search was ended (Esc) or replaced before its matches came
        self.end_search()
        self.search_query = message.query
        if not message.matches:
            self.update_position()
            self._say_no_match()
            return
        self.matches, self.matches_by_paragraph = message.matches, message.by_paragraph
        self._body().redraw_paragraphs(*message.by_paragraph)
        top = self._body().top_offset()
        self._go_to_match(next((i for i, (start, _end) in enumerate(self.matches) if start >= top), 0))

    def _go_to_match(self, index: int | None) -> None:
        if index is None and self.search_query and not self.matches:
            self._say_no_match()
            return
        previous, self.current_match = self.current_match, index
        self._redraw_around(*(self.matches[i][0] for i in (previous, index) if i is not None))
        if index is not None:
            self._body().show_offset(self.matches[index][0])
        self.update_position()

    def end_search(self) -> None:
        """Stop searching: matches no longer marked, n and N back to quotes."""
        numbers = list(self.matches_by_paragraph)
        self.search_query, self.matches, self.matches_by_paragraph, self.current_match = "", [], {}, None
        self._body().redraw_paragraphs(*numbers)
        self.update_position()

    def action_next_name(self) -> None:
        self.current_name = self._name_from_reading_place(1)

    def action_previous_name(self) -> None:
        self.current_name = self._name_from_reading_place(-1)

    def _name_from_reading_place(self, step: int) -> int | None:
        """The name after (step 1) or before (step -1) where the reader is (see `_from_reading_place`)."""
        return self._from_reading_place([mention.start for mention in self.mentions], self.current_name, step)

    def action_open_name(self) -> None:
        if self.current_name is not None:
            self.dismiss(self.mentions[self.current_name].subject)
        elif self.current_quote is not None:
            self.dismiss(Subject("quote", self.quotes[self.current_quote].key))

    def action_open_original(self) -> None:
        """Open this article's original file in $PAGER (see `WhosaidApp.open_original`)."""
        self.app.open_original(self.app.snapshot.article(self.article_key))  # type: ignore[attr-defined]

    def action_copy_quote(self) -> None:
        """Copy the quote the reader marks; with none marked, say how to mark one rather than do nothing."""
        if self.current_quote is not None:
            self.app.copy_quote(self.quotes[self.current_quote])
        elif self.quotes:
            self.notify("No quote marked: n marks the next one, then y copies it", timeout=3, markup=False)
        else:
            self.notify("This article has no quotes to copy", timeout=3, markup=False)

    def action_back(self) -> None:
        """Esc ends a search first, then leaves the article."""
        if self.search_query and self._view() is not None:
            self.end_search()
        else:
            self.dismiss(None)

    def action_leave(self) -> None:
        self.dismiss(None)

    def _body(self) -> ArticleView:
        return self.query_one(ArticleView)

    def _view(self) -> ArticleView | None:
        """The article's view; None on a screen taken down before or after it was shown."""
        views = self.query(ArticleView)
        return views.first() if views else None

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
