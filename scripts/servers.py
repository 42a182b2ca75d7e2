"""Start the project's own servers from the virtualenv, for tests and measurements.

The server tests, the channel and web tests, `make bench`, `make teams-latency`
and `make rest-locale-eval` all start the same Rasa and action servers, on free
local ports.
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional, Sequence, Tuple

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 300


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen) -> None:
    """Wait until GET `url` answers 200, or fail if `process` exits first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise TimeoutError(url)


def start_actions(
    folder: Path, env: Optional[Dict[str, str]] = None
) -> Tuple[int, subprocess.Popen]:
    """Start the action server; its log goes to `folder`/actions.log."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions"]
        + ["--port", str(port)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=open(folder / "actions.log", "w"),
        stderr=subprocess.STDOUT,
    )
    return port, process


def start_rasa(
    model: Path,
    actions_url: str,
    folder: Path,
    log_name: str,
    env: Optional[Dict[str, str]] = None,
    extra_args: Sequence[str] = (),
) -> Tuple[int, subprocess.Popen]:
    """Start a Rasa server with the project's endpoints and channels.

    Its SQLite tracker store and its log (`log_name`) go to `folder`.
    """
    port = free_port()
    env = {
        **os.environ,
        "ACTION_ENDPOINT_URL": actions_url,
        "TRACKER_DB": str(folder / f"{port}.db"),
        **(env or {}),
    }
    process = subprocess.Popen(
        [str(BIN / "rasa"), "run", "--model", str(model)]
        + ["--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
        + ["--port", str(port), "--enable-api", *extra_args],
        cwd=ROOT,
        env=env,
        stdout=open(folder / log_name, "w"),
        stderr=subprocess.STDOUT,
    )
    return port, process


@dataclass(frozen=True)
class RunningBot:
    """A Rasa server and its action server, both answering."""

    url: str  # the Rasa server's base URL
    tracker_db: Path  # its SQLite tracker store


@contextmanager
def running_bot(
    model: Path,
    folder: Path,
    log_name: str = "rasa.log",
    env: Optional[Dict[str, str]] = None,
    extra_args: Sequence[str] = (),
) -> Iterator[RunningBot]:
    """Start an action server and a Rasa server that uses it; stop both after.

    `env` and `extra_args` go to the Rasa server (see `start_rasa`).
    """
    actions_port, actions = start_actions(folder)
    port, rasa = start_rasa(
        model,
        f"http://127.0.0.1:{actions_port}/webhook",
        folder,
        log_name,
        env=env,
        extra_args=extra_args,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{actions_port}/health", actions)
        wait_for_http(f"http://127.0.0.1:{port}/status", rasa)
        yield RunningBot(f"http://127.0.0.1:{port}", folder / f"{port}.db")
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            process.wait(timeout=30)
