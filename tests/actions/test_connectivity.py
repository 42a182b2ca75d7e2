import pytest

from actions.connectivity import ActionCheckFirewall
from tests.actions.conftest import make_tracker, responses


@pytest.mark.parametrize(
    "version, first",
    [
        ("1.6.16.0", "utter_version_supported"),
        ("1.1.99.0", "utter_version_too_old"),
        ("unknown", "utter_version_unknown"),
        (None, "utter_version_unknown"),
    ],
)
def test_version_verdict_then_rules_and_test(dispatcher, version, first):
    ActionCheckFirewall().run(dispatcher, make_tracker({"aadc_version": version}), {})
    assert responses(dispatcher) == [
        first,
        "utter_firewall_rules",
        "utter_firewall_test",
    ]
    assert dispatcher.messages[0]["aadc_version"] == version
