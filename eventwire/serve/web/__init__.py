"""The dashboard's templates and static files (vendored JavaScript with licences: NOTICE.md)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

STATIC_DIR = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def template_env() -> Environment:
    """Jinja2 with autoescape on for every template: article text is hostile input."""
    env = Environment(loader=PackageLoader("eventwire.serve.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    from eventwire.serve.evidence import actor_label
    from eventwire.serve.report import TYPE_COLOURS

    env.globals.update(actor_label=actor_label, type_colours=TYPE_COLOURS)
    return env
