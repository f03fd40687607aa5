"""Quotes by date or by speaker: a long list is taken from every stored quote put in that order once, and lists
exactly what sorting it alone lists, so that a search typed while the Quotes pane is by date answers at once."""

from __future__ import annotations

import contextlib
import json
import random
from pathlib import Path

import pytest

from store import Store
from store import snapshot as snapshot_module
from store.keys import fold
from store.quote_records import QuoteSelection
from tests.conftest import tagged_extract
from tests.test_front_pages import story


@pytest.fixture
def dated_path(tmp_path: Path) -> Path:
    """Articles with published dates in no order, some without, written in several batches."""
    rng = random.Random(5)
    path = tmp_path / "store.json"
    articles = []
    for number in range(40):
        name, text = story(rng, number)
        date = {} if number % 7 == 0 else {"date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
        articles.append((name, text, date))
    Store(path, extractor=tagged_extract).ingest(articles, batch_size=9)
    return path


def sorted_alone(snapshot: snapshot_module.Snapshot, positions: list[int], order: str) -> list[int]:
    """The positions ordered by their quotes' articles' dates or their speakers' names (the unattributed last),
    ties in stored order, told from the records."""
    records = snapshot.stored_quotes

    def key(position: int) -> tuple:
        quote = records[position]
        if order == "date":
            article = snapshot.article(quote.article_key)
            return (article.sort_date if article is not None else "", position)
        name = quote.speaker_name
        return (name is None, fold(name or ""), position)

    return sorted(positions, key=key)


@pytest.mark.parametrize("order", ["date", "speaker"])
def test_a_long_list_in_an_order_is_the_list_sorted_alone(
    dated_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    rng = random.Random(order)
    snapshot = Store(dated_path).snapshot
    stored = len(snapshot.stored_quotes)
    dates = {article.sort_date for article in snapshot.articles}
    assert len(dates) > 10 and stored > 100
    for apart in (0, stored + 1):  # every list sorted alone, then every one taken from the whole order
        monkeypatch.setattr(snapshot_module, "QUOTES_SORTED_APART", apart)
        for size in (0, 1, 2, stored // 3, stored // 2, stored):
            positions = sorted(rng.sample(range(stored), size))
            listed = snapshot.sorted_quotes(QuoteSelection(snapshot.stored_quotes, positions), order)
            assert list(listed.positions) == sorted_alone(snapshot, positions, order), (apart, size)
        assert (order in snapshot._quote_orders) == (apart > 0), "the whole order is made once and kept"
    every = snapshot.sorted_quotes(snapshot.quotes, order)
    texts = [quote.text for quote in every]
    if order == "date":
        articles = [snapshot.article(quote.article_key) for quote in every]
        kept = [article.sort_date for article in articles if article is not None]
        assert kept == sorted(kept)
    assert sorted(texts) == sorted(quote.text for quote in snapshot.quotes)


def test_names_with_strokes_and_accents_sort_with_their_plain_letters(tmp_path: Path) -> None:
    """Łukasz Wałęsa came after Zbigniew, and Ćwikła after Wałęsa, by surname: no accent makes Ł or Ø, so folding
    accents left them after Z."""
    from tui.cli import main

    names = ["Łukasz Wałęsa", "Zbigniew Nowak", "Henrik Ødegård", "Tomasz Ćwikła", "Anna Berg", "Søren Lund"]
    text = "Yard wins order\n\n" + "\n\n".join(
        f"\u201cThe yard will hire {number} welders,\u201d said {name}, a manager." for number, name in enumerate(names)
    ) + "\n"
    store_path = tmp_path / "store.json"
    Store(store_path).ingest([("yard.txt", text)])
    snapshot = Store(store_path).snapshot
    by_name = [person.name for person in snapshot.people]
    assert by_name == ["Anna Berg", "Henrik Ødegård", "Łukasz Wałęsa", "Søren Lund", "Tomasz Ćwikła", "Zbigniew Nowak"]
    by_surname = [person.name for person in snapshot.people_in_order("surname")]
    surnames = ["Anna Berg", "Tomasz Ćwikła", "Søren Lund", "Zbigniew Nowak", "Henrik Ødegård", "Łukasz Wałęsa"]
    assert by_surname == surnames
    listed = tmp_path / "listed.txt"
    with listed.open("w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        assert main(["search", "welders", "--sort", "speaker", "--jsonl", "--db", str(store_path)]) == 0
    assert [json.loads(line)["speaker"] for line in listed.read_text(encoding="utf-8").splitlines()] == by_name


def test_by_latest_article_people_and_organizations_follow_their_articles_dates_not_when_they_were_added(
    tmp_path: Path,
) -> None:
    """The newest article by its date was the last ingested: a story dated today, ingested before a week-old one,
    listed its people last."""
    from tui import sorting

    def story(name: str, organization: str) -> str:
        return f"Harbor news\n\n\u201cWe are ready,\u201d said {name}, the head of {organization}.\n"

    store_path = tmp_path / "store.json"
    Store(store_path).ingest([
        ("today.txt", story("Ana Ruiz", "Harbor Council"), {"date": "2026-12-01"}),
        ("old.txt", story("Bo Lind", "Port Authority"), {"date": "2026-03-14"}),
        ("undated.txt", story("Cy Moss", "Dock Union"), {}),
        ("older.txt", story("Dana Park", "Ferry Board"), {"date": "2025-01-02"}),
    ])
    snapshot = Store(store_path).snapshot
    newest_first = ["Cy Moss", "Ana Ruiz", "Bo Lind", "Dana Park"]
    assert [person.name for person in snapshot.people_in_order("latest")] == newest_first
    assert [person.name for person in sorted(snapshot.people, key=sorting.sort_key(snapshot, "latest"))] == newest_first
    organizations = [organization.name for organization in snapshot.organizations_in_order("latest")]
    assert organizations == ["Dock Union", "Harbor Council", "Port Authority", "Ferry Board"]
