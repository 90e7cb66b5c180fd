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
    return fixed + [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 120))) for _ in range(2000)
    ]


@pytest.mark.parametrize("name", ["Subject", "To", "List-Unsubscribe", "X-A-Very-Long-Header-Name"])
def test_quick_folding_writes_each_header_as_compat32(name):
    for value in tricky_values():
        for linesep in ("\n", "\r\n"):
            quick = QUICK_FOLD.clone(linesep=linesep)
            slow = compat32.clone(linesep=linesep)
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
