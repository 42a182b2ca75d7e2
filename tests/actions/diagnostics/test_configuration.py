import pytest

from actions.diagnostics.configuration import (
    YES_NO_CHECKS,
    configuration_verdict_response,
    failed_checks,
    os_response,
    yes_no_response,
)

ALL_GOOD = {
    "user_type": "synced",
    "license": "aad_p1",
    "accounts_ready": True,
    "pdc_preferred": True,
    "sspr_enabled": True,
    "cloud_admin": True,
    "os_version": "Windows Server 2019",
    "full_sync_done": True,
}


@pytest.mark.parametrize("check", sorted(YES_NO_CHECKS))
def test_yes_no_responses(check):
    passed, failed = YES_NO_CHECKS[check]
    assert yes_no_response(check, True) == passed
    assert yes_no_response(check, False) == failed
    assert yes_no_response(check, None) is None


def test_unknown_check_has_no_response():
    assert yes_no_response("coffee_ready", True) is None


@pytest.mark.parametrize(
    "os_version, response",
    [
        ("Windows Server 2019", "utter_os_supported"),
        ("Windows Server 2012 R2", "utter_os_legacy"),
        ("Windows Server 2003", "utter_os_unsupported"),
        ("unknown", "utter_os_unknown"),
    ],
)
def test_os_response(os_version, response):
    assert os_response(os_version) == response


def test_all_good_passes():
    assert failed_checks(ALL_GOOD) == []
    assert configuration_verdict_response(ALL_GOOD) == "utter_configuration_all_passed"


@pytest.mark.parametrize(
    "changes, failed",
    [
        ({"license": "o365_paid"}, ["license"]),
        ({"pdc_preferred": False}, ["pdc_preferred"]),
        (
            {"sspr_enabled": False, "full_sync_done": False},
            ["sspr_enabled", "full_sync_done"],
        ),
        ({"os_version": "Windows Server 2003"}, ["os_version"]),
        ({"license": "unknown"}, []),
    ],
)
def test_failed_checks(changes, failed):
    slots = {**ALL_GOOD, **changes}
    assert failed_checks(slots) == failed
    expected = (
        "utter_configuration_fix_first" if failed else "utter_configuration_all_passed"
    )
    assert configuration_verdict_response(slots) == expected
