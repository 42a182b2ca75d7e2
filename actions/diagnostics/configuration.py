"""The configuration checks of "Password Writeback is not working", in order."""

from typing import Any, List, Mapping, Optional

from actions.diagnostics.licensing import LicenseVerdict, license_verdict
from actions.diagnostics.versions import VersionVerdict, windows_server_verdict

# Yes/no checks: slot name -> (response when yes, response when no).
YES_NO_CHECKS = {
    "accounts_ready": ("utter_accounts_ok", "utter_accounts_fix"),
    "pdc_preferred": ("utter_pdc_ok", "utter_pdc_fix"),
    "sspr_enabled": ("utter_sspr_ok", "utter_sspr_fix"),
    "cloud_admin": ("utter_cloud_admin_ok", "utter_cloud_admin_fix"),
    "full_sync_done": ("utter_full_sync_ok", "utter_full_sync_fix"),
}

OS_RESPONSES = {
    VersionVerdict.SUPPORTED: "utter_os_supported",
    VersionVerdict.LEGACY: "utter_os_legacy",
    VersionVerdict.TOO_OLD: "utter_os_unsupported",
    VersionVerdict.UNKNOWN: "utter_os_unknown",
}


def yes_no_response(check: str, answer: Optional[bool]) -> Optional[str]:
    """Return the verdict response for a yes/no check, None if unanswered."""
    if check not in YES_NO_CHECKS or answer is None:
        return None
    passed, failed = YES_NO_CHECKS[check]
    return passed if answer else failed


def os_response(os_version: Optional[str]) -> str:
    """Return the verdict response for the domain controllers' Windows Server."""
    return OS_RESPONSES[windows_server_verdict(os_version)]


def failed_checks(slots: Mapping[str, Any]) -> List[str]:
    """Return the names of the checks whose answers show a problem."""
    failed = [check for check in YES_NO_CHECKS if slots.get(check) is False]
    if (
        license_verdict(slots.get("user_type"), slots.get("license"))
        is LicenseVerdict.NOT_COVERED
    ):
        failed.insert(0, "license")
    if windows_server_verdict(slots.get("os_version")) is VersionVerdict.TOO_OLD:
        failed.append("os_version")
    return failed


def configuration_verdict_response(slots: Mapping[str, Any]) -> str:
    """Return the closing response of the configuration checks."""
    if failed_checks(slots):
        return "utter_configuration_fix_first"
    return "utter_configuration_all_passed"
