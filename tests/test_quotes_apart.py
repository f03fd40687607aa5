"""People whose quotes the writer found all apart are marked, and a listing takes their quotes as they are: the
same lines as grouping every speaker's quotes, without reading or normalising theirs."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from store import Store, documents, quote_groups
from store.keyed_index import KeyedStore
from store.model import Extraction, Person
from store.quote_digest import QUOTES_DIGEST, apart_from, digest_of, digest_with, quote_hashes
from store.quote_groups import QUOTES_APART, runs_apart, speaker_groups
from store.speaker_names import SpeakerNames
from tests.test_quote_groups import FULL, WIRE, article_text, fake_extract
from tui.cli import main


def person(path: Path, key: str) -> dict[str, object]:
    """A stored person's document."""
    document = Store(path).snapshot.person_document(key)
    assert document is not None
    return dict(document)


def wire_articles(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, dict[str, str]]]:
    """Articles of rows shaped as `WIRE`'s."""
    return [
        (name, article_text(name.split(".")[0].title(), printed, speaker), {"outlet": outlet, "date": date})
        for name, outlet, date, printed, speaker in rows
    ]


def test_the_writer_marks_people_whose_quotes_are_all_apart_and_keeps_the_mark_while_they_stay_apart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.json"
    Store(path, extractor=fake_extract).ingest(wire_articles(WIRE))
    assert QUOTES_APART not in person(path, "ann lee")
    assert QUOTES_DIGEST not in person(path, "ann lee")
    assert person(path, "tom berg")[QUOTES_APART] is True
    said = "\u201cThe storms came early this year, as we feared,\u201d"
    later = ("later.txt", "Later", "2024-08-01", said, "Tom Berg")
    Store(path, extractor=fake_extract).ingest(wire_articles([later]))
    assert person(path, "tom berg")[QUOTES_APART] is True
    assert len(person(path, "tom berg")[QUOTES_DIGEST]) == 2  # type: ignore[arg-type]
    excerpt = "\u201cthe winter storms arrive, and nobody will stop us.\u201d"
    excerpted = ("excerpt.txt", "Later", "2024-08-02", excerpt, "Tom Berg")
    Store(path, extractor=fake_extract).ingest(wire_articles([excerpted]))
    assert QUOTES_APART not in person(path, "tom berg")
    assert QUOTES_DIGEST not in person(path, "tom berg")
    apart = ("apart.txt", "Later", "2024-08-03", "\u201cNobody asked me about the harbor,\u201d", "Tom Berg")
    Store(path, extractor=fake_extract).ingest(wire_articles([apart]))
    assert QUOTES_APART not in person(path, "tom berg")
    alone = ("alone.txt", "Later", "2024-08-02", "\u201cNobody asked me about the harbor,\u201d", "Eve Moss")
    Store(path, extractor=fake_extract).ingest(wire_articles([alone]))
    assert person(path, "eve moss")[QUOTES_APART] is True


def test_a_copy_in_a_later_write_costs_the_mark(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    first, second = wire_articles(WIRE[:2])
    Store(path, extractor=fake_extract).ingest([first])
    assert person(path, "ann lee")[QUOTES_APART] is True
    Store(path, extractor=fake_extract).ingest([second])
    assert QUOTES_APART not in person(path, "ann lee")
    assert main(["search", "harbor", "--json", "--db", str(path)]) == 0


def test_a_person_named_before_they_are_quoted_is_marked_once_quoted(tmp_path: Path) -> None:
    def naming_eve_too(text: str) -> Extraction:
        found = fake_extract(text)
        return replace(found, people=(*found.people, Person("Eve Moss")))

    path = tmp_path / "store.json"
    Store(path, extractor=naming_eve_too).ingest(wire_articles([row for row in WIRE if row[4] == "Tom Berg"]))
    assert person(path, "eve moss")[QUOTES_APART] is True
    alone = ("alone.txt", "Later", "2024-08-02", "\u201cNobody asked me about the harbor,\u201d", "Eve Moss")
    Store(path, extractor=fake_extract).ingest(wire_articles([alone]))
    assert person(path, "eve moss")[QUOTES_APART] is True
    again = ("again.txt", "Later", "2024-08-03", "\u201cnobody asked me about the harbor\u201d", "Eve Moss")
    Store(path, extractor=fake_extract).ingest(wire_articles([again]))
    assert QUOTES_APART not in person(path, "eve moss")


def test_a_person_marked_without_a_digest_loses_the_mark_when_given_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    tom = wire_articles([row for row in WIRE if row[4] == "Tom Berg"])
    with monkeypatch.context() as patched:
        patched.setattr(documents, "QUOTES_DIGEST", "kept elsewhere")
        Store(path, extractor=fake_extract).ingest(tom)
    assert person(path, "tom berg")[QUOTES_APART] is True
    assert QUOTES_DIGEST not in person(path, "tom berg")
    later = ("later.txt", "Later", "2024-08-01", "\u201cNobody asked me about the harbor,\u201d", "Tom Berg")
    Store(path, extractor=fake_extract).ingest(wire_articles([later]))
    assert QUOTES_APART not in person(path, "tom berg")


def test_a_person_quoted_in_every_write_keeps_the_mark_with_a_few_filters(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    chooser = random.Random(5)
    words = [f"harbor{number}" for number in range(300)]
    for day in range(1, 33):
        said = " ".join(chooser.choices(words, k=12)).capitalize()
        row = (f"day{day}.txt", "Wire", f"2024-07-{day % 28 + 1:02d}", f"\u201c{said},\u201d", "Tom Berg")
        Store(path, extractor=fake_extract).ingest(wire_articles([row]))
    stored = person(path, "tom berg")
    assert stored[QUOTES_APART] is True
    assert 1 < len(stored[QUOTES_DIGEST]) <= 6  # type: ignore[arg-type]


@pytest.mark.parametrize("digest", [None, "not a list", ["%%%"], [123], ["AAAA"], ["d1.%%%"], ["AQAAAAAAAAAA"]])
def test_a_digest_that_is_not_one_tells_nothing_apart(digest: object) -> None:
    asked = [quote_hashes("Nobody asked me about the harbor")]
    assert apart_from([digest_of([quote_hashes("We met the mayor on Tuesday morning")])], asked)
    assert not apart_from(digest, asked)


def test_a_digest_is_written_the_same_in_every_process_and_one_of_an_earlier_version_is_still_read() -> None:
    said = [quote_hashes("We will build the drones together with our partners this year"), quote_hashes("Not now")]
    assert digest_of(said) == "d2.AgAAAAoAAABqYbV40KB/8wKQEJEB"
    earlier = "d1.AgAAAGphtXjQoH/zApAQkQE="  # what whosaid wrote for these two quotes before filters grew
    excerpt, other = quote_hashes("we will build the drones together"), quote_hashes("The harbor opens again, he said")
    for digest in ([digest_of(said)], [earlier]):
        assert not apart_from(digest, [excerpt])
        assert apart_from(digest, [other])
    later = digest_with([earlier], [other])
    assert later[0] == earlier and len(later) == 2
    assert not apart_from(later, [excerpt])
    assert not apart_from(later, [quote_hashes("the harbor opens again, he said")])


def test_a_person_quoted_in_many_writes_keeps_a_few_filters_that_still_tell_every_earlier_quote() -> None:
    chooser = random.Random(21)
    vocabulary = [f"w{number}" for number in range(400)]
    digest: list[str] = []
    said: list[str] = []
    told_apart = 0
    for _ in range(300):
        write = [" ".join(chooser.choices(vocabulary, k=chooser.randrange(8, 25))) for _ in range(2)]
        hashes = [quote_hashes(text) for text in write]
        told_apart += apart_from(digest, hashes) or not digest
        digest = digest_with(digest, hashes)
        said.extend(write)
    assert len(digest) <= 10
    assert told_apart >= 0.95 * 300
    for text in said:
        words = text.split()
        assert not apart_from(digest, [quote_hashes(text)])
        assert not apart_from(digest, [quote_hashes(" ".join(words[2:8]).upper())])
        assert not apart_from(digest, [quote_hashes(f"And then {text} we said")])


def random_runs(seed: int) -> list[list[str]]:
    """Runs of quote texts, each one speaker's: some with copies, excerpts or empty texts among them."""
    chooser = random.Random(seed)
    words = FULL.lower().split()
    runs = []
    for _ in range(400):
        run: list[str] = []
        for _ in range(chooser.randint(1, 16)):
            roll = chooser.random()
            if run and roll < 0.1:
                run.append(chooser.choice(run).upper() + ".")
            elif run and roll < 0.2:
                taken = chooser.choice(run).split()
                start = chooser.randint(0, max(len(taken) - 6, 0))
                run.append(" ".join(taken[start : start + chooser.randint(3, 9)]))
            elif roll < 0.22:
                run.append("?!")
            else:
                run.append(" ".join(chooser.choice(words) for _ in range(chooser.randint(2, 14))))
        runs.append(run)
    return runs


def related_pair(run: list[str]) -> bool:
    """Whether two quotes of a run have the same words, or one has the other's (six words or more) as a run of its
    own: by comparing every pair, word lists and all."""
    said = [quote_groups.normalised(text).split() for text in run]
    for one, words in enumerate(said):
        for other, longer in enumerate(said):
            if one == other or not words or not longer:
                continue
            size = len(words)
            if words == longer or (
                quote_groups.MIN_EXCERPT_WORDS <= size < len(longer)
                and any(longer[start : start + size] == words for start in range(len(longer) - size + 1))
            ):
                return True
    return False


def test_runs_told_apart_at_once_are_those_with_no_two_quotes_related() -> None:
    runs = random_runs(11)
    told = runs_apart(runs)
    assert told == [not related_pair(run) for run in runs]
    assert 50 < sum(told) < len(runs) - 50
    for run, apart in zip(runs, told, strict=True):
        assert not apart or not speaker_groups(list(range(len(run))), quote_groups.padded_words(run)).copies


def test_an_excerpt_of_two_quotes_keeps_its_speaker_unmarked_so_that_removing_one_leaves_no_copies_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    longer = ["one two three four five six seven eight", "zero one two three four five six nine"]
    excerpt = "one two three four five six"
    assert runs_apart([longer]) == [True]
    assert runs_apart([[*longer, excerpt]]) == [False]
    assert not speaker_groups([0, 1, 2], quote_groups.padded_words([*longer, excerpt])).copies
    path = tmp_path / "store.json"
    texts = [*longer, excerpt]
    rows = [(f"a{n}.txt", "Outlet", "2024-07-01", f"\u201c{text},\u201d", "Ann Lee") for n, text in enumerate(texts)]
    Store(path, extractor=fake_extract).ingest(wire_articles(rows))
    assert QUOTES_APART not in person(path, "ann lee")
    assert main(["rm", "a1.txt", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["search", "three", "--jsonl", "--db", str(path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_quote_is_not_apart_from_an_earlier_one_it_holds_or_is_held_in_wherever_the_run_stands() -> None:
    said = "We will rebuild the harbor before the winter storms arrive, and nobody will stop us"
    longer, words = quote_hashes(said), said.split()
    for start in range(len(words) - 5):
        for size in range(6, len(words) - start + 1):
            excerpt = quote_hashes(" ".join(words[start : start + size]).upper())
            assert not apart_from([digest_of([excerpt])], [longer])
            assert not apart_from([digest_of([longer])], [excerpt])
            assert not apart_from([digest_of([quote_hashes("We met the mayor"), excerpt])], [longer])
    assert apart_from([digest_of([quote_hashes("Storms are coming to the harbor now")])], [longer])
    assert apart_from([digest_of([longer])], [quote_hashes("Storms are coming to the harbor now")])


def test_quotes_told_apart_from_a_digest_are_apart_from_the_quotes_digested() -> None:
    chooser = random.Random(12)
    told_apart = truly_apart = 0
    for run in random_runs(13) + random_runs(14):
        cuts = sorted(chooser.sample(range(1, len(run)), min(2, len(run) - 1))) if len(run) > 1 else []
        writes = [run[start:end] for start, end in zip([0, *cuts], [*cuts, len(run)], strict=True)]
        digest: list[str] = []
        marked = True
        for write in writes:
            said = [quote_hashes(text) for text in write]
            marked = marked and runs_apart([write])[0] and apart_from(digest, said)
            digest = digest_with(digest, said)
        apart = runs_apart([run])[0]
        assert apart or not marked
        truly_apart += apart
        told_apart += marked
    assert told_apart >= 0.95 * truly_apart > 100


def stored_with_copies(path: Path) -> None:
    """A store of many short articles, written in batches: people quoted in one batch only, or in several, once or
    several times, some of their quotes copies or excerpts of others, some always apart."""
    chooser = random.Random(4)
    runs = random_runs(7)
    rows = []
    for number in range(240):
        batch = number // 20
        roll = chooser.random()
        name = f"{batch}{chooser.randrange(8)}" if roll < 0.7 else f"Shared {chooser.randrange(6)}"
        speaker = f"Speaker {name}"
        text = chooser.choice(runs[sum(map(ord, speaker)) % len(runs)])
        if roll > 0.9:
            speaker = f"Speaker Again {chooser.randrange(4)}"
            text = " ".join(chooser.choice(FULL.split()) for _ in range(chooser.randint(7, 12)))
        rows.append((f"a{number}.txt", f"Outlet {number % 5}", "2024-07-01", f"\u201c{text},\u201d", speaker))
    for start in range(0, len(rows), 60):
        Store(path, extractor=fake_extract).ingest(wire_articles(rows[start : start + 60]), batch_size=20)


@pytest.mark.parametrize("query", ["harbor", "storms winter", "the"])
def test_a_listing_prints_what_grouping_every_speaker_prints_and_normalises_no_marked_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    path = tmp_path / "store.json"
    stored_with_copies(path)
    quotes = Store(path).snapshot.stored_quotes
    names = quotes._speaker_names  # type: ignore[attr-defined]
    speakers = quotes.speakers()
    marked = {speaker for speaker in speakers if speaker is not None and names.quotes_apart(speaker)}
    assert len(marked) > 20 and len(set(speakers) - marked) > 20
    texts = quotes.texts()
    for speaker in marked:
        said = [texts[position] for position, by in enumerate(speakers) if by == speaker]
        assert not speaker_groups(list(range(len(said))), quote_groups.padded_words(said)).copies
    assert any(names.quotes_apart(f"person:speaker again {number}") for number in range(4))
    read: list[int] = []
    texts_at = quote_groups.texts_at
    monkeypatch.setattr(
        quote_groups, "texts_at", lambda texts, positions: read.extend(positions) or texts_at(texts, positions)
    )
    printed = {}
    for form in ("--json", "--jsonl"):
        assert main(["search", *query.split(), form, "--db", str(path)]) == 0
        printed[form] = capsys.readouterr().out
    entries = list(Store(path).snapshot.search_entries(f"{query} "))
    assert read and not marked & {speakers[position] for position in read}
    monkeypatch.setattr(SpeakerNames, "quotes_apart", lambda self, speaker: False)
    monkeypatch.setattr(KeyedStore, "quotes_apart", lambda self, speaker: False)
    for form in ("--json", "--jsonl"):
        assert main(["search", *query.split(), form, "--db", str(path)]) == 0
        assert capsys.readouterr().out == printed[form]
    assert list(Store(path).snapshot.search_entries(f"{query} ")) == entries
