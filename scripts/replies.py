"""Tell which locale and which response a bot reply came from, and send over REST.

Used by the server, channel and web tests and by `make rest-locale-eval`.
"""

import re
import uuid
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent

Variation = Tuple[str, str, "re.Pattern[str]"]  # response, locale, text pattern


def _variations() -> List[Variation]:
    found = []
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses = (
            yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}
        )
        for name, variations in responses.items():
            for v in variations:
                locale = v["condition"][0]["value"] if "condition" in v else "en"
                parts = re.split(r"\{\w+\}", v["text"])
                pattern = re.compile(
                    "(?s)" + ".*?".join(re.escape(p) for p in parts) + "$"
                )
                found.append((name, locale, pattern))
    return found


VARIATIONS = _variations()


def identify(text: str) -> Optional[Tuple[str, str]]:
    """Return (response name, locale) of a bot reply, or None if unknown."""
    for name, locale, pattern in VARIATIONS:
        if pattern.match(text):
            return name, locale
    return None


def send(
    base_url: str,
    text: str,
    sender: Optional[str] = None,
    metadata: Optional[Dict] = None,
):
    """Send one message over the REST channel; return the sender id and replies."""
    sender = sender or uuid.uuid4().hex
    body = {"sender": sender, "message": text}
    if metadata is not None:
        body["metadata"] = metadata
    response = requests.post(f"{base_url}/webhooks/rest/webhook", json=body, timeout=60)
    response.raise_for_status()
    return sender, [m.get("text", "") for m in response.json()]
