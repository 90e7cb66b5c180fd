"""Journal: headings alone are enough, search covers every heading, one entry per form
sent, titles from the content, and lesson reflections marked required only when they are."""

import re

import pytest
from django.urls import reverse

from courses import services
from courses.models import JournalEntry
from courses.requirements import requirements_for
from tests.courses.conftest import REFLECTION
from tests.courses.test_completion import enrol_and_start

pytestmark = pytest.mark.django_db

GIBBS_ANSWERS = {
    "what_happened": "A missed health visit.",
    "feelings": "Worried and rushed.",
    "evaluation": "I followed up the same day.",
    "analysis": "Missed appointments are a known sign.",
    "conclusion": "I could have called the nursery.",
    "action_plan": "Check attendance with the nursery.",
}


def test_an_entry_with_every_heading_and_no_reflection_is_saved(client, learner):
    client.force_login(learner)
    response = client.post(reverse("journal_new"), {**GIBBS_ANSWERS, "body": ""})
    assert response.status_code == 302
    entry = JournalEntry.objects.get(author=learner)
    assert entry.body == "" and entry.action_plan == "Check attendance with the nursery."
    # One heading is enough too.
    response = client.post(reverse("journal_new"), {"feelings": "Unsure."})
    assert response.status_code == 302
    assert JournalEntry.objects.filter(author=learner).count() == 2
    # The list shows the headings' words when there is no reflection.
    html = client.get(reverse("journal")).content.decode()
    assert "A missed health visit." in html


@pytest.mark.parametrize("field", list(GIBBS_ANSWERS))
def test_journal_search_looks_in_every_heading(client, learner, field):
    services.save_journal_entry(
        JournalEntry(author=learner), title="Visit notes", body="", **{field: "marmalade"}
    )
    services.save_journal_entry(JournalEntry(author=learner), title="Other", body="Nothing.")
    client.force_login(learner)
    html = client.get(reverse("journal"), {"q": "marmalade"}).content.decode()
    assert "Visit notes" in html and "Other" not in html


def test_sending_the_new_entry_form_twice_saves_one_entry(client, learner):
    client.force_login(learner)
    form_page = client.get(reverse("journal_new")).content.decode()
    key = re.search(r'name="submission_key" value="([\w-]+)"', form_page)[1]
    data = {"title": "Nursery call", "body": "Called the nursery.", "submission_key": key}
    first = client.post(reverse("journal_new"), data)
    entry = JournalEntry.objects.get(author=learner)
    second = client.post(reverse("journal_new"), data, follow=True)
    assert JournalEntry.objects.filter(author=learner).count() == 1
    assert first.url == second.redirect_chain[-1][0] == reverse("journal_entry", args=[entry.pk])
    assert "This entry is already saved in your journal." in second.content.decode()
    # A fresh form has a fresh key.
    assert key not in client.get(reverse("journal_new")).content.decode()
    # Editing keeps the key, so a late resend of the new-entry form still finds the entry.
    client.post(
        reverse("journal_edit", args=[entry.pk]), {"title": "Nursery call", "body": "Changed."}
    )
    entry.refresh_from_db()
    assert entry.submission_key == key and entry.body == "Changed."


def test_entries_are_titled_from_their_content_not_the_date(client, learner, course_tree):
    free = services.save_journal_entry(
        JournalEntry(author=learner),
        body="The baby was quiet and did not cry when I picked her up at all.",
    )
    headings_only = services.save_journal_entry(
        JournalEntry(author=learner), body="", what_happened="Nursery rang about bruises."
    )
    prompted = services.save_journal_entry(
        JournalEntry(author=learner), prompt="What would you do differently?", body="Ask."
    )
    assert free.display_title == "The baby was quiet and did not cry…"
    assert headings_only.display_title == "Nursery rang about bruises."
    assert prompted.display_title == "What would you do differently?"
    client.force_login(learner)
    html = client.get(reverse("journal_entry", args=[free.pk])).content.decode()
    assert "Reflection of" not in html
    assert f"Written {free.created_at.day} {free.created_at:%B %Y}" in html
    # A lesson reflection is titled from its module and lesson.
    course, lesson1, _ = course_tree
    enrolment = services.enrol(learner, course)
    spec = requirements_for(course.lessons()).reflections[0]
    saved = services.save_reflection(enrolment, lesson1, spec, "Breakfast is rare.")
    assert saved.display_title == f"{course.title}: {lesson1.title}"


def _reflection_section(html: str) -> str:
    start = html.index(f'id="reflection-{REFLECTION["key"]}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("required", [True, False])
def test_a_lesson_reflection_label_agrees_with_its_required_tag(
    client, learner, course_tree, required
):
    course, lesson1, _ = course_tree
    lesson1.body = [
        {"type": "text", "value": "<p>Neglect is persistent.</p>"},
        {"type": "reflection", "value": {**REFLECTION, "required": required}},
    ]
    lesson1.save_revision().publish()
    enrol_and_start(client, learner, course)
    section = _reflection_section(client.get(lesson1.url).content.decode())
    assert ('<span class="tag">Required</span>' in section) is required
    assert ("(optional)" in section) is not required
