"""The command palette, safe against keys that arrive before its list is laid out."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

PAGE_ACTIONS = ("page_down", "page_up")


class WhosaidPalette(CommandPalette):
    """Textual's palette, with PageUp/PageDown held until the command list has a size.

    Textual's OptionList pages through line positions that it computes only once it is laid out;
    a PageDown that arrives in the same burst as Ctrl+P (as over a laggy SSH link) would look up
    a line that does not exist yet. The page move is run after the next refresh instead.
    """

    def _action_command_list(self, action: str) -> None:
        commands = self.query_one(CommandList)
        if action in PAGE_ACTIONS and not commands.scrollable_content_region:
            self.call_after_refresh(self._page_when_laid_out, action)
            return
        super()._action_command_list(action)

    def _page_when_laid_out(self, action: str) -> None:
        """Page once the list has a size; a list that is still hidden has no page to move to."""
        commands = self.query_one(CommandList)
        if commands.scrollable_content_region and commands.option_count:
            super()._action_command_list(action)
