"""The ticket lock on a real Redis server, after the ticket holder died."""

import asyncio
import shutil
import subprocess
import time

import pytest
import redis
from rasa.core.lock_store import RedisLockStore as RasaRedisLockStore
from rasa.utils.endpoints import EndpointConfig

from scripts.servers import free_port
from stores.redis_lock import RedisLockStore

LIFETIME = 2


@pytest.fixture(scope="module")
def redis_port():
    port = free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port)]
        + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield port
    server.terminate()
    server.wait(timeout=10)


async def wait_behind_a_dead_holder(store, conversation: str, limit: float):
    """Seconds until the lock is ours, or None if still waiting after `limit`."""
    store.issue_ticket(conversation, LIFETIME)  # its holder dies without cleanup
    await asyncio.sleep(0.1)
    started = time.monotonic()

    async def take():
        async with store.lock(conversation, lock_lifetime=LIFETIME):
            return time.monotonic() - started

    try:
        return await asyncio.wait_for(take(), limit)
    except asyncio.TimeoutError:
        return None


def test_rasas_own_store_waits_forever_behind_a_dead_holder(redis_port):
    store = RasaRedisLockStore(port=redis_port, key_prefix="rasa")
    assert asyncio.run(wait_behind_a_dead_holder(store, "c1", 3 * LIFETIME)) is None


def test_ours_takes_the_lock_once_the_dead_ticket_expires(redis_port):
    config = EndpointConfig(
        url="localhost", type="x", port=redis_port, db=0, key_prefix="ours"
    )
    store = RedisLockStore(config)
    waited = asyncio.run(wait_behind_a_dead_holder(store, "c2", 3 * LIFETIME))
    assert waited is not None and LIFETIME - 0.5 < waited < LIFETIME + 1.5
