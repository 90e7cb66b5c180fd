"""Reading the site's PDFs back as a reader's program would: which fonts the text is
shown in, which glyph each character gets, the text that copies out, and where it lands
on the rendered page.

"Tofu" (a black or empty box instead of a letter) comes from a character drawn in a font
that lacks it: in a built-in font (Helvetica has no "Ł") or as the embedded font's
``.notdef`` glyph (reportlab shows a character its font lacks as code 0, mapped to
U+0000). :func:`shown_glyphs` finds both.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

import pypdf
import pypdfium2
from fontTools.ttLib import TTFont
from pypdf.generic import ContentStream

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass
class EmbeddedFont:
    name: str
    ttf: TTFont | None  # None: not embedded (a built-in font such as Helvetica)
    to_unicode: dict[int, str] = field(default_factory=dict)

    def glyph_has_outline(self, code: int) -> bool:
        if self.ttf is None:
            return False
        # reportlab's subsets map their one-byte codes with a single (Mac, Roman) table.
        glyph_name = self.ttf["cmap"].tables[0].cmap.get(code)
        if glyph_name is None or glyph_name == ".notdef":
            return False
        return self.ttf["glyf"][glyph_name].numberOfContours != 0


@dataclass
class Shown:
    """One character shown on a page: its font, the code used and what it copies as."""

    font: EmbeddedFont
    code: int
    char: str


def _fonts(page) -> dict[str, EmbeddedFont]:
    out = {}
    for key, ref in page["/Resources"]["/Font"].items():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        ttf = None
        if descriptor is not None and "/FontFile2" in descriptor:
            ttf = TTFont(io.BytesIO(descriptor["/FontFile2"].get_data()))
        to_unicode = {}
        if "/ToUnicode" in font:
            cmap = font["/ToUnicode"].get_data()
            for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code, value in _BFCHAR.findall(section):
                    to_unicode[int(code, 16)] = bytes.fromhex(value.decode()).decode("utf-16-be")
        out[key] = EmbeddedFont(str(font["/BaseFont"]), ttf, to_unicode)
    return out


def _string_bytes(operand) -> bytes:
    if isinstance(operand, bytes):
        return operand
    return operand.original_bytes if hasattr(operand, "original_bytes") else operand.encode()


def shown_glyphs(pdf: bytes) -> list[Shown]:
    """Every character the PDF shows, on every page, in drawing order."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    shown = []
    for page in reader.pages:
        fonts = _fonts(page)
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = fonts[str(operands[0])]
                continue
            if operator in (b"Tj", b"'"):
                strings = [operands[0]]
            elif operator == b'"':
                strings = [operands[2]]
            elif operator == b"TJ":  # an array of strings and kerning numbers
                strings = [o for o in operands[0] if not isinstance(o, int | float)]
            else:
                continue
            for string in strings:
                for code in _string_bytes(string):
                    shown.append(Shown(current, code, current.to_unicode.get(code, "")))
    return shown


def tofu(pdf: bytes) -> list[str]:
    """Characters shown in a font that is not embedded, or as a missing glyph."""
    problems = []
    for s in shown_glyphs(pdf):
        if s.font.ttf is None:
            problems.append(f"{s.code!r} in built-in font {s.font.name}")
        elif s.char in ("", "\x00"):
            problems.append(f"code {s.code} in {s.font.name} is the missing-glyph box")
        elif not s.char.isspace() and not s.font.glyph_has_outline(s.code):
            problems.append(f"{s.char!r} in {s.font.name} has no outline")
    return problems


def glyphs_for(pdf: bytes, text: str) -> dict[str, str]:
    """For each character of ``text`` (as drawn: shaped, display order), the embedded
    font whose real glyph shows it; characters the PDF never shows are left out."""
    found = {}
    for s in shown_glyphs(pdf):
        if s.char in text and s.font.ttf is not None and s.font.glyph_has_outline(s.code):
            found[s.char] = s.font.name
    return found


def text(pdf: bytes) -> str:
    """The text a reader copies out (pypdf), with Arabic presentation forms folded back
    to letters (NFKC)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


@dataclass
class CharBox:
    char: str
    left: float
    bottom: float
    right: float
    top: float


def rendered_chars(pdf: bytes, page_index: int = 0) -> tuple[list[CharBox], tuple]:
    """The page as PDFium (Chrome's PDF engine) lays it out: each character's box in
    points, and the page's size. Rendering it also proves PDFium can draw it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[page_index]
        bitmap = page.render(scale=1)
        assert bitmap.to_pil().getbbox() is not None  # something was drawn
        textpage = page.get_textpage()
        boxes = []
        for i in range(textpage.count_chars()):
            char = textpage.get_text_range(i, 1)
            if char.strip():
                boxes.append(CharBox(char, *textpage.get_charbox(i)))
        size = page.get_size()
        textpage.close()
        page.close()
        return boxes, size
    finally:
        document.close()


MM = 72 / 25.4
CERTIFICATE_NAME_BASELINE_MM = 92  # courses/pdf.py draws the learner's name here


def certificate_name_boxes(pdf: bytes) -> tuple[list[CharBox], float]:
    """The characters PDFium draws on the certificate's name line, and the page width."""
    boxes, (width, height) = rendered_chars(pdf)
    baseline = height - CERTIFICATE_NAME_BASELINE_MM * MM
    return [b for b in boxes if baseline - 10 < b.bottom < baseline + 8], width
