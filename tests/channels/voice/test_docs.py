"""docs/voice-flow.md draws exactly the code's state machines."""

from __future__ import annotations

import re
from pathlib import Path

from channels.voice.flow import CODE_TRANSITIONS, TRANSITIONS

DOC = Path(__file__).resolve().parents[3] / "docs" / "voice-flow.md"
_EDGE = re.compile(r"^\s*(\w+)\s*-->\s*(\w+)", re.M)


def _diagrams() -> list[set[tuple[str, str]]]:
    blocks = re.findall(r"```mermaid\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [set(_EDGE.findall(block)) for block in blocks]  # edges to/from [*] do not match \w+


def _edges(table) -> set[tuple[str, str]]:
    return {(a.value, b.value) for a, targets in table.items() for b in targets}


def test_call_diagram_matches_transitions():
    calls, _ = _diagrams()
    drawn = {(a, b) for a, b in calls if a != "end"}
    assert drawn == _edges(TRANSITIONS)


def test_code_diagram_matches_code_transitions():
    _, codes = _diagrams()
    assert codes == _edges(CODE_TRANSITIONS)
