"""Citations (plain and Markdown) and `whosaid export` as CSV, JSON Lines and Markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from store import open_existing_store
from store.citations import Citation, citation_style, format_citation, role_and_organization
from tests.test_cli_search import assert_documents_are_the_records_shown
from tui.cli import main

HOSTILE = {
    "text": "=HYPERLINK(\"x\") day\n\n\u201cThe munitions line\x1b[31m will run all year,\u201d said Olena Marchenko, "
    "the plant director.\n",
    "title": "=cmd|' /C calc'!A0 [weapons] plant",
    "source": "Kyiv\x07 Post",
    "date": "2024-06-12",
    "url": "https://news.example.com/a(1)?q=\x1b]8;;evil\x07",
}
CLEAN = {
    "text": "Joint production\n\n\u201cWe will build munitions together,\u201d said Jake Sullivan, the national "
    "security adviser.\n",
    "title": "Joint production", "source": "Wire Daily", "date": "2024-07-01", "url": "https://wire.example.com/j",
}


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store with a clean article and a hostile one, both mentioning munitions."""
    data = tmp_path / "news.jsonl"
    data.write_text(json.dumps(CLEAN) + "\n" + json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = tmp_path / "s.json"
    assert main(["ingest", "--db", str(path), str(data)]) == 0
    capsys.readouterr()
    return path


def test_plain_and_markdown_citations() -> None:
    citation = Citation("We will build.", "Jake Sullivan", "adviser", None, "Joint [production]", "Wire Daily",
                        "2024-07-01", None, "https://wire.example.com/j(1)")
    assert format_citation(citation, "plain") == (
        "\u201cWe will build.\u201d \u2014 Jake Sullivan, adviser "
        "(Joint [production], Wire Daily, 2024-07-01, https://wire.example.com/j(1))"
    )
    assert format_citation(citation, "markdown") == (
        "\u201cWe will build.\u201d \u2014 Jake Sullivan, adviser "
        "([Joint \\[production\\]](https://wire.example.com/j%281%29), *Wire Daily*, 2024-07-01)"
    )
    assert format_citation(Citation("Hi.", title="T"), "plain") == "\u201cHi.\u201d \u2014 unattributed (T)"


def test_a_citation_leaves_out_the_comma_the_article_put_before_the_closing_mark() -> None:
    said = Citation("This yard built freedom once, and it can build ships again,", "Lech Walesa", title="T")
    opening = "\u201cThis yard built freedom once, and it can build ships again\u201d \u2014 Lech Walesa"
    assert format_citation(said, "plain").startswith(opening)
    for kept in ("Will it last?", "It will.", "Never"):
        assert format_citation(Citation(kept, title="T"), "markdown").startswith(f"\u201c{kept}\u201d")


def test_a_citation_names_the_organization_once_when_the_role_names_it_already() -> None:
    named = Citation("Prices fell.", "Robert Smith", "spokesman for Acme Corp.", "acme corp.", title="T")
    cited = format_citation(named, "plain")
    assert cited == "\u201cPrices fell.\u201d \u2014 Robert Smith, spokesman for Acme Corp. (T)"
    apart = Citation("Prices fell.", "Ann Lee", "chaplain", "AP", title="T")
    assert format_citation(apart, "plain") == "\u201cPrices fell.\u201d \u2014 Ann Lee, chaplain, AP (T)"
    minister = "Ministre de l\u2019\u00c9conomie"
    assert role_and_organization(minister, "economie") == (minister,)
    assert role_and_organization(None, "Acme") == ("Acme",) and role_and_organization("", None) == ()


def test_citation_links_are_only_clean_http_urls() -> None:
    citation = Citation("Hi\x1b[2J.", "A\x1b]52;c;x\x07B", url="javascript:alert(1)", title="T\nU")
    assert format_citation(citation, "plain") == "\u201cHi.\u201d \u2014 AB (T U)"


def test_a_citation_piece_on_one_line_is_cleaned_alike_whether_or_not_it_needed_cleaning() -> None:
    import random
    import re

    from store.citations import one_line
    from store.readers.article import CONTROL, ESCAPE_SEQUENCE

    pieces = ["a", "B", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\x1b[31m", "\x1b]8;;x\x07", "\x9b2J", "\x07"]
    pieces += ["\x85", "\u200e", "\u202e", "\u2028", "\u00e9", "\u201c", "-", "\x7f"]
    chooser = random.Random(2)
    for _ in range(3000):
        value = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 8)))
        expected = re.sub(r"\s+", " ", CONTROL.sub(" ", ESCAPE_SEQUENCE.sub("", value))).strip() or None
        assert one_line(value) == expected, repr(value)


def test_style_comes_from_the_environment() -> None:
    assert citation_style({"WHOSAID_CITATION": "Markdown"}) == "markdown"
    assert citation_style({"WHOSAID_CITATION": "nonsense"}) == "plain"
    assert citation_style({}) == "plain"


def test_snapshot_citation_has_outlet_date_and_link(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = open_existing_store(store).snapshot
    [quote] = snapshot.search_quotes("build ")
    assert snapshot.citation(quote, "plain") == (
        "\u201cWe will build munitions together\u201d \u2014 Jake Sullivan, national security adviser "
        "(Joint production, Wire Daily, 2024-07-01, https://wire.example.com/j)"
    )
    monkeypatch.setenv("WHOSAID_CITATION", "markdown")
    assert "([Joint production](https://wire.example.com/j), *Wire Daily*, 2024-07-01)" in snapshot.citation(quote)


def test_search_json_of_hostile_and_linked_articles_is_what_their_records_say(store: Path) -> None:
    snapshot = open_existing_store(store).snapshot
    assert {article.url for article in snapshot.articles} == {"https://wire.example.com/j", "https://news.example.com/a(1)?q="}
    assert_documents_are_the_records_shown(snapshot)


def test_export_csv_round_trips_through_the_csv_module(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "quotes.csv"
    assert main(["export", "--db", str(store), "munitions", "--format", "csv", "-o", str(out), "--bom"]) == 0
    assert capsys.readouterr().err.strip() == f"2 quotes exported to {out}"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\"text\"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2
    clean, hostile = rows
    assert (clean["speaker"], clean["outlet"], clean["date"], clean["url"]) == (
        "Jake Sullivan", "Wire Daily", "2024-07-01", "https://wire.example.com/j"
    )
    assert clean["citation"].endswith("(Joint production, Wire Daily, 2024-07-01, https://wire.example.com/j)")
    assert hostile["title"].startswith("'=cmd")
    assert hostile["outlet"] == "Kyiv Post"
    assert not any(char in value for row in rows for value in row.values() for char in "\x1b\x07\n")
    assert all(row["citation"] and row["citation_markdown"] for row in rows)


def test_export_jsonl_round_trips_and_markdown_is_a_list(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(store), "munitions", "--format", "jsonl"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["speaker"] for o in objects] == ["Jake Sullivan", "Olena Marchenko"]
    assert objects[0]["citation_markdown"].endswith("([Joint production](https://wire.example.com/j), "
                                                    "*Wire Daily*, 2024-07-01)")
    assert main(["export", "--db", str(store), "--speaker", "sullivan"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("- \u201cWe will build munitions together\u201d \u2014 Jake Sullivan")


def test_export_without_words_exports_every_quote_and_none_matching_is_exit_1(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(store), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["export", "--db", str(store), "zeppelin"]) == 1
    assert capsys.readouterr().err.strip() == "0 quotes"


def test_export_errors_are_one_line(tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.json"
    assert main(["export", "--db", str(missing), "munitions"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"whosaid: no store at {missing}")
    assert not missing.exists()
    assert main(["export", "--db", str(store), "munitions", "-o", str(tmp_path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"whosaid: {tmp_path}: cannot write")
    assert main(["export", "--db", str(store), "munitions", "-o", str(tmp_path / "no" / "dir.csv")]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_exported_rows_of_hostile_articles_made_from_documents_are_the_rows_made_from_records(store: Path) -> None:
    from store.export import EXPORT_FORMATS, document_lines, export_lines
    from store.quote_documents import QuoteDocuments

    snapshot = open_existing_store(store).snapshot
    quotes = snapshot.quote_entries()
    assert len(quotes) == 2
    for form in EXPORT_FORMATS:
        made = list(document_lines(QuoteDocuments.of(snapshot), quotes.positions, form))
        assert made == list(export_lines(snapshot, quotes, form)), form
        assert "\x1b" not in "".join(made) and "\x07" not in "".join(made)


def test_a_csv_export_never_sends_an_escape_from_an_article_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every CSV cell was cleaned but the article's path, which a file name can fill with an escape sequence."""
    article = tmp_path / "a\x1b[31mrt.txt"
    article.write_text(CLEAN["text"], encoding="utf-8")
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(store), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert "\x1b" not in out and row["path"].endswith("a\ufffd[31mrt.txt")


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_an_export_to_dev_stdout_sent_to_a_file_is_written_into_it_not_over_it(tmp_path: Path) -> None:
    """`whosaid export -o /dev/stdout >> file` replaced the file, losing what it held: /dev/stdout led to the file,
    which the export renamed a new one over."""
    import subprocess
    import sys

    store = tmp_path / "store.json"
    assert main(["ingest", str(Path(__file__).parent / "articles" / "court.txt"), "--db", str(store)]) == 0
    kept = tmp_path / "kept.txt"
    kept.write_text("written before\n", encoding="utf-8")
    command = [sys.executable, "-m", "tui", "export", "--db", str(store), "-o", "/dev/stdout"]
    with kept.open("a", encoding="utf-8") as appended:
        assert subprocess.run(command, stdout=appended, cwd=Path(__file__).parents[1]).returncode == 0
    lines = kept.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "written before" and len(lines) > 2 and "Jonathan Reiss" in lines[1]
