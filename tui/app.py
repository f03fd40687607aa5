"""The whosaid terminal browser: the App, its store, live refresh, themes and clipboard."""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len, set_cell_size
from textual import events, work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding
from textual.filter import Monochrome, NoColor
from textual.message import Message
from textual.reactive import var
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.theme import Theme, ThemeProvider

from store import ArticleRecord, QuoteRecord, Snapshot, Store, WhosaidError
from store.citations import CITATION_ENV, CITATION_STYLES, citation_style, citation_style_names, unknown_citation_style
from tui.bindings import APP_BINDINGS
from tui.browse_screen import BrowseScreen, original_file
from tui.commands import WhosaidCommands
from tui.crash import is_guest_session, record_crash, report_state_on_signal
from tui.detail import Subject
from tui.handover import quick_handover
from tui.key_order import KeyOrder
from tui.launcher import resume_collector
from tui.palette import PALETTE_ID, WhosaidPalette
from tui.safe_text import clipboard_line, printable_line
from tui.search_box import searchable
from tui.settings import load_settings, update_config
from tui.text import ASCII_GLYPHS, UNICODE_GLYPHS, count_label, draw_glyphs, glyphs

if TYPE_CHECKING:
    from tui.article_screen import ArticleScreen, ReadingPlace

DEFAULT_THEME = "textual-dark"
THEME_VARIABLE = "WHOSAID_THEME"
ASCII_KEYS = {
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
}
"""How an ASCII-only terminal shows the keys Textual draws as symbols (⏎, ↑, ...)."""

CITATION_LABELS = {"plain": "plain", "markdown": "Markdown"}
"""How the palette and notifications name each of store.citations.CITATION_STYLES."""

ASCII_TERMS = ("linux", "vt100", "vt102", "vt220", "vt320", "dumb", "ansi", "cons25")
REFRESH_SECONDS = 1.0
SHOWN_WAIT_SECONDS = 2.0
"""The longest the rest of a store's reading waits for its first screen to be drawn."""


def first_rows(store: Store) -> Snapshot | None:
    """A big store's first rows to draw the panes with while the whole store is read (None when it keeps none, or
    they cannot be read: reading the whole store then says why)."""
    try:
        return store.preview()
    except (WhosaidError, OSError):
        return None


def terminal_needs_ascii(term: str | None) -> bool:
    """True for terminals (by TERM) that cannot be trusted to draw box and block characters."""
    name = (term or "").lower()
    return name in ASCII_TERMS or name.startswith(("vt1", "vt2", "vt3"))


def display_path(path: str) -> str:
    """A store path as the header shows it: home abbreviated to ~, control characters made visible."""
    home = str(Path.home())
    if home != "/" and (path == home or path.startswith(home + os.sep)):
        path = "~" + path[len(home) :]
    return printable_line(path)


HEADER_MARGINS = 18
"""Columns of the header row taken by its icon and padding on both sides."""

SHORTEST_PATH = 12
"""Below this many columns a store path says too little to be worth showing."""


def shortened_path(path: str, room: int) -> str:
    """`path` cut to `room` terminal cells with an ellipsis, keeping its file name; empty if too little room."""
    if cell_len(path) <= room:
        return path
    if room < SHORTEST_PATH:
        return ""
    ellipsis = glyphs().ellipsis
    name = path.rsplit("/", 1)[-1]
    if cell_len(name) + len(ellipsis) + 1 > room:
        return ellipsis + last_cells(path, room - len(ellipsis))
    head = set_cell_size(path, room - cell_len(name) - len(ellipsis) - 1).rstrip()
    return f"{head}{ellipsis}/{name}"


def last_cells(text: str, cells: int) -> str:
    """The end of `text` that fits in `cells` terminal cells."""
    start = len(text)
    while start and cell_len(text[start - 1 :]) <= cells:
        start -= 1
    return text[start:]


KEPT_COUNTS = 2
"""The counts (articles, people) the header keeps while it has a note to make room for."""


def fitted_details(counts: list[str], notes: list[tuple[str, ...]], room: int) -> str:
    """The store's counts and notes ("indexing…", articles to read again) joined, in `room` columns: the last note
    said in its shorter forms, then the last counts left out down to KEPT_COUNTS, then the notes from the last, then
    the other counts: each whole, so that no count is cut into a smaller number ("124991…" for 1249911), and a note
    that the store should be read again outlasts its quotes' count. Empty when not even the first count fits."""
    counts, notes = list(counts), [list(forms) for forms in notes]
    while True:
        details = ", ".join(counts) + "".join(f" {glyphs().separator} {forms[0]}" for forms in notes)
        if len(details) <= room or not details:
            return details
        if notes and len(notes[-1]) > 1:
            notes[-1].pop(0)
        elif notes and len(counts) > KEPT_COUNTS:
            counts.pop()
        elif notes:
            notes.pop()
        else:
            counts.pop()


class AsciiScrollBarRender(ScrollBarRender):
    """A scrollbar drawn with whole reversed cells only: no eighth-block characters."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


class WhosaidApp(App[None]):
    """Browse the people, organizations and quotes of a store, updating live as articles arrive."""

    CSS_PATH = "whosaid.tcss"
    TITLE = "whosaid"
    BINDINGS = list(APP_BINDINGS)
    COMMANDS = {WhosaidCommands}

    snapshot: var[Snapshot] = var(None, init=False)  # type: ignore[arg-type]
    """The store version on screen; replaced whole when another process writes the store."""

    class SnapshotChanged(Message):
        """The store file changed and was re-read."""

        def __init__(self, snapshot: Snapshot) -> None:
            super().__init__()
            self.snapshot = snapshot

    def __init__(
        self,
        store: Store,
        ascii_only: bool = False,
        *,
        store_label: str | None = None,
        new_store: bool = False,
        keep_settings: bool | None = None,
    ) -> None:
        super().__init__()
        self.key_order = KeyOrder(self, self._act_on_key)
        self.store = store
        store.lean = True
        self.new_store = new_store
        """True when this launch created the store, so that a mistyped path shows in the header; False once
        another process has changed what it holds (it is in use, no typo)."""
        self.keep_settings = keep_settings
        """Whether choices are written to the config file; None: when the app runs on a terminal (a headless
        run, such as a test driving it, has no user whose choices should stick)."""
        self.ascii_only = ascii_only or terminal_needs_ascii(os.environ.get("TERM"))
        draw_glyphs(ASCII_GLYPHS if self.ascii_only else UNICODE_GLYPHS)
        self.store_label = store_label
        loaded = store.loaded_snapshot
        first = loaded or first_rows(store) or Snapshot.build({}, str(store.path))
        self.set_reactive(WhosaidApp.snapshot, first)
        self._reading_first_snapshot = loaded is None
        self._store_read = False
        """True once the first snapshot has been read whole: until then a damaged store ends the app."""
        self.exit_error: str | None = None
        """The one line that says why the app ended with an error, for the command line to print on exit."""
        self._refreshing = False
        self._snapshot_shown = threading.Event()
        """Set once a new snapshot's panes are drawn: reading the rest of the store waits for it, so that the
        screen is not drawn while a thread reads (each would take turns at the interpreter)."""
        self._scrollbar_renderer = ScrollBar.renderer
        self.no_color = self.no_color or self.console.color_system is None
        """True with NO_COLOR set, or on a terminal that shows no colors (TERM=dumb, unless TEXTUAL_COLOR_SYSTEM says
        otherwise): Textual would draw such a terminal in 24-bit color."""
        if self.no_color:
            kept = [f for f in self._filters if not isinstance(f, (Monochrome, NoColor))]
            self._filters = [*kept, NoColor()]
        self.settings = load_settings()
        """The config file as read at launch: theme, pane orders, zoom, search history and keymap."""
        self._settings_problems = list(self.settings.problems)
        self.theme = DEFAULT_THEME
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.settings.theme is not None:
            self._settings_problems.append(f"theme ignored, no theme is called {self.settings.theme!r}")
        self.set_keymap(dict(self.settings.keys))
        self.keymap: dict[str, str] = dict(self._keymap)
        """Keys by binding id (in Textual's long names: question_mark for ?), as the config's [keys] rebinds them."""
        self._unknown_theme = ""
        chosen = os.environ.get(THEME_VARIABLE, "").strip()
        if chosen in self.available_themes:
            self.theme = chosen
        elif chosen:
            self._unknown_theme = chosen
        self._saved_theme = self.theme
        self.citation_style = citation_style(otherwise=self.settings.citation or "plain")
        """The style `y` copies citations in: from WHOSAID_CITATION, else the config file, then as chosen in the
        palette."""

    async def on_event(self, event: events.Event) -> None:
        """Every event as Textual handles it, but keys in the order they were typed (see `tui.key_order`)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.key_order.read(event)
            return
        await super().on_event(event)

    async def _act_on_key(self, event: events.Key) -> None:
        """A key as Textual handles it on reading it, held back no longer."""
        await super().on_event(event)

    def get_default_screen(self) -> BrowseScreen:
        return BrowseScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collector)
        if not self.is_headless:
            report_state_on_signal(self)
        self.app_resume_signal.subscribe(self, self.redraw_after_resume)
        self.set_class(self.ascii_only, "-ascii")
        few_colors = not self.is_headless and self.console.color_system in ("standard", "windows")
        self.set_class(few_colors, "-few-colors")
        if self.ascii_only:
            ScrollBar.renderer = AsciiScrollBarRender
        self.set_interval(REFRESH_SECONDS, self.check_store)
        if self._reading_first_snapshot and not self.snapshot.preview:
            self.check_store()
        else:
            self.call_after_refresh(self.check_store)  # the first frame is drawn before the reading takes turns
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        if self._settings_problems:
            where = self.settings.path or "config.toml"
            line = printable_line(f"{where}: {'; '.join(self._settings_problems)}")
            self.notify(line, title="Settings", severity="warning", timeout=10, markup=False)
        unknown_style = unknown_citation_style()
        if unknown_style is not None:
            self.notify(
                f"No citation style called {printable_line(unknown_style)}; styles: {citation_style_names()}"
                f" (copying {self.citation_style} citations)",
                title=CITATION_ENV,
                severity="warning",
                markup=False,
            )
        if self._unknown_theme:
            themes = ", ".join(sorted(self.available_themes))
            self.notify(
                f"No theme called {printable_line(self._unknown_theme)}; themes: {themes}",
                title=THEME_VARIABLE,
                severity="warning",
                markup=False,
            )

    def _handle_exception(self, error: Exception) -> None:
        """Any error ends the app with one line, never a traceback: a damaged store file with its reason (exit 2),
        anything unexpected with its traceback written to the crash log (exit 1)."""
        if isinstance(error, WhosaidError):
            self.exit_error = printable_line(str(error))
            self.exit(None, 2)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.exit_error = printable_line(record_crash(error))
        self._close_messages_no_wait()

    def remember_theme(self, theme: Theme) -> None:
        """Save a newly chosen theme for the next launch."""
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self.save_settings({"theme": theme.name})

    def save_settings(self, changes: Mapping[str, Any]) -> None:
        """Keep these settings for the next launch (tables as dicts), the config file's other keys as they are;
        never in a guest session (the server's file is not the guest's), over a file that is not TOML, or unless
        `keep_settings` says so."""
        keep = self.keep_settings if self.keep_settings is not None else not self.is_headless
        if not keep or is_guest_session() or not self.settings.writable:
            return
        try:
            update_config(changes, self.settings.path)
        except (OSError, ValueError) as error:
            self.keep_settings = False
            message = f"Settings are not kept this session: {error}"
            self.notify(printable_line(message), title="Settings", severity="warning", markup=False)

    def bound_keys(self, binding: Binding) -> str:
        """The keys that run a binding, comma-separated: the config's [keys] table's where it rebinds it."""
        return self.keymap.get(binding.id or "", binding.key)

    def key_label(self, binding: Binding) -> str:
        """All the keys of a binding as the footer would show them, space-separated, e.g. '↓ j'."""
        if binding.key_display and binding.id not in self.keymap:
            return binding.key_display
        keys = [key.strip() for key in self.bound_keys(binding).split(",")]
        return " ".join(self.get_key_display(binding.with_key(key, key_display=None)) for key in keys)

    def action_suspend(self) -> None:
        """Ctrl+Z: suspend to the shell where the terminal allows it; nothing in a guest session (no shell there)."""
        if not is_guest_session():
            self.action_suspend_process()

    def delay_update(self, delay: float = 0.05) -> None:
        """Repaint as usual: Textual would hold every repaint until a timer ends the delay (after a command picked
        in the palette), and on a busy machine the screen's own redraws can keep that timer from ever running."""

    def search_themes(self) -> None:
        """The palette of themes (Textual's, in the app's glyphs: see `WhosaidPalette`)."""
        self.push_screen(WhosaidPalette(providers=[ThemeProvider], placeholder=f"Search for themes{glyphs().ellipsis}"))

    def action_command_palette(self) -> None:
        """Open the command palette (ours: safe against keys typed in the same burst)."""
        if self.use_command_palette and not WhosaidPalette.is_open(self):
            self.push_screen(WhosaidPalette(id=PALETTE_ID))

    def redraw_after_resume(self, app: App[None]) -> None:
        """Draw the whole screen again after `fg`: the terminal lost it while the app was suspended."""
        self.screen.refresh(layout=True)

    def on_unmount(self) -> None:
        ScrollBar.renderer = self._scrollbar_renderer
        draw_glyphs(UNICODE_GLYPHS)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer shows them; plain words on an ASCII-only terminal."""
        if self.ascii_only and not binding.key_display:
            modifiers, key = binding.parse_key()
            return "+".join([*modifiers, ASCII_KEYS.get(key, key)])
        return super().get_key_display(binding)

    @property
    def reading_store(self) -> bool:
        """True until the store's first snapshot has been read (the panes are drawn before it, from its first rows
        when its writer kept them: see `Snapshot.preview`)."""
        return self._reading_first_snapshot or self.snapshot.preview

    def listed_quotes(self, stored: int) -> int:
        """How many quotes the Quotes pane lists (a quote printed by several articles once), once the store's quotes
        are grouped; until then (a big store read or indexed), how many are `stored`."""
        snapshot = self.snapshot
        return len(snapshot.quotes) if snapshot.stored_quotes.grouped and not snapshot.preview else stored

    def store_line(self) -> str:
        """The header's description of the store, fitted to the width: the path shortens, then goes, first."""
        summary = self.snapshot.summary()
        where = printable_line(self.store_label) if self.store_label is not None else display_path(summary.path)
        marker = " (new store)" if self.new_store else ""
        width = self.size.width - HEADER_MARGINS - len(self.title) - 3
        ellipsis = glyphs().ellipsis
        if self.reading_store and not self.snapshot.preview:
            details = f"reading the store{ellipsis}"
        else:
            full = count_label(summary.organizations, "organization")
            short = count_label(summary.organizations, "org")
            counts = [
                count_label(summary.articles, "article"),
                count_label(summary.people, "person", "people"),
                full if len(full) - len(short) + 50 < width else short,
                count_label(self.listed_quotes(summary.quotes), "quote"),
            ]
            reading = "reading" if self.snapshot.preview else "indexing" if self.snapshot.indexing else None
            notes = [(reading + ellipsis,)] if reading else []
            if summary.stale_articles:
                stale = count_label(summary.stale_articles, "article")
                notes.append(
                    (
                        f"{stale} read by an older extractor: run whosaid reextract",
                        f"{stale} to read again: whosaid reextract",
                        "run whosaid reextract",
                    )
                )
            details = fitted_details(counts, notes, width - len(marker))
        where = shortened_path(where, width - len(details) - len(marker) - 3)
        named = f"{where}{marker}".strip()
        return f" {glyphs().separator} ".join(part for part in (named, details) if part)

    def check_store(self) -> None:
        """Start a background re-read of the store unless one is running."""
        if not self._refreshing:
            self._refreshing = True
            self.refresh_store()

    @work(thread=True, group="refresh", exit_on_error=False)
    def refresh_store(self) -> None:
        """Re-read the store file if it changed (off the UI thread), post the new snapshot as soon as its
        first screen is read, then read the rest of it."""
        try:
            with quick_handover():
                if self.store.refresh() and self.store.loaded_snapshot is not None:
                    self._snapshot_shown.clear()
                    self.post_message(self.SnapshotChanged(self.store.loaded_snapshot))
                    self._snapshot_shown.wait(SHOWN_WAIT_SECONDS)
                if self.store.loaded_snapshot is not None:
                    self.store.loaded_snapshot.read_all()
            self._store_read = True
        except (WhosaidError, OSError) as error:
            message = printable_line(str(error))
            if not self._store_read:
                self.exit_error = message
                self.call_from_thread(self.call_after_refresh, self.exit, None, 2)
            else:
                self.call_from_thread(self.notify, message, severity="error", markup=False)
        finally:
            self._refreshing = False

    def on_whosaid_app_snapshot_changed(self, message: SnapshotChanged) -> None:
        self._reading_first_snapshot = False
        if self.new_store and message.snapshot.summary().articles != self.snapshot.summary().articles:
            self.new_store = False  # another process stored or removed articles: the store is in use
        self.snapshot = message.snapshot
        self.call_after_refresh(self._snapshot_shown.set)

    def watch_snapshot(self, snapshot: Snapshot) -> None:
        for screen in self.screen_stack:
            reload = getattr(screen, "load", None)
            if reload is not None and screen.is_mounted:
                reload(snapshot)

    def open_original(self, article: ArticleRecord | None) -> None:
        """Open an article's original file in $PAGER; in a guest session, or with no file, say where it is."""
        if article is None:
            self.notify("Select an article or a quote to open its original", severity="warning", markup=False)
            return
        if article.url:
            where = article.url
        elif article.source == "-":
            where = "it was read from standard input"
        else:
            where = display_path(article.source) if article.source else "no source file"
        if is_guest_session():
            self.notify(
                printable_line(f"A whosaid serve session opens no programs. The original: {where}"),
                title="Original",
                timeout=8,
                markup=False,
            )
            return
        original = original_file(article.source)
        if original is None:
            self.notify(printable_line(f"No original file to open: {where}"), title="Original", markup=False)
            return
        command = [*shlex.split(os.environ.get("PAGER") or "less"), original]
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except (OSError, ValueError, SuspendNotSupported) as error:
            self.notify(printable_line(f"Could not open {where}: {error}"), severity="error", markup=False)

    def copy_quote(self, quote: QuoteRecord) -> None:
        """Send the quote and its citation to the terminal's clipboard (OSC 52) and say what was sent where.

        A terminal cannot tell whether it took an OSC 52 request, so the message says it was sent, not copied.
        """
        if self.snapshot.preview:
            self.notify("Still reading the store: copy again in a moment.", severity="warning", timeout=3)
            return
        citation = self.snapshot.citation(quote, self.citation_style)
        self.copy_to_clipboard(clipboard_line(citation))
        label = CITATION_LABELS[self.citation_style]
        title = f"Sent to your terminal's clipboard (OSC 52), {label} citation"
        self.notify(printable_line(citation), title=title, timeout=4, markup=False)

    def copy_name(self, subject: Subject) -> None:
        """Send a person (with role and organization), an organization or an article's citation to the terminal's
        clipboard (OSC 52), as `copy_quote` sends a quote."""
        if self.snapshot.preview:
            self.notify("Still reading the store: copy again in a moment.", severity="warning", timeout=3)
            return
        line = self.snapshot.name_citation(subject.kind, subject.key, self.citation_style)
        if not line:
            self.notify(f"That {subject.kind} is no longer in the store", severity="warning", markup=False)
            return
        self.copy_to_clipboard(clipboard_line(line))
        self.notify(printable_line(line), title="Sent to your terminal's clipboard (OSC 52)", timeout=4, markup=False)

    def set_citation_style(self, style: str) -> None:
        """Copy citations in `style` (one of CITATION_STYLES) from now on, and say so."""
        if style in CITATION_STYLES:
            self.citation_style = style
            self.notify(f"y now copies citations in the {CITATION_LABELS[style]} style", markup=False)
            self.save_settings({"citation": style})

    def open_article(
        self,
        article_key: str,
        quote_key: str | None = None,
        place: ReadingPlace | None = None,
        name: Subject | None = None,
    ) -> None:
        """Open an article's full text, scrolled to a quote when given, back to where the reader was, or to the
        first mention of a person or organization (`name`)."""
        from tui.article_screen import ArticleScreen

        if self.snapshot.article(article_key) is not None:
            screen = ArticleScreen(article_key, quote_key, place, name)
            self.push_screen(screen, partial(self.article_closed, screen))

    def article_closed(self, screen: ArticleScreen, subject: Subject | None) -> None:
        """Open the name chosen in an article, so that Esc comes back to the same place in it."""
        if subject is not None:
            self.browse_screen().open_subject(subject, screen.reading_place())

    def browse_screen(self) -> BrowseScreen:
        """The main screen, brought back to the top by closing any screens above it."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, BrowseScreen):
            self.pop_screen()
        assert isinstance(self.screen, BrowseScreen)
        return self.screen

    def open_subject(self, subject: Subject | None) -> None:
        """Show a person, organization or quote in the browser's detail area (None: nothing to open)."""
        if subject is not None:
            self.browse_screen().open_subject(subject)

    def toggle_zoom(self) -> None:
        """Let the browser's current pane fill the screen, or show every pane again (as z does)."""
        self.browse_screen().action_zoom()

    def search_for(self, query: str | None) -> None:
        """Focus the browser's search box, filled with `query` when given."""
        screen = self.browse_screen()
        if query is not None:
            screen.search.value = searchable(query)
        screen.set_focus(screen.search)

    def action_help(self) -> None:
        from tui.help_screen import HelpScreen

        if not any(isinstance(screen, HelpScreen) for screen in self.screen_stack):
            self.push_screen(HelpScreen())
