"""The Teams channel on a real Rasa server, against a local fake Bot Framework."""

import threading
import time
import uuid
from typing import Optional
from urllib.parse import quote

import pytest
import requests

from channels.teams import TeamsInput
from scripts.replies import identify
from stores import outage
from tests.channels.fake_botframework import (
    FakeBotFramework,
    message_activity,
    new_key,
)

THREAD = "19:4f1c0a2b@thread.tacv2;messageid=1700000000123"


def post(bot, activity, token: Optional[str]):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(
        f"{bot.url}/webhooks/teams/webhook", json=activity, headers=headers, timeout=60
    )


def signed(bot, activity, **claims):
    return bot.fake.sign(
        bot.fake.claims(bot.app_id, service_url=activity["serviceUrl"], **claims)
    )


def user_events(bot, conversation_id):
    # Sanic 21 does not unquote path parameters, so the id's ":@;=" stay as they are.
    path = quote(conversation_id, safe=":@;=")
    response = requests.get(f"{bot.url}/conversations/{path}/tracker", timeout=30)
    response.raise_for_status()
    return [e for e in response.json()["events"] if e["event"] in ("user", "bot")]


def test_danish_message_in_a_channel_thread_gets_a_danish_reply_there(teams_bot):
    activity = message_activity(
        "<at>Writeback Assistant</at> password writeback virker ikke",
        teams_bot.fake.service_url,
        conversation_id=THREAD,
        locale="da-DK",
        entities=[
            {
                "type": "mention",
                "text": "<at>Writeback Assistant</at>",
                "mentioned": {"id": "28:writeback-bot", "name": "Writeback Assistant"},
            },
            {
                "type": "clientInfo",
                "locale": "da-DK",
                "country": "DK",
                "platform": "Web",
            },
        ],
    )
    activity["conversation"]["conversationType"] = "channel"

    response = post(teams_bot, activity, signed(teams_bot, activity))

    assert response.status_code == 200
    replies = teams_bot.fake.replies_to(THREAD)
    assert replies, "no reply reached the Connector"
    for reply in replies:
        assert reply.reply_to_id == activity["id"]
        assert reply.activity["replyToId"] == activity["id"]
        assert reply.activity["conversation"]["id"] == THREAD
        assert reply.activity["recipient"] == activity["from"]
        assert reply.activity["from"] == activity["recipient"]
        assert reply.authorization == f"Bearer {teams_bot.fake.access_token}"
    found = [identify(r.activity["text"]) for r in replies]
    assert None not in found, [r.activity["text"] for r in replies]
    assert {locale for _, locale in found} == {"da"}
    user = [e for e in user_events(teams_bot, THREAD) if e["event"] == "user"]
    assert user[-1]["text"] == "password writeback virker ikke"
    assert user[-1]["metadata"]["locale"] == "da-DK"
    assert user[-1]["metadata"]["client_info"]["country"] == "DK"


def test_client_info_locale_is_the_hint_when_the_activity_has_none(teams_bot):
    activity = message_activity(
        "ok",
        teams_bot.fake.service_url,
        entities=[{"type": "clientInfo", "locale": "sv-SE", "platform": "Windows"}],
    )
    assert post(teams_bot, activity, signed(teams_bot, activity)).status_code == 200
    replies = teams_bot.fake.replies_to(activity["conversation"]["id"])
    assert replies
    assert {identify(r.activity["text"])[1] for r in replies} == {"sv"}


def test_bot_added_to_a_team_posts_a_localized_welcome(teams_bot):
    activity = message_activity("", teams_bot.fake.service_url, locale="sv-SE")
    activity.update(
        type="conversationUpdate",
        membersAdded=[{"id": activity["recipient"]["id"]}],
    )
    del activity["text"]
    assert post(teams_bot, activity, signed(teams_bot, activity)).status_code == 200
    replies = teams_bot.fake.replies_to(activity["conversation"]["id"])
    assert [identify(r.activity["text"]) for r in replies] == [("utter_greet", "sv")]


@pytest.mark.parametrize(
    "update",
    [
        {"type": "conversationUpdate", "membersAdded": [{"id": "29:someone-else"}]},
        {"type": "conversationUpdate", "membersRemoved": [{"id": "28:writeback-bot"}]},
        {"type": "typing"},
        {"type": "messageReaction", "reactionsAdded": [{"type": "like"}]},
        {"type": "installationUpdate", "action": "add"},
    ],
)
def test_other_activities_are_acknowledged_and_not_answered(teams_bot, update):
    activity = message_activity("", teams_bot.fake.service_url, locale="da-DK")
    del activity["text"]
    activity.update(update)
    assert post(teams_bot, activity, signed(teams_bot, activity)).status_code == 200
    conversation = activity["conversation"]["id"]
    assert teams_bot.fake.replies_to(conversation) == []
    assert user_events(teams_bot, conversation) == []


REJECTED = {
    "forged": lambda bot, a: bot.fake.sign(
        bot.fake.claims(bot.app_id, a["serviceUrl"]), key=new_key()
    ),
    "expired": lambda bot, a: signed(
        bot, a, exp=int(time.time()) - 3600, nbf=int(time.time()) - 7200
    ),
    "wrong audience": lambda bot, a: signed(bot, a, aud=str(uuid.uuid4())),
    "wrong issuer": lambda bot, a: signed(bot, a, iss="https://sts.windows.net/x/"),
    "no expiry": lambda bot, a: signed(bot, a, exp=None),
    "unsigned": lambda bot, a: None,
    "alg none": lambda bot, a: bot.fake.unsigned(
        bot.fake.claims(bot.app_id, a["serviceUrl"])
    ),
    "HS256 keyed with the public key": lambda bot, a: bot.fake.hs256_with_public_key(
        bot.fake.claims(bot.app_id, a["serviceUrl"])
    ),
    "unknown key id": lambda bot, a: bot.fake.sign(
        bot.fake.claims(bot.app_id, a["serviceUrl"]), kid="not-published"
    ),
    "serviceUrl mismatch": lambda bot, a: signed(
        bot, a, serviceUrl="https://smba.trafficmanager.net/emea/"
    ),
    "not endorsed for the channel": lambda bot, a: signed(bot, a),
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_requests_that_do_not_prove_the_connector_sent_them_get_401(teams_bot, case):
    activity = message_activity(
        "password writeback virker ikke", teams_bot.fake.service_url, locale="da-DK"
    )
    if case == "not endorsed for the channel":
        activity["channelId"] = "webchat"
    token = REJECTED[case](teams_bot, activity)

    response = post(teams_bot, activity, token)

    assert response.status_code == 401
    conversation = activity["conversation"]["id"]
    assert teams_bot.fake.replies_to(conversation) == []
    assert user_events(teams_bot, conversation) == []


def test_connector_token_is_fetched_once_and_reused(teams_bot):
    for text in ("hej", "tak"):
        activity = message_activity(text, teams_bot.fake.service_url, locale="da-DK")
        assert post(teams_bot, activity, signed(teams_bot, activity)).status_code == 200
        assert teams_bot.fake.replies_to(activity["conversation"]["id"])
    assert len(teams_bot.fake.token_requests) == 1
    form = teams_bot.fake.token_requests[0]
    assert form["client_id"] == teams_bot.app_id
    assert form["client_secret"] == teams_bot.app_password
    assert form["grant_type"] == "client_credentials"
    assert form["scope"] == "https://api.botframework.com/.default"


def test_a_slow_connector_does_not_block_the_server(teams_bot):
    activity = message_activity("hej", teams_bot.fake.service_url, locale="da-DK")
    teams_bot.fake.slow_seconds[activity["conversation"]["id"]] = 3.0
    token = signed(teams_bot, activity)
    results = {}
    sender = threading.Thread(
        target=lambda: results.update(response=post(teams_bot, activity, token))
    )
    sender.start()
    assert teams_bot.fake.wait_for_arrival(activity["conversation"]["id"])
    # The Connector now holds the reply for 3 s; the server must still answer.
    started = time.monotonic()
    requests.get(f"{teams_bot.url}/status", timeout=10).raise_for_status()
    status_seconds = time.monotonic() - started
    sender.join(timeout=60)

    assert results["response"].status_code == 200
    assert teams_bot.fake.replies_to(activity["conversation"]["id"])
    assert status_seconds < 1.0


def test_settings_come_from_the_environment_only(monkeypatch):
    for name in ("TEAMS_OPENID_METADATA_URL", "TEAMS_TOKEN_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEAMS_APP_ID", "app")
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "secret")
    monkeypatch.setenv("TEAMS_TENANT_ID", "contoso.onmicrosoft.com")
    channel = TeamsInput.from_credentials({"app_id": "ignored"})
    assert channel.enabled and channel.app_id == "app"
    assert channel.tokens.token_url == (
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
    )
    assert channel.keys.metadata_url == (
        "https://login.botframework.com/v1/.well-known/openidconfiguration"
    )
    assert channel.url_prefix() == "teams"


@pytest.mark.parametrize("missing", ["TEAMS_APP_ID", "TEAMS_APP_PASSWORD"])
def test_the_channel_is_off_without_credentials(monkeypatch, missing):
    monkeypatch.setenv("TEAMS_APP_ID", "app")
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "secret")
    monkeypatch.delenv(missing)
    assert not TeamsInput.from_credentials(None).enabled


@pytest.fixture
def fake_botframework():
    fake = FakeBotFramework().start()
    yield fake
    fake.stop()


async def test_a_turn_the_store_lost_posts_nothing_and_asks_for_a_resend(
    fake_botframework,
):
    """Replies wait for the end of the turn; a store failure withholds them."""
    channel = TeamsInput(
        "app",
        "secret",
        openid_metadata_url=fake_botframework.openid_url,
        token_url=fake_botframework.token_url,
    )

    async def store_fails(message):
        outage.record(ConnectionError("database down"))
        await message.output_channel.send_text_message(message.sender_id, "stale")

    async def answers(message):
        await message.output_channel.send_text_message(message.sender_id, "fresh")

    try:
        lost = message_activity("hej", fake_botframework.service_url)
        assert await channel.handle(lost, {}, store_fails) is False
        kept = message_activity("hej", fake_botframework.service_url)
        assert await channel.handle(kept, {}, answers) is True
    finally:
        await channel.session().close()
    kept_replies = fake_botframework.wait_for_replies(kept["conversation"]["id"])
    assert [r.activity["text"] for r in kept_replies] == ["fresh"]
    assert fake_botframework.replies_to(lost["conversation"]["id"]) == []
