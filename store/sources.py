"""Inputs to ingest: files of every format, directories, http(s) URLs and standard input, read into articles.

Each article gets the source it is stored under: a file's absolute path or a URL for an input that holds one
article; for a feed or a JSON Lines file, each item's own link, else the input's source and what names the item
in it: a feed item's guid or id, else a digest of its text (`/news/feed.xml#9f86d081884c`), a JSON item's line
or place (`/news/items.jsonl#3`). Reading an input again replaces what was stored under the same sources.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from store.articles import MAX_ARTICLE_BYTES, read_bytes, read_stream_bytes
from store.errors import shown_path, storable_name
from store.readers import (
    SUFFIXES,
    Fetched,
    Metadata,
    ReaderError,
    SourceArticle,
    detect_format,
    fetch,
    follow_summaries,
    is_url,
    read_source,
    safe_url,
)
from store.readers.plain import markdown_shaped

STDIN_NAME = "-"
NOT_ARTICLE_SUFFIXES = frozenset(
    ".csv .tsv .xls .xlsx .ods .numbers .doc .docx .odt .pages .rtf .pdf .ppt .pptx .key .zip .gz .tgz .bz2 .xz "
    ".7z .tar .png .jpg .jpeg .gif .webp .svg .mp3 .mp4 .m4a .wav .mov .exe .dmg .sqlite .db".split()
)
"""Suffixes of files that are no article, even named on the command line (a spreadsheet read as text would be
stored as a story); a file of another or no suffix named there is read by its content."""
STDIN_SHOWN = "standard input"
INPUT_SUFFIXES = tuple(SUFFIXES)
"""The suffixes of the files a directory is searched for."""
MAX_INPUT_BYTES = 256 * 1024 * 1024
"""The largest file read: a feed or JSON Lines file holds many articles, each at most MAX_ARTICLE_BYTES."""
METADATA_FIELDS = ("title", "author", "date", "outlet", "url")


@dataclass(frozen=True)
class InputArticle:
    """One article to ingest: where it is stored from, its text, and its metadata."""

    source: str
    text: str
    metadata: Metadata = Metadata()

    def metadata_fields(self) -> dict[str, str]:
        """The metadata that is known, as stored beside the article."""
        return {name: value for name in METADATA_FIELDS if (value := getattr(self.metadata, name))}


@dataclass
class InputRead:
    """The articles read from one input, and a one-line message for each part of it that was skipped."""

    articles: list[InputArticle] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What was passed over without a failure (an item repeating an earlier one's link with another text)."""


OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
"""The start of a link of a scheme other than http(s) ("ftp://"), which is no file to read."""


def input_source(name: str) -> str:
    """Where an input is stored from: a URL as given (cleaned), `-` for standard input, else the absolute path
    (bytes of a file name that are not UTF-8 written as escapes: a stored text holds no lone surrogate)."""
    if is_url(name):
        return safe_url(name) or name
    return name if name == STDIN_NAME else storable_name(os.path.abspath(name))


def read_input(
    name: str,
    *,
    follow: bool = False,
    stdin: BinaryIO | None = None,
    fetcher: Callable[[str], Fetched] = fetch,
) -> InputRead:
    """The articles of a file, URL or standard input (`-`), read by the reader their content or name calls for.

    `follow` fetches the page of each feed item whose text is only a summary. Raises ArticleError, one line
    naming the input, when nothing in it can be stored for one reason (for several, they are its errors).
    """
    if is_url(name):
        fetched = fetcher(name)
        data, label, content_type, url = fetched.data, name, fetched.content_type, fetched.url
    elif name == STDIN_NAME:
        stream = stdin or (sys.stdin.buffer if sys.stdin is not None else None)
        if stream is None:
            raise ReaderError(f"{STDIN_SHOWN}: closed, nothing to read")
        data = read_stream_bytes(stream, STDIN_SHOWN, MAX_INPUT_BYTES)
        label, content_type, url = STDIN_SHOWN, "text/markdown" if markdown_shaped(data) else None, None
    elif OTHER_SCHEME.match(name):
        raise ReaderError(f"{shown_path(name)}: only http and https links can be read")
    else:
        suffix = Path(name).suffix.lower()
        if suffix in NOT_ARTICLE_SUFFIXES:
            raise ReaderError(
                f"{shown_path(name)}: a {suffix} file holds no article (articles are text, Markdown, HTML, feeds or "
                "JSON Lines)"
            )
        data, label, content_type, url = read_bytes(Path(name), MAX_INPUT_BYTES), name, None, None
    kind = detect_format(data, label, content_type)
    found = read_source(data, label, content_type, url=url, kind=kind)
    articles: list[SourceArticle] = list(found)
    errors = list(found.errors)
    if follow:
        articles, failed = follow_summaries(articles, fetcher=fetcher)
        errors.extend(failed)
    return sourced(name, articles, errors, per_item=kind in ("feed", "json"))


def sourced(name: str, articles: list[SourceArticle], errors: list[str], *, per_item: bool) -> InputRead:
    """Articles given their sources (`per_item`: each item of a feed or dataset its own, see `item_source`); those
    with no text or too long set aside as errors, those with another text under a source an earlier item took
    passed over with a note."""
    source = input_source(name)
    shown = STDIN_SHOWN if name == STDIN_NAME else shown_path(name)
    read = InputRead(errors=errors)
    first_items: dict[str, tuple[int, str]] = {}
    for place, article in enumerate(articles, start=1):
        number = article.number or place
        where = f"{shown} item {number}" if per_item else shown
        if not article.text.strip():
            hint = " (only a link; --follow fetches it)" if article.summary_only and article.metadata.url else ""
            read.errors.append(f"{where}: no article text{hint}")
            continue
        if len(article.text) > MAX_ARTICLE_BYTES:
            read.errors.append(f"{where}: too large for an article (the limit is {MAX_ARTICLE_BYTES} characters)")
            continue
        stored_as = item_source(source, article, number) if per_item else source
        first_number, first_text = first_items.setdefault(stored_as, (number, article.text))
        if per_item and first_text != article.text:
            read.notes.append(f"{where}: {_taken(article, first_number)}")
            continue
        read.articles.append(InputArticle(stored_as, article.text, article.metadata))
    if not read.articles and len(read.errors) <= 1:
        raise ReaderError(read.errors[0] if read.errors else f"{shown}: no article in it")
    return read  # every item failing for reasons of its own: each reason is told


def item_source(source: str, article: SourceArticle, number: int) -> str:
    """Where an item of a feed or dataset is stored: its own link, else its input's `source` and the item's key
    (a feed's guid or id, or a digest of its text) or its `number`."""
    return article.metadata.url or f"{source}#{article.key or number}"


def _taken(article: SourceArticle, first_number: int) -> str:
    """Why an item is not stored: an earlier one, which is (a feed lists its newest first), has its link or id."""
    name = f"link ({article.metadata.url})" if article.metadata.url else f"id ({article.key})"
    return f"the same {name} as item {first_number}, with another text; only item {first_number} is stored"


def name_suffix(name: str) -> str:
    """A file name's last suffix, lower case, as `Path.suffix` gives it ("..txt" has one, ".txt" and "a." none)."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


class DirectoryInputs(NamedTuple):
    """What a directory holds for a command: its input files, and how many others it skipped, by why."""

    files: list[str]
    not_named: int
    """Files not named as inputs are (INPUT_SUFFIXES)."""
    not_regular: int
    """Entries named as inputs that are not regular files: a broken link, a pipe, a socket, a device."""
    not_named_examples: list[str]
    """The paths of the first few files not named as inputs are, to name in a message."""


def directory_inputs(directory: Path | str) -> DirectoryInputs:
    """A directory's input files (INPUT_SUFFIXES), its subdirectories' included (linked directories are not
    entered), in the order of their paths' parts, and how many other entries it holds, by why they were skipped.
    Paths are kept as strings and each directory's names sorted as they are read: a folder of 50,000 articles
    listed as sorted `Path` objects kept 26 MB for the whole ingest."""
    found: list[str] = []
    examples: list[str] = []
    not_named = not_regular = 0

    def walk(folder: str) -> None:
        nonlocal not_named, not_regular
        names: list[str] = []
        folders: set[str] = set()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.add(entry.name)
                        names.append(entry.name)
                    elif name_suffix(entry.name) not in INPUT_SUFFIXES:
                        if not entry.is_dir():
                            not_named += 1
                            if len(examples) < NOT_NAMED_EXAMPLES:
                                examples.append(entry.path)
                    elif entry.is_file():
                        names.append(entry.name)
                    elif not entry.is_dir():
                        not_regular += 1
        except OSError:
            return
        names.sort()
        for name in names:
            if name in folders:
                walk(os.path.join(folder, name))
            else:
                found.append(os.path.join(folder, name))

    walk(os.fspath(directory))
    return DirectoryInputs(found, not_named, not_regular, examples)


NOT_NAMED_EXAMPLES = 4
"""How many of the files a directory holds that are not named as inputs a message names."""
