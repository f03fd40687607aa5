"""`whosaid search` as scripts use it: exit codes like grep, filters, order, one JSON shape, streaming output."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import orjson
import pytest

from store import Snapshot, Store, quote_documents
from store.export import quote_copies, source_document
from store.model import Extraction, Organization, Person, Quote
from store.quote_documents import QuoteDocuments
from tests.conftest import REPO_ROOT
from tui.cli import main

HARBOR = "Harbor plan\n\nwe will rebuild the harbor\nthe harbor is fine\nthe council approves C++ tooling\n"
BUDGET = "Budget vote\n\nthe budget is balanced\nnobody knows\n"


def quote(text: str, sentence: str, speaker: str | None) -> Quote:
    """The quote `sentence` of `text`, said by `speaker`."""
    start = text.index(sentence)
    return Quote(sentence, speaker, start, start + len(sentence), text.count("\n", 0, start))


EXTRACTIONS = {
    HARBOR: Extraction(
        "Harbor plan",
        (Person("Ann Lee", ("Lee",), "mayor", "City Council"), Person("Tom Berg", ("Berg",))),
        (Organization("City Council"),),
        (
            quote(HARBOR, "we will rebuild the harbor", "Ann Lee"),
            quote(HARBOR, "the harbor is fine", "Tom Berg"),
            quote(HARBOR, "the council approves C++ tooling", "City Council"),
        ),
    ),
    BUDGET: Extraction(
        "Budget vote",
        (Person("Ann Lee", ("Lee",), "chair", "Finance Board"),),
        (Organization("Finance Board"),),
        (quote(BUDGET, "the budget is balanced", "Ann Lee"), quote(BUDGET, "nobody knows", None)),
    ),
}


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of two articles: the harbor one ingested on 5 March, then the budget one dated 1 March."""
    path = tmp_path / "store.json"
    days = [5, 1]

    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return datetime(2024, 3, days.pop(0), tzinfo=timezone.utc)

    monkeypatch.setattr("store.documents.datetime", Clock)
    for source, text in (("harbor.txt", HARBOR), ("budget.txt", BUDGET)):
        Store(path, extractor=EXTRACTIONS.__getitem__).ingest([(source, text)])
    return path


def search(capsys: pytest.CaptureFixture[str], store_path: Path, *arguments: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `whosaid search`."""
    code = main(["search", "--db", str(store_path), *arguments])
    output = capsys.readouterr()
    return code, output.out, output.err


def texts(capsys: pytest.CaptureFixture[str], store_path: Path, *arguments: str) -> list[str]:
    """The texts of the quotes `whosaid search --jsonl` prints, in order."""
    code, out, _ = search(capsys, store_path, "--jsonl", *arguments)
    assert code in (0, 1)
    return [json.loads(line)["text"] for line in out.splitlines()]


def assert_documents_are_the_records_shown(snapshot: Snapshot) -> None:
    """Every stored quote's JSON, made from the stored documents, says what its records say, dumped as orjson does."""
    documents = QuoteDocuments.of(snapshot)
    positions = range(len(snapshot.stored_quotes))
    for position in positions:
        quote = snapshot.stored_quotes[position]
        name, role, organization = snapshot.speaker_details(quote)
        sources = [source_document(copy, snapshot.article(copy.article_key)) for copy in quote_copies(snapshot, quote)]
        expected = {"text": quote.text, "speaker": name, "role": role, "organization": organization, "sources": sources}
        assert documents.document(position) == expected
    assert list(documents.json_texts(positions)) == [orjson.dumps(documents.document(p)).decode() for p in positions]


def test_each_quote_is_shown_as_its_records_say(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    assert len(snapshot.stored_quotes) == 5
    assert_documents_are_the_records_shown(snapshot)


def test_a_listing_whose_lookups_are_emptied_as_it_goes_prints_the_same(
    capsys: pytest.CaptureFixture[str], store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = {form: search(capsys, store_path, "the", *form) for form in ((), ("--json",), ("--sort", "speaker"))}
    monkeypatch.setattr(quote_documents, "LOOKUPS_KEPT", 1)
    assert_documents_are_the_records_shown(Store(store_path).snapshot)
    for form, expected in listed.items():
        assert search(capsys, store_path, "the", *form) == expected


@pytest.mark.parametrize("scanned", [0, 100])
def test_a_person_quoted_in_many_articles_has_each_articles_role_in_its_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scanned: int
) -> None:
    monkeypatch.setattr(quote_documents, "APPEARANCES_SCANNED", scanned)
    texts = {f"Report {n}\n\nthe tide report number {n}\n": n for n in range(12)}

    def extraction(text: str) -> Extraction:
        n = texts[text]
        person = Person("Ann Lee", ("Lee",), f"role {n}", f"Board {n}")
        return Extraction(f"Report {n}", (person,), (), (quote(text, f"the tide report number {n}", "Ann Lee"),))

    path = tmp_path / "store.json"
    Store(path, extractor=extraction).ingest([(f"{n}.txt", text) for text, n in texts.items()])
    snapshot = Store(path).snapshot
    assert_documents_are_the_records_shown(snapshot)
    said = {document["text"]: (document["role"], document["organization"]) for document in map(
        QuoteDocuments.of(snapshot).document, range(len(snapshot.stored_quotes))
    )}
    assert said == {f"the tide report number {n}": (f"role {n}", f"Board {n}") for n in range(12)}


def test_no_match_prints_nothing_and_exits_1_like_grep(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    for form in ([], ["--json"], ["--jsonl"]):
        assert search(capsys, store_path, "zebra", *form) == (1, "", "0 quotes\n")


def test_matches_print_one_line_each_and_count_on_stderr(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    code, out, err = search(capsys, store_path, "harbor")
    assert code == 0
    assert out.splitlines() == [
        "\u201cwe will rebuild the harbor\u201d \u2014 Ann Lee, mayor, City Council (Harbor plan)",
        "\u201cthe harbor is fine\u201d \u2014 Tom Berg (Harbor plan)",
    ]
    assert err == "2 quotes\n"


def test_limit_prints_the_first_n(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    code, out, err = search(capsys, store_path, "the", "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 2 and err == "2 of 4 quotes\n"
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--db", str(store_path), "the", "--limit", "0"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("whosaid: argument --limit: '0' must be at least 1")


def test_an_argument_a_command_does_not_take_points_to_that_command_s_help(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    """"whosaid search -x" pointed to 'whosaid --help', which lists commands, not search's options."""
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--db", str(store_path), "harbor", "-x"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == "whosaid: unrecognized arguments: -x (see 'whosaid search --help')\n"


@pytest.mark.parametrize("command", ["search", "export"])
def test_a_mistyped_date_is_an_error_not_a_search_that_matches_nothing(
    capsys: pytest.CaptureFixture[str], store_path: Path, command: str
) -> None:
    for date in ("2023/3", "2023.03", "2023 03 01", "2023-03-01"):
        assert search(capsys, store_path, "the", "--date", date) == (1, "", "0 quotes\n"), "a date no article has"
    for mistyped in ("march", "2024-03-xx", "24-03", "2024-13", "2024-02-30", "2024-00"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--db", str(store_path), "the", "--date", mistyped])
        assert exit_info.value.code == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith(f"whosaid: argument --date: {mistyped!r} is not a date")
    assert main([command, "--db", str(store_path), "the", "date:2023/3"]) == 1, "date: in the words, as --date"
    capsys.readouterr()
    for mistyped in ("march", "24-03", "2024-13", "2024-02-30", "12/06/2024", "202"):
        assert main([command, "--db", str(store_path), "the", f"date:{mistyped}"]) == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith("whosaid: date:") and line.endswith("is not a date (2024, 2024-06 or 2024-06-12)")


def test_an_article_published_on_no_stated_date_is_found_by_the_date_it_was_ingested(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    """The date the Articles pane shows, and the date order follows, is what a date filter matches."""
    harbor = texts(capsys, store_path, "--date", "2024-03-05")
    budget = texts(capsys, store_path, "--date", "2024.03.01")
    assert harbor and budget and not set(harbor) & set(budget)
    assert "the harbor is fine" in harbor and "the budget is balanced" in budget
    assert sorted(texts(capsys, store_path, "--date", "2024-03")) == sorted(harbor + budget)
    snapshot = Store(store_path).snapshot
    assert [quote.text for quote in snapshot.search_quotes("date:2024-03-05")] == harbor


def test_a_name_alone_finds_what_that_speaker_said(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert texts(capsys, store_path, "lee") == ["we will rebuild the harbor", "the budget is balanced"]
    assert texts(capsys, store_path, "ann", "lee") == texts(capsys, store_path, "lee")
    assert texts(capsys, store_path, "lee", "harbor") == ["we will rebuild the harbor"]


def test_an_organizations_name_alone_finds_what_its_people_said_for_it(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    """Ann Lee speaks for the City Council in one article and for the Finance Board in another."""
    assert texts(capsys, store_path, "council") == ["we will rebuild the harbor", "the council approves C++ tooling"]
    assert texts(capsys, store_path, "finance", "board") == ["the budget is balanced"]
    assert texts(capsys, store_path, "council", "budget") == []


def test_each_word_typed_matches_a_name_or_the_text_in_any_order(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    for query in ("lee harb", "harbor le", "harbor lee ", "rebuild ann le"):
        assert [quote.text for quote in snapshot.search_quotes(query)] == ["we will rebuild the harbor"], query
    assert [quote.text for quote in snapshot.search_quotes("the b")] == [
        "the harbor is fine",
        "the budget is balanced",
    ], "b: Berg's name, budget in the text (the Finance Board, also a b, said nothing)"
    assert list(snapshot.search_quotes("nobody lee ")) == list(snapshot.search_quotes("zebra lee")) == []


def test_the_people_and_organizations_a_search_names_have_every_word_in_one_name(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    people = lambda query: [person.name for person in snapshot.search_people(query)]  # noqa: E731
    organizations = lambda query: [o.name for o in snapshot.search_organizations(query)]  # noqa: E731
    assert people("ann lee") == people("lee ann") == people("le") == ["Ann Lee"]
    assert people("ann berg") == [] and people("") == [] and people("harbor") == []
    assert people("speaker:berg") == ["Tom Berg"] and people("org:berg") == []
    assert people("org:finance") == people("org:council lee") == ["Ann Lee"], "who spoke for it"
    assert people("org:council berg") == [] and people("org:nowhere") == []
    assert organizations("c") == ["City Council"] and organizations("org:finance") == ["Finance Board"]
    assert organizations("board city") == []


@pytest.mark.parametrize(
    ("options", "query", "expected"),
    [
        (["--speaker", "Ann Lee"], 'speaker:"ann lee"', ["we will rebuild the harbor", "the budget is balanced"]),
        (["--speaker", "lee", "harbor"], "speaker:lee harbor", ["we will rebuild the harbor"]),
        (
            ["--org", "city council"],
            'org:"city council"',
            ["we will rebuild the harbor", "the council approves C++ tooling"],
        ),
        (["--org", "finance"], "org:finance", ["the budget is balanced"]),
        (["--article", "budget"], "article:budget", ["the budget is balanced", "nobody knows"]),
        (["--article", "harbor.txt", "fine"], "article:harbor.txt fine", ["the harbor is fine"]),
        (["--speaker", "berg", "--org", "council"], "speaker:berg org:council", []),
    ],
)
def test_filter_options_are_the_query_language_filters(
    capsys: pytest.CaptureFixture[str], store_path: Path, options: list[str], query: str, expected: list[str]
) -> None:
    assert texts(capsys, store_path, *options) == expected
    assert texts(capsys, store_path, query) == expected


def test_the_app_search_box_accepts_the_same_filters(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    assert [q.text for q in snapshot.search_quotes("speaker:lee harb")] == ["we will rebuild the harbor"]
    assert [q.text for q in snapshot.search_quotes("org:finance")] == ["the budget is balanced"]
    assert [p.name for p in snapshot.search_people("speaker:lee")] == ["Ann Lee"]
    assert snapshot.search_quotes("speaker:") == []


def test_sort_by_speaker_and_by_date(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert texts(capsys, store_path, "the", "--sort", "speaker") == [
        "we will rebuild the harbor",
        "the budget is balanced",
        "the council approves C++ tooling",
        "the harbor is fine",
    ]
    assert texts(capsys, store_path, "the") == [
        "we will rebuild the harbor",
        "the harbor is fine",
        "the council approves C++ tooling",
        "the budget is balanced",
    ]
    assert texts(capsys, store_path, "the", "--sort", "date") == [
        "the budget is balanced",
        "we will rebuild the harbor",
        "the harbor is fine",
        "the council approves C++ tooling",
    ]


def test_articles_of_one_day_keep_their_stored_order_by_date_whatever_their_dates_say(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article with no stated date was ordered by the moment it was ingested, after one published that day; and
    a date the reader could not make ISO (12/06/2024) came before every other."""
    stated = {
        "undated": None,
        "dated that day": "2024-03-05",
        "dated as written": "12/06/2024",
        "the day before": "2024-03-04",
    }
    hours = [8, 9, 10, 11]

    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return datetime(2024, 3, 5, hours.pop(0), tzinfo=timezone.utc)

    monkeypatch.setattr("store.documents.datetime", Clock)
    path = tmp_path / "store.json"
    for name, date in stated.items():
        text = f"{name}\n\nthe port opens {name}\n"
        extraction = Extraction(name, (Person("Ann Lee"),), (), (quote(text, f"the port opens {name}", "Ann Lee"),))
        metadata = {"date": date} if date else {}
        Store(path, extractor=lambda _text, made=extraction: made).ingest([(f"{name}.txt", text, metadata)])
    assert texts(capsys, path, "port", "--sort", "date") == [
        "the port opens the day before",
        "the port opens undated",
        "the port opens dated that day",
        "the port opens dated as written",
    ]
    assert texts(capsys, path, "port", "--sort", "newest") == [
        "the port opens undated",
        "the port opens dated that day",
        "the port opens dated as written",
        "the port opens the day before",
    ], "newest first, a day's quotes as stored"
    code, out, _ = search(capsys, path, "port", "--sort", "newest")
    assert code == 0
    assert out.splitlines()[0] == "\u201cthe port opens undated\u201d \u2014 Ann Lee (undated, 2024-03-05)"
    assert out.splitlines()[-1].endswith("(the day before, 2024-03-04)"), "a listing by date shows each one's day"
    assert len(texts(capsys, path, "port", "--date", "2024-03-05")) == 3
    articles = Store(path).snapshot.articles
    assert [article.sort_date for article in articles] == ["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-04"]
    assert articles[2].date == "12/06/2024"


def test_json_has_one_documented_shape_and_jsonl_the_same_objects(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    code, out, _ = search(capsys, store_path, "rebuild", "--json")
    assert code == 0
    [found] = json.loads(out)["quotes"]
    [source] = found.pop("sources")
    assert found == {"text": "we will rebuild the harbor", "speaker": "Ann Lee", "role": "mayor",
                     "organization": "City Council"}
    article_key = source.pop("article")
    assert isinstance(article_key, str) and article_key
    start = HARBOR.index("we will")
    assert source == {"path": "harbor.txt", "title": "Harbor plan", "outlet": None, "date": None, "url": None,
                      "paragraph": 2, "start": start, "end": start + len(found["text"])}
    every = json.loads(search(capsys, store_path, "the", "--json")[1])["quotes"]
    lines = [json.loads(line) for line in search(capsys, store_path, "the", "--jsonl")[1].splitlines()]
    assert lines == every and len(lines) == 4
    unattributed = json.loads(search(capsys, store_path, "nobody", "--jsonl")[1])
    assert (unattributed["speaker"], unattributed["role"], unattributed["organization"]) == (None, None, None)


def test_a_word_with_symbols_matches_literally(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert texts(capsys, store_path, "C++") == ["the council approves C++ tooling"]
    assert texts(capsys, store_path, "c#") == []
    code, out, err = search(capsys, store_path, "++")
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert line.startswith("whosaid: nothing to search for in '++'")
    code, out, err = search(capsys, store_path, '"')
    assert (code, out) == (2, "") and err.startswith("whosaid: nothing to search for in '\"':"), "a lone quote mark"


def test_words_match_whole_unless_starred(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert texts(capsys, store_path, "harb") == []
    assert texts(capsys, store_path, "harb*") == ["we will rebuild the harbor", "the harbor is fine"]


def test_help_says_how_words_match() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "search", "--help"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for phrase in ("name of who said it", "speaker:NAME", "--sort", "--jsonl", "1 when none did"):
        assert phrase in " ".join(result.stdout.split()), phrase


def test_output_into_a_pipe_closed_early_ends_cleanly(tmp_path: Path) -> None:
    extract = {}
    articles = []
    for number in range(300):
        text = f"Story {number}\n\n" + "".join(f"the tide rose again, line {n} of story {number}\n" for n in range(8))
        sentences = [line for line in text.splitlines()[2:]]
        extract[text] = Extraction(f"Story {number}", (), (), tuple(quote(text, s, None) for s in sentences))
        articles.append((f"{number}.txt", text))
    store_path = tmp_path / "store.json"
    Store(store_path, extractor=extract.__getitem__).ingest(articles)
    def errors_after_one_line(*arguments: str) -> str:
        """What the command says on standard error when its reader goes after the first line (it must exit 0)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", *arguments], cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 0, errors
        return errors

    for form in ([], ["--json"], ["--jsonl"]):
        errors = errors_after_one_line("search", "--db", str(store_path), "tide", *form)
        assert "Traceback" not in errors and "Exception" not in errors and "Broken" not in errors
    for export_format in ("md", "csv", "jsonl"):
        errors = errors_after_one_line("export", "--db", str(store_path), "tide", "--format", export_format)
        assert errors == "", "an export whose reader went says nothing, not that it exported every quote"


def test_a_link_to_a_host_in_another_script_is_found_as_it_is_written(tmp_path: Path) -> None:
    """Stored percent-encoded, the host of https://Łódź.pl/a was neither a link nor found by source:."""
    store_path = tmp_path / "store.json"
    text = "Harbor news\n\n\u201cThe port opens,\u201d said Ana Kos, a clerk.\n"
    Store(store_path).ingest([("a.txt", text, {"url": "https://\u0141\u00f3d\u017a.pl/port"})])
    for source in ("\u0142\u00f3d\u017a.pl", "lodz.pl", "xn--d-uga0v4h.pl"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert main(["search", "port", "--source", source, "--jsonl", "--db", str(store_path)]) == 0, source
        assert json.loads(out.getvalue())["sources"][0]["url"] == "https://xn--d-uga0v4h.pl/port"


def test_a_filter_whose_quotes_the_shell_took_away_says_how_to_ask_for_the_phrase(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    """`whosaid search article:"Budget vote"` reaches whosaid as the one argument `article:Budget vote`, which is
    the query `article:Budget` and the word `vote`: when that finds nothing, the count says how to quote it."""
    code, out, err = search(capsys, store_path, "article:Budget vote")
    assert code == 1 and out == ""
    assert err == "0 quotes (for the phrase, quote it for the shell too: 'article:\"Budget vote\"')\n"
    assert texts(capsys, store_path, 'article:"Budget vote"') == ["the budget is balanced", "nobody knows"]
    code, _, err = search(capsys, store_path, "speaker:brandt speaker:weiss")
    assert (code, err) == (1, "0 quotes\n"), "two filters of a word each are no phrase to quote"
    code, _, err = search(capsys, store_path, "article:Budget vote speaker:brandt")
    assert err == "0 quotes (for the phrase, quote it for the shell too: 'article:\"Budget vote\"')\n"


@pytest.mark.parametrize("command", ["search", "export"])
def test_a_mistyped_filter_is_an_error_that_names_the_filter_meant(
    capsys: pytest.CaptureFixture[str], store_path: Path, command: str
) -> None:
    for mistyped, meant in (("speakr:lee", "speaker:"), ("orgs:council", "org:"), ("artcle:harbor", "article:")):
        assert main([command, "--db", str(store_path), mistyped]) == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith(f"whosaid: {mistyped.split(':')[0]}: is no filter: did you mean {meant}?")
    assert main([command, "--db", str(store_path), "speaker:lee"]) == 0, "the filter spelled right"
    capsys.readouterr()
    assert main([command, "--db", str(store_path), "10:30"]) == 1, "a time is no filter"
