from typing import Any, Dict, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.local_http import serve_locally


def make_tracker(
    slots: Optional[Dict[str, Any]] = None, latest_message=None
) -> Tracker:
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message=latest_message or {"intent": {"name": "inform"}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher):
    return [m["response"] for m in dispatcher.messages]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


class Webhook:
    """A real local HTTP server standing in for the helpdesk's webhook."""

    def __init__(self) -> None:
        self.received = []
        self.status = 200
        self.delay = 0.0
        self.url = ""
        self.in_flight = 0


@pytest.fixture
async def webhook():
    import asyncio

    from aiohttp import web

    hook = Webhook()

    async def receive(request):
        hook.in_flight += 1
        try:
            await asyncio.sleep(hook.delay)
            hook.received.append(await request.json())
            return web.Response(status=hook.status)
        finally:
            hook.in_flight -= 1

    app = web.Application()
    app.router.add_post("/hook", receive)
    async with serve_locally(app) as port:
        hook.url = f"http://127.0.0.1:{port}/hook"
        yield hook
        for _ in range(100):  # let a deliberately slow request finish first
            if not hook.in_flight:
                break
            await asyncio.sleep(0.05)
