"""Every key whosaid answers to, declared once with an id and description; help, palette and keymap read these."""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import REPLACED_KEYS, Keys, key_to_character

BROWSE_BINDINGS: list[Binding] = [
    # Keys that move the focus are priority bindings: they act when the key arrives, so keys typed
    # right after them (a burst over SSH, "/" and a query) reach the newly focused widget.
    Binding("tab", "next_pane", "Next pane", show=False, priority=True, id="pane.next"),
    Binding("shift+tab", "previous_pane", "Previous pane", show=False, priority=True, id="pane.previous"),
    Binding("slash", "focus_search", "Search", key_display="/", priority=True, id="search.focus"),
    Binding("escape", "back", "Back", id="nav.back"),
    Binding("y", "copy_quote", "Copy quote", id="quote.copy"),
    Binding(
        "y",
        "copy_name",
        "Copy",
        tooltip="Copy the name or article selected",
        id="name.copy",
    ),
    Binding("a", "open_article", "Article", id="article.open"),
    Binding("e", "export", "Export", tooltip="Export the quotes shown", id="list.export"),
    Binding("s", "cycle_sort", "Sort", tooltip="Sort the list", id="list.sort"),
    Binding("z", "zoom", "Zoom", tooltip="Zoom: the pane fills the screen", id="pane.zoom"),
    Binding("1", "show_pane('people')", "People pane", show=False, priority=True, id="pane.people"),
    Binding(
        "2", "show_pane('organizations')", "Organizations pane", show=False, priority=True, id="pane.organizations"
    ),
    Binding("3", "show_pane('quotes')", "Quotes pane", show=False, priority=True, id="pane.quotes"),
    Binding("4", "show_pane('detail')", "Detail pane", show=False, priority=True, id="pane.detail"),
    Binding("5", "show_pane('articles')", "Articles pane", show=False, priority=True, id="pane.articles"),
    Binding("o", "open_original", "Open the original in $PAGER", show=False, id="article.original"),
]

APP_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Keys", key_display="?", id="app.help"),
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("ctrl+c", "app.quit", "Quit", show=False, priority=True, id="app.interrupt"),
    Binding("ctrl+z", "suspend", "Suspend to the shell", show=False, id="app.suspend"),
]

LIST_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
    Binding("home,g", "first", "Top", show=False, id="list.top"),
    Binding("end,G", "last", "Bottom", show=False, id="list.bottom"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
    Binding("enter", "open", "Open", id="list.open"),
]

SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "leave", "Leave search", id="search.leave"),
    Binding("up", "recall(-1)", "Earlier search", show=False, id="search.earlier"),
    Binding("down", "recall(1)", "Later search", show=False, id="search.later"),
    Binding("enter", "submit", "Go to results", show=False, id="search.submit"),
]

ARTICLE_BINDINGS: list[Binding] = [
    Binding("n", "next_quote", "Next", tooltip="Next quote or search match", id="article.next_quote"),
    Binding(
        "N",
        "previous_quote",
        "Previous",
        tooltip="Previous quote or search match",
        key_display="N",
        id="article.previous_quote",
    ),
    Binding("slash", "search", "Search", key_display="/", priority=True, id="article.search"),
    Binding("tab", "next_name", "Next name", show=False, id="article.next_name"),
    Binding("shift+tab", "previous_name", "Previous name", show=False, id="article.previous_name"),
    Binding("enter", "open_name", "Open name", id="article.open_name"),
    Binding("y", "copy_quote", "Copy", tooltip="Copy the quote and citation", id="article.copy"),
    Binding("o", "open_original", "Open the original in $PAGER", show=False, id="article.open_original"),
    Binding("down,j", "scroll_down", "Scroll down", show=False, id="article.down"),
    Binding("up,k", "scroll_up", "Scroll up", show=False, id="article.up"),
    Binding("home,g", "scroll_home", "Top", show=False, id="article.top"),
    Binding("end,G", "scroll_end", "Bottom", show=False, id="article.bottom"),
    Binding("pagedown", "page_down", "Page down", show=False, id="article.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
    Binding("escape", "back", "Back", tooltip="End the search, or go back", id="article.back"),
    Binding("q", "leave", "Back to the browser", show=False, id="article.leave"),
]

ARTICLE_SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Close the search line", id="article_search.cancel"),
]

HELP_SCREEN_BINDINGS: list[Binding] = [
    Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc", id="help.close"),
    Binding("down,j", "scroll_down", "Scroll down", show=False, id="help.down"),
    Binding("up,k", "scroll_up", "Scroll up", show=False, id="help.up"),
    Binding("home,g", "scroll_home", "Top", show=False, id="help.top"),
    Binding("end,G", "scroll_end", "Bottom", show=False, id="help.bottom"),
]

HELP_SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP_BINDINGS),
    ("Browsing", BROWSE_BINDINGS),
    ("In a list", LIST_BINDINGS),
    ("In the search box", SEARCH_BINDINGS),
    ("Reading an article", ARTICLE_BINDINGS),
]
"""What the help screen lists, section by section."""

BINDING_IDS = frozenset(
    binding.id
    for bindings in (
        BROWSE_BINDINGS,
        APP_BINDINGS,
        LIST_BINDINGS,
        SEARCH_BINDINGS,
        ARTICLE_BINDINGS,
        ARTICLE_SEARCH_BINDINGS,
        HELP_SCREEN_BINDINGS,
    )
    for binding in bindings
    if binding.id
)
"""The ids a user's keymap (the config file's [keys] table) may rebind."""

KEY_CONTEXTS: tuple[tuple[Binding, ...], ...] = (
    (*APP_BINDINGS, *BROWSE_BINDINGS, *LIST_BINDINGS),
    (*APP_BINDINGS, *ARTICLE_BINDINGS),
    tuple(HELP_SCREEN_BINDINGS),
)
"""Bindings that answer on one screen at once: a key given to two of them reaches only one."""


def key_clashes(keymap: dict[str, str]) -> list[str]:
    """The keys a keymap gives to two bindings that answer at once, which they did not share before ("o" given to
    sorting, which opening the original also answers to), each as a problem line."""
    clashes: list[str] = []
    for context in KEY_CONTEXTS:
        given: dict[str, set[str]] = {}
        default: dict[str, set[str]] = {}
        for binding in context:
            for key in keymap.get(binding.id or "", binding.key).split(","):
                given.setdefault(key.strip(), set()).add(binding.id or binding.action)
            for key in binding.key.split(","):
                default.setdefault(key.strip(), set()).add(binding.id or binding.action)
        for key, owners in given.items():
            if len(owners) > 1 and not any(owners <= sharing for sharing in default.values()):  # as y is shared
                named = " and ".join(sorted(owners))
                line = f"keys: {key} is given to both {named}; only one of them answers to it"
                if line not in clashes:
                    clashes.append(line)
    return clashes


MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(key.value for key in Keys if "+" not in key.value and not key.value.startswith("<"))
"""Keys known by name, without modifiers: escape, enter, up, pageup, f1, space, ..."""


def key_problem(key: str) -> str | None:
    """Why `key` is not a key Textual can bind ('ctrl+q', 'f5', 'question_mark', 'G'), or None when it is."""
    *modifiers, name = key.split("+")
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown or not name:
        return f"{key!r} is not a key (modifiers: {', '.join(MODIFIERS)})"
    if len(name) == 1 and name.isprintable() and not name.isspace():
        return None
    if name in NAMED_KEYS or key_to_character(REPLACED_KEYS.get(name, name)) is not None:
        return None
    return f"{key!r} is not a key name (such as ctrl+q, f5, escape, question_mark)"


def keys_problem(keys: str) -> str | None:
    """Why a comma-separated list of keys cannot be bound, or None when every key in it can."""
    listed = [key.strip() for key in keys.split(",")]
    if not any(listed):
        return "no key is given"
    return next((problem for key in listed if (problem := key_problem(key)) is not None), None)
