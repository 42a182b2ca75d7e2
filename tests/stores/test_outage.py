import asyncio

from stores import outage


def test_errors_are_collected_only_while_watched():
    outage.record(ValueError("before"))  # nobody watching: dropped
    with outage.watch() as failures:
        outage.record(ValueError("during"))
    outage.record(ValueError("after"))
    assert [str(e) for e in failures] == ["during"]


def test_errors_recorded_in_awaited_code_reach_the_watcher():
    async def store_call():
        await asyncio.sleep(0)
        outage.record(ConnectionError("down"))

    async def turn():
        with outage.watch() as failures:
            await store_call()
        return failures

    assert [type(e) for e in asyncio.run(turn())] == [ConnectionError]
