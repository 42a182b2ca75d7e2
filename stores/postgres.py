"""Rasa's SQL tracker store, made to survive a PostgreSQL restart.

Two changes to `rasa.core.tracker_store.SQLTrackerStore`, both measured on
Rasa 3.6.21 with a PostgreSQL restart between two turns:

- Rasa creates its engine without `pool_pre_ping`, so after a restart each
  replica's first turn meets a dead pooled connection and is answered as if the
  conversation were new (language and slots gone). Pre-ping swaps dead
  connections for fresh ones before use.
- Store errors are recorded for the channel (`stores.outage`), because Rasa's
  fail-safe wrapper hides them and the client would get a wrong answer instead of
  an error.
"""

from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.trackers import DialogueStateTracker

from stores import outage


class PostgresTrackerStore(SQLTrackerStore):
    """SQL tracker store with pre-pinged connections and reported errors."""

    engine: sa.engine.Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url, pool_pre_ping=True, **create_engine_kwargs(url)
        )
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        try:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        except sa.exc.SQLAlchemyError as error:
            outage.record(error)
            raise

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save the tracker; a failure is reported to the channel, then raised."""
        try:
            await super().save(tracker)
        except sa.exc.SQLAlchemyError as error:
            outage.record(error)
            raise
