"""Hand a case to the helpdesk: POST to a webhook, or append to a local outbox.

`HELPDESK_WEBHOOK_URL` is an incoming webhook of the helpdesk (a Microsoft
Teams channel, a Jira Automation rule, a ServiceNow scripted REST endpoint).
Without it, or when the POST fails, the case goes to the outbox file
(`HELPDESK_OUTBOX`, JSON lines) so no handover is lost and the conversation
goes on either way.
"""

import asyncio
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

import aiohttp

logger = logging.getLogger(__name__)

DEFAULT_OUTBOX = "outbox/handoffs.jsonl"
DEFAULT_TIMEOUT_SECONDS = 5.0
# "json": the whole case; "teams": only {"text": ...}, what a Teams incoming
# webhook renders as a message.
FORMATS = ("json", "teams")


@dataclass(frozen=True)
class HelpdeskConfig:
    """Where handovers go; read from the environment when they are sent."""

    webhook_url: Optional[str] = None
    payload_format: str = "json"
    outbox: Path = Path(DEFAULT_OUTBOX)
    timeout: float = DEFAULT_TIMEOUT_SECONDS

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "HelpdeskConfig":
        """Build the configuration from `HELPDESK_*` variables.

        Args:
            env: The environment to read.

        Returns:
            The configuration; unknown formats fall back to "json".

        """
        payload_format = env.get("HELPDESK_WEBHOOK_FORMAT", "json").strip().lower()
        return cls(
            webhook_url=env.get("HELPDESK_WEBHOOK_URL", "").strip() or None,
            payload_format=payload_format if payload_format in FORMATS else "json",
            outbox=Path(env.get("HELPDESK_OUTBOX", "").strip() or DEFAULT_OUTBOX),
            timeout=float(
                env.get("HELPDESK_WEBHOOK_TIMEOUT", "") or DEFAULT_TIMEOUT_SECONDS
            ),
        )


@dataclass(frozen=True)
class Case:
    """A case handed over to a human: the summary as the user saw it."""

    conversation_id: str
    locale: str
    lines: List[str]
    created_at: str = field(
        default_factory=lambda: datetime.now(timezone.utc).isoformat()
    )

    @property
    def text(self) -> str:
        """The summary as one text, one line per summary line."""
        return "\n".join(self.lines)


def payload(case: Case, payload_format: str = "json") -> Dict[str, Any]:
    """Return the JSON body to POST for `case`.

    Args:
        case: The case to send.
        payload_format: "teams" for a Teams incoming webhook, else "json".

    Returns:
        `{"text": ...}` for Teams (blank lines, since Teams joins single
        line breaks); otherwise the text plus the case's fields.

    """
    if payload_format == "teams":
        return {"text": "\n\n".join(case.lines)}
    return {"text": case.text, **asdict(case)}


def write_outbox(case: Case, outbox: Path) -> None:
    """Append `case` as one JSON line to the outbox file."""
    outbox.parent.mkdir(parents=True, exist_ok=True)
    with outbox.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(payload(case), ensure_ascii=False) + "\n")


async def post(case: Case, config: HelpdeskConfig) -> None:
    """POST `case` to the webhook; raises on network errors and non-2xx."""
    if not config.webhook_url:
        raise ValueError("no helpdesk webhook URL configured")
    timeout = aiohttp.ClientTimeout(total=config.timeout)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(
            config.webhook_url, json=payload(case, config.payload_format)
        ) as response:
            response.raise_for_status()


async def deliver(case: Case, config: Optional[HelpdeskConfig] = None) -> str:
    """Send `case` to the webhook if one is set, else (or on failure) to the outbox.

    Args:
        case: The case to hand over.
        config: Where to send it; from the environment when None.

    Returns:
        "webhook" when the POST succeeded, "outbox" when the case was written
        to the outbox file instead.

    """
    config = config or HelpdeskConfig.from_env()
    if config.webhook_url:
        try:
            await post(case, config)
            return "webhook"
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning(
                "Helpdesk webhook failed (%s); writing the case to %s",
                error,
                config.outbox,
            )
    write_outbox(case, config.outbox)
    return "outbox"
