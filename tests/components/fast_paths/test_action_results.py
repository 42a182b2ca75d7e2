import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from components.fast_paths import action_results

VALID = [
    {},
    {"events": [], "responses": []},
    {
        "events": [{"event": "slot", "name": "license", "value": "aad_p1"}],
        "responses": [{"response": "utter_licensing_rules", "language": "da"}],
    },
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "utter_greet"},
]
SCHEMA = RemoteAction.action_response_format_spec()


@pytest.mark.parametrize("result", VALID)
def test_valid_replies_pass_as_with_jsonschema_validate(result):
    jsonschema.validate(result, SCHEMA)
    assert action_results.validate_action_result(None, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_replies_raise_the_same_error_with_rasas_hint(result):
    with pytest.raises(jsonschema.ValidationError) as expected:
        jsonschema.validate(result, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as ours:
        action_results.validate_action_result(None, result)
    assert ours.value.message.startswith(expected.value.message)
    assert "custom-actions" in ours.value.message


def test_install_replaces_rasas_check_and_the_validator_is_built_once():
    action_results.install()
    assert RemoteAction._validate_action_result is action_results.validate_action_result
    assert action_results.reply_validator() is action_results.reply_validator()
