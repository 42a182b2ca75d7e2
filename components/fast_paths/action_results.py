"""Check action server replies with a JSON-schema validator built once per process.

Rasa 3.6 checks every action server reply with `jsonschema.validate`, which
first validates Rasa's fixed reply schema against the draft 2020-12 metaschema
and then builds a new validator. Under load that took half of the Rasa server's
CPU (docs/performance.md). This applies the same schema and the same checks, and
raises the same error, but checks the schema once and keeps the validator.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def reply_validator() -> Any:
    """Return a validator for Rasa's action server reply schema (built once)."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """Drop-in for `RemoteAction._validate_action_result` with a kept validator.

    Raises:
        jsonschema.ValidationError: When the reply does not fit the schema, with
            the same hint Rasa adds.

    """
    error = exceptions.best_match(reply_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Make Rasa's remote actions use the kept validator (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
