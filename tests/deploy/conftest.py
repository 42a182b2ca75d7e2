"""Start the production stack once per session, exactly as `make run-prod` does."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from scripts.servers import free_port
from tests.conftest import ROOT

STARTUP_SECONDS = 420
# Short, so the replayed turn after a killed replica waits little (Rasa's default: 60).
LOCK_LIFETIME = 10


@pytest.fixture(scope="session")
def stack(model_path) -> Iterator[dict]:
    """The running stack's description (stack.json) plus its state folder."""
    # Under /tmp with 0755: PostgreSQL's own user must reach its data folder.
    state = Path(tempfile.mkdtemp(prefix="writeback-prod-"))
    state.chmod(0o755)
    rasa_ports = f"{free_port()},{free_port()}"
    actions_ports = f"{free_port()},{free_port()}"
    variables = {
        "MODEL": str(model_path),
        "PROD_STATE": str(state),
        "PROD_PORT": free_port(),
        "PROD_RASA_PORTS": rasa_ports,
        "PROD_ACTIONS_PORTS": actions_ports,
        "PROD_ACTIONS_LB_PORT": free_port(),
        "PG_PORT": free_port(),
        "REDIS_PORT": free_port(),
        "TICKET_LOCK_LIFETIME": LOCK_LIFETIME,
    }
    log = open(state / "make-run-prod.log", "wb")
    started = time.monotonic()
    # The session already has the venv and the model: do not let make rebuild them.
    make = subprocess.Popen(
        ["make", "-o", ".venv/.installed", "-o", str(model_path), "run-prod"]
        + [f"{k}={v}" for k, v in variables.items()],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    description_file = state / "stack.json"
    description = None
    try:
        while not description_file.exists():
            if make.poll() is not None:
                raise RuntimeError(
                    "make run-prod exited:\n"
                    + (state / "make-run-prod.log").read_text()[-3000:]
                )
            if time.monotonic() - started > STARTUP_SECONDS:
                raise TimeoutError("the stack did not start")
            time.sleep(1)
        description = json.loads(description_file.read_text())
        description["state"] = state
        description["started_seconds"] = time.monotonic() - started
        description["token"] = Path(description["auth_token_file"]).read_text()
        yield description
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=120)
        wait_for_group_to_exit(make.pid, timeout=120)  # the stack stops its services
        log.close()
        shutil.rmtree(state, ignore_errors=True)
    if description is not None:
        services = description["rasa"] + description["actions"]
        left = [s["pid"] for s in services if alive(s["pid"])]
        assert not left, f"the stack left these services running: {left}"


def alive(pid: int) -> bool:
    """Whether a process with this id still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_group_to_exit(group: int, timeout: float) -> None:
    """Wait until no process of the group is left (make exits before the stack)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.5)
    raise TimeoutError(f"processes of group {group} still running after {timeout} s")
