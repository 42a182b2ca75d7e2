"""Version rules: Entra Connect's minimum for writeback, Windows Server support."""

import re
from enum import Enum
from typing import Optional, Tuple

# Connect needs this release or later for writeback's outbound-only HTTPS model.
MINIMUM_CONNECT_VERSION = (1, 1, 443)

_VERSION = re.compile(r"^\s*v?(\d+(?:\.\d+){1,3})\s*$", re.I)
_SERVER_YEAR = re.compile(r"(20\d\d)(\s*R2)?", re.I)


class VersionVerdict(Enum):
    """Outcome of a version check."""

    SUPPORTED = "supported"
    LEGACY = "legacy"  # works when fully patched, but out of Microsoft support
    TOO_OLD = "too_old"
    UNKNOWN = "unknown"


def parse_version(text: Optional[str]) -> Optional[Tuple[int, ...]]:
    """Parse "1.6.16.0" into (1, 6, 16, 0); None when it is not a version."""
    match = _VERSION.match(text or "")
    if not match:
        return None
    return tuple(int(part) for part in match.group(1).split("."))


def connect_version_verdict(version: Optional[str]) -> VersionVerdict:
    """Compare an Entra Connect version with the minimum writeback needs."""
    parsed = parse_version(version)
    if parsed is None:
        return VersionVerdict.UNKNOWN
    padded = parsed + (0,) * (len(MINIMUM_CONNECT_VERSION) - len(parsed))
    if padded[: len(MINIMUM_CONNECT_VERSION)] >= MINIMUM_CONNECT_VERSION:
        return VersionVerdict.SUPPORTED
    return VersionVerdict.TOO_OLD


def windows_server_verdict(os_version: Optional[str]) -> VersionVerdict:
    """Judge the Windows Server release of the domain controllers.

    2008 R2 to 2012 R2 are the releases writeback was documented for; they are
    past end of support, so they count as legacy. Older ones are too old.
    """
    match = _SERVER_YEAR.search(os_version or "")
    if not match:
        return VersionVerdict.UNKNOWN
    year, r2 = int(match.group(1)), bool(match.group(2))
    if year >= 2016:
        return VersionVerdict.SUPPORTED
    if year == 2012 or (year == 2008 and r2):
        return VersionVerdict.LEGACY
    return VersionVerdict.TOO_OLD
