"""A search typed while a big store's quotes are still being read answers from the stored index at once, listing
every copy of a quote, and the same search once they are read lists each quote once, as a whole store's does."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from store import Store, database, keyed_index, storage
from store import snapshot as snapshot_module
from store.built_once import built_once
from store.errors import StoreError
from store.export import quote_copies
from store.model import Extraction, Person, Quote
from store.quote_records import CopiesListed, QuoteRecords
from store.records import QuoteRecord
from store.schema import read_tables
from store.search import parse_query
from store.snapshot import Snapshot
from tests.test_keyed_browsing import TYPED
from tests.test_keyed_search import ARTICLE_QUERIES, QUERIES, store_path  # noqa: F401 - the store these tests search
from tests.test_preview import held_refresh
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously, title_of
from tui import browse_screen
from tui.article_screen import ArticleScreen
from tui.browse_screen import BrowseScreen
from tui.cli import read_whole
from tui.detail import describe
from tui.link_list import LinkPosition, Subject
from tui.mentions import Mention, article_mentions
from tui.safe_text import printable

__all__ = ["isolated_config"]


def read_as_big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open stores as big ones are: searched by key, their first screen drawn from the rows the writer keeps, and
    their quotes read after it."""
    monkeypatch.setattr(snapshot_module, "KEYED_BROWSING_QUOTES", 0)
    monkeypatch.setattr(database, "QUICK_READ_BYTES", 0)
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 0)


def searched_in_the_browser_as_big(monkeypatch: pytest.MonkeyPatch, path: Path) -> Snapshot:
    """Open stores as big ones are (`read_as_big`), the browser searching at once, by the stored index while the
    quotes are read; the whole store's snapshot, read before, to compare with."""
    read_as_big(monkeypatch)
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    monkeypatch.setattr(snapshot_module, "INDEXED_SPEAKERS_AT_MOST", 1000)
    return Store(path).snapshot


def held_reading(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold every read of the quotes whole until the returned event is set (ten seconds at most)."""
    reading = threading.Event()
    columns = QuoteRecords.columns

    def held_columns(records: QuoteRecords, *arguments: object) -> object:
        reading.wait(10)
        return columns(records, *arguments)

    monkeypatch.setattr(QuoteRecords, "columns", held_columns)
    return reading


async def whole_store_listed(pilot, whole: Snapshot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app lists the whole store rather than its first rows (two and a half seconds at most)."""
    app = pilot.app
    for _ in range(50):
        await pilot.pause(0.05)
        if not app.snapshot.preview and app.snapshot.summary().quotes == whole.summary().quotes:
            return


async def browsing_whole_store(pilot, whole: Snapshot) -> BrowseScreen:  # type: ignore[no-untyped-def]
    """The browser once it lists the whole store rather than its first rows (see `whole_store_listed`)."""
    await whole_store_listed(pilot, whole)
    screen = pilot.app.screen
    assert isinstance(screen, BrowseScreen)
    assert not pilot.app.snapshot.preview
    return screen


async def detail_shows(pilot, text: str) -> str:  # type: ignore[no-untyped-def]
    """The detail's summary once it holds `text` (the detail may wait a tenth of a second after a slow one; two
    seconds at most), to assert on."""
    summary = ""
    for _ in range(40):
        await pilot.pause(0.05)
        summary = str(pilot.app.screen.detail.summary.render())
        if text in summary:
            break
    return summary


async def article_loaded(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the article screen opened has read its article (two and a half seconds at most)."""
    for _ in range(50):
        await pilot.pause(0.05)
        if getattr(pilot.app.screen, "loaded", False):
            break


@pytest.fixture
def opened(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Snapshot:  # noqa: F811
    """The browser's snapshot of the test store searched by key as a big store's is, opened but not yet read."""
    read_as_big(monkeypatch)
    store = Store(store_path)
    store.lean = True
    snapshot = store.open_snapshot()
    assert snapshot.indexing
    return snapshot


@pytest.mark.parametrize(("speakers_looked_up", "speakers_halved"), [(1000, 32), (1, 32), (1000, 0)])
def test_a_search_while_the_quotes_are_read_finds_every_copy_the_whole_index_finds(
    opened: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    speakers_looked_up: int,
    speakers_halved: int,
) -> None:
    monkeypatch.setattr(snapshot_module, "INDEXED_SPEAKERS_AT_MOST", speakers_looked_up)
    monkeypatch.setattr(keyed_index, "SPEAKERS_HALVED", speakers_halved)
    whole = Store(store_path).snapshot

    def indexed_while_reading(query: str) -> bool:
        """Whether the stored index alone answers the query while the quotes are read."""
        parsed = parse_query(query)
        return (
            min((len(whole._speakers_named(term)) for term in parsed.terms), default=0) <= speakers_looked_up
            and all(
                len(whole._speakers_named(f.term)) <= speakers_looked_up
                for f in parsed.filters
                if f.field in ("speaker", "org")
            )
        )

    queries = [query for query in [*QUERIES, *TYPED, *ARTICLE_QUERIES] if indexed_while_reading(query)]
    assert len(queries) > 20
    assert sum(any(f in query for f in ("article:", "source:", "date:")) for query in queries) >= 10
    assert sum("org:" in query for query in queries) >= 5 or speakers_looked_up < 10
    named = [[len(whole._speakers_named(term)) for term in parse_query(query).terms] for query in queries]
    assert any(max(counts, default=0) > speakers_looked_up for counts in named) or speakers_looked_up > 100
    every_copy = {query: list(whole._search_positions(parse_query(query))) for query in queries}
    texts = {query: [whole.stored_quotes[p].text for p in every_copy[query]] for query in queries}

    def unread(*_: object) -> None:
        raise AssertionError("the quotes were read whole for a search")

    monkeypatch.setattr(QuoteRecords, "columns", unread)
    for query in queries:
        found = opened.search_quotes(query, while_indexing=True)
        assert isinstance(found, CopiesListed), query
        assert list(found.positions) == every_copy[query], query
        assert [quote.text for quote in found] == texts[query], query
    assert sum(map(bool, every_copy.values())) > 10
    monkeypatch.undo()
    monkeypatch.setattr(snapshot_module, "INDEXED_SPEAKERS_AT_MOST", speakers_looked_up)
    monkeypatch.setattr(keyed_index, "SPEAKERS_HALVED", speakers_halved)
    opened.read_all()
    for query in queries:
        found = opened.search_quotes(query, while_indexing=True)
        assert isinstance(found, CopiesListed), "read, not yet grouped: still every copy at once"
        assert list(found.positions) == every_copy[query], query
    opened.build_indexes()
    for query in queries:
        assert list(opened.search_quotes(query, while_indexing=True).positions) == list(
            whole.search_quotes(query).positions
        ), query


def test_a_search_naming_many_speakers_waits_for_the_quotes_and_lists_each_once(
    opened: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(snapshot_module, "INDEXED_SPEAKERS_AT_MOST", 0)
    whole = Store(store_path).snapshot
    for query in ("lee", "ann lee", "harbor org:counc"):
        found = opened.search_quotes(query, while_indexing=True)
        assert not isinstance(found, CopiesListed), query
        assert list(found.positions) == list(whole.search_quotes(query).positions), query


@synchronously
@pytest.mark.parametrize("query", ["harbor", "harbor date:2024", "article:harbor"])
async def test_the_browser_lists_a_search_found_while_reading_then_each_quote_once(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    query: str,
) -> None:
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    copies = list(whole._search_positions(parse_query(query)))
    assert len(whole.search_quotes(query)) < len(copies), "the test store prints some quotes twice"
    reading = held_reading(monkeypatch)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await whole_store_listed(pilot, whole)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await pilot.press("slash", *query)
        for _ in range(50):
            await pilot.pause(0.05)
            if screen.quotes.records:
                break
        assert list(screen.quotes.given.positions) == copies, "found while the quotes are read: every copy"
        for _ in range(50):
            await pilot.pause(0.05)
            if screen.articles.search_text == query:
                break
        assert not screen.articles.records
        assert screen.articles.rows.empty_message.plain == "Indexing the store\u2026", "not 'No articles match'"
        assert title_of(screen.articles).startswith(("Articles \u2026 of ", "Articles \u2026/"))
        reading.set()
        await settle(pilot)
        assert list(screen.quotes.given.positions) == list(whole.search_quotes(query).positions)
        assert screen.articles.records and not title_of(screen.articles).startswith("Articles \u2026")


@synchronously
async def test_the_detail_shows_the_first_quote_a_search_found_after_typing_paused(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search of a big store while it is indexed can take longer than the pause after typing that shows the first
    result in the detail: the detail then shows the first quote the search found, not the first of the list before."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    query = "budget"
    reading = held_reading(monkeypatch)
    search_quotes = Snapshot.search_quotes

    def slow_search(snapshot: Snapshot, query: str, while_indexing: bool = False) -> object:
        time.sleep(4 * browse_screen.DETAIL_DELAY)
        return search_quotes(snapshot, query, while_indexing)

    monkeypatch.setattr(Snapshot, "search_quotes", slow_search)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        first_listed = screen.quotes.selected
        await pilot.press("slash")
        screen.query_one("#search", Input).value = query
        for _ in range(50):
            await pilot.pause(0.05)
            if screen.quotes.search_text == query and screen.quotes.records:
                break
        found = screen.quotes.selected
        assert found is not None and first_listed is not None and found.key != first_listed.key
        assert app.snapshot.indexing
        summary = await detail_shows(pilot, found.text.strip()[:30])
        assert summary.startswith("\u201c" + found.text.strip()[:30]), "the detail shows the first quote found"
        reading.set()


@synchronously
async def test_a_search_that_ends_after_the_store_is_indexed_lists_each_quote_once(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    query = "harbor"
    reading = held_reading(monkeypatch)
    search_quotes = Snapshot.search_quotes

    def slow_search(snapshot: Snapshot, query: str, while_indexing: bool = False) -> object:
        found = search_quotes(snapshot, query, while_indexing)
        if isinstance(found, CopiesListed):
            reading.set()  # the store is read and indexed while this search is still running
            for _ in range(200):
                if not snapshot.indexing:
                    break
                time.sleep(0.01)
            time.sleep(0.3)
        return found

    monkeypatch.setattr(Snapshot, "search_quotes", slow_search)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await whole_store_listed(pilot, whole)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await pilot.press("slash")
        screen.query_one("#search", Input).value = query
        await settle(pilot)
        await pilot.pause(1.0)
        await settle(pilot)
        assert list(screen.quotes.given.positions) == list(whole.search_quotes(query).positions)


def test_a_search_while_reading_a_store_that_lost_articles_finds_what_the_whole_index_finds(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Removing articles moves the later parts of the index by a shift their postings are read less: the browser's
    search by key must read them so, words, typed prefixes and speakers alike."""
    store = Store(store_path)
    articles = store.snapshot.articles
    store.remove([articles[n].content_hash for n in (2, 19)])
    read_as_big(monkeypatch)
    monkeypatch.setattr(snapshot_module, "INDEXED_SPEAKERS_AT_MOST", 1000)
    tables = read_tables(store_path)
    parts = keyed_index.index_parts(tables) if tables is not None else None
    assert parts is not None and any(part.shift for part in parts)
    whole = Store(store_path).snapshot
    lean = Store(store_path)
    lean.lean = True
    opened = lean.open_snapshot()
    assert opened.indexing
    compared = 0
    for query in [*QUERIES, *TYPED]:
        found = opened.search_quotes(query, while_indexing=True)
        if isinstance(found, CopiesListed):
            assert list(found.positions) == list(whole._search_positions(parse_query(query))), query
            compared += bool(found.positions)
    assert compared > 15


def test_an_article_filter_typed_after_a_writer_replaced_the_files_answers_as_the_store_is_read(
    opened: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The quote files the opened version names are gone once two writes replaced them: a filter on articles
    searched in their bytes then answers as the store is read (from its current files), instead of failing."""
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 4096)
    whole = Store(store_path).snapshot

    def extracted(text: str) -> Extraction:
        sentence = text.splitlines()[-1]
        said = Quote(sentence, "Zed Quill", text.index(sentence), len(text), 2)
        return Extraction(text.splitlines()[0], (Person("Zed Quill"),), (), (said,))

    writer = Store(store_path, extractor=extracted)
    for number in (1, 2):
        writer.ingest([(f"late-{number}.txt", f"Late story {number}\n\nthe harbor waits {number}")])
    assert not (store_path.parent / f"{store_path.name}.d" / opened_quote_file(opened)).exists()
    for query in ("source:reuters", "date:2024", "article:story"):
        found = opened.search_quotes(query, while_indexing=True)
        assert not isinstance(found, CopiesListed), query
        assert [quote.text for quote in found] == [quote.text for quote in whole.search_quotes(query)], query


def opened_quote_file(snapshot: Snapshot) -> str:
    """The first quote file of the store version a snapshot was opened on."""
    assert snapshot._tables is not None
    return snapshot._tables.files["quotes"][0][0]


def held_lookup(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """Hold the building of one of the snapshot's lookups (`name`, built once) until the returned event is set (ten
    seconds at most)."""
    built = threading.Event()
    build = Snapshot.__dict__[name]._build

    def held(snapshot: Snapshot) -> object:
        built.wait(10)
        return build(snapshot)

    held_build = built_once(held)
    held_build.__set_name__(Snapshot, name)
    monkeypatch.setattr(Snapshot, name, held_build)
    return built


@synchronously
async def test_a_person_and_a_quote_show_in_the_detail_while_the_store_is_indexed(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A big store takes half a minute to index: meanwhile a person's detail shows their record and every copy of
    their quotes, found by key, a quote shown in a pane its detail, and anything else says it waits; once indexed,
    each quote shows once."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)

    def copies_of(key: str) -> list[int]:
        return list(whole._quote_positions_of(f"person:{key}"))

    person = max(whole.people, key=lambda p: len(copies_of(p.key)) - len(whole.quotes_by_person(p.key)))
    copies = [whole.stored_quotes[position].text.strip() for position in copies_of(person.key)]
    entries = [quote.text.strip() for quote in whole.quotes_by_person(person.key)]
    assert len(copies) > len(entries) > 0
    organization = whole.organizations[0]
    copy_keys = [whole.stored_quotes[position].key for position in copies_of(person.key)]
    entry_keys = [quote.key for quote in whole.quotes_by_person(person.key)]
    moved = next(key for key in entry_keys if copy_keys.index(key) != entry_keys.index(key))
    reading = held_reading(monkeypatch)
    spoken_for = held_lookup(monkeypatch, "_spoken_for")
    app = make_app(Store(store_path))

    def detail() -> tuple[str, list[str]]:
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        return str(screen.detail.summary.render()), [p.strip("\u201c\u201d") for p in prompts if p.startswith("\u201c")]

    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        assert app.snapshot.indexing
        assert screen.people.select_key(person.key)
        assert person.name in await detail_shows(pilot, person.name)
        assert detail()[1] == copies
        await pilot.press("tab")
        assert screen.organizations.select_key(organization.key)
        assert await detail_shows(pilot, "Indexing") == "Indexing the store\u2026"
        assert detail()[1] == []
        await pilot.press("tab", "down")
        quote = screen.quotes.selected
        assert quote is not None and quote.speaker_name
        summary = await detail_shows(pilot, quote.article_title)
        assert summary.startswith("\u201c" + quote.text.strip()[:40])
        assert f"\u2014 {whole.speaker_line(quote)}" in summary and quote.article_title in summary
        await pilot.press("shift+tab", "shift+tab")
        assert screen.people.select_key(person.key)
        await detail_shows(pilot, person.name)
        screen.focus_pane("detail")
        screen.detail.links.go_to(LinkPosition(0, copy_keys.index(moved)))
        await pilot.pause()
        assert screen.detail.highlighted_subject == Subject("quote", moved)
        reading.set()
        spoken_for.set()
        await settle(pilot)
        assert not app.snapshot.indexing
        assert detail()[1] == entries, "indexed: each quote once"
        assert screen.detail.highlighted_subject == Subject("quote", moved), "the cursor stays on its quote"
        screen.focus_pane("quotes")
        await pilot.pause()
        await pilot.press("up", "down")
        summary = await detail_shows(pilot, quote.article_title)
        assert summary.startswith("\u201c" + quote.text.strip()[:40])
        screen.focus_pane("organizations")
        assert screen.organizations.select_key(whole.organizations[1].key)
        assert whole.organizations[1].name in await detail_shows(pilot, whole.organizations[1].name)


@synchronously
async def test_the_first_person_shows_in_the_detail_once_the_whole_store_is_listed_with_no_key_pressed(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A user who opens a big store and waits sees the person under the cursor as soon as the whole lists are read,
    not "Reading the store…" for the half minute the indexing takes."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    reading = held_reading(monkeypatch)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        assert app.snapshot.indexing
        first = screen.people.selected
        assert first is not None
        assert first.name in await detail_shows(pilot, first.name)
        reading.set()
        await settle(pilot)
        assert first.name in str(screen.detail.summary.render())


@synchronously
async def test_a_person_opened_on_the_first_screen_shows_once_the_whole_lists_are_read_while_indexing(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enter on a first-screen row, before the whole lists are read, shows that person as soon as they are, while
    the store is still indexed: not "Reading the store…" until the indexing ends."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    reading = held_reading(monkeypatch)
    store = Store(store_path)
    listing = held_refresh(monkeypatch, store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.snapshot.preview
        await pilot.press("down", "enter")
        listing.set()
        await browsing_whole_store(pilot, whole)
        assert app.snapshot.indexing
        person = whole.people[1]
        assert person.name in await detail_shows(pilot, person.name)
        reading.set()


@synchronously
async def test_an_organization_shows_its_people_and_every_copy_of_their_quotes_once_known_while_indexing(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a big store is indexed, an organization's detail waits for the lookup of its people (seconds at
    100,000 articles), then shows them and every copy of its quotes and those they said for it, found by key."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)

    def copies_of(key: str) -> list[str]:
        return [whole.stored_quotes[p].text.strip() for p in whole._quotes_for_organizations({key})]

    organization = max(whole.organizations, key=lambda o: len(copies_of(o.key)))
    people = [person.name for person in whole.people_of_organization(organization.key)]
    assert people and copies_of(organization.key)
    reading = held_reading(monkeypatch)
    known = held_lookup(monkeypatch, "_spoken_for")
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        await pilot.press("tab")
        assert screen.organizations.select_key(organization.key)
        assert await detail_shows(pilot, "Indexing") == "Indexing the store\u2026"
        known.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if app.snapshot.knows_who_spoke_for_whom:
                break
        assert app.snapshot.knows_who_spoke_for_whom and app.snapshot.indexing
        await pilot.press("down", "up")
        assert organization.name in await detail_shows(pilot, organization.name)
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        assert all(any(prompt.startswith(name) for prompt in prompts) for name in people)
        listed = [prompt.partition("\u201d")[0].strip("\u201c") for prompt in prompts if prompt.startswith("\u201c")]
        copies = copies_of(organization.key)
        assert [quote.text.strip() for quote in app.snapshot.quotes_by_organization(organization.key)] == copies
        assert len(listed) >= 20 and listed == copies[: len(listed)]
        reading.set()


def test_an_articles_quotes_while_the_store_is_indexed_are_those_of_the_whole_store(
    opened: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The article screen lists an article's quotes, to show where each was said: while a big store is indexed it
    finds them in the quote files' bytes, the same quotes in the same order, without reading every quote."""
    whole = Store(store_path).snapshot
    expected = {article.key: [q.key for q in whole.quotes_in_article(article.key)] for article in whole.articles}
    assert sum(map(bool, expected.values())) > 30

    def unread(*_: object) -> None:
        raise AssertionError("the quotes were read whole for an article")

    monkeypatch.setattr(QuoteRecords, "columns", unread)
    for key, quotes in expected.items():
        assert [quote.key for quote in opened.quotes_in_article(key)] == quotes, key
    assert opened.indexing


@synchronously
async def test_an_article_opens_with_its_quotes_while_the_store_is_indexed(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An article opened while a big store is indexed shows its text and quotes at once, the quote opened from
    marked, then the names in it once the lookups of names by article are built."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)

    def names_in_article(quote: QuoteRecord) -> list[Mention]:
        article = whole.article(quote.article_key)
        return article_mentions(whole, quote.article_key, printable(article.text)) if article is not None else []

    named_quote = next(position for position, quote in enumerate(whole.stored_quotes) if names_in_article(quote))
    reading = held_reading(monkeypatch)
    named = held_lookup(monkeypatch, "_people_by_article")
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        await pilot.press("tab", "tab")
        screen.quotes.rows.cursor = named_quote  # listed as stored while indexing: a quote's row is its position
        await pilot.pause()
        quote = screen.quotes.selected
        assert quote is not None and quote.key == whole.stored_quotes[named_quote].key
        await pilot.press("a")
        await article_loaded(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.loaded
        assert app.snapshot.indexing
        assert [q.key for q in article.quotes] == [q.key for q in whole.quotes_in_article(quote.article_key)]
        assert article.quotes[article.current_quote].key == quote.key
        assert article.mentions == [], "the names wait for the lookups of names by article"
        named.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if article.mentions:
                break
        assert app.snapshot.indexing
        assert article.mentions and article.mentions == article_mentions(whole, quote.article_key, article.text)
        reading.set()


@synchronously
async def test_an_articles_detail_says_it_finds_its_quotes_then_lists_them_while_the_store_is_indexed(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a big store is indexed, an article's detail shows the article at once and says it is finding its quotes,
    which a worker finds in the quote files' bytes (a second or so at 100,000 articles) while the keys still move the
    cursor; then it lists them as the whole store does, and the article opened from it has them at once."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    article, other = sorted(whole.articles, key=lambda a: len(whole.quotes_in_article(a.key)))[-1:-3:-1]
    expected = [quote.text.strip() for quote in whole.quotes_in_article(article.key)]
    assert len(expected) >= 3
    reading = held_reading(monkeypatch)
    found = threading.Event()
    finding = keyed_index.quotes_of_articles
    searches: list[set[str]] = []

    def held(tables: object, keys: set[str]) -> list[int]:
        searches.append(set(keys))
        found.wait(10)
        return finding(tables, keys)  # type: ignore[arg-type]

    monkeypatch.setattr(keyed_index, "quotes_of_articles", held)
    app = make_app(Store(store_path))

    def listed() -> list[str]:
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        return [prompt.rpartition("\u201d")[0].strip("\u201c") for prompt in prompts if prompt.startswith("\u201c")]

    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        screen.focus_pane("articles")
        assert screen.articles.select_key(other.key)
        await pilot.pause()
        assert screen.articles.select_key(article.key)
        summary = await detail_shows(pilot, "Finding its quotes")
        assert summary.startswith(article.title) and summary.endswith("Finding its quotes\u2026")
        assert listed() == []
        found.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if listed():
                break
        assert app.snapshot.indexing
        shown = listed()
        assert len(shown) >= min(len(expected), 5) and shown == expected[: len(shown)]
        assert "Finding" not in str(screen.detail.summary.render())
        searched = len(searches)
        await pilot.press("enter")
        await article_loaded(pilot)
        opened = app.screen
        assert isinstance(opened, ArticleScreen) and opened.loaded
        assert [quote.text.strip() for quote in opened.quotes] == expected
        assert len(searches) == searched, "the article's quotes, found for its detail, are not searched again"
        reading.set()


@synchronously
async def test_an_articles_detail_whose_files_were_replaced_lists_its_quotes_once_they_are_read(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A writer may replace the quote files a big store's snapshot names while it is indexed: an article's detail then
    waits for the quotes as read and lists them, searching the files once, not again and again."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    article = max(whole.articles, key=lambda a: len(whole.quotes_in_article(a.key)))
    expected = [quote.text.strip() for quote in whole.quotes_in_article(article.key)]
    searches: list[object] = []

    def replaced(tables: object, keys: object) -> list[int]:
        searches.append(keys)
        raise StoreError("a writer replaced the files")

    monkeypatch.setattr(keyed_index, "quotes_of_articles", replaced)
    by_article = held_lookup(monkeypatch, "_quote_positions_by_article")
    grouped = held_lookup(monkeypatch, "_entry_positions")
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        screen.focus_pane("articles")
        assert screen.articles.select_key(article.key)
        assert "Finding its quotes" in await detail_shows(pilot, "Finding its quotes")
        by_article.set()
        for _ in range(40):
            await pilot.pause(0.05)
            if any(str(option.prompt).startswith("\u201c") for option in screen.detail.links.options):
                break
        await pilot.pause(0.3)
        assert app.snapshot.indexing
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        shown = [prompt.rpartition("\u201d")[0].strip("\u201c") for prompt in prompts if prompt.startswith("\u201c")]
        assert shown and shown == expected[: len(shown)]
        assert len(searches) <= 2, "the files were searched again and again"
        grouped.set()


@synchronously
async def test_quotes_sorted_by_date_while_the_store_is_indexed_are_sorted_in_a_worker(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sorting a big store's quotes by date needs every quote's article, known once the quotes are read (half a
    minute at 100,000 articles, during which `s` froze the screen): the pane lists them as given meanwhile, its title
    saying the order is on its way, the keys still moving the cursor; then they show by date."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    reading = held_reading(monkeypatch)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        await pilot.press("3")
        given = [quote.key for quote in screen.quotes.records[:3]]
        await pilot.press("s")
        assert "date" in title_of(screen.quotes) and title_of(screen.quotes).endswith("\u2026")
        await pilot.press("down")
        assert [quote.key for quote in screen.quotes.records[:3]] == given
        assert screen.quotes.selected_key == given[1], "the keys move the cursor while the quotes are sorted"
        assert app.snapshot.indexing
        reading.set()
        await settle(pilot)
        assert not title_of(screen.quotes).endswith("\u2026")
        expected = app.snapshot.sorted_quotes(app.snapshot.quotes, "date")
        assert [quote.key for quote in screen.quotes.records] == [quote.key for quote in expected]
        assert [quote.key for quote in expected] != [quote.key for quote in app.snapshot.quotes]


def test_a_listing_read_whole_lists_every_copy_of_its_quotes_as_the_whole_store_does(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`whosaid export` reads a big store whole and lists each quote's copies as its sources: what the browser
    finds of a quote while it indexes (the quotes it showed) never stands in for the whole store's lookups."""
    whole = Store(store_path).snapshot
    copied = [quote for quote in whole.quote_entries() if quote.source_count > 1]
    assert copied
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 0)
    read = read_whole(store_path, lean=False)
    for quote in copied:
        found = read.search_quotes(max(quote.text.split(), key=len).strip(".,;:\"'"))
        assert read.indexing
        listed = next(listed for listed in found if listed.key == quote.key)
        assert [copy.key for copy in quote_copies(read, listed)] == [copy.key for copy in quote_copies(whole, quote)]
        assert read.quote(quote.key) == whole.quote(quote.key)


def test_a_quote_shown_while_indexing_is_found_until_the_indexing_ends(opened: Snapshot) -> None:
    """Grouping the copies of quotes makes their records again, before the indexing ends: a quote a detail showed
    is still found by its key meanwhile, not said to wait for the indexing."""
    person = next(person for person in opened.people if len(opened.quotes_by_person(person.key)))
    shown = opened.quotes_by_person(person.key)[0]
    assert opened.quote(shown.key, shown_only=True) == shown
    opened.read_all()
    opened._quote_positions_by_speaker  # noqa: B018 - groups the copies, as the indexing does first
    assert opened.indexing
    assert opened.quote(shown.key, shown_only=True) == shown
    assert str(describe(opened, Subject("quote", shown.key))[0]).startswith("\u201c" + shown.text.strip()[:30])


@synchronously
async def test_the_header_says_the_store_is_indexed_until_it_is(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a big store is indexed (half a minute at 100,000 articles) an organization's detail and a search's
    articles wait: the header says why, and stops saying it once the store is indexed."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    reading = held_reading(monkeypatch)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await browsing_whole_store(pilot, whole)
        assert app.snapshot.indexing
        assert app.sub_title.endswith(" \u00b7 indexing\u2026")
        reading.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.snapshot.indexing and "indexing" not in app.sub_title:
                break
        assert not app.snapshot.indexing
        assert "indexing" not in app.sub_title and "quotes" in app.sub_title
