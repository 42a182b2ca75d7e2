"""Start the real action server and Rasa server (REST channel) for these tests."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from scripts.servers import free_port, start_actions, start_rasa, wait_for_http

# The Teams channel listed in credentials.yml stays off without its credentials.
TEAMS_OFF = {"TEAMS_APP_ID": "", "TEAMS_APP_PASSWORD": ""}


@pytest.fixture(scope="session")
def helpdesk() -> Iterator[dict]:
    """A real local HTTP server standing in for the helpdesk's incoming webhook."""
    received = []

    class Inbox(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length") or 0)
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Inbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/hook", "received": received}
    server.shutdown()


@pytest.fixture(scope="session")
def servers(model_path, tmp_path_factory, helpdesk) -> Iterator[dict]:
    """A bot with a live action server, and a second one whose action server is dead."""
    tmp = tmp_path_factory.mktemp("servers")
    actions_port, actions = start_actions(
        tmp,
        env={
            "HELPDESK_WEBHOOK_URL": helpdesk["url"],
            "HELPDESK_OUTBOX": str(tmp / "outbox.jsonl"),
        },
    )
    live_port, live = start_rasa(
        model_path,
        f"http://127.0.0.1:{actions_port}/webhook",
        tmp,
        "rasa.log",
        env=TEAMS_OFF,
    )
    dead_port, dead = start_rasa(
        model_path, f"http://127.0.0.1:{free_port()}/webhook", tmp, "rasa-dead.log"
    )
    try:
        wait_for_http(f"http://127.0.0.1:{actions_port}/health", actions)
        wait_for_http(f"http://127.0.0.1:{live_port}/status", live)
        wait_for_http(f"http://127.0.0.1:{dead_port}/status", dead)
        yield {
            "live": f"http://127.0.0.1:{live_port}",
            "dead": f"http://127.0.0.1:{dead_port}",
        }
    finally:
        for process in (live, dead, actions):
            process.terminate()
        for process in (live, dead, actions):
            process.wait(timeout=30)
