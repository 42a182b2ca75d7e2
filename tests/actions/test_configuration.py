import pytest

from actions.configuration import (
    ActionConfigurationVerdict,
    ValidateConfigurationCheckForm,
)
from tests.actions.conftest import make_tracker, responses

FORM = ValidateConfigurationCheckForm()


def test_license_is_judged_once_user_type_is_known(dispatcher):
    tracker = make_tracker({"user_type": "synced"})
    assert FORM.validate_license("o365_paid", dispatcher, tracker, {}) == {
        "license": "o365_paid"
    }
    assert responses(dispatcher) == ["utter_license_synced_not_covered"]


def test_license_waits_for_user_type(dispatcher):
    FORM.validate_license("aad_p1", dispatcher, make_tracker(), {})
    assert responses(dispatcher) == []


def test_user_type_judges_a_license_given_earlier(dispatcher):
    tracker = make_tracker({"license": "aad_p1"})
    FORM.validate_user_type("synced", dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_license_covered"]


def test_user_type_and_license_in_one_message_judge_once(dispatcher):
    message = {
        "entities": [
            {"entity": "license", "value": "aad_p1"},
            {"entity": "user_type", "value": "synced"},
        ]
    }
    tracker = make_tracker({"license": "aad_p1", "user_type": "synced"}, message)
    FORM.validate_user_type("synced", dispatcher, tracker, {})
    FORM.validate_license("aad_p1", dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_license_covered"]


@pytest.mark.parametrize(
    "method, value, response",
    [
        ("validate_accounts_ready", True, "utter_accounts_ok"),
        ("validate_pdc_preferred", False, "utter_pdc_fix"),
        ("validate_sspr_enabled", False, "utter_sspr_fix"),
        ("validate_cloud_admin", True, "utter_cloud_admin_ok"),
        ("validate_full_sync_done", False, "utter_full_sync_fix"),
    ],
)
def test_yes_no_checks(dispatcher, method, value, response):
    slot = method.removeprefix("validate_")
    assert getattr(FORM, method)(value, dispatcher, make_tracker(), {}) == {slot: value}
    assert responses(dispatcher) == [response]


def test_os_version_verdict_carries_the_version(dispatcher):
    FORM.validate_os_version("Windows Server 2012 R2", dispatcher, make_tracker(), {})
    assert dispatcher.messages[0]["response"] == "utter_os_legacy"
    assert dispatcher.messages[0]["os_version"] == "Windows Server 2012 R2"


def test_verdict_asks_to_fix_failed_checks(dispatcher):
    tracker = make_tracker(
        {"user_type": "synced", "license": "aad_p2", "sspr_enabled": False}
    )
    assert ActionConfigurationVerdict().run(dispatcher, tracker, {}) == []
    assert responses(dispatcher) == ["utter_configuration_fix_first"]
