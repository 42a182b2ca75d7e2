"""Tell the channel that the conversation store failed during the current turn.

Rasa wraps every tracker store in `FailSafeTrackerStore`, which swallows store
errors: a turn then runs on an empty conversation and is kept only in memory,
and the client gets a normal-looking answer. The store records its errors here,
and the channel that started the turn reads them back (the turn runs in the
channel's own task, so a context variable reaches it).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, List, Optional

_failures: ContextVar[Optional[List[Exception]]] = ContextVar(
    "conversation_store_failures", default=None
)


@contextmanager
def watch() -> Iterator[List[Exception]]:
    """Collect the store errors of one turn into the list this yields."""
    failures: List[Exception] = []
    token = _failures.set(failures)
    try:
        yield failures
    finally:
        _failures.reset(token)


def record(error: Exception) -> None:
    """Note a store error for the turn being watched, if any."""
    failures = _failures.get()
    if failures is not None:
        failures.append(error)
