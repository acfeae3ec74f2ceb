"""Near-duplicate articles by MinHash, on real syndicated copies (FA-KES corpus)."""

from __future__ import annotations

from datetime import date

from eventwire.ingest import dedupe
from store_fixtures import build, fakes_articles

# The same AFP story of an Aleppo bomb blast, as Ahram Online and the NNA ran it.
AHRAM, NNA = "fakes-1923848124", "fakes-1914947534"


def text_of(article_id: str) -> str:
    return fakes_articles()[article_id]["text"]


def similarity(a: str, b: str) -> float:
    return dedupe.similarity(dedupe.signature(text_of(a)), dedupe.signature(text_of(b)))


def test_a_syndicated_copy_is_a_near_duplicate():
    assert similarity(AHRAM, NNA) >= dedupe.THRESHOLD


def test_two_outlets_writing_their_own_story_are_not():
    # Khan Sheikhoun: Asharq Al-Awsat's and Reuters' own reports of one attack.
    assert similarity("fakes-1918150030", "fakes-1923848146") < 0.2
    # Eastern Ghouta: one AFP story rewritten by The New Arab; half the 5-grams differ.
    assert similarity("fakes-1923102874", "fakes-1923848145") < dedupe.THRESHOLD


def test_an_updated_version_is_a_near_duplicate():
    text = text_of(AHRAM)
    updated = text + " The death toll later rose to nine, state media said."
    assert dedupe.similarity(dedupe.signature(text), dedupe.signature(updated)) >= dedupe.THRESHOLD


def test_signatures_survive_the_database_round_trip():
    values = dedupe.signature(text_of(AHRAM))
    assert (dedupe.signature_from_bytes(dedupe.signature_bytes(values)) == values).all()
    assert dedupe.band_buckets(values) == dedupe.band_buckets(dedupe.signature(text_of(AHRAM)))


def test_find_near_duplicates_in_a_batch():
    ids = [AHRAM, "fakes-1918150030", "fakes-1923848146", NNA, "fakes-1923102874",
           "fakes-1923848145"]
    found = list(dedupe.find_near_duplicates((i, text_of(i)) for i in ids))
    assert [(a, b) for a, b, _ in found] == [(NNA, AHRAM)]


def test_the_store_links_a_copy_to_the_first_version(store):
    first = build(text_of(AHRAM), published=None, source="Ahram Online", article_id=AHRAM)
    copy = build(text_of(NNA), published=None, source="NNA", article_id=NNA)
    other = build(text_of("fakes-1918150030"), published=None, article_id="other")
    assert store.add(first).duplicate_of is None
    assert store.add(other).duplicate_of is None
    assert store.add(copy).duplicate_of == AHRAM
    [(article, original, score)] = store.near_duplicates(AHRAM)
    assert (article, original) == (NNA, AHRAM) and score >= dedupe.THRESHOLD


def test_the_store_s_signature_is_datasketch_s_minhash():
    # dedupe.signature computes datasketch's values its own faster way: stored signatures
    # and bands must stay what they were (the texts of real articles, and edge cases).
    texts = [text_of(AHRAM), text_of(NNA), "", "one", "four words only here",
             "Ünïcode CAFÉ naïve 北京 市 — x\x00y z w v u"]
    for text in texts:
        expected = dedupe.minhash(text).hashvalues.astype(dedupe.SIGNATURE_DTYPE)
        assert (dedupe.signature(text) == expected).all()


def blast_story_twice(blast: dict):
    """The AFP story of the Salah al-Din bomb blast as Ahram Online ran it first and the NNA
    after, each extraction giving the one ``blast`` event."""
    first = build(text_of(AHRAM), published=date(2017, 4, 19), source="Ahram Online",
                  article_id=AHRAM, events=(blast,))
    copy = build(text_of(NNA), published=date(2017, 4, 19), source="NNA", article_id=NNA,
                 events=(blast,))
    return first, copy


def test_a_copy_s_report_that_names_nobody_fuses_with_the_first_version_s(store):
    # The bomb blast in Aleppo's Salah al-Din district, one AFP story as Ahram Online and
    # the NNA ran it, its event given with no actor and no place: told twice with the same
    # trigger it is one report, one event. The candidate query offered a copy's reports
    # only when they shared a place or an actor, so these stayed two events (fuse() from
    # scratch joined them).
    first, copy = blast_story_twice({"type": "ASSAULT", "trigger": "bomb blast",
                                     "date": "2017-04-19"})
    store.add(first)
    assert store.add(copy).duplicate_of == AHRAM
    [event] = store.events()
    assert sorted(report.article_id for report in event.reports) == sorted([AHRAM, NNA])
    assert store.fuse() == {"reports": 2, "events": 1}


def test_a_copy_s_undated_report_that_names_nobody_is_fused_as_fuse_does(store):
    # The same blast with no date given: the copy's report has no date, place or actor to
    # look candidates up by, only its first version's reports (on PostgreSQL a candidate
    # query of those alone once failed: its place and actor parameters went unused).
    # Adding gives what fusing from scratch gives.
    first, copy = blast_story_twice({"type": "ASSAULT", "trigger": "bomb blast"})
    store.add(first)
    assert store.add(copy).duplicate_of == AHRAM
    added = sorted(sorted(r.article_id for r in event.reports) for event in store.events())
    assert store.fuse() == {"reports": 2, "events": len(added)}
    assert sorted(sorted(r.article_id for r in event.reports) for event in store.events()) == added


def test_a_copy_of_a_copy_is_linked_to_the_first_version(store):
    # The NNA's copy of the AFP story, updated with a line: nearest to the NNA's copy,
    # linked to Ahram Online's first version (on PostgreSQL it was linked to the copy).
    store.add(build(text_of(AHRAM), published=None, article_id=AHRAM))
    store.add(build(text_of(NNA), published=None, article_id=NNA))
    updated = text_of(NNA) + " The toll later rose to seven, state television said."
    assert store.add(build(updated, published=None, article_id="updated")).duplicate_of == AHRAM
