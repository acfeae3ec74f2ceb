"""Store cached extractions into an empty store and print a digest of every stored row:
to check that a change to ``Store.add`` stores exactly what it stored before.

    PYTHONPATH=. python scripts/store_digest.py CACHE.jsonl URL_OR_PATH [--articles N]

``CACHE.jsonl``: Extractions, one a line (``bench/store.py`` caches the bench's in the
temporary folder). ``URL_OR_PATH``: a SQLite file (it must not exist) or a scratch
PostgreSQL database (its eventwire tables are DROPPED first). Each extraction goes to
``Store.add``, one after another; then each table's rows, timestamps left out (columns of
date and time types), are sorted and hashed, and every ``AddResult`` with them. Run it with
the old code's and the new code's ``PYTHONPATH`` and compare the lines.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from sqlalchemy import DateTime, select, text

from eventwire.model import Extraction
from eventwire.store import Store
from eventwire.store.schema import metadata


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", type=Path)
    parser.add_argument("store")
    parser.add_argument("--articles", type=int, default=5000)
    options = parser.parse_args()
    if "://" in options.store:
        with Store(options.store, migrate=False) as store, store.engine.begin() as conn:
            for table in list(metadata.tables) + ["alembic_version"]:
                conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    elif Path(options.store).exists():
        sys.exit(f"{options.store} exists: give a new file")
    with open(options.cache, encoding="utf-8") as stream:
        done = [Extraction.model_validate_json(line)
                for line, _ in zip(stream, range(options.articles))]
    results = hashlib.sha256()
    with Store(options.store) as store:
        for extraction in done:
            results.update(store.add(extraction).model_dump_json().encode() + b"\n")
        print(f"{len(done)} AddResults {results.hexdigest()[:16]}")
        total = 0
        with store.engine.connect() as conn:
            for name, table in sorted(metadata.tables.items()):
                kept = [column for column in table.columns
                        if not isinstance(column.type, DateTime)]
                rows = sorted(repr(tuple(row)) for row in conn.execute(select(*kept)))
                total += len(rows)
                digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
                print(f"{name:<22}{len(rows):>8} rows  {digest}")
        print(f"{'every table':<22}{total:>8} rows")


if __name__ == "__main__":
    main()
