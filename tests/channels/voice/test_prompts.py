"""`make prompts`: the Persian prompt set as 8 kHz mono WAV with a manifest; TTS cache for answers."""

from __future__ import annotations

import asyncio
import json
import wave

import pytest

from channels.voice import prompts
from channels.voice.flow import CallFlow


@pytest.fixture(scope="module")
def sounds(tmp_path_factory):
    out = tmp_path_factory.mktemp("sounds") / "fa"
    prompts.generate(out)
    return out


def test_every_prompt_is_8khz_mono_wav_with_a_manifest(sounds):
    manifest = json.loads((sounds / "dargah" / "manifest.json").read_text(encoding="utf-8"))
    assert set(prompts.PROMPTS) <= set(manifest)
    assert {f"digit_{d}" for d in "0123456789"} <= set(manifest)
    for entry in manifest.values():
        with wave.open(str(sounds / entry["file"])) as w:
            assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (8000, 1, 2) and w.getnframes() > 800
    assert manifest["greeting"]["text"] == prompts.PROMPTS["greeting"]


def test_only_missing_keeps_studio_recordings(sounds):
    studio = sounds / "dargah" / "greeting.wav"
    studio.write_bytes(studio.read_bytes() + b"")  # same content, new mtime
    before = studio.stat().st_mtime_ns
    prompts.generate(sounds, only_missing=True)
    assert studio.stat().st_mtime_ns == before


def test_flow_plays_only_known_prompts():
    import inspect
    import re

    used = set(re.findall(r'play\("(\w+)"\)|prompts\.name\("(\w+)"\)', inspect.getsource(CallFlow)))
    names = {a or b for a, b in used}
    assert names and names <= set(prompts.PROMPTS)


def test_speech_cache_synthesizes_once(tmp_path):
    cache = prompts.SpeechCache(tmp_path / "tts", asterisk_directory="/var/lib/dargah/tts")
    first = asyncio.run(cache.speak("پاسخ دستگاه: لوله تعمیر شد."))
    file = tmp_path / "tts" / (first.rsplit("/", 1)[1] + ".wav")
    mtime = file.stat().st_mtime_ns
    assert first.startswith("/var/lib/dargah/tts/") and asyncio.run(cache.speak("پاسخ دستگاه: لوله تعمیر شد.")) == first
    assert file.stat().st_mtime_ns == mtime
