"""The shared PDF text module: what a reader sees for characters the fonts cannot show."""

import io
import unicodedata

from reportlab.pdfgen import canvas

from learning_site import pdf_fonts
from tests import pdf_checks


def one_line_pdf(text: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    pdf_fonts.draw_string(page, 50, 700, text, **kwargs)
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_a_character_no_font_has_prints_as_a_replacement_sign_not_a_box(caplog):
    pdf = one_line_pdf("Li Wei 李伟")
    assert pdf_checks.tofu(pdf) == []
    assert "Li Wei ��" in pdf_checks.text(pdf)
    assert "U+674E" in caplog.text


def test_emoji_print_as_monochrome_glyphs_without_skin_tone_swatches_or_joiners():
    pdf = one_line_pdf("Thanks 👍🏽 👩‍👧 ❤️", font_name=pdf_fonts.BOLD_FONT)
    assert pdf_checks.tofu(pdf) == []
    assert "Thanks 👍 👩👧 ❤" in pdf_checks.text(pdf)
    emoji_font = {s.font.name for s in pdf_checks.shown_glyphs(pdf) if s.char in "👍👩👧❤"}
    assert len(emoji_font) == 1 and "NotoEmoji" in emoji_font.pop()


def test_no_text_is_set_in_a_built_in_font():
    pdf = one_line_pdf("Plain English – with a dash")
    fonts = {s.font.name for s in pdf_checks.shown_glyphs(pdf)}
    assert fonts and all("+NotoSans" in name for name in fonts)


def test_punctuation_stays_in_the_surrounding_scripts_font_and_letters_find_theirs():
    assert pdf_fonts.face_for("A").key == "sans"
    arabic = pdf_fonts.face_for("ب")
    assert arabic.key == "arabic"
    assert pdf_fonts.face_for("،").key == "arabic"
    assert pdf_fonts.face_for(".", prefer=arabic).key == "arabic"
    assert pdf_fonts.face_for("A", prefer=arabic).key == "sans"
    assert pdf_fonts.face_for("א").key == "hebrew"
    assert pdf_fonts.face_for("→").key == "symbols"
    assert pdf_fonts.face_for("李") is None


def test_right_to_left_text_is_joined_and_drawn_right_to_left():
    drawn = pdf_fonts.one_line("زینب علی")
    # Each letter in its joined form (initial, medial, final)...
    assert all(0xFB50 <= ord(ch) <= 0xFEFF for ch in drawn.replace(" ", ""))
    # ...and drawn from the left: the last letter of the last word first.
    assert unicodedata.normalize("NFKC", drawn) == "زینب علی"[::-1]
