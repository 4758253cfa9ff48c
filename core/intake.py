"""The intake use case and the case-handling operations around it.

Every channel calls `IntakeService.submit`; operators and agencies call the rest through the gateway.
One matter is registered once: the identity's candidate cases are read and the deduplicator decides, under
the identity lock in storage or, optimistically, with the lock taken at commit, which stores nothing if the
candidates changed meanwhile (then the decision is made again under the lock); so concurrent identical
submissions register one case.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Sequence

from datetime import datetime, timedelta

from core import identity as ident
from core.dedup import Deduplicator
from core.errors import DargahError, InvalidInput, InvalidTransition, NotFound
from core.model import (
    STATUS_FA,
    TRANSITIONS,
    Case,
    CaseEvent,
    CaseStatus,
    CaseView,
    Contact,
    IntakeResult,
    Outcome,
    Person,
    Relation,
    ReviewItem,
    ReviewKind,
    ReviewState,
    Submission,
)
from core.ports import (
    Clock, Contended, DuplicateKey, NewCase, Notifier, NullNotifier, Repeat, SystemClock, UnitOfWorkFactory,
)
from core.text import fold_digits, normalize
from core.topics import OTHER, TopicCatalog, default_catalog
from core.tracking import is_tracking_code, new_tracking_code

log = logging.getLogger("dargah.intake")

IDENTITY_PENDING = "identity_pending"
TRANSCRIPTION_PENDING = "transcription_pending"
MAX_TEXT = 20_000


@dataclass
class IntakeService:
    uow: UnitOfWorkFactory
    catalog: TopicCatalog = field(default_factory=default_catalog)
    dedup: Deduplicator = field(default_factory=Deduplicator)
    clock: Clock = field(default_factory=SystemClock)
    notifier: Notifier = field(default_factory=NullNotifier)

    # ------------------------------------------------------------------ validation

    def validate(self, sub: Submission) -> Submission:
        """Canonical national codes, phone and text, or a bilingual error naming the field."""
        text = normalize(sub.text or "")
        pending_text = TRANSCRIPTION_PENDING in sub.flags
        if not text and not pending_text:
            raise InvalidInput("متن درخواست خالی است.", "The text of the matter is empty.", field="text", code="empty_text")
        if len(text) > MAX_TEXT:
            raise InvalidInput(
                "متن درخواست بیش از حد طولانی است.", "The text is too long.", field="text", code="text_too_long"
            )
        caller = sub.caller
        code = caller.national_code
        # The matter needs one national code: the caller's, or the subject's when the caller calls for someone
        # else and gives only that person's code. A code that is given must be valid either way.
        subject_has_code = sub.subject is not None and bool(str(sub.subject.national_code or "").strip())
        if code or not (subject_has_code or IDENTITY_PENDING in sub.flags):
            code = ident.parse_national_code(code, field="caller.national_code")
        else:
            code = None
        caller = Person(
            national_code=code,
            phone=ident.parse_phone(caller.phone, field="caller.phone"),
            name=normalize(caller.name or "") or None,
            relation=Relation.SELF,
        )
        subject = sub.subject
        if subject is not None:
            if not subject.national_code and IDENTITY_PENDING in sub.flags:
                subject_code = None
            else:
                subject_code = ident.parse_national_code(subject.national_code, field="subject.national_code")
            about_me = subject.relation in (None, Relation.SELF)
            if subject_code is not None and subject_code == caller.national_code and about_me:
                subject = None  # "about me": the caller is the subject
                # (with a relation, a channel filed a relative's matter under the one code it was given: kept, so
                # that the case is not taken for the person's own voice, `Submission.own_voice`)
            else:
                subject = Person(
                    national_code=subject_code,
                    name=normalize(subject.name or "") or None,
                    relation=subject.relation or Relation.OTHER,
                )
        flags = sub.flags - {IDENTITY_PENDING} if (subject or caller).national_code else sub.flags
        return Submission(
            channel=sub.channel, caller=caller, subject=subject, text=text,
            external_id=(sub.external_id or None), received_at=sub.received_at or self.clock.now(),
            attachments=sub.attachments, flags=frozenset(flags),
        )

    # ------------------------------------------------------------------ intake

    def submit(self, sub: Submission) -> IntakeResult:
        """Register one contact, or return the existing case it repeats. Raises a DargahError on bad input."""
        (result,) = self.submit_many([sub])
        if isinstance(result, DargahError):
            raise result
        return result

    def submit_many(self, subs: Sequence[Submission]) -> list[IntakeResult | DargahError]:
        """Register a batch (an SMS burst, a scanner's batch) in one unit of work: one candidate read and one
        write for the whole batch, under one set of identity locks. Each item's result is what `submit` would
        give, in order; an invalid item yields its error and does not affect the others."""
        results: list[IntakeResult | DargahError | None] = [None] * len(subs)
        valid: list[tuple[int, Submission]] = []
        for i, sub in enumerate(subs):
            try:
                valid.append((i, self.validate(sub)))
            except DargahError as error:
                results[i] = error
        # First optimistically (no lock held while deciding: the commit checks the candidates); the items of
        # people whose cases changed meanwhile, and every item after a storage conflict on the last attempt,
        # again locking first, where the candidates cannot change.
        pending, optimistic = valid, True
        for attempt in range(3):
            try:
                stored = self._submit_batch([s for _, s in pending], optimistic and attempt < 2)
            except Contended:  # the rest of the batch stored nothing either: all of it again
                optimistic = False
                continue
            except DuplicateKey:
                # Another writer stored the same external_id or tracking code first: look again.
                if attempt == 2:
                    raise
                continue
            again = []
            for (i, sub), result in zip(pending, stored):
                if result is None:
                    again.append((i, sub))
                else:
                    results[i] = result
            if not again:
                return results  # type: ignore[return-value]
            pending, optimistic = again, False
        raise AssertionError("unreachable: a locking unit of work leaves no item undecided")

    def _submit_batch(self, subs: list[Submission], optimistic: bool = False) -> list[IntakeResult | None]:
        """Each item's result, or None for an item whose person's cases another writer changed after they were
        read (an optimistic unit stores the rest; the caller decides these again)."""
        if not subs:
            return []
        now = self.clock.now()
        # Decide every item first, then store the batch in one write: (case, outcome, replayed) per item.
        decided: list[tuple[Case, Outcome, bool]] = []
        stored_before: set[int] = set()  # items already stored by an earlier contact (their external_id)
        writes = _Writes()
        with self.uow.optimistic() if optimistic else self.uow() as uow:
            keys = {(s.channel, s.external_id) for s in subs if s.external_id}
            seen = uow.cases.contacts_by_external_id(keys) if keys else {}
            identities = sorted({s.identity for s in subs if s.identity and s.text})
            live = uow.cases.candidates(identities, self.dedup.closed_since(now)) if identities else {}
            in_batch: dict[tuple, tuple[Case, Outcome]] = {}
            for sub in subs:
                key = (sub.channel, sub.external_id)
                if sub.external_id and key in in_batch:  # the same message twice in one batch
                    decided.append((*in_batch[key], True))
                    continue
                if sub.external_id and key in seen:
                    contact = seen[key]
                    decided.append((uow.cases.get(contact.case_id), contact.outcome, True))
                    stored_before.add(len(decided) - 1)
                    continue
                case, outcome = self._decide(sub, live, now, writes)
                decided.append((case, outcome, False))
                if sub.external_id:
                    in_batch[key] = (case, outcome)
            changed = self._store(uow, writes)
        # Left out of the write with their person (a message twice in this batch goes with its first copy).
        results = [None if n not in stored_before and case.identity in changed
                   else self._result(case, outcome, replayed=replayed)
                   for n, (case, outcome, replayed) in enumerate(decided)]
        for r in results:
            if r is not None and not r.replayed:
                log.info("%s case %s via %s topic=%s", r.outcome.value, ident.mask(r.tracking_code),
                         subs[0].channel.value if len(subs) == 1 else "batch", r.topic)
        return results

    @staticmethod
    def _store(uow, writes: "_Writes") -> frozenset[str]:
        """Store the batch; the people whose items were left out because another writer changed their cases
        after they were read (an optimistic unit's conflict: the rest is stored without them)."""
        try:
            uow.cases.write_intake(writes.new, writes.repeats)
            uow.commit()
            return frozenset()
        except Contended as conflict:
            if not conflict.identities:
                raise
            rest = writes.without(conflict.identities)
            uow.cases.write_intake(rest.new, rest.repeats)
            uow.commit()  # a second conflict: the whole batch is decided again
            return conflict.identities

    def _decide(self, sub: Submission, live: dict[str, list[Case]], now: datetime, writes: "_Writes") -> tuple[Case, Outcome]:
        """A new case, or the existing case this contact repeats; what to store goes into `writes`."""
        topic = self.catalog.classify(sub.text).topic if sub.text else OTHER
        identity = sub.identity
        existing = None
        if identity and sub.text:
            existing = self.dedup.find(sub.text, topic, live.setdefault(identity, []), now,
                                       own_voice=sub.own_voice)
        if existing is not None:
            existing.updated_at = now
            writes.repeats.append((existing, self._contact(sub, Outcome.DUPLICATE), CaseEvent(
                id=None, case_id=existing.id or 0, kind="contact", actor=f"channel:{sub.channel.value}", at=now,
                note="duplicate contact",
            )))
            return existing, Outcome.DUPLICATE
        case, events = self._new_case(sub, topic, now)
        writes.new.append((case, self._contact(sub, Outcome.REGISTERED), events))
        if identity and sub.text:
            live[identity].append(case)  # a later contact in this batch may repeat it
        return case, Outcome.REGISTERED

    def _new_case(self, sub: Submission, topic: str, now: datetime) -> tuple[Case, list[CaseEvent]]:
        """The new case and its first events (stored together by the repository)."""
        # A collision of random 12-digit codes is caught by the unique key in storage (DuplicateKey → retry).
        routed = topic != OTHER
        subject = sub.subject
        case = Case(
            id=None, tracking_code=new_tracking_code(), identity=sub.identity,
            caller_national_code=sub.caller.national_code, caller_phone=sub.caller.phone,
            caller_name=sub.caller.name, subject_name=subject.name if subject else None,
            relation=subject.relation if subject else Relation.SELF, channel=sub.channel, text=sub.text,
            topic=topic, agency=self.catalog.topic(topic).agency,
            status=CaseStatus.ROUTED if routed else CaseStatus.REGISTERED,
            created_at=now, updated_at=now, flags=frozenset(sub.flags),
        )
        events = [CaseEvent(id=None, case_id=0, kind="registered", actor=f"channel:{sub.channel.value}", at=now,
                            to_value=CaseStatus.REGISTERED.value)]
        if routed:
            events.append(CaseEvent(
                id=None, case_id=0, kind="status", actor="system:router", at=now,
                from_value=CaseStatus.REGISTERED.value, to_value=CaseStatus.ROUTED.value,
                note=f"topic={topic} agency={case.agency}",
            ))
        return case, events

    def _contact(self, sub: Submission, outcome: Outcome) -> Contact:
        """The contact as it arrived; the repository sets case_id when it stores it."""
        return Contact(
            id=None, case_id=0, channel=sub.channel, outcome=outcome,
            caller_national_code=sub.caller.national_code, caller_phone=sub.caller.phone,
            caller_name=sub.caller.name, text=sub.text, external_id=sub.external_id,
            received_at=sub.received_at or self.clock.now(), attachments=sub.attachments,
        )

    def _result(self, case: Case, outcome: Outcome, *, replayed: bool = False) -> IntakeResult:
        return IntakeResult(outcome=outcome, tracking_code=case.tracking_code, case_id=case.id, status=case.status,
                            topic=case.topic, agency=case.agency, replayed=replayed)

    # ------------------------------------------------------------------ follow-up (citizen)

    def follow_up(self, tracking_code: str, national_code: str) -> CaseView | None:
        """The case's public view, or None when the code is unknown OR the national code does not match
        (callers get the same answer for both: no oracle)."""
        try:
            code = ident.parse_national_code(national_code)
        except InvalidInput:
            return None
        tracking_code = fold_digits((tracking_code or "").strip())
        if not is_tracking_code(tracking_code):
            return None
        with self.uow() as uow:
            case = uow.cases.by_tracking_code(tracking_code)
            seen = 0
            while case is not None and case.merged_into is not None and seen < 5:
                case = uow.cases.get(case.merged_into)
                seen += 1
            if case is None or code not in (case.identity, case.caller_national_code):
                return None
            return self.view(case)

    def view(self, case: Case) -> CaseView:
        topic = self.catalog.topic(case.topic) if case.topic in self.catalog.topics else self.catalog.topic(OTHER)
        agency = self.catalog.agencies.get(case.agency)
        return CaseView(
            tracking_code=case.tracking_code, status=case.status, status_fa=STATUS_FA[case.status],
            agency=case.agency, agency_name_fa=agency.name_fa if agency else case.agency,
            topic=topic.code, topic_name_fa=topic.name_fa, registered_at=case.created_at,
            answer=case.answer, answered_at=case.answered_at,
        )

    # ------------------------------------------------------------------ operators and agencies

    def get_case(self, *, tracking_code: str | None = None, case_id: int | None = None) -> tuple[Case, list[Contact], list[CaseEvent]]:
        with self.uow() as uow:
            case = uow.cases.by_tracking_code(tracking_code) if tracking_code else uow.cases.get(case_id)
            if case is None:
                raise _case_not_found()
            return case, uow.cases.contacts(case.id), uow.cases.events(case.id)

    def correct_topic(self, tracking_code: str, topic: str, actor: str, agency: str | None = None) -> Case:
        if topic not in self.catalog.topics:
            raise InvalidInput("موضوع ناشناخته است.", "Unknown topic.", field="topic", code="unknown_topic")
        agency = agency or self.catalog.topic(topic).agency
        if agency not in self.catalog.agencies:
            raise InvalidInput("دستگاه ناشناخته است.", "Unknown agency.", field="agency", code="unknown_agency")
        now = self.clock.now()
        with self.uow() as uow:
            case = self._load(uow, tracking_code)
            old = f"{case.topic}/{case.agency}"
            case.topic, case.agency, case.updated_at = topic, agency, now
            uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="topic", actor=actor, at=now,
                                          from_value=old, to_value=f"{topic}/{agency}"))
            if case.status == CaseStatus.REGISTERED:
                self._transition(uow, case, CaseStatus.ROUTED, actor, now, note="routed by operator")
            uow.cases.update_case(case)
            uow.commit()
            return case

    def change_status(self, tracking_code: str, status: CaseStatus, actor: str, note: str | None = None,
                      agency: str | None = None) -> Case:
        now = self.clock.now()
        with self.uow() as uow:
            case = self._load(uow, tracking_code, agency=agency)
            self._transition(uow, case, status, actor, now, note=note)
            uow.cases.update_case(case)
            uow.commit()
            return case

    def answer(self, tracking_code: str, text: str, actor: str, agency: str | None = None) -> Case:
        """An agency's answer: stored on the case, status → answered, the citizen is notified."""
        text = normalize(text or "")
        if not text:
            raise InvalidInput("متن پاسخ خالی است.", "The answer is empty.", field="answer", code="empty_text")
        now = self.clock.now()
        with self.uow() as uow:
            case = self._load(uow, tracking_code, agency=agency)
            if case.status == CaseStatus.REGISTERED:
                self._transition(uow, case, CaseStatus.ROUTED, actor, now)
            self._transition(uow, case, CaseStatus.ANSWERED, actor, now)
            case.answer, case.answered_at = text, now
            uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="answer", actor=actor, at=now))
            uow.cases.update_case(case)
            uow.commit()
        self.notifier.case_answered(case)
        return case

    def search(self, **criteria) -> list[Case]:
        if criteria.get("national_code"):
            criteria["national_code"] = ident.parse_national_code(criteria["national_code"])
        if criteria.get("phone"):
            criteria["phone"] = ident.parse_phone(criteria["phone"])
        with self.uow() as uow:
            return uow.cases.search(**criteria)

    def counts(self, by: str) -> dict[str, int]:
        with self.uow() as uow:
            return uow.cases.counts(by)

    # ------------------------------------------------------------------ late identity and text (voice)

    def set_identity(self, tracking_code: str, national_code: str, actor: str, *, subject: bool = False) -> IntakeResult:
        """Complete an «identity pending» case (e.g. an operator transcribed the spoken code)."""
        code = ident.parse_national_code(national_code)
        now = self.clock.now()
        with self.uow() as uow:
            case = self._load(uow, tracking_code)
            if case.identity is not None:
                raise InvalidTransition("هویت این پرونده قبلاً ثبت شده است.", "The identity is already set.",
                                        field="national_code")
            case.identity = code
            if not subject:
                case.caller_national_code = case.caller_national_code or code
            case.flags = case.flags - {IDENTITY_PENDING}
            case.updated_at = now
            uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="identity", actor=actor, at=now,
                                          to_value=ident.mask(code)))
            result = self._merge_if_duplicate(uow, case, actor, now)
            uow.commit()
            return result

    def attach_transcript(self, tracking_code: str, text: str, actor: str) -> IntakeResult:
        """Text for a «pending transcription» case (the ASR job or an operator). Dedup runs now; a duplicate
        is merged into the existing case and this tracking code stays valid as an alias."""
        text = normalize(text or "")
        if not text:
            raise InvalidInput("متن خالی است.", "The transcript is empty.", field="text", code="empty_text")
        now = self.clock.now()
        with self.uow() as uow:
            case = self._load(uow, tracking_code)
            if TRANSCRIPTION_PENDING not in case.flags:
                # Safe to run twice: a second transcript of the same case changes nothing.
                target = uow.cases.get(case.merged_into) if case.merged_into else case
                return self._result(target, Outcome.DUPLICATE if case.merged_into else Outcome.REGISTERED)
            case.text = text
            case.flags = case.flags - {TRANSCRIPTION_PENDING}
            match = self.catalog.classify(text)
            case.topic, case.agency, case.updated_at = match.topic, match.agency, now
            uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="transcript", actor=actor, at=now,
                                          to_value=match.topic))
            if case.status == CaseStatus.REGISTERED and match.topic != OTHER:
                self._transition(uow, case, CaseStatus.ROUTED, "system:router", now)
            result = self._merge_if_duplicate(uow, case, actor, now)
            uow.commit()
            return result

    def _merge_if_duplicate(self, uow, case: Case, actor: str, now: datetime) -> IntakeResult:
        if case.identity and case.text and TRANSCRIPTION_PENDING not in case.flags:
            live = uow.cases.candidates([case.identity], self.dedup.closed_since(now))[case.identity]
            others = [c for c in live if c.id != case.id]
            existing = self.dedup.find(case.text, case.topic, others, now, own_voice=case.relation is Relation.SELF)
            if existing is not None:
                case.merged_into = existing.id
                uow.cases.update_case(case)
                for contact in uow.cases.contacts(case.id):
                    contact.id, contact.case_id, contact.outcome = None, existing.id, Outcome.DUPLICATE
                    contact.external_id = None  # the original row keeps the idempotency key
                    uow.cases.add_contact(contact)
                uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="merged", actor=actor, at=now,
                                              to_value=existing.tracking_code))
                uow.cases.add_event(CaseEvent(id=None, case_id=existing.id, kind="merged", actor=actor, at=now,
                                              from_value=case.tracking_code, note="alias tracking code"))
                return self._result(existing, Outcome.DUPLICATE)
        uow.cases.update_case(case)
        return self._result(case, Outcome.REGISTERED)

    # ------------------------------------------------------------------ review queue (never lose a contact)

    def hold(self, item: ReviewItem) -> ReviewItem:
        """Keep a contact that cannot be registered (yet), visible to operators."""
        item.text = normalize(item.text or "")
        item.created_at = item.created_at or self.clock.now()
        with self.uow() as uow:
            stored = uow.reviews.add(item)
            uow.commit()
        log.info("held %s item %s from %s: %s", item.kind.value, stored.id, item.channel.value, item.reason)
        return stored

    def held_for_phone(self, phone: str, kind: ReviewKind, within: timedelta) -> list[ReviewItem]:
        with self.uow() as uow:
            return uow.reviews.open_for_phone(phone, kind, self.clock.now() - within)

    def review_items(self, **criteria) -> list[ReviewItem]:
        with self.uow() as uow:
            return uow.reviews.list(**criteria)

    def review_item(self, item_id: int) -> ReviewItem:
        with self.uow() as uow:
            item = uow.reviews.get(item_id)
        if item is None:
            raise NotFound("مورد یافت نشد.", "Review item not found.", field="id")
        return item

    def resolve_review(self, item_id: int, submission: Submission, actor: str) -> IntakeResult:
        """Register (or find the duplicate of) a held contact with the operator's corrected fields."""
        item = self.review_item(item_id)
        if item.state != ReviewState.OPEN:
            raise InvalidTransition("این مورد قبلاً بررسی شده است.", "This item is already resolved.", field="id")
        sub = Submission(
            channel=item.channel, caller=submission.caller, subject=submission.subject,
            text=submission.text or item.text, external_id=submission.external_id,
            received_at=item.created_at, attachments=tuple(item.attachments) + tuple(submission.attachments),
        )
        result = self.submit(sub)
        self._close_review(item_id, ReviewState.RESOLVED, actor, result.case_id)
        return result

    def dismiss_review(self, item_id: int, actor: str) -> None:
        self._close_review(item_id, ReviewState.DISMISSED, actor, None)

    def _close_review(self, item_id: int, state: ReviewState, actor: str, case_id: int | None) -> None:
        with self.uow() as uow:
            item = uow.reviews.get(item_id)
            if item is None:
                raise NotFound("مورد یافت نشد.", "Review item not found.", field="id")
            item.state, item.case_id, item.resolved_by, item.resolved_at = state, case_id, actor, self.clock.now()
            uow.reviews.update(item)
            uow.commit()

    # ------------------------------------------------------------------ helpers

    def _load(self, uow, tracking_code: str, agency: str | None = None) -> Case:
        case = uow.cases.by_tracking_code(tracking_code)
        if case is None or (agency is not None and case.agency != agency):
            raise _case_not_found()
        return case

    def _transition(self, uow, case: Case, to: CaseStatus, actor: str, now: datetime, note: str | None = None) -> None:
        if to not in TRANSITIONS[case.status]:
            raise InvalidTransition(
                f"تغییر وضعیت از «{STATUS_FA[case.status]}» به «{STATUS_FA[to]}» مجاز نیست.",
                f"Status cannot change from {case.status.value} to {to.value}.", field="status",
            )
        uow.cases.add_event(CaseEvent(id=None, case_id=case.id, kind="status", actor=actor, at=now,
                                      from_value=case.status.value, to_value=to.value, note=note))
        case.status, case.updated_at = to, now


@dataclass
class _Writes:
    """What one intake batch stores (see CaseRepository.write_intake)."""

    new: list[NewCase] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)

    def without(self, identities: frozenset[str]) -> "_Writes":
        """The same writes less those of these people's cases."""
        return _Writes([w for w in self.new if w[0].identity not in identities],
                       [w for w in self.repeats if w[0].identity not in identities])


def _case_not_found() -> NotFound:
    return NotFound("پرونده‌ای با این مشخصات یافت نشد.", "No case matches these details.", field="tracking_code")
