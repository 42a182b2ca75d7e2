"""Start the real action server and Rasa server (REST channel) for these tests."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, Optional

import pytest
import requests

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
STARTUP_SECONDS = 180
# The Teams channel listed in credentials.yml stays off without its credentials.
TEAMS_OFF = {"TEAMS_APP_ID": "", "TEAMS_APP_PASSWORD": ""}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            time.sleep(1)
    raise TimeoutError(url)


def start_actions(tmp: Path, env: Optional[Dict[str, str]] = None):
    port = free_port()
    process = subprocess.Popen(
        [
            str(BIN / "rasa"),
            "run",
            "actions",
            "--actions",
            "actions",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=open(tmp / "actions.log", "w"),
        stderr=subprocess.STDOUT,
    )
    return port, process


def start_rasa(
    model: Path,
    actions_url: str,
    tmp: Path,
    log_name: str,
    env: Optional[Dict[str, str]] = None,
    extra_args=(),
):
    port = free_port()
    env = {
        **os.environ,
        "ACTION_ENDPOINT_URL": actions_url,
        "TRACKER_DB": str(tmp / f"{port}.db"),
        **(env or {}),
    }
    log = open(tmp / log_name, "w")
    process = subprocess.Popen(
        [
            str(BIN / "rasa"),
            "run",
            "--model",
            str(model),
            "--endpoints",
            "endpoints.yml",
            "--credentials",
            "credentials.yml",
            "--port",
            str(port),
            "--enable-api",
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return port, process


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
        wait_for(f"http://127.0.0.1:{actions_port}/health", actions)
        wait_for(f"http://127.0.0.1:{live_port}/status", live)
        wait_for(f"http://127.0.0.1:{dead_port}/status", dead)
        yield {
            "live": f"http://127.0.0.1:{live_port}",
            "dead": f"http://127.0.0.1:{dead_port}",
        }
    finally:
        for process in (live, dead, actions):
            process.terminate()
        for process in (live, dead, actions):
            process.wait(timeout=30)
