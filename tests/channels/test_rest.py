"""The REST channel in a real Sanic server: answers, store failures, other failures."""

from contextlib import asynccontextmanager

import aiohttp
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from channels.rest import RestInput
from scripts.servers import free_port
from stores import outage


@asynccontextmanager
async def serving(on_new_message):
    channel = RestInput()
    app = Sanic("rest_channel_test")
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True
    )
    await server.startup()
    try:
        async with aiohttp.ClientSession() as session:
            yield session, f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    finally:
        await server.close()


async def post(session, url):
    async with session.post(url, json={"sender": "s", "message": "hi"}) as response:
        return response.status, dict(response.headers), await response.json()


async def answer(message: UserMessage):
    await message.output_channel.send_text_message(message.sender_id, "hello")


async def store_fails(message: UserMessage):
    outage.record(ConnectionError("database down"))
    await message.output_channel.send_text_message(message.sender_id, "stale")


async def broken(message: UserMessage):
    raise RuntimeError("bug")


# Sanic 21.12 serves one app per process here, so one server plays every case.
async def test_answers_store_failures_and_other_failures():
    behaviour = {}

    async def on_new_message(message: UserMessage):
        await behaviour["turn"](message)

    async with serving(on_new_message) as (session, url):
        behaviour["turn"] = answer
        status, _, body = await post(session, url)
        assert status == 200
        assert body == [{"recipient_id": "s", "text": "hello"}]

        # The turn was not stored: an error the client can retry, not a reply.
        behaviour["turn"] = store_fails
        status, headers, body = await post(session, url)
        assert status == 503
        assert headers["Retry-After"] == "5"
        assert body == {"error": "conversation_store_unavailable", "retry": True}

        # Any other failure is a 500, not an empty list that looks like silence.
        behaviour["turn"] = broken
        status, _, body = await post(session, url)
        assert status == 500
        assert body == {"error": "turn_failed"}
