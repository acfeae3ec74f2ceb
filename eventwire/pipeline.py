"""The pipeline: one spaCy pass per article, then the extraction stages in order.

Every stage has the shape ``(doc, extraction) -> extraction`` and may read what the stages
above it concluded. The order below is the order of work.
"""

from __future__ import annotations

import logging
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import InputError
from eventwire.extract import forget_parse, remember_text
from eventwire.extract.actors import extract_actors
from eventwire.extract.events import extract_events
from eventwire.extract.places import extract_places
from eventwire.extract.quantities import extract_quantities
from eventwire.extract.quotes import extract_quotes
from eventwire.extract.times import extract_times
from eventwire.model import Article, Extraction, check_spans
from eventwire.nlp import load_nlp, parse_text, parse_texts

log = logging.getLogger(__name__)

Stage = Callable[[Doc, Extraction], Extraction]

STAGES: list[tuple[str, Stage]] = [
    ("actors", extract_actors),          # who: people, organisations, groups, states
    ("places", extract_places),          # where: gazetteer-resolved places
    ("quotes", extract_quotes),          # who says so: speakers, cues, speech place
    ("times", extract_times),            # when: anchored at publication or at the speech
    ("quantities", extract_quantities),  # how many: figures with qualifier, scope, source
    ("events", extract_events),          # what: PLOVER events with roles and status
]

MAX_CHARS = 1_000_000
"""Longest article the pipeline takes (spaCy's own default limit)."""

ErrorHandler = Callable[[Article, Exception], None]


class Pipeline:
    """The ordered stages over the shared spaCy pipeline."""

    def __init__(self, stages: Optional[list[tuple[str, Stage]]] = None,
                 nlp: Optional[Language] = None):
        self.stages = list(STAGES if stages is None else stages)
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    def run(self, doc: Doc, article: Article) -> Extraction:
        """Every stage over one parsed article."""
        extraction = Extraction(article=article)
        remember_text(doc, article.text)
        try:
            for _name, stage in self.stages:
                extraction = stage(doc, extraction)
        finally:
            forget_parse(doc)
        check_spans(extraction)
        return extraction

    def extract(self, text: str, **meta) -> Extraction:
        """Extract everything from one article's text; ``meta`` fills the Article fields."""
        article = text if isinstance(text, Article) else Article.from_text(text, **meta)
        check_article(article)
        return self.run(parse_text(self.nlp, article.text), article)

    def extract_many(self, articles: Iterable[Article | str], batch_size: int = 16,
                     n_process: int = 1,
                     on_error: Optional[ErrorHandler] = None) -> Iterator[Extraction]:
        """Extract from many articles through ``nlp.pipe``.

        An article that fails is passed to ``on_error`` and skipped; without a handler the
        error is raised.
        """

        def checked() -> Iterator[tuple[str, Article]]:
            for item in articles:
                article = item if isinstance(item, Article) else Article.from_text(item)
                try:
                    check_article(article)
                except InputError as err:
                    if on_error is None:
                        raise
                    on_error(article, err)
                    continue
                yield article.text, article

        pairs = parse_texts(self.nlp, checked(), batch_size=batch_size, n_process=n_process)
        for doc, article in pairs:
            try:
                yield self.run(doc, article)
            except Exception as err:  # one bad article never stops a batch
                if on_error is None:
                    raise
                log.debug("article %s failed", article.id, exc_info=True)
                on_error(article, err)


def check_article(article: Article) -> None:
    """Raise InputError for an article the pipeline cannot take."""
    if not article.text.strip():
        raise InputError("the article text is empty")
    if len(article.text) > MAX_CHARS:
        raise InputError(f"the article has {len(article.text):,} characters, more than the "
                         f"limit of {MAX_CHARS:,} (split it into smaller articles)")


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, **meta) -> Extraction:
    """Extract from one article with the default pipeline."""
    return default_pipeline().extract(text, **meta)


def extract_many(articles: Iterable[Article | str], **options) -> Iterator[Extraction]:
    """Extract from many articles with the default pipeline (see Pipeline.extract_many)."""
    return default_pipeline().extract_many(articles, **options)
