"""Conversations over the real REST channel: locale of replies, facts, bad input."""

import pytest
import requests

from scripts.replies import identify, send


def locales(replies):
    return {identify(text)[1] for text in replies if identify(text)}


@pytest.mark.parametrize(
    "text, metadata, locale",
    [
        ("password writeback virker ikke", None, "da"),
        ("Hej, SSPR writeback fungerar inte för våra användare", None, "sv"),
        ("parooli writeback ei tööta", None, "et"),
        ("writeback gesel ne deluje", None, "sl"),
        ("Password writeback is not working for synced users", None, "en"),
        ("tak", None, "da"),
        ("aitäh", None, "et"),
        ("ok", {"locale": "sv-SE"}, "sv"),
        ("1.6.16.0", {"locale": "da-DK"}, "da"),
        ("kan du svare på slovensk?", None, "sl"),
        # One long English noun does not outweigh the short Swedish words.
        ("password writeback checkboxen är utgråad", None, "sv"),
        # Two letters beside English terms and a version: enough for a first locale.
        ("Entra Connect 2.3.20.0 je", None, "sl"),
        # A key held down is no language: English, the default.
        ("a" * 10_000, None, "en"),
    ],
)
def test_first_reply_is_in_the_users_language(servers, text, metadata, locale):
    _, replies = send(servers["live"], text, metadata=metadata)
    assert replies
    assert locales(replies) == {locale}, replies


@pytest.mark.parametrize("locale", ["en", "da", "sv", "et", "sl"])
def test_channel_welcome_follows_the_channel_locale(servers, locale):
    """A widget or Teams welcome (`/greet`) skips NLU; the session start takes the hint."""
    _, replies = send(servers["live"], "/greet", metadata={"locale": f"{locale}-XX"})
    assert [identify(r) for r in replies] == [("utter_greet", locale)]


@pytest.mark.parametrize(
    "text, key_facts",
    [
        (
            "hvilke porte og adresser skal åbnes i firewallen til writeback?",
            ["passwordreset.microsoftonline.com", "servicebus.windows.net", "443"],
        ),
        ("vilken licens behöver synkade användare för writeback?", ["P1", "P2"]),
        ("kas Connect peab PDC emulaatoriga rääkima?", ["PDC"]),
        (
            "katere naslove moram odpreti na požarnem zidu za writeback?",
            ["passwordreset.microsoftonline.com", "servicebus.windows.net"],
        ),
        ("which licence do I need for password writeback?", ["P1", "P2"]),
    ],
)
def test_direct_questions_carry_the_key_facts(servers, text, key_facts):
    _, replies = send(servers["live"], text)
    joined = "\n".join(replies)
    for fact in key_facts:
        assert fact in joined


def test_a_conversation_keeps_its_locale_through_short_replies(servers):
    sender, replies = send(servers["live"], "hvordan slår jeg password writeback til?")
    assert locales(replies) == {"da"}
    for reply in ("ja", "ok", "næste"):
        _, replies = send(servers["live"], reply, sender=sender)
        assert replies and locales(replies) == {"da"}, replies


def test_unsupported_language_gets_english_and_the_notice_once(servers):
    sender, replies = send(
        servers["live"], "Passwort-Rückschreiben funktioniert nicht mehr"
    )
    names = [identify(r)[0] for r in replies if identify(r)]
    assert names[0] == "utter_supported_languages"
    assert locales(replies) == {"en"}
    _, replies = send(
        servers["live"],
        "Passwort-Rückschreiben funktioniert immer noch nicht",
        sender=sender,
    )
    assert "utter_supported_languages" not in [
        identify(r)[0] for r in replies if identify(r)
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "a" * 10_000, "🙂🔥👍", "\x00\x07\x1b[2J", "パスワードのライトバックが機能しません"],
    ids=["empty", "whitespace", "10k", "emoji", "control", "japanese"],
)
def test_bad_input_gets_a_clear_answer_and_the_server_stays_up(servers, text):
    _, replies = send(servers["live"], text)
    assert replies and all(identify(r) for r in replies), replies
    assert requests.get(f"{servers['live']}/status", timeout=5).ok


def test_bad_input_is_answered_in_the_conversations_language(servers):
    sender, _ = send(servers["live"], "lösenordsåterställning fungerar inte")
    _, replies = send(servers["live"], "🙂🔥👍", sender=sender)
    assert locales(replies) == {"sv"}, replies


def test_malformed_request_is_refused_without_harm(servers):
    response = requests.post(
        f"{servers['live']}/webhooks/rest/webhook",
        data=b"\xff\xfe not json",
        timeout=10,
    )
    assert response.status_code >= 400
    assert requests.get(f"{servers['live']}/status", timeout=5).ok


def test_dead_action_server_gets_an_apology_in_the_users_language(servers):
    _, replies = send(servers["dead"], "hvilken licens skal vi have til writeback?")
    names = [identify(r) for r in replies]
    assert ("utter_licensing_rules", "da") in names
    assert ("utter_service_unavailable", "da") in names
