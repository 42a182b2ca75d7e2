"""Rasa's Redis lock store, fixed for a replica that dies holding a ticket.

Rasa 3.6's ticket lock gives every ticket the same lifetime from the moment it is
issued. When a replica dies mid-turn, the turn replayed on another replica waits
behind the dead ticket, but its own ticket, issued a moment later, expires a
moment later too: unless a poll falls between the two expiries, the lock is then
empty, `now_serving` is 0, and the replayed turn waits forever (measured on
3.6.21: a 504 after nginx's timeout). Here a waiting ticket is renewed at each
poll, so it always outlives the tickets ahead of it.
"""

import asyncio
import time

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError
from rasa.core.lock_store import RedisLockStore as RasaRedisLockStore
from rasa.utils.endpoints import EndpointConfig


class RedisLockStore(RasaRedisLockStore):
    """Rasa's `RedisLockStore` whose waiting tickets do not expire."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds a lock store named by module path from the whole endpoint
        # config; its own "redis" type passes the same values as below.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    async def _acquire_lock(
        self, conversation_id: str, ticket: int, wait_time_in_seconds: float
    ) -> TicketLock:
        while True:
            lock = self.get_lock(conversation_id)
            if not lock:
                raise LockError(
                    f"Could not acquire lock for conversation_id '{conversation_id}'."
                )
            if not lock.is_locked(ticket):
                return lock
            renew(lock, ticket)
            self.save_lock(lock)
            await asyncio.sleep(wait_time_in_seconds)


def renew(lock: TicketLock, ticket: int, lifetime: float = LOCK_LIFETIME) -> None:
    """Give a waiting ticket a full lifetime again (expired ones are already gone)."""
    for held in lock.tickets:
        if held.number == ticket:
            held.expires = time.time() + lifetime
