"""`e` exports what the user is looking at: the selected person's, organization's or article's quotes as the detail
lists them, or the quotes the Quotes pane lists; the notification says whose they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.test_keyed_search import store_path  # noqa: F401 - a fixture: a store made to be read as a big one
from tests.test_search_while_reading import (
    browsing_whole_store,
    held_lookup,
    held_reading,
    searched_in_the_browser_as_big,
)
from tests.test_tui import hostile_store, make_app, settle, synchronously  # noqa: F401 - hostile_store is a fixture
from tui.app import WhosaidApp
from tui.link_list import Subject

SIZE = (120, 36)

HARBOR = (
    "Harbor vote\n\n"
    "\u201cThe munitions depot will close,\u201d said Daniel Reyes, the mayor of Portsmouth.\n\n"
    "\u201cWe will reopen the pier by May,\u201d Reyes said.\n\n"
    "\u201cThe council backs the plan,\u201d said Ana Lindqvist, a spokeswoman for the Harbor Council.\n"
)
FERRY = (
    "Ferry fares\n\n"
    "\u201cThe ferry fares rise in autumn,\u201d said Daniel Reyes, the mayor of Portsmouth.\n\n"
    "\u201cTickets will cost more for everyone,\u201d said Tom Berg, a ferry captain.\n"
)


@pytest.fixture
def harbor_store(tmp_path: Path) -> Store:
    """Two articles: Daniel Reyes quoted in both (for Portsmouth), Ana Lindqvist for the Harbor Council, Tom Berg."""
    store = Store(tmp_path / "store.json")
    store.ingest(
        [
            ("harbor.txt", HARBOR, {"title": "Harbor vote", "date": "2024-06-12"}),
            ("ferry.txt", FERRY, {"title": "Ferry fares", "date": "2023-11-02"}),
        ]
    )
    return store


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, where `e` writes its file: empty."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return here


def notifications(app: WhosaidApp) -> list[str]:
    """Every notification's title and message, one string each."""
    return [f"{notification.title}: {notification.message}" for notification in app._notifications]


def exported_texts(folder: Path) -> list[str]:
    """The quotes' texts in the one export file written in `folder`, in its order."""
    [written] = folder.glob("whosaid-export-*.md")
    lines = written.read_text(encoding="utf-8").splitlines()
    return [line.split("\u201c", 1)[1].split("\u201d", 1)[0] for line in lines if line.startswith("- \u201c")]


def detail_quote_texts(app: WhosaidApp) -> list[str]:
    """The texts of the quotes the detail lists, in its order, as an export cites them (without a closing comma)."""
    snapshot = app.snapshot
    keys = [subject.key for subject in map(app.screen.detail.subject_at, range(len(app.screen.detail.links.options)))
            if subject is not None and subject.kind == "quote"]
    return [cited(quote.text) for key in keys if (quote := snapshot.quote(key)) is not None]


def cited(text: str) -> str:
    """A quote's text as its citation gives it: the comma before "said" left out."""
    return text.rstrip(",")


async def export(pilot) -> None:  # type: ignore[no-untyped-def]
    """Press e and wait for the file (or clipboard) and the notification."""
    await pilot.press("e")
    await settle(pilot)


@synchronously
async def test_e_on_the_people_pane_exports_the_selected_persons_quotes_as_the_detail_lists_them(
    harbor_store: Store, folder: Path
) -> None:
    """`e` on Daniel Reyes exported the whole store's five quotes: the Quotes pane's list, hidden behind his detail."""
    app = make_app(harbor_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.people.select_key("daniel reyes")
        await settle(pilot)
        listed = detail_quote_texts(app)
        assert len(listed) == 3 and app.screen.detail.subject == Subject("person", "daniel reyes")
        await export(pilot)
        assert exported_texts(folder) == listed
        [written] = folder.glob("whosaid-export-*.md")
        said = notifications(app)
        assert any("3 quotes of Daniel Reyes as Markdown in" in text and written.name in text for text in said), said


@synchronously
async def test_e_on_the_organizations_pane_and_in_a_persons_detail_exports_their_quotes(
    harbor_store: Store, folder: Path
) -> None:
    app = make_app(harbor_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        app.screen.organizations.select_key("harbor council")
        await settle(pilot)
        await export(pilot)
        assert exported_texts(folder) == ["The council backs the plan"]
        assert any("1 quote of Harbor Council as Markdown in" in text for text in notifications(app))
        for written in folder.glob("whosaid-export-*.md"):
            written.unlink()
        await pilot.press("1")
        app.screen.people.select_key("tom berg")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current_pane == "detail"
        await export(pilot)
        assert exported_texts(folder) == ["Tickets will cost more for everyone"]
        assert any("1 quote of Tom Berg as Markdown in" in text for text in notifications(app))


@synchronously
async def test_e_on_the_articles_pane_exports_the_articles_quotes_and_on_the_quotes_pane_the_quotes_listed(
    harbor_store: Store, folder: Path
) -> None:
    app = make_app(harbor_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        app.screen.articles.select_key(app.snapshot.articles_named("ferry.txt")[0].key)
        await settle(pilot)
        listed = detail_quote_texts(app)
        await export(pilot)
        assert exported_texts(folder) == listed
        assert listed == ["The ferry fares rise in autumn", "Tickets will cost more for everyone"]
        assert any("2 quotes from \u201cFerry fares\u201d as Markdown in" in text for text in notifications(app))
        for written in folder.glob("whosaid-export-*.md"):
            written.unlink()
        await pilot.press("slash", *"reyes", "enter")
        await settle(pilot)
        assert app.screen.current_pane == "quotes"
        listed = [cited(quote.text) for quote in app.screen.quotes.records]
        assert len(listed) == 3
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current_pane == "detail" and app.screen.detail.subject.kind == "quote"
        await export(pilot)
        assert exported_texts(folder) == listed
        assert any("Exported: 3 quotes as Markdown in" in text for text in notifications(app))
        for written in folder.glob("whosaid-export-*.md"):
            written.unlink()
        await pilot.press("escape", "escape")  # back to the Quotes pane, then the search cleared
        await settle(pilot)
        assert app.screen.current_pane == "quotes" and not app.screen.search_text
        await export(pilot)
        assert len(exported_texts(folder)) == 5
        assert any("Exported: 5 quotes as Markdown in" in text for text in notifications(app))


@synchronously
async def test_e_on_a_person_with_no_quotes_or_an_empty_pane_says_so_and_writes_nothing(
    store: Store, folder: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.people.selected is not None and app.screen.people.selected.name == "Alexander Kamyshin"
        await export(pilot)
        assert list(folder.iterdir()) == []
        assert any("No quotes of Alexander Kamyshin to export" in text for text in notifications(app))
        await pilot.press("slash", *"zzzz", "escape")
        await settle(pilot)
        await export(pilot)
        assert list(folder.iterdir()) == []
        assert any("No person selected to export" in text for text in notifications(app))


@synchronously
async def test_in_a_guest_session_e_sends_the_selected_persons_quotes_to_the_clipboard(
    harbor_store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WHOSAID_GUEST", "1")
    app = make_app(harbor_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.people.select_key("daniel reyes")
        await settle(pilot)
        await export(pilot)
        assert list(folder.iterdir()) == []
        assert app.clipboard.count("\n") == 3 and "Tom Berg" not in app.clipboard
        assert any("3 quotes of Daniel Reyes as Markdown, sent to your terminal's clipboard" in text
                   for text in notifications(app))


@synchronously
async def test_the_name_an_export_notification_gives_is_shown_literally(
    hostile_store: Store, folder: Path  # noqa: F811
) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await export(pilot)
        [said] = [text for text in notifications(app) if text.startswith("Exported")]
        assert "1 quote of Mallory Smith [red]x[/red]" in said
        assert "\x1b" not in said
        assert app.is_running


@synchronously
async def test_while_a_big_store_is_indexed_e_exports_what_a_persons_detail_lists_or_says_to_wait(
    store_path: Path,  # noqa: F811
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A person's detail lists every copy of their quotes while the store is indexed: `e` exports those; an
    organization's detail waits for the indexing, and so does `e` on it, writing nothing meanwhile."""
    whole = searched_in_the_browser_as_big(monkeypatch, store_path)
    person = max(whole.people, key=lambda p: len(whole._quote_positions_of(f"person:{p.key}")))
    copies = [cited(whole.stored_quotes[position].text.strip()) for position in
              whole._quote_positions_of(f"person:{person.key}")]
    reading = held_reading(monkeypatch)
    spoken_for = held_lookup(monkeypatch, "_spoken_for")
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await browsing_whole_store(pilot, whole)
        assert app.snapshot.indexing
        await pilot.press("2")
        assert screen.organizations.select_key(whole.organizations[0].key)
        await pilot.press("e")
        for _ in range(40):
            await pilot.pause(0.05)
            if any("Indexing the store: export again" in text for text in notifications(app)):
                break
        assert any("Indexing the store: export again in a moment." in text for text in notifications(app))
        assert list(folder.iterdir()) == []
        await pilot.press("1")
        assert screen.people.select_key(person.key)
        await pilot.press("e")
        for _ in range(40):
            await pilot.pause(0.05)
            if list(folder.glob("whosaid-export-*.md")):
                break
        await pilot.pause(0.2)
        assert app.snapshot.indexing
        assert [text.strip() for text in exported_texts(folder)] == copies
        assert any(f"{len(copies)} quotes of {person.name} as Markdown in" in text for text in notifications(app))
        reading.set()
        spoken_for.set()
        await settle(pilot)


@synchronously
async def test_an_export_that_cannot_be_written_says_where_and_why_in_words(
    harbor_store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that could not be written showed Python's error text: "[Errno 1] Operation not permitted: '…'"."""
    import errno

    import tui.browse_screen

    def refused(*_: object) -> Path:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(folder / "whosaid-export-1.md"))

    monkeypatch.setattr(tui.browse_screen, "export_file", refused)
    app = make_app(harbor_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await export(pilot)
        said = notifications(app)
        written = folder / "whosaid-export-1.md"
        expected = f"The quotes were not exported: cannot write {written} (operation not permitted)"
        assert any(expected in text for text in said), said
        assert not any("Errno" in text for text in said)
