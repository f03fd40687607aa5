"""The footer every screen shows: Textual's, rebuilt by its own task when its screen's keys change."""

from __future__ import annotations

from textual.app import compose
from textual.screen import Screen
from textual.widgets import Footer


class ScreenFooter(Footer):
    """Textual's footer, but it rebuilds itself in its own message loop instead of in the top screen's.

    Textual's footer hands its rebuild to whichever screen is on top (the command palette, an article), which
    then holds the footer's lock while the rebuild runs. When that screen closes meanwhile, the app waits for
    it to finish, and it waits for the lock: every key after that goes unanswered. Rebuilt here, a slow or
    stuck rebuild leaves only this footer behind, and several changes in a row make one rebuild.
    """

    async def recompose(self) -> None:
        """Rebuild the keys under this footer's lock only. Textual's rebuild also holds every repaint of the app
        until its old keys are gone and the new ones mounted, which needs other tasks to run: on a busy machine
        the screen's redraws, deferred while repaints are held, can keep those tasks from running, and then
        nothing is ever drawn again."""
        if not self.is_attached or self._pruning:
            return
        async with self.lock:
            await self.query_children("*").exclude(".-textual-system").remove()
            if self.is_attached:
                await self.mount_all(compose(self))

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.refresh(recompose=True)
