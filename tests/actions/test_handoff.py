import json

import pytest

from actions.diagnostics.case_summary import summary_lines
from actions.handoff import ActionHandoff, ActionSuggestReenable
from actions.summary import rendered_summary
from tests.actions.conftest import make_tracker, responses
from tests.domain_data import domain_dict

SLOTS = {"user_type": "synced", "license": "aad_p1", "aadc_version": "2.3.20.0"}
SUMMARY = [
    "utter_summary_header",
    "utter_summary_user_type_synced",
    "utter_summary_license_covered",
    "utter_summary_aadc_version",
    "utter_summary_next_engineer",
]


@pytest.fixture
def outbox(monkeypatch, tmp_path):
    path = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("HELPDESK_OUTBOX", str(path))
    monkeypatch.delenv("HELPDESK_WEBHOOK_URL", raising=False)
    monkeypatch.delenv("HELPDESK_WEBHOOK_FORMAT", raising=False)
    return path


def cases(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_suggest_reenable_remembers(dispatcher):
    events = ActionSuggestReenable().run(dispatcher, make_tracker(), {})
    assert responses(dispatcher) == ["utter_reenable_writeback"]
    assert events == [
        {
            "event": "slot",
            "timestamp": None,
            "name": "reenable_suggested",
            "value": True,
        }
    ]


async def test_handoff_frames_the_summary(dispatcher, outbox):
    await ActionHandoff().run(dispatcher, make_tracker(SLOTS), domain_dict())
    said = responses(dispatcher)
    assert said[0] == "utter_handoff_intro" and said[-1] == "utter_handoff_next"
    assert said[1:-1] == SUMMARY == [name for name, _ in summary_lines(SLOTS)]


@pytest.mark.parametrize("locale", ["en", "da", "sv", "et", "sl"])
async def test_handoff_posts_the_summary_the_user_sees(
    dispatcher, outbox, monkeypatch, webhook, locale
):
    monkeypatch.setenv("HELPDESK_WEBHOOK_URL", webhook.url)
    tracker = make_tracker({**SLOTS, "language": locale})
    await ActionHandoff().run(dispatcher, tracker, domain_dict())
    (posted,) = webhook.received
    lines = rendered_summary(tracker, domain_dict())
    assert len(lines) == len(SUMMARY)
    assert posted["text"] == "\n".join(lines)
    assert (posted["conversation_id"], posted["locale"]) == ("test", locale)
    assert not outbox.exists()


async def test_teams_webhook_gets_a_text_message(
    dispatcher, outbox, monkeypatch, webhook
):
    monkeypatch.setenv("HELPDESK_WEBHOOK_URL", webhook.url)
    monkeypatch.setenv("HELPDESK_WEBHOOK_FORMAT", "teams")
    tracker = make_tracker({**SLOTS, "language": "da"})
    await ActionHandoff().run(dispatcher, tracker, domain_dict())
    assert webhook.received == [
        {"text": "\n\n".join(rendered_summary(tracker, domain_dict()))}
    ]


async def test_without_a_webhook_the_case_lands_in_the_outbox(dispatcher, outbox):
    tracker = make_tracker({**SLOTS, "language": "sl"})
    await ActionHandoff().run(dispatcher, tracker, domain_dict())
    (case,) = cases(outbox)
    assert case["lines"] == rendered_summary(tracker, domain_dict())
    assert case["locale"] == "sl"


async def test_failing_webhook_falls_back_and_the_user_still_gets_the_summary(
    dispatcher, outbox, monkeypatch, webhook
):
    webhook.status = 500
    monkeypatch.setenv("HELPDESK_WEBHOOK_URL", webhook.url)
    events = await ActionHandoff().run(dispatcher, make_tracker(SLOTS), domain_dict())
    assert events == []
    assert responses(dispatcher)[1:-1] == SUMMARY
    assert len(webhook.received) == 1 and len(cases(outbox)) == 1


async def test_unwritable_outbox_never_breaks_the_conversation(
    dispatcher, monkeypatch, tmp_path
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("HELPDESK_WEBHOOK_URL", raising=False)
    monkeypatch.setenv("HELPDESK_OUTBOX", str(blocker / "outbox.jsonl"))
    await ActionHandoff().run(dispatcher, make_tracker(SLOTS), domain_dict())
    assert responses(dispatcher)[1:-1] == SUMMARY
