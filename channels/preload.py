"""Load the language models in Sanic's main process, before it forks workers.

Sanic starts `SANIC_WORKERS` workers by forking its main process, and Rasa
loads the model in each worker. Lingua's language models (about 430 MB,
never written once loaded) would be loaded again in every worker; loaded
before the fork, their pages are shared by all of them. Our channels add this
listener to their blueprints because, of our code, only the channels are set
up in the main process. Without a channel of ours (`rasa shell`, tests) the
locale detector loads the models itself when the model loads.
"""

from asyncio import AbstractEventLoop

from sanic import Blueprint, Sanic

from components.locale.detection import warm_up

MAIN_PROCESS_START = "main_process_start"


async def load_shared_models(app: Sanic, loop: AbstractEventLoop) -> None:
    """Load what every worker uses and nothing writes to (idempotent)."""
    warm_up()


def preload_before_fork(blueprint: Blueprint) -> Blueprint:
    """Have the main process load the shared models before the workers start."""
    blueprint.listener(MAIN_PROCESS_START)(load_shared_models)
    return blueprint
