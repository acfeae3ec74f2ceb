"""Storage: articles, extractions and fused events in SQLite or PostgreSQL (see store.py)."""

from eventwire.store.store import AddResult, EventFilter, FusedEvent, Store, database_url

__all__ = ["AddResult", "EventFilter", "FusedEvent", "Store", "database_url"]
