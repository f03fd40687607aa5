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
from itertools import chain, islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from store import fold, fold_with_offsets
from store.errors import StoreError
from store.stopping import SearchStopped
from tui.bindings import APP_BINDINGS, BROWSE_BINDINGS
from tui.detail import Subject
from tui.safe_text import printable_line
from tui.text import MUTED_STYLE, UNICODE_GLYPHS, glyphs

if TYPE_CHECKING:
    from store import Snapshot
    from tui.app import WhosaidApp

MAX_HITS = 40
MAX_CANDIDATES = 300
"""Commands fuzzy-scored per keystroke, at most."""
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


def fuzzy_display(matcher: Matcher, text: str) -> tuple[float, Content]:
    """Score of `text` against the palette query, and `text` with the matched letters styled (no markup)."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    content = Content(text)
    for offset in offsets:
        content = content.stylize("bold reverse", offset, offset + 1)
    return score, content


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


def folded_display(matcher: Matcher, folded_query: str, text: str, start: int) -> tuple[float, Content]:
    """Score of `text` from `start` on (a name, past its kind's label) against the folded query, case and accents
    ignored ("muller" finds "Müller"), and `text` with the matched letters styled."""
    folded, origins = fold_with_offsets(text[start:])
    score, offsets = matcher.fuzzy_search.match(folded_query, folded)
    content = Content(text)
    for offset in sorted({start + origins[offset] for offset in offsets}):
        content = content.stylize("bold reverse", offset, offset + 1)
    return score, content


def candidates(commands: Iterable[Command], query: str) -> list[Command]:
    """The commands worth fuzzy-scoring: the typed letters in order (case and accents ignored), those holding the
    query whole first.

    Fuzzy scoring is slow, so thousands of names are cut to MAX_CANDIDATES by a cheap regex first.
    """
    query = fold(query)
    letters = [char for char in query if not char.isspace()]
    if not letters:
        return list(islice(commands, MAX_CANDIDATES))
    in_order = re.compile(".*?".join(re.escape(char) for char in letters))
    whole, scattered = [], []
    needle = query.strip()
    for command in commands:
        folded = fold(command[0])
        if command[0].startswith(SEARCH_PREFIX) or needle in folded:
            whole.append(command)
        elif len(whole) < MAX_CANDIDATES and in_order.search(folded):
            scattered.append(command)
        if len(whole) >= MAX_CANDIDATES:
            break
    return (whole + scattered)[:MAX_CANDIDATES]


def file_name(source: str) -> str:
    """The last part of an article's source, as a reporter names it: a file's name, or a page's slug."""
    return source.rstrip("/").rsplit("/", 1)[-1]


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
        """The lines worth fuzzy-scoring for `query`, at most `most`: those holding it whole first, then those holding
        its letters in order, each in the lists' order (the first lines when nothing is typed). Each letter is taken
        where it first comes after the one before, once (an atomic group): that is where a match can be found if
        there is one, and a long query never backtracks through a line's every way of holding its letters."""
        kind, query = named_kind(query)
        lines = self._lines_of(kind)
        folded = fold(query)
        letters = [re.escape(char.encode("utf-8")) for char in folded if not char.isspace()]
        if not letters:
            return list(lines[:most])
        whole = self._lines_where(re.compile(re.escape(folded.strip().encode("utf-8"))), most, lines)
        if len(whole) >= most:
            return whole
        in_order = re.compile(letters[0] + b"".join(b"(?>[^\n]*?" + letter + b")" for letter in letters[1:]))
        held = set(whole)
        scattered = self._lines_where(in_order, most, lines)
        return whole + [line for line in scattered if line not in held][: most - len(whole)]

    def _lines_of(self, kind: str | None) -> range:
        """The lines of the names of one kind ("person", "organization", "article"), or of every kind."""
        if kind is None:
            return range(len(self))
        index = [name for name, _ in self.KINDS].index(kind)
        return range(self._ends[index - 1] if index else 0, self._ends[index])

    def _lines_where(self, pattern: re.Pattern[bytes], most: int, lines: range) -> list[int]:
        """The first `most` of these lines where `pattern` matches within the line, in order: searched
        LINES_A_SEARCH lines at a time, so that no one search in C holds the interpreter from the thread that draws
        the screen for long."""
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
            if text.find(b"\n", match.start(), match.end()) < 0:
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
        fixed = candidates(self.fixed_commands(query), query)
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
        """The fixed commands and the names worth scoring, each with its fuzzy score and display, best first, those
        that do not match left out; run in a thread (tens of milliseconds for 300 names), so that the keys typed
        meanwhile show at once."""
        scored = []
        kind, name_query = named_kind(query)
        folded_query = fold(name_query)
        named = self.named_commands(query, MAX_CANDIDATES - len(fixed))
        for command in chain(fixed, named):
            text, target = command[0], command[1]
            if text.startswith(SEARCH_PREFIX) and query.strip():
                score, display = SEARCH_SCORE, Content(text)
            elif not isinstance(target, tuple):
                if kind is not None:
                    continue
                score, display = fuzzy_display(matcher, text)
            elif not folded_query.strip():
                score, display = LISTED_SCORE, Content(text)
            else:
                score, display = folded_display(matcher, folded_query, text, len(PaletteNames.PREFIXES[target[0]]))
                if score <= 0 and searched_text(*command) != text:
                    score = FILE_NAME_WEIGHT * fuzzy_display(matcher, file_name(command[2]))[0]
            if score > 0:
                scored.append((score, display, command))
        scored.sort(key=lambda hit: hit[0], reverse=True)
        return scored

    async def discover(self) -> Hits:
        for text, target, help_text in self.fixed_commands(""):
            if text.startswith(DISCOVERED):
                yield DiscoveryHit(Content(text), self.callback(target), text=text, help=shown_help(help_text))
