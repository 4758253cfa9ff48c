"""Test data: valid national codes and submissions."""

from __future__ import annotations

import random

from core.identity import national_code_check_digit
from core.model import Channel, Person, Relation, Submission

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def national_code(seed: int | None = None, rng: random.Random | None = None) -> str:
    rng = rng or random.Random(seed)
    while True:
        nine = "".join(str(rng.randrange(10)) for _ in range(9))
        code = nine + str(national_code_check_digit(nine))
        if len(set(code)) > 1:
            return code


def persian_digits(value: str) -> str:
    return value.translate(_PERSIAN)


def arabic_digits(value: str) -> str:
    return value.translate(_ARABIC)


def submission(text: str, caller: str, *, channel: Channel = Channel.SMS, subject: str | None = None,
               relation: Relation = Relation.CHILD, phone: str | None = "09121234567",
               external_id: str | None = None, flags: frozenset[str] = frozenset()) -> Submission:
    return Submission(
        channel=channel, caller=Person(national_code=caller, phone=phone), text=text,
        subject=Person(national_code=subject, relation=relation) if subject else None,
        external_id=external_id, flags=flags,
    )
