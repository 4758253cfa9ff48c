"""The SQL adapters on SQLite and PostgreSQL: round trips, and the dedup guard under concurrency."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from core.intake import TRANSCRIPTION_PENDING
from core.model import CaseStatus, Channel, Outcome
from core.ports import Contended
from core.topics import OTHER
from tests.factories import national_code, submission

CALLER = national_code(20)
TEXT = "یارانه ام دو ماهه واریز نشده"


def test_case_round_trip_keeps_every_field(services):
    result = services.intake.submit(submission(TEXT, CALLER, subject=national_code(21), external_id="e-1"))
    case, contacts, events = services.intake.get_case(tracking_code=result.tracking_code)
    assert case.identity == national_code(21) and case.caller_national_code == CALLER
    assert case.caller_phone == "+989121234567" and case.channel == Channel.SMS
    assert case.created_at.tzinfo is not None
    assert contacts[0].external_id == "e-1" and contacts[0].outcome == Outcome.REGISTERED
    assert [e.kind for e in events][:1] == ["registered"]


def test_concurrent_identical_submissions_register_exactly_one_case(services):
    def send(i):
        return services.intake.submit(submission(TEXT, CALLER))

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(send, range(32)))
    codes = {r.tracking_code for r in results}
    assert len(codes) == 1
    assert sorted(r.outcome.value for r in results).count("registered") == 1
    _, contacts, _ = services.intake.get_case(tracking_code=codes.pop())
    assert len(contacts) == 32


def test_concurrent_same_external_id_records_one_contact(services):
    def send(i):
        return services.intake.submit(submission(TEXT, CALLER, external_id="smsc-77"))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(send, range(16)))
    assert len({r.tracking_code for r in results}) == 1
    _, contacts, _ = services.intake.get_case(tracking_code=results[0].tracking_code)
    assert len(contacts) == 1


def test_search_and_counts(services):
    a = services.intake.submit(submission(TEXT, CALLER))
    services.intake.submit(submission("قبض آب خیلی زیاد آمده", national_code(22), channel=Channel.LETTER, phone="02188776655"))
    assert [c.tracking_code for c in services.intake.search(national_code=CALLER)] == [a.tracking_code]
    assert len(services.intake.search(phone="۰۲۱۸۸۷۷۶۶۵۵")) == 1
    assert services.intake.counts("channel") == {"sms": 1, "letter": 1}
    assert sum(services.intake.counts("status").values()) == 2


def test_concurrent_overlapping_batches_register_one_case_per_person_without_deadlock(services):
    people = [national_code(100 + i) for i in range(12)]

    def send(offset):
        batch = [submission(TEXT, people[(offset + j) % len(people)]) for j in range(len(people))]
        return services.intake.submit_many(batch)

    with ThreadPoolExecutor(max_workers=6) as pool:
        batches = list(pool.map(send, range(6)))
    for person in people:
        cases = services.intake.search(national_code=person)
        assert len(cases) == 1
        _, contacts, _ = services.intake.get_case(tracking_code=cases[0].tracking_code)
        assert len(contacts) == 6
    outcomes = [r.outcome.value for batch in batches for r in batch]
    assert outcomes.count("registered") == len(people)


def test_one_batch_stores_new_cases_and_repeats_of_new_and_stored_cases_in_order(services):
    stored = services.intake.submit(submission(TEXT, CALLER, external_id="first"))
    other = national_code(23)
    water = "آب محله ما سه روز است قطع است"
    batch = [
        submission(water, other, external_id="b-1", channel=Channel.LETTER),  # new
        submission(TEXT, CALLER, external_id="b-2"),  # repeats the stored case
        submission(water, other, external_id="b-3"),  # repeats the case new in this batch
        submission("", other),  # invalid: its error only
        submission(TEXT, CALLER, external_id="b-2"),  # the same message twice in the batch
    ]
    results = services.intake.submit_many(batch)
    assert [getattr(r, "outcome", None) for r in results[:3]] == [Outcome.REGISTERED, Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert results[1].tracking_code == stored.tracking_code and results[2].tracking_code == results[0].tracking_code
    assert results[0].case_id and results[2].case_id == results[0].case_id
    assert isinstance(results[3], Exception) and results[4].replayed and results[4].tracking_code == stored.tracking_code

    case, contacts, events = services.intake.get_case(tracking_code=results[0].tracking_code)
    assert [(c.external_id, c.outcome, c.channel) for c in contacts] == [
        ("b-1", Outcome.REGISTERED, Channel.LETTER), ("b-3", Outcome.DUPLICATE, Channel.SMS)]
    assert [e.kind for e in events] == ["registered", "status", "contact"]
    case, contacts, events = services.intake.get_case(tracking_code=stored.tracking_code)
    assert [c.external_id for c in contacts] == ["first", "b-2"]
    assert events[-1].kind == "contact" and case.updated_at > stored_created(services, stored)


def stored_created(services, result):
    case, _, _ = services.intake.get_case(tracking_code=result.tracking_code)
    return case.created_at


# The optimistic intake unit of work (PostgreSQL; SQLite's is an ordinary one, locked from BEGIN IMMEDIATE).

def _optimistic_new_cases(services, text: str, *people: str):
    """Open an optimistic unit, read these people's candidates and decide a new case for each, as core does;
    return the unit (entered, its batch given), what it read and the batch, to commit after something else
    happened."""
    intake = services.intake
    uow = intake.uow.optimistic().__enter__()
    subs = [intake.validate(submission(text, person)) for person in people]
    now = intake.clock.now()
    live = uow.cases.candidates(list(people), intake.dedup.closed_since(now))
    writes = []
    for sub in subs:
        case, events = intake._new_case(sub, "subsidy", now)
        writes.append((case, intake._contact(sub, Outcome.REGISTERED), events))
    uow.cases.write_intake(writes, [])
    return uow, live, writes


def _assert_commit_refused(services, uow):
    """The unit's commit raises Contended and stores nothing: the caller keeps the one case stored meanwhile."""
    with pytest.raises(Contended):
        uow.commit()
    uow.__exit__(None, None, None)
    assert len(services.intake.search(national_code=CALLER)) == 1


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_commit_stores_nothing_when_another_writer_registered_the_person_meanwhile(services):
    uow, live, _ = _optimistic_new_cases(services, TEXT, CALLER)
    assert live == {CALLER: []}
    services.intake.submit(submission(TEXT, CALLER))  # another process, between the read and the commit
    _assert_commit_refused(services, uow)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_commit_stores_nothing_when_a_candidate_changed_meanwhile(services):
    first = services.intake.submit(submission(TEXT, CALLER))
    uow, live, _ = _optimistic_new_cases(services, "قبض آب این ماه خیلی زیاد آمده", CALLER)
    assert [c.tracking_code for c in live[CALLER]] == [first.tracking_code]
    services.intake.change_status(first.tracking_code, CaseStatus.IN_PROGRESS, "agency:test")
    _assert_commit_refused(services, uow)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_conflict_names_whose_cases_changed_and_the_rest_of_the_batch_can_be_committed(services):
    intake, other = services.intake, national_code(25)
    uow, _, writes = _optimistic_new_cases(services, TEXT, CALLER, other)
    intake.submit(submission(TEXT, CALLER))  # another writer registers the first person meanwhile
    with pytest.raises(Contended) as conflict:
        uow.commit()
    assert conflict.value.identities == {CALLER}
    uow.cases.write_intake(writes[1:], [])
    uow.commit()
    uow.__exit__(None, None, None)
    assert len(intake.search(national_code=CALLER)) == 1 and len(intake.search(national_code=other)) == 1


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_commit_does_not_check_a_person_whose_cases_were_not_read(services):
    """A contact with no text yet (a voice message before its transcript) is compared with no case: another
    case of the person stored meanwhile does not refuse it."""
    intake = services.intake
    uow = intake.uow.optimistic().__enter__()
    sub = intake.validate(submission("", CALLER, flags=frozenset({TRANSCRIPTION_PENDING})))
    case, events = intake._new_case(sub, OTHER, intake.clock.now())
    intake.submit(submission(TEXT, CALLER))  # meanwhile
    uow.cases.write_intake([(case, intake._contact(sub, Outcome.REGISTERED), events)], [])
    uow.commit()
    uow.__exit__(None, None, None)
    assert len(intake.search(national_code=CALLER)) == 2


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_commit_stands_when_another_writer_only_added_a_contact_to_a_candidate(services):
    """A repeat contact moves its case's updated_at, which the deduplicator does not decide on (the case is
    open): two processes taking repeats of one case must not keep sending each other back to decide again."""
    first = services.intake.submit(submission(TEXT, CALLER))
    uow, _, _ = _optimistic_new_cases(services, "قبض آب این ماه خیلی زیاد آمده", CALLER)
    assert services.intake.submit(submission(TEXT + " لطفا رسیدگی کنید", CALLER)).outcome == Outcome.DUPLICATE
    uow.commit()
    uow.__exit__(None, None, None)
    assert len(services.intake.search(national_code=CALLER)) == 2
    _, contacts, _ = services.intake.get_case(tracking_code=first.tracking_code)
    assert len(contacts) == 2


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_optimistic_commit_stores_the_batch_when_nothing_changed(services):
    first = services.intake.submit(submission(TEXT, CALLER))
    services.intake.submit(submission(TEXT, national_code(24)))  # another person: no conflict
    uow, _, _ = _optimistic_new_cases(services, "قبض آب این ماه خیلی زیاد آمده", CALLER)
    uow.commit()
    uow.__exit__(None, None, None)
    assert {c.tracking_code for c in services.intake.search(national_code=CALLER)} > {first.tracking_code}


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_submission_that_lost_the_optimistic_race_is_decided_again_under_the_lock(services):
    """The person's first case is stored by another writer between this batch's read and its commit: the
    batch is decided again, under the lock, and repeats that case instead of registering a second."""
    intake = services.intake
    make_unit = intake.uow.optimistic
    raced = []

    class RacedUnit:
        def __enter__(self):
            self.unit = make_unit().__enter__()
            self.cases = self.unit.cases
            read = self.cases.candidates

            def candidates(identities, since):
                found = read(identities, since)
                if not raced:
                    raced.append(True)
                    intake.submit(submission(TEXT, CALLER))  # another writer, between the read and the commit
                return found

            self.cases.candidates = candidates
            return self

        def commit(self):
            self.unit.commit()

        def __exit__(self, *exc):
            self.unit.__exit__(*exc)

    intake.uow.optimistic = RacedUnit
    result = intake.submit(submission(TEXT + " لطفا رسیدگی کنید", CALLER))
    assert raced and result.outcome == Outcome.DUPLICATE
    cases = intake.search(national_code=CALLER)
    assert len(cases) == 1 and cases[0].tracking_code == result.tracking_code
