"""Personal data never appears in logs in clear (courier's AssertChannelLogRedaction, for the API)."""

import logging

from gateway.logs import redact
from tests.factories import national_code, persian_digits

CALLER, SON = national_code(50), national_code(51)
TEXT = "یارانه پسرم واریز نشده رمز خصوصی"


def test_submissions_leave_no_personal_data_in_logs(client, api_key, caplog):
    caplog.set_level(logging.DEBUG)
    headers = api_key("operator")
    body = {"channel": "sms", "caller": {"national_code": CALLER, "phone": "09121234567", "name": "زهرا"},
            "subject": {"national_code": SON}, "text": TEXT}
    assert client.post("/api/v1/submissions", json=body, headers=headers).status_code == 201
    assert client.post("/api/v1/submissions", json=body, headers=headers).status_code == 200
    client.post("/api/v1/submissions", json={**body, "caller": {"national_code": "0012345678"}}, headers=headers)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "registered case" in logged  # the intake did log
    for secret in (CALLER, SON, "9121234567", "زهرا", "رمز خصوصی", persian_digits(CALLER)):
        assert secret not in logged


def test_redact_masks_digit_runs_that_slip_into_a_message():
    cleaned = redact(f"code {CALLER} phone +98 912 123 4567")
    assert cleaned == f"code ********{CALLER[-2:]} phone {'*' * 14}67"
    assert "۰" not in redact("کد ۰۰۱۲۳۴۵۶۷۹")


def test_the_app_keeps_our_redacting_log_handler(services):
    """Litestar's default logging config would replace the root handler (and our redaction with it)."""
    from litestar.testing import TestClient

    from gateway.app import create_app
    from gateway.logs import RedactingFilter, configure_logging

    configure_logging("INFO")
    with TestClient(create_app(services)) as client:
        assert client.get("/healthz").status_code == 200
        root = logging.getLogger()
        assert any(isinstance(f, RedactingFilter) for h in root.handlers for f in h.filters)
        assert root.level == logging.INFO
