"""The footer every screen shows: Textual's, rebuilt by its own task when its screen's keys change."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult, compose
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class ScreenFooter(Footer):
    """Textual's footer, but it rebuilds itself in its own message loop instead of in the top screen's, and only
    when the keys it would show have changed.

    Textual's footer hands its rebuild to whichever screen is on top (the command palette, an article), which
    then holds the footer's lock while the rebuild runs. When that screen closes meanwhile, the app waits for
    it to finish, and it waits for the lock: every key after that goes unanswered. Rebuilt here, a slow or
    stuck rebuild leaves only this footer behind, and several changes in a row make one rebuild.

    A screen announces its keys again whenever anything might have changed them (three times as the browser
    opens, each time the same keys); a rebuild mounts a widget per key and redraws the screen, so one that would
    show the keys already shown is skipped, and the keys are made as compact as the footer before they are
    mounted, not after.
    """

    KEYS_KEPT_SHOWN = frozenset({"help", "app.command_palette", "command_palette"})
    """The actions whose keys stay when the footer is too narrow for every key: the help screen and the command
    palette, which list all the others; and those a screen names in its FOOTER_KEEPS (the article reader's way back
    out)."""

    KEYS_FIRST_TO_GO = frozenset({"export", "cycle_sort", "zoom"})
    """The actions whose keys a narrow footer leaves out before any other: shown when there is room, they are also
    in the help screen, and quitting matters more."""

    _keys_shown: tuple[tuple[object, ...], ...] | None = None
    """What the last rebuild showed, as `keys_to_show` gave it; None before the first."""

    def keys_to_show(self) -> tuple[tuple[object, ...], ...]:
        """What a rebuild would show: each shown key with the widget it acts on, whether it is enabled, its
        tooltip and how it is drawn, and the command palette's key."""
        active = self.screen.active_bindings
        shown = [key for key in active.values() if key.binding.show]
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.show_command_palette:
            shown.append(palette)
        return tuple((*key, self.app.get_key_display(key.binding)) for key in shown)

    def compose(self) -> ComposeResult:
        """Textual's keys, each one bound to the footer's compactness already as compact as the footer: such a key
        starts compact and the binding would undo it once mounted, restyling every key twice while the first frame
        waits. (The command palette's key is not bound: it stays compact.)"""
        for widget in super().compose():
            bound = getattr(widget, "_reactive_connect", None) or {}
            if isinstance(widget, FooterKey) and "compact" in bound:
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    async def recompose(self) -> None:
        """Rebuild the keys under this footer's lock only. Textual's rebuild also holds every repaint of the app
        until its old keys are gone and the new ones mounted, which needs other tasks to run: on a busy machine
        the screen's redraws, deferred while repaints are held, can keep those tasks from running, and then
        nothing is ever drawn again."""
        if not self.is_attached or self._pruning:
            return
        async with self.lock:
            keys = self.keys_to_show()
            if keys == self._keys_shown:
                return
            await self.query_children("*").exclude(".-textual-system").remove()
            if self.is_attached:
                await self.mount_all(compose(self))
                self._keys_shown = keys if self._bindings_ready else None
                self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        """Show again only the keys that fit the new width (after the screen's width class has restyled them)."""
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        """Show only the keys that fit whole, so none is cut mid-word on a narrow terminal: the last ones go first,
        but the help screen's and the command palette's keys stay, since they list every other key."""
        keys = list(self.query_children(FooterKey))
        widths = [key.render().cell_len + key.styles.gutter.width + key.styles.margin.width for key in keys]
        shown = [True] * len(keys)

        def overflow() -> int:
            """Columns the shown keys take past the footer's width (the last one's right margin may fall off)."""
            last = max((index for index, is_shown in enumerate(shown) if is_shown), default=None)
            used = sum(width for width, is_shown in zip(widths, shown, strict=True) if is_shown)
            return used - (keys[last].styles.margin.right if last is not None else 0) - self.size.width

        try:
            kept = self.KEYS_KEPT_SHOWN | getattr(self.screen, "FOOTER_KEEPS", frozenset())
        except NoScreen:
            return  # removed with its screen before this ran
        going = self.KEYS_FIRST_TO_GO
        for index in sorted(reversed(range(len(keys))), key=lambda index: keys[index].action not in going):
            if overflow() <= 0:
                break
            if keys[index].action not in kept:
                shown[index] = False
        for key, is_shown in zip(keys, shown, strict=True):
            if key.display != is_shown:
                key.display = is_shown

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.refresh(recompose=True)
