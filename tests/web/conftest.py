"""A real bot serving the web chat, an intranet page embedding it, and Chromium."""

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from scripts.servers import free_port, running_bot
from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Headless and quiet: no GPU, no sandbox (CI runs as root), no calls home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VENDOR = ROOT / "web" / "vendor" / "rasa-webchat.js"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"

INTRANET_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head>
<body><main><h1>Intranet</h1><p>Some page of the intranet.</p></main>
<script src="{bot}/webchat/embed.js" async></script>
</body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def webchat(model_path, tmp_path_factory) -> Iterator[dict]:
    """The bot (which serves /webchat/) and an intranet page on another origin.

    The bot only lets its own origin and the intranet page's use the chat.
    """
    if not VENDOR.is_file():
        pytest.skip(f"no {VENDOR} (run make web)")
    tmp = tmp_path_factory.mktemp("webchat")
    site = tmp / "intranet"
    site.mkdir()
    intranet = ThreadingHTTPServer(
        ("127.0.0.1", free_port()),
        functools.partial(QuietHandler, directory=str(site)),
    )
    intranet_url = f"http://127.0.0.1:{intranet.server_port}"
    threading.Thread(target=intranet.serve_forever, daemon=True).start()

    try:
        with running_bot(
            model_path,
            tmp,
            env={"CORS_ORIGIN": intranet_url},
            extra_args=["--cors", intranet_url],  # as `make run CORS_ORIGIN=...` does
        ) as bot:
            (site / "index.html").write_text(
                INTRANET_PAGE.format(bot=bot.url), encoding="utf-8"
            )
            yield {
                "bot": bot.url,
                "page": f"{bot.url}/webchat/",
                "intranet": intranet_url,
            }
    finally:
        intranet.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (make install-browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts with a given locale."""
    contexts = []

    def open_page(locale: str = "en-US"):
        context = browser.new_context(
            locale=locale, viewport={"width": 1024, "height": 768}
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
