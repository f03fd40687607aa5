"""A virtual list: one line per row, rendered only when visible, so panes stay fast at 100k rows."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from tui.bindings import LIST_BINDINGS
from tui.reverse_style import KeepsReverse
from tui.text import cut

RowRenderer = Callable[[int], Content]
EMPTY_LINES_MOST = 4
"""The most lines an empty list's message wraps to (a search's problem told whole in a narrow pane)."""
WAITING_AT_MOST = 3.0
"""Seconds a list keeps the moves made while its rows are awaited (see `RowList.waiting`): a search that failed or
never came must not leave the keys doing nothing."""


def _no_row(_index: int) -> Content:
    return Content("")


class RowList(KeepsReverse, ScrollView, can_focus=True):
    """A cursor over `row_count` rows, each drawn on demand by a render function."""

    BINDINGS: list[BindingType] = list(LIST_BINDINGS)
    MOVES = frozenset(("cursor_down", "cursor_up", "first", "last", "page_down", "page_up"))
    """Actions that move the cursor and nothing else: a key bound to one moves no focus (see `keeps_focus`)."""

    def keeps_focus(self, key: str) -> bool:
        """Whether a key only moves the cursor here (j, k, g, G, as the keys are bound): the keys typed after it need
        not wait for it (see `tui.key_order`), so that a held j runs as fast as the list can move."""
        bindings = self._bindings.key_to_bindings.get(key, ())
        return bool(bindings) and all(binding.action in self.MOVES for binding in bindings)

    COMPONENT_CLASSES = {"row-list--row", "row-list--cursor", "row-list--cursor-blurred", "row-list--empty"}

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        & > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
            text-style: $block-cursor-text-style; }
        & > .row-list--cursor-blurred { background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground; text-style: $block-cursor-blurred-text-style; }
        & > .row-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to a row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    class Opened(Message):
        """Enter (or a click) on a row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.row_count = 0
        self._render_row: RowRenderer = _no_row
        self.empty_message = Content("Nothing here")
        self._wrapped_empty: tuple[tuple[int, int] | None, list[Content]] = (None, [])
        self._generation = 0
        self._strips: LRUCache[tuple[int, int, int, str], Strip] = LRUCache(1024)
        self.cursor_moved = False
        """Whether the cursor was ever moved (by a key, a click or a jump to a record), not only placed by
        `set_rows`."""
        self._waiting_since: float | None = None
        self._waiting_moves: list[Callable[[], None]] = []

    @property
    def waiting(self) -> bool:
        """Whether the rows to come are being made (a search of a big store, in the background): the moves made on
        the list shown meanwhile (empty, or the last search's) are kept, and made once the rows come (see
        `set_rows`), as they would be on a store searched at once; never for more than WAITING_AT_MOST seconds."""
        return self._waiting_since is not None and monotonic() - self._waiting_since < WAITING_AT_MOST

    @waiting.setter
    def waiting(self, waiting: bool) -> None:
        if not waiting:
            self._waiting_since = None
        elif self._waiting_since is None:
            self._waiting_since = monotonic()

    def set_rows(
        self, row_count: int, render_row: RowRenderer, *, cursor: int = 0, empty: Content | None = None
    ) -> None:
        """Replace every row, the cursor on row `cursor` (clamped); no Highlighted message is sent, unless keys
        moved the cursor while these rows were awaited: those moves are made now, from there (unless the rows are
        still awaited, `waiting`)."""
        moves: list[Callable[[], None]] = []
        if not self.waiting:
            moves, self._waiting_moves = self._waiting_moves, []
        self.row_count = row_count
        self._render_row = render_row
        if empty is not None:
            self.empty_message = empty
        self._generation += 1
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, row_count)
        self.set_reactive(RowList.cursor, max(0, min(cursor, row_count - 1)))
        self.call_after_refresh(self._scroll_cursor_into_view)
        self.refresh()
        for move in moves:
            move()

    def refresh_rows(self) -> None:
        """Draw every row again (what they show has changed, not how many there are)."""
        self._strips.clear()
        self.refresh()

    def highlight_again(self) -> None:
        """Send a Highlighted message for the cursor's row, whose record changed under it, as a cursor move does
        (from this list's own turn, so that it reaches the screen whichever widget asked)."""
        self.call_later(self._post_highlighted)

    def _post_highlighted(self) -> None:
        if self.row_count:
            self.post_message(self.Highlighted(self, self.cursor))

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1))

    def watch_cursor(self, cursor: int) -> None:
        self.cursor_moved = True
        self._scroll_cursor_into_view()
        self.refresh()
        if self.row_count:
            self.post_message(self.Highlighted(self, cursor))

    def _scroll_cursor_into_view(self) -> None:
        if self.row_count:
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        self.call_after_refresh(self._scroll_cursor_into_view)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the list, drawn once per row, width and cursor state; a line below the last row, or the empty
        message, is drawn once for all of them."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if index < self.row_count and index == self.cursor:
            part = "row-list--cursor" if self.has_focus else "row-list--cursor-blurred"
        elif index < self.row_count:
            part = "row-list--row"
        elif self.row_count == 0 and index < min(EMPTY_LINES_MOST, len(self._empty_lines(width))):
            index, part = -3 - index, "row-list--empty"  # the empty message's line `index`, wrapped to the width
        else:
            index, part = -2, "row-list--row"
        cache_key = (self._generation, index, width, part)
        strip = self._strips.get(cache_key)
        if strip is None:
            strip = self._strips[cache_key] = self._draw_line(index, width, part)
        return strip

    def _empty_lines(self, width: int) -> list[Content]:
        """The empty message wrapped to `width` (kept until the message or the width changes)."""
        key = (self._generation, width)
        if self._wrapped_empty[0] != key:
            self._wrapped_empty = (key, self.empty_message.wrap(max(1, width)))
        return self._wrapped_empty[1]

    def _draw_line(self, index: int, width: int, part: str) -> Strip:
        """Draw row `index` (-2: a line below the last row; -3 and less: a line of the empty message, which wraps)
        in the style of `part`."""
        style = self.get_visual_style(part)
        if index == -2:
            return Strip.blank(width, style.rich_style)
        if index <= -3:
            lines = self._empty_lines(width)
            line = -3 - index
            last = line == EMPTY_LINES_MOST - 1
            content = Content(" ").join(lines[line:]) if last else lines[line] if line < len(lines) else Content("")
            return Visual.to_strips(self, cut(content, width), width, 1, style, pad=True)[0]
        content = self._render_row(index)
        return Visual.to_strips(self, cut(content, width), width, 1, style, pad=True)[0].apply_meta({"row": index})

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()

    async def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is None:
            return
        if index == self.cursor and event.chain >= 2:
            self.action_open()
        else:
            self.cursor = index

    @property
    def page_rows(self) -> int:
        """Rows that fit in the visible area."""
        return max(1, self.scrollable_content_region.height)

    def _move(self, move: Callable[[], None]) -> None:
        """Move the cursor now; while the list's rows are awaited (`waiting`), once they come."""
        if self.waiting:
            self._waiting_moves.append(move)
            return
        moves, self._waiting_moves = self._waiting_moves, []
        for earlier in [*moves, move]:
            earlier()

    def _move_by(self, rows: int) -> None:
        self.cursor += rows

    def _move_to(self, row: int) -> None:
        self.cursor = row

    def action_cursor_down(self) -> None:
        self._move(lambda: self._move_by(1))

    def action_cursor_up(self) -> None:
        self._move(lambda: self._move_by(-1))

    def action_first(self) -> None:
        self._move(lambda: self._move_to(0))

    def action_last(self) -> None:
        self._move(lambda: self._move_to(self.row_count - 1))

    def action_page_down(self) -> None:
        self._move(lambda: self._move_by(self.page_rows))

    def action_page_up(self) -> None:
        self._move(lambda: self._move_by(-self.page_rows))

    def action_open(self) -> None:
        if self.row_count:
            self.post_message(self.Opened(self, self.cursor))
