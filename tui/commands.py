"""The command palette (ctrl+p): go to a person, organization or article by name, search quotes, switch theme."""

from __future__ import annotations

import asyncio
import re
import threading
import weakref
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from store import SOURCES_JOINED, fold, fold_with_offsets
from store.errors import StoreError
from store.stopping import SearchStopped
from tui.bindings import APP_BINDINGS, BROWSE_BINDINGS
from tui.detail import Subject
from tui.name_match import Span, WordQuery
from tui.safe_text import printable_line
from tui.text import MUTED_STYLE, UNICODE_GLYPHS, glyphs

if TYPE_CHECKING:
    from store import Snapshot
    from tui.app import WhosaidApp

MAX_HITS = 40
MAX_CANDIDATES = 300
"""Commands scored per keystroke, at most."""
LINES_A_SEARCH = 2_000
"""Lines of the palette's names one search in C goes through (about 50 KB, a fraction of a millisecond)."""
SEARCH_PREFIX = "Search: quotes for "
SEARCH_SCORE = 0.01
"""Searching the typed words is always offered, below every name that matches."""
FILE_NAME_WEIGHT = 0.8
"""What an article found by its file name (not its title) scores, against the same match in a title."""
DISCOVERED = ("Search: ", "Layout: ", "Theme: switch", "Citation style: ", "Help: ", "App: ")
"""Commands listed before anything is typed."""


EVERYWHERE = {binding.id: binding for binding in APP_BINDINGS}
BROWSE = {binding.id: binding for binding in BROWSE_BINDINGS}

Target = tuple[str, str]
"""What a command for a name opens: ("person", KEY), ("organization", KEY) or ("article", KEY); its callback is
made only when it is a hit, so that the tens of thousands of names of a big store cost only their texts."""
Command = tuple[str, "Callable[[], object] | Target", str]
"""A palette command as (text, callback or target, help)."""


def behind_names(score: float) -> float:
    """The score of a command that is no name (a theme, a citation style, a key's action) holding the typed words:
    its kind of match kept (see `ranked`), but after the names holding them as well (its fuzzy part all but
    dropped), since the palette is first a way to a person, an organization or an article ("d" lists the Department
    of Commerce before "Theme: dracula")."""
    kind = int(score)
    return kind + (score - kind) * SETTING_SHARE


SETTING_SHARE = 0.01
"""The share of its fuzzy score a command that is no name keeps (see `behind_names`)."""
MATCH_STYLE = "bold reverse"
RAW_SCALE = 10.0
"""A fuzzy score this high is half way to the next kind of match (see `ranked`)."""


def ranked(kind: int, raw: float) -> float:
    """A hit's score: every better kind of match (a `Kind`, 0 for letters that are only in order) above every worse,
    Textual's fuzzy score of the matched letters ordering those of one kind."""
    return kind + raw / (raw + RAW_SCALE)


def fuzzy_display(matcher: Matcher, text: str) -> tuple[float, Content]:
    """Score of a command's `text` with its letters only in the typed order (below any command or name that holds
    the typed words), and `text` with the matched letters styled (no markup)."""
    raw, offsets = matcher.fuzzy_search.match(matcher.query, text)
    content = Content(text)
    for offset in offsets:
        content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return (ranked(0, raw) if raw > 0 else 0.0), content


def matched_characters(encoded: bytes, spans: list[Span]) -> list[int]:
    """The characters (by index in the decoded text) of these byte spans of a UTF-8 encoded text."""
    if encoded.isascii():
        return sorted({offset for start, end in spans for offset in range(start, end)})
    characters: set[int] = set()
    for start, end in spans:
        first = len(encoded[:start].decode())
        characters.update(range(first, first + len(encoded[start:end].decode())))
    return sorted(characters)


def word_display(
    matcher: Matcher, words: WordQuery, text: str, start: int = 0, file: str = ""
) -> tuple[float, Content] | None:
    """Score of `text` from `start` on (a name past its kind's label), then an article's `file` name after a tab,
    against the typed words, case and accents ignored ("muller" finds "Müller"), and `text` with the matched letters
    styled; None when a typed word is not held. A match in the file name scores less than the same in a title."""
    folded, origins = fold_with_offsets(text[start:])
    searched = f"{folded}\t{fold(file)}" if file else folded
    encoded = searched.encode()
    found = words.match(encoded)
    if found is None:
        return None
    kind, spans = found
    positions = matched_characters(encoded, spans)
    score = ranked(kind, matcher.fuzzy_search.score(searched, positions))
    content = Content(text)
    for offset in sorted({start + origins[position] for position in positions if position < len(folded)}):
        content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return (score * FILE_NAME_WEIGHT if positions[-1] >= len(folded) else score), content


NAMES_WAIT = 0.3
"""Seconds a palette search waits for the store's names before it lists the other commands without them."""
NAMES_WAITING = "Names: still reading the store\u2026"
WAITING_SCORE = 0.01
"""Where the line saying the names are not ready yet stands: below every command listed."""
LISTED_SCORE = 0.5
"""What each name scores when only its kind's label is typed ("person:"): every one of that kind is listed."""
LABELED_KINDS = {"person": "person", "organization": "organization", "org": "organization", "article": "article"}
"""The labels a query may start with to name only one kind ("person: ann"), and the kind each names."""


def named_kind(query: str) -> tuple[str | None, str]:
    """The kind a query's label names ("person: ann"), or None when it has none, and the query past the label."""
    head, colon, rest = query.partition(":")
    kind = LABELED_KINDS.get(head.strip().lower()) if colon else None
    return (kind, rest.lstrip()) if kind is not None else (None, query)


def candidates(commands: Iterable[Command], query: str, most: int = MAX_CANDIDATES) -> list[Command]:
    """The commands worth scoring for `query`, at most `most`: those whose text holds every typed word (see
    `tui.name_match`), the best tier first, each tier in the commands' order (the first commands when nothing is
    typed). What `PaletteNames.candidates` finds among a whole store's names, one text at a time."""
    words = WordQuery(query)
    if not words:
        return list(islice(commands, most))
    tiered = []
    for position, command in enumerate(commands):
        tier = words.tier(fold(command[0]).encode())
        if tier is not None:
            tiered.append((tier, position, command))
    return [command for _tier, _position, command in sorted(tiered, key=lambda found: found[:2])][:most]


def file_name(source: str) -> str:
    """The last part of an article's source, as a reporter names it: a file's name, or a page's slug; of the
    sources of a text read from several files (see `store.snapshot.SOURCES_JOINED`), each one's, after tabs."""
    return "\t".join(path.rstrip("/").rsplit("/", 1)[-1] for path in source.split(SOURCES_JOINED))


def searched_text(text: str, target: object, help_text: str) -> str:
    """What the palette finds a command by: its text, and for an article the file name of its source too (after a
    tab, which no query holds)."""
    if isinstance(target, tuple) and target[0] == "article" and help_text:
        return f"{text}\t{file_name(help_text)}"
    return text


def shown_help(help_text: str) -> str | None:
    """A command's help as the palette shows it: as written (Textual reads a help string as markup, and a store's
    "[Inc]" or "[/]" would vanish or end the palette), or none."""
    return Content(help_text) if help_text else None  # type: ignore[return-value]


class PaletteNames:
    """The names of every person, organization and article of a snapshot, folded (case and accents) and joined in
    one UTF-8 string, a line each: a keystroke finds the candidates among 400,000 names by searches in C over it,
    where a loop in Python over them took 0.15-0.3 s a key at 100,000 articles, and a command is made only for a
    candidate. The snapshot is held weakly: kept for the palette's next opening, the names do not keep an old
    snapshot alive."""

    KINDS = (("person", "Person: "), ("organization", "Organization: "), ("article", "Article: "))
    PREFIXES = dict(KINDS)
    """The label before a name in its command, by kind: not searched, so that "pers" does not find every person."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = weakref.ref(snapshot)
        people = map(printable_line, snapshot.keys_and_names("people")[1])
        organizations = map(printable_line, snapshot.keys_and_names("organizations")[1])
        titles = (
            searched_text(printable_line(title), ("article", key), printable_line(source))
            for key, title, source in snapshot.article_summaries()
        )
        text = bytearray()
        starts = array("L", [0])
        ends: list[int] = []
        """Where each kind's lines end: the people's first, then the organizations', then the articles'."""
        for names in (people, organizations, titles):
            for name in names:
                text += f"{fold(name)}\n".encode()
                starts.append(len(text))
            ends.append(len(starts) - 1)
        self._ends = ends
        self._starts = starts
        """Where each line starts in `_text`, and where the last ends."""
        self._text = bytes(text)

    @property
    def snapshot(self) -> Snapshot | None:
        """The snapshot the names are of, while it is in use."""
        return self._snapshot()

    def __len__(self) -> int:
        return self._ends[-1]

    def candidates(self, query: str, most: int) -> list[int]:
        """The lines worth scoring for `query`, at most `most`: those holding every typed word, those holding each at
        a word's start first, then those holding some as initials, then the rest, each in the lists' order (the first
        lines when nothing is typed). A few searches in C over the whole text at most: the loosest first, and when
        it finds fewer than `most` lines, those are every line there is, put in order by their tiers."""
        kind, query = named_kind(query)
        lines = self._lines_of(kind)
        words = WordQuery(query)
        if not words:
            return list(lines[:most])
        *better, loosest = words.searches
        loose = self._lines_where(*loosest, most, lines)
        if len(loose) < most:
            starts = self._starts
            return sorted(loose, key=lambda line: (words.tier(self._text, starts[line], starts[line + 1] - 1), line))
        found: list[int] = []
        for search, held in better:
            found += self._new_lines(found, self._lines_where(search, held, most, lines))
            if len(found) >= most:
                return found[:most]
        return (found + self._new_lines(found, loose))[:most]

    @staticmethod
    def _new_lines(found: list[int], lines: list[int]) -> list[int]:
        """The lines not found already."""
        held = set(found)
        return [line for line in lines if line not in held]

    def _lines_of(self, kind: str | None) -> range:
        """The lines of the names of one kind ("person", "organization", "article"), or of every kind."""
        if kind is None:
            return range(len(self))
        index = [name for name, _ in self.KINDS].index(kind)
        return range(self._ends[index - 1] if index else 0, self._ends[index])

    def _lines_where(
        self, pattern: re.Pattern[bytes], held: re.Pattern[bytes] | None, most: int, lines: range
    ) -> list[int]:
        """The first `most` of these lines where `pattern` matches within the line (and `held`, if any, matches the
        line), in order: searched LINES_A_SEARCH lines at a time, so that no one search in C holds the interpreter
        from the thread that draws the screen for long."""
        found: list[int] = []
        text, starts = self._text, self._starts
        line = lines.start
        while len(found) < most and line < lines.stop:
            end = min(line + LINES_A_SEARCH, lines.stop)
            match = pattern.search(text, starts[line], starts[end])
            if match is None:
                line = end
                continue
            line = bisect_right(starts, match.start()) - 1
            within = text.find(b"\n", match.start(), match.end()) < 0
            if within and (held is None or held.match(text, starts[line], starts[line + 1] - 1)):
                found.append(line)
            line += 1
        return found

    def command(self, line: int) -> Command:
        """The palette command of a line: its text, what it opens, and a help line (StoreError once the snapshot is
        no longer in use)."""
        snapshot = self.snapshot
        if snapshot is None:
            raise StoreError("the store was read again")
        kind = bisect_right(self._ends, line)
        position = line - (self._ends[kind - 1] if kind else 0)
        name, prefix = self.KINDS[kind]
        if name == "person":
            key, shown, role_and_organization = snapshot.person_summary(position)
            help_text = ", ".join(role_and_organization)
        elif name == "organization":
            (key, shown), help_text = snapshot.organization_summary(position), ""
        else:
            key, shown, help_text = snapshot.article_summary(position)
        return f"{prefix}{printable_line(shown)}", (name, key), printable_line(help_text)


_made_names: list[PaletteNames] = []
"""The names of the last snapshot the palette listed, kept for its next opening."""
_making_names = threading.Lock()


def palette_names(snapshot: Snapshot) -> PaletteNames:
    """The palette's names of `snapshot`, made once (about a second at 100,000 articles, off the screen's thread);
    a palette opened again while they are made waits for them rather than making them too."""
    with _making_names:
        made = next((names for names in _made_names if names.snapshot is snapshot), None)
        if made is None:
            made = PaletteNames(snapshot)
            _made_names[:] = [made]
        return made


class WhosaidCommands(Provider):
    """Commands named 'Category: action'; names come from the store and are shown literally."""

    _listed: PaletteNames | None = None
    """The store's names to list, once `startup` found them."""
    _snapshot: Snapshot | None = None
    """The snapshot the palette lists, held while it is open (the names hold it weakly)."""

    @property
    def whosaid(self) -> WhosaidApp:
        return self.app  # type: ignore[return-value]

    _names: asyncio.Future[PaletteNames] | None = None
    """The names being made for `_snapshot`, in a thread."""

    async def startup(self) -> None:
        """Start finding the names of the store to list (none while a big store is read from its first rows: a name
        beyond them would not be found), made in a thread the first time a snapshot is listed, so the palette opens
        at once and its input answers meanwhile."""
        self._start_names()

    def _start_names(self) -> None:
        """Make the names of the app's snapshot (as it is now) in a thread."""
        snapshot = self._snapshot = self.whosaid.snapshot
        self._listed = None
        self._names = None if snapshot.preview else asyncio.ensure_future(asyncio.to_thread(palette_names, snapshot))

    async def _names_found(self) -> bool:
        """Whether the names to list are made, waited for NAMES_WAIT at most: a store read or indexed in the background
        makes them slowly, and the commands that are not names are listed meanwhile. Names of a snapshot the app has
        since replaced are made again for the new one."""
        if self.whosaid.snapshot is not self._snapshot:
            self._start_names()
        names = self._names
        if names is None:
            return False
        if not names.done():
            await asyncio.wait({names}, timeout=NAMES_WAIT)
        if not names.done():
            return False
        try:
            self._listed = names.result()
        except (StoreError, SearchStopped):  # a writer replaced the files: no names until the store is read again
            return False
        return True

    def fixed_commands(self, query: str) -> Iterator[Command]:
        """The commands that do not come from the store (and a search for the typed words)."""
        app = self.whosaid
        if query.strip():
            yield (
                f"{SEARCH_PREFIX}{printable_line(query.strip())}",
                partial(app.search_for, query.strip()),
                "Filter every pane by these words",
            )
        yield (
            "Search: focus the search box",
            partial(app.search_for, None),
            f"Type to filter quotes, people, organizations ({app.key_label(BROWSE['search.focus'])})",
        )
        zoom = app.key_label(BROWSE["pane.zoom"])
        yield "Layout: zoom the pane, or show every pane", app.toggle_zoom, f"One pane fills the screen ({zoom})"
        yield "Theme: switch theme", app.action_change_theme, "Pick a color theme"
        for name in sorted(app.available_themes):
            yield f"Theme: {name}", partial(setattr, app, "theme", name), "Use this theme"
        from tui.app import CITATION_LABELS

        for style, label in CITATION_LABELS.items():
            current = " (current)" if style == app.citation_style else ""
            yield (
                f"Citation style: {label}",
                partial(app.set_citation_style, style),
                f"y copies quotes with a {label} citation{current}",
            )
        yield "Help: keys", app.action_help, f"List every key ({app.key_label(EVERYWHERE['app.help'])})"
        yield "App: quit", app.action_quit, f"Leave whosaid ({app.key_label(EVERYWHERE['app.quit'])})"

    def named_commands(self, query: str = "", most: int = MAX_CANDIDATES) -> list[Command]:
        """The commands for the people, organizations and articles worth scoring for `query` (see
        `PaletteNames.candidates`)."""
        listed = self._listed
        if listed is None:
            return []
        try:
            return [listed.command(line) for line in listed.candidates(query, most)]
        except StoreError:
            return []  # a writer replaced the files this snapshot names: the store is read again

    def callback(self, target: Callable[[], object] | Target) -> Callable[[], object]:
        """What choosing a command does: its callback, or opening the name or article it targets."""
        if not isinstance(target, tuple):
            return target
        kind, key = target
        if kind == "article":
            return partial(self.whosaid.open_article, key)
        return partial(self.whosaid.open_subject, Subject(kind, key))

    async def search(self, query: str) -> Hits:
        found = await self._names_found()
        fixed = list(self.fixed_commands(query))
        scored = await asyncio.to_thread(self.scored, fixed, self.matcher(named_kind(query)[1]), query)
        for score, display, (text, target, help_text) in scored[:MAX_HITS]:
            yield Hit(score, display, self.callback(target), text=text, help=shown_help(help_text))
        if not found and self._names is not None and query.strip():
            waiting = NAMES_WAITING.replace(UNICODE_GLYPHS.ellipsis, glyphs().ellipsis)
            yield Hit(
                WAITING_SCORE,
                Content.styled(waiting, MUTED_STYLE),
                self.app.bell,
                text=waiting,
                help="People, organizations and articles are listed once the store is read; type again",
            )

    def scored(self, fixed: list[Command], matcher: Matcher, query: str) -> list[tuple[float, Content, Command]]:
        """The fixed commands and the names worth scoring, each with its score and display, best first, those that do
        not match left out; run in a thread (tens of milliseconds for 300 names), so that the keys typed meanwhile
        show at once."""
        kind, name_query = named_kind(query)
        words = WordQuery(name_query)
        scored = [] if kind is not None else self._scored_fixed(fixed, matcher, words, query)
        for command in self.named_commands(query, MAX_CANDIDATES - len(scored)):
            text, target, help_text = command
            if not words:
                scored.append((LISTED_SCORE, Content(text), command))
                continue
            label = PaletteNames.PREFIXES[target[0]] if isinstance(target, tuple) else ""
            file = file_name(help_text) if searched_text(*command) != text else ""
            shown = word_display(matcher, words, text, len(label), file)
            if shown is not None:
                scored.append((*shown, command))
        scored.sort(key=lambda hit: hit[0], reverse=True)
        return scored

    @staticmethod
    def _scored_fixed(
        fixed: list[Command], matcher: Matcher, words: WordQuery, query: str
    ) -> list[tuple[float, Content, Command]]:
        """The commands that are not names that match the query, each with its score and display: holding the typed
        words as a name would, or only their letters in order, as Textual's palette finds a command."""
        scored = []
        for command in fixed:
            text = command[0]
            if text.startswith(SEARCH_PREFIX) and query.strip():
                shown: tuple[float, Content] | None = (SEARCH_SCORE, Content(text))
            else:
                shown = word_display(matcher, words, text) if words else None
                shown = (behind_names(shown[0]), shown[1]) if shown is not None else fuzzy_display(matcher, text)
            if shown[0] > 0:
                scored.append((*shown, command))
        return scored

    async def discover(self) -> Hits:
        for text, target, help_text in self.fixed_commands(""):
            if text.startswith(DISCOVERED):
                yield DiscoveryHit(Content(text), self.callback(target), text=text, help=shown_help(help_text))
