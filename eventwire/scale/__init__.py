"""Scale: the same pipeline on every core of one machine (local.py) or on a Ray cluster (ray.py)."""
