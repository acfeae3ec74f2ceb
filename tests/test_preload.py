"""The fork server's preload: model and resources loaded once, before any worker is forked."""

from __future__ import annotations

import gc


def test_importing_preload_loads_the_default_pipeline_and_freezes_it(seed_article):
    from eventwire.pipeline import default_pipeline
    from eventwire.scale import preload

    try:
        assert preload.PRELOADED
        assert default_pipeline()._nlp is not None  # loaded: a forked worker inherits it
        assert gc.get_freeze_count() > 1000  # the model's objects, out of the collector's way
        extraction = default_pipeline().extract(seed_article)
        assert any(place.text == "Aleppo" for place in extraction.places)
    finally:
        gc.unfreeze()
