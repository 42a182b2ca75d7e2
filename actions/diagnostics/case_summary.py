"""Which summary lines describe a case, for the ticket a human picks up."""

from typing import Any, Dict, List, Mapping, Tuple

from actions.diagnostics.configuration import YES_NO_CHECKS, failed_checks
from actions.diagnostics.licensing import license_verdict

SummaryLine = Tuple[str, Dict[str, Any]]


def summary_lines(slots: Mapping[str, Any]) -> List[SummaryLine]:
    """Return (response name, template values) for each line of the summary.

    Args:
        slots: The conversation's slot values.

    Returns:
        The header, one line per answered check, and the suggested next step.

    """
    lines: List[SummaryLine] = [("utter_summary_header", {})]
    user_type = slots.get("user_type")
    if user_type in ("cloud_only", "synced"):
        lines.append((f"utter_summary_user_type_{user_type}", {}))

    license = slots.get("license")
    verdict = license_verdict(user_type, license)
    if license and license != "unknown":
        lines.append((f"utter_summary_license_{verdict.value}", {"license": license}))
    elif license == "unknown" or user_type:
        lines.append(("utter_summary_license_unknown", {}))

    for check in YES_NO_CHECKS:
        answer = slots.get(check)
        if answer is not None:
            lines.append((f"utter_summary_{check}_{str(bool(answer)).lower()}", {}))
    if slots.get("os_version"):
        lines.append(("utter_summary_os_version", {"os_version": slots["os_version"]}))
    if slots.get("aadc_version"):
        lines.append(
            ("utter_summary_aadc_version", {"aadc_version": slots["aadc_version"]})
        )
    if slots.get("reenable_suggested"):
        lines.append(("utter_summary_reenabled", {}))
    if len(lines) == 1:
        lines.append(("utter_summary_nothing_checked", {}))

    lines.append((next_step_response(slots), {}))
    return lines


def next_step_response(slots: Mapping[str, Any]) -> str:
    """Return the response that suggests what the engineer should do next."""
    if failed_checks(slots):
        return "utter_summary_next_fix_configuration"
    if not slots.get("aadc_version"):
        return "utter_summary_next_connectivity"
    return "utter_summary_next_engineer"
