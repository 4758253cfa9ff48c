"""HTTP API: thin controllers over core's intake service."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Litestar, Request, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, FromPath, FromQuery, JSONBody, QueryParameter

from core.errors import InvalidInput
from core.model import CaseStatus, Channel, Person, Relation, ReviewKind, ReviewState, Submission
from gateway.api.auth import allowed_roles, requires, requires_before_request
from gateway.api.intake_lane import intake_lane
from gateway.api.schemas import (
    AnswerIn,
    CallerIn,
    CaseOut,
    CaseRecordOut,
    ErrorOut,
    ContactOut,
    EventOut,
    FollowUpOut,
    ResolveIn,
    ReviewOut,
    StatsOut,
    StatusIn,
    SubjectIn,
    SubmissionIn,
    SubmissionOut,
    TopicIn,
    TopicOut,
)
from gateway.bootstrap import Services
from gateway.keys import ApiKey

_RELATIONS = {
    "self": Relation.SELF, "child": Relation.CHILD, "son": Relation.CHILD, "daughter": Relation.CHILD,
    "spouse": Relation.SPOUSE, "wife": Relation.SPOUSE, "husband": Relation.SPOUSE, "father": Relation.FATHER,
    "mother": Relation.MOTHER, "sibling": Relation.SIBLING, "brother": Relation.SIBLING, "sister": Relation.SIBLING,
    "other": Relation.OTHER, "فرزند": Relation.CHILD, "پسر": Relation.CHILD, "دختر": Relation.CHILD,
    "همسر": Relation.SPOUSE, "پدر": Relation.FATHER, "مادر": Relation.MOTHER, "برادر": Relation.SIBLING,
    "خواهر": Relation.SIBLING,
}


def _services(request: Request) -> Services:
    return request.app.state.services


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def to_submission(body: SubmissionIn | ResolveIn, channel: Channel) -> Submission:
    caller: CallerIn = body.caller
    subject: SubjectIn | None = body.subject
    return Submission(
        channel=channel,
        caller=Person(national_code=_text(caller.national_code), phone=_text(caller.phone), name=caller.name),
        subject=None if subject is None else Person(
            national_code=_text(subject.national_code), name=subject.name,
            relation=_RELATIONS.get((subject.relation or "other").strip().lower(), Relation.OTHER),
        ),
        text=body.text or "",
        external_id=_text(getattr(body, "external_id", None)),
    )


def parse_channel(raw: str) -> Channel:
    try:
        return Channel(raw.strip().lower())
    except ValueError:
        raise InvalidInput(
            "کانال ناشناخته است (voice، sms، letter، web یا operator).",
            "Unknown channel (voice, sms, letter, web or operator).", field="channel", code="unknown_channel",
        ) from None


_SUBMISSION_EXAMPLE = {
    "channel": "sms",
    "caller": {"national_code": "۰۰۱۲۳۴۵۶۷۹", "phone": "09121234567", "name": "علی رضایی"},
    "subject": {"national_code": "0499370899", "name": "محمد رضایی", "relation": "child"},
    "text": "یارانه فرزندم از دو ماه پیش واریز نشده است",
    "external_id": "smsc-4f2a91",
}


_DUPLICATE_EXAMPLE = {
    "outcome": "duplicate", "tracking_code": "209424725447", "status": "routed", "topic": "subsidy", "agency": "subsidy_org",
    "agency_name_fa": "سازمان هدفمندسازی یارانه‌ها",
    "message_fa": "این موضوع قبلاً با کد پیگیری 209424725447 ثبت شده و در حال رسیدگی است.",
    "message_en": "This matter is already registered under tracking code 209424725447.",
}
_INVALID_CODE_EXAMPLE = {"error": {
    "code": "invalid_national_code", "field": "caller.national_code",
    "message_fa": "کد ملی نامعتبر است؛ لطفاً دوباره بررسی کنید.",
    "message_en": "The national code is not valid (check digit mismatch).",
}}


async def register_submission(app: Litestar, data: SubmissionIn) -> tuple[SubmissionOut, int, dict[str, str] | None]:
    """Register one submission through the process's group commit: the answer body, status and extra
    headers. Shared by the route handler and its fast lane (gateway.api.intake_lane)."""
    result = await app.state.group_commit.submit(to_submission(data, parse_channel(data.channel)))
    agency = app.state.services.intake.catalog.agencies.get(result.agency)
    out = SubmissionOut.of(result, agency.name_fa if agency else result.agency)
    return (out, 201 if result.outcome.value == "registered" else 200,
            {"Idempotent-Replayed": "true"} if result.replayed else None)


INTAKE_ROLES = ("operator",)


class SubmissionController(Controller):
    path = "/api/v1/submissions"
    tags = ["intake"]

    @post(
        "/", operation_id="submitMatter", before_request=requires_before_request(*INTAKE_ROLES), status_code=201,
        middleware=[intake_lane(allowed_roles(*INTAKE_ROLES), register_submission)],
        summary="Register a matter (or get the existing case's tracking code if it is a duplicate)",
        description="201 with outcome=registered for a new case; 200 with outcome=duplicate and the existing "
        "tracking code for a repeat of the same matter about the same person. The same (channel, external_id) "
        "again returns the first answer and records nothing new.",
        responses={
            200: ResponseSpec(SubmissionOut, description="Duplicate: the existing case's tracking code",
                              examples=[Example(summary="duplicate", value=_DUPLICATE_EXAMPLE)]),
            400: ResponseSpec(ErrorOut, description="Malformed JSON or body"),
            401: ResponseSpec(ErrorOut, description="No valid API key"),
            413: ResponseSpec(ErrorOut, description="Body too large"),
            422: ResponseSpec(ErrorOut, description="Invalid input (national code, text, channel, phone)",
                              examples=[Example(summary="bad national code", value=_INVALID_CODE_EXAMPLE)]),
        },
    )
    async def create(
        self, request: Request,
        data: Annotated[SubmissionIn, Body(media_type="application/json", examples=[Example(summary="A father about his son's subsidy", value=_SUBMISSION_EXAMPLE)])],
    ) -> Response[SubmissionOut]:
        out, status, headers = await register_submission(request.app, data)
        return Response(out, status_code=status, headers=headers)


_NOT_FOUND_EXAMPLE = {"error": {"code": "not_found", "field": "tracking_code",
                                "message_fa": "پرونده‌ای با این مشخصات یافت نشد.",
                                "message_en": "No case matches these details."}}


class CaseController(Controller):
    path = "/api/v1/cases"
    tags = ["cases"]

    @get(
        "/{tracking_code:str}", operation_id="followUp", sync_to_thread=True,
        summary="Citizen follow-up: status and the agency's answer (tracking code + national code, no key)",
        description="404 with the same body whether the tracking code is unknown or the national code does not match.",
        responses={404: ResponseSpec(ErrorOut, description="Unknown code or national code mismatch (same body)",
                                     examples=[Example(summary="not found", value=_NOT_FOUND_EXAMPLE)])},
    )
    def follow_up(
        self, request: Request, tracking_code: FromPath[str],
        national_code: Annotated[str, QueryParameter(description="The national code on the case")] = "",
    ) -> FollowUpOut:
        from core.intake import _case_not_found

        view = _services(request).intake.follow_up(tracking_code, national_code)
        if view is None:
            raise _case_not_found()
        return FollowUpOut.of(view)

    @get("/", operation_id="searchCases", guards=[requires("operator", "supervisor")], sync_to_thread=True,
         summary="Operators search cases by tracking code, national code (subject or caller) or phone")
    def search(
        self, request: Request, tracking_code: FromQuery[str | None] = None, national_code: FromQuery[str | None] = None,
        phone: FromQuery[str | None] = None, status: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50, offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> list[CaseOut]:
        statuses = [_status(status)] if status else None
        cases = _services(request).intake.search(tracking_code=tracking_code, national_code=national_code,
                                                 phone=phone, statuses=statuses, limit=limit, offset=offset)
        return [CaseOut.of(c) for c in cases]

    @get("/{tracking_code:str}/record", operation_id="caseRecord", guards=[requires("operator", "supervisor", "agency")],
         sync_to_thread=True, summary="A case with all its contacts and events")
    def record(self, request: Request, tracking_code: FromPath[str]) -> CaseRecordOut:
        intake = _services(request).intake
        case, contacts, events = intake.get_case(tracking_code=tracking_code)
        key: ApiKey = request.user
        if key.role == "agency" and case.agency != key.agency:
            from core.intake import _case_not_found

            raise _case_not_found()
        merged = intake.get_case(case_id=case.merged_into)[0].tracking_code if case.merged_into else None
        return CaseRecordOut(case=CaseOut.of(case, merged), contacts=[ContactOut.of(c) for c in contacts],
                             events=[EventOut.of(e) for e in events])

    @post("/{tracking_code:str}/topic", operation_id="correctTopic", guards=[requires("operator")], sync_to_thread=True,
          status_code=200, summary="Correct a case's topic (and so its agency)")
    def correct_topic(self, request: Request, tracking_code: FromPath[str], data: JSONBody[TopicIn]) -> CaseOut:
        key: ApiKey = request.user
        return CaseOut.of(_services(request).intake.correct_topic(tracking_code, data.topic, key.actor, data.agency))

    @post("/{tracking_code:str}/status", operation_id="changeStatus", guards=[requires("operator", "agency")],
          sync_to_thread=True, status_code=200, summary="Move a case along its lifecycle")
    def change_status(self, request: Request, tracking_code: FromPath[str], data: JSONBody[StatusIn]) -> CaseOut:
        key: ApiKey = request.user
        case = _services(request).intake.change_status(
            tracking_code, _status(data.status), key.actor, data.note, agency=key.agency if key.role == "agency" else None
        )
        return CaseOut.of(case)

    @post("/{tracking_code:str}/answer", operation_id="answerCase", guards=[requires("agency")], sync_to_thread=True,
          status_code=200, summary="The responsible agency's answer, which the citizen hears on follow-up")
    def answer(self, request: Request, tracking_code: FromPath[str], data: JSONBody[AnswerIn]) -> CaseOut:
        key: ApiKey = request.user
        case = _services(request).intake.answer(
            tracking_code, data.answer, key.actor, agency=key.agency if key.role == "agency" else None
        )
        return CaseOut.of(case)


def _status(raw: str) -> CaseStatus:
    try:
        return CaseStatus(raw)
    except ValueError:
        raise InvalidInput("وضعیت ناشناخته است.", "Unknown status.", field="status", code="unknown_status") from None


class AgencyController(Controller):
    path = "/api/v1/agency"
    tags = ["agencies"]

    @get("/cases", operation_id="agencyOpenCases", guards=[requires("agency")], sync_to_thread=True,
         summary="The open cases of the key's agency (admins pass ?agency=CODE)")
    def open_cases(
        self, request: Request, agency: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100, offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> list[CaseOut]:
        key: ApiKey = request.user
        code = key.agency if key.role == "agency" else agency
        if not code:
            raise InvalidInput("کد دستگاه لازم است.", "An agency code is required.", field="agency", code="missing_agency")
        open_statuses = [CaseStatus.REGISTERED, CaseStatus.ROUTED, CaseStatus.IN_PROGRESS]
        cases = _services(request).intake.search(agency=code, statuses=open_statuses, limit=limit, offset=offset)
        return [CaseOut.of(c) for c in cases]


class ReviewController(Controller):
    path = "/api/v1/review"
    tags = ["review"]
    guards = [requires("operator")]

    @get("/", operation_id="listReview", sync_to_thread=True,
         summary="Contacts that could not be registered (yet): kept, never dropped")
    def list_items(
        self, request: Request, review_state: Annotated[str | None, QueryParameter(name="state")] = "open",
        kind: FromQuery[str | None] = None, channel: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50, offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> list[ReviewOut]:
        try:
            items = _services(request).intake.review_items(
                state=ReviewState(review_state) if review_state and review_state != "all" else None,
                kind=ReviewKind(kind) if kind else None, channel=Channel(channel) if channel else None,
                limit=limit, offset=offset,
            )
        except ValueError:
            raise InvalidInput("فیلتر نامعتبر است.", "Invalid filter value.", field="state", code="invalid_filter") from None
        return [ReviewOut.of(i) for i in items]

    @get("/{item_id:int}", operation_id="getReview", sync_to_thread=True)
    def get_item(self, request: Request, item_id: FromPath[int]) -> ReviewOut:
        return ReviewOut.of(_services(request).intake.review_item(item_id))

    @post("/{item_id:int}/resolve", operation_id="resolveReview", sync_to_thread=True, status_code=200,
          summary="Register a held contact with the operator's corrected fields")
    def resolve(self, request: Request, item_id: FromPath[int], data: JSONBody[ResolveIn]) -> Response[SubmissionOut]:
        svc = _services(request)
        key: ApiKey = request.user
        item = svc.intake.review_item(item_id)
        result = svc.intake.resolve_review(item_id, to_submission(data, item.channel), key.actor)
        agency = svc.intake.catalog.agencies.get(result.agency)
        return Response(SubmissionOut.of(result, agency.name_fa if agency else result.agency),
                        status_code=201 if result.outcome.value == "registered" else 200)

    @post("/{item_id:int}/dismiss", operation_id="dismissReview", sync_to_thread=True, status_code=200)
    def dismiss(self, request: Request, item_id: FromPath[int]) -> ReviewOut:
        svc = _services(request)
        key: ApiKey = request.user
        svc.intake.dismiss_review(item_id, key.actor)
        return ReviewOut.of(svc.intake.review_item(item_id))


class StatsController(Controller):
    path = "/api/v1/stats"
    tags = ["supervision"]

    @get("/", operation_id="caseCounts", guards=[requires("supervisor")], sync_to_thread=True,
         summary="Case counts by channel, topic, agency and status")
    def counts(self, request: Request) -> StatsOut:
        intake = _services(request).intake
        return StatsOut(by_channel=intake.counts("channel"), by_topic=intake.counts("topic"),
                        by_agency=intake.counts("agency"), by_status=intake.counts("status"))


class TopicController(Controller):
    path = "/api/v1/topics"
    tags = ["cases"]

    @get("/", operation_id="listTopics", guards=[requires("operator", "agency", "supervisor")], sync_to_thread=False)
    def topics(self, request: Request) -> list[TopicOut]:
        catalog = _services(request).intake.catalog
        return [TopicOut(code=t.code, name_fa=t.name_fa, name_en=t.name_en, agency=t.agency,
                         agency_name_fa=catalog.agency(t.agency).name_fa) for t in catalog.topics.values()]


CONTROLLERS = [SubmissionController, CaseController, AgencyController, ReviewController, StatsController, TopicController]
