"""The SMS channel's use of core: stored MO rows → whole messages → Submission/follow-up/hold → replies in
the outbox. Synchronous (called from worker threads by channels.sms.runner); every step is safe to repeat
after a crash: the Submission's external_id is the message key, so core replays its first answer, and a
reply's outbox key is unique, so it is queued once."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable

from sqlalchemy import exc as sa_exc

from core import identity as ident
from core.errors import DargahError, NotFound
from core.intake import IntakeService
from core.model import Case, Channel, Outcome, ReviewItem, ReviewKind, Submission
from core.ports import Clock, SystemClock

from channels.sms import codings, concat, normalize, pdu, replies
from channels.sms.payloads import InboundSms, Receipt
from channels.sms.store import MO, RECEIPT, SmsStore, dedup_key, utc

log = logging.getLogger("dargah.sms")

# Messages handled per transaction of core's intake (and per outbox write).
BATCH = 100


@dataclass
class SmsConfig:
    short_code: str = "1111"
    mt_rate: float = 50.0  # submit_sm per second at most (the SMSC's contract)
    mt_window: int = 10  # outbox rows with a submit_sm in flight at once
    use_message_payload: bool = False  # long replies in message_payload instead of UDH parts
    hold_window: timedelta = timedelta(hours=24)  # how long a text waits for its national code
    part_timeout: timedelta = timedelta(minutes=5)  # a missing part: process what arrived after this
    retransmit_window: timedelta = timedelta(minutes=10)
    receipt_match_window: timedelta = timedelta(hours=1)
    default_alphabet: codings.Alphabet = codings.Alphabet.GSM7  # what data_coding 0 means on this SMSC
    source_ton: int = 0
    source_npi: int = 0
    max_attempts: int = 8
    retry_base: float = 2.0
    retry_max: float = 600.0
    workers: int = 1  # threads turning stored MOs into cases (SQLite: 1; PostgreSQL: a few)


# DLR states (SMPP 3.4 §5.2.28 message_state and Appendix B "stat:" words) → (delivered, final).
RECEIPT_STATES: dict[str, tuple[bool, bool]] = {
    "ENROUTE": (False, False), "ACCEPTD": (False, False), "UNKNOWN": (False, False),
    "DELIVRD": (True, True), "EXPIRED": (False, True), "DELETED": (False, True),
    "UNDELIV": (False, True), "REJECTD": (False, True),
}
MESSAGE_STATE = {1: "ENROUTE", 2: "DELIVRD", 3: "EXPIRED", 4: "DELETED", 5: "UNDELIV", 6: "ACCEPTD",
                 7: "UNKNOWN", 8: "REJECTD"}


class UnknownReceiptState(ValueError):
    pass


def parse_receipt(sm) -> Receipt:
    """From the receipted_message_id/message_state TLVs, else the Appendix B text «id:… stat:…»."""
    raw_id = sm.tlv(pdu.TAG_RECEIPTED_MESSAGE_ID)
    raw_state = sm.tlv(pdu.TAG_MESSAGE_STATE)
    text = sm.short_message.decode("latin-1")
    fields = {}
    for token in text.replace(" date:", "_date:").split():
        key, sep, value = token.partition(":")
        if sep:
            fields[key.lower()] = value
    message_id = raw_id.rstrip(b"\0").decode("latin-1") if raw_id else fields.get("id", "")
    if raw_state:
        state = MESSAGE_STATE.get(raw_state[0])
        if state is None:
            raise UnknownReceiptState(f"message_state {raw_state[0]}")
    else:
        state = fields.get("stat", "").upper()
    if state not in RECEIPT_STATES:
        raise UnknownReceiptState(state or "missing")
    if not message_id:
        raise UnknownReceiptState("no message id")
    delivered, final = RECEIPT_STATES[state]
    return Receipt(message_id=message_id, state=state, delivered=delivered, final=final)


def id_spellings(message_id: str) -> list[str]:
    """Receipts from some SMSCs give the id in decimal when submit_sm_resp gave it in hex (or the reverse),
    or with leading zeros stripped; try each spelling."""
    out = [message_id]
    try:
        out.append(format(int(message_id), "x"))
        out.append(format(int(message_id), "X"))
    except ValueError:
        pass
    try:
        out.append(str(int(message_id, 16)))
    except ValueError:
        pass
    return list(dict.fromkeys(out))


def destination_address(phone_or_sender: str) -> tuple[str, int, int]:
    """(address, TON, NPI) for submit_sm: international E.164 digits when the number is Iranian/international."""
    digits = phone_or_sender.lstrip("+")
    try:
        canonical = ident.parse_phone(phone_or_sender)
    except DargahError:
        canonical = None
    if canonical:
        return canonical[1:], 1, 1
    return digits, 0, 1


@dataclass
class SmsChannel:
    intake: IntakeService
    store: SmsStore
    config: SmsConfig = field(default_factory=SmsConfig)
    clock: Clock = field(default_factory=SystemClock)
    _held: set = field(default_factory=set, repr=False)  # senders with a held message (hint, per batch)
    # Called before each message is processed; the runner uses it to let acknowledgements go first
    # (on SQLite both need the one write lock; an ack waits for a commit, processing can wait).
    pause: Callable[[], None] = field(default=lambda: None, repr=False)

    # ------------------------------------------------------------------ receiving (before the ack)
    def inbound_row(self, data: bytes) -> dict:
        """The row stored for one received deliver_sm; never raises (an unreadable PDU is kept raw)."""
        try:
            sm = pdu.parse_short_message(data)
        except (pdu.PduError, UnicodeDecodeError):
            return {"kind": MO, "sender": "", "destination": "", "data_coding": -1, "pdu": data,
                    "dedup_key": dedup_key("", 0, 0, data, ())}
        return {"kind": RECEIPT if sm.is_receipt else MO, "sender": sm.source_addr[:32],
                "destination": sm.destination_addr[:32], "data_coding": sm.data_coding, "pdu": data,
                "dedup_key": dedup_key(sm.source_addr, sm.data_coding, sm.esm_class, sm.short_message, sm.tlvs)}

    # ------------------------------------------------------------------ processing (after the ack)
    def process_pending(self) -> int:
        """Everything stored and not yet handled: receipts, single messages, completed and stale groups.
        Rows of a batch are marked handled and their replies queued in one transaction per batch; a crash in
        between replays the batch harmlessly (core replays answers per external_id, outbox keys are unique).
        With config.workers > 1 (PostgreSQL), senders are spread over threads; one sender's messages stay in
        order in one thread (a held text and the code that completes it)."""
        done = self._receipts()
        now = self.clock.now()
        rows = self.store.claim_new(MO)
        self._held = self.store.held_senders({r["sender"] for r in rows}, now - self.config.hold_window)
        workers = max(1, min(self.config.workers, len(rows) // 20 or 1))
        if workers == 1:
            results = [self._process_rows(rows)]
        else:
            lanes: list[list[dict]] = [[] for _ in range(workers)]
            for row in rows:
                lanes[hash(row["sender"]) % workers].append(row)
            with ThreadPoolExecutor(workers, thread_name_prefix="sms-process") as pool:
                results = list(pool.map(self._process_rows, lanes))
        touched: set[str] = set()
        for count, keys in results:
            done += count
            touched |= keys
        stale = set(self.store.stale_groups(now - self.config.part_timeout))
        for key in touched | stale:
            done += self._try_join(key, force=key in stale)
        return done

    def _process_rows(self, rows: list[dict]) -> tuple[int, set[str]]:
        done, touched = 0, set()
        for start in range(0, len(rows), BATCH):
            whole: list[tuple[list[int], InboundSms]] = []
            finished = []
            for row in rows[start:start + BATCH]:
                self.pause()
                try:
                    sm = pdu.parse_short_message(row["pdu"])
                    ud = concat.user_data(sm)
                except (pdu.PduError, concat.BadUserDataHeader, UnicodeDecodeError) as exc:
                    finished.append(self._handled([row["id"]], self._undecodable(row, str(exc))))
                    continue
                if ud.concat is not None:
                    key = concat.concat_key(row["sender"], ud.concat)
                    self.store.mark_waiting(row["id"], key, ud.concat.seq, ud.concat.total)
                    touched.add(key)
                    continue
                try:
                    whole.append(([row["id"]], self._decode(row, sm.data_coding, {1: ud.body}, 1)))
                except Exception:  # noqa: BLE001 - _safely holds it for operators
                    finished.append(self._safely([row["id"]], lambda: self._decode(row, sm.data_coding, {1: ud.body}, 1)))
            finished += self._handle_many(whole)
            self.store.finish_many(finished, self.clock.now())
            done += len(finished)
        return done, touched

    def _handle_many(self, messages: list[tuple[list[int], InboundSms]]) -> list:
        """Plain registrations (a valid code and a matter, from a sender with nothing held and nothing else in
        this batch that needs the conversation) go to core in one `submit_many` transaction; everything else is
        handled one by one, after them, in arrival order — so «پیگیری» of a code registered earlier in the same
        batch finds its case."""
        decisions = [(ids, m, self._decision(m)) for ids, m in messages]
        plain = lambda m, d: (isinstance(d, normalize.Register) and bool(d.matter)  # noqa: E731
                              and m.sender not in self._held)
        conversational = {m.sender for _, m, d in decisions if not plain(m, d)}
        batch = [(ids, m, d) for ids, m, d in decisions if plain(m, d) and m.sender not in conversational]
        rest = [(ids, m) for ids, m, d in decisions if not (plain(m, d) and m.sender not in conversational)]
        finished = []
        if batch:
            try:
                results = self.intake.submit_many([d.submission for _, _, d in batch])
            except sa_exc.DBAPIError:
                raise
            except Exception:  # noqa: BLE001 - one by one instead, where _safely isolates the broken message
                log.exception("SMS batch of %d failed; handling its messages one by one", len(batch))
                rest = [(ids, m) for ids, m, _ in batch] + rest
                results = []
            for (ids, message, _), result in zip(batch, results):
                finished.append(self._finished_registration(ids, message, result))
        for ids, message in rest:
            finished.append(self._safely(ids, lambda: message))
        return finished

    @staticmethod
    def _decision(msg: InboundSms):
        if "undecodable" in msg.flags:
            return None
        try:
            return normalize.decide(msg)
        except Exception:  # noqa: BLE001 - handled one by one, where _safely holds it for operators
            return None

    def _finished_registration(self, row_ids: list[int], msg: InboundSms, result) -> tuple:
        if isinstance(result, DargahError):
            log.info("SMS %s not registered: %s", msg.key, result.code)
            self._hold(msg, normalize.caller_phone(msg.sender), ReviewKind.NEEDS_REVIEW,
                       f"intake refused: {result.code}", {})
            reply = result.message_fa
        else:
            reply = self._result_text(result)
        return row_ids, msg.key, "done", (f"reply:{msg.key}", msg.sender, reply) if msg.sender else None

    def _try_join(self, key: str, force: bool) -> int:
        rows = self.store.waiting_parts(key)
        if not rows:
            return 0
        total = rows[0]["part_total"]
        parts: dict[int, bytes] = {}
        coding = None
        for row in rows:
            sm = pdu.parse_short_message(row["pdu"])
            if row["part_seq"] not in parts:
                parts[row["part_seq"]] = concat.user_data(sm).body
                coding = sm.data_coding if coding is None else coding
        if len(parts) < total and not force:
            return 0
        ids = [r["id"] for r in rows]
        first = rows[0]
        self._held |= self.store.held_senders({first["sender"]}, self.clock.now() - self.config.hold_window)
        self.store.finish_many([self._safely(ids, lambda: self._decode(first, coding, parts, total))], self.clock.now())
        if len(parts) < total:
            log.warning("message %s kept with %d of %d parts after the part timeout", f"sms:{first['id']}",
                        len(parts), total)
        return 1

    def _decode(self, row: dict, data_coding: int, parts: dict[int, bytes], total: int) -> InboundSms:
        key = f"sms:{row['id']}"
        received = utc(row["received_at"])
        try:
            text, partial = concat.join(data_coding, parts, total, self.config.default_alphabet)
        except (codings.UnknownDataCoding, codings.Undecodable) as exc:
            return self._undecodable(row, str(exc), b"".join(parts[s] for s in sorted(parts)))
        return InboundSms(key=key, sender=row["sender"], text=text, received_at=received,
                          flags=frozenset({"partial"}) if partial else frozenset(),
                          coding=codings.coding_name(data_coding))

    def _undecodable(self, row: dict, reason: str, body: bytes | None = None) -> InboundSms:
        raw = body if body is not None else row["pdu"]
        return InboundSms(key=f"sms:{row['id']}", sender=row["sender"], text="", received_at=utc(row["received_at"]),
                          flags=frozenset({"undecodable"}), coding=f"0x{row['data_coding'] & 0xFF:02x}",
                          raw_hex=raw.hex() + "|" + reason[:80])

    def _safely(self, row_ids: list[int], message: Callable[[], InboundSms]):
        """_handled, except that a message that breaks the code (a bug, not the database) cannot block the
        queue behind it: it is held for operators with its rows marked "error". Database errors propagate,
        so the batch is retried."""
        try:
            return self._handled(row_ids, message())
        except sa_exc.DBAPIError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.exception("SMS rows %s could not be processed", row_ids)
            key = f"sms:{row_ids[0]}"
            self.intake.hold(ReviewItem(id=None, kind=ReviewKind.NEEDS_REVIEW, channel=Channel.SMS,
                                        reason=f"processing error: {type(exc).__name__}", text="",
                                        created_at=self.clock.now(), external_id=key,
                                        fields={"inbound_rows": row_ids}))
            return row_ids, key, "error", None

    def _handled(self, row_ids: list[int], message: InboundSms):
        reply, state = self.handle(message)
        if state == "held":
            self._held.add(message.sender)
        return row_ids, message.key, state, (f"reply:{message.key}", message.sender, reply) if reply and message.sender else None

    def _finish(self, row_ids: list[int], message: InboundSms) -> None:
        self.store.finish_many([self._handled(row_ids, message)], self.clock.now())

    def _receipts(self) -> int:
        count = 0
        now = self.clock.now()
        for row in self.store.claim_new(RECEIPT):
            try:
                receipt = parse_receipt(pdu.parse_short_message(row["pdu"]))
            except (UnknownReceiptState, pdu.PduError) as exc:
                log.warning("delivery receipt %s unreadable: %s", row["id"], exc)
                self.store.mark_done([row["id"]], None, now, state="unmatched")
                continue
            outbox_id = self.store.apply_receipt(id_spellings(receipt.message_id), receipt.delivered, receipt.final,
                                                 receipt.state, now)
            if outbox_id is not None:
                self.store.mark_done([row["id"]], f"outbox:{outbox_id}", now)
                count += 1
            elif utc(row["received_at"]) < now - self.config.receipt_match_window:
                log.warning("delivery receipt %s matches no outbox part", row["id"])
                self.store.mark_done([row["id"]], None, now, state="unmatched")
            # else: the receipt overtook our record of the submit_sm_resp; try again next round
        return count

    # ------------------------------------------------------------------ one whole message
    def handle(self, msg: InboundSms) -> tuple[str | None, str]:
        """Register / follow up / hold one whole message. Returns (reply text, state of its rows):
        "held" while the text waits for a national code, else "done"."""
        phone = normalize.caller_phone(msg.sender)
        if "undecodable" in msg.flags:
            self._hold(msg, phone, ReviewKind.UNDECODABLE, f"unreadable SMS coding {msg.coding}",
                       {"data_coding": msg.coding, "raw": msg.raw_hex})
            return replies.undecodable(), "done"
        decision = normalize.decide(msg)
        if isinstance(decision, normalize.FollowUp):
            return self._follow_up(decision, phone), "done"
        if isinstance(decision, normalize.MissingCode):
            self._hold(msg, phone, ReviewKind.AWAITING_NATIONAL_CODE, "SMS without a national code", {})
            return replies.ask_national_code(), "held"
        if isinstance(decision, normalize.InvalidCode):
            self._hold(msg, phone, ReviewKind.INVALID_NATIONAL_CODE, "national code fails its check digit", {})
            return replies.invalid_national_code(), "held"
        return self._register(msg, decision, phone), "done"

    def _register(self, msg: InboundSms, decision: normalize.Register, phone: str | None) -> str:
        held: list[ReviewItem] = []
        if phone and msg.sender in self._held:
            for kind in (ReviewKind.AWAITING_NATIONAL_CODE, ReviewKind.INVALID_NATIONAL_CODE):
                held += self.intake.held_for_phone(phone, kind, self.config.hold_window)
        sub = decision.submission
        try:
            if held:
                # The code completes what this phone sent before (one matter, however many messages it
                # took); every held item resolves into the same submission, so the second and later ones
                # are recorded as contacts of the first one's case.
                held.sort(key=lambda i: i.id)
                texts = [normalize.without_codes(i.text) for i in held] + [decision.matter]
                text = "\n".join(dict.fromkeys(t for t in texts if t))
                if not text:
                    return replies.ask_text()
                first = None
                for n, item in enumerate(held):
                    result = self.intake.resolve_review(item.id, Submission(
                        channel=Channel.SMS, caller=sub.caller, subject=sub.subject, text=text,
                        external_id=msg.key if n == 0 else f"{msg.key}#{n}", flags=sub.flags,
                    ), "channel:sms")
                    first = first or result
                self.store.release_held(msg.sender)
                self._held.discard(msg.sender)
                return self._result_text(first)
            if not decision.matter:
                return replies.ask_text()
            result = self.intake.submit(sub)
        except DargahError as exc:
            log.info("SMS %s not registered: %s", msg.key, exc.code)
            self._hold(msg, phone, ReviewKind.NEEDS_REVIEW, f"intake refused: {exc.code}", {})
            return exc.message_fa
        return self._result_text(result)

    @staticmethod
    def _result_text(result) -> str:
        if result.outcome == Outcome.DUPLICATE:
            return replies.duplicate(result.tracking_code)
        return replies.registered(result.tracking_code)

    def _follow_up(self, decision: normalize.FollowUp, phone: str | None) -> str:
        if decision.tracking_code is None:
            return replies.follow_up_bad_code()
        if decision.national_code:
            view = self.intake.follow_up(decision.tracking_code, decision.national_code)
            return replies.follow_up(view) if view else replies.follow_up_not_found()
        try:
            case, _, _ = self.intake.get_case(tracking_code=decision.tracking_code)
            registered_by = case.caller_phone
            for _ in range(5):
                if case.merged_into is None:
                    break
                case, _, _ = self.intake.get_case(case_id=case.merged_into)
        except NotFound:
            return self._not_found(decision)
        if not phone or phone not in (registered_by, case.caller_phone):
            return self._not_found(decision)  # same answer as an unknown code: no oracle
        return replies.follow_up(self.intake.view(case))

    @staticmethod
    def _not_found(decision: normalize.FollowUp) -> str:
        # A national code that fails its check is the citizen's typo: say so (it tells nothing about the case).
        return replies.invalid_national_code() if decision.national_code_invalid else replies.follow_up_not_found()

    def _hold(self, msg: InboundSms, phone: str | None, kind: ReviewKind, reason: str, fields: dict) -> None:
        if phone and any(i.external_id == msg.key for i in self.intake.held_for_phone(phone, kind, self.config.hold_window)):
            return  # this message was held before a crash: hold once
        flags = sorted(msg.flags)
        self.intake.hold(ReviewItem(
            id=None, kind=kind, channel=Channel.SMS, reason=reason + (f" ({', '.join(flags)})" if flags else ""),
            text=msg.text, created_at=msg.received_at, caller_phone=phone, external_id=msg.key,
            fields={**fields, "sender": msg.sender},
        ))
        log.info("SMS %s from %s held as %s", msg.key, ident.mask(phone or msg.sender), kind.value)


@dataclass
class SmsNotifier:
    """core.ports.Notifier over the SMS outbox (the gateway wires it into IntakeService)."""

    store: SmsStore
    clock: Clock = field(default_factory=SystemClock)

    def case_answered(self, case: Case) -> None:
        if not ident.is_mobile(case.caller_phone):
            return
        at = case.answered_at.isoformat() if case.answered_at else ""
        self.store.enqueue(f"answer:{case.tracking_code}:{at}", case.caller_phone[1:], replies.case_answered(case),
                           self.clock.now())

    def tracking_code_issued(self, phone: str, tracking_code: str, duplicate: bool) -> None:
        if not ident.is_mobile(phone):
            return
        self.store.enqueue(f"code:{tracking_code}:{phone}", phone[1:],
                           replies.tracking_code_issued(tracking_code, duplicate), self.clock.now())
