"""The header every screen shows: Textual's, made safe to retitle while its screen is being taken down."""

from __future__ import annotations

from contextlib import suppress

from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from tui.text import cut, glyphs


class ScreenHeader(Header):
    """Textual's header, but a title change that reaches it while its screen is closing (its title already
    removed, as when a resize retitles the app as the article view is left) is ignored instead of ending the app;
    the title is cut to the header's width with the app's own ellipsis and dash (see `tui.text.glyphs`)."""

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()
        self.watch(self.app, "title", self.show_title)
        self.watch(self.app, "sub_title", self.show_title)
        self.watch(self.screen, "title", self.show_title)
        self.watch(self.screen, "sub_title", self.show_title)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_title)

    def show_title(self) -> None:
        """Show the title and subtitle, cut to the width the header gives them once it is laid out."""
        with suppress(NoScreen, NoMatches):
            title = self.query_one(HeaderTitle)
            room = title.content_size.width
            title.update(cut(self.format_title(), room) if room else self.format_title())

    def format_title(self) -> Content:
        """The title and, after a dash, the subtitle (Textual's, in the app's glyphs)."""
        title, sub_title = self.screen_title, self.screen_sub_title
        if not sub_title:
            return Content(title)
        return Content.assemble(title, (f" {glyphs().dash} ", "dim"), Content(sub_title).stylize("dim"))
