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
        # the indexes the sample article does not reach are built too, not in a first batch
        from eventwire.extract.places import _major_names
        from eventwire.resources.actors import person_index
        from eventwire.resources.ontology import triggers

        assert person_index.cache_info().currsize == _major_names.cache_info().currsize == 1
        assert all("patterns_by_word" in trigger.__dict__ for trigger in triggers().values())
    finally:
        gc.unfreeze()
