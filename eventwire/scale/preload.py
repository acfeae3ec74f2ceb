"""Loaded once by the fork server, before it forks any worker (see ``local.py``).

Importing this module loads the spaCy model and every resource the stages load lazily (by
extracting the bundled sample article), then freezes the garbage collector's view of them.
Each worker is forked from that state: it starts with everything in memory, shared
copy-on-write, instead of importing and loading it all again; a recycled worker's successor
starts just as fast. ``gc.freeze`` keeps the collector from walking (and so copying) the
model's objects in every worker.

Nothing here may raise: the fork server ignores only ImportError, and a worker whose model
is not preloaded simply loads it itself.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def warm_up() -> bool:
    """Load the pipeline and its resources in this process; False if that failed."""
    try:
        from eventwire.ingest import sample_path
        from eventwire.ingest.text import read_text_file
        from eventwire.pipeline import default_pipeline

        default_pipeline().extract(read_text_file(sample_path()))
    except Exception:  # the workers will load (and report) it themselves
        log.debug("preloading the pipeline failed", exc_info=True)
        return False
    gc.collect()
    gc.freeze()
    return True


PRELOADED = warm_up()
