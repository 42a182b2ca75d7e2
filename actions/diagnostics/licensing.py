"""Which licenses cover password writeback, for cloud-only and synced users."""

from enum import Enum
from typing import Optional


class LicenseVerdict(Enum):
    """Outcome of the license check."""

    COVERED = "covered"
    NOT_COVERED = "not_covered"
    UNKNOWN = "unknown"


# Any paid Office 365 SKU or Azure AD Basic covers cloud-only users; synced users
# need a premium identity license (Entra ID P1/P2, EMS, or Microsoft 365 E3/E5).
PREMIUM_LICENSES = frozenset({"aad_p1", "aad_p2", "ems", "spe"})
CLOUD_ONLY_LICENSES = PREMIUM_LICENSES | {"o365_paid", "aad_basic"}
KNOWN_LICENSES = CLOUD_ONLY_LICENSES | {"none"}


def license_verdict(user_type: Optional[str], license: Optional[str]) -> LicenseVerdict:
    """Say whether `license` covers writeback for users of `user_type`.

    Args:
        user_type: "cloud_only" or "synced"; anything else is unknown.
        license: A canonical license value (see DESIGN.md), "none" or unknown.

    Returns:
        COVERED or NOT_COVERED when both are known, else UNKNOWN.

    """
    if license not in KNOWN_LICENSES or user_type not in ("cloud_only", "synced"):
        return LicenseVerdict.UNKNOWN
    covering = CLOUD_ONLY_LICENSES if user_type == "cloud_only" else PREMIUM_LICENSES
    return LicenseVerdict.COVERED if license in covering else LicenseVerdict.NOT_COVERED


def license_response(user_type: Optional[str], license: Optional[str]) -> str:
    """Return the name of the response that states the license verdict."""
    verdict = license_verdict(user_type, license)
    if verdict is LicenseVerdict.COVERED:
        return "utter_license_covered"
    if verdict is LicenseVerdict.NOT_COVERED:
        return f"utter_license_{user_type}_not_covered"
    return "utter_license_unknown"
