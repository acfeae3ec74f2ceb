"""Errors a user can act on: the CLI prints their message as one line and exits 2."""


class InputError(ValueError):
    """Bad input: the message says what was wrong and what to do."""
