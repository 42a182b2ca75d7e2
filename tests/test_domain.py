"""Every response speaks all five locales, keeps its facts and its placeholders."""

import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

LOCALES = ["da", "sv", "et", "sl"]  # plus the English default variation
# Shown only to people writing in a language we do not support: English by design.
ENGLISH_ONLY = {"utter_supported_languages"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load_responses():
    responses = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses.update(
            yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}
        )
    return responses


RESPONSES = load_responses()


def variations(name):
    default = [v["text"] for v in RESPONSES[name] if "condition" not in v]
    by_locale = {
        v["condition"][0]["value"]: v["text"]
        for v in RESPONSES[name]
        if "condition" in v
    }
    return default, by_locale


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - ENGLISH_ONLY))
def test_every_locale_has_a_variation(name):
    default, by_locale = variations(name)
    assert len(default) == 1
    assert sorted(by_locale) == sorted(LOCALES)
    for v in RESPONSES[name]:
        if "condition" in v:
            assert v["condition"] == [
                {
                    "type": "slot",
                    "name": "language",
                    "value": v["condition"][0]["value"],
                }
            ]


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - ENGLISH_ONLY))
def test_placeholders_and_commands_survive_translation(name):
    default, by_locale = variations(name)
    english = default[0]
    for locale, text in by_locale.items():
        assert set(PLACEHOLDER.findall(text)) == set(
            PLACEHOLDER.findall(english)
        ), locale
        assert re.findall(r"`[^`]+`", text) == re.findall(r"`[^`]+`", english), locale


def all_texts():
    return [v["text"] for vs in RESPONSES.values() for v in vs]


def test_hosts_are_spelled_right_everywhere():
    texts = all_texts()
    assert not [t for t in texts if "windows.networks" in t]
    firewall = [v["text"] for v in RESPONSES["utter_firewall_rules"]]
    for text in firewall:
        assert "passwordreset.microsoftonline.com" in text
        assert "*.servicebus.windows.net" in text
        assert "443" in text


@pytest.mark.parametrize("word", ["Anslut", "Forbind", "Ühenda", "Poveži"])
def test_connect_is_never_translated(word):
    assert not [t for t in all_texts() if re.search(rf"\b{word}\b", t)]


def test_licensing_answer_names_p1_and_p2_in_every_locale():
    for v in RESPONSES["utter_licensing_rules"]:
        assert "P1" in v["text"] and "P2" in v["text"]


def test_pdc_answer_names_the_pdc_in_every_locale():
    for v in RESPONSES["utter_pdc_explained"]:
        assert "PDC" in v["text"] and "Get-ADDomain" in v["text"]


def test_bot_texts_are_written_in_our_own_words():
    checker = ROOT.parent / "shared" / "tools" / "check_own_words.py"
    if not checker.is_file():
        pytest.skip("shared/tools/check_own_words.py is not beside the checkout")
    result = subprocess.run(
        [sys.executable, str(checker), str(ROOT)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


# Agent mode: every question a form asks comes with a note for the agent.
from tests.domain_data import domain_dict, form_questions  # noqa: E402


@pytest.mark.parametrize("form, slot", form_questions())
def test_every_form_question_has_an_agent_note_and_an_ask_action(form, slot):
    domain = domain_dict()
    assert f"utter_agent_note_{slot}" in domain["responses"]
    assert f"action_ask_{slot}" in domain["actions"]


def test_every_agent_note_belongs_to_a_form_question():
    notes = {name for name in RESPONSES if name.startswith("utter_agent_note_")}
    assert notes == {f"utter_agent_note_{slot}" for _, slot in form_questions()}


GOOD_ANSWER = {
    "en": "Good answer:",
    "da": "Godt svar:",
    "sv": "Bra svar:",
    "et": "Hea vastus:",
    "sl": "Dober odgovor:",
}


@pytest.mark.parametrize("form, slot", form_questions())
def test_agent_notes_say_why_then_what_a_good_answer_is(form, slot):
    default, by_locale = variations(f"utter_agent_note_{slot}")
    for locale, text in {"en": default[0], **by_locale}.items():
        why, _, answer = text.partition(GOOD_ANSWER[locale])
        assert len(why.split()) >= 8 and len(answer.split()) >= 3, (slot, locale)
