"""Keys acted on in the order they were typed, whether a priority binding or the focused widget takes them.

Textual runs a priority binding ("/", Tab, 1–5) as soon as the app reads its key, while a key before it went to
the focused widget's queue and is handled later: Esc then "/" typed fast (or sent together over SSH) moved the
focus to the search box first, and the Esc then left it. A priority key that comes while an earlier key may still
be on its way through the widgets is held, with every key after it, until each queue that earlier key passes
through (the widget's, then each parent's, as a key bubbles) has been worked through; then they are taken in
order.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump

IN_FLIGHT_SECONDS = 0.5
"""How long after a key was sent to a widget it may still be on its way: a priority key sooner than this waits."""
HELD_AT_MOST_SECONDS = 1.0
"""How long keys are held at most: a widget removed meanwhile never answers, and no key may be lost for it."""


class KeyOrder:
    """Holds an app's keys that must wait for the ones before them (see the module's docstring)."""

    def __init__(self, app: App[object], act: Callable[[events.Key], Awaitable[None]]) -> None:
        """`act` handles a key as the app would on reading it, holding nothing back."""
        self.app = app
        self.act = act
        self.held: list[events.Key] = []
        """The keys waiting, the priority key first; empty while none waits."""
        self.hold: object | None = None
        """What stands for the current hold, which only its own release ends (a later hold has another)."""
        self.last_sent = float("-inf")
        """When a key last went to a widget rather than to a priority binding (time.monotonic)."""

    def takes(self, event: events.Key) -> bool:
        """Whether this key, read by the app, waits (it is then kept); else the app handles it now."""
        if self.hold is not None:
            self.held.append(event)
            return True
        if not self.has_priority_binding(event.key):
            self.last_sent = time.monotonic()
            return False
        if time.monotonic() - self.last_sent > IN_FLIGHT_SECONDS:
            return False
        hold = self.hold = object()
        self.held = [event]
        release = partial(self.release, hold)
        self.after_queues_from(self.app.focused or self.app.screen, release)
        self.app.set_timer(HELD_AT_MOST_SECONDS, release)
        return True

    def has_priority_binding(self, key: str) -> bool:
        """Whether a priority binding of the current screen's chain answers this key."""
        chain = self.app.screen._binding_chain
        return any(binding.priority for _, bindings in chain for binding in bindings.key_to_bindings.get(key, ()))

    def after_queues_from(self, node: MessagePump, then: Callable[[], object]) -> None:
        """Run `then` once this node's queue and each parent's, in turn up to the app, have been worked through."""
        if node is self.app:
            self.app.call_later(then)
            return
        parent = node.parent if isinstance(node, DOMNode) else None
        node.call_later(self.after_queues_from, parent or self.app, then)

    async def release(self, hold: object) -> None:
        """End this hold (unless it has ended): the priority key acts now, the keys after it as if just read."""
        if hold is not self.hold:
            return
        held, self.held, self.hold = self.held, [], None
        self.last_sent = float("-inf")
        await self.act(held[0])
        for event in held[1:]:
            await self.app.on_event(event)
