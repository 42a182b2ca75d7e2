"""Send the action server the domain without its responses, unless asked for.

Rasa 3.6 puts the whole domain into every action server request. Ours holds
every response in five locales (about 130 KB of JSON), and a form turn makes
up to three calls (slot mappings, form validation, the question). Encoding it
took 17% of the Rasa server's CPU under load, and the action server decoded it
again. Only actions that render responses themselves need them; they say so
with Rasa's own `send_domain: true` in the domain. Rasa's selective domain
(`enable_selective_domain`) would send the others no domain at all, but
rasa_sdk's validation actions read slots and forms from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, List

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

# Rasa's own, kept for comparison in the tests.
_rasa_action_call_format = RemoteAction._action_call_format

RESPONSES_KEY = "responses"
SEND_DOMAIN_KEY = "send_domain"


@dataclass(frozen=True)
class DomainDicts:
    """A domain as the dicts an action server may get, built once per domain."""

    domain: Domain  # held so its id is not reused while cached
    full: Dict[str, Any]
    without_responses: Dict[str, Any]
    # Actions listed with `send_domain: true`. Rasa also counts every
    # `validate_*` action as needing the domain; those need slots and forms,
    # not responses.
    response_readers: FrozenSet[str]


_cache: Dict[int, DomainDicts] = {}
MAX_DOMAINS = 4  # a server loads a new model now and then, never many at once


def response_readers(actions: List[Any]) -> FrozenSet[str]:
    """Return the actions the domain lists with `send_domain: true`."""
    return frozenset(
        name
        for action in actions
        if isinstance(action, dict)
        for name, config in action.items()
        if (config or {}).get(SEND_DOMAIN_KEY)
    )


def domain_dicts(domain: Domain) -> DomainDicts:
    """Return the dicts for `domain`, building them on its first use."""
    cached = _cache.get(id(domain))
    if cached is None or cached.domain is not domain:
        full = domain.as_dict()
        cached = DomainDicts(
            domain,
            full,
            {key: value for key, value in full.items() if key != RESPONSES_KEY},
            response_readers(full.get("actions", [])),
        )
        if len(_cache) >= MAX_DOMAINS:
            _cache.clear()
        _cache[id(domain)] = cached
    return cached


def domain_for_action(domain: Domain, action_name: str) -> Dict[str, Any]:
    """Return the domain dict to send with a call to `action_name`."""
    dicts = domain_dicts(domain)
    if action_name in dicts.response_readers:
        return dicts.full
    return dicts.without_responses


def action_call_format(
    self: RemoteAction, tracker: DialogueStateTracker, domain: Domain
) -> Dict[str, Any]:
    """Drop-in for `RemoteAction._action_call_format`: responses only on request."""
    call: Dict[str, Any] = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": tracker.current_state(EventVerbosity.ALL),
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or (
        domain.does_custom_action_explicitly_need_domain(self.name())
    ):
        call["domain"] = domain_for_action(domain, self.name())
    return call


def install() -> None:
    """Make Rasa's remote actions use this request format (idempotent)."""
    RemoteAction._action_call_format = action_call_format  # type: ignore[method-assign]
