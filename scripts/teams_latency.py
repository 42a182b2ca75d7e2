"""Latency of the Teams webhook: signed activities through a real Rasa server.

Starts a local fake Bot Framework (keys, token endpoint, Connector), the action
server and `rasa run` with the Teams channel trusting the fake, then sends
signed message activities one after another and reports, per activity:

- reply: from sending the POST to the first reply reaching the Connector;
- webhook: from sending the POST to the webhook's 200 (all replies posted).
"""

import argparse
import json
import math
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List

import requests

from scripts.servers import running_bot
from tests.channels.fake_botframework import FakeBotFramework, message_activity

MESSAGES = [
    ("da-DK", "password writeback virker ikke"),
    ("sv-SE", "vilken licens behöver synkade användare för writeback?"),
    ("et-EE", "kas Connect peab PDC emulaatoriga rääkima?"),
    ("sl-SI", "katere naslove moram odpreti na požarnem zidu za writeback?"),
    ("en-US", "which ports does password writeback need?"),
]


def percentile(values: List[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def summary(values: List[float]) -> Dict[str, float]:
    return {
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def send_one(url: str, fake: FakeBotFramework, app_id: str, n: int):
    locale, text = MESSAGES[n % len(MESSAGES)]
    activity = message_activity(text, fake.service_url, locale=locale)
    token = fake.sign(fake.claims(app_id, service_url=activity["serviceUrl"]))
    started = time.monotonic()
    response = requests.post(
        f"{url}/webhooks/teams/webhook",
        json=activity,
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    answered = time.monotonic()
    response.raise_for_status()
    replies = fake.wait_for_replies(activity["conversation"]["id"], 1, timeout=30)
    if not replies:
        raise RuntimeError(f"no reply for activity {n}")
    return replies[0].received_at - started, answered - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=Path("models/writeback.tar.gz"))
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("results/teams/latency.json"))
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="teams-latency-"))
    fake = FakeBotFramework().start()
    app_id = str(uuid.uuid4())
    try:
        with running_bot(
            args.model, tmp, env=fake.env(app_id, uuid.uuid4().hex)
        ) as bot:
            for n in range(args.warmup):  # fetches keys and token, warms the model
                send_one(bot.url, fake, app_id, n)
            reply, webhook = [], []
            for n in range(args.count):
                first_reply, answered = send_one(bot.url, fake, app_id, n)
                reply.append(first_reply)
                webhook.append(answered)
    finally:
        fake.stop()

    result = {
        "activities": args.count,
        "warmup": args.warmup,
        "reply": summary(reply),
        "webhook": summary(webhook),
        "token_requests": len(fake.token_requests),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(
        f"{args.count} signed activities (after {args.warmup} warm-up), sequential:\n"
        f"  POST -> first reply at the Connector: p50 {result['reply']['p50_ms']} ms, "
        f"p95 {result['reply']['p95_ms']} ms, max {result['reply']['max_ms']} ms\n"
        f"  POST -> webhook 200 (all replies sent): p50 {result['webhook']['p50_ms']} ms, "
        f"p95 {result['webhook']['p95_ms']} ms, max {result['webhook']['max_ms']} ms\n"
        f"  Connector token requests: {result['token_requests']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
