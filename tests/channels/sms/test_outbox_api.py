"""Operators see the SMS outbox and can send a failed message again (HTTP API)."""

from datetime import datetime, timezone

from channels.sms.store import SmsStore


def test_outbox_list_and_retry(client, api_key, services):
    store = SmsStore(services.engine)
    now = datetime.now(timezone.utc)
    store.enqueue("reply:sms:1", "989121234567", "سلام", now)
    store.enqueue("reply:sms:2", "989121234567", "سلام", now)
    [failed_id] = [r["id"] for r in store.outbox(key="reply:sms:2")]
    store.fail(failed_id, "ESME_RINVDSTADR", now)
    headers = api_key("operator")
    assert client.get("/api/v1/sms/outbox").status_code == 401
    rows = client.get("/api/v1/sms/outbox", headers=headers).json()
    assert [r["state"] for r in rows] == ["failed", "queued"]
    only = client.get("/api/v1/sms/outbox?state=failed", headers=headers).json()
    assert [r["id"] for r in only] == [failed_id] and only[0]["last_error"] == "ESME_RINVDSTADR"
    again = client.post(f"/api/v1/sms/outbox/{failed_id}/retry", headers=headers)
    assert again.status_code == 200 and again.json()["state"] == "queued"
    second = client.post(f"/api/v1/sms/outbox/{failed_id}/retry", headers=headers)
    assert second.status_code == 404 and second.json()["error"]["message_fa"]
    assert client.get("/api/v1/sms/outbox", headers=api_key("agency", "water")).status_code == 403
