"""Certificates and CPD records print every name and every reflection: no black boxes.

"Łucja Wiśniewska-Nguyễn" printed as "■ucja Wi■niewska-Nguy■n" (built-in Helvetica);
Arabic and emoji in a reflection did the same. Each test downloads the PDF as the learner
does, then reads it back: every character is drawn from a real glyph of an embedded font
(tests/pdf_checks.py), the text copies out as typed, and PDFium lays the name out on one
line inside the certificate's border.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate, CourseCompletion, Enrolment, JournalEntry
from courses.pdf import verification_url
from learning_site import pdf_fonts
from tests import pdf_checks

pytestmark = pytest.mark.django_db
MM = 72 / 25.4

# 150 characters, the most a name can have, in five scripts.
LONG_NAME = (
    "Łucja Wiśniewska-Nguyễn Ελένη Παπαδοπούλου Ольга Иванова-Петренко "
    "زینب علی דוד כהן Nguyễn Thị Minh Khai Anna-Maria Kowalczyk-Jones de la Cruz y García"
)
assert len(LONG_NAME) == 150

NAMES = [
    "Łucja Wiśniewska-Nguyễn",
    "زینب علی",  # Urdu/Persian spelling (Farsi yeh)
    "Nguyễn Thị Minh Khai",
    "Ελένη Παπαδοπούλου",
    "Ольга Иванова",
    "דוד כהן",
    "J",
    LONG_NAME,
]


@pytest.fixture
def completion(learner, course):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    return CourseCompletion.objects.create(
        enrolment=enrolment,
        user=learner,
        course=course,
        completed_at=timezone.make_aware(datetime.datetime(2026, 5, 14, 10)),
        knowledge_score=100,
    )


def certificate_for(completion, name):
    return Certificate.objects.create(
        completion=completion,
        learner_name=name,
        course_title=completion.course.title,
        cpd_hours=Decimal("1.5"),
    )


def download(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.getvalue()  # a file response (certificates) streams


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n[:20])
def test_certificate_prints_the_name_in_any_script_on_one_line(client, learner, completion, name):
    certificate = certificate_for(completion, name)
    pdf = download(client, learner, reverse("certificate_pdf", args=[certificate.code]))

    assert pdf_checks.tofu(pdf) == []
    # Every letter of the name, as drawn (Arabic joined, right-to-left), has its glyph.
    drawn = pdf_fonts.one_line(name)
    letters = {ch for ch in drawn if not ch.isspace()}
    assert set(pdf_checks.glyphs_for(pdf, drawn)) == letters
    # It copies out as typed (Arabic presentation forms fold back to letters; a reader
    # may order the words of mixed-direction text its own way).
    text = pdf_checks.text(pdf)
    if pdf_fonts.has_rtl(name):
        assert all(word in text for word in name.split())
    else:
        assert name in text

    # PDFium puts the whole name on one line, inside the border, big enough to read.
    name_boxes, width = pdf_checks.certificate_name_boxes(pdf)
    assert len(name_boxes) == len(drawn.replace(" ", ""))
    border = 12 * MM + 2
    assert min(b.left for b in name_boxes) > border
    assert max(b.right for b in name_boxes) < width - border
    heights = [b.top - b.bottom for b in name_boxes if b.char.isalpha()]
    assert max(heights) > 4  # at least about 6 point type even at 150 characters


def test_a_short_name_keeps_the_full_size_and_a_long_one_shrinks_to_fit():
    width = 250 * MM
    assert pdf_fonts.fit_font_size("Jo Li", pdf_fonts.BOLD_FONT, 24, width) == 24
    size = pdf_fonts.fit_font_size(LONG_NAME, pdf_fonts.BOLD_FONT, 24, width)
    assert 6 < size < 24
    drawn = pdf_fonts.visual(LONG_NAME)
    assert pdf_fonts.string_width(drawn, pdf_fonts.BOLD_FONT, size) <= width


def test_certificate_links_to_its_verification_on_the_base_url(
    client, learner, completion, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org/"
    certificate = certificate_for(completion, "Łucja Wiśniewska-Nguyễn")
    pdf = download(client, learner, reverse("certificate_pdf", args=[certificate.code]))
    url = f"https://learning.example.org/certificates/verify/?code={certificate.code}"
    assert verification_url(certificate) == url
    assert f"Check it at {url}" in pdf_checks.text(pdf)
    assert url.encode() in pdf  # and the line is a link
    # The link opens the check with the code filled in.
    client.logout()
    html = client.get(url.removeprefix("https://learning.example.org")).content.decode()
    assert "This certificate is genuine" in html and "Łucja Wiśniewska-Nguyễn" in html


ARABIC_REFLECTION = (
    "تعلمت أن الإهمال يظهر في تفاصيل الحياة اليومية للطفل، وأن علي أن أنظر إلى ما يعيشه "
    "الطفل كل يوم وليس إلى وعود الأسرة فقط. سأسأل عن وجبة الإفطار في كل زيارة."
)


def test_cpd_record_prints_arabic_and_emoji_in_a_reflection(client, learner, completion):
    learner.full_name = "زینب علی"
    learner.save()
    JournalEntry.objects.create(
        author=learner,
        course=completion.course,
        title="Home visit",
        body=ARABIC_REFLECTION,
        action_plan="I will visit at tea time 😊 and look in the fridge – every time.",
        include_in_cpd=True,
    )
    certificate_for(completion, learner.full_name)

    pdf = download(client, learner, reverse("cpd_record_pdf"))

    assert pdf_checks.tofu(pdf) == []
    text = pdf_checks.text(pdf)
    assert "I will visit at tea time 😊 and look in the fridge – every time." in text
    assert "CPD record:" in text
    # The reflection wraps onto a second line; every word of it is there, drawn from
    # the Arabic font's joined letter forms, and the first words are on the first line.
    words = [word.strip(".،") for word in ARABIC_REFLECTION.split()]
    assert all(word in text for word in words)
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if set(words[:3]) <= set(line.split()))
    last = next(i for i, line in enumerate(lines) if words[-1] in line.split())
    assert last > first  # wrapped, and read from the top line down
    fonts = set(pdf_checks.glyphs_for(pdf, pdf_fonts.visual(ARABIC_REFLECTION)).values())
    assert any("NotoSansArabic" in font for font in fonts)
    assert any("NotoEmoji" in s.font.name for s in pdf_checks.shown_glyphs(pdf) if s.char == "😊")
