import pytest

from actions.rendering import render
from scripts.replies import identify
from tests.domain_data import domain_dict

RESPONSES = domain_dict()["responses"]


@pytest.mark.parametrize("locale", ["en", "da", "sv", "et", "sl"])
def test_the_conversations_language_picks_the_variation(locale):
    text = render(RESPONSES, "utter_summary_header", {"language": locale})
    assert identify(text) == ("utter_summary_header", locale)


def test_no_language_gives_the_english_default():
    text = render(RESPONSES, "utter_summary_header", {})
    assert identify(text) == ("utter_summary_header", "en")


def test_placeholders_are_filled_from_values_and_slots():
    by_value = render(
        RESPONSES, "utter_summary_aadc_version", {"language": "et"}, aadc_version="9.9"
    )
    by_slot = render(
        RESPONSES,
        "utter_summary_aadc_version",
        {"language": "et", "aadc_version": "9.9"},
    )
    assert by_value == by_slot
    assert "9.9" in by_value and "{" not in by_value
    assert identify(by_value) == ("utter_summary_aadc_version", "et")


def test_unknown_response_is_none():
    assert render(RESPONSES, "utter_no_such_thing", {"language": "da"}) is None
