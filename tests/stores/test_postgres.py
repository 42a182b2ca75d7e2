"""The tracker store's additions, on an SQLite file (PostgreSQL: tests/deploy)."""

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from sqlalchemy.exc import SQLAlchemyError

from stores import outage
from stores.postgres import PostgresTrackerStore


@pytest.fixture
def store(tmp_path):
    return PostgresTrackerStore(
        domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db")
    )


def test_pooled_connections_are_pinged_before_use(store):
    assert store.engine.pool._pre_ping is True
    assert store.sessionmaker.kw["bind"] is store.engine


def test_a_database_error_is_reported_to_the_turn_and_raised(store):
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE events")
    with outage.watch() as failures:
        with pytest.raises(SQLAlchemyError):
            asyncio.run(store.retrieve("someone"))
    assert len(failures) == 1 and isinstance(failures[0], SQLAlchemyError)
