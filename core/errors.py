"""Domain errors. Each carries a stable code, the offending field and a Persian and English message,
which the gateway turns into the contract's error body and the channels into replies."""

from __future__ import annotations


class DargahError(Exception):
    """Base of every error Dargah reports to a user."""

    code: str = "error"
    status: int = 400

    def __init__(self, message_fa: str, message_en: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message_en)
        self.message_fa = message_fa
        self.message_en = message_en
        self.field = field
        if code is not None:
            self.code = code

    def as_dict(self) -> dict:
        return {"code": self.code, "field": self.field, "message_fa": self.message_fa, "message_en": self.message_en}


class InvalidInput(DargahError):
    code = "invalid_input"
    status = 422


class InvalidNationalCode(InvalidInput):
    code = "invalid_national_code"


class MissingNationalCode(InvalidInput):
    code = "missing_national_code"


class InvalidPhone(InvalidInput):
    code = "invalid_phone"


class NotFound(DargahError):
    code = "not_found"
    status = 404


class Conflict(DargahError):
    code = "conflict"
    status = 409


class InvalidTransition(Conflict):
    code = "invalid_transition"
