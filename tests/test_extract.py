"""The stages' shared helpers (eventwire/extract/__init__.py): the ParseView must read the
parse exactly as spaCy's Tokens do, since every stage that walks it must give the same output."""

import gc
import weakref

from eventwire.extract import (ents_of, forget_parse, parse_view, token_at, token_range,
                               tokens_of)


def test_parse_view_reads_the_parse_as_spacy_tokens_do(pipeline, seed_article):
    doc = pipeline.nlp(seed_article.text)
    view = parse_view(doc)
    for token in doc:
        i = token.i
        assert view.heads[i] == token.head.i
        assert (view.deps[i], view.pos[i], view.tags[i]) == (token.dep_, token.pos_, token.tag_)
        assert (view.lowers[i], view.lemmas[i]) == (token.lower_, token.lemma_.lower())
        assert view.children(i) == [c.i for c in token.children]
        assert view.subtree(i) == [t.i for t in token.subtree]
        assert view.sentence(i) == (token.sent.start, token.sent.end)
    assert parse_view(doc) is view  # built once per doc


def test_token_range_finds_the_tokens_char_span_expands_to(pipeline):
    """By bisection on the token offsets, exactly as ``doc.char_span(..., "expand")``: spans
    starting in a token's trailing space, ending mid-word, empty, or past the doc's end."""
    doc = pipeline.nlp("Russian jets struck  Aleppo's east on Friday, the Observatory said. ")
    for start in range(-1, len(doc.text) + 2):
        for end in range(start, len(doc.text) + 2):
            expanded = doc.char_span(start, end, alignment_mode="expand")
            wanted = (expanded.start, expanded.end) if expanded is not None else (0, 0)
            assert token_range(doc, (start, end)) == wanted, (start, end)


def test_cached_tokens_and_entities_are_dropped_with_the_parse(pipeline):
    doc = pipeline.nlp("Russian jets struck Aleppo on Friday, the Syrian Observatory said.")
    assert [e.text for e in ents_of(doc)] == [e.text for e in doc.ents]
    assert token_at(doc, doc.text.index("Aleppo") + 2).text == "Aleppo"
    assert tokens_of(doc)[2].text == "struck"
    parse_view(doc)
    forget_parse(doc)
    assert not {"eventwire_tokens", "eventwire_ents", "eventwire_parse_view"} & set(doc.user_data)


def test_a_doc_is_freed_as_soon_as_the_pipeline_lets_it_go(pipeline, seed_article):
    """No Token or Span of the doc outlives the stages in a reference cycle (the actors
    stage's units refer to each other): the doc, its arrays and its tensor are freed at once,
    as spaCy alone frees them, not whenever the garbage collector next runs."""
    doc = pipeline.nlp(seed_article.text)
    gc.disable()
    try:
        extraction = pipeline.run(doc, seed_article)
        assert extraction.actors and extraction.events
        alive = weakref.ref(doc)
        del doc
        assert alive() is None
    finally:
        gc.enable()
