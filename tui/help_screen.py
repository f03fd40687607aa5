"""The `?` screen: every key, read from the same Binding declarations the screens use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import HELP_SECTIONS

KEY_COLUMN = 16


class HelpScreen(ModalScreen[None]):
    """A list of the keys, section by section; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc", id="help.close"),
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="help.up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.key_table(), id="help-keys", markup=False)

    def on_mount(self) -> None:
        help_box = self.query_one("#help")
        help_box.border_title = Content.styled("Keys", "bold")
        help_box.border_subtitle = Content("Esc closes \u00b7 Ctrl+P for commands")

    def key_label(self, binding: Binding) -> str:
        """All the keys of a binding as the footer would show them, e.g. '↓ j'."""
        if binding.key_display:
            return binding.key_display
        keys = [key.strip() for key in binding.key.split(",")]
        return " ".join(self.app.get_key_display(binding.with_key(key)) for key in keys)

    def key_table(self) -> Content:
        """Sections of 'keys  description' lines."""
        lines: list[Content] = []
        for title, bindings in HELP_SECTIONS:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $text-accent"))
            for binding in bindings:
                keys = self.key_label(binding)
                lines.append(Content.assemble((keys.ljust(KEY_COLUMN), "bold"), binding.description))
        palette = Content.assemble(("ctrl+p".ljust(KEY_COLUMN), "bold"), "Commands: go to, search, theme")
        lines += [Content(""), palette]
        return Content("\n").join(lines)

    def action_scroll_down(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_up()
