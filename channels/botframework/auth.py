"""Validation of the JSON Web Tokens the Bot Framework Connector sends.

Follows Microsoft's "Authenticate requests from the Bot Connector service"
rules: RS256 only, a signing key from the published OpenID keys (endorsed for
the channel), expiry, audience = the bot's app id, issuer
`https://api.botframework.com`, and a `serviceUrl` claim equal to the
activity's.
"""

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

import aiohttp
import jwt

logger = logging.getLogger(__name__)

ISSUER = "https://api.botframework.com"
# The only algorithm the Bot Connector signs with; never taken from the token.
ALGORITHMS = ["RS256"]
# Microsoft allows five minutes of clock skew between the Connector and bots.
CLOCK_SKEW_SECONDS = 300
REQUIRED_CLAIMS = ["exp", "iss", "aud", "serviceUrl"]
BEARER = re.compile(r"^Bearer\s+(\S+)\s*$")


class TokenRejected(Exception):
    """The request's token does not prove it came from the Bot Connector."""


@dataclass(frozen=True)
class SigningKey:
    """One published key, with the channels it is endorsed for."""

    key: Any
    endorsements: Tuple[str, ...]


def bearer_token(authorization: Optional[str]) -> str:
    """Return the token of an `Authorization: Bearer ...` header.

    Raises:
        TokenRejected: when the header is missing or not a bearer token.

    """
    match = BEARER.match(authorization or "")
    if not match:
        raise TokenRejected("no bearer token")
    return match.group(1)


def key_id(token: str) -> str:
    """Return the `kid` of a token's header, refusing any algorithm but RS256."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise TokenRejected(f"malformed token: {error}") from error
    if header.get("alg") not in ALGORITHMS:
        raise TokenRejected(f"algorithm {header.get('alg')!r} refused")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenRejected("token names no signing key")
    return kid


def parse_keys(jwks: Mapping[str, Any]) -> Dict[str, SigningKey]:
    """Turn a JWKS document into signing keys by key id, skipping unusable ones."""
    keys = {}
    for data in jwks.get("keys", []):
        if data.get("kty") != "RSA" or not data.get("kid"):
            continue
        try:
            key = jwt.PyJWK(data, algorithm="RS256").key
        except jwt.PyJWTError:
            continue
        keys[data["kid"]] = SigningKey(key, tuple(data.get("endorsements") or ()))
    return keys


def validate_token(
    token: str,
    key: SigningKey,
    *,
    app_id: str,
    service_url: Optional[str],
    channel_id: Optional[str],
) -> Dict[str, Any]:
    """Check a Connector token against the activity it came with.

    Args:
        token: the bearer token.
        key: the published key named by the token's `kid`.
        app_id: the bot's Microsoft app id (the expected audience).
        service_url: the activity's `serviceUrl`.
        channel_id: the activity's `channelId` (e.g. "msteams").

    Returns:
        The token's claims.

    Raises:
        TokenRejected: when any rule is broken.

    """
    if key.endorsements and channel_id not in key.endorsements:
        raise TokenRejected(f"key not endorsed for channel {channel_id!r}")
    try:
        claims = jwt.decode(
            token,
            key=key.key,
            algorithms=ALGORITHMS,
            audience=app_id,
            issuer=ISSUER,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": REQUIRED_CLAIMS, "verify_signature": True},
        )
    except jwt.PyJWTError as error:
        raise TokenRejected(str(error)) from error
    if not service_url or claims.get("serviceUrl") != service_url:
        raise TokenRejected("serviceUrl claim does not match the activity")
    return claims


class OpenIdKeys:
    """The Connector's signing keys, fetched without blocking and cached.

    PyJWT's `PyJWKClient` fetches with urllib, which would block the server's
    event loop; this fetches the same documents with aiohttp.
    """

    def __init__(
        self,
        metadata_url: str,
        session: Callable[[], aiohttp.ClientSession],
        max_age: float = 24 * 3600,
        min_refresh_interval: float = 300,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Create the cache.

        Args:
            metadata_url: the OpenID metadata document that names `jwks_uri`.
            session: returns the aiohttp session to fetch with.
            max_age: refetch keys older than this (Microsoft rotates daily).
            min_refresh_interval: refetch for an unknown key id at most this often,
                so tokens with made-up key ids cannot flood the key server.
            clock: monotonic seconds (for tests).

        """
        self.metadata_url = metadata_url
        self._session = session
        self.max_age = max_age
        self.min_refresh_interval = min_refresh_interval
        self._clock = clock
        self._keys: Dict[str, SigningKey] = {}
        self._fetched_at: Optional[float] = None
        self._lock = asyncio.Lock()

    async def get(self, kid: str) -> SigningKey:
        """Return the key with this id, refreshing the cache when needed.

        Raises:
            TokenRejected: when no published key has this id.

        """
        async with self._lock:
            age = None if self._fetched_at is None else self._clock() - self._fetched_at
            stale = age is None or age > self.max_age
            unknown = kid not in self._keys and (
                age is None or age > self.min_refresh_interval
            )
            if stale or unknown:
                try:
                    self._keys = await self._fetch()
                    self._fetched_at = self._clock()
                except (
                    aiohttp.ClientError,
                    asyncio.TimeoutError,
                    KeyError,
                    ValueError,
                ) as e:
                    # Keep the keys we have; without any, nothing can be trusted.
                    logger.warning("Could not fetch Bot Framework keys: %s", e)
                    if not self._keys:
                        raise TokenRejected("signing keys unavailable") from e
        if kid not in self._keys:
            raise TokenRejected(f"unknown signing key {kid!r}")
        return self._keys[kid]

    async def _fetch(self) -> Dict[str, SigningKey]:
        session = self._session()
        timeout = aiohttp.ClientTimeout(total=10)
        async with session.get(self.metadata_url, timeout=timeout) as response:
            response.raise_for_status()
            metadata = await response.json(content_type=None)
        async with session.get(metadata["jwks_uri"], timeout=timeout) as response:
            response.raise_for_status()
            return parse_keys(await response.json(content_type=None))
