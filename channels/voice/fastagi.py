"""A small asyncio FastAGI server: Asterisk connects over TCP (`AGI(agi://host:4573)`), sends its
environment, then our side sends one command a line and reads one reply per command.

Protocol (Asterisk res_agi.c; https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/AGI_Commands/):
- environment: `agi_<name>: <value>` lines, ended by a blank line;
- replies: `200 result=<n> [(<data>)] [endpos=<n>]`; `510 Invalid or unknown command`;
  `511 Command Not Permitted on a dead channel or intercept routine`; `520-Invalid command syntax…`
  continued until `520 End of proper usage.`;
- on FastAGI, when the caller hangs up Asterisk writes a bare `HANGUP` line (unless AGISIGHUP=no); later
  commands answer 511.

Every reply code and every `(data)` value goes through a named table; anything else raises
UnknownAgiReply, so a call never continues on a reply we do not understand.
"""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from typing import Awaitable, Callable

from channels.voice.payloads import AgiEnv, AgiReply, GetDataResult, RecordOutcome, RecordResult, ReplyKind

log = logging.getLogger("dargah.voice.agi")

REPLY_CODES: dict[int, ReplyKind] = {
    200: ReplyKind.OK,
    510: ReplyKind.INVALID_COMMAND,
    511: ReplyKind.DEAD_CHANNEL,
    520: ReplyKind.USAGE,
}

# RECORD FILE "(data)" → outcome. "writefile"/"waitfor"/"randomerror" are Asterisk's failure reasons.
RECORD_DATA: dict[str | None, RecordOutcome] = {
    "dtmf": RecordOutcome.DTMF,
    "timeout": RecordOutcome.TIMEOUT,
    "hangup": RecordOutcome.HANGUP,
    "writefile": RecordOutcome.ERROR,
    "waitfor": RecordOutcome.ERROR,
    "randomerror": RecordOutcome.ERROR,
}

# GET DATA "(data)": none, or "(timeout)" when the caller stopped keying before max digits.
GET_DATA_DATA: dict[str | None, bool] = {None: False, "timeout": True}

DTMF_KEYS = frozenset("0123456789*#ABCD")
ENV_PREFIX = "agi_"
MAX_ENV_LINES = 200
HANGUP_LINE = "HANGUP"
DEFAULT_TIMEOUT = -1.0  # "use the session's reply_timeout"

_REPLY = re.compile(r"^(?P<code>\d{3})(?P<sep>[ -])(?P<rest>.*)$")
_RESULT = re.compile(r"^result=(?P<result>\S*)(?:\s+\((?P<data>.*)\))?(?:\s+endpos=(?P<endpos>-?\d+))?\s*$")


class AgiError(Exception):
    """Base of the FastAGI errors; the call ends cleanly on any of them."""


class AgiHangup(AgiError):
    """The caller hung up (HANGUP notification, 511, result=-1 after hang-up, or the socket closed)."""


class AgiProtocolError(AgiError):
    """Asterisk sent something that is not AGI."""


class UnknownAgiReply(AgiProtocolError):
    """A reply code or (data) value outside our tables."""


class AgiCommandError(AgiError):
    """Asterisk refused a command (510/520, or EXEC of an unknown application): a bug on our side."""


def quote(arg: str | int) -> str:
    """One AGI argument. Asterisk splits on spaces and honours double quotes and backslashes."""
    text = str(arg)
    if any(c in text for c in "\r\n\0"):
        raise ValueError("AGI arguments cannot contain line breaks")
    if text and not any(c in text for c in ' "\\\t'):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_reply(line: str) -> AgiReply:
    match = _REPLY.match(line)
    if match is None:
        raise UnknownAgiReply("not an AGI reply line")
    code = int(match["code"])
    kind = REPLY_CODES.get(code)
    if kind is None:
        raise UnknownAgiReply(f"unknown AGI reply code {code}")
    if kind is not ReplyKind.OK:
        return AgiReply(code=code, kind=kind, data=match["rest"])
    result = _RESULT.match(match["rest"])
    if result is None:
        raise UnknownAgiReply("200 reply without result=")
    endpos = result["endpos"]
    return AgiReply(code=code, kind=kind, result=result["result"], data=result["data"],
                    endpos=int(endpos) if endpos is not None else None)


def parse_env(lines: list[str]) -> AgiEnv:
    values: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep or not key.startswith(ENV_PREFIX):
            raise AgiProtocolError("bad AGI environment line")
        values[key[len(ENV_PREFIX):].strip()] = value.strip()
    known = {f: values.pop(f, "") for f in AgiEnv.__struct_fields__ if f != "extra"}
    return AgiEnv(**known, extra=values)


def _digit(result: str) -> str | None:
    """STREAM FILE / SAY DIGITS / RECORD FILE return the ASCII code of the key pressed, 0 for none."""
    try:
        code = int(result)
    except ValueError:
        raise UnknownAgiReply("result is not a number") from None
    if code == 0:
        return None
    key = chr(code) if 0 < code < 128 else ""
    if key not in DTMF_KEYS:
        raise UnknownAgiReply("result is not a DTMF key")
    return key


class AgiSession:
    """One call. Commands are strictly sequential (AGI is request/response on one socket)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, reply_timeout: float = 600.0):
        self.reader = reader
        self.writer = writer
        self.reply_timeout = reply_timeout
        self.env = AgiEnv()
        self.hung_up = False

    # ------------------------------------------------------------------ wire

    async def _readline(self, timeout: float | None = DEFAULT_TIMEOUT) -> str:
        try:
            raw = await asyncio.wait_for(self.reader.readline(), self.reply_timeout if timeout == DEFAULT_TIMEOUT else timeout)
        except asyncio.TimeoutError:
            raise AgiProtocolError("Asterisk did not answer in time") from None
        except (ConnectionError, asyncio.LimitOverrunError, ValueError) as exc:
            raise AgiProtocolError(f"bad line from Asterisk: {type(exc).__name__}") from None
        if not raw:
            self.hung_up = True
            raise AgiHangup("connection closed")
        try:
            return raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            raise AgiProtocolError("reply is not UTF-8") from None

    async def read_env(self) -> AgiEnv:
        lines: list[str] = []
        while True:
            line = await self._readline()
            if line == "":
                break
            lines.append(line)
            if len(lines) > MAX_ENV_LINES:
                raise AgiProtocolError("AGI environment too long")
        self.env = parse_env(lines)
        return self.env

    async def command(self, *words: str | int, timeout: float | None = DEFAULT_TIMEOUT) -> AgiReply:
        """Send one command, return its reply. timeout: seconds to wait for the reply (default reply_timeout;
        None waits as long as the command runs, e.g. EXEC Queue: waiting and talking to an operator)."""
        text = " ".join(quote(w) for w in words)
        if self.hung_up:
            raise AgiHangup("channel already hung up")
        try:
            self.writer.write(text.encode("utf-8") + b"\n")
            await self.writer.drain()
        except ConnectionError:
            self.hung_up = True
            raise AgiHangup("connection closed") from None
        log.debug("agi > %s", " ".join(str(w) for w in words[:2]))  # verb only: arguments may be personal data
        while True:
            line = await self._readline(timeout)
            if line == HANGUP_LINE:
                # FastAGI hang-up notification; the reply to our command still follows.
                self.hung_up = True
                continue
            if line == "":
                continue
            reply = parse_reply(line)
            if reply.kind is ReplyKind.USAGE and line[3] == "-":
                while not (await self._readline()).startswith("520 "):
                    pass
            break
        if reply.kind is ReplyKind.DEAD_CHANNEL:
            self.hung_up = True
            raise AgiHangup("dead channel")
        if reply.kind is not ReplyKind.OK:
            raise AgiCommandError(f"{words[0]} refused ({reply.code})")
        return reply

    @staticmethod
    def _no_data(reply: AgiReply) -> AgiReply:
        """Commands whose reply carries no "(data)": any data means we do not understand the reply."""
        if reply.data is not None:
            raise UnknownAgiReply("unexpected (data) in reply")
        return reply

    def _hangup_result(self, reply: AgiReply) -> None:
        if reply.result == "-1":
            self.hung_up = True
            raise AgiHangup("hang-up during command (result -1)")

    # ------------------------------------------------------------------ commands

    async def answer(self) -> None:
        self._hangup_result(self._no_data(await self.command("ANSWER")))

    async def set_variable(self, name: str, value: str) -> None:
        self._no_data(await self.command("SET", "VARIABLE", name, value))

    async def get_full_variable(self, expression: str) -> str | None:
        reply = await self.command("GET", "FULL", "VARIABLE", expression)
        if reply.result == "0":
            return None
        if reply.result != "1":
            raise UnknownAgiReply("GET FULL VARIABLE result")
        return reply.data or ""

    async def stream_file(self, name: str, escape_digits: str = "") -> str | None:
        """Play a sound file (no extension). Returns the key that interrupted it, if any."""
        reply = self._no_data(await self.command("STREAM", "FILE", name, escape_digits))
        if reply.result == "-1":
            if self.hung_up:
                raise AgiHangup("hang-up during STREAM FILE")
            log.warning("STREAM FILE failed (missing prompt file?)")
            return None
        return _digit(reply.result)

    async def get_data(self, prompt: str, timeout_ms: int, max_digits: int) -> GetDataResult:
        """Play a prompt and collect keys until # / timeout / max digits (# itself is never returned)."""
        reply = await self.command("GET", "DATA", prompt, timeout_ms, max_digits)
        self._hangup_result(reply)
        if reply.data not in GET_DATA_DATA:
            raise UnknownAgiReply("GET DATA data")
        digits = reply.result
        if any(c not in DTMF_KEYS for c in digits):
            raise UnknownAgiReply("GET DATA result is not keys")
        return GetDataResult(digits=digits, timed_out=GET_DATA_DATA[reply.data])

    async def say_digits(self, digits: str, escape_digits: str = "") -> str | None:
        if not digits.isdigit():
            raise ValueError("SAY DIGITS takes digits")
        reply = self._no_data(await self.command("SAY", "DIGITS", digits, escape_digits))
        self._hangup_result(reply)
        return _digit(reply.result)

    async def record_file(self, path: str, fmt: str = "wav", escape_digits: str = "#", timeout_ms: int = 60000,
                          *, beep: bool = True, silence_s: int | None = None) -> RecordResult:
        """Record the caller to `path`.`fmt` on the Asterisk host. On hang-up Asterisk keeps what was recorded."""
        words: list[str | int] = ["RECORD", "FILE", path, fmt, escape_digits, timeout_ms]
        if beep or silence_s:
            words.append(0)  # offset_samples must be present before BEEP
        if beep:
            words.append("BEEP")
        if silence_s:
            words.append(f"s={silence_s}")
        reply = await self.command(*words)
        if reply.data not in RECORD_DATA:
            if reply.data is None and reply.result == "0":
                return RecordResult(outcome=RecordOutcome.TIMEOUT, endpos=reply.endpos)
            raise UnknownAgiReply("RECORD FILE data")
        outcome = RECORD_DATA[reply.data]
        if outcome is RecordOutcome.HANGUP:
            self.hung_up = True
        digit = _digit(reply.result) if outcome is RecordOutcome.DTMF else None
        return RecordResult(outcome=outcome, digit=digit, endpos=reply.endpos)

    async def exec(self, application: str, options: str = "") -> int:
        words = ("EXEC", application, options) if options else ("EXEC", application)
        # An application runs as long as it runs (Queue: the wait and the whole conversation with an operator).
        reply = await self.command(*words, timeout=None)
        self._no_data(reply)
        if reply.result == "-2":
            raise AgiCommandError(f"application {application} not found")
        try:
            return int(reply.result)
        except ValueError:
            raise UnknownAgiReply("EXEC result") from None

    async def hangup(self) -> None:
        if self.hung_up:
            return
        try:
            await self.command("HANGUP")
        except AgiHangup:
            pass
        self.hung_up = True

    async def close(self) -> None:
        try:
            self.writer.close()
            await self.writer.wait_closed()
        except (ConnectionError, OSError):
            pass


Handler = Callable[[AgiSession], Awaitable[None]]


async def serve(handler: Handler, host: str = "0.0.0.0", port: int = 4573, *, reply_timeout: float = 600.0) -> asyncio.Server:
    """Start the FastAGI server; each connection runs `handler(session)` after the environment is read."""

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        session = AgiSession(reader, writer, reply_timeout=reply_timeout)
        try:
            await session.read_env()
            await handler(session)
        except AgiError as exc:
            log.warning("call ended: %s: %s", type(exc).__name__, exc)
        except Exception as exc:  # one broken call must not stop the server
            # Type and frames only: exception messages (SQL parameters…) may carry personal data.
            log.error("call handler crashed: %s\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))
        finally:
            await session.close()

    return await asyncio.start_server(on_connect, host, port, limit=16 * 1024)
