"""The command palette, safe against keys that arrive in the same burst as the ones that open or close it."""

from __future__ import annotations

from typing import Any
from weakref import WeakSet

from textual import events, on, work
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Input, OptionList
from textual.worker import Worker, get_current_worker

from tui.text import ASCII_GLYPHS, glyphs

PAGE_ACTIONS = ("page_down", "page_up")
PALETTE_ID = "--command-palette"
"""The id Textual gives its palette screen; the app holds one screen of an id at a time."""
PALETTES: WeakSet[WhosaidPalette] = WeakSet()
"""Every palette made: one still attached to an app, open or closing, holds the palette's id there."""


class WhosaidPalette(CommandPalette):
    """Textual's palette, made to survive bursts of keys (a fast typist, a laggy SSH link, a paste).

    Textual's OptionList pages through line positions that it computes only once it is laid out;
    a PageDown that arrives in the same burst as Ctrl+P would look up a line that does not exist
    yet, so the page move is run after the next refresh instead. And what the palette's input
    set off before Esc or Enter closed it (a search, a selection, a second Enter) still reaches
    it while it is being taken down: once closed, the palette acts on none of it, and it never
    pops a screen twice, which would take the screen below with it.
    """

    _dismissed = False
    """Whether the palette was dismissed; set once, before it leaves the screen stack."""
    _searching = False
    """Whether the search for the input's current text is still gathering hits."""
    _enters_waiting = 0
    """Enters pressed while the search was gathering: each is acted on once every hit is listed."""

    def answers_later(self, event: events.Key) -> bool:
        """Whether the palette answers this key later than the queues it passes through are worked through: an Enter
        in the search line, answered once every hit is listed (see `_wait_for_every_hit`). The keys typed after it
        wait for that (see `tui.key_order`), and act after the command it picked, where that command left the
        focus."""
        return event.key == "enter" and isinstance(self.focused, CommandInput) and not self._gone()

    def _answered(self) -> None:
        """The Enter on its way is answered: the keys after it act once what the answer set off has run."""
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:
            key_order.answered(next(iter(self.query(CommandList)), self))

    @staticmethod
    def is_open(app: App[object]) -> bool:
        """Whether a palette is open, or one closed in this burst of keys is still being taken down.

        A closing palette keeps its id until it is removed, so a new one opened before that would clash with it;
        the app's own list of its screens by id is asked too, as Textual asks it before adding one.
        """
        if any(palette.parent is app and palette.is_attached for palette in PALETTES):
            return True
        return app._nodes._get_by_id(PALETTE_ID) is not None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", f"Search for commands{glyphs().ellipsis}")
        super().__init__(*args, **kwargs)
        PALETTES.add(self)

    def on_mount(self) -> None:
        """On an ASCII-only terminal, a search icon it can draw."""
        if glyphs() is ASCII_GLYPHS:
            self.query_one(SearchIcon).icon = ">"

    def _gone(self) -> bool:
        """Whether the palette was dismissed or taken off the screen stack (the app going back to the browser)."""
        return self._dismissed or self not in self.app.screen_stack

    def on_screen_suspend(self) -> None:
        """Taken off the stack by other means than its own keys: stop its search, as dismissing it would."""
        if self._gone():
            self._cancel_gather_commands()
            self._stop_no_matches_countdown()
            self._stop_busy_countdown()
            self._answered()

    def dismiss(self, result: object | None = None) -> AwaitComplete:
        """Close the palette once, stopping its search and timers; later requests to close do nothing."""
        if self._dismissed or self.app.screen is not self:
            return AwaitComplete()
        self._dismissed = True
        self._answered()
        self._cancel_gather_commands()
        self._stop_no_matches_countdown()
        self._stop_busy_countdown()
        return super().dismiss(result)

    def _gather_commands(self, search_value: str) -> Worker[None] | None:
        """Search the providers, unless the palette is closed (its list is going or gone)."""
        if self._gone():
            return None
        self._searching = True
        return self._gather_commands_while_listed(search_value)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands_while_listed(self, search_value: str) -> None:
        """Textual's search of the providers; one that finds the palette's list gone (the palette taken down by a
        key of the same burst while the search waited to run) ends there instead of ending the app."""
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            return
        if not get_current_worker().is_cancelled:
            self._searching = False
            self._act_on_waiting_enters()

    @on(Input.Submitted)
    def _wait_for_every_hit(self, message: Input.Submitted) -> None:
        """An Enter pressed while the hits are still coming in waits for all of them; once they are listed, it acts
        at once, as Textual's does.

        Otherwise it would pick whatever happened to be listed first at that instant (a hit of a shorter text
        typed a moment before): typing "help" and Enter quickly would run a different command from one run to
        the next.
        """
        if self._gone():
            return
        message.prevent_default()
        message.stop()
        if self._searching:
            self._enters_waiting += 1
        else:
            self._select_or_command()
            self._answered()

    @on(Input.Changed)
    def _forget_enters_of_an_earlier_text(self, _message: Input.Changed) -> None:
        """Text that reaches the search line after an Enter that was still waiting (a paste: keys wait for the Enter)
        changes what was asked: the Enter is dropped."""
        if self._enters_waiting:
            self._enters_waiting = 0
            self._answered()

    def _act_on_waiting_enters(self) -> None:
        """Act on each Enter that waited, in order, on the complete list of hits, as if pressed now."""
        enters, self._enters_waiting = self._enters_waiting, 0
        for _ in range(enters):
            if self._gone():
                return
            self._select_or_command()
        if enters:
            self._answered()

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    @on(Button.Pressed)
    def _drop_input_once_closed(self, message: Message) -> None:
        """Input that reaches the palette after it closed is dropped: the palette's own handlers never see it."""
        if self._gone():
            message.prevent_default()
            message.stop()

    def _action_command_list(self, action: str) -> None:
        commands = self._command_list()
        if commands is None:
            return
        if action in PAGE_ACTIONS and not commands.scrollable_content_region:
            self.call_after_refresh(self._page_when_laid_out, action)
            return
        super()._action_command_list(action)

    def _page_when_laid_out(self, action: str) -> None:
        """Page once the list has a size; a list that is still hidden, or a closed palette, has no page to move to."""
        commands = self._command_list()
        if commands is not None and commands.scrollable_content_region and commands.option_count:
            super()._action_command_list(action)

    def _command_list(self) -> CommandList | None:
        """The list of commands, or None once the palette is closed or its children are gone."""
        if self._gone():
            return None
        return next(iter(self.query(CommandList)), None)
