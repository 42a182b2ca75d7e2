"""The web chat channel: origin rules, credentials, and its routes on a Sanic app."""

import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from channels.webchat import WEB_DIR, WebChatInput, origin_allowed, parse_origins

INTRANET = "https://intranet.example.com"


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, "*"),
        ("*", "*"),
        ("", "*"),
        (INTRANET, [INTRANET]),
        (
            f"{INTRANET}/ https://wiki.example.com",
            [INTRANET, "https://wiki.example.com"],
        ),
        (
            f"{INTRANET},https://wiki.example.com",
            [INTRANET, "https://wiki.example.com"],
        ),
        ([INTRANET, "*"], "*"),
    ],
)
def test_parse_origins(value, expected):
    assert parse_origins(value) == expected


@pytest.mark.parametrize(
    "origin, allowed, expected",
    [
        ("http://elsewhere.test", "*", True),
        (INTRANET, [INTRANET], True),
        (f"{INTRANET}/", [INTRANET], True),
        ("http://bot:5005", [INTRANET], True),  # the bot's own /webchat/ page
        ("http://elsewhere.test", [INTRANET], False),
        ("https://intranet.example.com.evil.test", [INTRANET], False),
        (None, [INTRANET], True),  # not a browser: no CORS to speak of
    ],
)
def test_origin_allowed(origin, allowed, expected):
    assert origin_allowed(origin, allowed, own_origin="http://bot:5005") is expected


def test_credentials_fall_back_to_the_makefile_origin(monkeypatch):
    monkeypatch.setenv("CORS_ORIGIN", INTRANET)
    channel = WebChatInput.from_credentials({"session_persistence": True})
    assert channel.cors_allowed_origins == [INTRANET]
    assert channel.metadata_key == "customData"
    assert channel.session_persistence is True
    assert channel.web_dir == WEB_DIR
    explicit = WebChatInput.from_credentials({"cors_allowed_origins": "*"})
    assert explicit.cors_allowed_origins == "*"


def test_the_blueprint_serves_the_page_and_socket_io(tmp_path):
    (tmp_path / "index.html").write_text("<p>chat</p>")
    (tmp_path / "embed.js").write_text("// embed")
    channel = WebChatInput(
        session_persistence=True, cors_allowed_origins=[INTRANET], web_dir=tmp_path
    )

    async def on_new_message(message: UserMessage) -> None:
        pass

    app = Sanic("webchat_test")
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/webchat")
    routes = {route.path for route in app.router.routes}
    assert "webchat/" in routes
    assert "webchat" in routes
    assert any(path.startswith("webchat/<") for path in routes)  # static files
    assert "socket.io" in routes
    assert "webhooks/webchat" in routes  # health
    check = channel.sio.eio.cors_allowed_origins
    environ = {"wsgi.url_scheme": "http", "HTTP_HOST": "bot:5005"}
    assert check(INTRANET, environ) is True
    assert check("http://bot:5005", environ) is True
    assert check("http://elsewhere.test", environ) is False
    # Headers come from Sanic-Cors only; two Allow-Origin headers break browsers.
    assert channel.sio.eio._cors_headers({"HTTP_ORIGIN": INTRANET}) == []
