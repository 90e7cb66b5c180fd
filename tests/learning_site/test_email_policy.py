"""The quick header folding writes every email byte for byte as Django's own policy."""

import random
import string
from email import generator
from email.policy import compat32
from io import BytesIO

import pytest

from learning_site.emails import QUICK_FOLD, SiteEmail, templated_email


def written(message, policy, linesep="\r\n") -> bytes:
    out = BytesIO()
    generator.BytesGenerator(out, mangle_from_=False, policy=policy.clone(linesep=linesep)).flatten(
        message
    )
    return out.getvalue()


def tricky_values():
    """Header values around every edge of the quick path: lengths either side of a line,
    spaces doubled, leading and trailing, tabs, encoded words, non-ASCII, line breaks."""
    rng = random.Random(19)
    alphabet = string.ascii_letters + string.digits + string.punctuation + "  \t"
    with_breaks = alphabet + "\n\r:" + " " * 5
    fixed = [
        "",
        " ",
        "a",
        " leading",
        "trailing ",
        "two  spaces",
        "tab\there",
        "=?utf-8?q?encoded?=",
        "Caf\u00e9 au lait",
        "line\nbreak",
        "line\r\nbreak",
        "x" * 60,
        "x" * 80,
        "word " * 20,
        "<https://learning.example.org/surveys/follow-up/12/abc_DEF-123/stop/>",
    ]
    for length in (*range(60, 80), 200):
        fixed.append(("ab cd " * 40)[:length])
    # The long headers of a follow-up invitation, and breaks in every position.
    fixed += [
        "<https://learning.example.org/surveys/follow-up/123456/" + "aZ_-9" * 9 + "/stop/>",
        'multipart/alternative; boundary="===============0123456789abcdef0123456789abcdef=="',
        "Reminder: 12 months on from 'Disguised compliance: seeing past the closed door': "
        "what has changed?",
        "Northshire Safeguarding Children Partnership, and friends <no-reply@example.org>",
        "a;b,c d\te" * 30,
        ";;;,,,   \t\t" * 10,
        "{}{0}{x} x X %s" * 10,
        "x" * 300,
        "3 months on from 'Disguised compliance: seeing past the closed door':\n what has\n"
        " changed?",
        "a\nb: c",
        "a\n b: c",
        "a\r\n\tb:c\nd",
        "word:\n\n  x",
        "one\rtwo",
        "trailing\n",
    ]
    return (
        fixed
        + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400))) for _ in range(2000)]
        + [
            "".join(rng.choice(with_breaks) for _ in range(rng.randrange(1, 200)))
            for _ in range(1000)
        ]
    )


@pytest.mark.parametrize(
    "name", ["Subject", "To", "List-Unsubscribe", "X-A-Very-Long-Header-Name", "Context-x{}"]
)
@pytest.mark.parametrize("max_line_length", [78, 40, None, 0])
def test_quick_folding_writes_each_header_as_compat32(name, max_line_length):
    for value in tricky_values():
        for linesep in ("\n", "\r\n"):
            quick = QUICK_FOLD.clone(linesep=linesep, max_line_length=max_line_length)
            slow = compat32.clone(linesep=linesep, max_line_length=max_line_length)
            try:
                expected = slow.fold_binary(name, value)
            except Exception as error:  # noqa: BLE001 - the quick path must fail alike
                with pytest.raises(type(error)):
                    quick.fold_binary(name, value)
                continue
            assert quick.fold_binary(name, value) == expected, (name, value)
            assert quick.fold(name, value) == slow.fold(name, value), (name, value)


def test_a_site_email_is_written_as_django_writes_it(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    message = templated_email(
        template="evaluations/email/invitation",
        context={
            "first_name": "Zo\u00eb",
            "partnership_name": "Northshire Safeguarding Children Partnership",
            "course_title": "Disguised compliance: seeing past the closed door",
            "months": 3,
            "minutes": 4,
            "survey_url": "https://learning.example.org/surveys/follow-up/1/token/",
            "opt_out_url": "https://learning.example.org/surveys/follow-up/1/token/stop/",
            "closes_on": None,
            "reminder": False,
        },
        subject="3 months on from 'Disguised compliance: seeing past the closed door': what "
        "has changed?",
        to=["zoe.example@northshire.example"],
        from_email="Northshire Safeguarding Children Partnership <no-reply@example.org>",
        unsubscribe_url="https://learning.example.org/surveys/follow-up/1/token/stop/",
    )
    assert isinstance(message, SiteEmail)
    mime = message.message()
    assert mime.policy is QUICK_FOLD
    mime.set_boundary("===============0123456789==")  # the same on both writings
    assert written(mime, QUICK_FOLD) == written(mime, compat32)
    assert written(mime, QUICK_FOLD, "\n") == written(mime, compat32, "\n")
    assert mime.as_bytes() == written(mime, compat32, "\n")


@pytest.mark.parametrize(
    ("subject", "name", "line"),
    [
        ("3 months on from 'Safer sleep': what has changed?", "Lee", "short"),
        ("Reminder: " + "a long subject line, folded " * 5, "Zoë Ångström", "x" * 90),
        ("Nguyễn's survey 🙂", "محمد", "é" * 1200),  # a line too long for 8bit: quoted-printable
    ],
)
def test_a_site_email_is_written_as_djangos_own_email_writes_it(subject, name, line):
    """The boundary chosen up front, the quick folding and the quick generator change
    nothing in the bytes: Django's own email, given the same boundary, date and message
    id, writes the same."""
    from django.core.mail import EmailMultiAlternatives

    from learning_site.emails import new_boundary

    kwargs = {
        "subject": subject,
        "body": f"Hello {name},\n\n{line}\r\nhttps://learning.example.org/s/1/abc/\n",
        "from_email": "Northshire Safeguarding Children Partnership, and friends "
        "<no-reply@example.org>",
        "to": [f"{name} <person@example.org>"],
        "headers": {
            "Date": "Thu, 03 Dec 2026 13:50:51 -0000",
            "Message-ID": "<1.2.3@localhost>",
            "List-Unsubscribe": "<https://learning.example.org/surveys/follow-up/1/"
            + "aZ_-9" * 9
            + "/stop/>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
    html = f"<p>Hello {name}, ‘{line}’</p>\n<p>Bye</p>"
    ours = SiteEmail(**kwargs)
    ours.attach_alternative(html, "text/html")
    django = EmailMultiAlternatives(**kwargs)
    django.attach_alternative(html, "text/html")
    ours_mime, django_mime = ours.message(), django.message()
    boundary = ours_mime.get_boundary()
    assert boundary.startswith("=" * 15) and len(boundary) == 49
    assert boundary != new_boundary()
    django_mime.set_boundary(boundary)
    for linesep in ("\n", "\r\n"):
        assert ours_mime.as_bytes(linesep=linesep) == django_mime.as_bytes(linesep=linesep)
