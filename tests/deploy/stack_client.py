"""Talk to the production stack through nginx and read what nginx saw (test helper)."""

import re
import subprocess
import uuid
from dataclasses import dataclass
from typing import Dict, List, Optional

import requests

from scripts import prod_stack
from scripts.replies import identify


@dataclass
class Turn:
    """One message through the load balancer."""

    status: int
    upstreams: List[int]  # replica ports nginx tried, in order
    replies: List[str]
    headers: Dict[str, str]

    @property
    def locales(self) -> set:
        return {identify(text)[1] for text in self.replies if identify(text)}

    @property
    def responses(self) -> List[str]:
        return [identify(text)[0] for text in self.replies if identify(text)]


def new_sender() -> str:
    return uuid.uuid4().hex


def send(stack: dict, sender: str, text: str, metadata: Optional[dict] = None) -> Turn:
    body = {"sender": sender, "message": text}
    if metadata:
        body["metadata"] = metadata
    response = requests.post(
        f"{stack['url']}/webhooks/rest/webhook", json=body, timeout=120
    )
    # nginx lists every replica it tried: "127.0.0.1:5006, 127.0.0.1:5007".
    upstreams = [int(p) for p in re.findall(r":(\d+)", response.headers["X-Upstream"])]
    replies = (
        [m.get("text", "") for m in response.json()]
        if response.status_code == 200
        else []
    )
    return Turn(response.status_code, upstreams, replies, dict(response.headers))


def tracker(stack: dict, sender: str) -> dict:
    """The conversation as the replicas' tracker API (PostgreSQL) holds it."""
    response = requests.get(
        f"{stack['url']}/conversations/{sender}/tracker",
        params={"token": stack["token"]},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()


def user_texts(tracker_json: dict) -> List[str]:
    return [e.get("text") for e in tracker_json["events"] if e["event"] == "user"]


def busy_replicas(stack: dict) -> List[int]:
    """Replica ports that have a request open right now (an established socket)."""
    out = subprocess.run(
        ["ss", "-Htn", "state", "established"], capture_output=True, text=True
    ).stdout
    local_ports = {int(line.split()[2].rsplit(":", 1)[1]) for line in out.splitlines()}
    return [r["port"] for r in stack["rasa"] if r["port"] in local_ports]


def postgres(stack: dict, command: str) -> None:
    """Stop, start or restart the stack's PostgreSQL as the stack script does."""
    pg = stack["postgres"]
    prod_stack.pg_ctl(stack["state"], pg["bin"], pg["port"], pg["os_user"], command)
