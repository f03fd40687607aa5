"""A search read by key (`store.keyed_index`) finds and prints exactly what a search of the whole store does."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from array import array
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from store import Store, documents, index_parts, keyed_index, parse_query, storage, writer_lookups
from store import snapshot as snapshot_module
from store.errors import StoreError
from store.keyed_index import KeyedSearch, read_by_key
from store.model import Extraction, Organization, Person, Quote
from store.quote_documents import QuoteDocuments
from store.records import IngestOutcome
from store.storage import table_directory
from tests.conftest import sizes_forgotten, tagged_extract
from tui import cli

PEOPLE = [
    ("Ann Lee", ("Lee",)),
    ("Ann Berg", ("Berg",)),
    ("José Núñez", ("Núñez",)),
    ("Tom Berg", ("Berg",)),
    ("Mary-Jo O'Neil", ("O'Neil",)),
    ("Wei Zhang", ("Zhang",)),
    ("Kofi Mensah", ("Mensah", "K. Mensah")),
    ("Lars Harbor", ("Harbor",)),
]
ORGANIZATIONS = ["City Council", "Harbor Authority", "AT&T", "Ministry of Defense"]
SENTENCES = [
    "we will rebuild the harbor before the winter storms arrive in the city",
    "the harbor is fine and the council knows it",
    "the budget is balanced and nobody should doubt it",
    "the council approves C++ tooling for every school",
    "Núñez said nothing about the budget",
    "defense spending rises again this year",
    "AT&T will pay for the new cables",
    "we will not move the harbor",
    "zhang and berg agree on the plan",
]


def article(number: int, rng: random.Random) -> tuple[str, Extraction]:
    """One article's text and extraction: a few speakers, quotes that other articles print too, and excerpts."""
    people = rng.sample(PEOPLE, 3)
    organizations = rng.sample(ORGANIZATIONS, 2)
    title = f"Story {number} on {rng.choice(['the harbor', 'the budget', 'defense'])}"
    lines: list[tuple[str, str | None]] = []
    for _ in range(rng.randint(1, 4)):
        sentence = rng.choice(SENTENCES)
        if rng.random() < 0.2:
            words = sentence.split()
            sentence = " ".join(words[1:8]) if len(words) > 8 else sentence
        speaker = rng.choice([*(name for name, _ in people), organizations[0], None])
        lines.append((sentence, speaker))
    text = title + "\n\n" + "\n".join(f"\u201c{sentence},\u201d someone said." for sentence, _ in lines) + "\n"
    quotes = []
    start = 0
    for sentence, speaker in lines:
        start = text.index(sentence, text.index("\n", start) + 1)
        quotes.append(Quote(sentence, speaker, start, start + len(sentence), text.count("\n", 0, start)))
    alias_extra = ("Annie Lee",) if number > 20 and people[0][0] == "Ann Lee" else ()
    return text, Extraction(
        title,
        tuple(
            Person(name, aliases + (alias_extra if name == "Ann Lee" else ()), "spokesperson", organizations[1])
            for name, aliases in people
        ),
        tuple(Organization(name) for name in organizations),
        tuple(quotes),
    )


QUERIES = [
    "harbor",
    "harbor winter",
    '"the harbor"',
    '"we will rebuild the harbor"',
    "budget",
    "c++",
    "at&t",
    "lee",
    "ann",
    "ann lee",
    '"ann lee"',
    '"lee ann"',
    "lee-ann",
    "annie",
    "nunez",
    "núñez budget",
    "berg",
    "berg plan",
    "council",
    "city council",
    '"harbor authority"',
    "mensah",
    '"k mensah"',
    "defense",
    "ministry defense",
    "zzzq",
    "o'neil",
    "story",
    "speaker:lee",
    "harbor speaker:berg",
    'speaker:"ann lee" budget',
    "speaker:nunez speaker:jose",
    "speaker:zzzq",
    "harbor source:reuters",
    "harbor source:reuters.com",
    'budget source:"harbor times"',
    "budget date:2024-02",
    "harbor date:2024",
    "council date:2024-1",
    "harbor article:budget",
    'ann article:"story 3"',
    "speaker:berg article:a4",
    "speaker:berg date:2024-03 source:reuters",
    "defense source:zzzq",
    "org:council",
    "org:harbor",
    'org:"ministry of defense"',
    "org:defense budget",
    "harbor org:council",
    "org:at&t speaker:berg",
    "org:authority org:harbor",
    "org:zzzq",
    "org:council article:story",
]
"""Queries a search read by key answers (filters on articles alone: see ARTICLE_QUERIES)."""
OUTLETS = ["Reuters", "AP News", "The Harbor Times", ""]


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of 40 articles written in 8 batches, its index in many small parts."""
    monkeypatch.setattr(index_parts, "INDEX_PART_QUOTES", 5)
    made = made_articles()
    path = tmp_path / "store.json"
    store = Store(path, extractor=made.__getitem__)
    texts = list(made)
    for batch in range(8):
        store.ingest(
            [
                (f"a{batch}-{n}.txt", text, article_metadata(batch * 5 + n))
                for n, text in enumerate(texts[batch * 5 : batch * 5 + 5])
            ]
        )
    return path


def made_articles() -> dict[str, Extraction]:
    """The 40 articles of the `store_path` store: each text with its extraction, in order."""
    rng = random.Random(7)
    made = {}
    for number in range(40):
        text, extraction = article(number, rng)
        made[text] = extraction
    return made


def article_metadata(number: int) -> dict[str, str]:
    """Where an article says it comes from: an outlet (or none), a published date (or none), sometimes a link."""
    metadata = {"outlet": OUTLETS[number % 4]} if OUTLETS[number % 4] else {}
    if number % 5:
        metadata["date"] = f"2024-{1 + number % 3:02d}-{10 + number % 9}"
    if number % 3 == 0:
        metadata["url"] = f"https://www.reuters.com/world/story-{number}"
    if number % 4 == 1:
        metadata["author"] = f"Reporter {number % 7}"
    return metadata


def keyed_entries(path: Path, query: str) -> list[int]:
    """The stored positions a search read by key lists."""
    keyed = read_by_key(path)
    assert keyed is not None
    parsed = parse_query(query + " ")
    positions = KeyedSearch(keyed).positions(parsed)
    return list(keyed.groups().entries_in_order(positions))


def whole_entries(path: Path, query: str) -> list[int]:
    """The stored positions a search of the whole store lists."""
    return list(Store(path).snapshot.search_entries(parse_query(query + " ")))


def printed(capsys: pytest.CaptureFixture[str], path: Path, *arguments: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `whosaid search`."""
    code = cli.main(["search", "--db", str(path), *arguments])
    output = capsys.readouterr()
    return code, output.out, output.err


def test_a_search_read_by_key_lists_what_a_whole_read_lists(store_path: Path) -> None:
    assert sum(count for _, count in json.loads(store_path.read_text())["whosaid"]["tables"]["search"]) > 3
    found_any = 0
    for query in QUERIES:
        assert keyed_entries(store_path, query) == whole_entries(store_path, query), query
        found_any += bool(whole_entries(store_path, query))
    assert found_any > len(QUERIES) // 2


@pytest.mark.parametrize(
    ("documents_one_by_one", "cuts_per_file", "raw_line_bytes", "article_margin", "grouped_at_once", "files_open"),
    [
        (256, 16, 1 << 20, 131_072, 256, 64),
        (1, 0, 1 << 20, 131_072, 0, 0),
        (10**9, 10**9, 1, 131_072, 0, 1),
        (10**9, 1, 1, 0, 256, 1),
    ],
)
def test_whosaid_search_prints_the_same_read_by_key_or_whole(
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    documents_one_by_one: int,
    cuts_per_file: int,
    raw_line_bytes: int,
    article_margin: int,
    grouped_at_once: int,
    files_open: int,
) -> None:
    monkeypatch.setattr(keyed_index, "PART_FILES_OPEN", files_open)
    monkeypatch.setattr(keyed_index, "QUOTE_FILES_OPEN", files_open)
    monkeypatch.setattr(cli, "GROUPED_AT_ONCE", grouped_at_once)
    monkeypatch.setattr(keyed_index, "RAW_LINE_BYTES", raw_line_bytes)
    monkeypatch.setattr(keyed_index, "KEYS_SCANNED", 8 * files_open)
    monkeypatch.setattr(storage, "SEARCHES_BEFORE_SPANS", files_open - 1)
    monkeypatch.setattr(keyed_index, "ARTICLE_MARGIN", article_margin)
    monkeypatch.setattr(keyed_index, "DOCUMENTS_ONE_BY_ONE", documents_one_by_one)
    monkeypatch.setattr(keyed_index, "CUTS_PER_FILE", cuts_per_file)
    monkeypatch.setattr(keyed_index, "KEYS_ONE_BY_ONE", min(documents_one_by_one, 32))
    monkeypatch.setattr(keyed_index, "SPEAKERS_ONE_BY_ONE", min(documents_one_by_one, 128))
    monkeypatch.setattr(keyed_index, "SPEAKERS_FROM_BYTES", min(documents_one_by_one, 8))
    monkeypatch.setattr(keyed_index, "ORGANIZATIONS_BY_KEY", min(documents_one_by_one, 64))
    read_by_key_for = searches_read_by_key(monkeypatch)
    for form in ("--jsonl", "--json", "--plain"):
        for query in [*QUERIES, "harbor --speaker berg", "--speaker ann --speaker lee"]:
            arguments = [*query.replace('"', " ").split(), form] if form != "--plain" else query.split()
            keyed = printed(capsys, store_path, *arguments)
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert printed(capsys, store_path, *arguments) == keyed, (query, form)
    assert len(read_by_key_for) == 3 * (len(QUERIES) + 2)



@pytest.mark.parametrize("form", ["md", "csv", "jsonl"])
def test_whosaid_export_writes_the_same_read_by_key_or_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    read_by_key_for = searches_read_by_key(monkeypatch)
    exported = 0
    for query in QUERIES:
        for order in ("article", "speaker"):
            arguments = ["export", "--db", str(store_path), *query.replace('"', " ").split(), "--format", form]
            keyed = cli.main([*arguments, "--sort", order]), capsys.readouterr()
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert (cli.main([*arguments, "--sort", order]), capsys.readouterr()) == keyed, (query, order)
            exported += keyed[0] == 0
    assert len(read_by_key_for) > len(QUERIES) and exported > len(QUERIES)


def test_an_export_read_by_key_that_a_writer_disturbs_reads_the_store_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = ["export", "--db", str(store_path), "harbor", "--format", "jsonl"]
    assert cli.main(arguments) == 0
    exported = capsys.readouterr()

    disturbed: list[object] = []

    def replaced(*_: object) -> None:
        disturbed.append(_)
        raise StoreError("table file missing; the store changed while it was read")

    monkeypatch.setattr(keyed_index.KeyedStore, "article_document", replaced)
    assert cli.main(arguments) == 0
    assert capsys.readouterr() == exported and exported.out.count("\n") > 3 and disturbed


def test_a_search_read_whole_looks_its_words_up_in_the_index_by_key_rather_than_parsing_it(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search printing most of a big store reads it whole: the parsed index would add hundreds of MB to it (650 MB
    for 615,545 quotes at 100,000 articles)."""
    expected = {query: len(whole_entries(store_path, query)) for query in ("harbor", "ann", '"the harbor"')}

    def parsed_index(*_: object) -> None:
        raise AssertionError("the whole index was parsed")

    monkeypatch.setattr(cli, "keyed_entries", lambda *_: None)
    monkeypatch.setattr(snapshot_module, "KEYED_BROWSING_QUOTES", 0)
    monkeypatch.setattr(snapshot_module, "QuoteIndex", parsed_index)
    for query, count in expected.items():
        code, out, _ = printed(capsys, store_path, query, "--jsonl")
        assert (code, out.count("\n")) == (0, count), query
    assert min(expected.values()) > 0


def searches_read_by_key(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that gets "keyed" for each later search the stored index answered by key."""
    read_by_key_for: list[str] = []
    keyed_entries = cli.keyed_entries

    def noted(path: Path, parsed: object, *options: object) -> object:
        found = keyed_entries(path, parsed, *options)  # type: ignore[arg-type]
        read_by_key_for.extend(["keyed"] if found is not None else [])
        return found

    monkeypatch.setattr(cli, "keyed_entries", noted)
    return read_by_key_for

@pytest.mark.parametrize("order", ["speaker", "date", "newest"])
def test_a_search_in_another_order_or_filtered_by_articles_is_read_by_key_and_prints_the_same(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    read_by_key_for = searches_read_by_key(monkeypatch)
    reordered = 0
    for form in ("--jsonl", "--plain"):
        for query in QUERIES:
            arguments = [*query.replace('"', " ").split(), *([form] if form != "--plain" else [])]
            keyed = printed(capsys, store_path, *arguments, "--sort", order)
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert printed(capsys, store_path, *arguments, "--sort", order) == keyed, (query, form)
                stored_order = printed(capsys, store_path, *arguments)
            days = re.compile(r", \d{4}-\d\d-\d\d(?=\)|, \d+ sources\))") if form == "--plain" else re.compile("$^")
            undated = sorted(days.sub("", line) for line in keyed[1].splitlines())
            assert sorted(stored_order[1].splitlines()) == undated, (query, form)
            reordered += stored_order[1] != keyed[1]
    assert len(read_by_key_for) == 2 * len(QUERIES) and reordered > 5
    for query in ARTICLE_QUERIES:
        arguments = [*query.split(), "--sort", order, "--jsonl"]
        keyed = printed(capsys, store_path, *arguments)
        with monkeypatch.context() as whole:
            whole.setattr(cli, "keyed_entries", lambda *_: None)
            assert printed(capsys, store_path, *arguments) == keyed, query
    assert len(read_by_key_for) == 2 * len(QUERIES) + len(ARTICLE_QUERIES)


ARTICLE_QUERIES = [
    "source:reuters",
    "date:2024",
    "date:2024-02",
    "article:story",
    "article:harbor source:reuters",
    "article:story-12",
    "article:zzzq",
]
"""Searches of filters on articles alone."""


@pytest.mark.parametrize("files", ["one", "a quote each"])
def test_filters_on_articles_alone_are_read_by_key_and_print_what_a_whole_read_prints(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, files: str
) -> None:
    """`whosaid search --article TEXT` read the whole store (14 s at 100,000 articles): the articles' documents are
    read, then the quote files searched in their bytes for the quotes of those the filters keep."""
    if files == "a quote each":
        index_in_a_file_a_part(store_path, monkeypatch)
        store = Store(store_path)
        store.remove([store.snapshot.articles[n].content_hash for n in (3, 30)])
        assert len(json.loads(store_path.read_text())["whosaid"]["tables"]["quotes"]) > 50
    read_by_key_for = searches_read_by_key(monkeypatch)
    matched = 0
    for query in ARTICLE_QUERIES:
        for form in ("--json", "--plain"):
            arguments = [*query.split(), *([form] if form != "--plain" else [])]
            keyed = printed(capsys, store_path, *arguments)
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert printed(capsys, store_path, *arguments) == keyed, (query, form)
            matched += keyed[0] == 0
    assert len(read_by_key_for) == 2 * len(ARTICLE_QUERIES) and matched >= 2 * (len(ARTICLE_QUERIES) - 1)
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    code, out, err = printed(capsys, store_path, "--article", "story", "--limit", "2", "--jsonl")
    assert code == 0 and out.count("\n") == 2 and err.startswith("2 of at most ")
    with monkeypatch.context() as whole:
        whole.setattr(cli, "keyed_entries", lambda *_: None)
        assert printed(capsys, store_path, "--article", "story", "--limit", "2", "--jsonl")[1] == out
    read_whole, leanness = cli.read_whole, []

    def noted_whole(path: Path, lean: bool = False, tables: object = None) -> object:
        leanness.append(lean)
        return read_whole(path, lean, tables)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "read_whole", noted_whole)
    every = printed(capsys, store_path, "--article", "story", "--jsonl")
    assert leanness == [True], "the rest of a search with filters is read as lean as a whole read of it"
    with monkeypatch.context() as whole:
        whole.setattr(cli, "keyed_entries", lambda *_: None)
        assert printed(capsys, store_path, "--article", "story", "--jsonl")[:2] == every[:2]
    assert every[1].count("\n") > 20


def test_the_first_lines_of_a_search_finding_more_than_a_keyed_read_should_take_group_only_their_speakers(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_together: list[str] = []
    for method in ("speakers_of", "read_speakers_quotes"):
        original = getattr(keyed_index.KeyedStore, method)

        def noted(store: object, positions: object, method: str = method, original: object = original) -> object:
            read_together.append(method)
            return original(store, positions)  # type: ignore[operator]

        monkeypatch.setattr(keyed_index.KeyedStore, method, noted)
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    code, out, err = printed(capsys, store_path, "harbor", "--limit", "1", "--jsonl")
    assert code == 0 and out.count("\n") == 1 and err.startswith("1 of at most ") and read_together == []
    monkeypatch.setattr(cli, "KEYED_MATCHES", 1000)
    assert printed(capsys, store_path, "harbor", "--limit", "1", "--jsonl")[1] == out
    monkeypatch.setattr(cli, "GROUPED_AT_ONCE", 3)
    assert printed(capsys, store_path, "harbor", "--limit", "1", "--jsonl")[1] == out
    assert read_together == ["speakers_of", "read_speakers_quotes", "speakers_of"]


@pytest.mark.parametrize("read_by_key", [0, 4000])
def test_filters_on_articles_of_many_found_quotes_keep_by_key_what_a_whole_read_keeps(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, read_by_key: int
) -> None:
    """`search munitions --date 2024` read the whole store to keep the matches of a few articles (11.7 s at 100,000
    articles, to find none): found quotes past ARTICLES_READ_BY_KEY are kept among those of the articles kept."""
    monkeypatch.setattr(keyed_index, "ARTICLES_READ_BY_KEY", read_by_key)
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    filtered = [query for query in QUERIES if any(field in query for field in ("source:", "date:", "article:"))]
    assert len(filtered) >= 8
    matched = 0
    for query in filtered:
        assert cli.keyed_entries(store_path, parse_query(query + " ")) is not None, query
        for order in ("article", "date"):
            arguments = [*query.split(), "--jsonl", "--sort", order]
            keyed = printed(capsys, store_path, *arguments)
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert printed(capsys, store_path, *arguments) == keyed, (query, order)
            matched += keyed[0] == 0
    assert matched >= 2 * (len(filtered) - 2)


def test_the_keyed_search_reads_the_lookups_of_the_shape_the_writer_writes() -> None:
    from store.writer_lookups import LOOKUPS_VERSION

    assert keyed_index.LOOKUPS_READ == LOOKUPS_VERSION


def test_copies_of_a_quote_print_every_article_that_ran_it(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = printed(capsys, store_path, "harbor", "--jsonl")
    assert code == 0
    assert max(len(json.loads(line)["sources"]) for line in out.splitlines()) > 1


def test_removing_an_article_keeps_the_keyed_search_right(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["rm", "--db", str(store_path), "a3-2.txt"]) == 0
    capsys.readouterr()
    assert read_by_key(store_path) is not None
    for query in QUERIES:
        assert keyed_entries(store_path, query) == whole_entries(store_path, query), query


def test_an_index_without_keyed_sections_is_read_whole_until_the_next_write_rebuilds_it(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = json.loads(store_path.read_text())["whosaid"]["tables"]
    for name, _count in tables["search"]:
        path = table_directory(store_path) / name
        parts = orjson.loads(path.read_bytes())
        for part in parts.values():
            for section in ("sizes", "speakers", "names"):
                del part[section]
        path.write_bytes(orjson.dumps(parts))
    sizes_forgotten(store_path)
    assert read_by_key(store_path) is None
    expected = printed(capsys, store_path, "harbor", "--jsonl")
    assert expected[0] == 0
    text = "Late story\n\n\u201cthe harbor waits,\u201d someone said.\n"
    start = text.index("the harbor waits")
    said = Quote("the harbor waits", "Ann Lee", start, start + 16, 2)
    late = Extraction("Late story", (Person("Ann Lee", ("Lee",)),), (), (said,))
    Store(store_path, extractor={text: late}.__getitem__).ingest([("late.txt", text)])
    assert read_by_key(store_path) is not None
    code, out, _ = printed(capsys, store_path, "harbor", "--jsonl")
    assert out.startswith(expected[1]) and out.count("\n") == expected[1].count("\n") + 1
    for query in QUERIES:
        assert keyed_entries(store_path, query) == whole_entries(store_path, query), query


@pytest.mark.parametrize("seed", range(20))
def test_a_key_is_found_in_a_section_whatever_the_lengths_of_its_neighbours(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_index, "PROBE_WINDOW", 8)
    rng = random.Random(seed)
    words = {"".join(rng.choices("abcdéz_09", k=rng.randint(1, 6))) for _ in range(rng.randint(1, 60))}
    section = {word: "A" * rng.choice([4, 8, 400, 5000]) for word in sorted(words)}
    data = b"xx" + orjson.dumps(section) + b"yy"
    end = len(data) - 2
    for word in [*words, "", "zzzzzzz", "a", "é", "0"]:
        value = keyed_index.section_value(data, 2, end, word.encode("utf-8"))
        assert value == (section[word].encode() if word in section else None), word


@pytest.mark.parametrize("reader", [keyed_index.FileBytes, keyed_index.MappedBytes])
@pytest.mark.parametrize("seed", range(10))
def test_a_key_is_found_in_a_section_read_from_its_file_a_few_bytes_at_a_time(
    seed: int, reader: type[keyed_index.FileBytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_index, "PROBE_WINDOW", 8)
    monkeypatch.setattr(keyed_index.FileBytes, "CHUNK", 7)
    rng = random.Random(seed)
    words = {"".join(rng.choices("abcz09", k=rng.randint(1, 5))) for _ in range(rng.randint(1, 40))}
    section = {word: "B" * rng.choice([4, 12, 60]) for word in sorted(words)}
    path = tmp_path / "part.json"
    path.write_bytes(b"{" + orjson.dumps(section) + b"}")
    end = path.stat().st_size - 1
    with reader(path) as data:
        for word in [*words, "zzz", "0"]:
            value = keyed_index.section_value(data, 1, end, word.encode())
            assert value == (section[word].encode() if word in section else None), word
        raw = path.read_bytes()
        for _ in range(50):
            start, stop = sorted(rng.sample(range(len(raw) + 1), 2))
            needle = raw[rng.randrange(len(raw)) :][: rng.randint(1, 4)]
            assert data.find(needle, start, stop) == raw.find(needle, start, stop)
            assert data[start:stop] == raw[start:stop]
            assert data[stop:start] == raw[stop:start]
            assert data.find(needle, start, len(raw) + 100) == raw.find(needle, start)


def lookup_lines(path: Path, monkeypatch: pytest.MonkeyPatch, *lines: bytes) -> keyed_index.LookupLines:
    """A lookup file of these lines, read as a big store's: every line of one kind searched in its bytes, every key
    looked for one by one."""
    monkeypatch.setattr(keyed_index, "RAW_LINE_BYTES", 1)
    monkeypatch.setattr(keyed_index, "KEYS_ONE_BY_ONE", 10**9)
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return keyed_index.LookupLines([path])


@pytest.mark.parametrize("margin", [0, 1, 40, 10**6])
def test_an_article_is_found_in_its_lookup_line_wherever_the_search_for_it_starts(
    margin: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_index, "ARTICLE_MARGIN", margin)
    rng = random.Random(margin)
    digests = [f"{rng.getrandbits(256):064x}" for _ in range(60)]
    articles = {"a": {digest: [number + 1, 0, 2] for number, digest in enumerate(digests)}}
    lookups = lookup_lines(tmp_path / "lookups.jsonl", monkeypatch, orjson.dumps(articles))
    for number, digest in enumerate(digests):
        for before in (None, 0.0, number - 0.5, number, number + 3.7, len(digests), 10 * len(digests)):
            assert lookups.article_place(digest[:16], before) == number + 1, (digest, before)
    assert lookups.article_place("0" * 16, 0.5) is None


@pytest.mark.parametrize("window", [0, 1, 2, 40, 4096])
def test_a_person_is_found_by_halving_a_sorted_line_of_people_and_one_not_stored_is_not(
    window: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_index, "SORTED_WINDOW", window)
    rng = random.Random(window)
    names = ["an", "ann", "anna", "anne", "o'neil", "zoë", "li wei", "łukasz", "محمد", "a", "p", "z" * 40]
    names += [" ".join(rng.choice("abcdefg") * rng.randint(1, 6) for _ in range(rng.randint(1, 3))) for _ in range(300)]
    places = {name: 1_000 + number for number, name in enumerate(dict.fromkeys(names))}
    spans = array("Q", range(3 * len(places)))  # longer than the places, as a big store's are
    index = writer_lookups.StoreIndex(people=places, person_spans=spans)
    written = [writer_lookups.encoded_line(line) for line in index.whole_lines()]
    lookups = lookup_lines(tmp_path / "lookups.jsonl", monkeypatch, *written)
    assert lookups.lines[0].is_sorted() and lookups.lines[0].kind() == b"p"
    for name, place in places.items():
        assert lookups.place("p", name) == place, name
    for missing in ["", "am", "annb", "b", "zz", "zzz" * 20, "ö", "anna ", "o'neill"]:
        if missing not in places:
            assert lookups.place("p", missing) is None, missing
    earlier = orjson.dumps({"p": places, "ps": "BQAAAAAAAAA="})  # as an earlier whosaid wrote it: unmarked
    lookups = lookup_lines(tmp_path / "earlier.jsonl", monkeypatch, earlier)
    assert not lookups.lines[0].is_sorted() and lookups.lines[0].kind() == b"p"
    assert all(lookups.place("p", name) == place for name, place in places.items())


def test_a_quote_is_cut_from_its_file_wherever_the_search_for_it_starts() -> None:
    rng = random.Random(3)
    quotes = {str(100 + n): {"text": "x" * rng.randint(1, 300), "speaker": None} for n in range(50)}
    raw = orjson.dumps(quotes)
    for doc_id, quote in quotes.items():
        for near in (0, 1, len(raw) // 2, len(raw) - 1, len(raw)):
            assert keyed_index.cut_document(raw, int(doc_id), near) == quote
    assert keyed_index.cut_document(raw, 99, len(raw) // 2) is None


def test_the_first_entries_read_by_key_are_those_a_whole_listing_has_there(store_path: Path) -> None:
    for query in QUERIES:
        keyed = read_by_key(store_path)
        assert keyed is not None
        positions = KeyedSearch(keyed).positions(parse_query(query + " "))
        listed = whole_entries(store_path, query)
        for first in range(len(positions) + 1):
            entries = keyed_index.FirstEntries(keyed.groups(), positions, first)
            last = positions[first - 1] if first else -1
            assert list(entries) == [entry for entry in listed if entry <= last], (query, first)


def search_read_whole_late(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    arguments: list[str],
    command: str = "search",
) -> tuple[tuple[int, str, str], list[int]]:
    """`printed` of a search (or an export), and how many lines it had printed each time it read the store whole."""
    out: list[str] = []
    lines_then: list[int] = []
    open_existing_store = cli.open_existing_store

    def noted(opened: Path) -> object:
        out.append(capsys.readouterr().out)
        lines_then.append("".join(out).count("\n"))
        return open_existing_store(opened)

    read_streamed = cli.read_streamed

    def noted_streamed(keyed: object) -> object:
        noted(path)
        return read_streamed(keyed)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(cli, "open_existing_store", noted)
        patched.setattr(cli, "read_streamed", noted_streamed)
        code = cli.main([command, "--db", str(path), *arguments])
    output = capsys.readouterr()
    return (code, "".join(out) + output.out, output.err), lines_then


@pytest.mark.parametrize("first_lines", [1, 2, 5, 24])
def test_a_search_finding_more_than_a_keyed_read_should_take_prints_its_first_lines_by_key_then_reads_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, first_lines: int
) -> None:
    monkeypatch.setattr(cli, "KEYED_MATCHES", 8)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", first_lines)
    monkeypatch.setattr(cli, "LIMITED_LINES_BY_KEY", first_lines)
    read_whole_late = ended_by_key = 0
    for query in ["harbor", "budget", "ann", "council", "story", "harbor speaker:berg", "nunez"]:
        keyed = read_by_key(store_path)
        assert keyed is not None
        positions = KeyedSearch(keyed).positions(parse_query(query + " "))
        listed = whole_entries(store_path, query)
        for limit in (None, 1, 3, 50):
            for form in ("--jsonl", "--json", "--plain"):
                arguments = [*query.split(), *(["--limit", str(limit)] if limit else []), form]
                arguments = [argument for argument in arguments if argument != "--plain"]
                with monkeypatch.context() as whole:
                    whole.setattr(cli, "keyed_entries", lambda *_: None)
                    expected = printed(capsys, store_path, *arguments)
                found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, arguments)
                many = len(positions) > 8
                cut = limit is not None and many and limit <= len(listed) and limit < len(positions)
                first = sum(entry <= positions[7] for entry in listed) if many else 0
                by_key = min(limit or first_lines, first_lines, first)
                only_by_key = cut and limit == by_key
                counted = f"{limit} of at most {len(positions)} quotes\n" if only_by_key else expected[2]
                assert found == (*expected[:2], counted), arguments
                if not many:
                    assert lines_then == [], arguments
                    continue
                if only_by_key:
                    assert lines_then == [], arguments
                    ended_by_key += 1
                    continue
                read_whole_late += 1
                if form == "--jsonl":
                    assert lines_then == [by_key], arguments
                else:
                    assert len(lines_then) == 1 and lines_then[0] >= by_key - 1, arguments
    assert read_whole_late >= 20 and ended_by_key >= 3


@pytest.mark.parametrize("order", ["date", "speaker", "newest"])
def test_a_search_in_another_order_finding_more_than_a_keyed_read_should_take_prints_its_first_lines_by_key(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """`whosaid search WORD --sort date --limit 5`, for a word half the quotes hold, read the whole store before its
    first line (15 s at 100,000 articles): its first lines are told by key, in the order a whole read prints."""
    monkeypatch.setattr(cli, "KEYED_MATCHES", 8)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 3)
    monkeypatch.setattr(cli, "LIMITED_LINES_BY_KEY", 3)
    ended_by_key = read_whole_late = 0
    for query in ["harbor", "budget", "ann", "council", "story", "harbor speaker:berg", "the"]:
        keyed = read_by_key(store_path)
        assert keyed is not None
        matched = len(KeyedSearch(keyed).positions(parse_query(query + " ")))
        for limit in (None, 1, 3, 50):
            for form in ("--jsonl", "--plain"):
                arguments = [*query.split(), *(["--limit", str(limit)] if limit else []), "--sort", order, form]
                arguments = [argument for argument in arguments if argument != "--plain"]
                with monkeypatch.context() as whole:
                    whole.setattr(cli, "keyed_entries", lambda *_: None)
                    expected = printed(capsys, store_path, *arguments)
                found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, arguments)
                total = int(expected[2].split()[-2])
                cut = matched > 8 and limit is not None and limit < total
                counted = f"{limit} of at most {matched} quotes\n" if cut and not lines_then else expected[2]
                assert found == (*expected[:2], counted), arguments
                ended_by_key += cut and not lines_then
                read_whole_late += matched > 8 and bool(lines_then)
    assert ended_by_key >= 8 and read_whole_late >= 8


@pytest.mark.parametrize("read", ["from the bytes", "parsed"])
def test_found_quotes_put_in_order_from_the_quote_files_are_in_the_order_a_whole_read_sorts_them(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, read: str
) -> None:
    from store.keyed_listing import ordered_by_key

    store = Store(store_path)
    store.remove([store.snapshot.articles[n].content_hash for n in (3, 30)])
    if read == "parsed":
        for field in ("article", "speaker"):
            monkeypatch.setitem(keyed_index.QUOTE_FIELDS, field, re.compile(b"(?!)"))
        monkeypatch.setattr(keyed_index, "KEY_AND_NAME", re.compile(b"(?!)"))
    keyed = read_by_key(store_path)
    assert keyed is not None
    snapshot = Store(store_path).snapshot
    reordered = 0
    for query in QUERIES:
        parsed = parse_query(query + " ")
        positions = KeyedSearch(keyed).positions(parsed)
        for order in ("date", "speaker"):
            ordered = ordered_by_key(keyed, positions, order)
            assert sorted(ordered) == list(positions), (query, order)
            listed = list(snapshot.sorted_quotes(snapshot.search_quotes(parsed), order).positions)
            kept = set(listed)
            assert [position for position in ordered if position in kept] == listed, (query, order)
            reordered += listed != sorted(listed)
    assert reordered > 20


@pytest.mark.parametrize("form", ["md", "csv", "jsonl"])
def test_an_export_finding_more_than_a_keyed_read_should_take_writes_its_first_lines_before_it_reads_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    """`whosaid export WORDS | head` read every match before its first line when they were more than a keyed read
    takes (7-8 s at 100,000 articles): its first lines are written by key, as a search's are."""
    monkeypatch.setattr(cli, "KEYED_MATCHES", 8)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 3)
    monkeypatch.setattr(cli, "LIMITED_LINES_BY_KEY", 3)
    read_whole_late = 0
    for query in ["harbor", "budget", "ann", "council", "harbor speaker:berg", "the"]:
        for order in ("article", "date"):
            arguments = [*query.split(), "--format", form, "--sort", order]
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                expected = (cli.main(["export", "--db", str(store_path), *arguments]), *capsys.readouterr())
            found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, arguments, "export")
            assert found == expected, arguments
            if lines_then:
                assert lines_then[0] >= 2, arguments
                read_whole_late += 1
    assert read_whole_late >= 6
    with monkeypatch.context() as into_a_file:
        into_a_file.setattr(cli, "output_is_a_file", lambda: True)
        found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, ["the"], "export")
    assert found[0] == 0 and lines_then == [0]


def test_the_names_of_people_read_from_their_files_bytes_are_those_their_documents_hold(store_path: Path) -> None:
    from store.keyed_index import stored_names

    names = ['Dwayne "The Rock" Johnson', "Ann \\ Lee-Berg", "Zoë Ñúñez"]
    said = (f"\u201cWe agree on the harbor {n},\u201d said {name}.\n" for n, name in enumerate(names))
    text = "A late story\n\n" + "".join(said)
    extraction = Extraction(
        "A late story",
        tuple(Person(name, (), None, None) for name in names),
        (),
        tuple(Quote(f"We agree on the harbor {n}", name, 0, 10, 2 + n) for n, name in enumerate(names)),
    )
    Store(store_path, extractor=lambda _text: extraction).ingest([("late.txt", text, {})])
    keyed = read_by_key(store_path)
    assert keyed is not None
    for table in ("people", "organizations"):
        held = [(document["key"], document["name"]) for document in keyed.tables.documents(table)]
        with pytest.MonkeyPatch.context() as from_bytes:
            from_bytes.setattr(type(keyed.tables), "segment_documents", None)  # read from the bytes, never parsed
            assert list(stored_names(keyed.tables, table)) == held
    assert set(names) <= {name for _key, name in stored_names(keyed.tables, "people")}


@pytest.mark.parametrize("files", ["kept", "taken away"])
@pytest.mark.parametrize("command", ["search", "export"])
def test_the_rest_of_a_search_read_whole_comes_from_the_version_its_first_lines_came_from(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str, files: str
) -> None:
    """A search or an export of more than a keyed read takes printed its first lines from the store as it was, and
    the rest from the store as a write since left it: removed quotes printed, others left out. Where the write took
    away files of the version the first lines came from, it stops with a line that says so."""
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 2)
    monkeypatch.setattr(cli, "LIMITED_LINES_BY_KEY", 2)
    arguments = [command, "--db", str(store_path), "harbor", *(["--jsonl"] if command == "search" else [])]
    assert cli.main(arguments) == 0
    before = capsys.readouterr()
    read_whole = cli.read_whole

    read_streamed = cli.read_streamed

    def write_meanwhile() -> None:
        store = Store(store_path)
        store.remove([article.content_hash for article in store.snapshot.articles[-12:]])
        named = store_path.read_text()
        for file in table_directory(store_path).iterdir():
            if files == "taken away" and file.name not in named:
                file.unlink()

    def written_meanwhile(path: Path, lean: bool = False, tables: object = None) -> object:
        write_meanwhile()
        return read_whole(path, lean, tables)  # type: ignore[arg-type]

    def written_while_streamed(keyed: object) -> object:
        write_meanwhile()
        return read_streamed(keyed)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "read_whole", written_meanwhile)
    monkeypatch.setattr(cli, "read_streamed", written_while_streamed)
    code = cli.main(arguments)
    during = capsys.readouterr()
    monkeypatch.setattr(cli, "read_whole", read_whole)
    monkeypatch.setattr(cli, "read_streamed", read_streamed)
    assert cli.main(arguments) == 0
    after = capsys.readouterr()
    assert after.out != before.out
    if files == "kept":
        assert (code, during) == (0, before)
    else:
        assert code == 2 and before.out.startswith(during.out) and during.out.count("\n") >= 2
        assert during.err == "whosaid: the store changed while it was read; run the command again\n"


@pytest.mark.parametrize("command", ["search", "export"])
def test_a_search_by_date_whose_first_found_quotes_are_all_copies_listed_later_prints_what_a_whole_read_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """By date the first found quote can be a copy its group lists at another (the copy stored first): no line is
    then listed by key, and the search read the rest whole through lines it had not yet made (a NameError)."""

    def article(title: str) -> tuple[str, Extraction]:
        sentence = "we will rebuild the harbor before winter"
        text = f"{title}\n\n\u201c{sentence},\u201d said Ann Lee.\n"
        start = text.index(sentence)
        said = Quote(sentence, "Ann Lee", start, start + len(sentence), 2)
        return text, Extraction(title, (Person("Ann Lee", (), None, None),), (), (said,))

    made = dict([article("Newer"), article("Older")])
    path = tmp_path / "store.json"
    store = Store(path, extractor=made.__getitem__)
    for (text, _extraction), date in zip(made.items(), ("2024-06-01", "2023-01-01"), strict=True):
        store.ingest([(f"{date}.txt", text, {"date": date})])
    monkeypatch.setattr(cli, "KEYED_MATCHES", 1)
    arguments = [command, "--db", str(path), "harbor", "--sort", "date"]
    assert cli.keyed_entries(path, parse_query("harbor "), order="date") is not None
    keyed = cli.main(arguments), capsys.readouterr()
    with monkeypatch.context() as whole:
        whole.setattr(cli, "keyed_entries", lambda *_: None)
        assert (cli.main(arguments), capsys.readouterr()) == keyed
    assert keyed[0] == 0 and keyed[1].out.count("harbor") == 1


def test_a_limit_past_the_first_lines_up_to_the_limited_lines_is_printed_by_key_and_reads_nothing_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--limit 101` of a common word read the whole store (5 s and 1.75 GB at 100,000 articles): a limit up to
    LIMITED_LINES_BY_KEY is printed by key, while a search without one sends FIRST_LINES_BY_KEY lines first."""
    monkeypatch.setattr(cli, "KEYED_MATCHES", 8)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 2)
    monkeypatch.setattr(cli, "LIMITED_LINES_BY_KEY", 5)
    for limit, whole_read in ((4, False), (5, False), (6, True)):
        arguments = ["harbor", "--limit", str(limit), "--jsonl"]
        found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, arguments)
        with monkeypatch.context() as whole:
            whole.setattr(cli, "keyed_entries", lambda *_: None)
            expected = printed(capsys, store_path, *arguments)
        assert expected[1] == found[1]
        assert found[1].count("\n") == limit and bool(lines_then) == whole_read, limit
        if whole_read:
            assert found[2] == expected[2], "the rest read whole, every match is counted, as into a file"
        else:
            assert found[2].startswith(f"{limit} of at most "), limit
    found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, ["harbor", "--jsonl"])
    assert lines_then == [2] and found == printed(capsys, store_path, "harbor", "--jsonl")


def test_a_search_limited_to_fewer_lines_than_it_finds_prints_them_before_it_counts_the_rest(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "KEYED_MATCHES", 1000)
    found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, ["harbor", "--limit", "2"])
    assert found[0] == 0 and found[1].count("\n") == 2 and lines_then == []
    total = len(whole_entries(store_path, "harbor"))
    assert total > 3 and found[2] == f"2 of {total} quotes\n"


def test_a_limited_search_matching_more_than_a_keyed_read_should_take_ends_with_an_upper_bound_unread_whole(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    keyed = read_by_key(store_path)
    assert keyed is not None
    matched = len(KeyedSearch(keyed).positions(parse_query("harbor ")))
    listed = whole_entries(store_path, "harbor")
    assert matched > len(listed) > 3
    found, lines_then = search_read_whole_late(capsys, monkeypatch, store_path, ["harbor", "--limit", "2", "--jsonl"])
    with monkeypatch.context() as whole:
        whole.setattr(cli, "keyed_entries", lambda *_: None)
        expected = printed(capsys, store_path, "harbor", "--limit", "2", "--jsonl")
    assert expected[2] == f"2 of {len(listed)} quotes\n"
    assert found == (0, expected[1], f"2 of at most {matched} quotes\n") and lines_then == []
    everything, _ = search_read_whole_late(capsys, monkeypatch, store_path, ["harbor", "--limit", "50", "--jsonl"])
    assert everything == printed(capsys, store_path, "harbor", "--jsonl")


def test_a_search_finding_more_than_a_keyed_read_should_take_into_a_file_reads_the_store_whole_at_once(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    assert cli.keyed_entries(store_path, parse_query("harbor "), first_lines_seen=False) is None
    over = cli.LIMITED_LINES_BY_KEY + 1
    assert cli.keyed_entries(store_path, parse_query("harbor "), limit=over, first_lines_seen=False) is None
    assert cli.keyed_entries(store_path, parse_query("harbor "), limit=2, first_lines_seen=False) is not None
    assert cli.keyed_entries(store_path, parse_query("harbor "), first_lines_seen=True) is not None
    assert cli.keyed_entries(store_path, parse_query("zzzq "), first_lines_seen=False) is not None


def test_a_search_ends_at_once_when_the_reader_of_its_output_goes_while_it_reads_the_store_whole() -> None:
    script = "import time, tui.cli; tui.cli.end_when_reader_goes(); print('ready', flush=True); time.sleep(30)"
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"ready\n"
    started = time.monotonic()
    process.stdout.close()
    assert process.wait(timeout=20) == 0
    assert time.monotonic() - started < 10
    assert process.stderr is not None and process.stderr.read() == b""


def answers_as_a_whole_read(store_path: Path, queries: list[str] = QUERIES) -> None:
    """Every query lists, read by key, what a whole read of the store lists."""
    for query in queries:
        assert keyed_entries(store_path, query) == whole_entries(store_path, query), query


def edited_articles() -> tuple[dict[str, Extraction], list[str]]:
    """The `store_path` store's articles with "Edited story" for "Story" in each text, and their sources."""
    edited = {text.replace("Story", "Edited story", 1): extraction for text, extraction in made_articles().items()}
    return edited, [f"a{number // 5}-{number % 5}.txt" for number in range(40)]


def reextracted_in_batches(store_path: Path) -> Iterator[list[IngestOutcome]]:
    """The `store_path` store's articles read again, every one, four a batch: each batch's outcomes as it is written."""
    made = made_articles()
    store = Store(store_path, extractor=made.__getitem__)
    return store.reextract_in_batches(store.stale_articles(everything=True), batch_size=4)


def rebuilds_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets the number of quotes covered each time the quote index is built again from every quote."""
    rebuilt: list[int] = []
    rebuild = index_parts.rebuild_index_parts

    def counted(tables: object) -> tuple[int, int]:
        covered = rebuild(tables)  # type: ignore[arg-type]
        rebuilt.append(covered[1])
        return covered

    monkeypatch.setattr(index_parts, "rebuild_index_parts", counted)
    return rebuilt


@pytest.mark.parametrize("shifts_before_dropping", [2, documents.SHIFTS_BEFORE_DROPPING])
def test_reextracting_in_many_batches_builds_the_index_once_and_it_answers_as_a_whole_read(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, shifts_before_dropping: int
) -> None:
    """Each batch moves the quotes of the articles it reads again after all others: building the index again
    after every batch cost 3.9 s a batch at 10,000 articles (77 s of a 130 s reextract). A run of more batches than
    `SHIFTS_BEFORE_DROPPING` builds it once at its end; a shorter one moves it each batch."""
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", shifts_before_dropping)
    rebuilt = rebuilds_counted(monkeypatch)
    outcomes = [outcome for batch in reextracted_in_batches(store_path) for outcome in batch]
    assert len(outcomes) == 40 and all(outcome.reextracted for outcome in outcomes)
    assert len(rebuilt) == (1 if shifts_before_dropping < 10 else 0)
    assert read_by_key(store_path) is not None
    answers_as_a_whole_read(store_path)


@pytest.mark.parametrize("shifts_before_dropping", [2, documents.SHIFTS_BEFORE_DROPPING])
def test_replacing_articles_in_many_batches_builds_the_index_once(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, shifts_before_dropping: int
) -> None:
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", shifts_before_dropping)
    rebuilt = rebuilds_counted(monkeypatch)
    edited, sources = edited_articles()
    store = Store(store_path, extractor=edited.__getitem__)
    outcomes = store.ingest(list(zip(sources[:12], list(edited)[:12], strict=True)), batch_size=3)
    assert [outcome.replaced for outcome in outcomes] == [True] * 12
    assert len(rebuilt) == (1 if shifts_before_dropping < 4 else 0)
    answers_as_a_whole_read(store_path, [*QUERIES, "edited"])


def test_a_run_of_batches_stopped_early_leaves_no_index_until_the_next_write(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", 2)
    batches = reextracted_in_batches(store_path)
    for _ in range(documents.SHIFTS_BEFORE_DROPPING):
        assert len(next(batches)) == 4
        assert read_by_key(store_path) is not None
    assert len(next(batches)) == 4
    batches.close()
    assert read_by_key(store_path) is None
    quotes_before = len(Store(store_path).snapshot.stored_quotes)
    found_before = {query: whole_entries(store_path, query) for query in QUERIES}
    assert sum(map(bool, found_before.values())) > len(QUERIES) // 2
    rebuilt = rebuilds_counted(monkeypatch)
    late = "Late\n\u201cThe harbor waits,\u201d said Ann Lee.\n"
    Store(store_path, extractor=tagged_extract).ingest([("late.txt", late)])
    assert len(rebuilt) == 1 and read_by_key(store_path) is not None
    for query in QUERIES:
        found = keyed_entries(store_path, query)
        assert found == whole_entries(store_path, query), query
        assert [entry for entry in found if entry < quotes_before] == found_before[query], query


@pytest.mark.parametrize("files", ["one", "a part each"])
@pytest.mark.parametrize("which", ["first", "middle", "last", "three"])
def test_removing_articles_moves_the_index_instead_of_building_it_again(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, which: str, files: str
) -> None:
    """Building the index again took 15 s at 50,000 articles for `whosaid rm` of one article: the later quotes'
    positions are moved in the stored parts instead, and every search answers as a whole read does; with the
    index in one file (moved as parsed documents), or a part a file (moved from their bytes)."""
    if files == "a part each":
        index_in_a_file_a_part(store_path, monkeypatch)
        assert len(json.loads(store_path.read_text())["whosaid"]["tables"]["search"]) > 10
    rebuilt = rebuilds_counted(monkeypatch)
    store = Store(store_path)
    articles = store.snapshot.articles
    chosen = {"first": [0], "middle": [17], "last": [len(articles) - 1], "three": [2, 19, 33]}[which]
    quotes_before = len(store.snapshot.stored_quotes)
    removed = store.remove(articles[n].content_hash for n in chosen)
    assert len(removed) == len(chosen) and rebuilt == []
    assert len(Store(store_path).snapshot.stored_quotes) < quotes_before
    assert read_by_key(store_path) is not None
    answers_as_a_whole_read(store_path)
    late = "Late\n\u201cThe harbor waits for the budget,\u201d said Ann Lee.\n"
    Store(store_path, extractor=tagged_extract).ingest([("late.txt", late)])
    assert rebuilt == []
    answers_as_a_whole_read(store_path, [*QUERIES, "waits"])


def test_an_ingest_that_replaces_a_few_articles_moves_the_index(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilt = rebuilds_counted(monkeypatch)
    edited, sources = edited_articles()
    chosen = [3, 22]
    outcomes = Store(store_path, extractor=edited.__getitem__).ingest(
        [(sources[n], list(edited)[n]) for n in chosen], batch_size=1
    )
    assert [outcome.replaced for outcome in outcomes] == [True, True] and rebuilt == []
    answers_as_a_whole_read(store_path)
    texts = [article.text for article in Store(store_path).snapshot.articles]
    assert sum(text.startswith("Edited story") for text in texts) == 2 and len(texts) == 40


def test_a_run_that_left_the_index_out_builds_it_even_after_another_process_wrote(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process's write makes this one read the lookups again, which do not say the index was left out."""
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", 2)
    made = made_articles()
    batches = reextracted_in_batches(store_path)
    for _ in range(documents.SHIFTS_BEFORE_DROPPING + 1):
        next(batches)
    assert read_by_key(store_path) is None
    other = Store(store_path, extractor=made.__getitem__)
    assert [outcome.added for outcome in other.ingest([("again.txt", next(iter(made)))])] == [False]
    rebuilt = rebuilds_counted(monkeypatch)
    for _ in batches:
        pass
    assert len(rebuilt) == 1 and read_by_key(store_path) is not None
    answers_as_a_whole_read(store_path)


def index_files_written_ahead(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each index part written from now on in a file of its own; a list that gets the name of each file written
    ahead of its write (see `Tables.write_ahead`)."""
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 1)
    monkeypatch.setattr(index_parts, "REBUILT_PARTS", 1)
    written: list[str] = []
    write_ahead = storage.Tables.write_ahead

    def noted(tables: storage.Tables, name: str, number: int, *arguments: object, **keywords: object) -> None:
        write_ahead(tables, name, number, *arguments, **keywords)  # type: ignore[arg-type]
        written.append(tables.files[name][number][0])

    monkeypatch.setattr(storage.Tables, "write_ahead", noted)
    return written


def stored_and_named_files(store_path: Path) -> tuple[set[str], set[str]]:
    """The files of a store's table directory, and those its manifest names."""
    manifest = json.loads(store_path.read_text(encoding="utf-8"))["whosaid"]
    named = {file for segments in manifest["tables"].values() for file, _count in segments}
    stored = {path.name for path in table_directory(store_path).iterdir() if path.name.count(".") == 3}
    return stored, named


def test_an_index_in_many_files_is_built_again_and_moved_a_file_at_a_time(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the index again held every part until the write (340 MB at 100,000 articles), and moving it every
    file after the first removed quote: each file is written as soon as it is made, and let go."""
    written = index_files_written_ahead(monkeypatch)
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", 0)
    rebuilt = rebuilds_counted(monkeypatch)
    for _ in reextracted_in_batches(store_path):
        pass
    assert len(rebuilt) == 1 and len(written) > 3
    stored, named = stored_and_named_files(store_path)
    assert set(written) <= named and {file for file in stored - named if not file.startswith("lookups.")} == set()
    answers_as_a_whole_read(store_path)
    store = Store(store_path)
    written.clear()
    store.remove([store.snapshot.articles[20].content_hash])
    assert len(written) > 3 and set(written) <= stored_and_named_files(store_path)[1]
    answers_as_a_whole_read(store_path)


def index_in_a_file_a_part(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The `store_path` store's index built again in files of one part each (every article read again); the list
    `index_files_written_ahead` gives, emptied."""
    written = index_files_written_ahead(monkeypatch)
    monkeypatch.setattr(documents, "SHIFTS_BEFORE_DROPPING", 0)
    for _ in reextracted_in_batches(store_path):
        pass
    written.clear()
    return written


@pytest.mark.parametrize("failure", ["the disk is full", "interrupted before the write"])
def test_a_write_that_fails_after_moving_the_index_leaves_the_store_and_its_files_as_they_were(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    written = index_in_a_file_a_part(store_path, monkeypatch)
    manifest, files = store_path.read_bytes(), sorted(table_directory(store_path).iterdir())
    found = {query: whole_entries(store_path, query) for query in QUERIES}

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    if failure == "the disk is full":
        monkeypatch.setattr(storage, "write_atomically", full_disk)
        expected: type[BaseException] = StoreError
    else:
        monkeypatch.setattr(documents, "update_index_parts", interrupted)
        expected = KeyboardInterrupt
    store = Store(store_path)
    with pytest.raises(expected):
        store.remove([store.snapshot.articles[20].content_hash])
    assert len(written) > 3
    assert store_path.read_bytes() == manifest and sorted(table_directory(store_path).iterdir()) == files
    monkeypatch.undo()
    assert {query: whole_entries(store_path, query) for query in QUERIES} == found
    answers_as_a_whole_read(store_path)


def test_exported_rows_made_from_documents_are_the_rows_made_from_records(store_path: Path) -> None:
    """An export made from the stored documents (a command's, made once for each speaker in each article) is what the
    app's export, made from records, writes: copies printed by several articles, organizations speaking, quotes
    without a speaker, dates and outlets missing."""
    from store.export import EXPORT_FORMATS, document_lines, export_lines

    snapshot = Store(store_path).snapshot
    quotes = snapshot.quote_entries()
    assert len(quotes) > 50 and any(len(snapshot.quote_sources(quote)) > 1 for quote in quotes)
    for form in EXPORT_FORMATS:
        made = list(document_lines(QuoteDocuments.of(snapshot), quotes.positions, form))
        assert made == list(export_lines(snapshot, quotes, form)), form


@pytest.mark.parametrize("child", ["makes", "fails", "cannot fork", "reaped unseen"])
def test_a_long_listing_made_half_in_a_forked_process_prints_what_one_process_prints(
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    child: str,
) -> None:
    """The second half of a listing of many found quotes is made by a forked process on another core (0.87 s
    instead of 1.25 s at 10,000 articles): its lines, their order, copies and count are those one process makes;
    if the forked process fails, or cannot be forked, this one makes them; one reaped unseen is read all the same."""
    import os
    import signal

    from store import parallel
    from tui import forked_lines

    monkeypatch.setattr(cli, "KEYED_MATCHES", 3)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 2)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    started: list[bool] = []
    forked_init = forked_lines.ForkedLines.__init__

    def noted(forked: forked_lines.ForkedLines, make: object) -> None:
        forked_init(forked, make)  # type: ignore[arg-type]
        started.append(forked.started)

    monkeypatch.setattr(forked_lines.ForkedLines, "__init__", noted)
    if child == "fails":
        monkeypatch.setattr(forked_lines, "_write_lines", lambda make, descriptor: os._exit(1))
    if child == "cannot fork":

        def no_fork() -> int:
            raise OSError("no more processes")

        monkeypatch.setattr(os, "fork", no_fork)
    if child == "reaped unseen":  # a shell's `trap '' CHLD`: the copy is reaped before it is waited for
        previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        request.addfinalizer(lambda: signal.signal(signal.SIGCHLD, previous))
    copied = 0
    for query in ["harbor", "the", "council", "budget"]:
        for form in ("--jsonl", "--json", "--plain"):
            arguments = [query, *([form] if form != "--plain" else [])]
            with monkeypatch.context() as one:
                one.setattr(cli, "SPLIT_AT_LEAST", 10**9)
                expected = printed(capsys, store_path, *arguments)
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                assert printed(capsys, store_path, *arguments) == expected, arguments
            monkeypatch.setattr(cli, "SPLIT_AT_LEAST", 1)
            assert printed(capsys, store_path, *arguments) == expected, (arguments, child)
            copied += " sources)" in expected[1] or '},{"article"' in expected[1]
    assert copied >= 3
    assert started and all(started) == (child != "cannot fork") and any(started) == (child != "cannot fork")


def test_the_forked_process_ends_with_the_search_and_never_holds_its_output_open(store_path: Path) -> None:
    """`whosaid search WORD | head` or a search killed midway: the process making the later lines ends with the
    search, so whoever reads its output sees the end at once, not when the copy has made its lines."""
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import os, sys, time\n"
        "import tui.cli as cli\n"
        "from store import parallel\n"
        "search = os.getpid()\n"
        "cli.KEYED_MATCHES, cli.FIRST_LINES_BY_KEY, cli.SPLIT_AT_LEAST = 3, 2, 1\n"
        "parallel.default_jobs = lambda: 2\n"
        "lines = cli.QuoteLines._lines\n"
        "def slow(self, positions):\n"
        "    for line in lines(self, positions):\n"
        "        if os.getpid() != search:\n"
        "            time.sleep(2)\n"
        "        yield line\n"
        "cli.QuoteLines._lines = slow\n"
        f"sys.exit(cli.main(['search', '--db', {str(store_path)!r}, 'harbor', '--jsonl']))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b'{"text"')
    time.sleep(1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    started = time.monotonic()
    process.stdout.read()
    assert time.monotonic() - started < 1.5, "the copy held the output open after the search ended"


def test_a_search_by_date_of_an_archive_added_in_date_order_streams_the_quote_files_as_one_in_stored_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`whosaid search WORD --sort date` for a word half the quotes hold read the whole store (30 s at 100,000
    articles, against 11 s in stored order), though the articles were added in the order of their dates and so
    listed in stored order: such a search streams the quote files as the stored order does, and prints the same."""
    monkeypatch.setattr(index_parts, "INDEX_PART_QUOTES", 5)
    monkeypatch.setattr(cli, "KEYED_MATCHES", 8)
    monkeypatch.setattr(cli, "FIRST_LINES_BY_KEY", 3)
    made = made_articles()
    path = tmp_path / "store.json"
    store = Store(path, extractor=made.__getitem__)
    for number, text in enumerate(made):
        store.ingest([(f"a{number}.txt", text, {"date": f"2024-{1 + number // 28:02d}-{1 + number % 28:02d}"})])
    whole_reads: list[Path] = []
    open_existing_store = cli.open_existing_store

    def noted(opened: Path) -> object:
        whole_reads.append(opened)
        return open_existing_store(opened)

    streamed = 0
    for query in ["harbor", "budget", "council", "the"]:
        matched = len(KeyedSearch(read_by_key(path)).positions(parse_query(query + " ")))  # type: ignore[arg-type]
        for form in ("--jsonl", "--json"):
            arguments = [query, "--sort", "date", form]
            with monkeypatch.context() as whole:
                whole.setattr(cli, "keyed_entries", lambda *_: None)
                expected = printed(capsys, path, *arguments)
            whole_reads.clear()
            with monkeypatch.context() as patched:
                patched.setattr(cli, "open_existing_store", noted)
                found = printed(capsys, path, *arguments)
            assert found == expected, arguments
            if matched > 8:
                assert not whole_reads, arguments
                streamed += 1
    assert streamed >= 4
