"""Real aiohttp servers on free local ports, for tests that need an HTTP peer."""

from contextlib import asynccontextmanager
from typing import AsyncIterator

from aiohttp import web


@asynccontextmanager
async def serve_locally(app: web.Application) -> AsyncIterator[int]:
    """Serve `app` on 127.0.0.1 for the block; yield its port."""
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield runner.addresses[0][1]
    finally:
        await runner.cleanup()
