"""The intake use case through its ports, with core's in-memory fakes."""

from datetime import datetime, timedelta, timezone

import pytest

from core.errors import InvalidInput, InvalidNationalCode, InvalidTransition, MissingNationalCode, NotFound
from core.intake import IDENTITY_PENDING, TRANSCRIPTION_PENDING, IntakeService
from core.memory import MemoryUnitOfWorkFactory
from core.model import CaseStatus, Channel, Outcome, Person, Relation, ReviewItem, ReviewKind, ReviewState, Submission
from core.ports import Contended, store_intake
from tests.factories import national_code, persian_digits, submission

FATHER, SON, NEIGHBOUR = national_code(10), national_code(11), national_code(12)
SUBSIDY_SMS = "یارانه ام دو ماهه واریز نشده"
SUBSIDY_LETTER = "با سلام و احترام، به استحضار می‌رساند یارانه نقدی اینجانب از دو ماه گذشته به حسابم واریز نشده است."
WATER_BILL = "قبض آب این ماه خیلی زیاد آمده و اشتباه است"
WATER_OUTAGE = "سه روز است آب محله ما قطع است"


class FixedClock:
    def __init__(self):
        self.at = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)

    def now(self):
        return self.at


class RecordingNotifier:
    def __init__(self):
        self.answered, self.codes = [], []

    def case_answered(self, case):
        self.answered.append(case.tracking_code)

    def tracking_code_issued(self, phone, tracking_code, duplicate):
        self.codes.append((phone, tracking_code, duplicate))


@pytest.fixture
def clock():
    return FixedClock()


@pytest.fixture
def notifier():
    return RecordingNotifier()


@pytest.fixture
def intake(clock, notifier):
    return IntakeService(MemoryUnitOfWorkFactory(), clock=clock, notifier=notifier)


def test_registers_then_returns_the_same_code_for_a_paraphrase_on_another_channel(intake):
    first = intake.submit(submission(SUBSIDY_SMS, FATHER))
    again = intake.submit(submission(SUBSIDY_LETTER, persian_digits(FATHER), channel=Channel.LETTER))
    assert first.outcome == Outcome.REGISTERED
    assert again.outcome == Outcome.DUPLICATE and again.tracking_code == first.tracking_code
    case, contacts, events = intake.get_case(tracking_code=first.tracking_code)
    assert [c.channel for c in contacts] == [Channel.SMS, Channel.LETTER]
    assert [c.outcome for c in contacts] == [Outcome.REGISTERED, Outcome.DUPLICATE]
    assert {e.kind for e in events} >= {"registered", "contact"}


def test_different_matters_of_one_person_stay_apart(intake):
    bill = intake.submit(submission(WATER_BILL, FATHER))
    outage = intake.submit(submission(WATER_OUTAGE, FATHER))
    assert outage.outcome == Outcome.REGISTERED and outage.tracking_code != bill.tracking_code


def test_ones_own_matter_and_a_relatives_told_by_one_person_stay_apart(intake):
    """Under one caller's code, «my coupon» and «my mother's coupon» are two matters (two people's coupons), though
    the words are nearly the same; told again, each repeats its own case."""
    mothers = intake.submit(submission("کالابرگ مادرم این مرحله شارژ نشده", FATHER))
    own = intake.submit(submission("کالابرگ خودم این مرحله شارژ نشده", FATHER))
    assert own.outcome == Outcome.REGISTERED and own.tracking_code != mothers.tracking_code
    again = intake.submit(submission("هنوز کالابرگم شارژ نشده", FATHER))
    assert again.outcome == Outcome.DUPLICATE and again.tracking_code == own.tracking_code


def test_a_relatives_matter_filed_under_the_one_code_given_keeps_its_relation(intake):
    """A channel files «کالابرگ مادرم …» under the one code the message gave, marked as told for the mother (whose code
    it is, nobody knows): the mark is kept on the case, so a later «کالابرگ خودم …» under that code, which may be the
    mother's own voice, repeats it rather than opening a second case."""
    mothers = intake.submit(submission("کالابرگ مادرم این مرحله شارژ نشده", FATHER, subject=FATHER,
                                       relation=Relation.MOTHER))
    case, _, _ = intake.get_case(tracking_code=mothers.tracking_code)
    assert case.identity == FATHER and case.relation == Relation.MOTHER
    own = intake.submit(submission("کالابرگ خودم این مرحله شارژ نشده", FATHER))
    assert own.outcome == Outcome.DUPLICATE and own.tracking_code == mothers.tracking_code


def test_a_matter_told_by_a_relative_then_by_its_person_is_one_case(intake):
    """A father tells his son's matter («یارانه پسرم»), filed under the son; the son then tells it as his own
    («یارانه‌ام»): one case, whatever whose word each used."""
    by_father = intake.submit(submission("یارانه پسرم دو ماهه واریز نشده", FATHER, subject=SON))
    by_son = intake.submit(submission("یارانه‌ام دو ماهه واریز نشده", SON))
    assert by_son.outcome == Outcome.DUPLICATE and by_son.tracking_code == by_father.tracking_code


def test_neighbours_with_the_same_complaint_get_separate_cases(intake):
    mine = intake.submit(submission(WATER_OUTAGE, FATHER))
    theirs = intake.submit(submission(WATER_OUTAGE, NEIGHBOUR))
    assert theirs.outcome == Outcome.REGISTERED and theirs.tracking_code != mine.tracking_code


def test_case_belongs_to_the_subject_so_a_family_member_repeating_it_is_a_duplicate(intake):
    by_father = intake.submit(submission(SUBSIDY_SMS, FATHER, subject=SON))
    by_son = intake.submit(submission(SUBSIDY_LETTER, SON, channel=Channel.LETTER))
    assert by_son.outcome == Outcome.DUPLICATE and by_son.tracking_code == by_father.tracking_code
    # The father's own subsidy is another matter: it is about another person.
    fathers_own = intake.submit(submission(SUBSIDY_SMS, FATHER))
    assert fathers_own.outcome == Outcome.REGISTERED
    case, _, _ = intake.get_case(tracking_code=by_father.tracking_code)
    assert case.identity == SON and case.caller_national_code == FATHER


def test_a_caller_may_give_only_the_subjects_code(intake):
    result = intake.submit(submission(SUBSIDY_SMS, None, subject=SON))
    case, _, _ = intake.get_case(tracking_code=result.tracking_code)
    assert case.identity == SON and case.caller_national_code is None
    assert intake.follow_up(result.tracking_code, SON) is not None


def test_subject_equal_to_caller_is_about_the_caller(intake):
    result = intake.submit(submission(SUBSIDY_SMS, FATHER, subject=FATHER, relation=Relation.SELF))
    case, _, _ = intake.get_case(tracking_code=result.tracking_code)
    assert case.identity == FATHER and case.subject_name is None and case.relation == Relation.SELF


def test_same_external_id_replays_the_first_answer_and_records_nothing(intake):
    first = intake.submit(submission(SUBSIDY_SMS, FATHER, external_id="m-1"))
    replay = intake.submit(submission("متن دیگر", FATHER, external_id="m-1"))
    assert replay.replayed and replay.tracking_code == first.tracking_code and replay.outcome == Outcome.REGISTERED
    _, contacts, _ = intake.get_case(tracking_code=first.tracking_code)
    assert len(contacts) == 1


def test_closed_case_catches_repeats_only_within_the_window(intake, clock):
    first = intake.submit(submission(SUBSIDY_SMS, FATHER))
    intake.change_status(first.tracking_code, CaseStatus.CLOSED, "operator:t")
    clock.at += timedelta(days=10)
    assert intake.submit(submission(SUBSIDY_SMS, FATHER)).tracking_code == first.tracking_code
    clock.at += timedelta(days=45)
    later = intake.submit(submission(SUBSIDY_SMS, FATHER))
    assert later.outcome == Outcome.REGISTERED and later.tracking_code != first.tracking_code


@pytest.mark.parametrize(
    "sub, error",
    [
        (submission(SUBSIDY_SMS, None), MissingNationalCode),
        (submission(SUBSIDY_SMS, "0012345678"), InvalidNationalCode),
        (submission("   ", FATHER), InvalidInput),
        (submission(SUBSIDY_SMS, FATHER, subject="123"), InvalidNationalCode),
        (submission(SUBSIDY_SMS, FATHER, phone="12"), InvalidInput),
    ],
    ids=["missing-code", "bad-checksum", "empty-text", "bad-subject-code", "bad-phone"],
)
def test_bad_input_is_refused_and_nothing_is_stored(intake, sub, error):
    with pytest.raises(error):
        intake.submit(sub)
    assert intake.counts("status") == {}


def test_lifecycle_answer_and_follow_up(intake, notifier):
    result = intake.submit(submission(SUBSIDY_SMS, FATHER, subject=SON))
    assert result.status == CaseStatus.ROUTED
    intake.change_status(result.tracking_code, CaseStatus.IN_PROGRESS, "agency:mcls:a")
    intake.answer(result.tracking_code, "یارانه شما از ماه آینده واریز می‌شود.", "agency:mcls:a")
    assert notifier.answered == [result.tracking_code]
    for code in (SON, FATHER, persian_digits(SON)):
        view = intake.follow_up(result.tracking_code, code)
        assert view.status == CaseStatus.ANSWERED and "واریز" in view.answer
    intake.change_status(result.tracking_code, CaseStatus.CLOSED, "operator:t")
    intake.change_status(result.tracking_code, CaseStatus.IN_PROGRESS, "operator:t", note="reopened")
    with pytest.raises(InvalidTransition):
        intake.change_status(result.tracking_code, CaseStatus.REGISTERED, "operator:t")
    _, _, events = intake.get_case(tracking_code=result.tracking_code)
    statuses = [e.to_value for e in events if e.kind == "status"]
    assert statuses == ["routed", "in_progress", "answered", "closed", "in_progress"]
    assert all(e.actor and e.at for e in events)


def test_follow_up_has_no_oracle(intake):
    result = intake.submit(submission(SUBSIDY_SMS, FATHER))
    assert intake.follow_up(result.tracking_code, NEIGHBOUR) is None
    assert intake.follow_up("123456789012", FATHER) is None
    assert intake.follow_up(result.tracking_code, "garbage") is None


def test_agency_scope_is_enforced(intake):
    result = intake.submit(submission(SUBSIDY_SMS, FATHER))
    with pytest.raises(NotFound):
        intake.answer(result.tracking_code, "پاسخ", "agency:water:x", agency="water")


def test_operator_corrects_topic_and_the_case_is_routed(intake):
    result = intake.submit(submission("موضوعی که در هیچ دسته‌ای نمی‌گنجد", FATHER))
    assert result.topic == "other" and result.status == CaseStatus.REGISTERED
    case = intake.correct_topic(result.tracking_code, "water_bill", "operator:t")
    assert case.topic == "water_bill" and case.status == CaseStatus.ROUTED


def test_held_contact_is_kept_and_resolved_into_a_case(intake):
    item = intake.hold(ReviewItem(id=None, kind=ReviewKind.NEEDS_REVIEW, channel=Channel.LETTER,
                                  reason="national code unreadable", text=SUBSIDY_LETTER, created_at=None))
    assert [i.id for i in intake.review_items()] == [item.id]
    result = intake.resolve_review(item.id, Submission(channel=Channel.LETTER, caller=Person(national_code=FATHER),
                                                       text=""), "operator:t")
    assert result.outcome == Outcome.REGISTERED
    assert intake.review_item(item.id).state == ReviewState.RESOLVED
    assert intake.review_items() == []
    with pytest.raises(InvalidTransition):
        intake.resolve_review(item.id, Submission(channel=Channel.LETTER, caller=Person(national_code=FATHER),
                                                  text=""), "operator:t")


def test_transcript_arriving_later_merges_a_duplicate_and_keeps_the_alias(intake):
    existing = intake.submit(submission(SUBSIDY_SMS, FATHER))
    pending = intake.submit(submission("", FATHER, channel=Channel.VOICE, flags=frozenset({TRANSCRIPTION_PENDING})))
    assert pending.outcome == Outcome.REGISTERED and pending.tracking_code != existing.tracking_code
    merged = intake.attach_transcript(pending.tracking_code, "سلام یارانه من دو ماهه نیومده", "system:asr")
    assert merged.outcome == Outcome.DUPLICATE and merged.tracking_code == existing.tracking_code
    # The alias still works for follow-up and leads to the surviving case.
    assert intake.follow_up(pending.tracking_code, FATHER).tracking_code == existing.tracking_code
    # Safe to run twice.
    assert intake.attach_transcript(pending.tracking_code, "هر متنی", "system:asr").tracking_code == existing.tracking_code


def test_family_member_whose_code_is_pending_is_not_filed_under_the_caller(intake):
    pending = intake.submit(Submission(
        channel=Channel.VOICE, caller=Person(national_code=FATHER), subject=Person(national_code=None),
        text=SUBSIDY_SMS, flags=frozenset({IDENTITY_PENDING}),
    ))
    case, _, _ = intake.get_case(tracking_code=pending.tracking_code)
    assert case.identity is None and case.caller_national_code == FATHER and IDENTITY_PENDING in case.flags
    # The father's own subsidy matter is not this one.
    assert intake.submit(submission(SUBSIDY_SMS, FATHER)).tracking_code != pending.tracking_code
    intake.set_identity(pending.tracking_code, SON, "operator:t", subject=True)
    assert intake.follow_up(pending.tracking_code, SON) is not None


def test_identity_pending_case_is_completed_by_an_operator(intake):
    pending = intake.submit(Submission(channel=Channel.VOICE, caller=Person(phone="09121234567"), text=WATER_BILL,
                                       flags=frozenset({IDENTITY_PENDING})))
    case, _, _ = intake.get_case(tracking_code=pending.tracking_code)
    assert case.identity is None and IDENTITY_PENDING in case.flags
    done = intake.set_identity(pending.tracking_code, FATHER, "operator:t")
    assert done.outcome == Outcome.REGISTERED
    assert intake.follow_up(pending.tracking_code, FATHER) is not None


def test_a_batch_registers_each_matter_once_and_reports_each_item(intake):
    results = intake.submit_many([
        submission(SUBSIDY_SMS, FATHER, external_id="b-1"),
        submission(SUBSIDY_LETTER, FATHER, channel=Channel.LETTER),  # repeats the first, inside the batch
        submission(WATER_BILL, FATHER),
        submission(SUBSIDY_SMS, "0012345678"),  # invalid: its error, the rest unaffected
        submission("متن دیگر", FATHER, external_id="b-1"),  # the same message twice in one batch
        submission(WATER_OUTAGE, NEIGHBOUR),
    ])
    first, repeat, bill, invalid, resent, neighbour = results
    assert first.outcome == Outcome.REGISTERED
    assert repeat.outcome == Outcome.DUPLICATE and repeat.tracking_code == first.tracking_code
    assert bill.outcome == Outcome.REGISTERED and bill.tracking_code != first.tracking_code
    assert isinstance(invalid, InvalidNationalCode)
    assert resent.replayed and resent.tracking_code == first.tracking_code
    assert neighbour.outcome == Outcome.REGISTERED
    assert sum(intake.counts("status").values()) == 3
    # Sent again later, the batch replays its first answers.
    again = intake.submit_many([submission(SUBSIDY_SMS, FATHER, external_id="b-1")])
    assert again[0].replayed and again[0].tracking_code == first.tracking_code


def test_a_batch_whose_candidates_changed_is_decided_again_in_a_locking_unit_and_stored_once(clock):
    factory = _ChangedOnce(None)  # the conflict names no one: the whole batch again
    intake = IntakeService(factory, clock=clock)
    caller = national_code(7)
    results = intake.submit_many([submission("یارانه ام واریز نشده", caller),
                                  submission("قبض آب خیلی زیاد آمده", caller)])
    assert factory.units == ["optimistic", "locking"]
    assert [r.outcome for r in results] == [Outcome.REGISTERED, Outcome.REGISTERED]
    assert len(intake.search(national_code=caller)) == 2  # the failed attempt stored nothing
    intake.submit(submission("یارانه ام دو ماهه واریز نشده", caller))
    assert factory.units[-1] == "optimistic"  # the next batch is optimistic again


class _ChangedOnce(MemoryUnitOfWorkFactory):
    """Optimistic units that store at commit (as PostgreSQL's does); the first commit finds `person`'s cases
    changed by another writer (None: a conflict that names no one) and stores nothing."""

    def __init__(self, person):
        super().__init__()
        self.person, self.units, self.commits = person, [], []

    def __call__(self):
        self.units.append("locking")
        return super().__call__()

    def optimistic(self):
        self.units.append("optimistic")
        factory, unit = self, super().__call__()
        publish, batch = unit.commit, {}

        def write_intake(new, repeats):
            batch["writes"] = (new, repeats)

        def commit():
            new, repeats = batch.pop("writes", ([], []))
            factory.commits.append(sorted({case.identity for case, _, _ in new + repeats}))
            if len(factory.commits) == 1:
                raise Contended("candidates changed", frozenset({factory.person} - {None}))
            store_intake(unit.cases, new, repeats)
            publish()

        unit.cases.write_intake, unit.commit = write_intake, commit
        return unit


def test_a_batch_stores_the_people_whose_cases_did_not_change_and_decides_again_for_the_one_whose_did(clock):
    one, two = national_code(8), national_code(9)
    factory = _ChangedOnce(one)
    intake = IntakeService(factory, clock=clock)
    results = intake.submit_many([submission("یارانه ام واریز نشده", one), submission("قبض آب خیلی زیاد آمده", two),
                                  submission("یارانه ام هنوز واریز نشده", one)])
    assert factory.units == ["optimistic", "locking"]  # the locking unit only for the one whose cases changed
    assert factory.commits == [sorted([one, two]), [two]]
    assert [r.outcome for r in results] == [Outcome.REGISTERED, Outcome.REGISTERED, Outcome.DUPLICATE]
    assert results[2].tracking_code == results[0].tracking_code
    assert len(intake.search(national_code=one)) == 1 and len(intake.search(national_code=two)) == 1


def test_a_message_twice_in_a_batch_goes_with_its_first_copy_when_its_person_is_decided_again(clock):
    one, two = national_code(10), national_code(11)
    intake = IntakeService(_ChangedOnce(one), clock=clock)
    first, other, again = intake.submit_many([submission("یارانه ام واریز نشده", one, external_id="m-1"),
                                              submission("قبض آب خیلی زیاد آمده", two),
                                              submission("یارانه ام واریز نشده", one, external_id="m-1")])
    assert first.outcome == Outcome.REGISTERED and other.outcome == Outcome.REGISTERED
    assert again.replayed and again.tracking_code == first.tracking_code and again.case_id == first.case_id
    assert first.case_id is not None
