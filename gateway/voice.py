"""Voice channel wiring (filled in by the voice channel work)."""

from __future__ import annotations

ROUTES: list = []


def add_commands(subparsers) -> None:
    return None
