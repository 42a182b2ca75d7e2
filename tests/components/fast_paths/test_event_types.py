import pytest
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from components.fast_paths import event_types

TYPE_NAMES = sorted({cls.type_name for cls in all_subclasses(Event)})


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_event_type_resolves_as_rasa_resolves_it(type_name):
    expected = event_types._rasa_resolve_by_type(type_name)
    assert event_types.resolve_by_type(type_name) is expected


def test_common_types_resolve_to_their_classes():
    assert event_types.resolve_by_type("user") is UserUttered
    assert event_types.resolve_by_type("slot") is SlotSet
    assert event_types.resolve_by_type("action") is ActionExecuted


def test_unknown_names_keep_rasas_answers():
    assert event_types.resolve_by_type("topic") is None
    assert event_types.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        event_types.resolve_by_type("no_such_event")


def test_install_makes_event_deserialisation_use_the_table():
    event_types.install()
    assert Event.resolve_by_type is event_types.resolve_by_type
    event = Event.from_parameters({"event": "slot", "name": "license", "value": "p1"})
    assert event == SlotSet("license", "p1")
