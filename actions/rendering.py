"""Render a domain response to text the way the Rasa server does.

The action server receives the domain, responses included, with every call.
Rasa's own `TemplatedNaturalLanguageGenerator` picks the variation whose
conditions match the slots (our `language` slot) and fills `{placeholders}`,
so text rendered here is the text the user is shown.
"""

from typing import Any, Dict, List, Mapping, Optional

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator


def render(
    responses: Mapping[str, List[Dict[str, Any]]],
    name: str,
    slots: Mapping[str, Any],
    **values: Any,
) -> Optional[str]:
    """Return the text of response `name` for these slots, or None if unknown.

    Args:
        responses: The domain's `responses` section.
        name: The response to render, e.g. `utter_summary_header`.
        slots: The slot values that pick the variation and fill placeholders.
        **values: Extra template values, as passed to `utter_message`.

    Returns:
        The rendered text, or None when the domain has no such response.

    """
    generator = TemplatedNaturalLanguageGenerator(dict(responses))
    message = generator.generate_from_slots(name, dict(slots), "", **values)
    return message.get("text") if message else None
