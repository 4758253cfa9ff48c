"""The intake fast lane (gateway.api.intake_lane) answers exactly as the route handler does, and hands
everything that is not a plain, valid request to the handler with the body intact."""

import asyncio
import json

import pytest

from gateway.api.auth import allowed_roles
from gateway.api.intake_lane import intake_lane
from tests.factories import national_code

CALLER = national_code(70)


def body(**overrides):
    data = {"channel": "sms", "caller": {"national_code": CALLER, "phone": "09121234567"},
            "text": "قبض آب این ماه خیلی زیاد آمده"}
    data.update(overrides)
    return data


def through_handler(services):
    """The next request of every key misses the key cache, so the route handler serves it."""
    services.keys._cache.clear()


def answer(response):
    return response.status_code, response.content, response.headers.get("content-type"), \
        response.headers.get("idempotent-replayed")


def test_lane_and_handler_give_the_same_answers(client, services, api_key):
    operator = api_key("operator")
    first = client.post("/api/v1/submissions", json=body(), headers=operator)  # cache miss: the handler
    assert first.status_code == 201
    by_lane = client.post("/api/v1/submissions", json=body(), headers=operator)
    through_handler(services)
    by_handler = client.post("/api/v1/submissions", json=body(), headers=operator)
    assert by_lane.json()["outcome"] == "duplicate"
    assert by_lane.json()["tracking_code"] == first.json()["tracking_code"]
    assert answer(by_lane) == answer(by_handler)
    # A replayed (channel, external_id) carries its header either way.
    client.post("/api/v1/submissions", json=body(external_id="m-1"), headers=operator)
    lane_replay = client.post("/api/v1/submissions", json=body(external_id="m-1"), headers=operator)
    through_handler(services)
    handler_replay = client.post("/api/v1/submissions", json=body(external_id="m-1"), headers=operator)
    assert lane_replay.headers["idempotent-replayed"] == "true"
    assert answer(lane_replay) == answer(handler_replay)


@pytest.mark.parametrize("payload", [
    body(caller={"national_code": "0012345678"}),
    body(channel="fax"),
    body(text="  "),
], ids=["bad-code", "unknown-channel", "empty-text"])
def test_errors_after_the_lane_took_a_request_are_the_handlers_errors(client, services, api_key, payload):
    operator = api_key("operator")
    client.post("/api/v1/submissions", json=body(), headers=operator)  # the key is cached from here on
    by_lane = client.post("/api/v1/submissions", json=payload, headers=operator)
    through_handler(services)
    by_handler = client.post("/api/v1/submissions", json=payload, headers=operator)
    assert by_lane.status_code == 422 and by_lane.json()["error"]["message_fa"]
    assert answer(by_lane) == answer(by_handler)


def test_refusals_with_a_cached_key_still_come_from_the_handler(client, api_key):
    operator, supervisor = api_key("operator"), api_key("supervisor")
    client.post("/api/v1/submissions", json=body(), headers=operator)
    client.get("/api/v1/stats", headers=supervisor)
    denied = client.post("/api/v1/submissions", json=body(), headers=supervisor)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    malformed = client.post("/api/v1/submissions", content=b'{"channel": ', headers={**operator, "content-type": "application/json"})
    assert malformed.status_code == 400 and malformed.json()["error"]["code"] == "malformed_request"
    loose = client.post("/api/v1/submissions", json=body(caller={"national_code": ["x"]}), headers=operator)
    assert loose.status_code == 400 and loose.json()["error"]["field"] == "caller.national_code"
    big = client.post("/api/v1/submissions", json=body(text="ا" * 200_000), headers=operator)
    assert big.status_code == 413 and big.json()["error"]["code"] == "body_too_large"


# ---------------------------------------------------------------------------------------------- the ASGI part


class Downstream:
    """Stands for the route handler: records what it was given to read."""

    def __init__(self):
        self.calls = 0
        self.body = b""

    async def __call__(self, scope, receive, send):
        self.calls += 1
        while True:
            message = await receive()
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def run_lane(app, raw_key, chunks, *, declared=None, limit=64 * 1024):
    downstream = Downstream()
    lane = intake_lane(allowed_roles("operator"), register)(downstream)
    app_like = type("App", (), {"state": app.state, "request_max_body_size": limit})()
    headers = [(b"authorization", f"Bearer {raw_key}".encode())]
    if declared is not None:
        headers.append((b"content-length", str(declared).encode()))
    scope = {"type": "http", "method": "POST", "path": "/api/v1/submissions", "headers": headers,
             "litestar_app": app_like}
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent = []

    async def receive():
        return messages.pop(0)

    async def send(message):
        sent.append(message)

    asyncio.run(lane(scope, receive, send))
    return downstream, sent


async def register(app, data):
    from gateway.api.schemas import SubmissionOut

    return SubmissionOut(outcome="registered", tracking_code="1", status="routed", topic=data.text or "",
                         agency="a", agency_name_fa="a", message_fa="", message_en=""), 201, None


@pytest.fixture
def cached_operator(client, services, api_key):
    """A raw operator key that is in the key cache."""
    raw = api_key("operator")["Authorization"].split()[1]
    assert services.keys.verify(raw) is not None
    return raw


def test_lane_serves_a_plain_valid_request(client, cached_operator):
    payload = json.dumps(body()).encode()
    downstream, sent = run_lane(client.app, cached_operator, [payload[:10], payload[10:]])
    assert downstream.calls == 0
    assert sent[0]["status"] == 201 and (b"content-type", b"application/json") in sent[0]["headers"]
    assert json.loads(sent[1]["body"])["topic"] == body()["text"]


@pytest.mark.parametrize("case", ["unknown-key", "malformed", "loosely-typed", "declared-too-big", "streamed-too-big"])
def test_lane_hands_the_rest_to_the_handler_with_the_body_intact(client, cached_operator, case):
    payload = json.dumps(body(), ensure_ascii=False).encode()
    key, chunks, declared, limit = cached_operator, [payload[:7], payload[7:]], None, 64 * 1024
    if case == "unknown-key":
        key = "dgk_unknown"
    elif case == "malformed":
        chunks = [b'{"channel": ']
    elif case == "loosely-typed":
        chunks = [json.dumps(body(caller={"national_code": ["x"]})).encode()]
    elif case == "declared-too-big":
        declared, limit = len(payload), 10
    else:
        limit = 10
    downstream, sent = run_lane(client.app, key, chunks, declared=declared, limit=limit)
    assert downstream.calls == 1 and downstream.body == b"".join(chunks)
    assert sent[0]["status"] == 299
