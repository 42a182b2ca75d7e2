"""Render the printable agent script, per locale, from the bot's own domain.

The questions, agent notes and answers are the domain responses the bot says,
picked the way the actions pick them (`actions.diagnostics`), and rendered by
Rasa's response generator; the order is the forms' `required_slots`. So the
script cannot disagree with the bot. Writes <out>/<locale>.md and .html.

Usage: python scripts/agent_script.py --domain domain --out results/script
"""

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions.agent import note_response  # noqa: E402
from actions.connectivity import VERSION_RESPONSES  # noqa: E402
from actions.diagnostics.case_summary import summary_lines  # noqa: E402
from actions.diagnostics.configuration import (  # noqa: E402
    OS_RESPONSES,
    YES_NO_CHECKS,
)
from actions.diagnostics.licensing import license_response  # noqa: E402
from actions.diagnostics.walkthrough import TOTAL_STEPS, step_response  # noqa: E402
from actions.rendering import render  # noqa: E402

LOCALES = ["en", "da", "sv", "et", "sl"]
TEMPLATES = Path(__file__).resolve().parent / "templates"

# Which responses can follow each answer, as the actions choose them.
ANSWERS: Dict[str, List[str]] = {
    **{check: list(responses) for check, responses in YES_NO_CHECKS.items()},
    "os_version": list(OS_RESPONSES.values()),
    "aadc_version": list(VERSION_RESPONSES.values()),
}
# What the bot shows before it asks (action_ask_step_done: the next step).
SHOWN_FIRST: Dict[str, List[str]] = {
    "step_done": [step_response(step) for step in range(1, TOTAL_STEPS + 1)],
}

# The flows: a heading, the form whose questions come in order, and what
# the bot says once the form is done (data/rules/*.yml).
SECTIONS = [
    (
        "utter_script_configuration",
        "configuration_check_form",
        ["utter_start_configuration_check"],
        [
            "utter_configuration_all_passed",
            "utter_configuration_fix_first",
            "utter_offer_connectivity",
        ],
    ),
    (
        "utter_script_connectivity",
        "connectivity_form",
        [],
        ["utter_firewall_rules", "utter_firewall_test", "utter_connectivity_next"],
    ),
    (
        "utter_script_enable",
        "enable_walkthrough_form",
        [],
        ["utter_enable_wizard_all", "utter_enable_portal_all", "utter_enable_done"],
    ),
]
HANDOFF = [
    "utter_reenable_writeback",
    "utter_offer_handoff",
    "utter_handoff_intro",
]
HANDOFF_AFTER = ["utter_handoff_next"]


# Example cases for the script: all fine, problems found, nothing checked yet.
SUMMARY_EXAMPLES: List[Dict[str, Any]] = [
    {
        "user_type": "cloud_only",
        "license": "aad_basic",
        **{check: True for check in YES_NO_CHECKS},
        "os_version": "Windows Server 2022",
        "aadc_version": "2.3.20.0",
        "reenable_suggested": True,
    },
    {
        "user_type": "synced",
        "license": "o365_paid",
        **{check: False for check in YES_NO_CHECKS},
    },
    {},
]


@dataclass
class Question:
    """One form question with its note and the possible answers."""

    slot: str
    text: str
    note: str
    shown_first: List[str] = field(default_factory=list)
    answers: List[str] = field(default_factory=list)


@dataclass
class Section:
    """One flow of the script."""

    title: str
    intro: List[str]
    questions: List[Question]
    afterwards: List[str]


def load_domain(domain_path: Path) -> Dict[str, Any]:
    """Load the domain the way `rasa train --domain` does."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(domain_path)).as_dict()


def ask_response(slot: str, responses: Mapping[str, Any]) -> Optional[str]:
    """Return the response that asks for `slot` (the walkthrough shows steps)."""
    name = f"utter_ask_{slot}"
    return name if name in responses else None


def build(domain: Dict[str, Any], locale: str) -> Dict[str, Any]:
    """Collect every text of the script in one locale.

    Args:
        domain: The domain as a dict (`Domain.as_dict()`).
        locale: One of LOCALES.

    Returns:
        The template context: title, intro, sections and the handoff part.

    Raises:
        KeyError: A response the script needs is missing from the domain.

    """
    responses = domain["responses"]
    # Values the bot fills in at run time show as ‹slot› in the script.
    slots = {name: f"‹{name}›" for name in domain["slots"]}
    slots["language"] = locale

    def say(name: str, case: Optional[Dict[str, Any]] = None, **values: Any) -> str:
        text = render(
            responses, name, {**(case or slots), "language": locale}, **values
        )
        if text is None:
            raise KeyError(f"response {name} is missing from the domain")
        return text

    # Every license verdict, for every user type and license the domain knows.
    answers = {
        **ANSWERS,
        "license": list(
            dict.fromkeys(
                license_response(user_type, license)
                for user_type in domain["slots"]["user_type"]["values"]
                for license in domain["slots"]["license"]["values"]
            )
        ),
    }
    sections = []
    for title, form, intro, afterwards in SECTIONS:
        questions = []
        for slot in domain["forms"][form]["required_slots"]:
            asked = ask_response(slot, responses)
            questions.append(
                Question(
                    slot=slot,
                    text=say(asked) if asked else say("utter_step_prompt"),
                    note=say(note_response(slot)),
                    shown_first=[say(name) for name in SHOWN_FIRST.get(slot, [])],
                    answers=[say(name) for name in answers.get(slot, [])],
                )
            )
        sections.append(
            Section(
                title=say(title),
                intro=[say(name) for name in intro],
                questions=questions,
                afterwards=[say(name) for name in afterwards],
            )
        )

    def example(case: Dict[str, Any]) -> List[str]:
        return [say(name, case, **values) for name, values in summary_lines(case)]

    return {
        "locale": locale,
        "title": say("utter_script_title"),
        "intro": say("utter_script_intro"),
        "answers_label": say("utter_script_answers"),
        "afterwards_label": say("utter_script_afterwards"),
        "sections": sections,
        "handoff_title": say("utter_script_handoff"),
        "handoff": [say(name) for name in HANDOFF],
        "summary_label": say("utter_script_summary_examples"),
        "summary_examples": [example(case) for case in SUMMARY_EXAMPLES],
        "handoff_after": [say(name) for name in HANDOFF_AFTER],
    }


def write_scripts(domain_path: Path, out: Path) -> List[Path]:
    """Write <out>/<locale>.md and <out>/<locale>.html for every locale."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    domain = load_domain(domain_path)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for locale in LOCALES:
        context = build(domain, locale)
        for suffix in ("md", "html"):
            template = environment.get_template(f"agent_script.{suffix}.j2")
            path = out / f"{locale}.{suffix}"
            path.write_text(template.render(**context), encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domain", type=Path, default=Path("domain"))
    parser.add_argument("--out", type=Path, default=Path("results/script"))
    args = parser.parse_args()
    for path in write_scripts(args.domain, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
