"""The Articles pane: every article with outlet, date, counts and path; sorted with s; Enter opens it; o opens the
original in $PAGER (never in a guest session)."""

from __future__ import annotations

import contextlib
import random
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events
from textual.pilot import Pilot

from store import Store
from tests.test_tui import make_app, no_blink, row_texts, screen_text, settle, synchronously, title_of
from tests.test_tui_metadata import news_store, notifications  # noqa: F401 - a fixture used by the tests below
from tui.app import WhosaidApp
from tui.article_screen import ArticleScreen
from tui.browse_screen import original_file

SIZE = (120, 36)


def titles_listed(app: WhosaidApp) -> list[str]:
    """The articles the pane lists, by title, in its order."""
    return [article.title for article in app.screen.articles.records]


@synchronously
async def test_key_5_shows_the_articles_with_outlet_date_counts_and_path_in_place_of_the_quotes(
    news_store: Store,  # noqa: F811
) -> None:
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.articles.display or not app.screen.articles.region
        await pilot.press("5")
        await settle(pilot)
        assert app.focused is app.screen.articles.rows
        assert app.screen.articles.region.height > 0 and not app.screen.quotes.region
        assert title_of(app.screen.articles) == "Articles 3"
        assert titles_listed(app) == ["Harbor vote", "Ferry fares", "Bridge works"]
        [harbor, *_] = row_texts(app, "articles")
        for part in ("2024-06-12", "Coastal Ledger", "1p  0o  1q", "Harbor vote", "https://ledger.example.com/harbor"):
            assert part in harbor
        assert app.screen.detail.subject is not None and app.screen.detail.subject.kind == "article"
        await pilot.press("3")
        assert app.focused is app.screen.quotes.rows
        assert app.screen.quotes.region.height > 0 and not app.screen.articles.region
        for key, pane in (("1", "people"), ("2", "organizations"), ("4", "detail")):
            await pilot.press(key)
            assert app.screen.current_pane == pane


@synchronously
async def test_s_sorts_the_articles_by_date_title_and_outlet_and_the_title_says_so(
    news_store: Store,  # noqa: F811
) -> None:
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "s")
        assert titles_listed(app) == ["Harbor vote", "Bridge works", "Ferry fares"]
        assert "by date, newest first" in title_of(app.screen.articles)
        await pilot.press("s")
        assert titles_listed(app) == ["Bridge works", "Ferry fares", "Harbor vote"]
        assert "by title" in title_of(app.screen.articles)
        await pilot.press("s")
        assert titles_listed(app) == ["Harbor vote", "Bridge works", "Ferry fares"]
        assert "by outlet" in title_of(app.screen.articles)
        await pilot.press("s")
        assert titles_listed(app) == ["Harbor vote", "Ferry fares", "Bridge works"]
        assert title_of(app.screen.articles) == "Articles 3"


@synchronously
async def test_enter_or_a_opens_the_article_and_escape_comes_back_to_the_list(news_store: Store) -> None:  # noqa: F811
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.title_text == "Ferry fares"
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.screen.articles.rows and app.screen.articles.selected.title == "Ferry fares"
        await pilot.press("j", "a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.title_text == "Bridge works"


@synchronously
async def test_enters_in_one_burst_open_one_article_that_one_escape_closes(news_store: Store) -> None:  # noqa: F811
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "j")
        await settle(pilot)
        for _ in range(4):
            app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        assert [type(screen).__name__ for screen in app.screen_stack[1:]] == ["ArticleScreen"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.screen.articles.rows


@synchronously
async def test_a_search_lists_the_articles_of_the_matching_quotes(news_store: Store) -> None:  # noqa: F811
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        await pilot.press("5")
        assert titles_listed(app) == ["Ferry fares"]
        assert title_of(app.screen.articles) == "Articles 1 of 3"


@synchronously
async def test_a_search_kept_to_one_outlet_lists_only_that_outlet_s_articles(tmp_path: Path) -> None:
    """A quote three outlets printed, found with source:reuters, listed the other two outlets' articles too."""
    story = (
        "Port strike spreads\n\n\u201cWe will not return until the rules change,\u201d said Maria Lopez, "
        "a union leader.\n"
    )
    store = Store(tmp_path / "store.json")
    store.ingest([
        (f"{outlet}.txt", story + f"\nReported by {outlet} staff.\n", {"outlet": outlet})
        for outlet in ("AP News", "Reuters", "Baltic Times")
    ])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"source:reuters", "enter")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert [row.outlet for row in app.screen.articles.records] == ["Reuters"]
        await pilot.press("slash", "ctrl+u", *"rules", "enter")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert len(app.screen.articles.records) == 3


@synchronously
async def test_an_outlet_filter_keeps_the_people_and_organizations_named_in_its_articles(tmp_path: Path) -> None:
    """`source:reuters` alone said "No people match" while Reuters' quotes were listed: its people are listed now,
    and a name typed beside the filter is looked for among them."""
    store = Store(tmp_path / "store.json")
    store.ingest([
        (
            f"{outlet}.txt",
            f"Port news\n\n\u201cThe port reopens on {day},\u201d said {name}, a spokeswoman for {company}.\n",
            {"outlet": outlet},
        )
        for outlet, day, name, company in (
            ("Reuters", "Monday", "Maria Lopez", "Harbor Freight Lines"),
            ("AP News", "Friday", "Maria Lindqvist", "Baltic Shipping"),
        )
    ])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"source:reuters", "enter")
        await settle(pilot)
        assert [person.name for person in app.screen.people.records] == ["Maria Lopez"]
        assert [o.name for o in app.screen.organizations.records] == ["Harbor Freight Lines"]
        assert title_of(app.screen.people) == "People 1 of 2"
        await pilot.press("slash", "ctrl+u", *"maria source:ap", "enter")
        await settle(pilot)
        assert [person.name for person in app.screen.people.records] == ["Maria Lindqvist"]
        assert app.screen.organizations.records == []
        await pilot.press("slash", "ctrl+u", *"maria", "enter")
        await settle(pilot)
        assert [person.name for person in app.screen.people.records] == ["Maria Lindqvist", "Maria Lopez"]


@synchronously
async def test_a_paragraph_wrapped_in_its_file_reads_as_one_paragraph(tmp_path: Path) -> None:
    """A file wrapped at a fixed width showed each of its lines as a paragraph, a blank line between them, and a
    quote's heading broke where the file did."""
    wrapped = (
        "Storm hits coast\n\n"
        "Residents were told to stay home on Sunday. \"We have never seen\n"
        "anything like this,\" said Dan Ortiz, a fisherman who has worked the\n"
        "bay for thirty years.\n"
    )
    store = Store(tmp_path / "store.json")
    store.ingest([(str(tmp_path / "storm.txt"), wrapped)])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "enter")
        await settle(pilot)
        assert "\u201cWe have never seen anything like this,\u201d" in screen_text(app)
        assert not any(line.rstrip(" \u2502").endswith("seen") for line in screen_text(app).splitlines())
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        shown = [line.strip(" \u2502") for line in screen_text(app).splitlines()]
        start = next(number for number, line in enumerate(shown) if line.startswith("Residents"))
        assert "seen anything like this" in shown[start]
        assert shown[start + 1].strip() and not shown[start + 2].strip(), "one paragraph, then the end"


@pytest.mark.parametrize("size", [(80, 24), (40, 15)])
@synchronously
async def test_the_articles_pane_is_usable_at_80x24_and_40x15(news_store: Store, size: tuple[int, int]) -> None:  # noqa: F811
    app = make_app(news_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        rows = row_texts(app, "articles")
        assert rows[0].startswith("2024-06-12") and "Harbor vote" in rows[0]
        assert app.screen.articles.region.height >= 5
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)


@pytest.fixture
def file_store(tmp_path: Path) -> tuple[Store, Path]:
    """A store of one article read from a file that is still there."""
    original = tmp_path / "harbor.txt"
    text = "Harbor vote\n\n\u201cThe depot will close,\u201d said Daniel Reyes, the mayor of Portsmouth.\n"
    original.write_text(text, encoding="utf-8")
    store = Store(tmp_path / "store.json")
    store.ingest([(str(original), text)])
    return store, original


async def read_again(app: WhosaidApp, pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Have the app look at the store again (another process wrote it), and wait until `done` says it has read it."""
    app.check_store()
    for _ in range(50):
        await pilot.pause(0.05)
        if done():
            break
    await settle(pilot)


def recorded_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A $PAGER that writes the file it is asked to show into the file returned, as a record of what `o` opened."""
    record = tmp_path / "pager-args"
    script = f"import sys; open({str(record)!r}, 'w').write(sys.argv[1])"
    monkeypatch.setenv("PAGER", shlex.join([sys.executable, "-c", script]))
    return record


@pytest.fixture
def no_suspend(monkeypatch: pytest.MonkeyPatch) -> None:
    """Suspending the app does nothing (a headless test has no terminal to give the pager)."""
    monkeypatch.setattr(WhosaidApp, "suspend", lambda self: contextlib.nullcontext())


@pytest.mark.usefixtures("no_suspend")
@synchronously
async def test_o_opens_the_original_file_in_the_pager(
    file_store: tuple[Store, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, original = file_store
    record = recorded_pager(tmp_path, monkeypatch)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "o")
        await settle(pilot)
        assert record.read_text(encoding="utf-8") == str(original)
        assert app.is_running
        record.unlink()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("o")
        await settle(pilot)
        assert record.read_text(encoding="utf-8") == str(original), "o in the article opens the one being read"


@pytest.mark.usefixtures("no_suspend")
@synchronously
async def test_o_on_an_item_of_a_json_lines_file_opens_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said "No original file to open: items.jsonl#2", the file being there."""
    items = tmp_path / "items.jsonl"
    items.write_text("{}\n{}\n", encoding="utf-8")
    store = Store(tmp_path / "store.json")
    store.ingest([(f"{items}#2", "Harbor vote\n\n\u201cThe depot will close,\u201d said Daniel Reyes, the mayor.\n")])
    record = recorded_pager(tmp_path, monkeypatch)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "o")
        await settle(pilot)
        assert record.read_text(encoding="utf-8") == str(items)


@pytest.mark.usefixtures("no_suspend")
@synchronously
async def test_o_in_a_guest_session_starts_nothing_and_shows_where_the_original_is(
    file_store: tuple[Store, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, original = file_store
    record = tmp_path / "pager-args"
    monkeypatch.setenv("PAGER", shlex.join([sys.executable, "-c", f"open({str(record)!r}, 'w')"]))
    monkeypatch.setenv("WHOSAID_GUEST", "1")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "o", "3", "o")
        await settle(pilot)
        assert not record.exists()
        said = [text for text in notifications(app) if "opens no programs" in text]
        assert len(said) == 2 and all(original.name in text for text in said)


@synchronously
async def test_o_on_an_article_read_from_a_link_shows_the_link(news_store: Store) -> None:  # noqa: F811
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "o")
        await settle(pilot)
        assert any("No original file to open: https://ledger.example.com/harbor" in t for t in notifications(app))


def test_snapshot_articles_pane(snap_compare, news_store: Store) -> None:  # noqa: F811
    async def show_articles(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("5", "s")
        await settle(pilot)

    assert snap_compare(make_app(news_store), terminal_size=SIZE, run_before=show_articles)


class _NoTexts:
    def text_of(self, article_key: str) -> str:
        return ""

    def title_of(self, article_key: str) -> str:
        return ""


def test_a_narrow_articles_list_gives_the_title_room_before_the_outlet_and_a_wide_one_shows_it_whole() -> None:
    from store.records import ArticleRecord
    from tui.articles import article_row

    article = ArticleRecord(
        "k", "Harbor vote passes after a long night", "a.txt", "h", "2024-06-12T00:00:00", _NoTexts(),
        date="2024-06-12", outlet="The Coastal Ledger Weekly",
    )
    narrow, wide = article_row(article, "", None, 44).plain, article_row(article, "", None, 80).plain
    assert narrow.startswith("2024-06-12 The Coas") and narrow.index("Harbor") <= 44 // 2
    assert wide.startswith("2024-06-12 The Coastal Le")
    widest = article_row(article, "", None, 200).plain
    assert widest.startswith("2024-06-12 The Coastal Ledger Weekly ") and widest.index("Harbor") < 200 // 3


@pytest.mark.parametrize(("stated", "said"), [(None, "no date"), ("12/06/2024", "no date it can read")])
def test_the_day_an_article_was_added_is_told_apart_from_a_published_date(
    tmp_path: Path, stated: str | None, said: str
) -> None:
    """An article whose source states no date was listed under the day it was added, looking like a published one."""
    from store.records import ArticleRecord
    from tui.articles import article_row

    def date_is_slanted(article: ArticleRecord) -> bool:
        row = article_row(article, "", None, 80)
        return any("italic" in str(span.style) for span in row.spans if span.start == 0)

    published = ArticleRecord("k", "Harbor vote", "a.txt", "h", "2026-03-01T09:00:00", _NoTexts(), date="2024-06-12")
    added = ArticleRecord("k", "Harbor vote", "a.txt", "h", "2026-03-01T09:00:00", _NoTexts(), date=stated)
    assert article_row(published, "", None, 80).plain.startswith("2024-06-12")
    assert article_row(added, "", None, 80).plain.startswith("2026-03-01")
    assert date_is_slanted(added) and not date_is_slanted(published)

    store = Store(tmp_path / "store.json")
    text = "Harbor vote passes\n\n\u201cWe won,\u201d said Mayor Ana Ruiz.\n"
    store.ingest([("a.txt", text, {"date": stated} if stated else {})])
    from tui.detail import Subject, describe

    snapshot = store.snapshot
    snapshot.build_indexes()
    summary, _ = describe(snapshot, Subject("article", snapshot.articles[0].key))
    day = snapshot.articles[0].added_day
    assert day and f"added {day}, the day it is listed and sorted by: its source states {said}" in summary.plain


@pytest.mark.parametrize("lean", [False, True])
def test_articles_sorted_from_their_documents_are_in_the_order_their_records_sort(tmp_path: Path, lean: bool) -> None:
    """Sorting 100,000 articles by date made a record of each (some 60 MB at once): they are sorted from their
    documents, in the same order."""
    from store.lazy_records import Selection
    from store.model import Extraction
    from tui.articles import in_article_order

    rng = random.Random(3)
    store = Store(tmp_path / "store.json", extractor=lambda text: Extraction(text.split("\n")[0], (), (), ()))
    items = []
    for number in range(60):
        metadata = {}
        if rng.random() < 0.7:
            metadata["date"] = rng.choice(["2024-06-12", "2024-06-13", "2023-01-02", "12/06/2024"])
        if rng.random() < 0.6:
            metadata["outlet"] = rng.choice(["Reuters", "ap news", "AP News", "Zeta"])
        title = rng.choice(["Harbor", "harbor", "Budget", "\u00c4tna", "Zoo"])
        items.append((f"a{number}.txt", f"{title}\n\nThe body of article {number}.\n", metadata))
    store.ingest(items)
    reader = Store(store.path)
    reader.lean = lean
    snapshot = reader.snapshot
    every = snapshot.articles
    some = Selection(every, [position for position in range(len(every)) if position % 3])
    for order in ("date", "title", "outlet"):
        for articles in (every, some):
            from_documents = in_article_order(snapshot, articles, order)
            from_records = in_article_order(snapshot, list(articles), order)
            assert [article.key for article in from_documents] == [article.key for article in from_records], order
            assert isinstance(from_documents, Selection)


@synchronously
async def test_an_article_replaced_by_an_ingest_keeps_the_cursor_and_the_detail(tmp_path: Path) -> None:
    """An article edited and ingested again while the browser showed it sent the cursor to the top row and left the
    detail blank: both follow it to its new version."""
    from tests.test_tui import settle

    paths = []
    stories = [("Harbor vote", "Ann Lee"), ("Budget plan", "Tom Berg"), ("Bridge", "Kim Park")]
    for number, (title, speaker) in enumerate(stories):
        path = tmp_path / f"a{number}.txt"
        path.write_text(f"{title}\n\n\u201cWe will act now on {title.lower()},\u201d said {speaker}, the mayor.\n")
        paths.append(path)
    store_path = tmp_path / "store.json"
    Store(store_path).ingest([(str(path), path.read_text()) for path in paths])
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "down")
        await settle(pilot)
        screen = app.screen
        assert screen.articles.selected.source == str(paths[1]) and screen.detail.subject.kind == "article"
        paths[1].write_text(paths[1].read_text() + "\u201cAnd more,\u201d said Tom Berg.\n")
        writer = Store(store_path)
        [outcome] = writer.ingest([(str(paths[1]), paths[1].read_text())])
        [replaced] = [article for article in writer.snapshot.articles if article.source == str(paths[1])]
        assert outcome.replaced and replaced.key != screen.articles.selected.key
        await read_again(app, pilot, lambda: app.snapshot.article(replaced.key) is not None)
        assert screen.articles.selected.key == replaced.key
        assert screen.detail.subject.key == replaced.key
        assert screen.detail.full_summary.plain.startswith("Budget plan")


def test_an_item_named_by_its_guid_or_digest_is_found_in_the_file_that_holds_it(tmp_path: Path) -> None:
    """A feed item with no link is stored as the feed and its guid or a digest of its text: `o` found no file."""
    feed = tmp_path / "wire#2.xml"
    feed.write_text("<rss/>", encoding="utf-8")
    assert original_file(f"{feed}#urn:uuid:1#a") == str(feed)
    assert original_file(f"{feed}#4c758fb59cd8") == str(feed)
    assert original_file(f"{feed}#3") == str(feed)
    assert original_file(str(feed)) == str(feed)
    assert original_file(f"{tmp_path / 'gone.xml'}#3") is None
    assert original_file("https://example.com/a#b") is None


@synchronously
async def test_a_speaker_named_in_wide_characters_keeps_the_start_of_the_quote(tmp_path: Path) -> None:
    """The Quotes pane cut the speaker's column by characters, not cells: "田中 宏" took the quote's “東 with it."""
    store = Store(tmp_path / "store.json")
    store.ingest([(
        str(tmp_path / "tokyo.txt"),
        "Tokyo markets\n\n\u201c\u6771\u4eac\u306e\u5e02\u5834\u306f\u5f37\u3044\u3067\u3059,\u201d said "
        "\u7530\u4e2d \u5b8f, a trader.\n\n\u201cTomorrow will be better,\u201d said Yosef Levi, a trader.\n",
    )])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        rows = row_texts(app, "quotes")
        assert "\u201c\u6771\u4eac\u306e" in rows[0]
        starts = [cell_len(row[: row.index("\u201c")]) for row in rows[:2]]
        assert starts[0] == starts[1], "both quotes start in the same cell"


@synchronously
async def test_a_store_removed_while_the_app_is_open_is_said_once_and_its_last_view_kept(store: Store) -> None:
    """Removed from outside, the store showed as empty ("0 articles", "No people yet") without a word."""
    import shutil

    app = make_app(Store(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = title_of(app.screen.people)
        store.path.unlink()
        shutil.rmtree(store.path.parent / "store.json.d")
        for _ in range(2):
            app.check_store()
            for _ in range(40):
                await pilot.pause(0.05)
                if not app._refreshing:
                    break
        await settle(pilot)
        gone = [n.message for n in app._notifications if "the store is gone" in n.message]
        assert len(gone) == 1, gone
        assert title_of(app.screen.people) == people and "0 articles" not in app.sub_title
        assert not store.path.exists(), "nothing is written where the store was"


@pytest.mark.usefixtures("no_suspend")
@synchronously
async def test_a_and_o_on_an_article_a_person_s_detail_highlights_open_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the second of a person's articles highlighted in their detail, `a` opened the first and `o` said "Select
    an article or a quote to open its original"."""
    store = Store(tmp_path / "store.json")
    files = []
    for name, said in (("vote.txt", "The depot will close"), ("budget.txt", "The budget is tight")):
        original = tmp_path / name
        text = f"Harbor {name[:-4]}\n\n\u201c{said},\u201d said Daniel Reyes, the mayor of Portsmouth.\n"
        original.write_text(text, encoding="utf-8")
        store.ingest([(str(original), text)])
        files.append(original)
    record = recorded_pager(tmp_path, monkeypatch)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)
        detail = app.screen.detail
        second = next(a.key for a in store.snapshot.articles if a.title == "Harbor budget")
        at = next(i for i in range(detail.links.option_count)
                  if (s := detail.subject_at(i)) is not None and s.kind == "article" and s.key == second)
        detail.links.highlighted = at
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert record.read_text(encoding="utf-8") == str(files[1])
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_key == second


@synchronously
async def test_the_reader_leaves_an_article_another_process_removed_and_says_so(tmp_path: Path) -> None:
    """The reader kept showing a removed article, its quotes still stepped through and copied without their
    outlet and date."""
    store_path = tmp_path / "store.json"
    texts = {name: f"Harbor {name}\n\n\u201cThe {name} holds,\u201d said Daniel Reyes, the mayor.\n"
             for name in ("vote", "budget")}
    Store(store_path).ingest([(str(tmp_path / f"{name}.txt"), text) for name, text in texts.items()])
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ArticleScreen)
        removed = reader.article_key
        writer = Store(store_path)
        [digest] = [d.get("hash", d["key"]) for d in writer.article_documents() if d["key"] == removed]
        writer.remove([digest])
        await read_again(app, pilot, lambda: app.snapshot.article(removed) is None)
        assert not isinstance(app.screen, ArticleScreen)
        assert any("no longer in the store" in n.message for n in app._notifications)


@synchronously
async def test_an_empty_store_s_panes_say_how_to_add_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After `rm --seed` the panes said "No quotes yet", with no word of how to add any; for a store given with
    --db, the command they gave stored the articles elsewhere."""
    store_path = tmp_path / "s.json"
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hint = app.screen.quotes.rows.empty_message.plain
        assert hint == f"No quotes yet: add articles with whosaid ingest --db {store_path} FILE"
        assert "No quotes yet: add articles with whosaid ingest --db" in screen_text(app)
    monkeypatch.setenv("WHOSAID_DB", str(store_path))
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No quotes yet: add articles with whosaid ingest FILE" in screen_text(app)


@synchronously
async def test_new_store_leaves_the_header_once_another_process_stores_articles_in_it(tmp_path: Path) -> None:
    """"(new store)", there to show a mistyped path, stayed after another process had ingested articles into it."""
    store_path = tmp_path / "store.json"
    app = WhosaidApp(Store(store_path), store_label="store.json", new_store=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "(new store)" in screen_text(app)
        text = "Vote\n\n\u201cWe won,\u201d said Ann Lee, the mayor.\n"
        Store(store_path).ingest([(str(tmp_path / "vote.txt"), text)])
        await read_again(app, pilot, lambda: app.snapshot.summary().articles)
        assert "(new store)" not in screen_text(app)


def test_an_article_with_no_file_of_its_own_offers_no_original_file(tmp_path: Path) -> None:
    """An article read from standard input, or stored under its link, said "o its original file", and o "No original
    file to open: -"."""
    from tui.detail import Subject, describe

    store = Store(tmp_path / "store.json")
    text = "Harbor vote passes\n\n\u201cWe won,\u201d said Mayor Ana Ruiz.\n"
    store.ingest([("-", text), ("a.txt", text.replace("won", "lost"))])
    snapshot = store.snapshot
    snapshot.build_indexes()
    said = {
        article.source: describe(snapshot, Subject("article", article.key))[0].plain for article in snapshot.articles
    }
    assert "read from standard input" in said["-"] and "original file" not in said["-"]
    assert "o its original file" in said["a.txt"]


def test_a_store_whose_articles_state_no_outlet_lists_them_without_a_blank_outlet_column() -> None:
    """A store of articles stating no outlet showed 18 blank columns in each row while titles were cut."""
    from store.records import ArticleRecord
    from tui.articles import article_row

    title = "Harbor vote passes after a long night"
    article = ArticleRecord("k", title, "a.txt", "h", "2024-06-12T00:00:00", _NoTexts())
    for width in (50, 80):
        with_column = article_row(article, "", None, width).plain
        without = article_row(article, "", None, width, outlets=False).plain
        assert without.startswith("2024-06-12 ") and without.index("Harbor") < with_column.index("Harbor") - 10


@pytest.mark.parametrize("lean", [False, True])
def test_articles_of_one_day_newest_first_list_the_last_added_first(tmp_path: Path, lean: bool) -> None:
    """What a reporter just ingested heads the Articles pane by date, though every article without a published date
    shares the day it was added."""
    from store.model import Extraction
    from tui.articles import in_article_order

    store = Store(tmp_path / "store.json", extractor=lambda text: Extraction(text.split("\n")[0], (), (), ()))
    for number in range(4):
        store.ingest([(f"a{number}.txt", f"Story {number}\n\nThe body of article {number}.\n")])
    store.ingest([("old.txt", "Old story\n\nAn older body.\n", {"date": "2020-01-02"})])
    reader = Store(store.path)
    reader.lean = lean
    snapshot = reader.snapshot
    for articles in (snapshot.articles, list(snapshot.articles)):
        titles = [article.title for article in in_article_order(snapshot, articles, "date")]
        assert titles == ["Story 3", "Story 2", "Story 1", "Story 0", "Old story"]
