"""Article metadata everywhere: records, the JSON quote shape, `source:` and `date:` in queries, order by date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import open_existing_store
from store.snapshot import stored_metadata
from tui.cli import main


def article(title: str, outlet: str, date: str, url: str, speaker: str, words: str) -> dict[str, str]:
    """A JSON Lines article with one quote."""
    text = f"{title}\n\n\u201c{words},\u201d said {speaker}, the mayor of Portsmouth.\n"
    return {"text": text, "title": title, "source": outlet, "date": date, "url": url}


ARTICLES = [
    article("Harbor vote", "Coastal Ledger", "2024-06-12", "https://ledger.example.com/harbor", "Daniel Reyes",
            "The munitions depot will close"),
    article("Ferry fares", "Wire Daily", "2023-11-02", "https://wire.example.net/ferry", "Ana Lindqvist",
            "The ferry fares rise in autumn"),
    article("Bridge works", "Coastal Ledger", "2024-01-30", "https://ledger.example.com/bridge", "Tom Berg",
            "The bridge reopens in spring"),
]


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store holding the three articles, read from a JSON Lines file."""
    data = tmp_path / "news.jsonl"
    data.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = tmp_path / "s.json"
    assert main(["ingest", "--db", str(path), str(data)]) == 0
    capsys.readouterr()
    return path


def search(store: Path, capsys: pytest.CaptureFixture[str], *words: str) -> list[dict[str, object]]:
    """The quotes `whosaid search --json` prints."""
    code = main(["search", "--db", str(store), *words, "--json"])
    out = capsys.readouterr().out
    return json.loads(out)["quotes"] if code == 0 else []


def test_search_json_sources_carry_outlet_date_and_url(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [quote] = search(store, capsys, "munitions")
    [source] = quote["sources"]
    assert (source["title"], source["outlet"], source["date"], source["url"]) == (
        "Harbor vote", "Coastal Ledger", "2024-06-12", "https://ledger.example.com/harbor"
    )
    assert source["path"] == "https://ledger.example.com/harbor"


def test_source_filter_keeps_an_outlet_or_a_link_host(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert {q["speaker"] for q in search(store, capsys, "source:ledger")} == {"Daniel Reyes", "Tom Berg"}
    assert {q["speaker"] for q in search(store, capsys, 'source:"wire daily"')} == {"Ana Lindqvist"}
    assert {q["speaker"] for q in search(store, capsys, "source:wire.example.net")} == {"Ana Lindqvist"}
    assert search(store, capsys, "source:nowhere") == []


def test_date_filter_is_a_prefix_of_the_published_date(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert {q["speaker"] for q in search(store, capsys, "date:2024")} == {"Daniel Reyes", "Tom Berg"}
    assert {q["speaker"] for q in search(store, capsys, "date:2024-06")} == {"Daniel Reyes"}
    assert {q["speaker"] for q in search(store, capsys, "date:2024-1")} == {"Tom Berg"}
    assert search(store, capsys, "date:2024-12") == []
    assert {q["speaker"] for q in search(store, capsys, "date:2024/01", "bridge")} == {"Tom Berg"}


def test_sort_by_date_uses_the_published_date(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(store), "the", "--sort", "date", "--jsonl"]) == 0
    dates = [json.loads(line)["sources"][0]["date"] for line in capsys.readouterr().out.splitlines()]
    assert dates == ["2023-11-02", "2024-01-30", "2024-06-12"]


def test_records_have_the_metadata(store: Path) -> None:
    snapshot = open_existing_store(store).snapshot
    by_title = {a.title: a for a in snapshot.articles}
    assert by_title["Ferry fares"].outlet == "Wire Daily"
    assert by_title["Ferry fares"].sort_date == "2023-11-02"


def test_documents_without_metadata_or_with_a_bad_link_read_as_none() -> None:
    assert stored_metadata({"key": "k", "title": "t"}) == {"author": None, "date": None, "outlet": None, "url": None}
    hostile = {"url": "javascript:alert(1)", "outlet": 7, "date": "2024-01-01"}
    assert stored_metadata(hostile) == {"author": None, "date": "2024-01-01", "outlet": None, "url": None}


def test_extract_json_prints_the_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "story.md"
    page.write_text(
        "---\ntitle: Harbor vote\nsource: Coastal Ledger\ndate: 12 June 2024\nurl: https://ledger.example.com/h\n"
        "---\n\u201cThe depot will close,\u201d said Daniel Reyes, the mayor of Portsmouth.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(page), "--json"]) == 0
    [document] = json.loads(capsys.readouterr().out)["articles"]
    assert document["title"] == "Harbor vote"
    [quote] = document["quotes"]
    [source] = quote["sources"]
    assert (source["outlet"], source["date"], source["url"]) == (
        "Coastal Ledger", "2024-06-12", "https://ledger.example.com/h"
    )


def test_a_published_date_the_calendar_has_not_is_not_ordered_by() -> None:
    """2024-02-30 was searched as February, 2024-13-01 as 2024: a date that is not a day falls back to the day the
    article was ingested, as one the reader could not read does."""
    from store.article_metadata import sort_day

    ingested = "2026-12-01T10:00:00+00:00"
    assert sort_day("2024-02-29", ingested) == "2024-02-29"
    assert sort_day("2024-06", ingested) == "2024-06"
    for impossible in ("2024-02-30", "2024-13-01", "2023-02-29", "0000-01-01", "12/06/2024", "null"):
        assert sort_day(impossible, ingested) == "2026-12-01", impossible


def test_a_wire_dateline_s_agency_is_the_outlet_where_the_source_states_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = {
        "reuters.txt": "Rates held\n\nFRANKFURT (Reuters) - \u201cWe are patient,\u201d said Anna Berg, an analyst.\n",
        "ap.txt": "Storm\n\nLONDON, June 5 (AP) \u2014 \u201cIt came fast,\u201d said Tom Hale, a fisherman.\n",
        "aside.txt": "Vote\n\nThe council (which met on Monday) - and \u201cthe mayor agreed,\u201d said Ann Lee.\n",
        "stated.txt": "---\ntitle: Talks\noutlet: The Ledger\n---\n"
        "PARIS (AFP) - \u201cTalks began,\u201d said Jan Roe.\n",
        "inside.txt": "Profits rose at the firm this year, the company said.\n\nShares were flat.\n\n"
        "BERLIN (Reuters) - \u201cWe had a strong year,\u201d said Anna Berg.\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["extract", *(str(tmp_path / name) for name in stories), "--json"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    outlets = [article["quotes"][0]["sources"][0]["outlet"] for article in articles]
    assert outlets == ["Reuters", "AP", None, "The Ledger", None]


def test_a_title_made_from_a_first_sentence_leaves_its_dateline_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(
        "FRANKFURT (Reuters) - The European Central Bank held rates on Thursday.\n\n"
        "\u201cWe are patient,\u201d said Anna Berg, an analyst.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(story), "--json"]) == 0
    [document] = json.loads(capsys.readouterr().out)["articles"]
    assert document["title"] == "The European Central Bank held rates on Thursday"
