"""One place that turns every error into the contract's bilingual body:
{"error": {"code", "field", "message_fa", "message_en"}}."""

from __future__ import annotations

import logging
import re

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from core.errors import DargahError

log = logging.getLogger("dargah.http")

_BY_STATUS = {
    400: ("malformed_request", "درخواست نامعتبر است.", "The request is malformed."),
    401: ("unauthorized", "کلید دسترسی معتبر لازم است.", "A valid API key is required."),
    403: ("forbidden", "این کلید اجازه این کار را ندارد.", "This key is not allowed to do this."),
    404: ("not_found", "یافت نشد.", "Not found."),
    405: ("method_not_allowed", "این روش پشتیبانی نمی‌شود.", "Method not allowed."),
    413: ("body_too_large", "حجم درخواست بیش از حد مجاز است.", "The request body is too large."),
    415: ("unsupported_media_type", "نوع محتوا پشتیبانی نمی‌شود.", "Unsupported media type."),
    429: ("rate_limited", "تعداد درخواست‌ها زیاد است؛ کمی بعد دوباره تلاش کنید.", "Too many requests."),
}


def error_body(code: str, message_fa: str, message_en: str, field: str | None = None) -> dict:
    return {"error": {"code": code, "field": field, "message_fa": message_fa, "message_en": message_en}}


def dargah_error_handler(_: Request, exc: DargahError) -> Response:
    return Response(error_body(exc.code, exc.message_fa, exc.message_en, exc.field), status_code=exc.status)


_PATH = re.compile(r"at `\$\.([^`]+)`")
_MISSING = re.compile(r"missing required field `([^`]+)`")


def _field_of(exc: ValidationException) -> str | None:
    """The body field msgspec complained about, as a dotted path (`caller.national_code`)."""
    extra = exc.extra
    if not (isinstance(extra, list) and extra and isinstance(extra[0], dict)):
        return None
    message = str(extra[0].get("message") or "")
    path = _PATH.search(message)
    missing = _MISSING.search(message)
    parts = [p for p in ((path.group(1) if path else None), (missing.group(1) if missing else None)) if p]
    if parts:
        return ".".join(parts)
    key = extra[0].get("key")
    return None if key in (None, "data") else key


def http_error_handler(_: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    if isinstance(exc, ValidationException):
        field = _field_of(exc)
        return Response(
            error_body("invalid_body", "بدنه درخواست نامعتبر یا ناقص است.",
                       "The request body is malformed or incomplete" + (f" ({field})." if field else "."), field),
            status_code=400,
        )
    code, fa, en = _BY_STATUS.get(status, ("http_error", "خطا در درخواست.", exc.detail or "Request error."))
    headers = getattr(exc, "headers", None) or {}
    return Response(error_body(code, fa, en), status_code=status, headers=headers)


def internal_error_handler(_: Request, exc: Exception) -> Response:
    # Never echo the exception: it may carry personal data. The log has the traceback, not the body.
    log.exception("unhandled error: %s", type(exc).__name__)
    return Response(
        error_body("internal_error", "خطای داخلی رخ داد؛ لطفاً دوباره تلاش کنید.", "Internal error; please retry."),
        status_code=500,
    )


EXCEPTION_HANDLERS = {
    DargahError: dargah_error_handler,
    HTTPException: http_error_handler,
    Exception: internal_error_handler,
}
