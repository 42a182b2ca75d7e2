"""Web chat channel: Rasa's socket.io channel that also serves the chat page.

Configured in credentials.yml as ``channels.webchat.WebChatInput``. It keeps the
socket.io protocol of Rasa's ``socketio`` channel (same events, same path) and adds:

- the page, the embed script and the widget bundle from ``web/`` under ``/webchat/``,
  so the server that ``make run`` starts also serves the chat;
- an origin check on the socket.io endpoint (``cors_allowed_origins``), since browsers
  apply CORS to HTTP polling but not to WebSocket upgrades (the CORS headers
  themselves still come from ``rasa run --cors``);
- a fix for session persistence: Rasa 3.6 calls python-socketio's ``enter_room``
  without ``await``, but in the python-socketio 5 that Rasa 3.6 resolves to today
  (5.18) it is a coroutine, so the browser never joined its session's room and
  never received a reply.
"""

import logging
import os
import uuid
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Union

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.preload import preload_before_fork

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
STATIC_PREFIX = "/webchat"
# rasa-webchat sends the widget's `customData` with every message.
DEFAULT_METADATA_KEY = "customData"


def parse_origins(value: Union[str, List[str], None]) -> Union[str, List[str]]:
    """Normalise an origin setting to ``"*"`` or a list of origins.

    Args:
        value: ``"*"``, one origin, several separated by spaces or commas, or a list.

    Returns:
        ``"*"`` when every origin is allowed, else the list of allowed origins.

    """
    if value is None:
        return "*"
    items = value if isinstance(value, list) else value.replace(",", " ").split()
    origins = [str(item).strip().rstrip("/") for item in items if str(item).strip()]
    if not origins or "*" in origins:
        return "*"
    return origins


def origin_allowed(
    origin: Optional[str], allowed: Union[str, List[str]], own_origin: str
) -> bool:
    """Whether a browser page at ``origin`` may use the chat.

    Args:
        origin: the request's ``Origin`` header (None for non-browser clients).
        allowed: ``"*"`` or the allowed origins.
        own_origin: this server's origin, whose ``/webchat/`` page always works.

    Returns:
        True when the origin is allowed.

    """
    if allowed == "*" or origin is None:
        return True
    origin = origin.rstrip("/")
    return origin == own_origin or origin in allowed


class WebChatBlueprint(SocketBlueprint):
    """Socket.io blueprint that also mounts the static chat page on the app."""

    def __init__(self, web_dir: Path, *args: Any, **kwargs: Any) -> None:
        """Create the blueprint.

        Args:
            web_dir: folder holding ``index.html``, ``embed.js`` and ``vendor/``.
            *args: passed to :class:`SocketBlueprint`.
            **kwargs: passed to :class:`SocketBlueprint`.

        """
        super().__init__(*args, **kwargs)
        self.ctx.web_dir = web_dir

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:
        """Attach socket.io, then serve ``web/`` under ``/webchat/``.

        Channel blueprints get the prefix ``/webhooks/<channel>``; the page is
        mounted on the app so its address stays short for embedding pages.
        """
        super().register(app, options)
        web_dir = self.ctx.web_dir

        async def index(_: Request) -> HTTPResponse:
            return await response.file(str(web_dir / "index.html"))

        async def to_index(_: Request) -> HTTPResponse:
            # Relative links in the page need the trailing slash.
            return response.redirect(f"{STATIC_PREFIX}/")

        app.add_route(
            index, f"{STATIC_PREFIX}/", name="webchat_index", strict_slashes=True
        )
        app.add_route(to_index, STATIC_PREFIX, name="webchat_root", strict_slashes=True)
        app.static(STATIC_PREFIX, str(web_dir), name="webchat_files")


class WebChatInput(SocketIOInput):
    """Rasa's socket.io channel, plus the chat page and an origin check."""

    @classmethod
    def name(cls) -> str:
        """Channel name, also the ``input_channel`` of the messages."""
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "WebChatInput":
        """Build the channel from its credentials.yml section.

        ``cors_allowed_origins`` falls back to the ``CORS_ORIGIN`` environment
        variable (the Makefile's), then to every origin.
        """
        credentials = credentials or {}
        origins = credentials.get("cors_allowed_origins") or os.environ.get(
            "CORS_ORIGIN"
        )
        return cls(
            user_message_evt=credentials.get("user_message_evt", "user_uttered"),
            bot_message_evt=credentials.get("bot_message_evt", "bot_uttered"),
            namespace=credentials.get("namespace"),
            session_persistence=credentials.get("session_persistence", False),
            socketio_path=credentials.get("socketio_path", "/socket.io"),
            jwt_key=credentials.get("jwt_key"),
            jwt_method=credentials.get("jwt_method", "HS256"),
            metadata_key=credentials.get("metadata_key", DEFAULT_METADATA_KEY),
            cors_allowed_origins=parse_origins(origins),
            web_dir=Path(credentials.get("web_dir") or WEB_DIR),
        )

    def __init__(
        self,
        *args: Any,
        cors_allowed_origins: Union[str, List[str]] = "*",
        web_dir: Path = WEB_DIR,
        **kwargs: Any,
    ) -> None:
        """Create the channel.

        Args:
            *args: as for :class:`SocketIOInput`.
            cors_allowed_origins: ``"*"`` or the origins allowed to connect.
            web_dir: folder served under ``/webchat/``.
            **kwargs: as for :class:`SocketIOInput`.

        """
        super().__init__(*args, **kwargs)
        self.cors_allowed_origins = cors_allowed_origins
        self.web_dir = web_dir

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's socket.io blueprint with the page, the origin check and the fix."""
        base = super().blueprint(on_new_message)
        sio = base.ctx.sio
        allowed = self.cors_allowed_origins

        def check_origin(origin: Optional[str], environ: Dict) -> bool:
            scheme = environ.get("wsgi.url_scheme", "http")
            own = f"{scheme}://{environ.get('HTTP_HOST', '')}"
            return origin_allowed(origin, allowed, own)

        # Rasa passes [] (no origin check at all); the engine reads this per request.
        sio.eio.cors_allowed_origins = check_origin
        # CORS headers stay with Sanic-Cors (`rasa run --cors`), as in Rasa: a second
        # Access-Control-Allow-Origin from the engine would make browsers refuse both.
        sio.eio._cors_headers = lambda environ: []

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Optional[Dict]) -> None:
            data = data or {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit(
                "session_confirm",
                data["session_id"],
                room=sid,
                namespace=self.namespace,
            )
            logger.debug(f"Socket {sid} joined session {data['session_id']}.")

        blueprint = WebChatBlueprint(
            self.web_dir, sio, self.socketio_path, "webchat_webhook", __name__
        )

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        return preload_before_fork(blueprint)
