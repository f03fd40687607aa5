"""A folder ingested again: only its new and edited texts are extracted, the stored ones are told unchanged."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Extraction, Store
from store.keys import content_hash
from store.parallel import extracted_in_workers
from tests.conftest import tagged_extract
from tests.test_ingest_jobs import store_contents, write_articles
from tests.test_reextract import articles
from tui.cli import main


class CountingExtractor:
    """The tagged stand-in extractor, noting each text it reads."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, text: str) -> Extraction:
        self.read.append(text)
        return tagged_extract(text)


def test_a_store_ingesting_texts_it_holds_extracts_only_the_new_and_edited_ones(store_path: Path) -> None:
    texts = articles(6)
    Store(store_path, extractor=tagged_extract).ingest([(f"{n}.txt", text) for n, (_, text) in enumerate(texts)])
    edited = texts[2][1].replace("said", "said again", 1)
    extractor = CountingExtractor()
    again = [(f"{n}.txt", text) for n, (_, text) in enumerate(texts)]
    again[2] = ("2.txt", edited)
    again.append(("6.txt", articles(7)[6][1]))
    outcomes = Store(store_path, extractor=extractor).ingest(again, batch_size=3)
    assert extractor.read == [edited, articles(7)[6][1]]
    assert [(outcome.added, outcome.replaced) for outcome in outcomes] == [
        (False, False),
        (False, False),
        (True, True),
        (False, False),
        (False, False),
        (False, False),
        (True, False),
    ]


def test_a_text_passed_over_as_stored_but_gone_by_the_write_is_extracted_then(store_path: Path) -> None:
    texts = articles(3)
    Store(store_path, extractor=tagged_extract).ingest([(f"{n}.txt", text) for n, (_, text) in enumerate(texts)])
    extractor = CountingExtractor()
    store = Store(store_path, extractor=extractor)
    assert store.already_read(texts[1][1]) is False
    store.ingest([("0.txt", texts[0][1])])
    assert store.already_read(texts[1][1]) is True
    Store(store_path).remove([content_hash(texts[1][1])])
    batches = list(store.ingest_extracted_in_batches([(("1.txt", texts[1][1]), None), (("0.txt", texts[0][1]), None)]))
    assert [(outcome.added, outcome.title) for outcome in batches[0]] == [(True, "Story 1"), (False, "Story 0")]
    assert extractor.read == [texts[1][1]]
    snapshot = Store(store_path).snapshot
    assert [article.title for article in snapshot.articles] == ["Story 0", "Story 2", "Story 1"]
    assert len(snapshot.quotes) == 6


def test_workers_are_not_sent_the_texts_skip_passes_over() -> None:
    items = [(f"{n}.txt", "x" * n) for n in range(40)]
    found = list(extracted_in_workers(iter(items), jobs=2, ahead=8, work=len, skip=lambda item: len(item[1]) % 3 == 0))
    assert [item for item, _ in found] == items
    assert [extraction for _, extraction in found] == [None if n % 3 == 0 else n for n in range(40)]


def test_ingesting_a_folder_again_reads_only_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, store = tmp_path / "news", tmp_path / "store.json"
    write_articles(folder, 12)
    assert main(["ingest", str(folder), "--db", str(store), "--jobs", "1"]) == 0
    before = store_contents(store)
    capsys.readouterr()
    for jobs in ("1", "2"):
        assert main(["ingest", str(folder), "--db", str(store), "--jobs", jobs, "--batch-size", "5"]) == 0
        out, err = capsys.readouterr()
        assert err.strip().splitlines()[-1] == "0 added, 0 replaced, 12 unchanged, 0 failed"
        assert out.splitlines()[3] == f"unchanged {folder / '003.txt'}: already stored (Story 3)"
    assert store_contents(store) == before


def test_a_file_with_the_text_of_an_article_stored_from_elsewhere_says_where_that_article_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = '\n"We expect a deal by Friday," said Helga Schmidt, a spokeswoman for Siemens.\n'
    wire, copy, store = tmp_path / "ap.txt", tmp_path / "copy.txt", tmp_path / "store.json"
    wire.write_text("---\ntitle: Talks (AP)\nsource: AP\n---\n" + body, encoding="utf-8")
    copy.write_text("---\ntitle: Talks\n---\n" + body, encoding="utf-8")
    assert main(["ingest", str(wire), str(copy), "--db", str(store), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[1] == f"unchanged {copy}: the same text as {wire}, stored already (Talks (AP))"
    assert err.strip().splitlines()[-1] == "1 added, 0 replaced, 1 unchanged, 0 failed"
    assert main(["ingest", str(wire), "--db", str(store), "--jobs", "1"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"unchanged {wire}: already stored (Talks (AP))"]


def test_the_same_text_from_another_outlet_is_another_article_and_read_again_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reuters' printing of an AP story was "unchanged: the same text as ap.txt", its outlet and title dropped."""
    body = '\n"We expect a deal by Friday," said Helga Schmidt, a spokeswoman for Siemens.\n'
    wire, other, store = tmp_path / "ap.txt", tmp_path / "reuters.txt", tmp_path / "store.json"
    wire.write_text("---\ntitle: Talks (AP)\nsource: AP\n---\n" + body, encoding="utf-8")
    other.write_text("---\ntitle: Talks (Reuters)\nsource: Reuters\n---\n" + body, encoding="utf-8")
    for jobs in ("1", "2"):
        assert main(["ingest", str(wire), str(other), "--db", str(store), "--jobs", jobs]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[1].startswith(f"added {other}: Talks (Reuters)")
    assert out.splitlines()[2:] == [
        f"unchanged {wire}: already stored (Talks (AP))",
        f"unchanged {other}: already stored (Talks (Reuters))",
    ]
    assert err.strip().splitlines()[-1] == "0 added, 0 replaced, 2 unchanged, 0 failed"
    assert main(["search", "deal", "--db", str(store), "--json"]) == 0
    [quote] = json.loads(capsys.readouterr().out)["quotes"]
    assert [source["outlet"] for source in quote["sources"]] == ["AP", "Reuters"]


def test_a_file_edited_to_the_text_of_another_stored_article_drops_its_earlier_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """b.txt edited to hold a.txt's text was 'unchanged': its earlier version stayed stored, and its quotes, which the
    file no longer holds, still came up in every search."""
    first, second = (text for _, text in articles(2))
    a, b, store = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "store.json"
    a.write_text(first, encoding="utf-8")
    b.write_text(second, encoding="utf-8")
    assert main(["ingest", str(a), str(b), "--db", str(store), "--jobs", "1"]) == 0
    b.write_text(first, encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(b), "--db", str(store), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"replaced {b}: now the same text as {a}, stored already (")
    assert out.rstrip().endswith("its earlier version removed")
    assert err.strip().splitlines()[-1] == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert [article.source for article in Store(store).snapshot.articles] == [str(a)]
    assert main(["ingest", str(b), "--db", str(store), "--jobs", "1"]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"


def test_a_stored_text_a_replacement_in_the_same_batch_removed_is_extracted_and_added(store_path: Path) -> None:
    first, second = (text for _, text in articles(2))
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", first)])
    extractor = CountingExtractor()
    outcomes = Store(store_path, extractor=extractor).ingest([("a.txt", second), ("b.txt", first)])
    assert [(outcome.added, outcome.replaced) for outcome in outcomes] == [(True, True), (True, False)]
    assert extractor.read == [second, first]
    assert sorted(article.title for article in Store(store_path).snapshot.articles) == ["Story 0", "Story 1"]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("batch_size", ["1", "200"])
def test_texts_moved_between_files_read_again_are_all_still_stored(tmp_path: Path, jobs: str, batch_size: str) -> None:
    """Two files swapping texts, and a rolling export whose oldest item went: the first input's text was the
    earlier version of the second, which removed it though the first still held it (exit 0, the text lost)."""
    texts = [text for _, text in articles(5)]
    x, z, store = tmp_path / "x.txt", tmp_path / "z.txt", tmp_path / "store.json"
    feed = tmp_path / "items.jsonl"
    x.write_text(texts[0], encoding="utf-8")
    z.write_text(texts[1], encoding="utf-8")
    feed.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts[2:]), encoding="utf-8")
    options = ["--db", str(store), "--jobs", jobs, "--batch-size", batch_size]
    assert main(["ingest", str(x), str(z), str(feed), *options]) == 0
    x.write_text(texts[1], encoding="utf-8")
    z.write_text(texts[0], encoding="utf-8")
    feed.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts[3:]), encoding="utf-8")
    assert main(["ingest", str(x), str(z), str(feed), *options]) == 0
    sources = {article.content_hash: article.source for article in Store(store).snapshot.articles}
    assert sources[content_hash(texts[1])] == str(x) and sources[content_hash(texts[0])] == str(z)
    assert sources[content_hash(texts[3])] == f"{feed}#1" and content_hash(texts[4]) in sources
    assert content_hash(texts[2]) not in sources


def extracted_as_tagged(text: str) -> Extraction:
    """In a worker: the tagged stand-in extraction of a text that is not stored yet ("new" in it)."""
    if "new" not in text:
        raise AssertionError(f"a stored text went to a worker: {text[:40]!r}")
    return tagged_extract(text)


def test_workers_are_sent_no_stored_text_from_the_first_one_on(store_path: Path) -> None:
    texts = [(f"{n}.txt", text) for n, (_, text) in enumerate(articles(40))]
    Store(store_path, extractor=tagged_extract).ingest(texts)
    again = [*texts, ("new.txt", articles(41)[40][1] + "\n\nSomething new.")]
    store = Store(store_path, extractor=tagged_extract)
    extracted = extracted_in_workers(
        iter(again), jobs=2, ahead=8, work=extracted_as_tagged, skip=store.item_already_read
    )
    outcomes = [outcome for batch in store.ingest_extracted_in_batches(extracted, batch_size=7) for outcome in batch]
    assert [outcome.added for outcome in outcomes] == [False] * 40 + [True]
    assert len(Store(store_path).snapshot.articles) == 41


def test_the_items_read_before_an_error_in_reading_come_back_first() -> None:
    def read_until_broken() -> Iterator[tuple[str, str]]:
        for n in range(100):
            if n == 30:
                raise OSError("the disk went away")
            yield (f"{n}.txt", "x" * n)

    found: list[tuple[tuple[str, str], object]] = []
    extracted = extracted_in_workers(
        read_until_broken(), jobs=2, ahead=8, work=len, skip=lambda item: len(item[1]) % 3 == 0
    )
    with pytest.raises(OSError, match="disk went away"):
        for pair in extracted:
            found.append(pair)
    assert [extraction for _, extraction in found] == [None if n % 3 == 0 else n for n in range(30)]


def summary_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The last line `ingest` wrote on stderr."""
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_printings_are_told_apart_the_same_whatever_the_order_and_after_one_is_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An item with a link and the same item without one were two printings in one order and one in the other; a
    second printing read again after the first was removed was "replaced" under another id; two printings read from
    standard input were one."""
    body = '"We expect a deal by Friday," said Helga Schmidt, a spokeswoman for Siemens.'
    item = {"text": body, "title": "Talks", "source": "AP"}
    linked, unlinked = tmp_path / "linked.jsonl", tmp_path / "unlinked.jsonl"
    linked.write_text(json.dumps({**item, "url": "https://ap.example/talks"}) + "\n", encoding="utf-8")
    unlinked.write_text(json.dumps(item) + "\n", encoding="utf-8")
    for number, order in enumerate(([linked, unlinked], [unlinked, linked])):
        store = tmp_path / f"order{number}.json"
        assert main(["ingest", *map(str, order), "--db", str(store), "--jobs", "1"]) == 0
        assert summary_line(capsys) == "1 added, 0 replaced, 1 unchanged, 0 failed"
    ap, reuters, store = tmp_path / "ap.txt", tmp_path / "reuters.txt", tmp_path / "store.json"
    ap.write_text(f"---\ntitle: Talks (AP)\nsource: AP\n---\n\n{body}\n", encoding="utf-8")
    reuters.write_text(f"---\ntitle: Talks (Reuters)\nsource: Reuters\n---\n\n{body}\n", encoding="utf-8")
    assert main(["ingest", str(ap), str(reuters), "--db", str(store), "--jobs", "1"]) == 0
    assert summary_line(capsys) == "2 added, 0 replaced, 0 unchanged, 0 failed"
    assert main(["rm", str(ap), "--db", str(store)]) == 0
    capsys.readouterr()
    for jobs in ("1", "2"):
        assert main(["ingest", str(reuters), "--db", str(store), "--jobs", jobs]) == 0
        assert summary_line(capsys) == "0 added, 0 replaced, 1 unchanged, 0 failed"
    piped = tmp_path / "piped.json"
    for path, expected in ((ap, "1 added"), (reuters, "1 added"), (reuters, "0 added")):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))
        assert main(["ingest", "-", "--db", str(piped), "--jobs", "1"]) == 0
        assert summary_line(capsys).startswith(expected), path


def test_an_input_stating_another_printing_of_a_stored_text_goes_to_a_worker_and_a_copy_does_not(
    store_path: Path,
) -> None:
    """A second outlet's printing was passed over by the workers as read already, then extracted under the lock."""
    text = 'Talks\n\n"We expect a deal by Friday," said Helga Schmidt.\n'
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("ap.txt", text, {"outlet": "AP", "title": "Talks"})])
    store.ingest([])
    fresh = Store(store_path, extractor=tagged_extract)
    list(fresh.ingest_extracted_in_batches([]))
    assert fresh.item_already_read(("ap.txt", text, {"outlet": "AP", "title": "Talks"}))
    assert fresh.item_already_read(("copy.txt", text, {"title": "Talks"}))
    assert fresh.item_already_read(("copy.txt", text))
    assert not fresh.item_already_read(("reuters.txt", text, {"outlet": "Reuters", "title": "Talks"}))
    fresh.ingest([("reuters.txt", text, {"outlet": "Reuters", "title": "Talks"})])
    again = Store(store_path, extractor=tagged_extract)
    list(again.ingest_extracted_in_batches([]))
    assert again.item_already_read(("reuters.txt", text, {"outlet": "Reuters", "title": "Talks"}))
