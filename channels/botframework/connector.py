"""Sending activities to the Bot Framework Connector, without blocking.

The Connector wants an OAuth client-credentials token from Microsoft's token
endpoint; one token serves every reply until shortly before it expires.
"""

import asyncio
import json
import logging
import time
from typing import Any, Callable, Dict, Optional
from urllib.parse import quote

import aiohttp

logger = logging.getLogger(__name__)

SCOPE = "https://api.botframework.com/.default"
# Renew this long before the token's stated expiry, so no request carries a
# token that lapses in flight.
EXPIRY_MARGIN_SECONDS = 300
TIMEOUT = aiohttp.ClientTimeout(total=15)


class ConnectorError(Exception):
    """The Connector or the token endpoint refused a request."""


class ConnectorTokens:
    """The bot's Connector access token, fetched once and reused until it expires."""

    def __init__(
        self,
        app_id: str,
        app_password: str,
        token_url: str,
        session: Callable[[], aiohttp.ClientSession],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Create the cache.

        Args:
            app_id: the bot's Microsoft app id.
            app_password: the app's client secret.
            token_url: Microsoft's OAuth token endpoint for the bot's tenant.
            session: returns the aiohttp session to fetch with.
            clock: monotonic seconds (for tests).

        """
        self.app_id = app_id
        self.app_password = app_password
        self.token_url = token_url
        self._session = session
        self._clock = clock
        self._token: Optional[str] = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        """Return a valid access token, fetching a new one only when needed."""
        async with self._lock:
            if self._token is None or self._clock() >= self._expires_at:
                await self._fetch()
            assert self._token is not None
            return self._token

    def forget(self) -> None:
        """Drop the cached token (after the Connector refused it)."""
        self._token = None

    async def _fetch(self) -> None:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.app_id,
            "client_secret": self.app_password,
            "scope": SCOPE,
        }
        started = self._clock()
        async with self._session().post(
            self.token_url, data=form, timeout=TIMEOUT
        ) as response:
            if response.status != 200:
                raise ConnectorError(
                    f"token endpoint answered {response.status}: "
                    f"{(await response.text())[:200]}"
                )
            body = await response.json(content_type=None)
        lifetime = float(body.get("expires_in", 0))
        self._token = body["access_token"]
        self._expires_at = started + max(
            lifetime - min(EXPIRY_MARGIN_SECONDS, lifetime / 2), 0
        )


def reply_url(service_url: str, conversation_id: str, activity_id: str) -> str:
    """The Connector's "reply to activity" URL, which keeps the reply in its thread."""
    return (
        f"{service_url.rstrip('/')}/v3/conversations/"
        f"{quote(conversation_id, safe='')}/activities/{quote(activity_id, safe='')}"
    )


async def post_reply(
    session: aiohttp.ClientSession,
    tokens: ConnectorTokens,
    service_url: str,
    conversation_id: str,
    reply_to_id: str,
    activity: Dict[str, Any],
) -> Dict[str, Any]:
    """Post a reply activity to the Connector.

    Returns:
        The Connector's answer (it holds the new activity's id).

    Raises:
        ConnectorError: when the Connector refuses the activity.

    """
    url = reply_url(service_url, conversation_id, reply_to_id)
    headers = {"Authorization": f"Bearer {await tokens.get()}"}
    async with session.post(
        url, json=activity, headers=headers, timeout=TIMEOUT
    ) as response:
        if response.status == 401:
            tokens.forget()
        if response.status >= 300:
            raise ConnectorError(
                f"Connector answered {response.status}: {(await response.text())[:200]}"
            )
        body = await response.read()
        return json.loads(body) if body.strip() else {}
