"""Loaders for the data the extractors use (the files live in eventwire/data/)."""
