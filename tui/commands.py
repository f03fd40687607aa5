"""The command palette (ctrl+p): go to a person, organization or article by name, search quotes, switch theme."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.bindings import APP_BINDINGS, BROWSE_BINDINGS
from tui.detail import Subject
from tui.safe_text import printable_line

if TYPE_CHECKING:
    from tui.app import WhosaidApp

MAX_HITS = 40
MAX_CANDIDATES = 300
"""Commands fuzzy-scored per keystroke, at most."""
SEARCH_PREFIX = "Search: quotes for "
SEARCH_SCORE = 0.01
"""Searching the typed words is always offered, below every name that matches."""
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


def candidates(commands: Iterable[Command], query: str) -> list[Command]:
    """The commands worth fuzzy-scoring: the typed letters in order, those holding the query whole first.

    Fuzzy scoring is slow, so thousands of names are cut to MAX_CANDIDATES by a cheap regex first.
    """
    letters = [char for char in query.lower() if not char.isspace()]
    if not letters:
        return list(islice(commands, MAX_CANDIDATES))
    in_order = re.compile(".*?".join(re.escape(char) for char in letters))
    whole, scattered = [], []
    needle = query.strip().lower()
    for command in commands:
        folded = command[0].lower()
        if command[0].startswith(SEARCH_PREFIX) or needle in folded:
            whole.append(command)
        elif len(whole) < MAX_CANDIDATES and in_order.search(folded):
            scattered.append(command)
        if len(whole) >= MAX_CANDIDATES:
            break
    return (whole + scattered)[:MAX_CANDIDATES]


class WhosaidCommands(Provider):
    """Commands named 'Category: action'; names come from the store and are shown literally."""

    @property
    def whosaid(self) -> WhosaidApp:
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        """Make the commands for every name once per opening, not on every keystroke."""
        self._named_commands = list(self.named_commands())

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

    def named_commands(self) -> Iterator[Command]:
        """A command for every person, organization and article of the store (none while a big store is read from
        its first rows: a name beyond them would not be found)."""
        app = self.whosaid
        snapshot = app.snapshot
        if snapshot.preview:
            return
        for key, name, role_and_organization in snapshot.people_summaries():
            yield (
                f"Person: {printable_line(name)}",
                ("person", key),
                printable_line(", ".join(role_and_organization)),
            )
        for key, name in snapshot.organization_summaries():
            yield f"Organization: {printable_line(name)}", ("organization", key), ""
        for key, title, source in snapshot.article_summaries():
            yield f"Article: {printable_line(title)}", ("article", key), printable_line(source)

    def callback(self, target: Callable[[], object] | Target) -> Callable[[], object]:
        """What choosing a command does: its callback, or opening the name or article it targets."""
        if not isinstance(target, tuple):
            return target
        kind, key = target
        if kind == "article":
            return partial(self.whosaid.open_article, key)
        return partial(self.whosaid.open_subject, Subject(kind, key))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        hits: list[Hit] = []
        commands = chain(self.fixed_commands(query), self._named_commands)
        for text, target, help_text in candidates(commands, query):
            score, display = fuzzy_display(matcher, text)
            if text.startswith(SEARCH_PREFIX) and query.strip():
                score, display = SEARCH_SCORE, Content(text)
            if score > 0:
                hits.append(Hit(score, display, self.callback(target), text=text, help=help_text or None))
        hits.sort(key=lambda hit: hit.score, reverse=True)
        for hit in hits[:MAX_HITS]:
            yield hit

    async def discover(self) -> Hits:
        for text, target, help_text in self.fixed_commands(""):
            if text.startswith(DISCOVERED):
                yield DiscoveryHit(Content(text), self.callback(target), text=text, help=help_text or None)
