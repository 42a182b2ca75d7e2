"""Scripted conversations the load driver replays, one user turn at a time.

Every script has the same number of turns, so a conversation-run costs the same
number of messages for either bot. Each turn names the intent it is meant to
hit, which lets a unit test check the scripts against each bot's domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

TURNS_PER_CONVERSATION = 6


@dataclass(frozen=True)
class Turn:
    """One user message and the intent it is written to express."""

    text: str
    intent: str


@dataclass(frozen=True)
class Conversation:
    """A multi-turn exchange with one bot, in one locale."""

    name: str
    locale: str
    turns: Tuple[Turn, ...]
    metadata: Optional[Dict[str, str]] = None


def _conversation(
    name: str, locale: str, *turns: Tuple[str, str], hint: Optional[str] = None
) -> Conversation:
    return Conversation(
        name=name,
        locale=locale,
        turns=tuple(Turn(text, intent) for text, intent in turns),
        metadata={"locale": hint} if hint else None,
    )


# Drawn from the real flows: the configuration form with an interruption, the
# connectivity form, direct questions, re-enable and handoff, the enable walkthrough.
OURS: Tuple[Conversation, ...] = (
    _conversation(
        "en configuration form with a firewall question",
        "en",
        ("hi there", "greet"),
        (
            "password writeback has stopped working for our users",
            "writeback_not_working",
        ),
        ("they are synced from our on-prem AD", "inform"),
        ("which ports and URLs must be open in the firewall?", "ask_firewall"),
        ("we have Azure AD Premium P1", "inform"),
        ("yes, both accounts exist", "affirm"),
    ),
    _conversation(
        "da connectivity form and licensing",
        "da",
        ("hej", "greet"),
        (
            "Connect-serveren kan ikke nå writeback-tjenesten gennem vores proxy",
            "connectivity_problem",
        ),
        ("den er 1.6.16.0", "inform"),
        ("hvilken licens skal vi have til writeback?", "ask_licensing"),
        ("tak for hjælpen", "thank"),
        ("farvel", "goodbye"),
        hint="da-DK",
    ),
    _conversation(
        "sv configuration form",
        "sv",
        ("hej", "greet"),
        ("lösenordsåterställning med writeback fungerar inte", "writeback_not_working"),
        ("användarna är synkade från AD", "inform"),
        ("vi har Azure AD Premium P2", "inform"),
        ("ja", "affirm"),
        ("nej", "deny"),
        hint="sv-SE",
    ),
    _conversation(
        "et still failing, then a human",
        "et",
        ("tere", "greet"),
        ("kas Connect peab PDC emulaatoriga rääkima?", "ask_pdc"),
        ("writeback ei tööta ikka veel, proovisime kõike", "still_failing"),
        ("jah", "affirm"),
        ("aitäh", "thank"),
        ("head aega", "goodbye"),
    ),
    _conversation(
        "sl enable walkthrough step by step",
        "sl",
        ("živjo", "greet"),
        ("kako vklopim writeback gesel?", "enable_writeback"),
        ("ja", "affirm"),
        ("narejeno", "affirm"),
        ("katere naslove moram odpreti na požarnem zidu za writeback?", "ask_firewall"),
        ("hvala", "thank"),
    ),
)

# The moodbot `rasa init` creates, driven through its own stories.
STOCK: Tuple[Conversation, ...] = (
    _conversation(
        "happy path",
        "en",
        ("hello there", "greet"),
        ("I am feeling great", "mood_great"),
        ("are you a bot?", "bot_challenge"),
        ("hi again", "greet"),
        ("perfect", "mood_great"),
        ("bye", "goodbye"),
    ),
    _conversation(
        "sad path",
        "en",
        ("hey", "greet"),
        ("I am sad", "mood_unhappy"),
        ("yes", "affirm"),
        ("good morning", "greet"),
        ("not good", "mood_unhappy"),
        ("no", "deny"),
    ),
)
