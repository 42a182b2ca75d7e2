import asyncio

import pytest
from sanic import Blueprint

from channels import preload
from channels.rest import RestInput
from channels.teams import TeamsInput
from channels.webchat import WebChatInput
from components.locale import detection


def main_process_listeners(blueprint: Blueprint):
    return [
        future.listener
        for future in blueprint._future_listeners
        if future.event == preload.MAIN_PROCESS_START
    ]


async def on_new_message(message):
    return None


@pytest.mark.parametrize(
    "channel",
    [RestInput(), TeamsInput.from_credentials({}), WebChatInput.from_credentials({})],
    ids=["rest", "teams", "webchat"],
)
def test_every_channel_preloads_the_models_in_the_main_process(channel):
    blueprint = channel.blueprint(on_new_message)
    assert main_process_listeners(blueprint) == [preload.load_shared_models]


def test_the_listener_loads_lingua():
    detection._detector.cache_clear()
    asyncio.run(preload.load_shared_models(None, None))
    assert detection._detector.cache_info().currsize == 1
