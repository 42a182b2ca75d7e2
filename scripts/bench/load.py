"""Closed-loop load over Rasa's REST channel: send a turn, await the reply, repeat."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import aiohttp

from scripts.bench.conversations import Conversation

REQUEST_TIMEOUT_S = 60


@dataclass
class Samples:
    """Every message sent during a level: (sent, answered, ok) in monotonic time."""

    records: List[Tuple[float, float, bool]] = field(default_factory=list)
    empty_replies: int = 0

    def window(self, start: float, end: float) -> Tuple[List[float], int]:
        """Return latencies of answers and the error count, within [start, end]."""
        latencies, errors = [], 0
        for sent, done, ok in self.records:
            if sent >= start and done <= end:
                if ok:
                    latencies.append(done - sent)
                else:
                    errors += 1
        return latencies, errors


async def _user(
    session: aiohttp.ClientSession,
    url: str,
    conversations: Sequence[Conversation],
    first: int,
    stop_at: float,
    samples: Samples,
) -> None:
    # Users start at different scripts so every locale is in flight at once.
    for index in itertools.count(first):
        conversation = conversations[index % len(conversations)]
        sender = f"bench-{uuid.uuid4().hex}"
        for turn in conversation.turns:
            if time.monotonic() >= stop_at:
                return
            body: Dict[str, object] = {"sender": sender, "message": turn.text}
            if conversation.metadata:
                body["metadata"] = conversation.metadata
            sent = time.monotonic()
            ok = False
            try:
                async with session.post(url, json=body) as response:
                    replies = await response.json(content_type=None)
                    ok = response.status == 200
                    if ok and not replies:
                        samples.empty_replies += 1
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            samples.records.append((sent, time.monotonic(), ok))


async def run_level(
    base_url: str,
    conversations: Sequence[Conversation],
    concurrency: int,
    warmup_s: float,
    measure_s: float,
) -> Tuple[List[float], int, Samples]:
    """Drive `concurrency` conversations at once; measure after the warm-up.

    Args:
        base_url: The bot's address, e.g. http://127.0.0.1:5005.
        conversations: The scripts to replay, round robin.
        concurrency: Conversations in flight at once (virtual users).
        warmup_s: Seconds of load before measuring.
        measure_s: Seconds measured.

    Returns:
        Latencies (s) of the messages answered in the window, failed messages in
        the window, and all samples.

    """
    url = f"{base_url}/webhooks/rest/webhook"
    samples = Samples()
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=concurrency)
    start = time.monotonic()
    window_start = start + warmup_s
    window_end = window_start + measure_s
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        users = [
            _user(session, url, conversations, i, window_end, samples)
            for i in range(concurrency)
        ]
        await asyncio.gather(*users)
    latencies, errors = samples.window(window_start, window_end)
    return latencies, errors, samples
