"""Microsoft Teams channel: Rasa's Bot Framework channel with its gaps closed.

Served at `/webhooks/teams/webhook`. Compared with Rasa 3.6's `botframework`
channel it validates the Connector's tokens fully, passes Teams' locale and
clientInfo on as message metadata, replies with aiohttp (Rasa's channel calls
`requests` inside the event loop) in the right conversation and thread, reuses
the Connector token until it expires, and welcomes people when the bot is added.

Credentials come from the environment only (see README); without
`TEAMS_APP_ID` and `TEAMS_APP_PASSWORD` the channel is off and its webhook
answers 503, while every other channel runs.
"""

import logging
import os
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional

import aiohttp
from rasa.core.channels.botframework import BotFramework, BotFrameworkInput
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.botframework import activity as activities
from channels.botframework.auth import (
    OpenIdKeys,
    TokenRejected,
    bearer_token,
    key_id,
    validate_token,
)
from channels.botframework.connector import ConnectorError, ConnectorTokens, post_reply
from channels.preload import preload_before_fork
from stores import outage

logger = logging.getLogger(__name__)

OPENID_METADATA_URL = (
    "https://login.botframework.com/v1/.well-known/openidconfiguration"
)
TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
# Multi-tenant bots get their Connector tokens from the botframework.com tenant.
DEFAULT_TENANT = "botframework.com"
DEFAULT_TOKEN_URL = TOKEN_URL.format(tenant=DEFAULT_TENANT)
# Seconds the Connector should wait before resending a turn the store lost.
RETRY_AFTER_SECONDS = 5


class TeamsOutput(BotFramework):
    """Sends Rasa's responses as replies to one Teams activity."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, which is also its URL prefix."""
        return "teams"

    def __init__(
        self,
        activity: Dict[str, Any],
        session: aiohttp.ClientSession,
        tokens: ConnectorTokens,
    ) -> None:
        """Create the output channel for replies to `activity`.

        Replies are held until the turn is over and then delivered, so a turn
        whose conversation store failed posts nothing built on an empty
        conversation (see `stores.outage`).
        """
        self.held: List[Dict[str, Any]] = []
        self.activity = activity
        self.session = session
        self.tokens = tokens
        # Kept for code that expects Rasa's BotFramework attributes.
        self.app_id = tokens.app_id
        self.conversation = activity.get("conversation") or {}
        self.bot = activity.get("recipient")

    def prepare_message(
        self, recipient_id: str, message_data: Dict[str, Any]
    ) -> Dict[str, Any]:
        """Build the reply activity for some content."""
        return activities.reply_activity(self.activity, message_data)

    async def send(self, message_data: Dict[str, Any]) -> None:
        """Hold one reply activity until the turn is over."""
        self.held.append(message_data)

    async def deliver(self) -> None:
        """Post the held replies to the Connector, in order."""
        replies, self.held = self.held, []
        for message_data in replies:
            await self._post(message_data)

    async def _post(self, message_data: Dict[str, Any]) -> None:
        try:
            await post_reply(
                self.session,
                self.tokens,
                self.activity["serviceUrl"],
                self.conversation["id"],
                self.activity.get("id") or "",
                message_data,
            )
        except (ConnectorError, aiohttp.ClientError) as error:
            logger.error("Could not send a reply to Teams: %s", error)

    async def send_text_message(
        self, recipient_id: str, text: str, **kwargs: Any
    ) -> None:
        """Send one response as one Teams message (Teams renders its paragraphs)."""
        await self.send(self.prepare_message(recipient_id, {"text": text.strip()}))

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        """Send text with a hero card whose buttons post their payload back."""
        card = {
            "contentType": "application/vnd.microsoft.card.hero",
            "content": {"buttons": activities.card_actions(buttons)},
        }
        message = {"text": text.strip(), "attachments": [card]}
        await self.send(self.prepare_message(recipient_id, message))

    async def send_elements(
        self, recipient_id: str, elements: Iterable[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send each element as its own reply."""
        for element in elements:
            await self.send(self.prepare_message(recipient_id, element))

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """Send a custom payload as the content of a reply."""
        await self.send(self.prepare_message(recipient_id, json_message))


class TeamsInput(BotFrameworkInput):
    """Receives Bot Framework activities from Microsoft Teams."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, which is also its URL prefix."""
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Build the channel from the environment.

        `credentials.yml` only names the channel: secrets stay out of files.
        """
        tenant = os.environ.get("TEAMS_TENANT_ID") or DEFAULT_TENANT
        return cls(
            app_id=os.environ.get("TEAMS_APP_ID", ""),
            app_password=os.environ.get("TEAMS_APP_PASSWORD", ""),
            openid_metadata_url=os.environ.get("TEAMS_OPENID_METADATA_URL")
            or OPENID_METADATA_URL,
            token_url=os.environ.get("TEAMS_TOKEN_URL")
            or TOKEN_URL.format(tenant=tenant),
        )

    def __init__(
        self,
        app_id: str,
        app_password: str,
        openid_metadata_url: str = OPENID_METADATA_URL,
        token_url: str = DEFAULT_TOKEN_URL,
    ) -> None:
        """Create the channel; nothing is fetched until the first request.

        Rasa's constructor fetches the signing keys with a blocking call at
        start-up, so it is not called.

        Args:
            app_id: the bot's Microsoft app id; empty turns the channel off.
            app_password: the app's client secret; empty turns the channel off.
            openid_metadata_url: where the Connector publishes its signing keys.
            token_url: where the bot gets its Connector tokens.

        """
        self.app_id = app_id
        self.app_password = app_password
        self.enabled = bool(app_id and app_password)
        self._session: Optional[aiohttp.ClientSession] = None
        self.keys = OpenIdKeys(openid_metadata_url, self.session)
        self.tokens = ConnectorTokens(app_id, app_password, token_url, self.session)
        if not self.enabled:
            logger.info(
                "Teams channel off: set TEAMS_APP_ID and TEAMS_APP_PASSWORD to turn it on."
            )

    def session(self) -> aiohttp.ClientSession:
        """The channel's HTTP session, created inside the server's event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def authenticate(
        self, authorization: Optional[str], activity: Dict[str, Any]
    ) -> Dict[str, Any]:
        """Validate the request's token against the activity.

        Raises:
            TokenRejected: when the request did not come from the Connector.

        """
        token = bearer_token(authorization)
        key = await self.keys.get(key_id(token))
        return validate_token(
            token,
            key,
            app_id=self.app_id,
            service_url=activity.get("serviceUrl"),
            channel_id=activity.get("channelId"),
        )

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        """Metadata for Rasa from the activity in the request."""
        body = request.json
        return activities.activity_metadata(body) if isinstance(body, dict) else None

    async def handle(
        self,
        activity: Dict[str, Any],
        metadata: Optional[Dict[str, Any]],
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> bool:
        """Pass messages and welcomes on to Rasa; ignore other activities.

        Returns:
            False when the conversation store failed during the turn: then
            nothing was posted, and the Connector should send the activity again.

        """
        if activity.get("type") == "message":
            text = activities.message_text(activity)
        elif activities.bot_was_added(activity):
            text = activities.WELCOME_TEXT
        else:
            logger.debug("Ignoring Teams activity of type %s", activity.get("type"))
            return True
        if not text or not activities.conversation_id(activity):
            return True
        output = TeamsOutput(activity, self.session(), self.tokens)
        with outage.watch() as failures:
            await on_new_message(
                UserMessage(
                    text=text,
                    output_channel=output,
                    # One tracker per conversation (a channel thread is one), not
                    # per user: someone's personal chat and team threads stay apart.
                    sender_id=activities.conversation_id(activity),
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )
        if failures:
            logger.error("Conversation store unavailable: %s", failures[0])
            return False
        await output.deliver()
        return True

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The Sanic routes for `/webhooks/teams/`."""
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.enabled else "off"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.text(
                    "Teams channel not configured.",
                    status=HTTPStatus.SERVICE_UNAVAILABLE,
                )
            try:
                activity = request.json
            except Exception:  # Sanic raises its own error for a bad body.
                activity = None
            if not isinstance(activity, dict):
                activity = {}
            try:
                await self.authenticate(request.headers.get("Authorization"), activity)
            except TokenRejected as error:
                logger.warning("Refused a Teams request: %s", error)
                return response.text("Unauthorized.", status=HTTPStatus.UNAUTHORIZED)
            if not await self.handle(
                activity, self.get_metadata(request), on_new_message
            ):
                return response.text(
                    "Conversation store unavailable.",
                    status=HTTPStatus.SERVICE_UNAVAILABLE,
                    headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
                )
            return response.empty(status=HTTPStatus.OK)

        @teams_webhook.listener("after_server_stop")
        async def close_session(*_: Any) -> None:
            if self._session is not None:
                await self._session.close()

        return preload_before_fork(teams_webhook)
