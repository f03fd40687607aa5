"""A snapshot's quotes as lazy sequences: a record is made from its document only when it is read."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, overload

from store.key_positions import KeyPositions
from store.lazy_records import LazyRecords, Selection
from store.numbered_column import NumberedColumn
from store.packed_texts import PackedTexts
from store.quote_groups import QuoteGroups, first_in_each_article, group_quotes
from store.records import QuoteRecord, TextSource
from store.speaker_names import SpeakerNames, SpeakerPositions, speaker_column


@dataclass(frozen=True)
class QuoteColumns:
    """Every stored quote's text, speaker and article key, by position: what passes over all quotes need, kept
    without the quotes' documents (each speaker and article key held once, however many quotes share it)."""

    texts: Sequence[str]
    speakers: Sequence[str | None]
    """A `NumberedColumn` when compact, as are the article keys."""
    article_keys: Sequence[str]
    places: array | None
    """Each quote's start and paragraph, in turn (4 bytes each); None when a document holds something else than a
    whole number of 32 bits there (its record is then made from its document)."""


def column_document(columns: QuoteColumns, position: int) -> dict[str, Any]:
    """The document of the quote at this position, made from the columns (which must hold its place)."""
    places = columns.places
    assert places is not None
    return {
        "text": columns.texts[position],
        "article": columns.article_keys[position],
        "start": places[2 * position],
        "paragraph": places[2 * position + 1],
        "speaker": columns.speakers[position],
    }


class ColumnDocuments(Sequence[dict[str, Any]]):
    """Every quote's document by position, each made from the compact columns when asked for."""

    def __init__(self, columns: QuoteColumns) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns.texts)

    def __getitem__(self, position: int) -> dict[str, Any]:  # type: ignore[override]
        return column_document(self._columns, position)


MadeRecords = dict[int, QuoteRecord] | list[QuoteRecord | None]
"""The records made so far, by position."""


class QuoteRecords(LazyRecords[QuoteRecord]):
    """Every stored quote in reading order (the positions the search index uses); each record is made from its
    document when first read and, once the quotes are grouped, knows how many stored quotes are the same quote."""

    def __init__(
        self,
        documents: Sequence[dict[str, Any]],
        speaker_names: Mapping[str, str],
        text_source: TextSource,
        compact: bool = False,
        packed_texts: bool = False,
    ) -> None:
        self._compact = compact
        self._packed_texts = packed_texts
        """Whether compact columns hold the texts compressed (see `PackedTexts`), for a big store's browser."""
        """Whether the columns are kept compact (each speaker and article key one string, starts and paragraphs
        in an array, records made from them), for a snapshot that stays open; else they are plain lists taken
        from every document, kept parsed, which is quicker for a process that reads once and ends."""
        self._documents = documents
        self._speaker_names = speaker_names
        self._text_source = text_source
        self._made: tuple[QuoteGroups | None, MadeRecords] = (None, self._no_records())
        """The grouping (None until made) and the records made knowing it, swapped together in one assignment."""
        self._made_positions: dict[str, int] = {}
        """Where each record made from compact columns stands, by its key (see `made_position`)."""
        self._lock = threading.RLock()
        self._flat: list[dict[str, Any]] | None = None
        self._columns: QuoteColumns | None = None

    def __len__(self) -> int:
        return len(self._documents)

    def _no_records(self) -> MadeRecords:
        """Where records are kept once made: by position in a dict for compact columns (a browser makes records
        only for the rows it shows), else a slot for every quote (a process that prints them all)."""
        return {} if self._compact else [None] * len(self._documents)

    @overload
    def __getitem__(self, index: int) -> QuoteRecord: ...

    @overload
    def __getitem__(self, index: slice) -> list[QuoteRecord]: ...

    def __getitem__(self, index: int | slice) -> QuoteRecord | list[QuoteRecord]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("quote index out of range")
        groups, records = self._made
        record = records.get(index) if isinstance(records, dict) else records[index]
        if record is None:
            columns = self._columns
            if self._flat is not None or columns is None or columns.places is None:
                document = self._document_at(index)
            else:
                document = column_document(columns, index)
            copies, printed_by = 1, 1
            if groups is not None:
                members = groups.members_of(index)
                copies = len(members)
                printed_by = 1 if copies == 1 else len(first_in_each_article(members, self._article_key_at))
            record = records[index] = _quote_record(
                document, self._speaker_names, self._text_source, copies, printed_by
            )
            if self._compact:
                self._made_positions[record.key] = index
        return record

    def made_position(self, key: str) -> int | None:
        """Where a quote stands whose record was made from compact columns, by its key, None when none was: a
        browser makes records only for what it shows, so this finds a quote shown before the quotes are grouped
        and found by article. Positions are fixed for the records' life, so grouping (which makes records again)
        forgets none."""
        return self._made_positions.get(key)

    def start_of(self, position: int) -> object:
        """Where the stored quote at this position starts in its article's text, as stored (read from the compact
        columns once they are made, so that no quote file is parsed again for it)."""
        columns = self._columns
        if self._flat is None and columns is not None and columns.places is not None:
            return columns.places[2 * position]
        return self._document_at(position)["start"]

    def speaker_ids(self) -> list[str]:
        """Every person's and organization's speaker id ("person:KEY", "organization:KEY"): the people in the
        snapshot's order, then the organizations."""
        return list(self._speaker_names)

    def speaker_name(self, speaker: str | None) -> str | None:
        """The name of a speaker ("person:KEY", "organization:KEY"), None when unknown or unattributed."""
        return self._speaker_names.get(speaker) if speaker else None

    def all_documents(self) -> list[dict[str, Any]]:
        """Every quote's document, by position, read once into one list and kept: what a process that prints many
        quotes looks them up in (a table's files are otherwise looked up, and maybe parsed again, at each read)."""
        flat = self._flat
        if flat is None:
            flat = self._flat = list(self._documents)
        return flat

    def documents_by_position(self) -> Sequence[Mapping[str, Any]]:
        """Every quote's document, by position: made from the compact columns as each is asked for when they hold
        every quote's place (a command printing a few quotes of a big store parses no quote file again, and holds
        no million documents), else `all_documents`."""
        columns = self._columns
        if self._flat is None and columns is not None and columns.places is not None:
            return ColumnDocuments(columns)
        return self.all_documents()

    @property
    def has_columns(self) -> bool:
        """Whether every quote has been read into the columns (or documents) held."""
        return self._columns is not None or self._flat is not None

    def speaker_at(self, position: int) -> str | None:
        """One stored quote's speaker id: from the columns once read, else from its file."""
        columns = self._columns
        return columns.speakers[position] if columns is not None else self._document_at(position).get("speaker")

    def text_at(self, position: int) -> str:
        """One stored quote's text: from the columns once read, else from its file (a big store's search checks a
        phrase while its quotes are still being read)."""
        columns = self._columns
        return columns.texts[position] if columns is not None else str(self._document_at(position)["text"])

    def _article_key_at(self, position: int) -> str:
        """The key of the article a stored quote stands in."""
        columns = self._columns
        if self._flat is None and columns is not None:
            return columns.article_keys[position]
        return self._document_at(position)["article"]

    def _document_at(self, position: int) -> dict[str, Any]:
        """One stored quote's document, from the documents read whole if they were, else from its file."""
        return (self._flat if self._flat is not None else self._documents)[position]

    def columns(self, article_positions: Mapping[str, int] | None = None) -> QuoteColumns:
        """Every quote's text, speaker and article key, read in one pass over the quotes' files (raising StoreError
        for a damaged one) and kept; compact, each article key held as its position in `article_positions`."""
        columns = self._columns
        if columns is None:
            with self._lock:
                columns = self._columns
                if columns is None:
                    if self._compact:
                        documents = self._flat if self._flat is not None else self._documents
                        columns = _columns_of(documents, self._speaker_names, self._packed_texts, article_positions)
                    else:
                        columns = _plain_columns(self.all_documents())
                    self._columns = columns
        return columns

    def read_all(self, article_positions: Mapping[str, int] | None = None) -> None:
        """Read every quote now (raising StoreError for a damaged file): its columns when compact (each article key
        held as its position in `article_positions`), else every document."""
        if self._compact:
            self.columns(article_positions)
        else:
            self.all_documents()

    def texts(self) -> Sequence[str]:
        """Every quote's text, by position."""
        return self.columns().texts

    def article_keys(self) -> Sequence[str]:
        """Every quote's article key, by position."""
        return self.columns().article_keys

    def speakers(self) -> Sequence[str | None]:
        """Every quote's speaker ("person:KEY", "organization:KEY") or None, by position."""
        return self.columns().speakers

    @property
    def grouped(self) -> bool:
        """Whether every quote has been grouped with its copies (`QuoteGroups.entries`)."""
        groups = self._made[0]
        return groups is not None and groups.complete

    def groups(self) -> QuoteGroups:
        """Which quotes are one quote (copies and excerpts by the same speaker): each speaker's grouped when first
        asked about (reading every quote's speaker the first time), but for those the writer marked as having their
        quotes all apart; records made before are made again, knowing their copies. Each speaker's positions are
        made when first needed: compact when the columns are (a snapshot that stays open), else a dictionary of
        arrays, made in half the time (a process that reads the store once)."""
        groups = self._made[0]
        if groups is None:
            with self._lock:
                groups = self._made[0]
                if groups is None:
                    speakers = self.speakers()
                    names = self._speaker_names
                    if isinstance(names, SpeakerNames):
                        positions = partial(SpeakerPositions, speakers, names) if self._compact else None
                        groups = group_quotes(self.texts(), speakers, positions, names.quotes_apart, names.not_apart)
                    else:
                        groups = group_quotes(self.texts(), speakers)
                    self._made = (groups, self._no_records())
        return groups


class QuoteSelection(Selection[QuoteRecord]):
    """Some of a snapshot's quotes, by stored position (in the Quotes pane, a search's results in reading order)."""


class CopiesListed(QuoteSelection):
    """A search's quotes found while a big store was still being read and indexed: every copy of a quote listed
    (see `Snapshot.indexing`)."""


class QuoteEntries(QuoteSelection):
    """The quotes a snapshot lists, by stored position: each quote once when they are grouped, else every one."""

    def __init__(self, records: QuoteRecords, positions: Sequence[int]) -> None:
        super().__init__(records, positions)  # type: ignore[arg-type]


def _plain_columns(documents: list[dict[str, Any]]) -> QuoteColumns:
    """The columns of these quote documents as plain lists (records are made from the documents)."""
    texts = [document["text"] for document in documents]
    speakers = [document.get("speaker") for document in documents]
    return QuoteColumns(texts, speakers, [document["article"] for document in documents], None)


COLUMN_BATCH = 4096
"""Quotes whose speakers and article keys are numbered at once (in one call, not one a quote)."""


def _columns_of(
    documents: Sequence[dict[str, Any]],
    speaker_names: Mapping[str, str],
    packed_texts: bool = False,
    article_positions: Mapping[str, int] | None = None,
) -> QuoteColumns:
    """The columns of these quote documents, read in one pass, each speaker and article key held as a number (see
    `NumberedColumn`: the speakers numbered as `speaker_names` numbers them, the articles by `article_positions`);
    with `packed_texts`, the texts compressed (see `PackedTexts`)."""
    count = len(documents)
    texts: list[str] | PackedTexts = PackedTexts() if packed_texts else []
    speakers = speaker_column(speaker_names, count)
    articles = article_positions or {}
    listed = articles.listed if isinstance(articles, KeyPositions) else list(articles)
    article_keys = NumberedColumn(articles.get, listed.__getitem__, len(listed), count)
    places: array | None = array("i", bytes(8 * count))
    read = 0
    said_by: list[str | None] = []
    printed_in: list[str] = []
    for read, doc in enumerate(documents, start=1):
        texts.append(doc["text"])
        said_by.append(doc.get("speaker"))
        printed_in.append(doc["article"])
        if len(said_by) == COLUMN_BATCH:
            speakers.put_many(read - COLUMN_BATCH, said_by)
            article_keys.put_many(read - COLUMN_BATCH, printed_in)
            said_by, printed_in = [], []
        if places is not None:
            start, paragraph = doc["start"], doc.get("paragraph", 0)
            try:
                if read <= count:
                    places[2 * read - 2] = start
                    places[2 * read - 1] = paragraph
                else:
                    places.append(start)
                    places.append(paragraph)
            except (TypeError, OverflowError):
                places = None
    speakers.put_many(read - len(said_by), said_by)
    article_keys.put_many(read - len(printed_in), printed_in)
    for column in (speakers, article_keys):
        column.keep_first(read)
    if places is not None:
        del places[2 * read :]
    if isinstance(texts, PackedTexts):
        texts.close()
    return QuoteColumns(texts, speakers, article_keys, places)


def _quote_record(
    doc: dict[str, Any],
    speaker_names: Mapping[str, str],
    text_source: TextSource,
    source_count: int = 1,
    printed_by: int = 1,
) -> QuoteRecord:
    """A quote document as a record, its speaker's key resolved to a name."""
    speaker_kind, _, speaker_key = (doc.get("speaker") or "").partition(":")
    start = doc["start"]
    return QuoteRecord(
        key=f"{doc['article']}:{start}",
        text=doc["text"],
        article_key=doc["article"],
        start=start,
        end=start + len(doc["text"]),
        paragraph=doc.get("paragraph", 0),
        speaker_key=speaker_key or None,
        speaker_name=speaker_names.get(doc["speaker"]) if speaker_key else None,
        speaker_kind=speaker_kind if speaker_key else None,
        text_source=text_source,
        source_count=source_count,
        printed_by=printed_by,
    )
