"""The accuracy floor on damaged letters (issue 4): at least 9 in 10 registered under the right subject
and writer, never a wrong identity; the rest go to review. The big run with figures is bench/letters_accuracy.py."""

from __future__ import annotations

import pytest

from channels.letter.ocr import read_letter
from channels.letter.testdata.generate import make_letter

pytestmark = pytest.mark.slow

SEEDS = list(range(3000, 3010))


@pytest.fixture(scope="module")
def verdicts() -> dict[int, str]:
    out = {}
    for seed in SEEDS:
        sample = make_letter(seed, damaged=True)
        reading = read_letter(sample.data)
        fields = reading.fields
        if reading.rejected or fields is None or not fields.sure:
            out[seed] = "review"
        elif (fields.writer_national_code, fields.subject_national_code) == (
                sample.truth.writer_national_code, sample.truth.subject_national_code):
            out[seed] = "right"
        else:
            out[seed] = "wrong"
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=[f"damaged-letter-{s}" for s in SEEDS])
def test_never_a_wrong_identity(seed, verdicts):
    assert verdicts[seed] in ("right", "review")


def test_at_least_nine_in_ten_registered_right(verdicts):
    right = sum(v == "right" for v in verdicts.values())
    assert right >= 9, verdicts
