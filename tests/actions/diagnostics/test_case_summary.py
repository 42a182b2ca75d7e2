from actions.diagnostics.case_summary import summary_lines


def names(lines):
    return [name for name, _ in lines]


def test_empty_case():
    assert names(summary_lines({})) == [
        "utter_summary_header",
        "utter_summary_nothing_checked",
        "utter_summary_next_connectivity",
    ]


def test_full_case_lists_answers_and_next_step():
    slots = {
        "user_type": "synced",
        "license": "o365_paid",
        "accounts_ready": True,
        "pdc_preferred": False,
        "os_version": "Windows Server 2019",
        "aadc_version": "1.6.16.0",
        "reenable_suggested": True,
    }
    lines = summary_lines(slots)
    assert names(lines) == [
        "utter_summary_header",
        "utter_summary_user_type_synced",
        "utter_summary_license_not_covered",
        "utter_summary_accounts_ready_true",
        "utter_summary_pdc_preferred_false",
        "utter_summary_os_version",
        "utter_summary_aadc_version",
        "utter_summary_reenabled",
        "utter_summary_next_fix_configuration",
    ]
    assert dict(lines)["utter_summary_license_not_covered"] == {"license": "o365_paid"}
    assert dict(lines)["utter_summary_aadc_version"] == {"aadc_version": "1.6.16.0"}


def test_everything_fine_goes_to_an_engineer():
    slots = {
        "user_type": "cloud_only",
        "license": "aad_basic",
        "aadc_version": "2.3.20.0",
    }
    assert names(summary_lines(slots))[-1] == "utter_summary_next_engineer"


def test_unknown_license_is_stated():
    assert "utter_summary_license_unknown" in names(
        summary_lines({"license": "unknown"})
    )
