"""The article body: a virtual view that draws only the visible lines of an article laid out in a worker."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.theme import Theme
from textual.visual import Visual

from tui.article_layout import BLANK, ArticleLayout, lay_out
from tui.text import MUTED_STYLE, cut, glyphs

ParagraphRenderer = Callable[[int], Content]
"""The whole paragraph (by number) with its styles; the view cuts it into lines."""


class ArticleView(ScrollView, can_focus=True):
    """An article's paragraphs, word-wrapped in a worker and drawn line by line as they scroll into view."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    """

    class LaidOut(Message):
        """The article's lines for one width are ready."""

        def __init__(self, layout: ArticleLayout) -> None:
            super().__init__()
            self.layout = layout

    class Scrolled(Message):
        """The view scrolled or was laid out: what the position indicator shows has changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.paragraph_starts: list[int] = [0]
        self.lines: ArticleLayout | None = None
        """The article cut into screen lines for the current width, once a worker has made them."""
        self.waiting = Content.styled(f"Reading the article{glyphs().ellipsis}", MUTED_STYLE)
        self._render_paragraph: ParagraphRenderer = lambda _number: Content("")
        self._paragraphs: LRUCache[int, Content] = LRUCache(256)
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._laying_out_width = 0
        self._anchor: Callable[[], None] | None = None
        self._has_text = False
        self._marked: int | None = None
        """The text offset the reader was last brought to (a quote, a name, a match), if any."""
        self._keep_marked = False
        """Set when the view is resized with the marked place in view: it is kept in view once laid out again."""
        self._height = 0
        """The view's height before its latest resize."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self.theme_changed)

    def theme_changed(self, _theme: Theme) -> None:
        """Draw every line again in the new theme's colors: the lines drawn are kept with the old theme's."""
        self.redraw_all()

    def show_text(self, text: str, paragraph_starts: list[int], render_paragraph: ParagraphRenderer) -> None:
        """Take the article's (already safe) text; its lines are made in a worker for the current width."""
        self.text = text
        self.paragraph_starts = paragraph_starts
        self._render_paragraph = render_paragraph
        self._has_text = True
        self.lines = None
        self._laying_out_width = 0
        self._lay_out_for_width()

    def when_laid_out(self, anchor: Callable[[], None]) -> None:
        """Run `anchor` (a scroll to where the reader should be) as soon as the lines are ready, before they show."""
        if self.lines is not None and self.lines.width == self._text_width:
            anchor()
        else:
            self._anchor = anchor

    @property
    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _lay_out_for_width(self) -> None:
        width = self._text_width
        if not self._has_text:
            return
        if width > 0 and width != self._laying_out_width and (self.lines is None or self.lines.width != width):
            self._laying_out_width = width
            self.lay_out_lines(self.text, width, self.paragraph_starts)

    @work(thread=True, exclusive=True, group="layout", exit_on_error=False, description="lay out article")
    def lay_out_lines(self, text: str, width: int, paragraph_starts: list[int]) -> None:
        """Wrap the paragraphs off the UI thread (a fraction of a second for a 2 MB article)."""
        self.post_message(self.LaidOut(lay_out(text, width, paragraph_starts)))

    def on_article_view_laid_out(self, message: LaidOut) -> None:
        message.stop()
        if message.layout.width != self._text_width:
            self._laying_out_width = 0
            self._lay_out_for_width()
            return
        top = self.lines.starts[self.scroll_offset.y] if self.lines and self.scroll_offset.y < len(self.lines) else 0
        first = self.lines is None
        self.lines = message.layout
        self._strips.clear()
        self.virtual_size = Size(self._text_width, len(self.lines))
        anchor, self._anchor = self._anchor, None
        if anchor is not None:
            anchor()
        elif not first:
            self.scroll_to(y=self.lines.line_of(top), animate=False, force=True, immediate=True)
            self._show_marked()
        self.refresh()
        self.post_message(self.Scrolled())

    def on_resize(self) -> None:
        """Lay the lines out for a new width; the reader's marked place, in view before, stays in view."""
        self._keep_marked = self._keep_marked or self._marked_in_view(self._height)
        self._height = self.scrollable_content_region.height
        self._lay_out_for_width()
        if self.lines is not None and self.lines.width == self._text_width:
            self._show_marked()  # the same width (only the height changed): no new lines to wait for

    def _marked_in_view(self, height: int) -> bool:
        """Whether the marked place is on one of the `height` lines from the top of the view."""
        if self.lines is None or self._marked is None:
            return False
        return 0 <= self.lines.line_of(self._marked) - self.scroll_offset.y < height

    def _show_marked(self) -> None:
        """Bring the marked place back into view after a resize that had it in view."""
        if self._keep_marked and self._marked is not None:
            self._keep_marked = False
            self.show_offset(self._marked)

    def redraw_paragraphs(self, *numbers: int) -> None:
        """Draw these paragraphs again (their styles changed)."""
        for number in numbers:
            self._paragraphs.discard(number)
        self._strips.clear()
        self.refresh()

    def redraw_all(self) -> None:
        """Draw every paragraph again."""
        self._paragraphs.clear()
        self._strips.clear()
        self.refresh()

    def line_of(self, offset: int) -> int:
        """The line showing a text offset (0 until laid out)."""
        return self.lines.line_of(offset) if self.lines is not None else 0

    def show_offset(self, offset: int) -> None:
        """Scroll so that the line holding `offset` is in view, a third of the way down when it was not; it is the
        marked place from now on (see `reading_offset`)."""
        self._marked = offset
        if self.lines is None:
            return
        line = self.lines.line_of(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if top <= line < top + max(1, height - 1):
            return
        self.scroll_to(y=max(0, line - height // 3), animate=False, force=True, immediate=True)

    def top_offset(self) -> int:
        """The text offset of the top line in view."""
        if not self.lines:
            return 0
        return self.lines.starts[min(self.scroll_offset.y, len(self.lines) - 1)]

    def reading_offset(self) -> int:
        """Where the reader is: the marked place (the quote, name or match last shown) while it is in view, else the
        top line in view."""
        if self._marked is not None and self._marked_in_view(self.scrollable_content_region.height):
            return self._marked
        return self.top_offset()

    def place_at(self, y: float) -> None:
        """Scroll to line `y` (a reader's saved place)."""
        self._marked = None
        self.scroll_to(y=y, animate=False, force=True, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.post_message(self.Scrolled())

    @property
    def percent(self) -> int:
        """How far through the article the bottom of the view is, as less counts it."""
        if not self.lines:
            return 0
        seen = min(len(self.lines), self.scroll_offset.y + self.scrollable_content_region.height)
        return round(100 * seen / len(self.lines))

    def _paragraph(self, number: int) -> Content:
        content = self._paragraphs.get(number)
        if content is None:
            content = self._paragraphs[number] = self._render_paragraph(number)
        return content

    def render_line(self, y: int) -> Strip:
        width = self._text_width
        index = self.scroll_offset.y + y
        style = self.rich_style
        layout = self.lines
        if layout is None:
            content = self.waiting if y == 0 else Content("")
            return Visual.to_strips(self, cut(content, width), width, 1, self.visual_style)[0]
        if index >= len(layout) or layout.paragraphs[index] == BLANK:
            return Strip.blank(width, style)
        strip = self._strips.get((index, width))
        if strip is None:
            number = layout.paragraphs[index]
            start = self.paragraph_starts[number]
            line = self._paragraph(number)[layout.starts[index] - start : layout.ends[index] - start]
            line = line.rstrip().truncate(width)
            strip = Visual.to_strips(self, line, width, 1, self.visual_style, pad=True)[0]
            self._strips[(index, width)] = strip
        return strip
