import pytest

from actions.diagnostics.case_summary import summary_lines
from actions.summary import ActionCaseSummary, rendered_summary
from tests.actions.conftest import make_tracker, responses
from tests.domain_data import domain_dict

RESPONSES = domain_dict()["responses"]

SLOTS = {
    "user_type": "synced",
    "license": "o365_paid",
    "pdc_preferred": False,
    "aadc_version": "1.6.16.0",
}


def variation(name, locale, values):
    """The response's text for `locale`, filled in, read straight from the YAML."""
    for v in RESPONSES[name]:
        conditions = v.get("condition") or []
        if [c["value"] for c in conditions] == ([] if locale == "en" else [locale]):
            return v["text"].format(**values)
    raise KeyError((name, locale))


def names(slots):
    return [name for name, _ in summary_lines(slots)]


def test_case_summary_is_the_intro_and_the_summary_lines(dispatcher):
    events = ActionCaseSummary().run(dispatcher, make_tracker(SLOTS), {})
    assert responses(dispatcher) == ["utter_case_summary_intro"] + names(SLOTS)
    assert events == []
    license_line = dispatcher.messages[3]
    assert license_line["response"] == "utter_summary_license_not_covered"
    assert license_line["license"] == "o365_paid"


def test_case_summary_before_any_check(dispatcher):
    ActionCaseSummary().run(dispatcher, make_tracker({}), {})
    assert responses(dispatcher) == [
        "utter_case_summary_intro",
        "utter_summary_header",
        "utter_summary_nothing_checked",
        "utter_summary_next_connectivity",
    ]


@pytest.mark.parametrize("locale", ["en", "da", "sv", "et", "sl"])
def test_rendered_summary_is_the_same_lines_in_the_conversations_language(locale):
    slots = {**SLOTS, "language": locale}
    lines = rendered_summary(make_tracker(slots), domain_dict())
    assert lines == [
        variation(name, locale, {**slots, **values})
        for name, values in summary_lines(slots)
    ]
    assert any("1.6.16.0" in line for line in lines)
    assert not any("{" in line for line in lines)


def test_rendered_summary_skips_responses_the_domain_lacks():
    domain = {"responses": {"utter_summary_header": [{"text": "H"}]}}
    assert rendered_summary(make_tracker({}), domain) == ["H"]
