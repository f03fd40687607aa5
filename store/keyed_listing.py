"""What a search read by key tells from the documents of the quotes it found, rather than from the whole store: the
filters on their articles (`article:`, `source:`, `date:`) and the orders but the stored one (`--sort speaker`,
`--sort date`), each exactly as the snapshot tells it (see `Snapshot._filtered_positions`, `Snapshot.sorted_quotes`).

No stored section holds the quotes of an article, an outlet or a date, so these are told of quotes that words or a
speaker found first: each such quote's article is read by key, which costs what was found, not what is stored.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Any

from store.article_metadata import article_sort_date
from store.errors import StoreError
from store.keys import fold
from store.position_flags import marked
from store.position_runs import PositionRuns
from store.search import DATE_ORDERS, Filter, date_prefix

if TYPE_CHECKING:
    from store.keyed_index import KeyedStore

OrderKey = tuple[bool, str]
"""What an order sorts quotes by: unknown last, then a folded name or a date."""

ARTICLE_FILTERS = ("article", "source", "date")
"""The filters told from the article of each quote found."""


def article_filters(filters: Iterable[Filter]) -> list[Filter]:
    """The filters among these that are told from each found quote's article."""
    return [query_filter for query_filter in filters if query_filter.field in ARTICLE_FILTERS]


def kept_by_articles(store: KeyedStore, positions: Sequence[int], filters: Sequence[Filter]) -> list[int]:
    """Those of `positions` whose quote's article every filter keeps: a title or path the `article:` term matches,
    an outlet or link host the `source:` term matches, a published date starting as `date:` asks."""
    if not positions or not filters:
        return list(positions)
    article_of = {position: store.quote(position).get("article") for position in positions}
    documents = {key: store.article_document(key) for key in dict.fromkeys(article_of.values()) if key}
    kept = {key for key, document in documents.items() if document is not None}
    for query_filter in filters:
        kept &= articles_kept(query_filter, {key: documents[key] for key in kept})  # type: ignore[misc]
    return [position for position in positions if article_of[position] in kept]


def articles_kept(query_filter: Filter, documents: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """The keys of the articles (their documents, by key) that one `article:`, `source:` or `date:` filter keeps."""
    if query_filter.field == "date":
        prefix = date_prefix(query_filter.term)
        return {key for key, document in documents.items() if article_sort_date(document).startswith(prefix)}
    from store.snapshot import NameLines, article_filter_names, article_outlet_names  # matched as the whole store's

    keys = list(documents)
    if query_filter.field == "source":
        names = (article_outlet_names(documents[key]) for key in keys)
    else:
        names = (article_filter_names(documents[key]) for key in keys)
    lines = NameLines.build(enumerate(names))
    return {keys[owner] for owner in lines.owners_matching(query_filter.term)}


def sorted_by_key(store: KeyedStore, entries: Iterable[int], order: str) -> list[int]:
    """Found entries (stored positions) in an order but the stored one, as `Snapshot.sorted_quotes` orders them:
    by their speaker's name (folded; unknown last) or by their article's date (published, else ingested), oldest
    or newest first; ties keep the stored order."""
    key: Callable[[int], tuple[bool, str, int]]
    if order == "speaker":
        folded: dict[str | None, tuple[bool, str]] = {}

        def key(position: int) -> tuple[bool, str, int]:
            speaker = store.quote(position).get("speaker")
            if speaker not in folded:
                name = store.speaker_name(speaker)
                folded[speaker] = (name is None, fold(name or ""))
            return (*folded[speaker], position)

    elif order in DATE_ORDERS:
        dates: dict[str, str] = {}

        def key(position: int) -> tuple[bool, str, int]:
            article_key = store.quote(position)["article"]
            if article_key not in dates:
                document = store.article_document(article_key)
                dates[article_key] = article_sort_date(document) if document is not None else ""
            return (False, dates[article_key], position)

    else:
        raise ValueError(f"unknown sort order {order!r}")
    if order == "newest":
        return sorted(sorted(entries), key=lambda position: key(position)[:2], reverse=True)  # ties as stored
    return sorted(entries, key=key)


def ordered_by_key(store: KeyedStore, positions: Sequence[int], order: str) -> array:
    """Found positions (ascending), as many as a search of a common word finds, in `order` as `sorted_by_key` puts
    them, told without reading each quote: every stored quote's article or speaker is read from the quote files'
    bytes (see `quote_fields`), then the date of every article or the name of every speaker named, and the found
    positions are put in order by a counting sort on the rank of each one's date or name."""
    from store.keyed_index import quote_fields

    field = {"date": "article", "newest": "article", "speaker": "speaker"}.get(order)
    if field is None:
        raise ValueError(f"unknown sort order {order!r}")
    stored = store.quote_count
    owners = list(compress(quote_fields(store.tables, field), marked(stored, positions)))
    if len(owners) != len(positions):
        raise StoreError("the quote files do not hold the quotes the index found")
    distinct = set(owners)
    dated = order in DATE_ORDERS
    keys = owner_dates(store) if dated else owner_names(store, distinct)
    unknown = UNDATED if dated else UNNAMED
    ranks = {key: rank for rank, key in enumerate(sorted({*keys.values(), unknown}, reverse=order == "newest"))}
    owner_ranks = {owner: ranks[keys.get(owner, unknown)] for owner in distinct}
    numbers = array("I", map(owner_ranks.__getitem__, owners))
    return PositionRuns.of_columns(len(ranks), numbers, positions).in_order()


UNNAMED: OrderKey = (True, "")
"""The key of a quote whose speaker is unknown or unattributed: last."""
UNDATED: OrderKey = (False, "")
"""The key of a quote whose article is not stored: first, its date empty, as `Snapshot.sorted_quotes` orders it."""


def owner_dates(store: KeyedStore) -> dict[bytes, OrderKey]:
    """Every stored article's key (as a quote names it) with the date its quotes are ordered by."""
    return {
        str(document.get("key", "")).encode("utf-8"): (False, article_sort_date(document))
        for document in store.tables.documents("articles", dropped_fields=("people", "organizations"))
    }


def owner_names(store: KeyedStore, speakers: set[bytes]) -> dict[bytes, OrderKey]:
    """These speakers' ids (as a quote names them) with their folded names; the unknown and the unattributed left
    out."""
    from store.keyed_index import stored_names

    named: dict[bytes, OrderKey] = {}
    for table, kind in (("people", b"person:"), ("organizations", b"organization:")):
        wanted = {speaker[len(kind) :].decode("utf-8") for speaker in speakers if speaker.startswith(kind)}
        if wanted:
            for key, name in stored_names(store.tables, table):
                if key in wanted:
                    named[kind + key.encode("utf-8")] = (False, fold(name))
    return named
