"""The detail's links: sections of any length, of which only a window of rows is made, moved as the cursor moves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.bindings import LIST_BINDINGS
from tui.reverse_style import KeepsReverse
from tui.text import HEADING_STYLE, MUTED_STYLE, glyphs

PAGE = 50
"""Rows a section's window grows by when the cursor reaches its edge."""

WINDOW = 200
"""Rows of one section listed at most: the far end is let go as the cursor moves on, so moving stays quick."""


class Subject(NamedTuple):
    """What the detail area shows: a kind ('person', 'organization', 'quote', 'article') and a key."""

    kind: str
    key: str


Link = tuple[Content, Subject | None]
"""One row of a link list: its label and the subject Enter opens (None for a heading)."""


class LinkPosition(NamedTuple):
    """Which link the cursor is on, stable while windows move: a section and an item in it."""

    section: int
    item: int


@dataclass
class Section:
    """A titled run of links, one per item; rows are made only for the items in the window [start, end)."""

    title: str | None
    items: Sequence[Any]
    link: Callable[[Any], Link]
    start: int = 0
    end: int = 0

    def show_around(self, item: int) -> None:
        """Move the window so that it holds `item`, a page of rows either side of it where there are."""
        self.start = max(0, item - PAGE)
        self.end = min(len(self.items), item + PAGE + 1)

    def grow_to(self, item: int) -> None:
        """Widen the window a page past `item`, letting go of the far end past WINDOW rows."""
        if item >= self.end:
            self.end = min(len(self.items), item + PAGE)
            self.start = max(self.start, self.end - WINDOW)
        elif item < self.start:
            self.start = max(0, item - PAGE + 1)
            self.end = min(self.end, self.start + WINDOW)


def heading(text: str) -> Content:
    """A section heading inside the links."""
    return Content.styled(text, HEADING_STYLE)


class Row(NamedTuple):
    """What one option of the list stands for: a section's heading or marker (item None), or one of its items."""

    section: int
    item: int | None
    subject: Subject | None


class LinkList(KeepsReverse, OptionList):
    """Sections of links moved through with the list keys (j/k, g/G, PageUp/PageDown) and opened with Enter.

    Every item of every section is reachable by moving the cursor; only the rows near it are made. Home and
    End go to the first and last link of the section, and pressed there, of the whole list.
    """

    BINDINGS = [binding for binding in LIST_BINDINGS if binding.action != "open"] + [
        next(binding for binding in LIST_BINDINGS if binding.action == "open").with_key("enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.sections: list[Section] = []
        self.rows: list[Row] = []

    def watch_show_vertical_scrollbar(self, _shown: bool) -> None:
        """Wrap the links again when the scrollbar comes or goes: their heights were counted at the other width,
        and a link wrapped onto one more line lost its last line ("— Brent" without "Sherwood")."""
        self._clear_caches()

    def show_sections(self, sections: list[Section], position: LinkPosition | None = None) -> None:
        """List the sections, each from its first item, the cursor on `position` (else the first link)."""
        self.sections = sections
        for section in sections:
            section.start, section.end = 0, min(len(section.items), PAGE)
        if position is not None and self._holds(position):
            self.sections[position.section].show_around(position.item)
        else:
            position = None
        self._rebuild(position)
        if position is None:
            self.highlighted = next((index for index, row in enumerate(self.rows) if row.subject), None)
        self.scroll_to(y=0, animate=False)
        if position is not None:
            self.call_after_refresh(self.scroll_to_highlight)

    def _holds(self, position: LinkPosition) -> bool:
        return 0 <= position.section < len(self.sections) and 0 <= position.item < len(
            self.sections[position.section].items
        )

    def _rebuild(self, position: LinkPosition | None) -> None:
        """Make the options for every section's window; the cursor stays on `position`."""
        options: list[Option] = []
        rows: list[Row] = []

        def add(label: Content, row: Row) -> None:
            options.append(Option(label, disabled=row.subject is None))
            rows.append(row)

        ellipsis = glyphs().ellipsis
        for number, section in enumerate(self.sections):
            if section.title is not None:
                add(heading(f"{section.title} ({len(section.items)})"), Row(number, None, None))
            if section.start > 0:
                add(Content.styled(f"{ellipsis} {section.start} earlier", MUTED_STYLE), Row(number, None, None))
            for item in range(section.start, section.end):
                label, subject = section.link(section.items[item])
                add(label, Row(number, item, subject))
            if section.end < len(section.items):
                more = f"{ellipsis} {len(section.items) - section.end} more"
                add(Content.styled(more, MUTED_STYLE), Row(number, None, None))
        self.rows = rows
        self.set_options(options)
        if position is not None:
            self.highlighted = self.row_of(position)

    def row_of(self, position: LinkPosition) -> int | None:
        """The option that shows a link, if its section's window holds it."""
        return next(
            (index for index, row in enumerate(self.rows) if (row.section, row.item) == tuple(position)), None
        )

    @property
    def position(self) -> LinkPosition | None:
        """The link under the cursor."""
        highlighted = self.highlighted
        row = self.rows[highlighted] if highlighted is not None and highlighted < len(self.rows) else None
        return LinkPosition(row.section, row.item) if row is not None and row.item is not None else None

    def subject_at(self, index: int) -> Subject | None:
        """The subject an option opens."""
        return self.rows[index].subject if 0 <= index < len(self.rows) else None

    def go_to(self, position: LinkPosition) -> None:
        """Put the cursor on a link, moving its section's window to it when it is not listed."""
        row = self.row_of(position)
        if row is None:
            current = self.position
            section = self.sections[position.section]
            if section.start - PAGE <= position.item < section.end + PAGE:
                section.grow_to(position.item)
            else:
                section.show_around(position.item)
            self._rebuild(current)
            row = self.row_of(position)
        self.highlighted = row
        if row is not None and not any(self.rows[index].subject for index in range(row)):
            self.scroll_to(y=0, animate=False, immediate=True)

    def _neighbour(self, position: LinkPosition, step: int) -> LinkPosition | None:
        """The link `step` items away, within the section, else the nearest one of the next section that way."""
        items = len(self.sections[position.section].items)
        item = position.item + step
        if 0 <= item < items:
            return LinkPosition(position.section, item)
        if item >= items and position.item < items - 1:
            return LinkPosition(position.section, items - 1)
        if item < 0 and position.item > 0:
            return LinkPosition(position.section, 0)
        number = position.section + (1 if step > 0 else -1)
        while 0 <= number < len(self.sections):
            count = len(self.sections[number].items)
            if count:
                return LinkPosition(number, 0 if step > 0 else count - 1)
            number += 1 if step > 0 else -1
        return None

    def _move(self, step: int) -> None:
        """Move `step` links down (or up), across sections, staying put at either end (no wrapping)."""
        position = self.position
        if position is None:
            self.action_first() if step > 0 else self.action_last()
            return
        target = self._neighbour(position, step)
        if target is not None:
            self.go_to(target)

    def _edge(self, step: int) -> None:
        """The first (step -1) or last (step 1) link of the section, or, already there, of the whole list."""
        position = self.position
        counts = [len(section.items) for section in self.sections]
        if position is not None:
            edge = counts[position.section] - 1 if step > 0 else 0
            if position.item != edge:
                self.go_to(LinkPosition(position.section, edge))
                return
        numbers = [number for number, count in enumerate(counts) if count]
        if numbers:
            number = numbers[-1] if step > 0 else numbers[0]
            self.go_to(LinkPosition(number, counts[number] - 1 if step > 0 else 0))

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(max(1, self.scrollable_content_region.height // 2))

    def action_page_up(self) -> None:
        self._move(-max(1, self.scrollable_content_region.height // 2))

    def action_first(self) -> None:
        self._edge(-1)

    def action_last(self) -> None:
        self._edge(1)

    def action_open(self) -> None:
        self.action_select()
