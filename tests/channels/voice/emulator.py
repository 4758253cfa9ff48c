"""An Asterisk stand-in that speaks AGI over TCP to the FastAGI server and plays a whole scripted call.

It answers the commands the way res_agi.c does (replies copied from the AGI command pages), writes a real
8 kHz WAV (espeak-ng + sox) wherever RECORD FILE asks, and a `<file>.txt` sidecar with what the caller
"said" (read by the stand-in recognizer, since no Persian ASR model can be fetched here).
"""

from __future__ import annotations

import asyncio
import hashlib
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HANGUP = "HANGUP"  # a scripted key/speech item: the caller hangs up here

_AUDIO_CACHE = Path(tempfile.gettempdir()) / "dargah-voice-test-audio"


def speech_wav(text: str) -> bytes:
    """Persian speech for `text` as 8 kHz 16-bit mono WAV (espeak-ng -v fa, sox), cached by text."""
    _AUDIO_CACHE.mkdir(parents=True, exist_ok=True)
    target = _AUDIO_CACHE / (hashlib.sha256(text.encode()).hexdigest()[:20] + ".wav")
    if not target.exists():
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw.wav"
            subprocess.run(["espeak-ng", "-v", "fa", "-w", str(raw), text or "."], check=True, capture_output=True)
            out = Path(tmp) / "out.wav"
            subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", "-b", "16", str(out)], check=True,
                           capture_output=True)
            shutil.move(str(out), str(target))
    return target.read_bytes()


@dataclass
class Speech:
    """What the caller does during one RECORD FILE."""

    transcript: str  # what they say (Persian words), spoken by espeak-ng into the WAV
    end: str = "#"  # "#" (or another key) | "timeout" | HANGUP
    write_sidecar: bool = True


@dataclass
class Caller:
    keys: list[str | None] = field(default_factory=list)  # GET DATA answers in order: digits, None = timeout, HANGUP
    speech: list[Speech] = field(default_factory=list)  # RECORD FILE answers in order
    callerid: str = "09121234567"
    uniqueid: str = "1764400000.1"
    variables: dict[str, str] = field(default_factory=dict)  # GET FULL VARIABLE answers, by expression
    garbage: dict[int, str] = field(default_factory=dict)  # command number → raw reply line sent instead of the real one
    queue_status: str | None = None  # QUEUESTATUS after EXEC Queue


@dataclass
class CallLog:
    commands: list[str] = field(default_factory=list)
    played: list[str] = field(default_factory=list)
    said_digits: list[str] = field(default_factory=list)
    recordings: list[Path] = field(default_factory=list)
    variables_set: dict[str, str] = field(default_factory=dict)
    hung_up_by_server: bool = False
    closed: bool = False


class AsteriskEmulator:
    def __init__(self, host: str, port: int, recordings_dir: Path):
        self.host, self.port = host, port
        self.recordings_dir = recordings_dir

    async def call(self, caller: Caller, *, timeout: float = 30.0) -> CallLog:
        return await asyncio.wait_for(self._call(caller), timeout)

    async def _call(self, caller: Caller) -> CallLog:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        log = CallLog()
        env = {
            "agi_network": "yes", "agi_network_script": "", "agi_request": f"agi://{self.host}:{self.port}",
            "agi_channel": "PJSIP/trunk-00000001", "agi_language": "fa", "agi_type": "PJSIP",
            "agi_uniqueid": caller.uniqueid, "agi_version": "20.5.0", "agi_callerid": caller.callerid,
            "agi_calleridname": "unknown", "agi_dnid": "111", "agi_context": "dargah-in", "agi_extension": "111",
            "agi_priority": "2", "agi_enhanced": "0.0", "agi_accountcode": "", "agi_threadid": "140000000000",
        }
        writer.write("".join(f"{k}: {v}\n" for k, v in env.items()).encode() + b"\n")
        await writer.drain()
        keys, speech = list(caller.keys), list(caller.speech)
        dead = False
        n = 0
        try:
            while True:
                raw = await reader.readline()
                if not raw:
                    break
                line = raw.decode().rstrip("\n")
                n += 1
                log.commands.append(line)
                if dead:
                    await self._send(writer, "511 Command Not Permitted on a dead channel or intercept routine")
                    continue
                reply, hang = self._answer(line, caller, keys, speech, log)
                if n in caller.garbage:  # the command had its effect (a file recorded…), the reply is garbage
                    await self._send(writer, caller.garbage[n])
                    continue
                if hang:
                    dead = True
                    await self._send(writer, HANGUP)
                await self._send(writer, reply)
                if line == "HANGUP":
                    log.hung_up_by_server = True
                    break
        finally:
            log.closed = True
            writer.close()
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass
        return log

    async def _send(self, writer: asyncio.StreamWriter, line: str) -> None:
        writer.write(line.encode() + b"\n")
        await writer.drain()

    def _answer(self, line: str, caller: Caller, keys: list, speech: list, log: CallLog) -> tuple[str, bool]:
        try:
            words = shlex.split(line)
        except ValueError:
            return "520 Invalid command syntax.  Proper usage not available.", False
        verb = " ".join(words[:2]).upper()
        if words[:1] == ["ANSWER"]:
            return "200 result=0", False
        if words[:1] == ["HANGUP"]:
            return "200 result=1", False
        if verb == "STREAM FILE":
            log.played.append(words[2])
            return "200 result=0 endpos=8000", False
        if verb == "SAY DIGITS":
            log.said_digits.append(words[2])
            return "200 result=0", False
        if verb == "GET DATA":
            log.played.append(words[2])
            item = keys.pop(0) if keys else None
            if item == HANGUP:
                return "200 result=-1", True
            if item is None:
                return "200 result= (timeout)", False
            return f"200 result={item}", False
        if verb == "SET VARIABLE":
            log.variables_set[words[2]] = words[3]
            return "200 result=1", False
        if verb == "GET FULL":
            expr = words[3]
            if expr == "${QUEUESTATUS}":
                value = caller.queue_status
            else:
                value = caller.variables.get(expr)
            return (f"200 result=1 ({value})" if value is not None else "200 result=0"), False
        if verb.startswith("EXEC"):
            log.played.append(f"EXEC {' '.join(words[1:])}")
            return "200 result=0", False
        if verb == "RECORD FILE":
            path, fmt = words[2], words[3]
            item = speech.pop(0) if speech else Speech("", end="timeout", write_sidecar=False)
            target = Path(f"{path}.{fmt}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(speech_wav(item.transcript))
            if item.write_sidecar:
                target.with_suffix(".txt").write_text(item.transcript, encoding="utf-8")
            log.recordings.append(target)
            if item.end == HANGUP:
                return "200 result=-1 (hangup) endpos=16000", True
            if item.end == "timeout":
                return "200 result=0 (timeout) endpos=16000", False
            return f"200 result={ord(item.end)} (dtmf) endpos=16000", False
        return "510 Invalid or unknown command", False
