"""eventwire: news about armed conflict in, sourced, geolocated, time-resolved events out."""

__version__ = "0.1.0"

__all__ = ["Extraction", "Pipeline", "extract", "extract_many", "__version__"]


def __getattr__(name: str):
    # Lazy, so that commands which never extract (query, export, serve) do not load spaCy.
    if name == "Extraction":
        from eventwire.model import Extraction

        return Extraction
    if name in ("Pipeline", "extract", "extract_many"):
        from eventwire import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
