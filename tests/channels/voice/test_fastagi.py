"""The AGI protocol layer: reply parsing through the tables, quoting, environment, and a live socket."""

from __future__ import annotations

import asyncio

import pytest

from channels.voice.fastagi import (
    AgiCommandError, AgiHangup, AgiProtocolError, AgiSession, UnknownAgiReply, parse_env, parse_reply, quote, serve,
)
from channels.voice.payloads import RecordOutcome, ReplyKind

REPLIES = [
    ("200 result=0", ReplyKind.OK, "0", None, None),
    ("200 result=1 (hello world)", ReplyKind.OK, "1", "hello world", None),
    ("200 result= (timeout)", ReplyKind.OK, "", "timeout", None),
    ("200 result=35 (dtmf) endpos=16000", ReplyKind.OK, "35", "dtmf", 16000),
    ("200 result=-1 (hangup) endpos=120", ReplyKind.OK, "-1", "hangup", 120),
    ("200 result=0 endpos=8000", ReplyKind.OK, "0", None, 8000),
    ("200 result=1 (value with (parens))", ReplyKind.OK, "1", "value with (parens)", None),
    ("510 Invalid or unknown command", ReplyKind.INVALID_COMMAND, "", "Invalid or unknown command", None),
    ("511 Command Not Permitted on a dead channel or intercept routine", ReplyKind.DEAD_CHANNEL, "",
     "Command Not Permitted on a dead channel or intercept routine", None),
    ("520-Invalid command syntax.  Proper usage follows:", ReplyKind.USAGE, "",
     "Invalid command syntax.  Proper usage follows:", None),
]


@pytest.mark.parametrize("line, kind, result, data, endpos", REPLIES, ids=[r[0][:28] for r in REPLIES])
def test_parse_reply(line, kind, result, data, endpos):
    reply = parse_reply(line)
    assert (reply.kind, reply.result, reply.data, reply.endpos) == (kind, result, data, endpos)


BAD = ["", "HANGUP", "999 what", "200", "200 rezult=1", "20 result=1", "OK result=1", "200 result=1 trailing junk"]


@pytest.mark.parametrize("line", BAD, ids=[repr(b) for b in BAD])
def test_unknown_replies_raise(line):
    with pytest.raises(UnknownAgiReply):
        parse_reply(line)


@pytest.mark.parametrize("arg, quoted", [
    ("dargah/greeting", "dargah/greeting"),
    ("", '""'),
    ("a b", '"a b"'),
    ('say "x"', '"say \\"x\\""'),
    (5000, "5000"),
    ("${QUEUE_MEMBER(q,free)}", "${QUEUE_MEMBER(q,free)}"),
], ids=["plain", "empty", "space", "quotes", "int", "function"])
def test_quote(arg, quoted):
    assert quote(arg) == quoted


def test_quote_refuses_line_breaks():
    with pytest.raises(ValueError):
        quote("x\nHANGUP")


def test_parse_env():
    env = parse_env(["agi_network: yes", "agi_uniqueid: 1764400000.1", "agi_callerid: 0912", "agi_arg_1: x"])
    assert env.uniqueid == "1764400000.1" and env.callerid == "0912" and env.extra == {"network": "yes", "arg_1": "x"}
    with pytest.raises(AgiProtocolError):
        parse_env(["not an env line"])


async def _session_against(script: list[bytes], *, commands: list) -> tuple[list, list[str]]:
    """A raw Asterisk side answering with `script` lines, one per command, after the environment."""
    received: list[str] = []
    results: list = []

    server_done = asyncio.Event()

    async def handler(session: AgiSession) -> None:
        try:
            for cmd in commands:
                try:
                    results.append(await cmd(session))
                except Exception as exc:  # noqa: BLE001 - recorded for the assertion
                    results.append(type(exc))
                    break
        finally:
            server_done.set()

    server = await serve(handler, "127.0.0.1", 0, reply_timeout=5)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"agi_network: yes\nagi_uniqueid: 1.1\n\n")
    if not script:  # Asterisk goes away right after the environment
        writer.close()
    for line in script:
        got = await reader.readline()
        if not got:
            break
        received.append(got.decode().rstrip("\n"))
        writer.write(line)
        await writer.drain()
    await asyncio.wait_for(server_done.wait(), 5)
    writer.close()
    server.close()
    await server.wait_closed()
    return results, received


def run(script, commands):
    return asyncio.run(_session_against(script, commands=commands))


def test_record_file_hangup_notification_then_reply():
    results, received = run([b"HANGUP\n200 result=-1 (hangup) endpos=4000\n"],
                            [lambda s: s.record_file("/rec/x", "wav", "#", 10000, beep=True, silence_s=3)])
    assert received == ["RECORD FILE /rec/x wav # 10000 0 BEEP s=3"]
    assert results[0].outcome is RecordOutcome.HANGUP and results[0].endpos == 4000


def test_dead_channel_is_a_hangup():
    results, _ = run([b"511 Command Not Permitted on a dead channel or intercept routine\n"],
                     [lambda s: s.stream_file("dargah/greeting")])
    assert results == [AgiHangup]


def test_usage_error_reads_the_whole_block():
    block = b"520-Invalid command syntax.  Proper usage follows:\nUsage: GET DATA <file> [timeout] [maxdigits]\n520 End of proper usage.\n"
    results, _ = run([block], [lambda s: s.get_data("x", 1, 1)])
    assert results == [AgiCommandError]


def test_get_data_timeout_and_keys():
    results, received = run([b"200 result=12 (timeout)\n", b"200 result=0012345679\n"],
                            [lambda s: s.get_data("dargah/a", 5000, 1), lambda s: s.get_data("dargah/b", 8000, 10)])
    assert [(r.digits, r.timed_out) for r in results] == [("12", True), ("0012345679", False)]
    assert received == ["GET DATA dargah/a 5000 1", "GET DATA dargah/b 8000 10"]


def test_exec_unknown_application():
    results, _ = run([b"200 result=-2\n"], [lambda s: s.exec("Queue", "q,t")])
    assert results == [AgiCommandError]


def test_socket_closed_is_a_hangup():
    results, _ = run([], [lambda s: s.answer()])
    assert results == [AgiHangup]


def test_exec_waits_longer_than_the_reply_timeout():
    # EXEC Queue lasts as long as the wait and the conversation with the operator.
    async def scenario():
        done = asyncio.Event()
        results = []

        async def handler(session):
            try:
                results.append(await session.exec("Queue", "dargah-operators,t"))
                results.append(await session.get_data("x", 1, 1))
            except Exception as exc:  # noqa: BLE001
                results.append(type(exc))
            finally:
                done.set()

        server = await serve(handler, "127.0.0.1", 0, reply_timeout=0.2)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"agi_uniqueid: 1.1\n\n")
        await reader.readline()
        await asyncio.sleep(0.5)  # longer than reply_timeout
        writer.write(b"200 result=0\n")
        await reader.readline()  # GET DATA: never answered → the ordinary timeout applies
        await asyncio.wait_for(done.wait(), 5)
        writer.close()
        server.close()
        await server.wait_closed()
        return results

    assert asyncio.run(scenario()) == [0, AgiProtocolError]
