"""SMS channel wiring (filled in by the SMS channel work)."""

from __future__ import annotations

ROUTES: list = []


def add_commands(subparsers) -> None:
    return None


def make_notifier(settings, engine):
    """The SMS outbox Notifier when an SMS centre is configured, else None."""
    return None
