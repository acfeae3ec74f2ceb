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
        build_indexes()
    except Exception:  # the workers will load (and report) it themselves
        log.debug("preloading the pipeline failed", exc_info=True)
        return False
    gc.collect()
    gc.freeze()
    return True


def build_indexes() -> None:
    """The look-up indexes the stages build on first use that the sample article does not
    reach: built here, once, rather than inside some worker's first articles (and shared
    copy-on-write by the forked workers)."""
    from eventwire.extract.places import major_place_names
    from eventwire.resources.actors import person_index
    from eventwire.resources.gazetteer import load_gazetteer
    from eventwire.resources.ontology import triggers

    person_index()
    major_place_names()
    load_gazetteer().by_geonameid  # the events stage's capitals (``ActorIndex.town_actor``)
    for trigger in triggers().values():
        trigger.patterns_by_word, trigger.pattern_positions  # cached properties


PRELOADED = warm_up()
