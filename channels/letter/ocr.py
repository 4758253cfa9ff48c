"""The letter channel's transport adapter: file bytes → page images → Tesseract passes.

Tesseract's Persian model drops whole lines and confuses digits on damaged scans (see issue 4), so a page
is cleaned first (grayscale, denoise, deskew, binarize, upscale low-dpi pages) and read several times with
different page-segmentation modes, scales and languages; extract.py then votes over the passes.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytesseract
from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError

log = logging.getLogger("dargah.letter.ocr")

MAX_PAGES = 20
PDF_DPI = 200
# Below this width (pixels across an A4 page, ≈ 130 dpi) a page is upscaled before OCR.
MIN_WIDTH = 1100
TARGET_WIDTH = 1650
MAX_SIDE = 5000
# Share of dark pixels under which a cleaned page counts as blank.
BLANK_INK = 0.0002


class Unreadable(Exception):
    """The file cannot be read as pages; `reason` is a stable code, `detail` English for operators."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


# ----------------------------------------------------------------------------- loading

def sniff(data: bytes) -> str:
    """The media type from the first bytes (the upload's name and header are not trusted)."""
    if data.startswith(b"%PDF") or data[:1024].find(b"%PDF-") >= 0:
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return "application/octet-stream"


def load_pages(data: bytes) -> tuple[str, list[Image.Image], int]:
    """(media type, pages as grayscale images — at most MAX_PAGES —, pages in the file) or Unreadable."""
    if not data:
        raise Unreadable("empty_file", "The file is empty.")
    media_type = sniff(data)
    if media_type == "application/pdf":
        return (media_type, *_pdf_pages(data))
    if media_type == "application/octet-stream":
        raise Unreadable("unsupported_format", "Not a PNG, JPEG, TIFF or PDF file.")
    try:
        image = Image.open(io.BytesIO(data))
        pages = []
        total = getattr(image, "n_frames", 1)
        for index in range(total):
            if index >= MAX_PAGES:
                break
            image.seek(index)
            pages.append(_gray(image))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise Unreadable("corrupt_image", f"The image cannot be decoded ({type(exc).__name__}).") from exc
    return media_type, pages, total


def _pdf_pages(data: bytes) -> tuple[list[Image.Image], int]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY):
            raise Unreadable("encrypted_pdf", "The PDF is password-protected.") from exc
        raise Unreadable("corrupt_pdf", "The PDF is damaged or incomplete and cannot be opened.") from exc
    try:
        if len(document) == 0:
            raise Unreadable("empty_pdf", "The PDF has no pages.")
        pages = []
        for index in range(min(len(document), MAX_PAGES)):
            try:
                bitmap = document[index].render(scale=PDF_DPI / 72, grayscale=True)
                pages.append(_gray(bitmap.to_pil()))
            except pdfium.PdfiumError as exc:
                raise Unreadable("corrupt_pdf", f"Page {index + 1} of the PDF cannot be rendered.") from exc
        return pages, len(document)
    finally:
        document.close()


def _gray(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image.convert("RGBA"))
    gray = image.convert("L")
    if max(gray.size) > MAX_SIDE:
        factor = MAX_SIDE / max(gray.size)
        gray = gray.resize((int(gray.width * factor), int(gray.height * factor)), Image.LANCZOS)
    return gray


# ----------------------------------------------------------------------------- cleaning

@dataclass
class CleanPage:
    gray: Image.Image  # denoised, deskewed, upscaled grayscale
    binary: Image.Image  # the same, thresholded (Otsu)
    ink: float  # share of dark pixels
    angle: float  # degrees the page was turned back
    upscaled: bool


def otsu(pixels: np.ndarray) -> int:
    hist = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight_bg = np.cumsum(hist)
    weight_fg = total - weight_bg
    cum_mean = np.cumsum(hist * levels)
    mean_bg = cum_mean / np.maximum(weight_bg, 1)
    mean_fg = (cum_mean[-1] - cum_mean) / np.maximum(weight_fg, 1)
    between = weight_bg * weight_fg * (mean_bg - mean_fg) ** 2
    return int(np.argmax(between))


def skew_angle(binary: Image.Image, limit: float = 4.0, step: float = 0.25) -> float:
    """The rotation that makes text rows horizontal: the angle maximizing the variance of row ink sums."""
    small = binary.resize((max(binary.width // 3, 1), max(binary.height // 3, 1)), Image.BILINEAR)
    ink = ImageOps.invert(small)
    best, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        rows = np.asarray(ink.rotate(float(angle), resample=Image.BILINEAR, fillcolor=0), dtype=np.float64).sum(axis=1)
        score = float(np.var(np.diff(rows)))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def clean(page: Image.Image) -> CleanPage:
    # Denoise at the scan's own resolution: upscaling first would grow each speck into a blot.
    gray = page.filter(ImageFilter.MedianFilter(3))
    upscaled = False
    if gray.width < MIN_WIDTH:
        factor = TARGET_WIDTH / gray.width
        gray = gray.resize((TARGET_WIDTH, int(gray.height * factor)), Image.LANCZOS)
        gray = gray.filter(ImageFilter.UnsharpMask(radius=2, percent=80, threshold=2))
        upscaled = True
    pixels = np.asarray(gray)
    threshold = otsu(pixels)
    # A near-white page has no real second class: Otsu would split paper grain; keep a floor.
    threshold = min(threshold, 200) if pixels.std() > 8 else 100
    binary = Image.fromarray(np.where(pixels > threshold, 255, 0).astype(np.uint8), "L")
    ink = float((np.asarray(binary) == 0).mean())
    angle = skew_angle(binary) if ink > BLANK_INK else 0.0
    if abs(angle) >= 0.2:
        gray = gray.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        binary = binary.rotate(angle, resample=Image.NEAREST, fillcolor=255)
    return CleanPage(gray=gray, binary=binary, ink=ink, angle=angle, upscaled=upscaled)


# ----------------------------------------------------------------------------- passes

@dataclass(frozen=True)
class PassSpec:
    name: str
    lang: str
    psm: int
    source: str = "binary"  # "binary" | "gray"
    scale: float = 1.0
    whitelist: str = ""  # restrict the characters Tesseract may output (digit passes)


# Whole-page passes: every page gets the first; pages get the second (lines the first dropped come back).
PAGE_PASSES: tuple[PassSpec, ...] = (
    PassSpec("fas-psm6-gray", "fas", 6, source="gray"),
    PassSpec("fas-psm4-bin", "fas", 4),
    PassSpec("fas-psm6-gray-x1.4", "fas", 6, source="gray", scale=1.4),
)
# Passes over the lines that hold national codes only (a line costs a tenth of a page), tried in turn
# until the codes are certain: other scales, sources and the English model (Latin digits).
LINE_PASSES: tuple[PassSpec, ...] = (
    PassSpec("line-fas-gray", "fas", 7, source="gray"),
    PassSpec("line-eng-gray", "eng", 7, source="gray"),
    PassSpec("line-fas-bin-x1.6", "fas", 7, scale=1.6),
    PassSpec("line-fas-gray-x0.8", "fas", 7, source="gray", scale=0.8),
    PassSpec("line-eng-bin-x1.6", "eng", 7, scale=1.6),
    PassSpec("line-fas-gray-x2", "fas", 7, source="gray", scale=2.0),
    PassSpec("line-faseng-gray-x1.3", "fas+eng", 7, source="gray", scale=1.3),
)
_LATIN = "0123456789"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
# Passes over the numbers alone (a crop around each long number): the Persian words around a number pull
# the English model off, and a crop is read in a few hundredths of a second.
DIGIT_PASSES: tuple[PassSpec, ...] = (
    PassSpec("digits-eng-gray-x2", "eng", 7, source="gray", scale=2.0, whitelist=_LATIN),
    PassSpec("digits-fas-gray-x2", "fas", 7, source="gray", scale=2.0, whitelist=_PERSIAN + _LATIN),
    PassSpec("digits-eng-bin-x3", "eng", 7, scale=3.0, whitelist=_LATIN),
    PassSpec("digits-fas-bin-x3", "fas", 7, scale=3.0, whitelist=_PERSIAN + _LATIN),
    PassSpec("digits-eng-gray-x1.5", "eng", 8, source="gray", scale=1.5, whitelist=_LATIN),
    PassSpec("digits-fas-gray-x1.5", "fas", 8, source="gray", scale=1.5, whitelist=_PERSIAN + _LATIN),
)


@dataclass
class Word:
    text: str
    conf: float


@dataclass
class PassResult:
    spec: PassSpec
    page: int
    lines: list[list[Word]] = field(default_factory=list)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # (left, top, right, bottom) per line
    word_boxes: list[list[tuple[int, int, int, int]]] = field(default_factory=list)  # per line, per word

    @property
    def text(self) -> str:
        return "\n".join(" ".join(w.text for w in line) for line in self.lines)


def run_pass(page: CleanPage, spec: PassSpec, page_index: int = 0,
             box: tuple[int, int, int, int] | None = None) -> PassResult:
    """One Tesseract pass over the page, or over one region of it (`box`, in page pixels)."""
    image = page.binary if spec.source == "binary" else page.gray
    if box is not None:
        image = image.crop(box)
    if spec.scale != 1.0:
        image = image.resize((int(image.width * spec.scale), int(image.height * spec.scale)), Image.LANCZOS)
    result = PassResult(spec=spec, page=page_index)
    if image.width < 16 or image.height < 16:
        return result
    try:
        config = f"--psm {spec.psm}" + (f" -c tessedit_char_whitelist={spec.whitelist}" if spec.whitelist else "")
        data = pytesseract.image_to_data(image, lang=spec.lang, config=config,
                                         output_type=pytesseract.Output.DICT, timeout=120)
    except (pytesseract.TesseractError, RuntimeError) as exc:
        # Tesseract dies on some images (SIGFPE on odd crops): that pass reads nothing, the others go on.
        log.warning("tesseract pass %s failed on page %d: %s", spec.name, page_index, str(exc)[:80])
        return result
    lines: dict[tuple[int, int, int], tuple[list[Word], list[int], list]] = {}
    for i, text in enumerate(data["text"]):
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        words, bounds, word_boxes = lines.setdefault(key, ([], [10**9, 10**9, -1, -1], []))
        if text and text.strip():
            words.append(Word(text.strip(), float(data["conf"][i])))
            left = data["left"][i] / spec.scale + (box[0] if box else 0)
            top = data["top"][i] / spec.scale + (box[1] if box else 0)
            right, bottom = left + data["width"][i] / spec.scale, top + data["height"][i] / spec.scale
            bounds[:] = [min(bounds[0], left), min(bounds[1], top), max(bounds[2], right), max(bounds[3], bottom)]
            word_boxes.append((int(left), int(top), int(right), int(bottom)))
    for words, bounds, word_boxes in lines.values():
        if words:
            result.lines.append(words)
            result.boxes.append(tuple(int(v) for v in bounds))
            result.word_boxes.append(word_boxes)
    return result


# ----------------------------------------------------------------------------- reading a whole file

# A page needs this many Persian letters (over its best pass) to count as a letter.
MIN_LETTERS = 40
_CODE_LINE = re.compile(r"ملی|\d{6}|[۰-۹]{6}")


@dataclass
class Reading:
    media_type: str
    pages: int
    fields: object | None = None  # extract.LetterFields
    rejected: str | None = None  # reason code when the file is not a readable letter
    detail: str = ""  # English, for operators
    passes: int = 0  # Tesseract runs (page and line passes)
    text: str = ""  # the whole letter as read (best pass per page)


def read_letter(data: bytes, *, max_rounds: int = len(DIGIT_PASSES) + len(LINE_PASSES)) -> Reading:
    """Read a scanned letter: every page twice, then the lines that hold national codes again and again
    until the passes agree (or the passes run out). Never raises for bad input: see Reading.rejected."""
    from channels.letter.extract import decide, full_text, persian_letters

    try:
        media_type, images, total_pages = load_pages(data)
    except Unreadable as exc:
        return Reading(media_type=sniff(data) if data else "application/octet-stream", pages=0,
                       rejected=exc.reason, detail=exc.detail)
    cleaned = [clean(image) for image in images]
    reading = Reading(media_type=media_type, pages=total_pages)
    content = [i for i, page in enumerate(cleaned) if page.ink > BLANK_INK]
    if not content:
        reading.rejected, reading.detail = "blank", "Every page is blank."
        return reading
    if all(cleaned[i].ink > 0.30 for i in content):
        reading.rejected, reading.detail = "not_a_letter", "The image is a picture, not a written page."
        return reading
    texts, results = [], []

    def run(page: int, spec: PassSpec, box=None, name: str | None = None) -> None:
        result = run_pass(cleaned[page], spec, page, box)
        results.append(result)
        texts.append(_text(result, name or spec.name, cleaned[page].gray.height))
        reading.passes += 1

    for i in content:
        run(i, PAGE_PASSES[0])
    if persian_letters(texts) < MIN_LETTERS:
        reading.rejected, reading.detail = "not_a_letter", "No Persian text found: not a letter."
        return reading
    for i in content:
        run(i, PAGE_PASSES[1])
    if not decide(texts).sure:
        numbers = _number_boxes(results, cleaned)
        lines, latin = _code_lines(results, cleaned)
        # The English model only helps with Latin digits; on Persian digits it reads nothing useful.
        rounds = [(s, numbers) for s in DIGIT_PASSES if latin or not s.lang.startswith("eng")]
        rounds += [(s, lines) for s in LINE_PASSES if latin or not s.lang.startswith("eng")]
        for spec, boxes in rounds[:max_rounds]:
            for k, (page, box) in enumerate(boxes):
                run(page, spec, box, name=f"{spec.name}#{k}")
            if decide(texts).sure:
                break
        else:
            for i in content:
                run(i, PAGE_PASSES[2])
    if decide(texts).phone is None:
        # The phone is not an identity, but a tracking code texted to a misread number reaches a stranger.
        phone_boxes = _phone_lines(results, cleaned)
        _, latin = _code_lines(results, cleaned)
        for spec in [s for s in LINE_PASSES if latin or not s.lang.startswith("eng")][:5]:
            for k, (page, box) in enumerate(phone_boxes):
                run(page, spec, box, name=f"phone-{spec.name}#{k}")
            if decide(texts).phone is not None:
                break
    reading.fields = decide(texts, final=True)
    if total_pages > len(images):
        # Probably a batch of letters scanned into one file: an operator splits it; nothing is guessed.
        reading.fields.sure = False
        reading.fields.reasons.append(f"file has {total_pages} pages; only the first {len(images)} were read")
    reading.text = full_text(texts)
    return reading


def _number_boxes(results: list[PassResult], cleaned: list[CleanPage], *, phones: bool = False
                  ) -> list[tuple[int, tuple[int, int, int, int]]]:
    """Boxes around the long numbers any pass read (national codes, or with phones=True the phone numbers),
    widened to catch digits a pass dropped, merged across passes."""
    from channels.letter.extract import _NOT_CODE_LINE, _PHONE_LINE
    from core.text import fold_digits, normalize

    found: dict[int, list[list[float]]] = {}
    for result in results:
        for line, words in enumerate(result.lines):
            text = normalize(" ".join(w.text for w in words))
            if (not _PHONE_LINE.search(text)) if phones else _NOT_CODE_LINE.search(text):
                continue
            for word, box in zip(words, result.word_boxes[line]):
                digits = re.sub(r"\D", "", fold_digits(word.text))
                if len(digits) < 4 or len(digits) > 12:
                    continue
                page_boxes = found.setdefault(result.page, [])
                for b in page_boxes:
                    v_overlap = min(b[3], box[3]) - max(b[1], box[1])
                    gap = max(b[0], box[0]) - min(b[2], box[2])
                    if v_overlap > 0.4 * min(b[3] - b[1], box[3] - box[1]) and gap < 1.5 * (box[3] - box[1]):
                        b[:] = [min(b[0], box[0]), min(b[1], box[1]), max(b[2], box[2]), max(b[3], box[3])]
                        break
                else:
                    page_boxes.append(list(box))
    out = []
    for page, page_boxes in sorted(found.items()):
        width, height = cleaned[page].gray.size
        for left, top, right, bottom in sorted(page_boxes, key=lambda b: b[1]):
            h = bottom - top
            if h <= 0 or h > 150:
                continue
            pad_x, pad_y = 0.04 * (right - left) + 0.3 * h, 0.3 * h + 4
            out.append((page, (int(max(0, left - pad_x)), int(max(0, top - pad_y)),
                               int(min(width, right + pad_x)), int(min(height, bottom + pad_y)))))
    return out


def _phone_lines(results: list[PassResult], cleaned: list[CleanPage]) -> list[tuple[int, tuple[int, int, int, int]]]:
    """Boxes of the lines that name a phone («شماره تماس», «تلفن»…), widened to the left where the number is."""
    from channels.letter.extract import _PHONE_LINE
    from core.text import normalize

    boxes: list[tuple[int, tuple[int, int, int, int]]] = []
    for result in results:
        width, height = cleaned[result.page].gray.size
        for words, (left, top, right, bottom) in zip(result.lines, result.boxes):
            if not _PHONE_LINE.search(normalize(" ".join(w.text for w in words))) or bottom - top > 90:
                continue
            if any(p == result.page and abs(b[1] - top) < 20 for p, b in boxes):
                continue
            pad = max(8, (bottom - top) // 2)
            boxes.append((result.page, (0, max(0, top - pad), min(width, right + pad), min(height, bottom + pad))))
    return boxes


def _code_lines(results: list[PassResult], cleaned: list[CleanPage]
                ) -> tuple[list[tuple[int, tuple[int, int, int, int]]], bool]:
    """Boxes (full page width) of the lines where any pass read «ملی» or a long number, merged across
    passes; and whether those numbers were written in Latin digits."""
    from core.text import fold_digits

    spans: dict[int, list[list[int]]] = {}
    latin = persian = 0
    for result in results:
        for words, (left, top, right, bottom) in zip(result.lines, result.boxes):
            raw = " ".join(w.text for w in words)
            text = fold_digits(raw)
            if not _CODE_LINE.search(text) or bottom - top > 90:
                continue
            latin += len(re.findall(r"[0-9]", raw))
            persian += len(re.findall(r"[۰-۹٠-٩]", raw))
            page_spans = spans.setdefault(result.page, [])
            for span in page_spans:
                overlap = min(span[1], bottom) - max(span[0], top)
                if overlap > 0.5 * min(span[1] - span[0], bottom - top):
                    span[0], span[1] = min(span[0], top), max(span[1], bottom)
                    break
            else:
                page_spans.append([top, bottom])
    boxes = []
    for page, page_spans in sorted(spans.items()):
        width, height = cleaned[page].gray.size
        for top, bottom in sorted(page_spans):
            pad = max(8, (bottom - top) // 2)
            boxes.append((page, (0, max(0, top - pad), width, min(height, bottom + pad))))
    return boxes, latin >= persian


def _text(result: PassResult, name: str, height: int):
    from channels.letter.extract import pass_text

    return pass_text(name, result.page, [[(w.text, w.conf) for w in line] for line in result.lines],
                     [box[1] / max(height, 1) for box in result.boxes])
