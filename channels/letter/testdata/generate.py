"""Deterministic generator of Persian test letters (and of the things that are not letters).

Each letter is rendered with correct Persian shaping (Pillow + libraqm, farsiweb fonts) in the shape
citizens write them: a salutation, «اینجانب … به کد ملی …», sometimes «در خصوص فرزندم/همسرم/… به کد ملی …»,
a matter (subsidy, pension, water bill…), a phone number and a signature; digits Persian or Latin.
Variants: clean, damaged (rotation, blur, noise, low dpi, JPEG artefacts), multi-page TIFF, two-page PDF;
plus a blank page, a non-letter image, a corrupt PDF and a password-protected PDF.

    python -m channels.letter.testdata.generate OUTDIR [--count N] [--seed S]
    python -m channels.letter.testdata.generate --committed     # the small committed set beside this file

writes the files and OUTDIR/truth.jsonl (one JSON object per file with what the letter really says).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from core.identity import national_code_check_digit

FONT_DIR = Path("/usr/share/fonts/truetype/farsiweb")
FONTS = ("nazli.ttf", "nazlib.ttf", "homa.ttf")
# Homa's Persian digits are display shapes that Tesseract's fas model misreads even on a clean page
# (checked: ۴→۱, ۶→۷); letters set in Homa therefore use Latin digits, as typed letters in it do.
PERSIAN_DIGIT_FONTS = ("nazli.ttf", "nazlib.ttf")
A4_INCHES = (8.27, 11.69)

FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

MALE_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "حمید", "مجید", "اکبر", "جواد", "ابراهیم", "کاظم", "یوسف"]
FEMALE_NAMES = ["فاطمه", "زهرا", "مریم", "سارا", "نرگس", "لیلا", "سمیه", "طاهره"]
FIRST_NAMES = MALE_NAMES + FEMALE_NAMES
LAST_NAMES = ["احمدی", "محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی", "نوری",
              "قاسمی", "کاظمی", "اکبری", "عباسی", "مرادی", "یزدانی", "شریفی", "طاهری"]
CITIES = ["تهران", "اصفهان", "شیراز", "تبریز", "مشهد", "کرمان", "یزد", "اراک", "همدان", "قزوین"]
RECIPIENTS = ["ریاست محترم سامانه ارتباط مردم و دولت", "مدیر کل محترم استانداری", "جناب آقای رئیس جمهور",
              "ریاست محترم دفتر ارتباطات مردمی"]
# (relation code, word in the letter)
KIN = [("child", "فرزندم"), ("child", "پسرم"), ("child", "دخترم"), ("spouse", "همسرم"), ("father", "پدرم"),
       ("mother", "مادرم"), ("sibling", "برادرم")]
MATTERS = [
    ("subsidy", ["یارانه نقدی {who} از سه ماه پیش قطع شده است و با وجود مراجعه به دفتر پیشخوان دولت پاسخی دریافت نکرده‌ام.",
                 "خواهشمندم دستور فرمایید یارانه نقدی {who} دوباره برقرار شود زیرا درآمد دیگری نداریم."]),
    ("pension", ["حقوق بازنشستگی {who} از اول سال با تأخیر واریز می‌شود و مبلغ آن نیز کمتر از حکم است.",
                 "تقاضا دارم به صندوق بازنشستگی دستور رسیدگی داده شود."]),
    ("water_bill", ["قبض آب {who} در این دوره بیش از ده برابر دوره قبل آمده است در حالی که مصرف تغییری نکرده است.",
                    "درخواست بازدید کنتور و اصلاح قبض آب را دارم."]),
    ("water_outage", ["در محله ما بیش از یک هفته است که آب قطع می‌شود و هیچ اطلاع‌رسانی انجام نشده است.",
                      "خواهشمندم به شرکت آب و فاضلاب دستور رسیدگی فوری داده شود."]),
    ("insurance", ["دفترچه بیمه سلامت {who} تمدید نشده و برای درمان بیماری هزینه آزاد پرداخت می‌کنیم.",
                   "لطفاً برای تمدید بیمه درمانی راهنمایی فرمایید."]),
    ("housing", ["وام مسکن {who} با وجود تکمیل مدارک در بانک پرداخت نشده است و بیش از شش ماه معطل هستیم.",
                 "از حضرتعالی تقاضای پیگیری دارم."]),
]
WHO = {"self": "اینجانب", "child": "فرزندم", "spouse": "همسرم", "father": "پدرم", "mother": "مادرم", "sibling": "برادرم"}


def _kin_first_name(rng: random.Random, kin_word: str) -> str:
    if kin_word in ("پسرم", "پدرم", "برادرم"):
        return rng.choice(MALE_NAMES)
    if kin_word in ("دخترم", "مادرم"):
        return rng.choice(FEMALE_NAMES)
    return rng.choice(FIRST_NAMES)


def random_national_code(rng: random.Random) -> str:
    while True:
        nine = "".join(str(rng.randrange(10)) for _ in range(9))
        if len(set(nine)) > 2:
            return nine + str(national_code_check_digit(nine))


def random_mobile(rng: random.Random) -> str:
    return "09" + rng.choice(["12", "13", "19", "35", "36", "01", "02", "90"]) + "".join(str(rng.randrange(10)) for _ in range(7))


@dataclass
class LetterTruth:
    """What a generated file really says (the test oracle)."""

    file: str
    kind: str  # "letter" | "blank" | "non_letter" | "corrupt_pdf" | "encrypted_pdf"
    expected: str  # "registered" | "rejected"
    writer_national_code: str | None = None
    writer_name: str | None = None
    subject_national_code: str | None = None  # None when the letter is about the writer
    subject_name: str | None = None
    relation: str | None = None
    kin_word: str | None = None  # how the letter names the subject: «فرزندم», «همسرم», …
    phone: str | None = None
    topic: str | None = None
    persian_digits: bool = True
    damage: list[str] = field(default_factory=list)
    pages: int = 1
    media_type: str = "image/png"

    @property
    def identity(self) -> str | None:
        return self.subject_national_code or self.writer_national_code


@dataclass
class Sample:
    truth: LetterTruth
    data: bytes


# --------------------------------------------------------------------------- text of a letter

def letter_lines(rng: random.Random, truth: LetterTruth) -> tuple[list[str], list[str]]:
    """The lines of the letter, split into page-one and page-two parts (one page uses both)."""
    d = (lambda s: s.translate(FA_DIGITS)) if truth.persian_digits else (lambda s: s)
    day, month = rng.randint(1, 29), rng.randint(1, 12)
    head = ["بسمه تعالی", f"تاریخ: {d(f'1405/{month:02d}/{day:02d}')}", rng.choice(RECIPIENTS), "با سلام و احترام"]
    city = rng.choice(CITIES)
    intro = (f"اینجانب {truth.writer_name} به کد ملی {d(truth.writer_national_code)} ساکن شهر {city} "
             f"به استحضار می‌رساند")
    body: list[str] = [intro]
    if truth.subject_national_code:
        kin_word = truth.kin_word
        body.append(f"در خصوص {kin_word} {truth.subject_name} به کد ملی {d(truth.subject_national_code)} "
                    f"مطالبی را به عرض می‌رساند.")
        who = WHO[truth.relation]
    else:
        who = "اینجانب"
    sentences = dict(MATTERS)[truth.topic]
    for s in sentences:
        body.append(s.format(who=who))
    tail = [f"شماره تماس: {d(truth.phone)}", "با تشکر و احترام", truth.writer_name, "امضا"]
    return head + body, tail


# --------------------------------------------------------------------------- rendering

def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font, direction="rtl", language="fa") > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def render_page(lines: list[str], *, dpi: int, font_file: str, point_size: float = 14.0) -> Image.Image:
    """A white A4 page at `dpi` with the lines right-aligned, wrapped, shaped right to left."""
    w, h = int(A4_INCHES[0] * dpi), int(A4_INCHES[1] * dpi)
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    size = int(point_size * dpi / 72)
    font = ImageFont.truetype(str(FONT_DIR / font_file), size, layout_engine=ImageFont.Layout.RAQM)
    margin = int(0.9 * dpi)
    y = int(0.9 * dpi)
    for text in lines:
        for piece in _wrap(draw, text, font, w - 2 * margin):
            draw.text((w - margin, y), piece, fill=0, font=font, anchor="ra", direction="rtl", language="fa")
            y += int(size * 1.9)
        y += int(size * 0.5)
    return page


# --------------------------------------------------------------------------- damage

DAMAGES = ("rotate", "blur", "noise", "low_dpi", "jpeg")


def damage(page: Image.Image, rng: random.Random, kinds: list[str]) -> Image.Image:
    if "rotate" in kinds:
        angle = rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)
        page = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if "blur" in kinds:
        page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.2)))
    if "low_dpi" in kinds:
        factor = rng.uniform(0.62, 0.75)  # 150 dpi scanned down to ≈ 95–110 dpi
        page = page.resize((int(page.width * factor), int(page.height * factor)), Image.BILINEAR)
    if "noise" in kinds:
        page = _speckle(page, rng, rng.uniform(0.004, 0.012))
    return page


def _speckle(page: Image.Image, rng: random.Random, amount: float) -> Image.Image:
    """Salt-and-pepper dots plus grey grain, as a dusty scanner glass gives."""
    gen = np.random.default_rng(rng.randrange(2**32))
    px = np.asarray(page, dtype=np.int16).copy()
    px += gen.normal(0, 14, px.shape).astype(np.int16)
    dots = gen.random(px.shape)
    px[dots < amount / 2] = 0
    px[(dots >= amount / 2) & (dots < amount)] = 255
    return Image.fromarray(np.clip(px, 0, 255).astype(np.uint8), "L")


def encode(pages: list[Image.Image], fmt: str, *, jpeg_quality: int = 85) -> tuple[bytes, str]:
    buf = io.BytesIO()
    if fmt == "png":
        pages[0].save(buf, "PNG", optimize=True)
        return buf.getvalue(), "image/png"
    if fmt == "jpeg":
        pages[0].convert("L").save(buf, "JPEG", quality=jpeg_quality)
        return buf.getvalue(), "image/jpeg"
    if fmt == "tiff":
        pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
        return buf.getvalue(), "image/tiff"
    if fmt == "pdf":
        pages[0].convert("RGB").save(buf, "PDF", save_all=True, append_images=[p.convert("RGB") for p in pages[1:]],
                                     resolution=150.0)
        return buf.getvalue(), "application/pdf"
    raise ValueError(fmt)


# --------------------------------------------------------------------------- one letter

def make_letter(seed: int, *, damaged: bool | None = None, fmt: str | None = None, about_family: bool | None = None,
                dpi: int = 150, damages: list[str] | None = None, persian_digits: bool | None = None,
                font: str | None = None) -> Sample:
    """One letter, entirely determined by `seed` (and the optional overrides)."""
    rng = random.Random(seed)
    about_family = rng.random() < 0.4 if about_family is None else about_family
    damaged = rng.random() < 0.6 if damaged is None else damaged
    fmt = fmt or rng.choice(["png", "png", "jpeg", "tiff", "pdf"])
    relation, kin_word = rng.choice(KIN) if about_family else ("self", "")
    last = rng.choice(LAST_NAMES)
    truth = LetterTruth(
        file="", kind="letter", expected="registered",
        writer_national_code=random_national_code(rng), writer_name=f"{rng.choice(FIRST_NAMES)} {last}",
        subject_national_code=random_national_code(rng) if about_family else None,
        subject_name=f"{_kin_first_name(rng, kin_word)} {last}" if about_family else None,
        relation=relation if about_family else None, kin_word=kin_word or None,
        phone=random_mobile(rng), topic=rng.choice(MATTERS)[0], persian_digits=rng.random() < 0.6,
    )
    font = font or rng.choice(FONTS)
    if persian_digits is not None:
        truth.persian_digits = persian_digits
    elif font not in PERSIAN_DIGIT_FONTS:
        truth.persian_digits = False
    first, second = letter_lines(rng, truth)
    two_pages = fmt in ("tiff", "pdf")
    if two_pages:
        pages = [render_page(first, dpi=dpi, font_file=font), render_page(second, dpi=dpi, font_file=font)]
    else:
        pages = [render_page(first + second, dpi=dpi, font_file=font)]
    if damaged:
        kinds = damages if damages is not None else sorted(rng.sample(DAMAGES, rng.randint(2, 3)))
        truth.damage = kinds
        pages = [damage(p, rng, kinds) for p in pages]
        if "jpeg" in kinds and fmt == "png":
            fmt = "jpeg"
    quality = rng.randint(22, 40) if "jpeg" in truth.damage else 85
    data, media_type = encode(pages, fmt, jpeg_quality=quality)
    ext = {"image/png": "png", "image/jpeg": "jpg", "image/tiff": "tif", "application/pdf": "pdf"}[media_type]
    truth.file = f"letter-{seed}{'-damaged' if damaged else ''}.{ext}"
    truth.pages, truth.media_type = len(pages), media_type
    return Sample(truth, data)


# --------------------------------------------------------------------------- things that are not letters

def make_blank(seed: int) -> Sample:
    rng = random.Random(seed)
    page = Image.new("L", (1240, 1754), 255)
    page = _speckle(page, rng, 0.0004).filter(ImageFilter.GaussianBlur(0.4))
    data, mt = encode([page], "png")
    return Sample(LetterTruth(file=f"blank-{seed}.png", kind="blank", expected="rejected", media_type=mt), data)


def make_non_letter(seed: int) -> Sample:
    """A photo-like picture: gradients and shapes, no text."""
    rng = random.Random(seed)
    w, h = 1200, 900
    img = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(25):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randint(20, 160)
        color = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=color)
        else:
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=color)
    img = img.filter(ImageFilter.GaussianBlur(2))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return Sample(LetterTruth(file=f"photo-{seed}.jpg", kind="non_letter", expected="rejected",
                              media_type="image/jpeg"), buf.getvalue())


def make_corrupt_pdf(seed: int) -> Sample:
    sample = make_letter(seed, fmt="pdf", damaged=False)
    data = sample.data[: len(sample.data) // 3]  # cut off mid-stream: no xref, no trailer
    return Sample(LetterTruth(file=f"corrupt-{seed}.pdf", kind="corrupt_pdf", expected="rejected",
                              media_type="application/pdf"), data)


def make_encrypted_pdf(seed: int, user_password: str = "1234") -> Sample:
    """A one-page PDF encrypted with the standard security handler (RC4 40-bit, PDF 1.7 §7.6.3, revision 2),
    openable only with `user_password`."""
    rng = random.Random(seed)
    page = Image.new("L", (620, 877), 255)
    ImageDraw.Draw(page).rectangle((60, 60, 560, 120), fill=0)
    raw = page.tobytes()
    file_id = bytes(rng.randrange(256) for _ in range(16))
    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    owner_key = _md5((user_password.encode() + pad)[:32])[:5]
    o_value = _rc4(owner_key, (user_password.encode() + pad)[:32])
    permissions = -44
    key = _md5((user_password.encode() + pad)[:32] + o_value + permissions.to_bytes(4, "little", signed=True) + file_id)[:5]
    u_value = _rc4(key, pad)

    def obj_key(num: int) -> bytes:
        return _md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little"))[:10]

    content = b"q 620 0 0 877 0 0 cm /Im0 Do Q"
    image = zlib.compress(raw)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 620 877] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + _rc4(obj_key(4), content) + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 620 /Height 877 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % len(image) + _rc4(obj_key(5), image) + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <" + u_value.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, file_id.hex().encode(), file_id.hex().encode(), xref))
    return Sample(LetterTruth(file=f"encrypted-{seed}.pdf", kind="encrypted_pdf", expected="rejected",
                              media_type="application/pdf"), bytes(out))


def _md5(data: bytes) -> bytes:
    import hashlib

    return hashlib.md5(data).digest()


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


# --------------------------------------------------------------------------- sets

def damaged_set(seed: int, count: int) -> list[Sample]:
    """`count` damaged letters (single images and two-page files mixed), seeds seed, seed+1, …"""
    return [make_letter(seed + i, damaged=True) for i in range(count)]


def rejects(seed: int = 900) -> list[Sample]:
    return [make_blank(seed), make_non_letter(seed + 1), make_corrupt_pdf(seed + 2), make_encrypted_pdf(seed + 3)]


def write(samples: list[Sample], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for s in samples:
            (out / s.truth.file).write_bytes(s.data)
            fh.write(json.dumps(asdict(s.truth), ensure_ascii=False) + "\n")


# The small set committed next to this file (regenerate with --committed).
COMMITTED = [
    ("self-persian-digits.png", dict(seed=11, damaged=False, fmt="png", about_family=False, persian_digits=True,
                                     font="nazli.ttf")),
    ("family-latin-digits.png", dict(seed=12, damaged=False, fmt="png", about_family=True, persian_digits=False,
                                     font="homa.ttf")),
    ("family-damaged.png", dict(seed=13, damaged=True, fmt="png", about_family=True, persian_digits=True,
                                font="nazlib.ttf", damages=["blur", "rotate"])),
]


def write_committed(out: Path = Path(__file__).parent) -> None:
    truths = {}
    for name, spec in COMMITTED:
        spec = dict(spec)
        seed = spec.pop("seed")
        sample = make_letter(seed, **spec)
        (out / name).write_bytes(sample.data)
        truth = asdict(sample.truth)
        truth["file"], truth["generated_with"] = name, {"seed": seed, **spec}
        truths[name] = truth
    (out / "truth.json").write_text(json.dumps(truths, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--committed", action="store_true", help="rewrite the committed sample PNGs and truth.json")
    args = parser.parse_args(argv)
    if args.committed:
        write_committed()
        return
    if args.out is None:
        parser.error("give OUTDIR (or --committed)")
    samples = [make_letter(args.seed + i) for i in range(args.count)] + rejects(args.seed + 10_000)
    write(samples, args.out)
    print(f"wrote {len(samples)} files to {args.out}")


if __name__ == "__main__":
    main()
