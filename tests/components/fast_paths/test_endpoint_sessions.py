import asyncio

import pytest
from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

from components.fast_paths import endpoint_sessions
from tests.local_http import serve_locally


@pytest.fixture
def install_kept_sessions(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", endpoint_sessions.session)


async def serve_and_call(endpoint_kwargs, calls=3):
    """Run a real HTTP server, call it `calls` times; return peers and requests."""
    peers, seen = set(), []

    async def webhook(request):
        peers.add(request.transport.get_extra_info("peername"))
        seen.append((dict(request.headers), await request.json()))
        return web.json_response({"events": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    async with serve_locally(app) as port:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", **endpoint_kwargs)
        replies = [await endpoint.request(json={"call": i}) for i in range(calls)]
    return peers, seen, replies


def test_rasas_own_session_opens_a_connection_per_call(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", endpoint_sessions._rasa_session)
    peers, _, _ = asyncio.run(serve_and_call({}))
    assert len(peers) == 3


def test_calls_share_one_connection(install_kept_sessions):
    peers, seen, replies = asyncio.run(serve_and_call({}))
    assert len(peers) == 1
    assert replies == [{"events": []}] * 3
    assert [body for _, body in seen] == [{"call": 0}, {"call": 1}, {"call": 2}]


def test_headers_and_basic_auth_still_reach_the_server(install_kept_sessions):
    kwargs = {
        "headers": {"X-Token": "abc"},
        "basic_auth": {"username": "rasa", "password": "secret"},
    }
    _, seen, _ = asyncio.run(serve_and_call(kwargs, calls=1))
    headers = seen[0][0]
    assert headers["X-Token"] == "abc"
    assert headers["Authorization"] == "Basic cmFzYTpzZWNyZXQ="


def test_one_session_per_setup_and_loop(install_kept_sessions):
    async def sessions():
        plain = EndpointConfig("http://a/webhook")
        same_setup = EndpointConfig("http://b/webhook")
        other = EndpointConfig("http://a/webhook", headers={"X-Token": "abc"})
        first = plain.session().session
        assert same_setup.session().session is first
        assert other.session().session is not first
        await first.close()
        assert plain.session().session is not first  # a closed one is replaced
        return first

    first = asyncio.run(sessions())
    second = asyncio.run(sessions())  # a new event loop gets its own
    assert second is not first


def test_install_replaces_rasas_session():
    endpoint_sessions.install()
    assert EndpointConfig.session is endpoint_sessions.session
