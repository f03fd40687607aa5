"""A store read by key: posting lists found in the quote index's bytes, and quotes, people, organizations and
articles read from the files that hold them, so a search costs what it finds rather than what the store holds.

Each index part stores its keyed sections (see `store.quote_index.KEYED_SECTIONS`) as JSON objects with sorted keys
and base64 values, their sizes before them: a key is found by binary search over the part's bytes, read where the
search looks (a few kilobytes of each part). Places of people, organizations and articles come from the writer's lookup
files (see `store.writer_lookups`), found in their bytes the same way or, in a small line, parsed.
"""

from __future__ import annotations

import base64
import errno
import mmap
import os
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache, partial
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from store.errors import CHANGED_WHILE_READ, StoreError, shown_path
from store.keyed_listing import ARTICLE_FILTERS, article_filters, articles_kept, kept_by_articles
from store.keys import fold, name_key_unkept
from store.position_flags import marked
from store.quote_groups import QUOTES_APART, QuoteGroups
from store.quote_index import GONE_MARK, KEYED_SECTIONS, NAME_KEY_MARK, any_posted, positions_matching, unshifted
from store.schema import needs_upgrade, read_tables
from store.search import ParsedQuery, Term
from store.stopping import check_stop
from store.storage import FIRST_DOCUMENT, INDEX_TABLE, TableFileMissing, Tables, read_table_bytes

PART_HEAD = re.compile(
    rb'"(\d+)":\{"first":(\d+),"quotes":(\d+),(?:"shift":(\d+),)?"sizes":\[(\d+),(\d+),(\d+),(\d+)(?:,(\d+))?\],'
    rb'"speakers":'
)
"""The start of a keyed index part in its file: its id, the quotes it covers, its shift (see
`store.quote_index.unshifted`; none when 0) and its sections' sizes (the last section, `for`, missing from a part an
earlier whosaid wrote)."""
PROBE_WINDOW = 4096
"""Below this many bytes, a key is looked for in a section by one string search rather than by halving."""
PROBE_READ = 1024
"""The bytes each probe of a binary search reads first: enough for the entry it lands before, mostly."""
RAW_LINE_BYTES = 1 << 16
"""A lookup line this long holding one kind of entry is searched in its bytes; a shorter one is parsed. The line of
the first 10,000 articles is 858 KB: parsing it and making a lookup of its articles by their hashes' starts took
12 ms of a search printing three quotes (25 ms in all), where searching its bytes takes a few microseconds."""
LOOKUPS_READ = 2
"""The shape of the writer's lookup files this reader reads (`store.writer_lookups.LOOKUPS_VERSION`, which a test
holds equal): named here so that a search does not import the writer's module and what it needs."""


class FileBytes:
    """A file's bytes read where they are asked for (`os.pread`), as far as a search needs them: a few kilobytes of
    each index part, never mapped or read whole (a mapped file's pages would count as the process's memory). Short
    reads go through the last blocks read, so that the probes a binary search makes near each other cost one read."""

    CHUNK = 4096
    """The bytes a search reads first; each further read is four times as long (up to LONGEST_CHUNK): what is sought
    is mostly near, as the next entry of a section is, or past a long posting list."""
    LONGEST_CHUNK = 262_144
    BLOCK = 4096
    """Reads up to two blocks long are made of whole blocks, aligned, each read once."""
    BLOCKS_KEPT = 16
    """Blocks kept per open file, the last read: a binary search's last probes and its final window are near each
    other (its first probes, the same for every key, are kept as `probes`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None
        self._blocks: dict[int, bytes] = {}
        self.probes: dict[tuple[int, int], tuple[int, bytes | None]] = {}
        """What each probe of a binary search found in the file, by the bytes it halved (see `section_value`)."""

    def __enter__(self) -> FileBytes:
        return self.open()

    def __exit__(self, *_: object) -> None:
        self.close()

    def open(self) -> FileBytes:
        """Open the file for reading (a one-line StoreError when it cannot be)."""
        try:
            self._descriptor = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            raise TableFileMissing(self.path) from None
        except OSError as error:
            raise StoreError(f"cannot read {self.path.name}: {error.strerror}") from error
        return self

    def close(self) -> None:
        """Close the file and forget its blocks."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None
        self._blocks.clear()
        self.probes.clear()

    def __del__(self) -> None:
        try:
            self.close()
        except (AttributeError, TypeError):  # at the interpreter's end, with the modules it needs already gone
            return

    def size(self) -> int:
        """How many bytes the open file holds."""
        assert self._descriptor is not None
        return os.fstat(self._descriptor).st_size

    def __getitem__(self, span: slice) -> bytes:
        assert self._descriptor is not None
        start, stop = span.start, span.stop
        size = self.BLOCK
        if stop - start > 2 * size or start < 0:
            return os.pread(self._descriptor, max(0, stop - start), start)
        if stop <= start:
            return b""
        first = start // size
        block = self._block(first)
        if stop <= (first + 1) * size:
            return block[start - first * size : stop - first * size]
        last = (stop - 1) // size
        joined = b"".join([block, *map(self._block, range(first + 1, last + 1))])
        return joined[start - first * size : stop - first * size]

    def _block(self, number: int) -> bytes:
        """The file's bytes in block `number` (shorter at the file's end), kept among the last BLOCKS_KEPT read."""
        block = self._blocks.get(number)
        if block is None:
            assert self._descriptor is not None
            block = self._blocks[number] = os.pread(self._descriptor, self.BLOCK, number * self.BLOCK)
            if len(self._blocks) > self.BLOCKS_KEPT:
                del self._blocks[next(iter(self._blocks))]
        return block

    def find(self, needle: bytes, start: int, end: int) -> int:
        """Where `needle` first is between `start` and `end`, -1 when it is not; read a chunk at a time."""
        position, chunk = start, max(self.CHUNK, 2 * len(needle))
        while position < end:
            piece = self[position : min(end, position + chunk)]
            found = piece.find(needle)
            if found >= 0:
                return position + found
            if position + len(piece) >= end or len(piece) < min(end, position + chunk) - position:
                return -1
            position += len(piece) - len(needle) + 1
            chunk = min(4 * chunk, max(self.LONGEST_CHUNK, 2 * len(needle)))
        return -1


class MappedBytes(FileBytes):
    """A file's bytes mapped, for a process that reads a store once and ends (`whosaid search`, `export`): a slice or
    a search of the mapping costs no system call, where each probe of `FileBytes` makes one (at 100,000 articles a
    rare phrase's keys took 0.09 s in 200 index parts read so, 0.055 s mapped). The browser, kept open, reads with
    `FileBytes`: the pages a mapping touched would count as its memory. Writers never change a file in place, so a
    mapping stays whole while the store is written."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._mapping: mmap.mmap | bytes = b""

    def open(self) -> MappedBytes:
        """Map the file (a one-line StoreError when it cannot be), keeping no descriptor of its own open: the mapping
        holds one."""
        super().open()
        try:
            if super().size():
                self._mapping = mmap.mmap(self._descriptor, 0, access=mmap.ACCESS_READ)  # type: ignore[arg-type]
                self._mapping.madvise(mmap.MADV_RANDOM)
        except (OSError, ValueError) as error:
            raise StoreError(f"cannot read {self.path.name}: {error}") from error
        finally:
            super().close()
        return self

    def close(self) -> None:
        """Unmap the file."""
        mapping, self._mapping = self._mapping, b""
        if isinstance(mapping, mmap.mmap):
            mapping.close()
        super().close()

    def size(self) -> int:
        """How many bytes the mapped file holds."""
        return len(self._mapping)

    def __getitem__(self, span: slice) -> bytes:
        start, stop = span.start, span.stop
        if start < 0:
            raise OSError(errno.EINVAL, "a read before the start of a file")
        return self._mapping[start:stop] if stop > start else b""

    def find(self, needle: bytes, start: int, end: int) -> int:
        """Where `needle` first is between `start` and `end`, -1 when it is not."""
        if start < 0 or end < 0:
            raise OSError(errno.EINVAL, "a search before the start of a file")
        return self._mapping.find(needle, start, end)


class IndexPart(NamedTuple):
    """One part of the quote index in its file: the quotes it covers and where each keyed section stands."""

    path: Path
    first: int
    end: int
    sections: Mapping[str, tuple[int, int]]
    shift: int = 0
    """What its stored positions are read less (see `store.quote_index.unshifted`)."""

    def value(self, section: str, key: bytes) -> bytes | None:
        """The stored value (base64) of `key` in a section, if it holds it."""
        start, end = self.sections[section]
        with FileBytes(self.path) as data:
            return section_value(data, start, end, key)

    def section(self, section: str) -> dict[str, str]:
        """A whole section, parsed."""
        start, end = self.sections[section]
        with FileBytes(self.path) as data:
            return orjson.loads(data[start:end])


SPEAKERS_HALVED = 32
"""Speakers looked up together up to which each part's section of speakers is searched by halving its bytes for
each; past them, it is parsed once (a third of a millisecond a part at 100,000 articles) and they are looked up in
it."""


def part_section_bytes(part: IndexPart, start: int, end: int) -> bytes:
    """The bytes of a part's file from `start` to `end`, read now."""
    with FileBytes(part.path) as data:
        return data[start:end]


def speakers_postings(
    parts: Sequence[IndexPart],
    speakers: Iterable[str],
    section_bytes: Callable[[IndexPart, int, int], bytes] = part_section_bytes,
    section_name: str = "speakers",
) -> dict[str, array]:
    """The positions of these speakers' quotes, ascending, looked up together: each part's section of speakers read
    once, as bytes, and every speaker found in it by halving it in memory, rather than a few reads of each part for
    each speaker (a hundredth of a second a speaker at 100,000 articles). The postings of another section (`for`)
    are looked up alike."""
    values: dict[str, list[Posted]] = {speaker: [] for speaker in speakers}
    keys = [(speaker, speaker.encode("utf-8")) for speaker in values]
    for part in parts:
        check_stop()
        start, end = part.sections[section_name]
        raw = section_bytes(part, start, end)
        if len(keys) > SPEAKERS_HALVED:
            section = orjson.loads(raw)
            for speaker, found in values.items():
                value = section.get(speaker)
                if value:
                    found.append((value, part.shift))
            continue
        for speaker, key in keys:
            value = section_value(raw, 0, len(raw), key)
            if value:
                values[speaker].append((value, part.shift))
    return {speaker: decoded_positions(found) for speaker, found in values.items()}


def section_value(data: Any, start: int, end: int, key: bytes) -> bytes | None:
    """The value of `key` in the JSON object at data[start:end] (sorted keys, base64 values, no key escaped), found
    by halving the bytes between entries: an entry starts after `,"`, which no key or value holds. The entry sought
    starts at `low` or after it, and at `high` or before it. Each probe reads PROBE_READ bytes, which mostly hold
    the entry it compares; a long value is read on through. What a probe of an open file found is kept with it
    (see `FileBytes.probes`): every search of a section makes the same first probes."""
    probes = data.probes if isinstance(data, FileBytes) else {}
    low, high = start + 1, end - 1
    while high - low > PROBE_WINDOW:
        probe = probes.get((low, high))
        if probe is None:
            probe = probes[(low, high)] = entry_after(data, (low + high) // 2, high, end)
        comma, probed = probe
        if probed is None:
            if comma < 0:
                high = (low + high) // 2
                continue
            return None
        if probed <= key:
            low = comma + 1
        else:
            high = comma
    needle = b'"' + key + b'":"'
    window = data[low : min(high + len(needle), end)]
    found = window.find(needle)
    if found < 0:
        return None
    value_start = low + found + len(needle)
    value_end = found_in(data, window, low, b'"', value_start, end)
    if value_end < 0:
        return None
    if value_end <= low + len(window):
        return bytes(window[value_start - low : value_end - low])
    return bytes(data[value_start:value_end])


def entry_after(data: Any, middle: int, high: int, end: int) -> tuple[int, bytes | None]:
    """Where the first entry after `middle` (and by `high`) of a section ending at `end` starts (its comma), and its
    key: (-1, None) when none starts by `high`, (comma, None) when its key has no end."""
    window = data[middle : min(high + 1, middle + PROBE_READ)]
    comma = found_in(data, window, middle, b',"', middle, high + 1)
    if comma < 0:
        return -1, None
    key_end = found_in(data, window, middle, b'":"', comma + 2, end)
    if key_end < 0:
        return comma, None
    if key_end <= middle + len(window):
        return comma, window[comma + 2 - middle : key_end - middle]
    return comma, data[comma + 2 : key_end]


def found_in(data: Any, window: bytes, offset: int, needle: bytes, start: int, end: int) -> int:
    """Where `needle` first is in data[start:end] (start at `offset` or after it), looked for first in `window`,
    the bytes of data from `offset` on that were read already."""
    found = window.find(needle, start - offset, end - offset)
    if found >= 0:
        return found + offset
    window_end = offset + len(window)
    if end <= window_end:
        return -1
    return data.find(needle, max(start, window_end - len(needle) + 1), end)


def knows_spoken_for(parts: Iterable[IndexPart]) -> bool:
    """Whether every part of an index says who spoke for which organization (an earlier whosaid wrote parts
    without their `for` section)."""
    return all("for" in part.sections for part in parts)


Posted = tuple[bytes | str, int]
"""A stored posting list (base64 of little-endian uint32s) and the shift of the part that holds it."""


def decoded_positions(values: Iterable[Posted]) -> array:
    """Posting lists joined, in order, each less its part's shift (see `store.quote_index.unshifted`)."""
    positions = array("I")
    for value, shift in values:
        positions.frombytes(unshifted(base64.b64decode(value), shift))
    if sys.byteorder == "big":
        positions.byteswap()
    return positions


def named_speakers(values: Iterable[bytes]) -> set[str]:
    """The speaker ids stored (base64 of newline-separated ids) in these values of the parts' `names` sections."""
    found: set[str] = set()
    for value in values:
        found.update(base64.b64decode(value).decode("utf-8").split("\n"))
    return found


def index_parts(tables: Tables) -> list[IndexPart] | None:
    """The keyed parts of the store's quote index, in order; None when any part is not keyed or the parts do not
    cover every quote from the first on (the reader then reads the store whole)."""
    parts: list[IndexPart] = []
    for file, count in tables.files.get(INDEX_TABLE, []):
        if not file or count is None:
            return None
        superseded = set(tables.superseded.get(file, ()))
        in_file = parts_in_file(tables.directory / file, count + len(superseded))
        if in_file is None:
            return None
        parts.extend(part for doc_id, part in in_file if doc_id not in superseded)
    end = 0
    for part in parts:
        if part.first != end:
            return None
        end = part.end
    return parts if end == tables.document_count("quotes") else None


def parts_in_file(path: Path, count: int) -> list[tuple[str, IndexPart]] | None:
    """The `count` keyed index parts of a file, with their ids, from their heads alone (a few hundred bytes each,
    read where they stand); None when one is not a keyed part."""
    parts: list[tuple[str, IndexPart]] = []
    with FileBytes(path) as data:
        offset = 1
        for _ in range(count):
            found = keyed_part(data, offset)
            if found is None:
                return None
            doc_id, part, offset = found
            parts.append((doc_id, part))
    return parts


def keyed_part(data: FileBytes | bytes, offset: int, path: Path | None = None) -> tuple[str, IndexPart, int] | None:
    """The keyed index part whose document starts at `offset` in its file (read where asked, or its bytes, then
    given its `path`): its id, itself, and where the next document starts; None when it is not a keyed part."""
    head = PART_HEAD.match(data[offset : offset + HEAD_BYTES])
    if head is None:
        return None
    groups = head.groups()
    doc_id, first, end, shift = (int(group or 0) for group in groups[:4])
    sizes = [int(group) for group in groups[4:] if group is not None]
    sections: dict[str, tuple[int, int]] = {}
    position = offset + head.end()
    for number, (section, size) in enumerate(zip(KEYED_SECTIONS, sizes, strict=False)):
        if number:
            marker = b',"' + section.encode() + b'":'
            if data[position : position + len(marker)] != marker:
                return None
            position += len(marker)
        if size < 2 or data[position : position + 1] != b"{" or data[position + size - 1 : position + size] != b"}":
            return None
        sections[section] = (position, position + size)
        position += size
    if data[position : position + 1] != b"}":
        return None
    where = path if path is not None else data.path  # type: ignore[union-attr]
    return str(doc_id), IndexPart(where, first, end, sections, shift), position + 2


HEAD_BYTES = 160
"""Enough bytes to hold the start of an index part up to its first section (see `PART_HEAD`)."""


def mapped(path: Path) -> Any:
    """A file's bytes, mapped rather than read when it is not tiny: a lookup touches a few pages of it."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError as error:
        raise StoreError(f"cannot read {path.name}: {error.strerror}") from error
    try:
        size = os.fstat(descriptor).st_size
        if size < mmap.PAGESIZE:
            return os.read(descriptor, size)
        data = mmap.mmap(descriptor, 0, access=mmap.ACCESS_READ)
        data.madvise(mmap.MADV_RANDOM)
        return data
    except OSError as error:
        raise StoreError(f"cannot read {path.name}: {error.strerror}") from error
    finally:
        os.close(descriptor)


class LookupLine(NamedTuple):
    """One line of a lookup file: the file's bytes and where the line stands in them."""

    raw: bytes
    start: int
    end: int

    def kind(self) -> bytes | None:
        """The one kind of entry ("a", "p", "o") a long line holds (its one object, maybe with its spans), else
        None: a line to parse."""
        if self.end - self.start < RAW_LINE_BYTES:
            return None
        head = LINE_HEAD.match(self.raw, self.start)
        if head is None or self.raw.find(b"{", head.end(), self.end) >= 0:
            return None
        return head.group(1)

    def find(self, needle: bytes, after: int = 0, before: int | None = None) -> int:
        """Where `needle` is in the line (from `after` on and, if given, ending by `before`: offsets in the file), -1
        when it is not."""
        return self.raw.find(needle, max(after, self.start), self.end if before is None else min(before, self.end))

    def parsed(self) -> dict[str, Any]:
        """The line's entries."""
        return orjson.loads(memoryview(self.raw)[self.start : self.end])

    def is_sorted(self) -> bool:
        """Whether the line is one object of entries in the order of their keys' JSON, as the writer marks a whole
        line of people or organizations (see `store.writer_lookups.SORTED_MARK`)."""
        return self.raw[self.end - len(SORTED_END) : self.end] == SORTED_END

    def sorted_find(self, key: str, needle: bytes, keys_end: int) -> int:
        """Where the entry of `key` (whose JSON and colon are `needle`) starts in a sorted line of one kind (see
        `is_sorted`) whose entries end at `keys_end`, -1 when the line holds none: by halving the entries, a key read
        at the first entry past each middle, down to SORTED_WINDOW bytes searched whole."""
        raw = self.raw
        low, high = self.start + LINE_HEAD_BYTES, keys_end
        while high - low > SORTED_WINDOW:
            middle = (low + high) // 2
            boundary = raw.find(b',"', middle - 1, high)
            if boundary < 0:
                high = middle
                continue
            key_end = raw.find(b'":', boundary + 2, high)
            try:
                read = orjson.loads(raw[boundary + 1 : key_end + 1]) if key_end >= 0 else None
            except orjson.JSONDecodeError:
                read = None
            if not isinstance(read, str):
                return self.find(needle, self.start + LINE_HEAD_BYTES)
            if read == key:
                return boundary + 1
            if read < key:
                low = boundary + 2
            else:
                high = boundary + 1
        return raw.find(needle, low, high + len(needle))  # from low up to an entry at high itself


LINE_HEAD = re.compile(rb'\{"(a|p|o)":\{')
LINE_HEAD_BYTES = len(b'{"p":{')
"""The bytes before the first entry of a line of one kind: a key that is the kind's name is looked for after them."""
SORTED_END = b',"sorted":""}'
"""How a sorted line of people or organizations ends (see `store.writer_lookups.SORTED_MARK`). Halving such a line
takes its first '}' for its object's end and a key to run from ',"' to '":': it holds for the keys of names
(`store.keys.name_key` leaves word characters, '&' and spaces, none of which JSON escapes), not for any text."""
SORTED_WINDOW = 4096
"""Bytes of a sorted line searched whole once halving has narrowed it to them."""
KEYS_ONE_BY_ONE = 32
"""Keys of a kind looked for in the lookups' bytes one by one; past this many, every line of the kind is parsed."""
KEYS_SCANNED = 8
"""Keys of a kind for which a line to parse is first searched in its bytes (a tenth of the time of parsing it, at
100,000 articles): a search that prints quotes of a few speakers then parses none of the lines that do not name
them (the lines the writer's later batches added hold every kind, 2.4 MB at 10,000 articles, 10 ms to parse)."""


class LookupLines:
    """The writer's lookup files, read for a few keys: where a person, organization or article stands. A long line
    holding one kind of entry is searched in its bytes; another is parsed, unless it is one of the first keys of
    its kind and the line's bytes do not hold it as the writer encoded it (quoted, as every entry and every key of
    a list of those gone starts); once many keys of a kind were asked for, every line of that kind is parsed into
    one mapping."""

    @classmethod
    def of(cls, tables: Tables) -> LookupLines | None:
        """The lookups of the store's current version (read when first asked); None when they describe another."""
        entry = tables.stored_lookups
        if not (isinstance(entry, dict) and entry.get("version") == LOOKUPS_READ):
            return None
        if entry.get("generation") != tables.generation:
            return None
        try:
            files = [(tables.directory / str(name), int(size)) for name, size in entry["files"]]
            if any(path.stat().st_size != size for path, size in files):
                return None
        except (KeyError, TypeError, ValueError, OSError):
            return None
        return cls([path for path, _size in files])

    def __init__(self, files: list[Path]) -> None:
        self._files = files
        self._lines: list[LookupLine] | None = None
        self._kinds: list[bytes | None] = []
        self._parsed: dict[int, dict[str, Any]] = {}
        self._asked: dict[str, int] = {}
        self._merged: dict[str, dict[str, Any]] = {}
        self._line_prefixes: dict[tuple[int, int], dict[str, int]] = {}
        self._entry_sizes: dict[int, float] = {}
        self._keys_ends: dict[int, int] = {}

    @property
    def lines(self) -> list[LookupLine]:
        """Every line of the lookup files, newest first (read when first asked for)."""
        if self._lines is None:
            lines: list[LookupLine] = []
            for path in self._files:
                raw = mapped(path)
                start = 0
                while start < len(raw):
                    end = raw.find(b"\n", start)
                    end = len(raw) if end < 0 else end
                    if end > start:
                        lines.append(LookupLine(raw, start, end))
                    start = end + 1
            lines.reverse()
            self._kinds = [line.kind() for line in lines]
            self._lines = lines
        return self._lines

    def _entries(self, number: int) -> dict[str, Any]:
        """The entries of a line, parsed once."""
        entries = self._parsed.get(number)
        if entries is None:
            entries = self._parsed[number] = self.lines[number].parsed()
        return entries

    def _all(self, kind: str) -> dict[str, Any]:
        """Every entry of a kind, the newest of each key, without the keys a later line says are gone."""
        merged = self._merged.get(kind)
        if merged is None:
            merged = self._merged[kind] = {}
            lines = self.lines
            for number in reversed(range(len(lines))):
                if self._kinds[number] in (None, kind.encode()):
                    entries = self._entries(number)
                    for key in entries.get(kind + "-", ()):
                        merged.pop(key, None)
                    merged.update(entries.get(kind, {}))
        return merged

    def _may_hold(self, number: int, kind: str, quoted: bytes) -> bool:
        """Whether a line to parse may hold an entry that starts with `quoted` (a key as the writer encoded it, or
        the start of one): for the first KEYS_SCANNED keys of a kind, told by its bytes up to its keys' end (where
        a line names no such key, it is not parsed); after them, or once the line is parsed, taken as yes."""
        if number in self._parsed or self._asked.get(kind, 0) > KEYS_SCANNED:
            return True
        return self.lines[number].find(quoted, before=self._keys_end(number)) >= 0

    def _keys_end(self, number: int) -> int:
        """Where a line's keys end, found once a line: a line of one kind's at its object's close (its spans and
        mark come after, see `LookupLine.sorted_find`), another's where its spans start (they come last, the
        people's first)."""
        end = self._keys_ends.get(number)
        if end is None:
            line = self.lines[number]
            if self._kinds[number] is not None:
                end = line.find(b"}", line.start + LINE_HEAD_BYTES)
            else:
                end = line.find(b',"ps*":"')
                end = line.find(b',"os*":"') if end < 0 else end
            end = self._keys_ends[number] = line.end if end < 0 else end
        return end

    def _many(self, kind: str) -> bool:
        """Whether so many keys of a kind were asked for that its lines are best parsed whole."""
        self._asked[kind] = self._asked.get(kind, 0) + 1
        return self._asked[kind] > KEYS_ONE_BY_ONE

    def place(self, kind: str, key: str) -> int | None:
        """The packed place of the person ("p") or organization ("o") with this key, None when not stored."""
        if self._many(kind):
            place = self._all(kind).get(key)
            return int(place) if place is not None else None
        quoted = orjson.dumps(key)
        needle = quoted + b":"
        for number, line in enumerate(self.lines):
            if self._kinds[number] == kind.encode():
                if line.is_sorted():
                    found = line.sorted_find(key, needle, self._keys_end(number))
                else:
                    found = line.find(needle, line.start + LINE_HEAD_BYTES)
                if found >= 0:
                    number_match = PLACE.match(line.raw, found + len(needle))
                    return int(number_match.group()) if number_match else None
            elif self._kinds[number] is None and self._may_hold(number, kind, quoted):
                entries = self._entries(number)
                if key in entries.get(kind + "-", ()):
                    return None
                if key in entries.get(kind, {}):
                    return int(entries[kind][key])
        return None

    def article_place(self, article_key: str, before: float | None = None) -> int | None:
        """The packed place of the article whose content hash starts with `article_key`, None when not stored. A line
        of articles is first searched where its entry would stand were `before` (about how many stored articles come
        before it) entries as long as those in the middle of the line before it (ARTICLE_MARGIN either side), then
        whole: the one line of articles written whole lists them from the first stored, in stored order, and later
        lines, searched first, list the articles stored since."""
        if self._many("a"):
            prefixes = self._merged.get("a-prefix")
            if prefixes is None:
                length = len(article_key)
                prefixes = self._merged["a-prefix"] = {key[:length]: place for key, place in self._all("a").items()}
            place = prefixes.get(article_key)
            return int(place[0]) if place is not None else None
        needle = b'"' + article_key.encode("ascii")
        for number, line in enumerate(self.lines):
            if self._kinds[number] == b"a":
                place = None
                if before is not None:
                    middle = min(line.start + int(max(before, 0.0) * self._entry_bytes(number)), line.end)
                    place = article_entry(line, needle, middle - ARTICLE_MARGIN, middle + ARTICLE_MARGIN)
                if place is None:
                    place = article_entry(line, needle, line.start, line.end)
                if place is not None:
                    return place
            elif self._kinds[number] is None and self._may_hold(number, "a", needle):
                place = self._article_prefixes(number, len(article_key)).get(article_key)
                if place is not None:
                    return place
        return None

    def _entry_bytes(self, number: int) -> float:
        """How many bytes an entry of a line of articles takes, about: counted in ENTRY_SAMPLE bytes of its middle,
        once."""
        found = self._entry_sizes.get(number)
        if found is None:
            line = self.lines[number]
            middle = (line.start + line.end) // 2
            low, high = max(line.start, middle - ENTRY_SAMPLE // 2), min(line.end, middle + ENTRY_SAMPLE // 2)
            found = self._entry_sizes[number] = (high - low) / max(1, line.raw[low:high].count(b'":['))
        return found

    def _article_prefixes(self, number: int, length: int) -> dict[str, int]:
        """The places of a parsed line's articles by the first `length` characters of their content hash (the first
        of each), made once: a search reads the article of each quote it prints, and each such article is looked
        for in every line written after it."""
        prefixes = self._line_prefixes.get((number, length))
        if prefixes is None:
            prefixes = self._line_prefixes[(number, length)] = {}
            for digest, place in self._entries(number).get("a", {}).items():
                prefixes.setdefault(digest[:length], int(place[0]))
        return prefixes


def article_entry(line: LookupLine, needle: bytes, after: int, before: int) -> int | None:
    """The place in the entry of a line of articles that `needle` (a quote mark and the start of a content hash)
    starts, looked for between `after` and `before`; None when none is there."""
    found = line.find(needle, after, before + len(needle))
    while found >= 0:
        match = ARTICLE_REST.match(line.raw, found + len(needle))
        if match and line.raw[found - 1 : found] in (b"{", b","):
            return int(match.group(1))
        found = line.find(needle, found + 1, before + len(needle))
    return None


PLACE = re.compile(rb"\d+")
ARTICLE_REST = re.compile(rb'[0-9a-f]*":\[(\d+),')
"""The rest of an article's entry in a lookup line after the start of its content hash: its place."""
ARTICLE_MARGIN = 131_072
"""How far either side of where an article's entry would stand its line of articles is searched first."""
ENTRY_SAMPLE = 16_384
"""The bytes of the middle of a line of articles its entries are counted in, to tell how long one is."""


def cut_document(raw: bytes, doc_id: int, near: int = 0, ends_file: bool = True) -> dict[str, Any] | None:
    """The document with this id, cut from its table file's bytes (or from some of them, which end the file only if
    `ends_file`) and parsed alone, looked for from `near` on (then before it); None when it is not there whole."""
    needle = b'"%d":{' % doc_id
    start = raw.find(needle, near)
    if start < 0 and near:
        start = raw.find(needle, 0, near + len(needle))
    if start < 1 or raw[start - 1 : start] not in (b"{", b","):
        return None
    following = raw.find(b',"%d":{' % (doc_id + 1), start)
    if following < 0 and not ends_file:
        return None
    end = following if following >= 0 else raw.rstrip().rfind(b"}")
    try:
        document = orjson.loads(raw[raw.index(b":", start) + 1 : end])
    except (orjson.JSONDecodeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def cut_near(data: FileBytes, size: int, doc_id: int, estimate: int) -> dict[str, Any] | None:
    """The document with this id, cut from the bytes of its file around `estimate` (a few kilobytes either side,
    then four times as many); None when it is not there whole."""
    for margin in (NEAR_MARGIN, 4 * NEAR_MARGIN):
        low, high = max(0, estimate - margin), min(size, estimate + margin)
        found = cut_document(data[low:high], doc_id, ends_file=high >= size)
        if found is not None:
            return found
    return None


def last_quote_id(raw: bytes) -> int | None:
    """The id of the last quote in a quote file's bytes (each quote's document starts with its text)."""
    end = raw.rfind(b'":{"text":')
    start = raw.rfind(b'"', 0, end) + 1 if end > 0 else 0
    digits = raw[start:end]
    return int(digits) if digits.isdigit() and raw[start - 2 : start - 1] in (b"{", b",") else None


NEAR_MARGIN = 16_384
"""How far either side of where a quote would stand if all were as long its bytes are first read from its file."""
TAIL_BYTES = 65_536
"""The end of a quote file, read to find its last quote's id."""
QUOTE_FILES_KEPT = 8
"""Quote files a search keeps parsed, once it read many quotes of each."""
QUOTE_FILES_OPEN = 64
"""Quote files a search keeps open to cut the next quotes from."""
CUTS_PER_FILE = 16
"""Quotes cut from a file's bytes one by one; past this many, the file is parsed whole."""
QUOTES_READ_FOR_SPEAKERS = 2_000
"""Up to this many quotes found, whether a later term names their speaker is read from the quotes themselves."""
PART_FILES_OPEN = 256
"""Index part files a search keeps open between keys (each with the blocks read of it); the others are opened for
each key."""
DOCUMENTS_ONE_BY_ONE = 50_000
"""People, organizations and articles read one by one from where they stand; past this many, whole tables are read.
At 100,000 articles each costs about 50 microseconds, and the whole tables several hundred MB: a search of 12,152
quotes took 5.2 s and 457 MB, against 4.0 s and 986 MB with whole tables past 256, and 1,000 lines of a common word
0.5 s and 267 MB, against 1.45 s and 826 MB."""


def quotes_of_articles(tables: Tables, keys: Collection[str]) -> list[int]:
    """Positions of the quotes of the articles with these keys in a store version, ascending: each quote file's bytes
    searched for the articles its quotes name, in order (a quote's text cannot hold an unescaped `"article":"`), and
    parsed only when they do not name one for each of its quotes; no stored section holds an article's quotes."""
    wanted = {key.encode("utf-8") for key in keys}
    few = len(keys) <= ARTICLES_BY_PATTERN
    naming = re.compile(b'"article":"(?:%s)"' % b"|".join(map(re.escape, wanted))) if few else None
    positions: list[int] = []
    start = 0
    for number, _file, count, raw in table_file_bytes(tables, "quotes"):
        if naming is None or naming.search(raw):
            named = quote_file_fields(tables, number, raw, "article")
            positions.extend(start + offset for offset, key in enumerate(named) if key in wanted)
        start += count
    return positions


def table_file_bytes(tables: Tables, table: str) -> Iterator[tuple[int, str, int, bytes]]:
    """Each file of a table in order: its number, its name, how many documents it holds, and its bytes, unparsed;
    a file cut short (it does not end its JSON object) is said to be damaged, as parsing it would, rather than read
    as holding fewer documents."""
    for number, (file, count) in enumerate(tables.files.get(table, [])):
        check_stop()
        raw = read_table_bytes(tables.directory / file) if file else b"{}"
        if not raw.rstrip().endswith(b"}"):
            raise StoreError(f"{shown_path(tables.directory / file)}: damaged table file; the store cannot be read")
        yield number, file, count or 0, raw


def quote_fields(tables: Tables, field: str) -> Iterator[bytes]:
    """The `article` or `speaker` each stored quote names, in stored order, told from the quote files' bytes (see
    `quote_file_fields`): a second for a million quotes, where reading each quote costs a millisecond."""
    for number, _file, _count, raw in table_file_bytes(tables, "quotes"):
        yield from quote_file_fields(tables, number, raw, field)


def stored_names(tables: Tables, table: str) -> Iterator[tuple[str, str]]:
    """The key and name of every stored person or organization, in stored order: each file's documents found by
    their first two fields in its bytes, as the writer puts them (a tenth of the time of parsing them: 0.3 s for
    200,000 people at 100,000 articles), or read from its documents parsed when the bytes hold others too."""
    for number, file, count, raw in table_file_bytes(tables, table):
        dead = {doc_id.encode("ascii") for doc_id in tables.superseded.get(file, ())}
        named = [(key, name) for doc_id, key, name in KEY_AND_NAME.findall(raw) if doc_id not in dead]
        if len(named) == count:
            yield from ((json_text(key), json_text(name)) for key, name in named)
        else:
            for document in tables.segment_documents(table, number, keep=False).values():
                yield str(document.get("key", "")), str(document.get("name", ""))


def json_text(encoded: bytes) -> str:
    """The text a JSON string's bytes (without its quotes) stand for."""
    return orjson.loads(b'"' + encoded + b'"') if b"\\" in encoded else encoded.decode("utf-8")


def quote_file_fields(tables: Tables, number: int, raw: bytes, field: str) -> list[bytes]:
    """The `article` or `speaker` (b"" for none) each quote of a quote file names, in order: found in its bytes (a
    quote's text cannot hold an unescaped `"article":"`), or read from its documents parsed when the bytes name
    more or fewer than the file holds (superseded quotes still in it)."""
    file, count = tables.files["quotes"][number]
    named = QUOTE_FIELDS[field].findall(raw)
    if len(named) != count or tables.superseded.get(file):
        documents = tables.segment_documents("quotes", number, keep=False).values()
        named = [str(document.get(field) or "").encode("utf-8") for document in documents]
    return named


class KeyedStore:
    """A store version read by key: what a search needs, and the documents of what it prints."""

    def __init__(self, tables: Tables, parts: list[IndexPart], lookups: LookupLines) -> None:
        self.tables = tables
        self.parts = parts
        self.lookups = lookups
        self.quotes = tables.documents("quotes", parts_kept=QUOTE_FILES_KEPT)
        self._documents: dict[tuple[str, str], Mapping[str, Any] | None] = {}
        self._whole_tables: dict[str, dict[str, Mapping[str, Any]]] = {}
        self._read_whole: set[str] = set()
        """Tables to read whole when first asked for (see `read_whole_when_asked`)."""
        self._quote_starts = [0, *accumulate(count or 0 for _file, count in tables.files.get("quotes", []))]
        self._article_count = tables.document_count("articles")
        self._quotes_read: dict[int, Mapping[str, Any]] = {}
        self._cuts_in_file: dict[int, int] = {}
        self._quote_files: dict[int, tuple[FileBytes, int, int | None]] = {}
        self._postings: dict[tuple[str, str], array] = {}
        self._part_files: dict[Path, FileBytes] = {}
        self._article_quoted_at: dict[str | None, int] = {}
        """The position of a quote read of each article: how many articles stand before it, about (see
        `LookupLines.article_place`)."""
        self._gone: set[str] | None = None
        self._speaker_values: dict[str, list[Posted]] | None = None
        """Every speaker's postings in each part, once many speakers were asked for (see `read_speakers`)."""

    @classmethod
    def of(cls, tables: Tables | None) -> KeyedStore | None:
        """The store read by key, or None when its index or lookups were not written for it (an earlier whosaid
        wrote them, or the store is too small to keep tables in files)."""
        if not isinstance(tables, Tables) or tables.loaded or tables.changed or INDEX_TABLE not in tables.files:
            return None
        parts = index_parts(tables)
        lookups = LookupLines.of(tables) if parts is not None else None
        return cls(tables, parts, lookups) if parts is not None and lookups is not None else None

    @property
    def quote_count(self) -> int:
        """How many quotes are stored (copies counted apart)."""
        return self._quote_starts[-1]

    def postings(self, section: str, key: str) -> array:
        """The positions a word, a pair of words ("a b") or a speaker id is posted at, ascending."""
        found = self._postings.get((section, key))
        if found is None:
            if section == "speakers" and self._speaker_values is not None:
                found = decoded_positions(self._speaker_values.get(key, ()))
            else:
                found = decoded_positions(self.posted(section, key))
            self._postings[(section, key)] = found
        return found

    def values(self, section: str, key: str) -> Iterator[bytes]:
        """The stored value (base64) of `key` in the section of each part that holds it, in order."""
        return (value for value, _shift in self.posted(section, key))

    def posted(self, section: str, key: str) -> Iterator[Posted]:
        """The stored value (base64) of `key` in the section of each part that holds it, with the part's shift, in
        order. The parts' files stay open, with the blocks read of them, for the search's next keys: every search
        of a section starts with the same probes."""
        encoded = key.encode("utf-8")
        for part in self.parts:
            data = self._part_files.get(part.path)
            if data is None:
                data = MappedBytes(part.path).open()
                if len(self._part_files) < PART_FILES_OPEN:
                    self._part_files[part.path] = data
            start, end = part.sections[section]
            value = section_value(data, start, end, encoded)
            if value:
                yield value, part.shift

    def read_speakers(self) -> None:
        """Read every part's section of the speakers' postings at once, for a search that asks for many speakers:
        one parse of each section rather than a lookup in each part for each speaker."""
        if self._speaker_values is None:
            values: dict[str, list[Posted]] = {}
            for part in self.parts:
                for speaker, value in part.section("speakers").items():
                    values.setdefault(speaker, []).append((value, part.shift))
            self._speaker_values = values

    def speaker_positions(self, speakers: Iterable[str]) -> dict[str, array]:
        """The positions of each speaker's quotes, ascending: looked up one by one for a few speakers, else read
        from every part's section of them (see `read_speakers`)."""
        speakers = list(dict.fromkeys(speakers))
        missing = [speaker for speaker in speakers if ("speakers", speaker) not in self._postings]
        if len(missing) > SPEAKERS_ONE_BY_ONE:
            self.read_speakers()
        elif len(missing) >= SPEAKERS_FROM_BYTES and self._speaker_values is None:
            self._look_up_speakers(missing)
        return {speaker: self.postings("speakers", speaker) for speaker in speakers}

    def _look_up_speakers(self, speakers: Sequence[str]) -> None:
        """Look up these speakers' postings together (see `speakers_postings`), reading the parts' files kept open."""

        def section_bytes(part: IndexPart, start: int, end: int) -> bytes:
            kept = self._part_files.get(part.path)
            if kept is not None:
                return kept[start:end]
            with FileBytes(part.path) as data:
                return data[start:end]

        for speaker, positions in speakers_postings(self.parts, speakers, section_bytes).items():
            self._postings[("speakers", speaker)] = positions

    def speakers_of(self, positions: Iterable[int]) -> dict[str, array]:
        """The positions of the quotes of the speakers of the quotes at these positions, looked up together: but for
        speakers the writer marked as having their quotes all apart, whose quotes grouping never reads."""
        speakers = {self.quote(position).get("speaker") for position in positions}
        people = [speaker[len("person:") :] for speaker in speakers if speaker and speaker.startswith("person:")]
        self.read_in_file_order("people", people)
        return self.speaker_positions(speaker for speaker in speakers if speaker and not self.quotes_apart(speaker))

    def speakers_with_word(self, word: str) -> set[str]:
        """The ids of the speakers one of whose names holds this folded word."""
        return named_speakers(self.values("names", word))

    @property
    def knows_spoken_for(self) -> bool:
        """Whether the index says who spoke for which organization (see `knows_spoken_for`)."""
        return knows_spoken_for(self.parts)

    @property
    def gone_speakers(self) -> set[str]:
        """The speakers writes removed since the index was built (see `store.quote_index.GONE_MARK`): the words of
        their names may not be theirs any more."""
        if self._gone is None:
            self._gone = named_speakers(self.values("names", GONE_MARK)) if self.tables.removed_at else set()
        return self._gone

    def organization_named(self, named: str) -> str | None:
        """The key of the organization a name key (see `name_key`) stands for: the first stored to have a name of
        that key, in the order the browser lists organizations (by folded name, then as stored), as
        `store.snapshot.OrganizationKeysByName` tells it."""
        placed: list[tuple[str, int, str]] = []
        for speaker in named_speakers(self.values("names", NAME_KEY_MARK + named)):
            key = speaker.partition(":")[2]
            place = self.lookups.place("o", key)
            names = self.names_of(speaker)
            if place is not None and any(name_key_unkept(name) == named for name in names):
                placed.append((fold(names[0]), place, key))
        return min(placed)[2] if placed else None

    def names_standing_for(self, organizations: Sequence[str]) -> list[str]:
        """The name keys that stand for these organizations ("organization:KEY"; see `organization_named`): each
        one's names looked up for a few, else every organization read once, in the browser's order."""
        if len(organizations) <= ORGANIZATIONS_BY_KEY:
            return [
                named
                for speaker in organizations
                for named in dict.fromkeys(map(name_key_unkept, self.names_of(speaker)))
                if self.organization_named(named) == speaker.partition(":")[2]
            ]
        listed = sorted(
            (fold(document["name"]), position, document["key"], (document["name"], *document.get("aliases", ())))
            for position, document in enumerate(self.tables.documents("organizations", dropped_fields=("articles",)))
        )
        first_named: dict[str, str] = {}
        for _folded, _position, key, names in listed:
            for name in names:
                first_named.setdefault(name_key_unkept(name), key)
        wanted = {speaker.partition(":")[2] for speaker in organizations}
        return [named for named, key in first_named.items() if key in wanted]

    def spoken_for(self, names: Sequence[str]) -> dict[str, array]:
        """The `for` postings of these organization name keys, looked up together (see `speakers_postings`)."""
        return speakers_postings(self.parts, names, section_name="for")

    def quote(self, position: int) -> Mapping[str, Any]:
        """The stored quote at this position: the first few of a file cut from the bytes around where it would
        stand, found by its id (when the file holds its quotes under consecutive ids, as a writer appends them), the
        next read from the file parsed whole. Each quote read is kept: grouping copies asks for the same quotes
        again, and only QUOTE_FILES_KEPT files stay parsed."""
        found = self._quotes_read.get(position)
        if found is None:
            found = self._quotes_read[position] = self._read_quote(position)
            self._article_quoted_at.setdefault(found.get("article"), position)
        return found

    def _read_quote(self, position: int) -> Mapping[str, Any]:
        """The stored quote at this position, cut from its file or read from it parsed (see `quote`)."""
        number = bisect_right(self._quote_starts, position) - 1
        cuts = self._cuts_in_file[number] = self._cuts_in_file.get(number, 0) + 1
        if cuts <= CUTS_PER_FILE:
            data, size, first_id = self._quote_file(number)
            if first_id is not None:
                offset = position - self._quote_starts[number]
                count = self._quote_starts[number + 1] - self._quote_starts[number]
                found = cut_near(data, size, first_id + offset, size * offset // max(count, 1))
                if found is not None:
                    return found
        return self.quotes[position]

    def _quote_file(self, number: int) -> tuple[FileBytes, int, int | None]:
        """A quote file open, its size, and the id of its first quote when its ids follow each other (else None):
        told from its first bytes and its last."""
        kept = self._quote_files.pop(number, None)
        if kept is None:
            file, count = self.tables.files["quotes"][number]
            data = MappedBytes(self.tables.directory / file).open()
            size = data.size()
            first = FIRST_DOCUMENT.match(data[0:HEAD_BYTES])
            last = last_quote_id(data[max(0, size - TAIL_BYTES) : size])
            whole = file in self.tables.superseded or first is None or last is None
            kept = (data, size, None if whole or last - int(first.group(1)) + 1 != count else int(first.group(1)))
        self._quote_files[number] = kept
        while len(self._quote_files) > QUOTE_FILES_OPEN:
            del self._quote_files[next(iter(self._quote_files))]
        return kept

    def read_speakers_quotes(self, positions: Sequence[int]) -> None:
        """Read every quote of the speakers of the quotes at these positions (ascending), all at once in stored order,
        and keep them: grouping their copies reads them batch by batch, each batch over many files, and read in that
        order the same quote files would be parsed again for each batch."""
        said = self.speakers_of(positions)
        for position in sorted(set().union(*said.values())):
            self.quote(position)

    def quote_documents(self) -> Sequence[Mapping[str, Any]]:
        """The stored quotes by position, each read when first looked at (see `quote`)."""
        return QuotesByPosition(self)

    def document(self, table: str, key: str) -> Mapping[str, Any] | None:
        """The stored person, organization or article with this key, read from where the lookups say it stands
        (once many were asked for, from the whole table, read at once)."""
        cache_key = (table, key)
        if cache_key in self._documents:
            return self._documents[cache_key]
        whole = self._whole_tables.get(table)
        if whole is None and (len(self._documents) > DOCUMENTS_ONE_BY_ONE or table in self._read_whole):
            try:
                whole = {document["key"]: document for document in self.tables.documents(table)}
            except TableFileMissing:
                raise StoreError(CHANGED_WHILE_READ) from None
            self._whole_tables[table] = whole
        if whole is not None:
            return whole.get(key)
        return self._read_placed(table, key, self._place(table, key))

    def read_whole_when_asked(self, *tables: str) -> None:
        """Read these tables whole when one of their documents is next asked for: for a listing that asks for most of
        them (and may fork before it does, see `tui.forked_lines`)."""
        self._read_whole.update(tables)

    def _place(self, table: str, key: str) -> int | None:
        """Where the lookups say the person, organization or article with this key stands (its file's number and
        its id, packed), None when not stored."""
        if table == "articles":
            quoted_at = self._article_quoted_at.get(key)
            total = max(self._quote_starts[-1], 1)
            before = quoted_at * self._article_count / total if quoted_at is not None else None
            return self.lookups.article_place(key, before)
        return self.lookups.place("p" if table == "people" else "o", key)

    def read_in_file_order(self, table: str, keys: Iterable[str]) -> None:
        """Read the documents of these people, organizations or articles, in the order they stand in the table's
        files, and keep them: read in any other order, each was a search of its file's bytes (9,267 people took
        2.1 s at 2,000 articles)."""
        if table in self._whole_tables:
            return
        wanted = [key for key in dict.fromkeys(keys) if (table, key) not in self._documents]
        if len(self._documents) + len(wanted) > DOCUMENTS_ONE_BY_ONE:
            return
        placed = sorted(((self._place(table, key), key) for key in wanted), key=lambda pair: pair[0] or 0)
        for packed, key in placed:
            self._read_placed(table, key, packed)

    def _read_placed(self, table: str, key: str, packed: int | None) -> Mapping[str, Any] | None:
        """The document with this key read from where `packed` says it stands (see `_place`), and kept."""
        cache_key = (table, key)
        document = None
        if packed is not None:
            number, doc_id = packed >> 32, str(packed & 0xFFFFFFFF)
            if number < len(self.tables.files.get(table, [])):
                document = self.tables.document_at(table, number, doc_id)[0]
                if document.get("key") != key:
                    raise StoreError(f"the lookups do not say where {table} {key!r} stands")
        self._documents[cache_key] = document
        return document

    def article_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the article with this key, if stored."""
        return self.document("articles", key)

    def person_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the person with this key, if stored."""
        return self.document("people", key)

    def speaker_name(self, speaker: str | None) -> str | None:
        """The name of a quote's speaker ("person:KEY", "organization:KEY"), None when unknown or unattributed."""
        kind, _, key = (speaker or "").partition(":")
        if kind not in ("person", "organization") or not key:
            return None
        document = self.document("people" if kind == "person" else "organizations", key)
        return document.get("name") if document is not None else None

    def names_of(self, speaker: str) -> tuple[str, ...]:
        """A speaker's name and other names, none when not stored."""
        kind, _, key = speaker.partition(":")
        document = self.document("people" if kind == "person" else "organizations", key)
        return (document["name"], *document.get("aliases", ())) if document is not None else ()

    def groups(self) -> QuoteGroups:
        """The groups of copies of the quotes a listing asks about, made as it asks: the speakers of a batch of
        found quotes are grouped, reading each of their quotes (see `QuoteGroups.entries_in_order`), but for those
        the writer marked as having their quotes all apart."""
        return QuoteGroups(
            QuoteField(self, "text"),  # type: ignore[arg-type]
            QuoteField(self, "speaker"),  # type: ignore[arg-type]
            SpeakerQuotes(self),
            self.quotes_apart,
        )

    def quotes_apart(self, speaker: str) -> bool:
        """Whether the writer marked a stored speaker's quotes all apart (see `store.quote_groups.QUOTES_APART`)."""
        kind, _, key = speaker.partition(":")
        document = self.document("people", key) if kind == "person" else None
        return document is not None and document.get(QUOTES_APART) is True


class QuoteField:
    """One field of the stored quotes of a `KeyedStore`, by position, read when asked for."""

    def __init__(self, store: KeyedStore, name: str) -> None:
        self._store = store
        self._name = name

    def __getitem__(self, position: int) -> Any:
        return self._store.quote(position).get(self._name)

    def many(self, positions: Sequence[int]) -> list[Any]:
        """The field of the quotes at these positions, in their order, read in stored order: grouping many speakers
        asks for quotes all over the store, and read in its own order each quote file is parsed at most once (only
        QUOTE_FILES_KEPT stay parsed), where in the asked order the same files would be parsed again and again
        (minutes at 100,000 articles)."""
        quote, name = self._store.quote, self._name
        read = {position: quote(position).get(name) for position in sorted(set(positions))}
        return [read[position] for position in positions]


SPEAKERS_FROM_BYTES = 8
"""From this many speakers asked for together (up to SPEAKERS_ONE_BY_ONE), each part's section of speakers is read
whole as bytes and searched in memory for all of them (see `KeyedStore._look_up_speakers`)."""
SPEAKERS_ONE_BY_ONE = 128
"""Speakers whose postings a search looks up one by one (about a hundredth of a second each at 100,000 articles);
past this many, it reads them all at once (about a second)."""


class SpeakerQuotes(dict[str, list[int]]):
    """The positions of each speaker's quotes in a `KeyedStore`, looked up when first asked for."""

    def __init__(self, store: KeyedStore) -> None:
        super().__init__()
        self._store = store

    def __missing__(self, speaker: str) -> list[int]:
        if len(self) >= SPEAKERS_ONE_BY_ONE:
            self._store.read_speakers()
        found = self[speaker] = list(self._store.postings("speakers", speaker))
        return found


class FirstEntries:
    """The entries `QuoteGroups.entries_in_order` lists among some found positions (ascending, or in another order:
    see `store.keyed_listing.ordered_by_key`), each speaker grouped only when the first of these positions of
    theirs is reached: the first lines of a query that finds too many quotes to group them all cost what they
    print. An entry is told against every found position, so the entries listed among the first positions are
    exactly those a listing of all of them has there."""

    def __init__(self, groups: QuoteGroups, found: Sequence[int], first: int) -> None:
        """The entries among the first `first` of the `found` positions, of the groups of `groups`."""
        self._groups = groups
        self._found = found
        self._first = first
        self.scanned = -1
        """The last position looked at: in stored order, every entry up to it is listed (in another, `listed` tells
        where the listing stopped)."""
        self.listed = 0
        """How many entries were listed."""

    def __iter__(self) -> Iterator[int]:
        groups, found = self._groups, self._found
        matched = cache(lambda: set(found))
        for position in found[: self._first]:
            self.scanned = position
            if groups.listed_among(position, matched):
                self.listed += 1
                yield position


SPEAKER_FILTERS = ("speaker", "org")
"""The filters a keyed search finds quotes by, from the speakers' postings."""
QUOTE_ARTICLE = re.compile(rb'"article":"([^"\\]*)"')
"""The article a stored quote names, in its file's bytes."""
KEY_AND_NAME = re.compile(rb'"(\d+)":\{"key":"([^"\\]*(?:\\.[^"\\]*)*)","name":"([^"\\]*(?:\\.[^"\\]*)*)"')
"""A stored person's or organization's id, key and name, as its document starts in its file's bytes."""
QUOTE_FIELDS = {"article": QUOTE_ARTICLE, "speaker": re.compile(rb'"speaker":(?:null|"([^"\\]*)")')}
"""The fields of a stored quote read from its file's bytes (see `quote_file_fields`): an unattributed quote's
speaker is null."""
ARTICLES_BY_PATTERN = 64
"""Up to this many articles, one pattern naming them tells which quote files hold their quotes (0.22 s over 358 MB
for nine) before any is listed; past them, every file's quotes are listed with the articles they name."""
ARTICLES_READ_BY_KEY = 4_000
"""Found quotes whose articles a filter on articles reads one by one; past them, every article is read and the
quote files searched for the quotes of those kept (about 1.5 s at 100,000 articles, where reading each of 615,578
found quotes' articles by key would take minutes)."""
NOT_SPOKEN_FOR = "the index does not say who spoke for which organization"
ORGANIZATIONS_BY_KEY = 64
"""Organizations an `org:` filter may name for a keyed search to look up which of their names stand for them one by
one; past them, every organization is read."""


def keyed_terms(parsed: ParsedQuery) -> bool:
    """Whether a keyed search answers this query as a full read would: whole words and phrases, speakers or
    organizations to find quotes by, and no filter but on those or on the found quotes' articles (see
    `store.keyed_listing`), or filters on articles alone. An `org:` filter also needs a store that knows who spoke
    for what (see `KeyedStore.knows_spoken_for`)."""
    finding = [query_filter.term for query_filter in parsed.filters if query_filter.field in SPEAKER_FILTERS]
    return (
        bool(parsed.terms or finding or parsed.filters)
        and all(query_filter.field in (*SPEAKER_FILTERS, *ARTICLE_FILTERS) for query_filter in parsed.filters)
        and not any(term.last_is_prefix for term in [*parsed.terms, *(f.term for f in parsed.filters)])
    )


def only_article_filters(parsed: ParsedQuery) -> bool:
    """Whether a query is only filters on articles (see `store.keyed_listing.ARTICLE_FILTERS`)."""
    return not parsed.terms and bool(parsed.filters) and len(article_filters(parsed.filters)) == len(parsed.filters)


def term_needs_names(term: Term) -> bool:
    """Whether the speakers a term names must be told by their names, beyond having each of its words."""
    return term.literal is not None or len(term.tokens) > 1


class KeyedSearch:
    """A query answered from a `KeyedStore`, exactly as `Snapshot.search_entries` answers it from the whole store:
    quotes whose text matches every term, or whose speaker a term names (see store.search)."""

    def __init__(self, store: KeyedStore) -> None:
        self.store = store

    def positions(self, parsed: ParsedQuery) -> list[int]:
        """Positions of the quotes the query (see `keyed_terms`) matches, ascending, as `Snapshot._search_positions`."""
        return self.filtered(self.found_positions(parsed), parsed)

    def filtered(self, found: Sequence[int], parsed: ParsedQuery) -> list[int]:
        """Those of the positions `found_positions` found that the query's filters on articles keep: up to
        ARTICLES_READ_BY_KEY found, each quote's article read by key (see `store.keyed_listing`), a cost that follows
        how many were found; past them, those among the quotes of the articles the filters keep (see
        `articles_found`), a cost that follows the store. Quotes found by those filters alone are kept as found."""
        filters = article_filters(parsed.filters)
        if only_article_filters(parsed) or not filters or not found:
            return list(found)
        if len(found) <= ARTICLES_READ_BY_KEY:
            return kept_by_articles(self.store, found, filters)
        kept = marked(self.store.quote_count, self.articles_found(parsed))
        return [position for position in found if kept[position]]

    def articles_found(self, parsed: ParsedQuery) -> list[int]:
        """Positions of the quotes of the articles every filter keeps, as the whole store's `article:`, `source:`
        and `date:` filters keep them: every article's document read (45 MB at 100,000 articles), then the quote
        files searched for the quotes of those kept (see `quotes_of_articles`)."""
        documents = {str(document.get("key")): document for document in self.store.tables.documents("articles")}
        kept = set(documents)
        for query_filter in article_filters(parsed.filters):
            kept &= articles_kept(query_filter, {key: documents[key] for key in kept})
        return quotes_of_articles(self.store.tables, kept) if kept else []

    def found_positions(self, parsed: ParsedQuery) -> list[int]:
        """Positions of the quotes the query's terms and speaker filters match, ascending: each term holds the quotes
        whose text it matches, those of the speakers it names and those said for the organizations it names. The term
        naming the fewest speakers is taken first; a later term keeps a quote its text matches, or whose speaker it
        names (the speaker read from the quote while few are left, else told by the speakers' postings). A query of
        filters on articles alone finds the quotes of the articles they keep (see `articles_found`)."""
        terms = parsed.terms
        if only_article_filters(parsed):
            return self.articles_found(parsed)
        named = [self.speakers_named(term) for term in terms]
        if not any(named) and not any(query_filter.field in SPEAKER_FILTERS for query_filter in parsed.filters):
            return self.text_positions(terms)
        found: set[int] | None = None
        for query_filter in parsed.filters:
            if query_filter.field == "speaker":
                speakers = self.store.speaker_positions(self.speakers_named(query_filter.term))
                said = set().union(*speakers.values())
            elif query_filter.field == "org":
                said = self.organization_positions(query_filter.term)
            else:
                continue
            found = said if found is None else found & said
        for number in sorted(range(len(terms)), key=lambda n: len(named[n])):
            if found is not None and not found:
                return []
            in_text = set(self.text_positions((terms[number],)))
            said_by = named[number]
            in_text.update(self.said_for([speaker for speaker in said_by if speaker.startswith("organization:")]))
            if found is None:
                for positions in self.store.speaker_positions(said_by).values():
                    in_text.update(positions)
                found = in_text
            elif len(said_by) <= KEYS_ONE_BY_ONE or len(found) > QUOTES_READ_FOR_SPEAKERS:
                said = set().union(*self.store.speaker_positions(said_by).values())
                found = {position for position in found if position in in_text or position in said}
            else:
                quote = self.store.quote
                found = {p for p in found if p in in_text or quote(p).get("speaker") in said_by}
        return sorted(found or ())

    def organization_positions(self, term: Term) -> set[int]:
        """Positions of the quotes an `org:` filter keeps, as `Snapshot._quotes_for_organization_named` finds them:
        said by an organization the term names, or by a person speaking for it in that article (the `for` postings
        of each of its names' keys that stands for it)."""
        if not self.store.knows_spoken_for:
            raise StoreError(NOT_SPOKEN_FOR)
        organizations = [speaker for speaker in self.speakers_named(term) if speaker.startswith("organization:")]
        found = set().union(*self.store.speaker_positions(organizations).values())
        return found | self.said_for(organizations)

    def said_for(self, organizations: Sequence[str]) -> set[int]:
        """Positions of the quotes people said for these organizations ("organization:KEY"): the `for` postings of
        each of their names' keys that stands for one. StoreError from an index that does not say who spoke for
        which."""
        if not organizations:
            return set()
        if not self.store.knows_spoken_for:
            raise StoreError(NOT_SPOKEN_FOR)
        return set().union(*self.store.spoken_for(self.store.names_standing_for(organizations)).values())

    def text_positions(self, terms: Sequence[Term]) -> list[int]:
        """Positions of the quotes whose text matches every term (as `QuoteIndex.search`)."""
        required: list[Sequence[int] | set[int]] = []
        to_verify: list[Term] = []
        for term in terms:
            tokens, forms = term.tokens, term.forms()
            if len(tokens) == 1:
                required.append(any_posted(partial(self.store.postings, "words"), [form[0] for form in forms]))
            for number in range(len(tokens) - 1):
                pairs = [f"{form[number]} {form[number + 1]}" for form in forms]
                required.append(any_posted(partial(self.store.postings, "pairs"), pairs))
            if term.literal is not None or len(tokens) > 2:
                to_verify.append(term)
        return positions_matching(required, to_verify, lambda position: fold(self.store.quote(position)["text"]))

    def speakers_named(self, term: Term) -> set[str]:
        """The ids of the speakers one of whose names the term matches (as `NameLines.owners_matching`)."""
        candidates: set[str] | None = None
        for number in range(len(term.tokens)):
            with_word = set().union(*map(self.store.speakers_with_word, term.token_forms(number)))
            candidates = with_word if candidates is None else candidates & with_word
            if not candidates:
                return set()
        if not candidates:
            return set()
        checked = candidates if term_needs_names(term) else candidates & self.store.gone_speakers
        if not checked:
            return candidates
        from store.snapshot import NameLines  # the snapshot imports this module's index parts

        ordered = sorted(checked)
        lines = NameLines.build((number, self.store.names_of(speaker)) for number, speaker in enumerate(ordered))
        return (candidates - checked) | {ordered[owner] for owner in lines.owners_matching(term)}



def read_by_key(path: Path) -> KeyedStore | None:
    """The store at `path` read by key, or None when it must be read whole (see `KeyedStore.of`)."""
    tables = read_tables(path)
    if tables is None or needs_upgrade(tables):
        return None
    return KeyedStore.of(tables)


class QuotesByPosition(Sequence[Mapping[str, Any]]):
    """The stored quotes of a `KeyedStore` by position, each read when first looked at."""

    def __init__(self, store: KeyedStore) -> None:
        self._store = store

    def __len__(self) -> int:
        return len(self._store.quotes)

    def __getitem__(self, position: int) -> Mapping[str, Any]:  # type: ignore[override]
        return self._store.quote(position)
