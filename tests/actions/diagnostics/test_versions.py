import pytest

from actions.diagnostics.versions import (
    VersionVerdict,
    connect_version_verdict,
    parse_version,
    windows_server_verdict,
)


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("1.6.16.0", (1, 6, 16, 0)),
        ("v2.3.20", (2, 3, 20)),
        (" 1.1 ", (1, 1)),
        ("abc", None),
        ("", None),
        (None, None),
        ("1", None),
    ],
)
def test_parse_version(text, parsed):
    assert parse_version(text) == parsed


@pytest.mark.parametrize(
    "version, verdict",
    [
        ("1.1.443.0", VersionVerdict.SUPPORTED),
        ("1.1.443", VersionVerdict.SUPPORTED),
        ("1.1.444", VersionVerdict.SUPPORTED),
        ("1.6.16.0", VersionVerdict.SUPPORTED),
        ("2.3.20.0", VersionVerdict.SUPPORTED),
        ("1.1.442.9", VersionVerdict.TOO_OLD),
        ("1.1.99", VersionVerdict.TOO_OLD),
        ("1.0.9131.0", VersionVerdict.TOO_OLD),
        ("1.1", VersionVerdict.TOO_OLD),
        ("unknown", VersionVerdict.UNKNOWN),
        (None, VersionVerdict.UNKNOWN),
    ],
)
def test_connect_version_verdict(version, verdict):
    assert connect_version_verdict(version) is verdict


@pytest.mark.parametrize(
    "os_version, verdict",
    [
        ("Windows Server 2022", VersionVerdict.SUPPORTED),
        ("Windows Server 2016", VersionVerdict.SUPPORTED),
        ("Windows Server 2012 R2", VersionVerdict.LEGACY),
        ("Windows Server 2012", VersionVerdict.LEGACY),
        ("Windows Server 2008 R2", VersionVerdict.LEGACY),
        ("Windows Server 2008", VersionVerdict.TOO_OLD),
        ("Windows Server 2003", VersionVerdict.TOO_OLD),
        ("unknown", VersionVerdict.UNKNOWN),
        (None, VersionVerdict.UNKNOWN),
    ],
)
def test_windows_server_verdict(os_version, verdict):
    assert windows_server_verdict(os_version) is verdict
