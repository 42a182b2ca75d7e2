import pytest

from actions.diagnostics.licensing import (
    LicenseVerdict,
    license_response,
    license_verdict,
)

C, N, U = LicenseVerdict.COVERED, LicenseVerdict.NOT_COVERED, LicenseVerdict.UNKNOWN


@pytest.mark.parametrize(
    "user_type, license, verdict",
    [
        ("cloud_only", "o365_paid", C),
        ("cloud_only", "aad_basic", C),
        ("cloud_only", "aad_p1", C),
        ("cloud_only", "spe", C),
        ("cloud_only", "none", N),
        ("synced", "aad_p1", C),
        ("synced", "aad_p2", C),
        ("synced", "ems", C),
        ("synced", "spe", C),
        ("synced", "o365_paid", N),
        ("synced", "aad_basic", N),
        ("synced", "none", N),
        ("synced", "unknown", U),
        (None, "aad_p1", U),
        ("synced", None, U),
        ("guests", "aad_p1", U),
    ],
)
def test_license_verdict(user_type, license, verdict):
    assert license_verdict(user_type, license) is verdict


@pytest.mark.parametrize(
    "user_type, license, response",
    [
        ("synced", "aad_p2", "utter_license_covered"),
        ("synced", "o365_paid", "utter_license_synced_not_covered"),
        ("cloud_only", "none", "utter_license_cloud_only_not_covered"),
        (None, None, "utter_license_unknown"),
    ],
)
def test_license_response(user_type, license, response):
    assert license_response(user_type, license) == response
