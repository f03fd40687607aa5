"""Keys acted on one at a time, in the order they were typed, each where the keys before it left the focus.

Textual decides what a key does when the app reads it: a priority binding ("/", Tab, 1–5) acts at once, any other
key goes to the queue of the widget that has the focus then, to be handled later. Keys read together (typed fast,
or sent in one packet over SSH) would all be decided before the first of them had been handled: after an Esc on its
way to the search box, "3" would count as text (the box still has the focus) and go into the box, as would the keys
after it; after an Esc on its way to close the command palette, "3" would go to the palette's search line and be
lost with it. So a key that comes while an earlier key is on its way waits, with every key after it, until each
queue that earlier key passes through (the widget's, then each parent's, as a key bubbles up to the app's bindings)
has been worked through: it then acts, or goes to its widget, as if typed a moment later. Text typed into the
focused input holds nothing back: it moves the focus nowhere, so a burst of it goes in as fast as it comes; nor
does a key that only moves a list's cursor (a held j), which the list says (`keeps_focus`). A screen that answers a
key later than its queues are worked through (the palette's Enter, once every hit is listed) says so
(`answers_later`), and the keys after it wait until it has answered (`answered`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.timer import Timer

HELD_AT_MOST_SECONDS = 1.0
"""How long a key waits at most for the one before it: a widget removed meanwhile never answers, and no key may be
lost for it."""
ANSWERED_AT_MOST_SECONDS = 5.0
"""How long a key waits at most for one that its screen answers later (see `KeyOrder.answered`)."""


class KeyOrder:
    """Lets an app's keys act one at a time (see the module's docstring)."""

    def __init__(self, app: App[object], act: Callable[[events.Key], Awaitable[None]]) -> None:
        """`act` handles a key as the app would on reading it: a priority binding, else sent to the focused widget."""
        self.app = app
        self.act = act
        self.waiting: list[events.Key] = []
        """The keys read and not yet acted on, oldest first."""
        self.passing: object | None = None
        """What stands for the key on its way through the widgets (None while none is), which only its own arrival
        ends: a later key's has another."""
        self.passing_timer: Timer | None = None
        """Ends the wait for the key on its way should it never arrive (see HELD_AT_MOST_SECONDS)."""
        self.answer_awaited: object | None = None
        """What stands for the key on its way when its screen answers it later (see `answered`), else None."""

    @property
    def keys_to_come(self) -> bool:
        """Whether keys read with the one on its way (in the same burst) wait to act after it: what that key sets off
        in the background can have them wait for it too (an order being made for a list, see
        `RecordPane.cycle_order`)."""
        return bool(self.waiting)

    async def read(self, event: events.Key) -> None:
        """A key read by the app: it acts now, or once the keys before it have arrived where they went."""
        self.waiting.append(event)
        await self.act_on_waiting()

    async def send_on(self, event: events.Key) -> None:
        """A key that reached a widget the focus had left meanwhile (by a mouse click, a worker): it acts as just
        read, before the keys read after it."""
        self.waiting.insert(0, event)
        await self.act_on_waiting()

    async def act_on_waiting(self) -> None:
        """Act on the waiting keys in turn, each once the one before it has arrived (text for the focused input: once
        it has been sent there)."""
        while self.waiting and self.passing is None:
            event = self.waiting.pop(0)
            passing = self.passing = object()
            arrived = partial(self.arrived, passing)
            target = self.app.focused or self.app.screen
            keeps_focus = getattr(target, "keeps_focus", None)
            text = target.check_consume_key(event.key, event.character) or bool(
                keeps_focus is not None and keeps_focus(event.key)
            )
            answers_later = getattr(self.app.screen, "answers_later", None)
            answered_later = not text and answers_later is not None and bool(answers_later(event))
            self.answer_awaited = passing if answered_later else None
            try:
                await self.act(event)
            finally:
                if text:
                    self.passing = None
                else:
                    if not answered_later:
                        self.after_queues_from(target, arrived)
                    self.passing_timer = self.app.set_timer(
                        ANSWERED_AT_MOST_SECONDS if answered_later else HELD_AT_MOST_SECONDS,
                        partial(self.app.call_later, arrived),
                    )

    def answered(self, node: MessagePump) -> None:
        """The screen has answered the key it said it would answer later (see `answers_later`): the keys after it act
        once `node`'s queue and each parent's have been worked through (what the answer set off there comes first)."""
        if self.answer_awaited is not None and self.answer_awaited is self.passing:
            self.after_queues_from(node, partial(self.arrived, self.answer_awaited))
            self.answer_awaited = None

    def after_queues_from(self, node: MessagePump, then: Callable[[], object]) -> None:
        """Run `then` once this node's queue and each parent's, in turn up to the app, have been worked through (at
        once from a node that is closing: the rest of its queue is never worked through)."""
        if node is self.app:
            self.app.call_later(then)
            return
        parent = node.parent if isinstance(node, DOMNode) else None
        if not node.call_later(self.after_queues_from, parent or self.app, then):
            self.after_queues_from(parent or self.app, then)

    async def arrived(self, passing: object) -> None:
        """The key this stands for has arrived (unless a later one is on its way now): the next key acts."""
        if passing is not self.passing:
            return
        self.passing = None
        if self.passing_timer is not None:
            self.passing_timer.stop()
            self.passing_timer = None
        await self.act_on_waiting()
