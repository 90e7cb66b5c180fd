"""A batch renders the invitation templates once per shared context and fills in each
learner's name and links: byte for byte what rendering the templates for each learner
writes."""

import datetime
import re
import secrets

import pytest
from django.template.loader import render_to_string

from evaluations import emails
from evaluations.models import FollowUpInvitation, WaveKind
from evaluations.schedule import LONDON
from learning_site.emails import TemplateFrames
from tests.evaluations.conftest import COMPLETED
from tests.factories import make_partnership, make_user

pytestmark = pytest.mark.django_db

CLOSES = datetime.datetime(2026, 5, 12, 8, 0, tzinfo=datetime.UTC)

NAMES = [
    "Zoë Ångström-Nuñez",
    "محمد عبد الله",
    "Nguyễn Thị Minh Khai",
    "🙂Sam 👩🏽‍⚕️",
    "<script>alert('x')</script> Smith",
    "Tom&Jerry <b>Bold</b>",
    "\"Dee\"O'Brien D'Arcy",
    "{0}{name}%s {{ first_name }}",
    "A" * 150,
    "Lee",
    "",
]


def invitations(module, *, partnership_name="Northshire & District <Safeguarding>"):
    partnership = make_partnership(partnership_name)
    rows = []
    for name in NAMES:
        person = make_user(partnership=partnership, full_name=name)
        rows.append(
            FollowUpInvitation.objects.create(
                user=person,
                partnership=partnership,
                course=module,
                wave=WaveKind.THREE_MONTHS,
                completed_at=COMPLETED,
                due_at=COMPLETED,
                closes_at=CLOSES,
            )
        )
    return rows


def rendered_per_person(invitation, raw_token, *, reminder, instrument):
    """The plain way: both templates rendered with this learner's whole context."""
    shared, personal = emails.invitation_context(
        invitation,
        emails.survey_link(invitation, raw_token),
        emails.opt_out_link(invitation, raw_token),
        closes_at=CLOSES,
        reminder=reminder,
        instrument=instrument,
    )
    context = {**shared, **personal}
    return (
        render_to_string(f"{emails.TEMPLATE}.txt", context),
        render_to_string(f"{emails.TEMPLATE}.html", context),
    )


@pytest.mark.parametrize("reminder", [False, True])
def test_a_batch_writes_each_email_as_its_own_rendering_would(module, instrument, reminder):
    builder = emails.InvitationEmails()
    for invitation in invitations(module):
        raw_token = secrets.token_urlsafe(32)
        message = builder.build(
            invitation, raw_token, closes_at=CLOSES, reminder=reminder, instrument=instrument
        )
        text, html = rendered_per_person(
            invitation, raw_token, reminder=reminder, instrument=instrument
        )
        assert message.body == text
        assert message.alternatives[0].content == html
        assert message.alternatives[0].mimetype == "text/html"
    # One frame for the whole batch: every learner shares the module, wave and date.
    assert len(builder.frames._frames) == 1


def test_names_are_escaped_in_the_html_part_and_written_as_they_are_in_the_text(module, instrument):
    builder = emails.InvitationEmails()
    by_name = {
        invitation.user.full_name: builder.build(
            invitation, "abc_DEF-123", closes_at=CLOSES, instrument=instrument
        )
        for invitation in invitations(module)
    }
    script = by_name["<script>alert('x')</script> Smith"]
    assert "Hello <script>alert('x')</script>," in script.body
    html = script.alternatives[0].content
    assert "<script>" not in html
    assert "Hello &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;," in html
    quotes = by_name["\"Dee\"O'Brien D'Arcy"]
    assert "Hello &quot;Dee&quot;O&#x27;Brien," in quotes.alternatives[0].content
    assert 'Hello "Dee"O\'Brien,' in quotes.body
    assert "Hello {0}{name}%s," in by_name["{0}{name}%s {{ first_name }}"].body
    assert f"Hello {'A' * 150}," in by_name["A" * 150].alternatives[0].content
    # The partnership's name is shared, and escaped by the template itself.
    assert "Northshire &amp; District &lt;Safeguarding&gt;" in html


def test_each_closing_date_and_kind_gets_its_own_frame(module, instrument):
    builder = emails.InvitationEmails()
    invitation = invitations(module)[0]
    later = CLOSES + datetime.timedelta(days=1)
    first = builder.build(invitation, "tok", closes_at=CLOSES, instrument=instrument)
    same_day = builder.build(
        invitation, "tok", closes_at=CLOSES + datetime.timedelta(hours=3), instrument=instrument
    )
    next_day = builder.build(invitation, "tok", closes_at=later, instrument=instrument)
    reminder = builder.build(
        invitation, "tok", closes_at=CLOSES, reminder=True, instrument=instrument
    )
    assert first.body == same_day.body
    assert f"{CLOSES.astimezone(LONDON):%-d %B %Y}" in first.body
    assert f"{later.astimezone(LONDON):%-d %B %Y}" in next_day.body
    assert "A reminder" in reminder.body and "A reminder" not in first.body
    assert len(builder.frames._frames) == 3


def test_the_batch_links_are_those_reverse_makes(module, instrument):
    links = emails._Links()
    invitation = invitations(module)[0]
    for raw_token in [secrets.token_urlsafe(32) for _ in range(200)] + ["a b?c#d", "é~:@"]:
        assert links(invitation, raw_token) == (
            emails.survey_link(invitation, raw_token),
            emails.opt_out_link(invitation, raw_token),
        )


@pytest.fixture
def own_templates(tmp_path, settings):
    """Templates in a directory of the test's own, searched first."""
    engine = {**settings.TEMPLATES[0]}
    engine["DIRS"] = [tmp_path, *engine.get("DIRS", [])]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]

    def write(name, text):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return write


@pytest.mark.parametrize(
    "html",
    [
        "<p>{{ name|upper }} {{ place }}</p>",
        "<p>{{ name|truncatechars:5 }} {{ place }}</p>",
        "<p>{{ name|length }} {{ place }}</p>",
        "<p>{{ name|urlencode }} {{ place }}</p>",
    ],
)
def test_a_template_that_changes_a_personal_value_is_rendered_in_full(own_templates, html):
    own_templates(
        "framed/mail.txt", "{% autoescape off %}{{ name }} {{ place }}{% endautoescape %}"
    )
    own_templates("framed/mail.html", html)
    frames = TemplateFrames("framed/mail", ("name",))
    for name in ["Zoë & <Co>", "Abcdefghij", "x"]:
        context = {"place": "Leeds & York", "name": name}
        assert frames.render({"place": "Leeds & York"}, {"name": name}) == (
            render_to_string("framed/mail.txt", context),
            render_to_string("framed/mail.html", context),
        )
    assert frames._frames[(("place", "Leeds & York"),)] is None


def test_a_value_written_escaped_and_unescaped_in_one_template(own_templates):
    own_templates("framed/both.txt", "{{ name }}|{% autoescape off %}{{ name }}{% endautoescape %}")
    own_templates("framed/both.html", "<b>{{ name|safe }}</b> {{ name }} {{ name|escape }}")
    frames = TemplateFrames("framed/both", ("name",))
    for name in ["<i>&amp;\"'</i>", "plain"]:
        assert frames.render({}, {"name": name}) == (
            render_to_string("framed/both.txt", {"name": name}),
            render_to_string("framed/both.html", {"name": name}),
        )
    assert frames._frames[()] is not None


class WireBackend:
    """Records each message as the SMTP backend puts it on the wire."""

    sent: list = []

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        for message in messages:
            WireBackend.sent.append(message.message().as_bytes(linesep="\r\n"))
        return len(messages)


@pytest.mark.parametrize("reminder", [False, True])
def test_a_sent_invitation_parses_as_a_multipart_alternative_email(
    module, instrument, settings, reminder
):
    from email import message_from_bytes, policy

    from evaluations.models import InvitationLinkToken, InvitationStatus, hash_token
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EMAIL_BACKEND = f"{__name__}.WireBackend"
    settings.DEFAULT_FROM_EMAIL = "no-reply@learning.example.org"
    WireBackend.sent = []
    partnership = make_partnership("Northshire Safeguarding Children Partnership")
    person = make_user(partnership=partnership, full_name="Zoë Nguyễn")
    now = COMPLETED + datetime.timedelta(days=100)
    invitation = FollowUpInvitation.objects.create(
        user=person,
        partnership=partnership,
        course=module,
        wave=WaveKind.THREE_MONTHS,
        completed_at=COMPLETED,
        due_at=now,
        **(
            {
                "status": InvitationStatus.SENT,
                "sent_at": now - datetime.timedelta(days=8),
                "closes_at": CLOSES,
            }
            if reminder
            else {}
        ),
    )
    action = "remind" if reminder else "send"
    token, ids = _claim_batch(action, now, batch_size=10)
    deliver_batch(action, token, ids, now)

    [wire] = WireBackend.sent
    assert b"\r\n" in wire and b"\n" not in wire.replace(b"\r\n", b"")
    message = message_from_bytes(wire, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    boundary = message.get_boundary()
    assert boundary.startswith("=" * 15) and len(boundary) == 49
    assert message["MIME-Version"] == "1.0"
    assert message["To"] == person.email
    assert message["From"] == (
        "Northshire Safeguarding Children Partnership <no-reply@learning.example.org>"
    )
    prefix = "Reminder: " if reminder else ""
    assert message["Subject"] == f"{prefix}3 months on from '{module.title}': what has changed?"
    assert message["Date"].datetime is not None
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith(">")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = message.get_payload()
    assert text.get_content_type() == "text/plain"
    assert html.get_content_type() == "text/html"
    for part in (text, html):
        assert part.get_content_charset() == "utf-8"
        # The name is not ASCII: both parts go as 8-bit UTF-8, not mangled.
        assert part["Content-Transfer-Encoding"] == "8bit"
        assert "Hello Zoë," in part.get_content()
    [link] = re.findall(
        r"https?://\S+?/surveys/follow-up/\d+/[\w-]{43}/(?=\s|\")", text.get_content()
    )
    raw_token = link.rstrip("/").rsplit("/", 1)[1]
    stored = InvitationLinkToken.objects.get(token_hash=hash_token(raw_token))
    assert stored.invitation_id == invitation.pk
    assert f'<a href="{link}">' in html.get_content()
    # Too long for the first line, so compat32 starts it on the next (as it always has).
    assert message["List-Unsubscribe"].strip() == f"<{link}stop/>"
    assert ("A reminder" in text.get_content()) is reminder
