"""Agent mode, the case summary and the helpdesk handover over the real REST channel."""

import pytest

from scripts.replies import identify, send

BROKEN = {
    "en": "password writeback has stopped working for our users",
    "da": "password writeback virker ikke længere hos os",
    "sv": "password writeback har slutat fungera hos oss",
    "et": "password writeback ei tööta enam meie kasutajatel",
    "sl": "password writeback pri nas ne deluje več",
}
AGENT = {"mode": "agent"}


def named(replies):
    return [identify(text) for text in replies]


def names(replies):
    return [found[0] for found in named(replies) if found]


@pytest.mark.parametrize("locale", sorted(BROKEN))
def test_metadata_agent_mode_adds_the_note_after_the_question(servers, locale):
    _, replies = send(servers["live"], BROKEN[locale], metadata=AGENT)
    found = named(replies)
    assert found[-2:] == [
        ("utter_ask_user_type", locale),
        ("utter_agent_note_user_type", locale),
    ], replies


def test_agent_mode_stays_on_without_the_hint_and_is_off_by_default(servers):
    sender, _ = send(servers["live"], BROKEN["en"], metadata=AGENT)
    _, replies = send(servers["live"], "synced users", sender=sender)
    assert names(replies)[-2:] == ["utter_ask_license", "utter_agent_note_license"]
    _, replies = send(servers["live"], BROKEN["en"])
    assert names(replies)[-1] == "utter_ask_user_type"
    assert not [n for n in names(replies) if n.startswith("utter_agent_note")]


def test_a_channels_greet_welcome_with_the_hint_turns_agent_mode_on(servers):
    # `/greet` skips the NLU output, so the hint is read after NLU.
    sender, replies = send(servers["live"], "/greet", metadata=AGENT)
    assert names(replies) == ["utter_greet"]
    _, replies = send(servers["live"], BROKEN["et"], sender=sender)
    assert names(replies)[-2:] == ["utter_ask_user_type", "utter_agent_note_user_type"]


def test_agent_off_holds_while_the_channel_keeps_its_hint(servers):
    sender, _ = send(servers["live"], "/agent off", metadata=AGENT)
    _, replies = send(servers["live"], BROKEN["sl"], sender=sender, metadata=AGENT)
    assert names(replies)[-1] == "utter_ask_user_type"


def test_agent_command_on_and_off_inside_a_form(servers):
    sender, replies = send(servers["live"], "/agent")
    assert names(replies) == ["utter_agent_mode_on"]
    _, replies = send(
        servers["live"],
        "the Connect server can't reach the writeback service through our proxy",
        sender=sender,
    )
    assert names(replies)[-2:] == [
        "utter_ask_aadc_version",
        "utter_agent_note_aadc_version",
    ]
    _, replies = send(servers["live"], "/agent off", sender=sender)
    assert names(replies) == ["utter_agent_mode_off", "utter_ask_aadc_version"]


def test_case_summary_on_request_resumes_the_form(servers):
    sender, _ = send(servers["live"], BROKEN["da"], metadata=AGENT)
    _, replies = send(servers["live"], "synkroniserede brugere", sender=sender)
    _, replies = send(servers["live"], "må jeg få et resumé af sagen", sender=sender)
    found = named(replies)
    assert found[:3] == [
        ("utter_case_summary_intro", "da"),
        ("utter_summary_header", "da"),
        ("utter_summary_user_type_synced", "da"),
    ], replies
    assert found[-2:] == [
        ("utter_ask_license", "da"),
        ("utter_agent_note_license", "da"),
    ], replies


def test_handoff_posts_the_summary_the_user_saw(servers, helpdesk):
    sender, _ = send(servers["live"], BROKEN["sv"], metadata=AGENT)
    _, replies = send(servers["live"], "jag vill prata med en människa", sender=sender)
    found = names(replies)
    start = found.index("utter_handoff_intro") + 1
    end = found.index("utter_handoff_next")
    summary = replies[start:end]
    assert found[start] == "utter_summary_header" and len(summary) >= 3
    posts = [p for p in helpdesk["received"] if p["conversation_id"] == sender]
    assert len(posts) == 1
    posted = posts[0]
    assert posted["text"] == "\n".join(summary)
    assert posted["locale"] == "sv"
