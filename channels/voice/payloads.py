"""What arrives raw from Asterisk: the AGI environment and command replies, as typed values."""

from __future__ import annotations

import enum

import msgspec


class AgiEnv(msgspec.Struct, frozen=True, kw_only=True):
    """The `agi_*` variables Asterisk sends before the first command (res_agi.c setup_env)."""

    channel: str = ""
    uniqueid: str = ""
    callerid: str = ""
    calleridname: str = ""
    extension: str = ""
    context: str = ""
    language: str = ""
    network_script: str = ""
    request: str = ""
    # Other agi_* keys (agi_arg_1 …) kept by name, without the prefix.
    extra: dict[str, str] = {}


class ReplyKind(str, enum.Enum):
    OK = "ok"  # 200
    INVALID_COMMAND = "invalid_command"  # 510 Invalid or unknown command
    DEAD_CHANNEL = "dead_channel"  # 511 Command Not Permitted on a dead channel or intercept routine
    USAGE = "usage"  # 520 Invalid command syntax (multi-line "520-… / 520 End of proper usage.")


class AgiReply(msgspec.Struct, frozen=True, kw_only=True):
    code: int
    kind: ReplyKind
    result: str = ""
    data: str | None = None  # the "(…)" part
    endpos: int | None = None


class RecordOutcome(str, enum.Enum):
    """How RECORD FILE ended (res_agi.c handle_recordfile: "(hangup)", "(dtmf)", "(timeout)"…)."""

    DTMF = "dtmf"  # an escape digit ended it (# by our prompts)
    TIMEOUT = "timeout"  # max length or silence reached
    HANGUP = "hangup"  # the caller hung up: the file is kept up to that point
    ERROR = "error"  # Asterisk could not write or wait


class RecordResult(msgspec.Struct, frozen=True, kw_only=True):
    outcome: RecordOutcome
    digit: str | None = None
    endpos: int | None = None


class GetDataResult(msgspec.Struct, frozen=True, kw_only=True):
    digits: str
    timed_out: bool = False
