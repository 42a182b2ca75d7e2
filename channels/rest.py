"""Rasa's REST channel, with an HTTP error for a turn that was not stored.

Rasa's own REST channel answers 200 with whatever was collected, even when the
turn failed. Here a turn whose conversation store failed is a 503 with a
Retry-After header (the client sends the message again), and any other failure
is a 500: neither looks like a bot that chose to say nothing. Streaming
(`?stream=true`) is not offered.
"""

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels import rest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.preload import preload_before_fork
from stores import outage

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class RestInput(rest.RestInput):
    """`POST /webhooks/rest/webhook` as in Rasa, with honest error statuses."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Routes: the health check and the (non-streaming) message webhook."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            collector = CollectingOutputChannel()
            message = UserMessage(
                self._extract_message(request),
                collector,
                await self._extract_sender(request),
                input_channel=self._extract_input_channel(request),
                metadata=self.get_metadata(request),
            )
            with outage.watch() as failures:
                try:
                    await on_new_message(message)
                except Exception:
                    logger.exception("The turn failed.")
                    return response.json({"error": "turn_failed"}, status=500)
            if failures:
                logger.error("Conversation store unavailable: %s", failures[0])
                return response.json(
                    {"error": "conversation_store_unavailable", "retry": True},
                    status=503,
                    headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
                )
            return response.json(collector.messages)

        return preload_before_fork(webhook)
