import json
from pathlib import Path

import pytest

from actions.integrations.helpdesk import (
    DEFAULT_OUTBOX,
    Case,
    HelpdeskConfig,
    deliver,
    payload,
)
from scripts.servers import free_port

CASE = Case(
    conversation_id="c-1",
    locale="sv",
    lines=["header", "• line one", "next step"],
    created_at="2026-01-01T00:00:00+00:00",
)


def outbox_cases(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_config_defaults_to_the_outbox():
    config = HelpdeskConfig.from_env({})
    assert config.webhook_url is None
    assert config.outbox == Path(DEFAULT_OUTBOX)
    assert config.payload_format == "json"


def test_config_from_environment():
    config = HelpdeskConfig.from_env(
        {
            "HELPDESK_WEBHOOK_URL": " https://example.invalid/hook ",
            "HELPDESK_WEBHOOK_FORMAT": "Teams",
            "HELPDESK_OUTBOX": "/tmp/x.jsonl",
            "HELPDESK_WEBHOOK_TIMEOUT": "2.5",
        }
    )
    assert config == HelpdeskConfig(
        "https://example.invalid/hook", "teams", Path("/tmp/x.jsonl"), 2.5
    )


def test_unknown_format_falls_back_to_json():
    assert HelpdeskConfig.from_env(
        {"HELPDESK_WEBHOOK_FORMAT": "xml"}
    ).payload_format == ("json")


def test_json_payload_carries_the_text_and_the_case():
    body = payload(CASE)
    assert body["text"] == "header\n• line one\nnext step"
    assert body["lines"] == CASE.lines
    assert (body["conversation_id"], body["locale"]) == ("c-1", "sv")


def test_teams_payload_is_only_text_with_paragraphs():
    assert payload(CASE, "teams") == {"text": "header\n\n• line one\n\nnext step"}


async def test_posts_to_the_webhook(webhook, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    result = await deliver(CASE, HelpdeskConfig(webhook.url, outbox=outbox))
    assert result == "webhook"
    assert webhook.received == [payload(CASE)]
    assert not outbox.exists()


async def test_teams_format_is_posted(webhook, tmp_path):
    config = HelpdeskConfig(webhook.url, "teams", tmp_path / "o.jsonl")
    assert await deliver(CASE, config) == "webhook"
    assert webhook.received == [{"text": "header\n\n• line one\n\nnext step"}]


@pytest.mark.parametrize("status", [400, 500, 503])
async def test_refused_post_goes_to_the_outbox(webhook, tmp_path, status):
    webhook.status = status
    outbox = tmp_path / "outbox.jsonl"
    assert await deliver(CASE, HelpdeskConfig(webhook.url, outbox=outbox)) == "outbox"
    assert len(webhook.received) == 1
    assert outbox_cases(outbox) == [payload(CASE)]


async def test_slow_webhook_times_out_into_the_outbox(webhook, tmp_path):
    webhook.delay = 1.0
    outbox = tmp_path / "outbox.jsonl"
    config = HelpdeskConfig(webhook.url, outbox=outbox, timeout=0.2)
    assert await deliver(CASE, config) == "outbox"
    assert outbox_cases(outbox) == [payload(CASE)]


async def test_unreachable_webhook_goes_to_the_outbox(tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    config = HelpdeskConfig(f"http://127.0.0.1:{free_port()}/hook", outbox=outbox)
    assert await deliver(CASE, config) == "outbox"
    assert outbox_cases(outbox) == [payload(CASE)]


async def test_without_a_webhook_cases_are_appended_to_the_outbox(tmp_path):
    outbox = tmp_path / "nested" / "outbox.jsonl"
    config = HelpdeskConfig(None, outbox=outbox)
    assert await deliver(CASE, config) == "outbox"
    assert await deliver(CASE, config) == "outbox"
    assert outbox_cases(outbox) == [payload(CASE), payload(CASE)]


async def test_configuration_is_read_from_the_environment(monkeypatch, tmp_path):
    outbox = tmp_path / "env-outbox.jsonl"
    monkeypatch.delenv("HELPDESK_WEBHOOK_URL", raising=False)
    monkeypatch.setenv("HELPDESK_OUTBOX", str(outbox))
    assert await deliver(CASE) == "outbox"
    assert outbox_cases(outbox) == [payload(CASE)]
