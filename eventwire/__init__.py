"""eventwire: news about armed conflict in, sourced, geolocated, time-resolved events out."""

__version__ = "0.1.0"

from eventwire.model import Extraction  # noqa: E402
from eventwire.pipeline import Pipeline, extract, extract_many  # noqa: E402

__all__ = ["Extraction", "Pipeline", "extract", "extract_many", "__version__"]
