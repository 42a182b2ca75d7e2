"""A real Rasa server with the Teams channel, trusting a local fake Bot Framework."""

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from scripts.servers import running_bot
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
    try:
        with running_bot(
            model_path, tmp, "rasa-teams.log", env=fake.env(app_id, app_password)
        ) as bot:
            yield TeamsBot(bot.url, app_id, app_password, fake, bot.tracker_db)
    finally:
        fake.stop()
