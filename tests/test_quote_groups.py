"""One quote, many outlets: copies of a quote by the same speaker are one entry, listing every article that
printed it, in the store, the command line's JSON, the export and the browser."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from store import Store, storage
from store.model import Extraction, Person, Quote
from store.quote_groups import (
    FEW_TO_PAIR,
    MIN_EXCERPT_WORDS,
    _holders_by_anchor,
    _holders_by_search,
    group_quotes,
    normalised,
    padded_words,
    speaker_groups,
    squeezed_words,
)
from tests.test_cli_search import assert_documents_are_the_records_shown
from tests.test_tui import SIZE, make_app, no_blink, screen_text, settle, synchronously
from tui.cli import main

FULL = "We will rebuild the harbor before the winter storms arrive, and nobody will stop us"
WIRE = [
    # (file, outlet, date, how the paper printed the quote, who said it)
    ("wire.txt", "Wire Daily", "2024-07-01", f"\u201c{FULL},\u201d", "Ann Lee"),
    (
        "times.txt",
        "Harbor Times",
        "2024-07-02",
        '"we will rebuild the harbor --  before the winter storms ARRIVE; and nobody will stop us."',
        "Ann Lee",
    ),
    (
        "post.txt",
        "Coast Post",
        "2024-07-03",
        "\u201cRebuild the harbor before the winter storms arrive,\u201d",
        "Ann Lee",
    ),
    ("echo.txt", "Bay Echo", "2024-07-04", f"\u201c{FULL},\u201d", "Tom Berg"),
    (
        "gazette.txt",
        "Gazette",
        "2024-07-05",
        "\u201cWe will rebuild the harbor before the summer storms arrive, and nobody will stop us,\u201d",
        "Ann Lee",
    ),
]
"""Three papers print Ann Lee's quote (one an excerpt); Tom Berg says the same words; a fourth paper prints a
quote of Ann Lee's that differs by one word."""


def article_text(title: str, printed: str, speaker: str) -> str:
    """An article whose one paragraph is the printed quote and who said it."""
    return f"{title}\n\nThe council met.\n{printed} said {speaker}.\n"


def fake_extract(text: str) -> Extraction:
    """What the extractor finds in `article_text`: the quote inside its quote marks, and who said it."""
    title, _, _ = text.partition("\n")
    start = text.index(text.split("\n")[3]) + 1
    end = text.rindex(" said ") - 1
    speaker = text.rpartition(" said ")[2].rstrip(".\n")
    return Extraction(title, (Person(speaker),), (), (Quote(text[start:end], speaker, start, end, 3),))


@pytest.fixture
def wire_store(tmp_path: Path) -> Path:
    """A store of the five articles of WIRE, each with its outlet and date."""
    path = tmp_path / "store.json"
    Store(path, extractor=fake_extract).ingest(
        [
            (name, article_text(name.split(".")[0].title(), printed, speaker), {"outlet": outlet, "date": date})
            for name, outlet, date, printed, speaker in WIRE
        ]
    )
    return path


def test_normalising_ignores_quote_marks_case_spacing_and_punctuation() -> None:
    same = [
        "\u201cWe will win,\u201d",
        '"we  will WIN."',
        "\u00abWe will \u2014 win!\u00bb",
        "we\twill\nwin\u2026",
        "\u2018We will win\u2019",
    ]
    assert {normalised(text) for text in same} == {"we will win"}
    assert normalised("We will lose.") != normalised("We will win.")
    assert normalised("D\u00e9j\u00e0 vu, na\u00efve") == normalised("deja vu naive")
    assert normalised("It\u2019s fine") == normalised("It's fine")


def test_texts_normalised_all_at_once_are_normalised_as_one_by_one() -> None:
    chooser = random.Random(5)
    pieces = ["We", "will", "WIN", ",", ".", " ", "  ", "\t", "\n", "\u201c", "\u2019s", "D\u00e9j\u00e0", "_x_", "--"]
    pieces += ["", "\x80", "\x7f", "\x00"]
    texts = ["", " ", "?!", "\u201c\u201d", *("".join(chooser.choice(pieces) for _ in range(12)) for _ in range(500))]
    expected = [f" {normalised(text)} " if normalised(text) else " " for text in texts]
    assert padded_words(texts) == expected
    assert padded_words(texts[4:]) == expected[4:]
    assert padded_words([]) == []
    squeezed = [normalised(text).replace(" ", "") for text in texts]
    assert squeezed_words(texts) == squeezed
    assert squeezed_words([text for text in texts if text.isascii()]) == [
        words for text, words in zip(texts, squeezed, strict=True) if text.isascii()
    ]


def test_copies_by_one_speaker_are_one_group_led_by_the_fullest() -> None:
    texts = [f"\u201c{FULL},\u201d", FULL.upper() + ".", "rebuild the harbor before the winter storms arrive", FULL]
    groups = group_quotes(texts, ["person:ann"] * 3 + [None])
    assert list(groups.members_of(0)) == [0, 1, 2]
    assert groups.size_of(2) == 3 and groups.size_of(3) == 1
    assert list(groups.entries) == [0, 3]
    assert list(groups.entries_among([1, 2])) == [1]


def test_found_quotes_are_listed_alike_while_speakers_are_grouped_batch_by_batch_and_once_all_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chooser = random.Random(3)
    vocabulary = FULL.lower().split()[:9]
    people = [None, *(f"person:{n}" for n in range(700))]
    texts: list[str] = []
    speakers: list[str | None] = []
    for _ in range(3000):
        if texts and chooser.random() < 0.3:
            original = chooser.randrange(len(texts))
            words = texts[original].split()
            cut = chooser.randint(0, 2)
            texts.append(" ".join(words[cut:]).upper() + chooser.choice(["", ".", ",\u201d"]))
            speakers.append(speakers[original] if chooser.random() < 0.9 else chooser.choice(people))
        else:
            texts.append(" ".join(chooser.choice(vocabulary) for _ in range(chooser.randint(1, 12))))
            speakers.append(chooser.choice(people))
    searches = [sorted(chooser.sample(range(len(texts)), chooser.randint(1, 2000))) for _ in range(20)]
    grouped_all = group_quotes(texts, speakers)
    assert len(grouped_all.entries) < len(texts) - 200
    for found in searches:
        listed = list(grouped_all.entries_among(found))
        assert list(group_quotes(texts, speakers).entries_among(found)) == listed
        assert list(group_quotes(texts, speakers).entries_in_order(found)) == listed
        assert {grouped_all.lead_of(position) for position in found} == {grouped_all.lead_of(p) for p in listed}
    monkeypatch.setattr("store.quote_groups.FEW_TO_PAIR", 0)
    monkeypatch.setattr("store.quote_groups.SURELY_APART_AT_MOST", 0)
    assert group_quotes(texts, speakers).entries == grouped_all.entries, "no speaker told apart by a shortcut"


def test_a_search_that_groups_a_speaker_while_every_quote_is_grouped_leaves_both_whole() -> None:
    """The browser indexes a big store (grouping every speaker) while a search groups the speakers it found."""
    texts = [FULL, FULL.upper() + ".", "rebuild the harbor", FULL, "a harbor vote", FULL + "!"]
    speakers = ["person:ann", "person:ann", "person:bo", "person:cy", "person:di", "person:cy"]
    groups = group_quotes(texts, speakers)
    positions = groups.speaker_positions
    searched = []

    class GroupedMeanwhile(dict):  # type: ignore[type-arg]
        """Each speaker's quotes; once every speaker is grouped, a search groups another when one is looked at."""

        def __getitem__(self, speaker: str) -> object:
            every_one_grouped = {"person:ann", "person:cy"} <= groups._grouped.keys()
            if every_one_grouped and not searched:
                searched.append(speaker)
                groups.group_speakers(["person:di"])
            return super().__getitem__(speaker)

    groups._made_positions = GroupedMeanwhile(positions)
    assert list(groups.entries) == [0, 2, 3, 4]
    assert list(groups.entries_among([1, 4, 5])) == [1, 4, 5]
    assert searched


def test_an_excerpt_joins_only_a_quote_it_is_a_run_of_words_of() -> None:
    words = FULL.split()
    short = " ".join(words[3 : 3 + MIN_EXCERPT_WORDS - 1])
    scattered = " ".join(words[0:3] + words[4 : 4 + MIN_EXCERPT_WORDS])
    groups = group_quotes([FULL, short, scattered], ["person:ann"] * 3)
    assert len(groups) == 3, "a run too short to tell, or words not in one run, stay quotes of their own"


def test_an_excerpt_of_two_different_quotes_joins_neither() -> None:
    shared = "the harbor before the winter storms arrive"
    texts = [f"We will rebuild {shared}", f"They never finish {shared}", shared]
    groups = group_quotes(texts, ["person:ann"] * 3)
    assert len(groups) == 3
    assert list(group_quotes(texts[::2], ["person:ann"] * 2).entries) == [0]


def test_different_speakers_and_unattributed_quotes_are_never_merged() -> None:
    texts = [FULL, FULL, FULL, FULL, FULL]
    speakers = ["person:ann", "person:tom", "organization:council", None, None]
    assert len(group_quotes(texts, speakers)) == 5


def test_a_speaker_with_many_quotes_finds_excerpts_as_one_with_few_does() -> None:
    vocabulary = [f"w{n}" for n in range(40)]
    chooser = random.Random(7)
    texts = [" ".join(chooser.choice(vocabulary) for _ in range(chooser.randint(3, 14))) for _ in range(300)]
    for n in range(0, 300, 5):
        words = texts[n + 1].split()
        texts[n] = " ".join(words[1 : 1 + max(MIN_EXCERPT_WORDS, len(words) - 2)])
    texts = list(dict.fromkeys(texts))
    found = _holders_by_search(texts)
    assert found == _holders_by_anchor(texts)
    assert len(found) >= 20


def test_a_speaker_with_few_quotes_is_grouped_as_the_general_way_does(monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = random.Random(11)
    vocabulary = ["we", "will", "build", "the", "bridge", "now", "never", "ports", "and", "roads"]
    cases = []
    for _trial in range(400):
        count = chooser.randint(2, FEW_TO_PAIR)
        texts = [" ".join(chooser.choice(vocabulary) for _ in range(chooser.randint(1, 9))) for _ in range(count)]
        if chooser.random() < 0.5:
            words = texts[0].split()
            texts[-1] = " ".join(words[: max(MIN_EXCERPT_WORDS, len(words) - 1)]).upper() + "!"
        if chooser.random() < 0.2:
            texts[1] = f"\u201c{texts[0].capitalize()}.\u201d"
        cases.append(texts)
    fast = [speaker_groups(list(range(len(texts))), padded_words(texts)) for texts in cases]
    monkeypatch.setattr("store.quote_groups.FEW_TO_PAIR", 0)
    general = [speaker_groups(list(range(len(texts))), padded_words(texts)) for texts in cases]
    assert fast == general
    assert sum(1 for groups in general if groups.copies) >= 50


def test_the_store_lists_each_quote_once_and_keeps_near_misses_apart(wire_store: Path) -> None:
    snapshot = Store(wire_store).snapshot
    assert len(snapshot.stored_quotes) == 5
    entries = list(snapshot.quotes)
    assert [(quote.speaker_name, quote.source_count) for quote in entries] == [
        ("Ann Lee", 3),
        ("Tom Berg", 1),
        ("Ann Lee", 1),
    ]
    assert entries[0].text == f"{FULL},", "the fullest copy stands for the quote"
    outlets = [snapshot.article(copy.article_key).outlet for copy in snapshot.quote_sources(entries[0])]
    assert outlets == ["Wire Daily", "Harbor Times", "Coast Post"]
    assert len(snapshot.search_quotes("harbor ")) == 3
    assert len(snapshot.articles_printing(snapshot.search_quotes("winter "))) == 4
    person = next(p for p in snapshot.people if p.name == "Ann Lee")
    assert len(snapshot.quotes_by_person(person.key)) == 2


def test_json_of_a_quote_printed_by_several_articles_is_what_its_records_say(wire_store: Path) -> None:
    snapshot = Store(wire_store).snapshot
    assert snapshot.stored_quotes.groups().size_of(0) == 3
    assert_documents_are_the_records_shown(snapshot)


def test_a_big_store_opens_on_its_first_quotes_and_lists_each_once_when_read(
    wire_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    path = wire_store.parent / "big.json"
    Store(path, extractor=fake_extract).ingest(
        [(f"{n}.txt", article_text(f"T{n}", printed, speaker)) for n, (_, _, _, printed, speaker) in enumerate(WIRE)]
    )
    opened = Store(path).open_snapshot()
    assert len(opened.quotes) == 5, "until the quotes are read, every stored quote is listed"
    opened.build_indexes()
    assert len(opened.quotes) == 3, "once the browser's worker has grouped them, each is listed once"


def test_search_json_lists_every_article_that_printed_the_quote(
    wire_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--db", str(wire_store), "--speaker", "ann lee", "winter", "--json"]) == 0
    output = capsys.readouterr()
    assert output.err.strip() == "1 quote"
    [found] = json.loads(output.out)["quotes"]
    assert (found["text"], found["speaker"]) == (f"{FULL},", "Ann Lee")
    assert [(s["outlet"], s["date"], s["path"]) for s in found["sources"]] == [
        ("Wire Daily", "2024-07-01", "wire.txt"),
        ("Harbor Times", "2024-07-02", "times.txt"),
        ("Coast Post", "2024-07-03", "post.txt"),
    ]
    for source in found["sources"]:
        text = Store(wire_store).snapshot.article(source["article"]).text
        assert normalised(text[source["start"] : source["end"]]) in normalised(FULL)
    assert main(["search", "--db", str(wire_store), "harbor", "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["speaker"], len(line["sources"])) for line in lines] == [
        ("Ann Lee", 3),
        ("Tom Berg", 1),
        ("Ann Lee", 1),
    ]


def test_search_by_outlet_shows_that_papers_copy_with_all_sources(
    wire_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--db", str(wire_store), "--source", "coast post", "--jsonl"]) == 0
    [found] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert found["text"] == "Rebuild the harbor before the winter storms arrive,"
    assert len(found["sources"]) == 3
    assert main(["search", "--db", str(wire_store), "storms"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("(Wire, 3 sources)") and lines[1].endswith("(Echo)")


def test_on_a_terminal_a_line_shows_its_matches_reversed_its_speaker_bold_and_its_sources_dim(
    wire_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["search", "--db", str(wire_store), "storms"]) == 0
    lines = capsys.readouterr().out.splitlines()
    bold, dim, reverse, reset = "\x1b[1m", "\x1b[2m", "\x1b[1;7m", "\x1b[0m"
    assert lines[0] == (
        f"\u201cWe will rebuild the harbor before the winter {reverse}storms{reset} arrive, and nobody will stop us,"
        f"\u201d \u2014 {bold}Ann Lee{reset} {dim}(Wire, 3 sources){reset}"
    )
    assert lines[1].endswith(f"\u2014 {bold}Tom Berg{reset} {dim}(Echo){reset}")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["search", "--db", str(wire_store), "storms"]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_export_carries_every_source(wire_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(wire_store), "--format", "jsonl"]) == 0
    output = capsys.readouterr()
    rows = [json.loads(line) for line in output.out.splitlines()]
    assert output.err.strip() == "3 quotes exported"
    assert [len(row["sources"]) for row in rows] == [3, 1, 1]
    assert main(["export", "--db", str(wire_store), "--speaker", "ann", "winter"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("- \u201cWe will rebuild") and "*Wire Daily*, 2024-07-01" in lines[0]
    assert lines[1:] == ["  - also in Times, *Harbor Times*, 2024-07-02", "  - also in Post, *Coast Post*, 2024-07-03"]
    assert main(["export", "--db", str(wire_store), "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].endswith('"sources"') and csv_lines[1].endswith('"3"')
    assert main(["export", "--db", str(wire_store), "--source", "coast post", "winter"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "*Coast Post*, 2024-07-03" in lines[0], "a copy found by its outlet is cited from its own article"
    assert lines[1:] == ["  - also in Wire, *Wire Daily*, 2024-07-01", "  - also in Times, *Harbor Times*, 2024-07-02"]


@synchronously
async def test_the_quotes_pane_says_how_many_sources_and_the_detail_lists_them(wire_store: Path) -> None:
    app = make_app(Store(wire_store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        quotes = app.screen.quotes
        assert len(quotes.records) == 3
        assert "Quotes 3" in screen_text(app)
        assert app.sub_title.endswith("3 quotes"), "the header counts what the pane lists, each quote once"
        row = quotes._row(0).plain
        assert row.startswith("Ann Lee") and "3 sources \u201cWe will rebuild" in row
        assert "sources" not in quotes._row(1).plain
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "Sources (3)" in shown
        for _, outlet, date, _, _ in WIRE[:3]:
            assert f"{outlet} \u00b7 {date}" in shown


def test_snapshot_quote_with_many_sources(snap_compare, wire_store: Path) -> None:
    async def open_first_quote(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)

    assert snap_compare(make_app(Store(wire_store)), terminal_size=SIZE, run_before=open_first_quote)


REPEATED = (
    "Union Rejects Offer\n\nWorkers rejected the pay offer on Monday.\n\n"
    "\u201cWe will not back down,\u201d said Ann Kowalski, the union leader.\n\n"
    "The company said it would keep talking.\n\n"
    "Kowalski repeated her message at the end. \u201cWe will not back down,\u201d she said.\n"
)


@synchronously
async def test_a_quote_said_twice_in_one_article_is_printed_by_that_article_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Said again further on, a quote was told as printed by "2 sources", its own article "also in" it."""
    path = tmp_path / "store.json"
    (tmp_path / "union.txt").write_text(REPEATED, encoding="utf-8")
    assert main(["ingest", "--db", str(path), str(tmp_path / "union.txt")]) == 0
    capsys.readouterr()
    assert main(["search", "--db", str(path), "back", "down"]) == 0
    assert capsys.readouterr().out == (
        "\u201cWe will not back down,\u201d \u2014 Ann Kowalski, union leader (Union Rejects Offer)\n"
    )
    assert main(["export", "--db", str(path), "back", "down"]) == 0
    assert "also in" not in capsys.readouterr().out
    assert main(["export", "--db", str(path), "--format", "csv", "back", "down"]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith('"1"')
    assert main(["search", "--db", str(path), "--json", "back", "down"]) == 0
    places = [source["paragraph"] for source in json.loads(capsys.readouterr().out)["quotes"][0]["sources"]]
    assert places == [2, 4], "the JSON still lists both places it was said"
    app = make_app(Store(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert "source" not in app.screen.quotes._row(0).plain
        await pilot.press("enter")
        await settle(pilot)
        assert "Sources (" not in screen_text(app)
