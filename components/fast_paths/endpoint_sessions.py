"""Keep one HTTP session per endpoint setup, so calls reuse their connections.

Rasa 3.6 opens a new aiohttp session, and with it a new TCP connection, for
every call to the action server: connecting took 7.5% of the Rasa server's CPU
under load, and the action server paid again to accept it. aiohttp pools
connections within a session; this keeps the session that Rasa would build and
hands it out again, open, for every later call from the same event loop.
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, Hashable, Optional, Tuple

import aiohttp
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import EndpointConfig

# Rasa's own, kept for comparison in the tests.
_rasa_session = EndpointConfig.session

# Idle connections are closed after this long, before the action server's own
# keep-alive timeout (Sanic's default is 5 s) can close one under a request.
KEEPALIVE_S = 2.0

_sessions: Dict[Tuple[int, Hashable], Tuple[asyncio.AbstractEventLoop, Any]] = {}


class KeptSession:
    """`async with` gives the kept session and leaves it open afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def setup_key(endpoint: EndpointConfig) -> Hashable:
    """What makes Rasa's sessions for two endpoints differ: headers and auth."""
    auth = endpoint.basic_auth or {}
    return (
        tuple(sorted((endpoint.headers or {}).items())),
        (auth.get("username"), auth.get("password")),
    )


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    # The headers, auth and timeout Rasa's own `session` sets, plus the pool.
    auth = endpoint.basic_auth
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=aiohttp.BasicAuth(auth["username"], auth["password"]) if auth else None,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S),
    )


def session(self: EndpointConfig) -> KeptSession:
    """Drop-in for `EndpointConfig.session`: the kept session for this loop."""
    loop = asyncio.get_running_loop()
    key = (id(loop), setup_key(self))
    kept: Optional[Tuple[asyncio.AbstractEventLoop, Any]] = _sessions.get(key)
    if kept is None or kept[0] is not loop or kept[1].closed:
        for stale in [k for k, (other, _) in _sessions.items() if other.is_closed()]:
            del _sessions[stale]  # sessions of loops that ended (tests, reloads)
        kept = _sessions[key] = (loop, _new_session(self))
    return KeptSession(kept[1])


def install() -> None:
    """Make Rasa's endpoints hand out kept sessions (idempotent)."""
    EndpointConfig.session = session  # type: ignore[method-assign]
