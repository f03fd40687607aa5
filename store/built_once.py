"""A cached property built by one thread at a time, on every Python: the browser's workers (preparing the store,
searching it) ask for the same big lookups at once, and Python 3.12 stopped locking `functools.cached_property`,
which would let two threads build one lookup side by side, each holding its own copy until one is dropped."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

Value = TypeVar("Value")


class built_once(Generic[Value]):  # noqa: N801 - used as a decorator, like functools.cached_property
    """Like `functools.cached_property` as Python 3.11 has it: the first reader builds the value under a lock that
    the property holds for all its instances (reentrant, so a lookup built from another in the same thread waits for
    nothing), later readers take it from the instance's dict without locking."""

    def __init__(self, build: Callable[[Any], Value]) -> None:
        self._build = build
        self._name = build.__name__
        self._lock = threading.RLock()
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> built_once[Value]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Value: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> Value | built_once[Value]:
        if instance is None:
            return self
        cache = instance.__dict__
        if self._name in cache:
            return cache[self._name]
        with self._lock:
            if self._name not in cache:
                cache[self._name] = self._build(instance)
            return cache[self._name]

    def is_built(self, instance: object) -> bool:
        """Whether `instance` has this value already, without building it or waiting for a thread building it."""
        return self._name in instance.__dict__
