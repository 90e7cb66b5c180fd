import csv
import io
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from courses import services
from courses.cpd import CSV_COLUMNS
from courses.models import Certificate, JournalEntry, JournalEntryVersion
from tests import pdf_checks
from tests.courses.test_completion import answer, enrol_and_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(learner):
    return services.save_journal_entry(
        JournalEntry(author=learner),
        title="Home visit",
        body="The kitchen had no food.",
        action_plan="Ask about breakfast at every visit.",
    )


ROLE_FIXTURES = ["other_learner", "trainer", "board_member", "administrator"]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_journal_entry_is_private_to_its_author_in_every_role(client, request, entry, role):
    other = request.getfixturevalue(role)
    client.force_login(other)
    for name in ("journal_entry", "journal_edit", "journal_delete"):
        assert client.get(reverse(name, args=[entry.pk])).status_code == 404, name
    assert client.post(reverse("journal_delete", args=[entry.pk])).status_code == 404
    listing = client.get(reverse("journal")).content.decode()
    assert "The kitchen had no food" not in listing
    # Nor in the Wagtail admin: journal entries are not registered there at all.
    if role in ("trainer", "administrator"):
        assert client.get("/admin/snippets/courses/journalentry/").status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_author_sees_searches_and_filters_journal(client, learner, entry):
    services.save_journal_entry(
        JournalEntry(author=learner), title="Supervision", body="Discussed drift."
    )
    client.force_login(learner)
    html = client.get(reverse("journal"), {"q": "kitchen"}).content.decode()
    assert "Home visit" in html and "Supervision" not in html
    html = client.get(reverse("journal"), {"source": "free"}).content.decode()
    assert "Home visit" in html and "Supervision" in html


def test_an_empty_journal_search_says_whether_the_words_or_a_filter_found_nothing(
    client, learner, entry
):
    client.force_login(learner)
    html = client.get(reverse("journal"), {"q": "kitchen", "source": "scenario"}).content.decode()
    assert "Home visit" not in html
    assert "No entries match “kitchen” with the filter “Scenario debriefs”." in html
    assert '<a href="?q=kitchen">Search all your entries for “kitchen”</a>' in html
    # Without the filter, the words find the entry.
    assert "Home visit" in client.get(reverse("journal"), {"q": "kitchen"}).content.decode()

    html = client.get(reverse("journal"), {"q": "zebra"}).content.decode()
    assert "No entries match “zebra”." in html
    assert "Search all your entries" not in html
    html = client.get(reverse("journal"), {"source": "lesson"}).content.decode()
    assert "There are no entries with the filter “Lesson reflections”." in html
    assert f'<a href="{reverse("journal")}">Clear the search and filters</a>' in html


def test_journal_cards_are_a_list_without_bullets(client, learner, entry):
    client.force_login(learner)
    html = client.get(reverse("journal")).content.decode()
    assert '<ul class="journal-list">' in html
    with open(finders.find("css/site.css"), encoding="utf-8") as css:
        rule = re.search(r"^\.journal-list \{([^}]*)\}", css.read(), re.M)
    assert "list-style: none" in rule.group(1) and "padding: 0" in rule.group(1)


def test_editing_keeps_earlier_versions(client, learner, entry):
    client.force_login(learner)
    response = client.post(
        reverse("journal_edit", args=[entry.pk]),
        {"title": "Home visit", "body": "Updated text.", "include_in_cpd": "on"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Updated text."
    version = JournalEntryVersion.objects.get(entry=entry)
    assert version.snapshot["body"] == "The kitchen had no food."
    html = client.get(reverse("journal_entry", args=[entry.pk])).content.decode()
    assert "Earlier versions" in html and "The kitchen had no food." in html


def test_new_entry_posted_from_a_scenario_debrief_keeps_its_origin_and_returns(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("journal_new"),
        {
            "body": "I accepted the explanation too quickly.",
            "prompt": "What would you do differently?",
            "source_label": "Scenario: New baby",
            "source_url": "/scenarios/new-baby/",
            "next": "/scenarios/new-baby/debrief/",
            "include_in_cpd": "on",
        },
    )
    assert response.url == "/scenarios/new-baby/debrief/"
    entry = JournalEntry.objects.get(author=learner)
    assert (
        entry.source_label == "Scenario: New baby"
        and entry.prompt == "What would you do differently?"
    )


def test_new_entry_errors_keep_text_and_refuse_offsite_redirect(client, learner):
    client.force_login(learner)
    response = client.post(reverse("journal_new"), {"title": "Kept title", "body": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Write your reflection, or answer one of the headings, before saving." in html
    assert 'value="Kept title"' in html
    response = client.post(
        reverse("journal_new"), {"body": "Text", "next": "https://evil.example/"}
    )
    assert response.url.startswith("/learning/journal/")


@pytest.mark.parametrize("target", ['"', "9999-12-31", "journal", "\u202e/evil"])
def test_a_next_that_is_not_a_path_on_this_site_goes_to_the_new_entry(client, learner, target):
    # redirect() reads anything without a "/" as a view name (NoReverseMatch, a 500).
    client.force_login(learner)
    response = client.post(reverse("journal_new"), {"body": "Text", "next": target})
    entry = JournalEntry.objects.get(author=learner)
    assert response.status_code == 302
    assert response.url == reverse("journal_entry", args=[entry.pk])


@pytest.mark.parametrize("module", ["²", "99999999999999999999", "-1", "1 OR 1=1"])
def test_a_module_filter_that_is_not_an_id_shows_the_whole_journal(client, learner, entry, module):
    client.force_login(learner)
    response = client.get(reverse("journal"), {"module": module})
    assert response.status_code == 200
    assert "Home visit" in response.content.decode()


def complete(client, learner, course_tree):
    course, lesson1, lesson2 = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.get(lesson2.url)
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0", "1"])
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": "=SUM(A1) I will ask about meals.",
        },
    )
    return Certificate.objects.get(completion__user=learner)


def test_certificate_pdf_is_a_valid_pdf_with_the_learner_name(client, learner, course_tree):
    certificate = complete(client, learner, course_tree)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    body = response.getvalue()
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    assert certificate.learner_name == "Lee Learner"
    assert "Lee Learner" in pdf_checks.text(body)


def test_another_learners_certificate_pdf_is_not_found(client, learner, other_learner, course_tree):
    certificate = complete(client, learner, course_tree)
    client.force_login(other_learner)
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 404


def test_public_verification_shows_only_name_module_and_date(client, learner, course_tree):
    certificate = complete(client, learner, course_tree)
    client.logout()
    html = client.get(
        reverse("certificate_verify"), {"code": certificate.code.lower()}
    ).content.decode()
    assert "This certificate is genuine" in html and "Lee Learner" in html
    assert learner.email not in html
    html = client.get(reverse("certificate_verify"), {"code": "NOPE-NOPE-NOPE"}).content.decode()
    assert "No certificate has the code" in html


def test_cpd_csv_columns_and_formula_safety(client, learner, course_tree):
    complete(client, learner, course_tree)
    client.force_login(learner)
    response = client.get(reverse("cpd_record_csv"))
    # A byte-order mark first, so Excel reads the file as UTF-8; then plain headings.
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == CSV_COLUMNS
    assert rows[0][5:7] == ["What I learned", "Impact on my practice"]
    assert rows[1][1] == "Online module: Recognising neglect (test)"
    assert rows[1][4] == "1.5"
    assert rows[1][5].startswith("'=SUM")  # never a live spreadsheet formula
    pdf = client.get(reverse("cpd_record_pdf"))
    assert pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.lower(),
        lambda code: code.replace("-", " "),
        lambda code: code.replace("-", ""),
        lambda code: f"  {code[:2]}-{code[2:7].replace('-', '')} {code[7:].lower()}  ",
    ],
    ids=["lower case", "spaces", "run together", "hyphens in odd places"],
)
def test_a_certificate_code_is_found_however_it_was_typed(client, learner, course_tree, typed):
    certificate = complete(client, learner, course_tree)
    client.logout()
    response = client.get(reverse("certificate_verify"), {"code": typed(certificate.code)})
    html = response.content.decode()
    assert "This certificate is genuine" in html and "Lee Learner" in html
    assert f"<dd>{certificate.code}</dd>" in html


def test_an_empty_or_short_certificate_code_says_what_to_do(client):
    first_visit = client.get(reverse("certificate_verify")).content.decode()
    assert "There is a problem" not in first_visit
    empty = client.get(reverse("certificate_verify"), {"code": "  - "}).content.decode()
    assert '<a href="#id_code">Enter the certificate code.</a>' in empty
    assert "<title>Error: Check a certificate" in empty
    short = client.get(reverse("certificate_verify"), {"code": "ABCD-EFGH"}).content.decode()
    assert "A certificate code has 12 letters and numbers" in short
    assert 'value="ABCD-EFGH"' in short  # what was typed stays, to correct
    assert "No certificate has the code" not in short
