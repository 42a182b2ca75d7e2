import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from components.fast_paths import action_requests

DOMAIN_YAML = """
version: "3.1"
intents: [greet]
slots:
  license:
    type: text
    mappings:
      - type: from_text
forms:
  check_form:
    required_slots: [license]
actions:
  - action_plain
  - validate_check_form
  - action_renders_responses:
      send_domain: true
responses:
  utter_greet:
    - text: "Hello"
"""


@pytest.fixture(scope="module")
def domain():
    return Domain.from_yaml(DOMAIN_YAML)


@pytest.fixture
def tracker(domain):
    return DialogueStateTracker.from_events(
        "someone",
        [UserUttered("hi", {"name": "greet"}), SlotSet("license", "aad_p1")],
        slots=domain.slots,
    )


def remote(name, **endpoint_kwargs):
    return RemoteAction(
        name, EndpointConfig("http://actions/webhook", **endpoint_kwargs)
    )


@pytest.mark.parametrize("name", ["action_plain", "validate_check_form"])
def test_other_actions_get_the_domain_without_responses(domain, tracker, name):
    call = action_requests.action_call_format(remote(name), tracker, domain)
    assert "responses" not in call["domain"]
    assert call["domain"]["forms"]["check_form"]["required_slots"] == ["license"]
    assert "license" in call["domain"]["slots"]


def test_an_action_with_send_domain_gets_the_responses(domain, tracker):
    call = action_requests.action_call_format(
        remote("action_renders_responses"), tracker, domain
    )
    assert call["domain"]["responses"]["utter_greet"] == [{"text": "Hello"}]


@pytest.mark.parametrize(
    "name", ["action_plain", "validate_check_form", "action_renders_responses"]
)
def test_everything_else_is_what_rasa_sends(domain, tracker, name):
    ours = action_requests.action_call_format(remote(name), tracker, domain)
    rasas = action_requests._rasa_action_call_format(remote(name), tracker, domain)
    expected_domain = rasas.pop("domain")
    assert ours.pop("domain") == {
        key: value
        for key, value in expected_domain.items()
        if key != "responses" or name == "action_renders_responses"
    }
    assert ours == rasas


def test_rasas_selective_domain_still_sends_no_domain_when_not_needed(domain, tracker):
    action = remote("action_plain", enable_selective_domain=True)
    assert "domain" not in action_requests.action_call_format(action, tracker, domain)
    validation = remote("validate_check_form", enable_selective_domain=True)
    call = action_requests.action_call_format(validation, tracker, domain)
    assert "responses" not in call["domain"] and "forms" in call["domain"]


def test_the_dicts_are_built_once_per_domain(domain):
    assert action_requests.domain_dicts(domain) is action_requests.domain_dicts(domain)
    other = Domain.from_yaml(DOMAIN_YAML)
    assert action_requests.domain_dicts(other).domain is other


def test_our_handoff_is_the_only_action_that_gets_responses():
    project = Domain.load("domain")
    assert action_requests.domain_dicts(project).response_readers == {"action_handoff"}


def test_install_replaces_rasas_request_format():
    action_requests.install()
    assert RemoteAction._action_call_format is action_requests.action_call_format
