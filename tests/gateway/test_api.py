"""The public contract over HTTP, on SQLite and PostgreSQL."""

import pytest

from tests.factories import arabic_digits, national_code, persian_digits

CALLER, SON = national_code(30), national_code(31)
SUBSIDY = "یارانه ام دو ماهه واریز نشده"


def body(**overrides):
    data = {"channel": "sms", "caller": {"national_code": CALLER, "phone": "09121234567", "name": "علی"},
            "subject": None, "text": SUBSIDY, "external_id": None}
    data.update(overrides)
    return data


@pytest.fixture
def operator(api_key):
    return api_key("operator")


def test_register_duplicate_and_follow_up(client, operator):
    first = client.post("/api/v1/submissions", json=body(), headers=operator)
    assert first.status_code == 201, first.text
    data = first.json()
    assert data["outcome"] == "registered" and data["tracking_code"].isdigit() and 8 <= len(data["tracking_code"]) <= 14
    again = client.post("/api/v1/submissions", headers=operator, json=body(
        channel="letter", caller={"national_code": persian_digits(CALLER)},
        text="با سلام یارانه نقدی اینجانب واریز نشده است"))
    assert again.status_code == 200 and again.json()["outcome"] == "duplicate"
    assert again.json()["tracking_code"] == data["tracking_code"]
    follow = client.get(f"/api/v1/cases/{data['tracking_code']}", params={"national_code": arabic_digits(CALLER)})
    assert follow.status_code == 200
    assert follow.json()["tracking_code"] == data["tracking_code"] and follow.json()["status"] == "routed"


def test_ones_own_matter_and_a_relatives_under_one_code_are_two_cases_stored_and_read_back(client, operator):
    """Told by the caller himself (no subject), «my coupon» after «my mother's coupon» is another case; the
    relation stored with the first (self) is what the second is decided against, on either database."""
    mothers = client.post("/api/v1/submissions", headers=operator, json=body(text="کالابرگ مادرم این مرحله شارژ نشده"))
    own = client.post("/api/v1/submissions", headers=operator, json=body(text="کالابرگ خودم این مرحله شارژ نشده"))
    assert mothers.status_code == 201 and own.status_code == 201, own.text
    assert own.json()["tracking_code"] != mothers.json()["tracking_code"]
    again = client.post("/api/v1/submissions", headers=operator, json=body(text="هنوز کالابرگ مادرم شارژ نشده"))
    assert again.status_code == 200 and again.json()["tracking_code"] == mothers.json()["tracking_code"]


def test_follow_up_gives_the_same_404_for_unknown_code_and_wrong_person(client, operator):
    code = client.post("/api/v1/submissions", json=body(), headers=operator).json()["tracking_code"]
    wrong_person = client.get(f"/api/v1/cases/{code}", params={"national_code": SON})
    unknown = client.get("/api/v1/cases/123456789012", params={"national_code": CALLER})
    garbage = client.get("/api/v1/cases/abc", params={"national_code": "x"})
    assert wrong_person.status_code == unknown.status_code == garbage.status_code == 404
    assert wrong_person.json() == unknown.json() == garbage.json()


def test_external_id_replays_the_first_answer(client, operator):
    first = client.post("/api/v1/submissions", json=body(external_id="smsc-1"), headers=operator)
    second = client.post("/api/v1/submissions", json=body(external_id="smsc-1", text="چیز دیگر"), headers=operator)
    assert second.status_code == first.status_code == 201
    assert second.json() == first.json()
    record = client.get(f"/api/v1/cases/{first.json()['tracking_code']}/record", headers=operator).json()
    assert len(record["contacts"]) == 1


@pytest.mark.parametrize(
    "payload, status, code, field",
    [
        (body(caller={"national_code": None}), 422, "missing_national_code", "caller.national_code"),
        (body(caller={"national_code": "0012345678"}), 422, "invalid_national_code", "caller.national_code"),
        (body(subject={"national_code": "12"}), 422, "invalid_national_code", "subject.national_code"),
        (body(text="  "), 422, "empty_text", "text"),
        (body(channel="fax"), 422, "unknown_channel", "channel"),
        ({"channel": "sms"}, 400, "invalid_body", "caller"),
        (body(caller={"national_code": ["x"]}), 400, "invalid_body", "caller.national_code"),
    ],
    ids=["missing-code", "bad-code", "bad-subject", "empty-text", "unknown-channel", "no-caller", "wrong-type"],
)
def test_bad_input_gets_a_bilingual_error_and_stores_nothing(client, operator, services, payload, status, code, field):
    response = client.post("/api/v1/submissions", json=payload, headers=operator)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["field"] == field and error["message_fa"] and error["message_en"]
    assert services.intake.counts("status") == {}


def test_malformed_json_and_oversized_bodies(client, operator, services):
    bad = client.post("/api/v1/submissions", content=b'{"channel": ', headers={**operator, "content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]["message_fa"]
    big = client.post("/api/v1/submissions", json=body(text="ا" * 200_000), headers=operator)
    assert big.status_code == 413 and big.json()["error"]["code"] == "body_too_large"
    assert services.intake.counts("status") == {}


def test_keys_and_roles(client, api_key):
    assert client.post("/api/v1/submissions", json=body()).status_code == 401
    assert client.post("/api/v1/submissions", json=body(), headers={"Authorization": "Bearer dgk_nope"}).status_code == 401
    denied = client.post("/api/v1/submissions", json=body(), headers=api_key("supervisor"))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    assert client.post("/api/v1/submissions", json=body(), headers=api_key("admin")).status_code == 201


def test_operator_corrects_topic_and_agency_answers(client, operator, api_key):
    created = client.post("/api/v1/submissions", json=body(text="موضوعی که در هیچ دسته‌ای نمی‌گنجد"), headers=operator).json()
    code = created["tracking_code"]
    assert created["topic"] == "other"
    fixed = client.post(f"/api/v1/cases/{code}/topic", json={"topic": "water_bill"}, headers=operator)
    assert fixed.status_code == 200 and fixed.json()["status"] == "routed"
    agency = fixed.json()["agency"]
    listed = client.get("/api/v1/agency/cases", headers=api_key("agency", agency)).json()
    assert [c["tracking_code"] for c in listed] == [code]
    other_agency = api_key("agency", "some-other-agency")
    assert client.get("/api/v1/agency/cases", headers=other_agency).json() == []
    assert client.post(f"/api/v1/cases/{code}/answer", json={"answer": "x"}, headers=other_agency).status_code == 404
    answered = client.post(f"/api/v1/cases/{code}/answer", json={"answer": "قبض اصلاح شد."}, headers=api_key("agency", agency))
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    follow = client.get(f"/api/v1/cases/{code}", params={"national_code": CALLER}).json()
    assert follow["answer"] == "قبض اصلاح شد." and follow["status_fa"]
    record = client.get(f"/api/v1/cases/{code}/record", headers=operator).json()
    assert "citizen_notified" in [e["kind"] for e in record["events"]]  # the job ran (inline queue)


def test_operator_search_status_change_and_supervisor_counts(client, operator, api_key):
    code = client.post("/api/v1/submissions", json=body(subject={"national_code": SON, "relation": "پسر"}), headers=operator).json()["tracking_code"]
    found = client.get("/api/v1/cases", params={"national_code": persian_digits(SON)}, headers=operator).json()
    assert [c["tracking_code"] for c in found] == [code] and found[0]["relation"] == "child"
    assert client.get("/api/v1/cases", params={"phone": "+989121234567"}, headers=operator).json()[0]["tracking_code"] == code
    moved = client.post(f"/api/v1/cases/{code}/status", json={"status": "in_progress"}, headers=operator)
    assert moved.status_code == 200
    bad = client.post(f"/api/v1/cases/{code}/status", json={"status": "registered"}, headers=operator)
    assert bad.status_code == 409 and bad.json()["error"]["code"] == "invalid_transition"
    stats = client.get("/api/v1/stats", headers=api_key("supervisor")).json()
    assert stats["by_channel"] == {"sms": 1} and stats["by_status"] == {"in_progress": 1}
    assert client.get("/api/v1/stats", headers=operator).status_code == 403


def test_review_queue_resolves_into_a_case(client, operator, services):
    from core.model import Channel, ReviewItem, ReviewKind

    item = services.intake.hold(ReviewItem(id=None, kind=ReviewKind.NEEDS_REVIEW, channel=Channel.LETTER,
                                           reason="unsure", text=SUBSIDY, created_at=None))
    listed = client.get("/api/v1/review", headers=operator).json()
    assert [i["id"] for i in listed] == [item.id]
    resolved = client.post(f"/api/v1/review/{item.id}/resolve", json={"caller": {"national_code": CALLER}}, headers=operator)
    assert resolved.status_code == 201 and resolved.json()["outcome"] == "registered"
    assert client.get("/api/v1/review", headers=operator).json() == []
    assert client.get("/api/v1/review", params={"state": "resolved"}, headers=operator).json()[0]["id"] == item.id


def test_openapi_and_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok"}
    spec = client.get("/schema/openapi.json").json()
    assert "/api/v1/submissions" in spec["paths"] and "/api/v1/cases/{tracking_code}" in spec["paths"]
    post = spec["paths"]["/api/v1/submissions"]["post"]
    assert {"201", "200", "422", "401"} <= set(post["responses"])
