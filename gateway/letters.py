"""Letter channel wiring (filled in by the letter channel work)."""

from __future__ import annotations

ROUTES: list = []


def add_commands(subparsers) -> None:
    return None
