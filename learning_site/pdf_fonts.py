"""Fonts, text shaping and paragraph styles for every PDF the site makes.

reportlab's built-in Helvetica knows only Western European letters: anything else (a
"Ł", a Vietnamese "ễ", Arabic, an emoji) printed as a black box. Every PDF now draws its
text through this module instead:

- **Embedded Noto fonts**, shipped inside the ``manimgx-fonts`` wheel (unmodified Noto,
  SIL Open Font Licence; nothing is downloaded at run time): Noto Sans for Latin
  (including Vietnamese), Greek and Cyrillic, then Noto Sans Arabic (Arabic, Persian,
  Urdu), Hebrew, Armenian, Georgian, Ethiopic and Thai, Noto Sans Symbols, and the
  monochrome Noto Emoji. Each character is set in the first of these that has it, so a
  name can mix scripts. reportlab embeds only the glyphs used.
- **Bold** is made once per process from the variable fonts with fontTools (the wheel
  ships variable fonts, whose default is the regular weight).
- **Right-to-left text** (Arabic, Urdu, Hebrew) is shaped with ``arabic-reshaper``
  (joined letter forms) and put in display order with ``python-bidi``, line by line
  after wrapping, so a long Arabic reflection reads from its first line down.
- A character no font has (for example Chinese) prints as "�", never as a black box;
  joiners and variation selectors that only work with a shaping engine are dropped.

Use :func:`stylesheet` for paragraph styles, :func:`paragraph` for any text that came
from a person, and :func:`draw_string` / :func:`fit_font_size` on a canvas.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

logger = logging.getLogger(__name__)

FONT = "Neglect-Sans"
BOLD_FONT = "Neglect-Sans-Bold"
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
_ONE_LINE = re.compile(r"[\r\n\t]+")


@dataclass(frozen=True)
class Face:
    """One font file of the ``manimgx-fonts`` wheel and the names we register it under."""

    key: str
    filename: str
    has_bold: bool = True

    @property
    def regular(self) -> str:
        return FONT if self.key == "sans" else f"Neglect-{self.key}"

    @property
    def bold(self) -> str:
        if not self.has_bold:
            return self.regular
        return BOLD_FONT if self.key == "sans" else f"Neglect-{self.key}-Bold"


# In the order a character looks for a glyph: the first face that has it sets it.
FACES = (
    Face("sans", "NotoSans[wght].ttf"),
    Face("arabic", "NotoSansArabic[wght].ttf"),
    Face("hebrew", "NotoSansHebrew[wght].ttf"),
    Face("armenian", "NotoSansArmenian[wght].ttf"),
    Face("georgian", "NotoSansGeorgian[wght].ttf"),
    Face("ethiopic", "NotoSansEthiopic[wght].ttf"),
    Face("thai", "NotoSansThai[wght].ttf"),
    # Symbols and emoji keep one weight in bold text: instancing them costs more than
    # a heavier smiley is worth.
    Face("symbols", "NotoSansSymbols[wght].ttf", has_bold=False),
    Face("emoji", "NotoEmoji[wght].ttf", has_bold=False),
)

_lock = threading.RLock()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab 5.1's ToUnicode map writes characters beyond U+FFFF (emoji) as five hex
    digits, which readers misread ("😊" copies out as "ὠ"). PDF wants UTF-16BE, with
    surrogate pairs; this is reportlab's function with that one change."""
    entries = [
        "<%02X> <%s>" % (i, chr(v).encode("utf-16-be").hex().upper())  # noqa: UP031
        for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<00> <%02X>" % (len(subset) - 1),  # noqa: UP031
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def font_path(face: Face):
    return files("manimgx_fonts") / face.filename


@cache
def _cmap(face: Face) -> frozenset[int]:
    return frozenset(_load(face, bold=False).face.charToGlyph)


def _bold_bytes(face: Face) -> bytes:
    """A static bold instance of the variable font, named apart from the regular one
    (reportlab shares a face between fonts with the same PostScript name)."""
    from fontTools.ttLib import TTFont as FontToolsFont
    from fontTools.varLib import instancer

    with font_path(face).open("rb") as source:
        font = FontToolsFont(source)
    # reportlab draws glyph outlines and advances only; dropping the layout tables
    # makes instancing about twenty times faster.
    for tag in ("GSUB", "GPOS", "GDEF", "STAT", "MVAR"):
        if tag in font:
            del font[tag]
    axis = next(a for a in font["fvar"].axes if a.axisTag == "wght")
    bold = instancer.instantiateVariableFont(
        font, {"wght": min(700, axis.maxValue)}, optimize=False
    )
    family = font["name"].getDebugName(16) or font["name"].getDebugName(1) or face.key
    bold["name"].setName(f"{family} Bold", 4, 3, 1, 0x409)
    bold["name"].setName(family.replace(" ", "") + "-Bold", 6, 3, 1, 0x409)
    out = io.BytesIO()
    bold.save(out)
    return out.getvalue()


@cache
def _ttfont(face: Face, bold: bool) -> TTFont:
    if bold:
        data = io.BytesIO(_bold_bytes(face))
        data.name = f"{face.filename} (bold)"
        return TTFont(face.bold, data)
    with font_path(face).open("rb") as source:
        data = io.BytesIO(source.read())
    data.name = face.filename
    return TTFont(face.regular, data)


def _load(face: Face, *, bold: bool) -> TTFont:
    """The reportlab font for ``face``, registered (again, if reportlab was reset)."""
    bold = bold and face.has_bold
    name = face.bold if bold else face.regular
    with _lock:
        font = _ttfont(face, bold)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
    return font


def register_fonts() -> None:
    """Register the main family so styles and ``<b>`` in paragraphs can name it."""
    sans = FACES[0]
    _load(sans, bold=False)
    _load(sans, bold=True)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD_FONT, italic=FONT, boldItalic=BOLD_FONT
    )


def is_bold(font_name: str) -> bool:
    return font_name.endswith("-Bold")


# --- Characters ---------------------------------------------------------------------------

_reshaper = ArabicReshaper(configuration={"delete_harakat": False, "shift_harakat_position": False})


def _invisible(ch: str) -> bool:
    """Format characters (joiners, bidi marks, variation selectors) and emoji skin-tone
    modifiers: they only mean something to a shaping engine or a colour emoji font, and
    here would print as boxes or swatches."""
    code = ord(ch)
    return (
        unicodedata.category(ch) == "Cf"
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF
        or (unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    )


def face_for(ch: str, prefer: Face | None = None) -> Face | None:
    """The face that sets ``ch``: for a space, punctuation, a digit or an accent,
    ``prefer`` if it has it (so they stay in the surrounding script's font); otherwise
    the first face that has it."""
    code = ord(ch)
    if prefer is not None and not ch.isalpha() and code in _cmap(prefer):
        return prefer
    for face in FACES:
        # An emoji font's space is as wide as an emoji.
        if ch.isspace() and face.key == "emoji":
            continue
        if code in _cmap(face):
            return face
    return None


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def base_is_rtl(text: str) -> bool:
    """Unicode's rule: the first strong character sets the paragraph's direction."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def shape(text: str) -> str:
    """Join Arabic letters into their contextual forms (logical order kept)."""
    if not any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text):
        return text
    return _reshaper.reshape(text)


def visual(line: str, rtl_base: bool | None = None) -> str:
    """One line, shaped, in the left-to-right order it is drawn."""
    shaped = shape(line)
    if has_rtl(shaped):
        base = rtl_base if rtl_base is not None else base_is_rtl(shaped)
        shaped = get_display(shaped, base_dir="R" if base else "L")
    return shaped


def one_line(text: str) -> str:
    """``text`` as one drawn line: line breaks and tabs become spaces, then shaped and in
    display order."""
    return visual(_ONE_LINE.sub(" ", text).strip())


def runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """Split display-ordered ``text`` into (font name, text) runs, each drawable in one
    font; characters no font has become "�"."""
    bold = is_bold(font_name)
    out: list[tuple[str, str]] = []
    current: Face | None = None
    for ch in text:
        if ch == "\t":
            ch = " "
        if _invisible(ch):
            continue
        face = face_for(ch, current)
        if face is None:
            _warn_missing(ch)
            ch, face = REPLACEMENT, FACES[0]
        name = face.bold if bold and face.has_bold else face.regular
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            _load(face, bold=bold)
            out.append((name, ch))
        if not ch.isspace() and face.key not in ("symbols", "emoji"):
            current = face
    return out


_warned: set[str] = set()


def _warn_missing(ch: str) -> None:
    if ch not in _warned:
        _warned.add(ch)
        logger.warning("No embedded font has U+%04X; it prints as %s", ord(ch), REPLACEMENT)


def string_width(text: str, font_name: str, size: float) -> float:
    """Width of display-ordered ``text`` as :func:`draw_string` sets it."""
    return sum(pdfmetrics.stringWidth(t, name, size) for name, t in runs(text, font_name))


# --- Drawing on a canvas ------------------------------------------------------------------


def fit_font_size(
    text: str, font_name: str, size: float, max_width: float, *, smallest: float = 4
) -> float:
    """The largest size up to ``size`` at which ``text`` fits ``max_width`` on one line."""
    width = string_width(one_line(text), font_name, size)
    if width <= max_width:
        return size
    return max(smallest, size * max_width / width * 0.999)


def draw_string(
    canvas,
    x: float,
    y: float,
    text: str,
    *,
    font_name: str = FONT,
    size: float = 11,
    align: str = "left",
) -> float:
    """Draw one line of ``text`` (any script) with its left edge, centre or right edge
    at ``x``; returns its width."""
    pieces = runs(one_line(text), font_name)
    width = sum(pdfmetrics.stringWidth(t, name, size) for name, t in pieces)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    text_object = canvas.beginText(x, y)
    for name, piece in pieces:
        text_object.setFont(name, size)
        text_object.textOut(piece)
    canvas.drawText(text_object)
    return width


# --- Paragraphs ---------------------------------------------------------------------------


def markup(line: str, font_name: str) -> str:
    """Paragraph markup for display-ordered ``line``, each run in its own font."""
    out = []
    for name, piece in runs(line, font_name):
        piece = escape(piece)
        out.append(piece if name == font_name else f'<font name="{name}">{piece}</font>')
    return "".join(out)


def paragraph(text: str | None, style: ParagraphStyle) -> Flowable:
    """A paragraph of plain text from a person: any script, line breaks kept."""
    text = text or ""
    if has_rtl(text):
        return BidiParagraph(text, style)
    lines = [markup(line, style.fontName) for line in text.split("\n")]
    return Paragraph("<br/>".join(lines), style)


class BidiParagraph(Flowable):
    """Text with right-to-left parts: wrapped in reading order, then each line put in
    display order, so the first words of a long Arabic answer are on the first line.
    A paragraph that starts in a right-to-left script is aligned right."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text = text
        self.style = style
        self._para: Paragraph | None = None
        self._para_width = None

    def _words_width(self, words: list[str], size: float) -> float:
        return string_width(visual(" ".join(words)), self.style.fontName, size)

    def _wrap_lines(self, width: float) -> list[str]:
        size = self.style.fontSize
        lines: list[str] = []
        for hard in self.text.split("\n"):
            line: list[str] = []
            for word in hard.split():
                if self._words_width([*line, word], size) <= width:
                    line.append(word)
                    continue
                if line:
                    lines.append(" ".join(line))
                line = [word]
                # A single word wider than the column is broken between characters.
                while len(line[0]) > 1 and self._words_width(line, size) > width:
                    cut = len(line[0]) - 1
                    while cut > 1 and self._words_width([line[0][:cut]], size) > width:
                        cut -= 1
                    lines.append(line[0][:cut])
                    line = [line[0][cut:]]
            lines.append(" ".join(line))
        return lines

    def _build(self, width: float) -> Paragraph:
        if self._para is None or self._para_width != width:
            rtl = base_is_rtl(self.text)
            style = self.style
            if rtl and style.alignment == TA_LEFT:
                style = style.clone(f"{style.name}-rtl", alignment=TA_RIGHT)
            # Half a point of slack: reportlab must not wrap a line we measured to fit.
            lines = self._wrap_lines(max(width - 0.5, 1))
            body = "<br/>".join(markup(visual(line, rtl), style.fontName) for line in lines)
            self._para = Paragraph(body, style)
            self._para_width = width
        return self._para

    def wrap(self, availWidth, availHeight):
        para = self._build(availWidth)
        self.width, self.height = para.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return self._build(availWidth).split(availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):
        self._build(self.width).drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter


def stylesheet() -> StyleSheet1:
    """reportlab's sample styles, set in the embedded fonts (never Helvetica)."""
    register_fonts()
    styles = getSampleStyleSheet()
    for name in styles.byName:
        style = styles[name]
        if not isinstance(style, ParagraphStyle):
            continue
        bold = "Bold" in style.fontName
        style.fontName = BOLD_FONT if bold else FONT
        # Noto is taller than Helvetica (accents above capitals, Arabic below the line).
        style.leading = max(style.leading, round(style.fontSize * 1.25, 1))
        if hasattr(style, "bulletFontName"):
            style.bulletFontName = FONT
    styles["Heading1"].spaceBefore = max(styles["Heading1"].spaceBefore, 10)
    styles.add(styles["BodyText"].clone("TableCell", fontSize=8.5, leading=11))
    styles.add(styles["TableCell"].clone("TableHead", fontName=BOLD_FONT))
    styles.add(styles["Normal"].clone("Label", fontName=BOLD_FONT))
    styles.add(
        styles["BodyText"].clone(
            "Note", fontSize=9, leading=12, textColor=colors.HexColor("#505a5f")
        )
    )
    styles.add(styles["Normal"].clone("Centred", alignment=TA_CENTER))
    return styles
