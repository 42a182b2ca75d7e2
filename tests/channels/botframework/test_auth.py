import asyncio
import time
import uuid

import aiohttp
import pytest

from channels.botframework.auth import (
    OpenIdKeys,
    TokenRejected,
    bearer_token,
    key_id,
    parse_keys,
    validate_token,
)
from tests.channels.fake_botframework import FakeBotFramework, new_key

APP_ID = str(uuid.uuid4())


@pytest.fixture(scope="module")
def fake():
    fake = FakeBotFramework().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def key(fake):
    return parse_keys(fake.jwks())[fake.kid]


def check(fake, key, token, service_url=None, channel_id="msteams"):
    return validate_token(
        token,
        key,
        app_id=APP_ID,
        service_url=service_url or fake.service_url,
        channel_id=channel_id,
    )


def test_a_connector_token_passes_and_yields_its_claims(fake, key):
    claims = check(fake, key, fake.sign(fake.claims(APP_ID)))
    assert claims["aud"] == APP_ID
    assert claims["serviceUrl"] == fake.service_url


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda f: f.sign(f.claims(APP_ID), key=new_key()), id="forged"),
        pytest.param(
            lambda f: f.sign(f.claims(APP_ID, exp=int(time.time()) - 301)),
            id="expired beyond the clock skew",
        ),
        pytest.param(lambda f: f.sign(f.claims(APP_ID, exp=None)), id="no expiry"),
        pytest.param(lambda f: f.sign(f.claims("other-app")), id="wrong audience"),
        pytest.param(lambda f: f.sign(f.claims(APP_ID, aud=None)), id="no audience"),
        pytest.param(
            lambda f: f.sign(f.claims(APP_ID, iss="https://login.example/")),
            id="wrong issuer",
        ),
        pytest.param(
            lambda f: f.sign(f.claims(APP_ID, serviceUrl="https://evil.example/")),
            id="serviceUrl mismatch",
        ),
        pytest.param(
            lambda f: f.sign(f.claims(APP_ID, serviceUrl=None)), id="no serviceUrl"
        ),
        pytest.param(
            lambda f: f.sign(f.claims(APP_ID, nbf=int(time.time()) + 3600)),
            id="not yet valid",
        ),
    ],
)
def test_tokens_that_break_a_rule_are_rejected(fake, key, forge):
    with pytest.raises(TokenRejected):
        check(fake, key, forge(fake))


def test_the_key_must_be_endorsed_for_the_activitys_channel(fake, key):
    with pytest.raises(TokenRejected):
        check(fake, key, fake.sign(fake.claims(APP_ID)), channel_id="webchat")


def test_a_few_seconds_of_clock_skew_are_allowed(fake, key):
    token = fake.sign(fake.claims(APP_ID, exp=int(time.time()) - 30))
    assert check(fake, key, token)["aud"] == APP_ID


@pytest.mark.parametrize(
    "token_of",
    [
        pytest.param(lambda f: f.unsigned(f.claims(APP_ID)), id="alg none"),
        pytest.param(
            lambda f: f.hs256_with_public_key(f.claims(APP_ID)),
            id="HS256 keyed with the public key",
        ),
        pytest.param(lambda f: "not.a.token", id="garbage"),
    ],
)
def test_the_algorithm_is_never_taken_from_the_token(fake, key, token_of):
    token = token_of(fake)
    with pytest.raises(TokenRejected):
        key_id(token)
    with pytest.raises(TokenRejected):
        check(fake, key, token)


def test_key_id_is_read_from_an_rs256_header(fake):
    assert key_id(fake.sign(fake.claims(APP_ID))) == fake.kid


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer", "Bearer a b"])
def test_only_a_bearer_header_carries_a_token(header):
    with pytest.raises(TokenRejected):
        bearer_token(header)


def test_bearer_token_is_taken_from_the_header():
    assert bearer_token("Bearer abc.def.ghi") == "abc.def.ghi"


def test_parse_keys_skips_keys_it_cannot_use(fake):
    jwks = fake.jwks()
    jwks["keys"].append({"kty": "EC", "kid": "ec"})
    jwks["keys"].append({"kty": "RSA"})
    assert set(parse_keys(jwks)) == {fake.kid}
    assert parse_keys(jwks)[fake.kid].endorsements == ("msteams",)


async def test_keys_are_fetched_once_and_refetched_when_stale(fake):
    now = [1000.0]
    async with aiohttp.ClientSession() as session:
        keys = OpenIdKeys(fake.openid_url, lambda: session, clock=lambda: now[0])
        before = fake.key_requests
        await asyncio.gather(*(keys.get(fake.kid) for _ in range(5)))
        assert fake.key_requests == before + 1
        with pytest.raises(TokenRejected):
            await keys.get("unknown")  # too soon after the last fetch to refetch
        assert fake.key_requests == before + 1
        now[0] += 25 * 3600
        await keys.get(fake.kid)
        assert fake.key_requests == before + 2


async def test_no_reachable_key_server_means_rejection():
    async with aiohttp.ClientSession() as session:
        keys = OpenIdKeys("http://127.0.0.1:9/openid", lambda: session)
        with pytest.raises(TokenRejected):
            await keys.get("any")
