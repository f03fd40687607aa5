"""The main screen: search box, People, Organizations, Quotes and Articles panes, the detail area, a back history."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.worker import Worker, get_current_worker

from store import ArticleRecord, OrganizationRecord, PersonRecord, QuoteRecord, Snapshot
from store.errors import StoreError, shown_path
from store.export import EXPORT_STEM, export_lines
from store.quote_records import CopiesListed
from store.snapshot import QuoteSelection
from store.stopping import SearchStopped, check_stop, stopping_when
from tui.articles import ArticleCounts, ArticleCountsByKey, replacement_key
from tui.bindings import BROWSE_BINDINGS
from tui.crash import is_guest_session
from tui.detail import DetailPane, Subject, described_while_indexing, quotes_of
from tui.handover import quick_handover
from tui.link_list import LinkPosition
from tui.panes import ArticlesPane, NamePane, OrganizationsPane, PeoplePane, QuotesPane, RecordPane
from tui.row_list import RowList
from tui.safe_text import printable_line
from tui.screen_footer import ScreenFooter
from tui.screen_header import ScreenHeader
from tui.search_box import HISTORY_LENGTH, SearchBox
from tui.settings import load_settings
from tui.text import count_label, glyphs
from tui.worker_pause import worker_cancelled_within

if TYPE_CHECKING:
    from tui.app import WhosaidApp
    from tui.article_screen import ReadingPlace

PANES = ("people", "organizations", "quotes", "detail", "articles")
NAMED_PANES = frozenset({"people", "organizations", "articles"})
"""The panes whose selection y copies as a name or a citation, not a quote."""
WIDE_COLUMNS = 100
NARROW_COLUMNS = 70
BROWSE_BREAKPOINTS = [(0, "-narrow"), (NARROW_COLUMNS, "-medium"), (WIDE_COLUMNS, "-wide")]
"""Width classes of the screens: under 100 columns the footer is compact; under 70 one pane is shown at a time
(at 60 columns three lists side by side cut names to ten letters)."""
NAMES_PAUSE = 0.05
"""Seconds a big store's name search waits before it starts: the quotes found are drawn first, and a key typed
meanwhile cancels it before it costs anything."""
EXPORT_NOTED = 5_000
"""An export of this many quotes or more says it has started (it takes seconds at 100,000)."""
DETAIL_DELAY = 0.1
"""Seconds of no typing (or cursor movement, when the detail is slow) before the detail follows."""
SLOW_DETAIL = 0.03
"""A detail that took longer than this to show is not redrawn for every row the cursor passes."""
SEARCHED_IN_A_WORKER = 100_000
"""Stores with more quotes than this are searched off the UI thread: a search there can take tenths of a second
(a one-letter prefix at a million quotes), which would freeze typing; smaller stores answer in milliseconds."""
CLIPBOARD_BYTES = 75_000
"""Most Markdown a guest session sends with OSC 52: base64 makes it 100 KB, about what terminals accept."""
EXPORT_NAME = EXPORT_STEM + "%Y%m%d-%H%M%S"
EXPORTED_OWNERS = ("person", "organization", "article")
"""The subjects of a detail whose quotes `e` exports (a quote's detail leaves it the quotes listed)."""


def clipboard_lines(lines: Iterable[str], limit: int) -> tuple[str, int]:
    """The first whole lines that fit in `limit` bytes of UTF-8, joined, and how many they are."""
    kept: list[str] = []
    size = 0
    for line in lines:
        size += len(line.encode("utf-8"))
        if size > limit:
            break
        kept.append(line)
    return "".join(kept), len(kept)


def export_file(lines: Iterable[str], folder: Path, now: datetime) -> Path:
    """Write the lines to a new file named for `now` in `folder` (never over an existing file); its path."""
    stem = now.strftime(EXPORT_NAME)
    for attempt in range(1, 100):
        path = folder / (f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md")
        try:
            with path.open("x", encoding="utf-8", newline="\n") as file:
                file.writelines(lines)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}.md exists")


def articles_quoted(snapshot: Snapshot, quotes: Sequence[QuoteRecord], query: str) -> Sequence[ArticleRecord]:
    """The articles that printed any of these quotes (every outlet's copy, unless the query keeps some outlets,
    dates or titles only), in the store's order; none found yet while a big store is being read and indexed."""
    if snapshot.indexing:
        return ()
    if isinstance(quotes, QuoteSelection):
        return snapshot.articles_printing(quotes, query)
    return snapshot.articles_among({quote.article_key for quote in quotes})


def original_file(source: str) -> str | None:
    """The file an article was read from, when it is there: its source, or for an item of a feed or of a JSON Lines
    file ("items.jsonl#2", "feed.xml#urn:uuid:…", "feed.xml#4c758fb59cd8") the file that holds it, which may itself
    hold a "#"; None when there is none."""
    if not source or "://" in source.partition("#")[0]:
        return None
    if Path(source).is_file():
        return source
    mark = source.find("#")
    while mark > 0:
        if Path(source[:mark]).is_file():
            return source[:mark]
        mark = source.find("#", mark + 1)
    return None


def export_failure(error: OSError) -> str:
    """Why an export file could not be written, in words: the folder (or file) and the system's reason, not
    Python's error text."""
    where = printable_line(shown_path(error.filename)) if error.filename else "the export file"
    reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error)).lower()
    return f"cannot write {where} ({reason})"


class ExportedQuotes(NamedTuple):
    """The quotes `e` exports and what its notifications call them: " of NAME", " from “TITLE”", or nothing
    for the quotes listed."""

    quotes: Sequence[QuoteRecord]
    what: str


def owner_label(snapshot: Snapshot, owner: Subject) -> str | None:
    """What a notification calls the quotes of a person, an organization (" of NAME") or an article (" from its
    title, quoted"); None when the snapshot no longer holds it."""
    if owner.kind == "article":
        article = snapshot.article(owner.key)
        if article is None:
            return None
        marks = glyphs()
        return f" from {marks.open_quote}{printable_line(article.title)}{marks.close_quote}"
    record = snapshot.person(owner.key) if owner.kind == "person" else snapshot.organization(owner.key)
    return None if record is None else f" of {printable_line(record.name)}"


def known_quotes_of(snapshot: Snapshot, owner: Subject) -> Sequence[QuoteRecord] | None:
    """The quotes the detail of `owner` lists (see `quotes_of`); None while a big store is indexed and the detail
    waits for the indexing too (see `described_while_indexing`)."""
    if snapshot.indexing and not described_while_indexing(snapshot, owner.kind):
        return None
    try:
        return quotes_of(snapshot, owner)
    except StoreError:
        if not snapshot.indexing:
            raise
        return None


class Place(NamedTuple):
    """Where the user was before Enter took them further: what the detail showed and what had focus."""

    subject: Subject | None
    pane: str
    link: LinkPosition | None
    article: ReadingPlace | None = None
    """The article the user was reading, when Enter on a name there brought them here."""


class BrowseScreen(Screen[None]):
    """Browse and search everything in the store."""

    BINDINGS = list(BROWSE_BINDINGS)
    AUTO_FOCUS = "#people-list"
    HORIZONTAL_BREAKPOINTS = BROWSE_BREAKPOINTS

    search_text: var[str] = var("")
    """The search text the panes are filtered by."""

    current_pane: var[str] = var("people", init=False)
    """The pane that has (or last had) focus; the only one shown on a narrow terminal or when zoomed."""

    zoomed: var[bool] = var(False, init=False)
    """True when the current pane fills the screen (key z), as on a narrow terminal; kept in the config file."""

    app: WhosaidApp

    class NamesFound(Message):
        """People and organizations matching a search, found off the UI thread."""

        def __init__(
            self,
            snapshot: Snapshot,
            query: str,
            people: list[PersonRecord],
            organizations: list[OrganizationRecord],
            articles: Sequence[ArticleRecord],
        ) -> None:
            super().__init__()
            self.snapshot = snapshot
            self.query = query
            self.people = people
            self.organizations = organizations
            self.articles = articles

    class QuotesFound(Message):
        """The quotes matching a search of a big store, found off the UI thread."""

        def __init__(self, snapshot: Snapshot, query: str, quotes: Sequence[QuoteRecord], with_detail: bool) -> None:
            super().__init__()
            self.snapshot = snapshot
            self.query = query
            self.quotes = quotes
            self.with_detail = with_detail

    class ArticlesCounted(Message):
        """Each article's people, organizations and quotes, counted off the UI thread."""

        def __init__(self, snapshot: Snapshot, counts: Mapping[str, ArticleCounts]) -> None:
            super().__init__()
            self.snapshot = snapshot
            self.counts = counts

    class Exported(Message):
        """The quotes shown were written to a file, or made into Markdown for the clipboard, off the UI thread; `what`
        says whose they are (" of NAME"), or nothing for the quotes listed."""

        def __init__(self, total: int, what: str, path: Path | None = None, text: str = "", sent: int = 0) -> None:
            super().__init__()
            self.total = total
            self.what = what
            self.path = path
            self.text = text
            self.sent = sent

    class Prepared(Message):
        """The snapshot's lazily built indexes are ready, so showing a detail no longer waits on them."""

        def __init__(self, snapshot: Snapshot) -> None:
            super().__init__()
            self.snapshot = snapshot

    def __init__(self) -> None:
        super().__init__()
        width_classes = self._get_breakpoint_classes(self.app.size.width, self.HORIZONTAL_BREAKPOINTS)
        shown = [name for name, on in self.pane_classes("people").items() if on]
        self.set_classes([*width_classes, *shown])
        self.history: list[Place] = []
        self._restoring = False
        self._prepared: Snapshot | None = None
        self._preparing: Snapshot | None = None
        """The snapshot whose indexes a worker is building, so that typing meanwhile does not start another."""
        self._detail_timer: Timer | None = None
        self._selection_waits: RecordPane | None = None  # type: ignore[type-arg]
        """A pane whose selection the detail is to show once the snapshot is prepared (it changed before)."""
        self.people = PeoplePane()
        self.organizations = OrganizationsPane()
        self.quotes = QuotesPane()
        self.detail = DetailPane()
        self.articles = ArticlesPane()
        self.search = SearchBox(self.leave_search)
        self.people.add_class("-current", update=False)
        settings = self.app.settings
        for name, order in settings.sort.items():
            pane = self.pane(name)
            if isinstance(pane, RecordPane):
                pane.set_order(order)
        self.search.history = list(settings.history)
        self.set_reactive(BrowseScreen.zoomed, bool(settings.zoom))
        self.set_class(self.zoomed, "-zoomed")

    def compose(self) -> ComposeResult:
        yield ScreenHeader(icon="*" if self.app.ascii_only else "\u275d")
        yield self.search
        with Horizontal(id="main"):
            with Vertical(id="browse"):
                with Horizontal(id="entities"):
                    yield self.people
                    yield self.organizations
                yield self.quotes
                yield self.articles
            yield self.detail
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.load(self.app.snapshot)

    def _prepare_if_current(self, snapshot: Snapshot) -> None:
        """Start preparing `snapshot` unless a newer one came first (a store reread as the app starts)."""
        if snapshot is self._preparing:
            self.prepare(snapshot)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False, description="prepare")
    def prepare(self, snapshot: Snapshot) -> None:
        """Build the indexes a detail first needs (seconds at 100k quotes) off the UI thread."""
        with quick_handover():
            snapshot.build_indexes()
        self.post_message(self.Prepared(snapshot))
        self.post_message(self.ArticlesCounted(snapshot, ArticleCountsByKey(snapshot)))

    def on_resize(self) -> None:
        self.app.sub_title = self.app.store_line()

    def on_browse_screen_articles_counted(self, message: ArticlesCounted) -> None:
        self.articles.show_counts(message.snapshot, message.counts)

    def on_browse_screen_prepared(self, message: Prepared) -> None:
        if message.snapshot is self.app.snapshot:
            self._prepared = message.snapshot
            self.app.sub_title = self.app.store_line()
            if not self.search_text.strip():
                quotes = message.snapshot.quotes
                self.quotes.show(message.snapshot, quotes, len(quotes), self.search_text, self.quotes.selected_key)
            self.people.start_counting()
            self.organizations.start_counting()
            if isinstance(self.quotes.given, CopiesListed):
                self.load(message.snapshot)
                return
            waits, self._selection_waits = self._selection_waits, None
            if waits is not None and (waits.rows.has_focus or self.detail.subject is None):
                self.show_selection(waits)
                return
            if self.detail.subject is not None:
                self.show_subject(self.detail.subject, self.detail.position)
                return
            pane = self.first_result() if self.search_text.strip() else None
            current = self.pane(self.current_pane)
            pane = pane or (current if isinstance(current, RecordPane) else None)
            if pane is not None:
                self.show_selection(pane)

    def first_result(self) -> RecordPane | None:  # type: ignore[type-arg]
        """The pane whose first record a search shows in the detail: the Articles pane while it is the current one
        (it takes the Quotes pane's place), else quotes before people before organizations."""
        panes = (self.quotes, self.people, self.organizations)
        if self.current_pane == "articles":
            panes = (self.articles, *panes)
        return next((pane for pane in panes if pane.records), None)

    @property
    def record_panes(self) -> tuple[RecordPane, ...]:  # type: ignore[type-arg]
        return (self.people, self.organizations, self.quotes)

    def pane(self, name: str) -> Widget:
        """The pane container called `name`."""
        panes = {"people": self.people, "organizations": self.organizations, "quotes": self.quotes}
        return self.articles if name == "articles" else panes.get(name, self.detail)

    def focus_target(self, name: str) -> Widget:
        """The widget inside a pane that takes the keys."""
        pane = self.pane(name)
        return pane.rows if isinstance(pane, RecordPane) else self.detail.links

    def load(self, snapshot: Snapshot, with_detail: bool = True) -> None:
        """Fill the panes from a snapshot, keeping the selection (by key) and the search; an article in the detail
        that an ingest replaced is followed to its new version."""
        if snapshot.preview:
            self.show_preview(snapshot)
            return
        subject = self.detail.subject
        if subject is not None and subject.kind == "article":
            self.detail.subject = Subject("article", replacement_key(self.articles.snapshot, snapshot, subject.key))
        query = self.search_text
        searching = bool(query.strip())
        if snapshot is not self._prepared and snapshot is not self._preparing:
            self._preparing = snapshot
            self.call_after_refresh(self._prepare_if_current, snapshot)
        if searching and snapshot.summary().quotes > SEARCHED_IN_A_WORKER:
            self.workers.cancel_group(self, "names")
            self.quotes.rows.waiting = True  # keys moving the last search's quotes wait for this search's
            self.find_quotes(snapshot, query, with_detail)
            return
        self.workers.cancel_group(self, "quotes")
        self.show_quotes(snapshot, query, snapshot.search_quotes(query) if searching else snapshot.quotes, with_detail)

    def show_preview(self, snapshot: Snapshot) -> None:
        """Fill the panes with a big store's first rows while the rest is read (see `Snapshot.preview`): a search
        typed meanwhile waits for the whole store, and the panes' totals are the store's."""
        self.workers.cancel_group(self, "quotes")
        self.workers.cancel_group(self, "names")
        query = self.search_text
        listed = not query.strip()
        counts = snapshot.summary()
        self.people.counting = self.organizations.counting = False
        self.people.show(snapshot, snapshot.people if listed else (), counts.people, query, self.people.selected_key)
        organizations = snapshot.organizations if listed else ()
        self.organizations.show(snapshot, organizations, counts.organizations, query, self.organizations.selected_key)
        self.articles.counts = None
        self.articles.show(snapshot, (), counts.articles, query, self.articles.selected_key)
        self.quotes.show(snapshot, snapshot.quotes if listed else (), counts.quotes, query, self.quotes.selected_key)
        self.detail.show(snapshot, self.detail.subject)
        self.app.sub_title = self.app.store_line()

    def show_quotes(self, snapshot: Snapshot, query: str, quotes: Sequence[QuoteRecord], with_detail: bool) -> None:
        """Show the quotes a search found (or all of them), then look for the names it matches."""
        if query.strip():
            self.find_names(snapshot, query, quotes)
        else:
            self.workers.cancel_group(self, "names")
            self.show_names(snapshot, query, snapshot.people, snapshot.organizations, snapshot.articles)
        self.quotes.show(snapshot, quotes, len(snapshot.quotes), query, self.quotes.selected_key)
        if with_detail and snapshot is self._prepared:
            self.detail.show(snapshot, self.detail.subject, query, self.detail.position)
        elif with_detail and snapshot.indexing and self.detail.subject is None:
            self._show_focused_selection()
        self.app.sub_title = self.app.store_line()

    def _show_focused_selection(self) -> None:
        """Show the focused pane's selection in the detail, or the row opened while the first rows were shown: the
        whole lists of a big store came while it is indexed, and neither is to wait for the indexing or a key."""
        current = self.pane(self.current_pane)
        if isinstance(current, RecordPane) and current.rows.has_focus:
            self.show_selection(current)
        elif self._selection_waits is not None:
            self.show_selection(self._selection_waits)

    @work(thread=True, exclusive=True, group="quotes", exit_on_error=False, description="search quotes")
    def find_quotes(self, snapshot: Snapshot, query: str, with_detail: bool) -> None:
        """Search a big store's quotes off the UI thread, so that typing never waits for it; a newer search
        replaces this one, stopping it."""
        worker = get_current_worker()
        try:
            with stopping_when(lambda: worker.is_cancelled):
                quotes = snapshot.search_quotes(query, while_indexing=True)
        except SearchStopped:
            return
        if not worker.is_cancelled:
            self.post_message(self.QuotesFound(snapshot, query, quotes, with_detail))

    def on_browse_screen_quotes_found(self, message: QuotesFound) -> None:
        if message.query != self.search_text or message.snapshot is not self.app.snapshot:
            return
        if isinstance(message.quotes, CopiesListed) and not message.snapshot.indexing:
            self.load(message.snapshot)  # indexed while the search ran: search again, each quote once
            return
        self.show_quotes(message.snapshot, message.query, message.quotes, message.with_detail)
        self.show_search_detail_soon()  # the detail shown as typing paused may be of the list before this search

    def show_names(
        self,
        snapshot: Snapshot,
        query: str,
        people: Sequence[PersonRecord],
        organizations: Sequence[OrganizationRecord],
        articles: Sequence[ArticleRecord],
    ) -> None:
        """Fill the People, Organizations and Articles panes, keeping their selections."""
        self.people.counting = self.organizations.counting = snapshot is self._prepared
        self.people.show(snapshot, people, len(snapshot.people), query, self.people.selected_key)
        self.organizations.show(
            snapshot, organizations, len(snapshot.organizations), query, self.organizations.selected_key
        )
        if snapshot is not self.articles.snapshot:
            self.articles.counts = None
        self.articles.show(snapshot, articles, len(snapshot.articles), query, self.articles.selected_key)

    @work(thread=True, exclusive=True, group="names", exit_on_error=False, description="find names")
    def find_names(self, snapshot: Snapshot, query: str, quotes: Sequence[QuoteRecord]) -> None:
        """Match names against the search, and find the articles of the matching quotes, off the UI thread (linear
        scans); a newer search cancels this one."""
        worker = get_current_worker()
        if snapshot.summary().quotes > SEARCHED_IN_A_WORKER and worker_cancelled_within(worker, NAMES_PAUSE):
            return
        try:
            with stopping_when(lambda: worker.is_cancelled):
                people = snapshot.search_people(query)
                check_stop()
                organizations = snapshot.search_organizations(query)
                check_stop()
                articles = articles_quoted(snapshot, quotes, query)
        except SearchStopped:
            return
        if not worker.is_cancelled:
            self.post_message(self.NamesFound(snapshot, query, people, organizations, articles))

    def on_browse_screen_names_found(self, message: NamesFound) -> None:
        if message.query != self.search_text or message.snapshot is not self.app.snapshot:
            return
        self.show_names(message.snapshot, message.query, message.people, message.organizations, message.articles)
        if not self.quotes.records or self.current_pane == "articles":
            self.show_search_detail_soon()  # the detail shows the first of these when the quotes do not come first

    def watch_search_text(self, query: str) -> None:
        if self.is_mounted:
            self.load(self.app.snapshot, with_detail=False)
            self.show_search_detail_soon()

    def show_search_detail_soon(self) -> None:
        """Update the detail once typing pauses, so a slow detail never holds up the next keystroke."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self.show_search_detail)

    def show_search_detail(self) -> None:
        """While searching, the detail shows the first result (or, once a list has the focus, its selection), unless
        the search was typed from the detail of a subject reached by following links; otherwise it redraws with the
        new highlights."""
        self._detail_timer = None
        first = self.first_result()
        searching = bool(self.search_text.strip())
        current = self.pane(self.current_pane)
        chosen = isinstance(current, RecordPane) and self.focused is current.rows and current.records
        following = bool(self.history) and self.current_pane == "detail"
        """Whether the user searches from a subject they followed links to, which the detail then keeps showing."""
        if searching and not following and chosen:
            self.show_selection(current)  # the user went to a list while the results came: what they look at
        elif searching and not following:
            if first is not None:
                self.show_selection(first)
            elif self.detail.subject is not None:
                self.show_subject(None)  # nothing matches: no detail of a record no list holds
        elif not searching and self.detail.subject is None and isinstance(current, RecordPane) and current.records:
            self.show_selection(current)  # the search that matched nothing was cleared: the lists are back
        elif self._prepared is self.app.snapshot:
            self.show_subject(self.detail.subject, self.detail.position)

    @staticmethod
    def pane_classes(name: str) -> dict[str, bool]:
        """The screen's classes that show the current pane's column when one pane is shown at a time."""
        return {
            "-show-entities": name in ("people", "organizations"),
            "-show-browse": name != "detail",
            "-show-articles": name == "articles",
        }

    def watch_current_pane(self, name: str) -> None:
        for pane_name in PANES:
            self.pane(pane_name).set_class(pane_name == name, "-current")
        self.update_classes(self.pane_classes(name))

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        for name in PANES:
            if focused is not None and self.pane(name) in focused.ancestors_with_self:
                self.current_pane = name
                pane = self.pane(name)
                if isinstance(pane, RecordPane) and not self._restoring:
                    self.show_selection(pane)
                self._restoring = False
                return

    def show_selection(self, pane: RecordPane) -> None:  # type: ignore[type-arg]
        """Show the pane's selected record in the detail area once the snapshot's indexes are built, or while a big
        store is indexed (a person from the stored index by key, anything else saying it waits: see `describe`)."""
        record = pane.selected
        snapshot = self.app.snapshot
        ready = self._prepared is snapshot or (snapshot.indexing and not snapshot.preview)
        self._selection_waits = None if ready else pane
        if record is not None and ready:
            self.detail.show(snapshot, Subject(pane.kind, record.key), self.search_text)

    def show_subject(self, subject: Subject | None, link: LinkPosition | None = None) -> None:
        """Show a subject in the detail area."""
        self.detail.show(self.app.snapshot, subject, self.search_text, link)

    @on(RowList.Highlighted)
    def row_highlighted(self, event: RowList.Highlighted) -> None:
        pane = event.row_list.parent
        if not event.row_list.has_focus or not isinstance(pane, RecordPane):
            return
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if self.detail.last_cost < SLOW_DETAIL:
            self.show_selection(pane)
        else:
            self._detail_timer = self.set_timer(DETAIL_DELAY, partial(self.show_selection, pane))

    @on(RowList.Opened)
    def row_opened(self, event: RowList.Opened) -> None:
        pane = event.row_list.parent
        if not isinstance(pane, RecordPane) or pane.selected is None:
            return
        if isinstance(pane, ArticlesPane):
            if self.app.screen is self:
                self.app.open_article(pane.selected.key)
            return
        self.history.append(Place(self.detail.subject, pane.id or "people", None))
        self.show_selection(pane)
        self.focus_pane("detail")

    @on(OptionList.OptionHighlighted, "#detail-links")
    def link_highlighted(self) -> None:
        """The detail's cursor moved: it may be on a quote to copy now, or off one."""
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#detail-links")
    def link_opened(self, event: OptionList.OptionSelected) -> None:
        subject = self.detail.subject_at(event.option_index)
        if subject is None:
            return
        if subject.kind == "article":
            current = self.detail.subject
            if self.app.screen is self:
                quote = current.key if current and current.kind == "quote" else None
                named = current if current and current.kind in ("person", "organization") else None
                self.app.open_article(subject.key, quote, name=named)  # at the name, as a does
            return
        self.history.append(Place(self.detail.subject, "detail", self.detail.position))
        self.show_subject(subject)
        self.set_focus(self.detail.links)

    def open_subject(self, subject: Subject, from_article: ReadingPlace | None = None) -> None:
        """Show a subject in the detail area, remembering where the user was, and focus its links; the cursor of
        the subject's own pane moves to it, so that going to that pane finds it there."""
        self.history.append(Place(self.detail.subject, self.current_pane, self.detail.position, from_article))
        own_pane = {"person": self.people, "organization": self.organizations, "quote": self.quotes}.get(subject.kind)
        if own_pane is not None and not own_pane.select_key(subject.key) and self.search_text.strip():
            self._clear_search_hiding(subject)
            own_pane.select_key(subject.key)
        self.show_subject(subject)
        self.focus_pane("detail")

    def _clear_search_hiding(self, subject: Subject) -> None:
        """Clear the search whose results leave out a subject the user went to, keeping it in the history (Up in the
        search box brings it back), and say so."""
        query = self.search_text.strip()
        self.search.remember(query)
        self.search.value = ""
        self.search_text = ""
        marks = glyphs()
        self.app.notify(
            f"Search {marks.open_quote}{query}{marks.close_quote} cleared to list the {subject.kind} you chose;"
            " Up in the search box brings it back",
            timeout=5,
            markup=False,
        )

    def focus_pane(self, name: str) -> None:
        """Give a pane focus (and, on a narrow terminal, the screen)."""
        self.current_pane = name
        self.set_focus(self.focus_target(name))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the search box has focus, "/" and the digits are typed into it, not taken as commands; copying a
        quote is shown disabled (None) while no quote is selected (see `selected_quote`), and gives way to copying the
        person, organization or article selected instead (see `copied_subject`), shown in their lists even before
        one is listed, so the footer is built once as the browser opens."""
        if action in ("copy_quote", "copy_name"):
            copies_names = self.selected_quote() is None and (
                self.copied_subject() is not None or self.current_pane in NAMED_PANES)
            if action == "copy_name":
                return copies_names
            return True if self.selected_quote() is not None else (False if copies_names else None)
        return not (action in ("focus_search", "show_pane") and self.focused is self.search)

    def action_next_pane(self) -> None:
        self._remember_search_left()
        self.focus_pane(PANES[(PANES.index(self.current_pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self._remember_search_left()
        self.focus_pane(PANES[(PANES.index(self.current_pane) - 1) % len(PANES)])

    def _remember_search_left(self) -> None:
        """A search left with Tab or Shift+Tab joins the history, as one left with Enter or Esc does."""
        if self.focused is self.search:
            self.search.remember(self.search.value)

    def action_show_pane(self, name: str) -> None:
        self.focus_pane(name)

    def action_focus_search(self) -> None:
        self.set_focus(self.search)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.search_text = event.value

    @on(SearchBox.Remembered)
    def search_remembered(self, event: SearchBox.Remembered) -> None:
        """Keep the history for the next launch, with the searches another whosaid on the same settings kept
        meanwhile (before this one's, the latest): each kept only its own, dropping the other's."""
        mine = list(event.history)
        path = self.app.settings.path
        others = load_settings(path).history if path is not None and path.is_file() else ()
        history = [query for query in others if query not in mine][-HISTORY_LENGTH:] + mine
        self.search.history = history[-HISTORY_LENGTH:]
        self.app.save_settings({"search": {"history": self.search.history}})

    def leave_search(self, submitted: bool) -> None:
        """Move from the search box to the results: to the quotes when a search was submitted with Enter and found
        any (else the first pane with results), back to the current pane on Esc."""
        if submitted and self.search.value.strip():
            with_results = [pane.id for pane in self.record_panes if pane.records and pane.id]
            self.focus_pane("quotes" if "quotes" in with_results else next(iter(with_results), self.current_pane))
        else:
            self.focus_pane(self.current_pane)

    def action_back(self) -> None:
        """Return to where the last Enter came from; with nowhere to return, clear the search."""
        if self.history:
            place = self.history.pop()
            self.show_subject(place.subject, place.link)
            pane = self.pane(place.pane)
            if isinstance(pane, RecordPane) and place.subject is not None and place.subject.kind == pane.kind:
                pane.select_key(place.subject.key)  # the list may have moved meanwhile (sorted, searched, replaced)
            self._restoring = self.focus_target(place.pane) is not self.focused
            self.focus_pane(place.pane)
            if place.article is not None:
                self.app.open_article(place.article.article_key, place=place.article)
        elif self.search_text:
            self.search.value = ""
            self.search_text = ""

    def selected_quote(self) -> QuoteRecord | None:
        """The quote the user is looking at: the Quotes cursor (even while the detail is still catching up with it),
        else the detail's subject or its highlighted link."""
        if self.current_pane == "quotes":
            return self.quotes.selected
        snapshot = self.app.snapshot
        subject = self.detail.subject
        if subject is not None and subject.kind == "quote":
            return snapshot.quote(subject.key, shown_only=True)
        if self.current_pane == "detail":
            link = self.detail.highlighted_subject
            if link is not None and link.kind == "quote":
                return snapshot.quote(link.key, shown_only=True)
        return None

    def action_cycle_sort(self) -> None:
        """Sort the current pane by its next order (the title says which), kept for the next launch."""
        pane = self.pane(self.current_pane)
        if isinstance(pane, RecordPane):
            self.app.save_settings({"sort": {self.current_pane: pane.cycle_order()}})
        else:
            self.app.notify("s sorts the People, Organizations, Quotes and Articles panes", markup=False)

    def action_zoom(self) -> None:
        """Let the current pane fill the screen, or show every pane again; kept for the next launch."""
        self.zoomed = not self.zoomed
        self.app.save_settings({"layout": {"zoom": self.zoomed}})

    def watch_zoomed(self, zoomed: bool) -> None:
        self.set_class(zoomed, "-zoomed")

    def action_copy_quote(self) -> None:
        quote = self.selected_quote()
        if quote is not None:
            self.app.copy_quote(quote)
        else:
            self.app.notify("Highlight a quote to copy it with its citation", markup=False)

    def action_copy_name(self) -> None:
        subject = self.copied_subject()
        if subject is not None:
            self.app.copy_name(subject)
        else:
            self.app.notify("Nothing selected to copy", markup=False)

    def copied_subject(self) -> Subject | None:
        """What y copies where no quote is selected: the article listed or highlighted, else the person or
        organization the user is looking at."""
        article = self.articles.selected if self.current_pane == "articles" else self.highlighted_article()
        subject = self.detail.subject
        if article is None and self.current_pane == "detail" and subject is not None and subject.kind == "article":
            return subject
        if article is not None:
            return Subject("article", article.key)
        record = self.selected_name()
        if record is None:
            return None
        return Subject("person" if isinstance(record, PersonRecord) else "organization", record.key)

    def action_export(self) -> None:
        """Export the quotes shown (see `exported_owner`) as Markdown: to a file in the current folder, or, in a guest
        session (read-only), to the terminal's clipboard."""
        if self.app.snapshot.preview:
            self.app.notify("Still reading the store: export again in a moment.", severity="warning", timeout=3)
            return
        pane = self.pane(self.current_pane)
        if isinstance(pane, (NamePane, ArticlesPane)) and pane.selected is None:
            self.app.notify(f"No {pane.kind} selected to export", severity="warning", markup=False)
            return
        owner = self.exported_owner()
        if owner is None and not self.quotes.records:
            self.app.notify("No quotes listed to export", severity="warning", markup=False)
            return
        running = self._export_worker
        if running is not None and not running.is_finished:
            self.app.notify("An export is being written: wait for it to finish.", severity="warning", timeout=3)
            return
        listed = self.quotes.records
        self._export_worker = self.export_quotes(self.app.snapshot, owner, listed, is_guest_session())

    def exported_owner(self) -> Subject | None:
        """The person, organization or article whose quotes `e` exports, as the detail lists them: the People,
        Organizations or Articles cursor, or the detail's subject; None where the quotes listed in the Quotes pane are
        what the user looks at (that pane, a quote's detail)."""
        pane = self.pane(self.current_pane)
        if isinstance(pane, (NamePane, ArticlesPane)):
            record = pane.selected
            return Subject(pane.kind, record.key) if record is not None else None
        subject = self.detail.subject
        if self.current_pane == "detail" and subject is not None and subject.kind in EXPORTED_OWNERS:
            return subject
        return None

    _export_worker: Worker[None] | None = None
    """The export being written, if any: a second `e` meanwhile would write a second file."""

    @work(thread=True, exclusive=True, group="export", exit_on_error=False, description="export")
    def export_quotes(
        self, snapshot: Snapshot, owner: Subject | None, listed: Sequence[QuoteRecord], to_clipboard: bool
    ) -> None:
        """Find the owner's quotes (else take the listed ones) and write the export (seconds for many quotes) off the
        UI thread; say how it went."""
        exported = ExportedQuotes(listed, "") if owner is None else self.owner_quotes(snapshot, owner)
        if exported is None:
            return
        quotes, what = exported
        if len(quotes) >= EXPORT_NOTED:
            self._notify_from_worker(f"Exporting {count_label(len(quotes), 'quote')}{what}{glyphs().ellipsis}")
        lines = export_lines(snapshot, quotes, "md")
        if to_clipboard:
            text, sent = clipboard_lines(lines, CLIPBOARD_BYTES)
            self.post_message(self.Exported(len(quotes), what, text=text, sent=sent))
            return
        try:
            path = export_file(lines, Path.cwd(), datetime.now())
        except OSError as error:
            self._notify_from_worker(f"The quotes were not exported: {export_failure(error)}", "error")
            return
        self.post_message(self.Exported(len(quotes), what, path=path))

    def owner_quotes(self, snapshot: Snapshot, owner: Subject) -> ExportedQuotes | None:
        """The quotes the detail of `owner` lists and what a notification calls them; None, having said why, when it
        has none, or they are known only once a big store is indexed (see `described_while_indexing`)."""
        what = owner_label(snapshot, owner)
        if what is None:
            self._notify_from_worker("Nothing to export: it is no longer in the store", "warning")
            return None
        quotes = known_quotes_of(snapshot, owner)
        if quotes is None:
            self._notify_from_worker("Indexing the store: export again in a moment.", "warning")
            return None
        if not quotes:
            self._notify_from_worker(f"No quotes{what} to export", "warning")
            return None
        return ExportedQuotes(quotes, what)

    def _notify_from_worker(self, message: str, severity: SeverityLevel = "information") -> None:
        """Notify, from a worker's thread, with the message as plain text (names in it come from articles)."""
        timeout = 6 if severity == "error" else 3
        notify = partial(self.app.notify, printable_line(message), severity=severity, timeout=timeout, markup=False)
        self.app.call_from_thread(notify)

    def on_browse_screen_exported(self, message: Exported) -> None:
        from tui.app import display_path

        quotes = count_label(message.total, "quote") + message.what
        if message.path is not None:
            where = display_path(str(message.path))
            self.app.notify(f"{quotes} as Markdown in {where}", title="Exported", timeout=6, markup=False)
            return
        self.app.copy_to_clipboard(message.text)
        sent = quotes if message.sent == message.total else f"The first {message.sent} of {quotes}"
        self.app.notify(
            f"{sent} as Markdown, sent to your terminal's clipboard (OSC 52): a whosaid serve session writes no files",
            title="Exported",
            timeout=6,
            markup=False,
        )

    def selected_name(self) -> PersonRecord | OrganizationRecord | None:
        """The person or organization the user is looking at: the detail's subject, else the list's cursor."""
        subject = self.detail.subject
        if self.current_pane == "detail" and subject is not None:
            snapshot = self.app.snapshot
            if subject.kind == "person":
                return snapshot.person(subject.key)
            if subject.kind == "organization":
                return snapshot.organization(subject.key)
        pane = self.pane(self.current_pane)
        return pane.selected if isinstance(pane, NamePane) else None

    def highlighted_article(self) -> ArticleRecord | None:
        """The article a person's or organization's detail has highlighted in its list of articles, if any."""
        if self.current_pane != "detail":
            return None
        link = self.detail.highlighted_subject
        return self.app.snapshot.article(link.key) if link is not None and link.kind == "article" else None

    def selected_article(self) -> ArticleRecord | None:
        """The article the user is looking at: the Articles cursor, the detail's article or the one it highlights,
        else the quote's."""
        if self.current_pane == "articles":
            return self.articles.selected
        subject = self.detail.subject
        if subject is not None and subject.kind == "article":
            return self.app.snapshot.article(subject.key)
        highlighted = self.highlighted_article()
        if highlighted is not None:
            return highlighted
        quote = self.selected_quote()
        return self.app.snapshot.article(quote.article_key) if quote is not None else None

    def action_open_original(self) -> None:
        """Open the selected article's original file in $PAGER (see `WhosaidApp.open_original`)."""
        self.app.open_original(self.selected_article())

    def action_open_article(self) -> None:
        """The selected quote's article at the quote; for a person or organization, the first article naming them, at
        its first mention of them."""
        if self.current_pane == "articles" and self.articles.selected is not None:
            self.app.open_article(self.articles.selected.key)
            return
        quote = self.selected_quote()
        if quote is not None:
            self.app.open_article(quote.article_key, quote.key)
            return
        highlighted = self.highlighted_article()
        if highlighted is not None:
            subject = self.detail.subject
            named = subject if subject is not None and subject.kind in ("person", "organization") else None
            self.app.open_article(highlighted.key, name=named)  # the article the detail highlights, at the name
            return
        record = self.selected_name()
        if record is None:
            self.app.notify("Select a quote, person or organization to open an article", markup=False)
            return
        if isinstance(record, PersonRecord):
            keys = [appearance.article_key for appearance in record.appearances]
            name = Subject("person", record.key)
        else:
            keys = list(record.article_keys)
            name = Subject("organization", record.key)
        stored = self.app.snapshot.articles_with_keys(keys)
        if not len(stored):
            self.app.notify(f"No stored article names {printable_line(record.name)}", severity="warning", markup=False)
            return
        self.app.open_article(stored[0].key, name=name)
