"""The Persian prompt set, and text-to-speech for agencies' answers.

`make prompts` (python -m channels.voice.prompts OUT_DIR) writes, for Asterisk's sounds/fa/ directory:
    OUT_DIR/dargah/<prompt id>.wav   every prompt below, espeak-ng voice "fa", 8 kHz 16-bit mono (sox)
    OUT_DIR/digits/<0-9>.wav         Persian digits, so SAY DIGITS speaks Persian on a channel with language=fa
    OUT_DIR/dargah/manifest.json     {prompt id: {"text": …, "file": "dargah/<id>.wav"}}
Studio recordings replace the files one by one under the same names; the manifest says which text each
file must say. The flow plays prompts by name ("dargah/greeting"), never by path, so Asterisk picks the
language directory of the channel.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from core.model import STATUS_FA, CaseStatus

log = logging.getLogger("dargah.voice.prompts")

PREFIX = "dargah"

PROMPTS: dict[str, str] = {
    "greeting": "به سامانه ارتباط مردمی خوش آمدید.",
    "main_menu": "برای ثبت موضوع جدید، عدد یک. برای پیگیری موضوع ثبت شده، عدد دو را فشار دهید.",
    "invalid_choice": "گزینه انتخاب شده معتبر نیست.",
    "mode_menu": "برای گفتگو با کارشناس، عدد یک. برای ضبط پیام، عدد دو را فشار دهید.",
    "out_of_hours": "اکنون خارج از ساعات کاری است. لطفاً موضوع خود را به صورت پیام ضبط کنید تا رسیدگی شود.",
    "holiday": "امروز تعطیل رسمی است. لطفاً موضوع خود را به صورت پیام ضبط کنید تا رسیدگی شود.",
    "queue_busy": "همه کارشناسان مشغول هستند. لطفاً موضوع خود را به صورت پیام ضبط کنید تا رسیدگی شود.",
    "national_code_speak": "لطفاً پس از شنیدن صدای بوق، کد ملی خود را رقم به رقم بگویید و سپس کلید مربع را فشار دهید. "
                           "می‌توانید کد ملی را با صفحه کلید هم وارد کنید.",
    "national_code_keypad": "لطفاً کد ملی ده رقمی را با صفحه کلید وارد کنید و در پایان کلید مربع را فشار دهید.",
    "subject_code_speak": "لطفاً پس از شنیدن صدای بوق، کد ملی شخصی را که موضوع مربوط به اوست بگویید و کلید مربع را "
                          "فشار دهید، یا آن را با صفحه کلید وارد کنید.",
    "subject_code_keypad": "لطفاً کد ملی آن شخص را با صفحه کلید وارد کنید و در پایان کلید مربع را فشار دهید.",
    "you_said": "کد ملی که شنیدیم:",
    "confirm_menu": "اگر درست است عدد یک، برای تکرار عدد دو را فشار دهید.",
    "code_not_recognized": "کد ملی معتبری تشخیص داده نشد.",
    "identity_pending": "کد ملی ثبت نشد. همکاران ما صدای ضبط شده شما را بررسی می‌کنند.",
    "about_menu": "اگر موضوع مربوط به خود شماست عدد یک، اگر مربوط به یکی از اعضای خانواده است عدد دو را فشار دهید.",
    "message_prompt": "لطفاً پس از شنیدن صدای بوق، موضوع خود را بیان کنید و در پایان کلید مربع را فشار دهید.",
    "operator_connecting": "در حال اتصال به کارشناس. لطفاً منتظر بمانید.",
    "registered": "موضوع شما ثبت شد. کد رهگیری شما:",
    "duplicate": "این موضوع قبلاً ثبت شده است. کد رهگیری آن:",
    "repeat": "تکرار می‌کنم:",
    "sms_sent": "کد رهگیری برای شما پیامک می‌شود.",
    "received_for_review": "پیام شما دریافت شد و همکاران ما آن را بررسی می‌کنند.",
    "tracking_code_keypad": "لطفاً کد رهگیری را با صفحه کلید وارد کنید و در پایان کلید مربع را فشار دهید.",
    "followup_national_code": "لطفاً پس از شنیدن صدای بوق کد ملی را بگویید و کلید مربع را فشار دهید، "
                              "یا آن را با صفحه کلید وارد کنید.",
    "not_found": "موضوعی با این مشخصات یافت نشد.",
    "status_intro": "وضعیت موضوع شما:",
    "agency_intro": "دستگاه رسیدگی کننده:",
    "answer_intro": "پاسخ دستگاه:",
    "no_answer_yet": "هنوز پاسخی ثبت نشده است.",
    "technical_error": "متأسفانه خطایی رخ داد. لطفاً بعداً دوباره تماس بگیرید.",
    "goodbye": "با تشکر از تماس شما. خدانگهدار.",
    **{f"status_{s.value}": STATUS_FA[s] for s in CaseStatus},
}

DIGITS_FA = {"0": "صفر", "1": "یک", "2": "دو", "3": "سه", "4": "چهار",
             "5": "پنج", "6": "شش", "7": "هفت", "8": "هشت", "9": "نه"}


def name(prompt_id: str) -> str:
    """What STREAM FILE / GET DATA play for a prompt id."""
    if prompt_id not in PROMPTS:
        raise KeyError(prompt_id)
    return f"{PREFIX}/{prompt_id}"


def synthesize(text: str, target: Path, *, voice: str = "fa") -> None:
    """espeak-ng → sox → 8 kHz 16-bit mono WAV, written atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw.wav", Path(tmp) / "out.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True, capture_output=True)
        subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", str(out)],
                       check=True, capture_output=True)
        shutil.move(str(out), str(target))


def generate(out_dir: str | Path, *, only_missing: bool = False) -> dict[str, dict[str, str]]:
    out = Path(out_dir)
    manifest: dict[str, dict[str, str]] = {}
    for prompt_id, text in PROMPTS.items():
        rel = f"{PREFIX}/{prompt_id}.wav"
        if not (only_missing and (out / rel).exists()):
            synthesize(text, out / rel)
        manifest[prompt_id] = {"text": text, "file": rel}
    for digit, word in DIGITS_FA.items():
        rel = f"digits/{digit}.wav"
        if not (only_missing and (out / rel).exists()):
            synthesize(word, out / rel)
        manifest[f"digit_{digit}"] = {"text": word, "file": rel}
    (out / PREFIX / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


class SpeechCache:
    """TTS for free text (an agency's answer, an agency's name), cached by content so each text is
    synthesized once. Returns what STREAM FILE plays: the absolute path without extension."""

    def __init__(self, directory: str | Path, *, asterisk_directory: str | Path | None = None):
        self.directory = Path(directory)
        self.asterisk_directory = Path(asterisk_directory or directory)

    def key(self, text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    async def speak(self, text: str) -> str | None:
        key = self.key(text)
        target = self.directory / f"{key}.wav"
        if not target.exists():
            try:
                await asyncio.to_thread(synthesize, text, target)
            except (OSError, subprocess.CalledProcessError) as exc:
                log.warning("text-to-speech failed: %s", type(exc).__name__)
                return None
        return str(self.asterisk_directory / key)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = args[0] if args else "var/sounds/fa"
    manifest = generate(out, only_missing="--only-missing" in args)
    print(f"{len(manifest)} prompts in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
