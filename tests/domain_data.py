"""The project's domain as Rasa loads it (test helper)."""

from functools import lru_cache
from typing import Any, Dict, List, Tuple

from tests.conftest import ROOT


@lru_cache(maxsize=1)
def domain_dict() -> Dict[str, Any]:
    """The merged domain/ folder, as the Rasa server sends it to actions."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain")).as_dict()


def form_questions() -> List[Tuple[str, str]]:
    """(form, slot) for every question a form asks, in order."""
    forms = domain_dict()["forms"]
    return [(form, slot) for form in forms for slot in forms[form]["required_slots"]]
