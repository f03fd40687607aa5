"""The header every screen shows: Textual's, made safe to retitle while its screen is being taken down."""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class ScreenHeader(Header):
    """Textual's header, but a title change that reaches it while its screen is closing (its title already
    removed, as when a resize retitles the app as the article view is left) is ignored instead of ending the app."""

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()

        async def set_title() -> None:
            with suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
