"""A real Rasa server with the Teams channel, trusting a local fake Bot Framework."""

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from scripts.servers import start_actions, start_rasa, wait_for_http
from tests.channels.fake_botframework import FakeBotFramework


@dataclass
class TeamsBot:
    url: str
    app_id: str
    app_password: str
    fake: FakeBotFramework
    tracker_db: Path


@pytest.fixture(scope="session")
def teams_bot(model_path, tmp_path_factory) -> Iterator[TeamsBot]:
    tmp = tmp_path_factory.mktemp("teams")
    fake = FakeBotFramework().start()
    app_id, app_password = str(uuid.uuid4()), uuid.uuid4().hex
    actions_port, actions = start_actions(tmp)
    port, rasa = start_rasa(
        model_path,
        f"http://127.0.0.1:{actions_port}/webhook",
        tmp,
        "rasa-teams.log",
        env=fake.env(app_id, app_password),
    )
    try:
        wait_for_http(f"http://127.0.0.1:{actions_port}/health", actions)
        wait_for_http(f"http://127.0.0.1:{port}/status", rasa)
        yield TeamsBot(
            f"http://127.0.0.1:{port}", app_id, app_password, fake, tmp / f"{port}.db"
        )
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            process.wait(timeout=30)
        fake.stop()
