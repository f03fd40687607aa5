"""The `?` screen: every key, read from the same Binding declarations the screens use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import APP_BINDINGS, HELP_SCREEN_BINDINGS, HELP_SECTIONS
from tui.screen_footer import ScreenFooter
from tui.text import MUTED_STYLE, glyphs

if TYPE_CHECKING:
    from tui.app import WhosaidApp

KEY_COLUMN = 16
DESCRIPTION_COLUMN = 34
HELP_FRAME = 6
"""Columns of the help box around its lines: the border, the padding and the scroll bar, two each."""


class HelpScreen(ModalScreen[None]):
    """A list of the keys (as the config file's [keys] table binds them) with each binding's id, section by
    section; any of Esc, q or ? closes it."""

    BINDINGS = list(HELP_SCREEN_BINDINGS)

    app: WhosaidApp

    def compose(self) -> ComposeResult:
        table = self.key_table()
        with VerticalScroll(id="help") as help_box:
            help_box.styles.width = table_width(table) + HELP_FRAME
            yield Static(table, id="help-keys", markup=False)
        yield ScreenFooter()

    def on_resize(self, event: events.Resize) -> None:
        """Where the ids do not fit beside the keys and what they do (a narrow terminal), list them without ids
        rather than wrap each id onto a line of its own."""
        table = self.key_table()
        if table_width(table) + HELP_FRAME > event.size.width:
            table = self.key_table(with_ids=False)
        self.query_one("#help").styles.width = table_width(table) + HELP_FRAME
        self.query_one("#help-keys", Static).update(table)

    def on_key(self, event: events.Key) -> None:
        """The key that opened the help closes it, as the config file binds it (F1 as well as ?), once: a key its
        own bindings close it with is left to them, and one that reaches it after it closed does nothing."""
        opening = next(binding for binding in APP_BINDINGS if binding.id == "app.help")
        closing = next(binding for binding in HELP_SCREEN_BINDINGS if binding.id == "help.close")
        own = set(self.app.bound_keys(closing).split(","))
        if event.key in self.app.bound_keys(opening).split(",") and event.key not in own and self.is_current:
            event.stop()
            self.dismiss()

    def on_mount(self) -> None:
        help_box = self.query_one("#help")
        help_box.border_title = Content.styled("Keys", "bold")
        help_box.border_subtitle = Content(f"Esc closes {glyphs().separator} Ctrl+P for commands")

    def key_table(self, with_ids: bool = True) -> Content:
        """Sections of 'keys  description  id' lines; the id is what the config file's [keys] table rebinds (left
        out, `with_ids` false, where it does not fit)."""
        lines = []
        if with_ids:
            lines.append(
                Content.styled("The last column is the id that rebinds a key in config.toml's [keys].", MUTED_STYLE)
            )
        for title, bindings in HELP_SECTIONS:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $text-accent"))
            for binding in bindings:
                keys = self.app.key_label(binding)
                description = binding.tooltip or binding.description
                lines.append(
                    Content.assemble(
                        (keys.ljust(KEY_COLUMN), "bold"),
                        description.ljust(DESCRIPTION_COLUMN) if with_ids else description,
                        (f" {binding.id}" if with_ids else "", MUTED_STYLE),
                    )
                )
        palette = Content.assemble(("ctrl+p".ljust(KEY_COLUMN), "bold"), "Commands: go to, search, theme")
        lines += [Content(""), palette]
        return Content("\n").join(lines)

    def action_scroll_down(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_up()

    def action_scroll_home(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_end(animate=False)


def table_width(table: Content) -> int:
    """The cells the widest line of a key table takes."""
    return max(line.cell_length for line in table.split("\n"))
