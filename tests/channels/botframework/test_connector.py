import uuid

import aiohttp
import pytest

from channels.botframework.connector import (
    ConnectorError,
    ConnectorTokens,
    post_reply,
    reply_url,
)
from tests.channels.fake_botframework import FakeBotFramework


@pytest.fixture(scope="module")
def fake():
    fake = FakeBotFramework().start()
    yield fake
    fake.stop()


def test_reply_url_escapes_thread_ids():
    url = reply_url("https://smba.example/emea/", "19:a@thread.tacv2;messageid=1", "9")
    assert url == (
        "https://smba.example/emea/v3/conversations/"
        "19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities/9"
    )


async def test_the_token_is_reused_until_it_nearly_expires(fake):
    now = [0.0]
    async with aiohttp.ClientSession() as session:
        tokens = ConnectorTokens(
            "app", "secret", fake.token_url, lambda: session, clock=lambda: now[0]
        )
        before = len(fake.token_requests)
        assert await tokens.get() == fake.access_token
        now[0] = 3000.0  # expires_in is 3600; renewed 300 s early
        assert await tokens.get() == fake.access_token
        assert len(fake.token_requests) == before + 1
        now[0] = 3301.0
        await tokens.get()
        assert len(fake.token_requests) == before + 2
        tokens.forget()
        await tokens.get()
        assert len(fake.token_requests) == before + 3


async def test_a_reply_is_posted_with_the_token(fake):
    conversation = f"19:{uuid.uuid4().hex}@thread.tacv2;messageid=42"
    async with aiohttp.ClientSession() as session:
        tokens = ConnectorTokens("app", "secret", fake.token_url, lambda: session)
        answer = await post_reply(
            session, tokens, fake.service_url, conversation, "42", {"text": "Hej"}
        )
    assert "id" in answer
    [reply] = fake.replies_to(conversation)
    assert reply.reply_to_id == "42"
    assert reply.activity == {"text": "Hej"}
    assert reply.authorization == f"Bearer {fake.access_token}"


async def test_a_refused_reply_raises(fake):
    async with aiohttp.ClientSession() as session:
        tokens = ConnectorTokens("app", "secret", fake.token_url, lambda: session)
        with pytest.raises(ConnectorError):
            await post_reply(session, tokens, f"{fake.url}/nowhere/", "c", "1", {})
