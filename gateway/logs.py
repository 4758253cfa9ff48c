"""Logging set-up. Personal data never goes to logs in clear: the code masks it where it logs
(core.identity.mask), and this filter is a second line of defence that masks any run of 10+ digits
or an Iranian phone that slipped into a message."""

from __future__ import annotations

import logging
import re

_LONG_DIGITS = re.compile(r"(?<!\d)(\+?\d[\d\- ]{8,}\d)(?!\d)")
_FA_DIGITS = re.compile(r"[۰-۹٠-٩]{8,}")


def redact(text: str) -> str:
    text = _FA_DIGITS.sub(lambda m: "*" * len(m.group(0)), text)
    return _LONG_DIGITS.sub(lambda m: "*" * (len(m.group(1)) - 2) + m.group(1)[-2:], text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def configure_logging(level: str = "INFO") -> None:
    root = logging.getLogger()
    if not any(isinstance(f, RedactingFilter) for h in root.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level.upper())
