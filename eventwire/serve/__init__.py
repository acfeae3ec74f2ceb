"""Serve: what people read — summaries, the REST API, the dashboard, reports."""
