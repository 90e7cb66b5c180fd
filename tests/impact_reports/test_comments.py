"""Trainers approve free-text answers; the board sees only those, never with names."""

import pytest
from django.urls import reverse

from evaluations.models import SurveyAnswer
from evaluations.reports.models import ApprovedComment
from tests.impact_reports.evaluation_rows import Survey
from tests.impact_reports.factories import learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def comments(partnership, other_partnership, course):
    survey = Survey("used-chronology")
    shared = learner(partnership)
    shared.full_name = "Priya Named"
    shared.save()
    survey.respond(
        shared, course, "three_months", {}, text="I now start a chronology at the first visit."
    )
    survey.respond(
        learner(partnership),
        course,
        "twelve_months",
        {},
        text="<script>x</script>Not approved yet.",
    )
    survey.respond(learner(other_partnership), course, "three_months", {}, text="Riverside words.")
    return SurveyAnswer.objects.exclude(text_value="").order_by("pk")


def test_trainer_sees_free_text_without_names_and_approves(client, trainer, comments):
    client.force_login(trainer)
    html = client.get(reverse("reports_comments") + "?show=all").content.decode()
    assert "I now start a chronology" in html and "Not approved yet." in html
    assert "Priya Named" not in html and "Riverside words." not in html
    assert "<script>x</script>" not in html  # learner text is escaped
    first = comments[0]
    response = client.post(
        reverse("reports_comment_approval", args=[first.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    assert ApprovedComment.objects.get().answer == first


def test_trainer_cannot_approve_another_partnerships_answer(client, trainer, comments):
    client.force_login(trainer)
    riverside = comments.get(text_value="Riverside words.")
    response = client.post(
        reverse("reports_comment_approval", args=[riverside.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    assert not ApprovedComment.objects.exists()


def test_board_sees_only_approved_comments_without_names(client, trainer, board_member, comments):
    client.force_login(trainer)
    client.post(reverse("reports_comment_approval", args=[comments[0].pk]), {"decision": "approve"})
    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    assert "I now start a chronology at the first visit." in html
    assert "Not approved yet." not in html and "Priya Named" not in html
    client.force_login(trainer)
    client.post(
        reverse("reports_comment_approval", args=[comments[0].pk]), {"decision": "withdraw"}
    )
    client.force_login(board_member)
    assert "I now start a chronology" not in client.get(reverse("reports_home")).content.decode()


def test_the_same_words_approved_twice_are_quoted_once(partnership, trainer, course):
    from evaluations.reports.comment_approval import set_approval
    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.sections.comments import comment_section
    from tests.impact_reports.factories import at

    survey = Survey("used-chronology")
    said = [
        ("I ask what the child had for breakfast.", at(2025, 4)),
        ("I keep a running chronology.", at(2025, 5)),
        ("i ask what the child  had for breakfast.", at(2025, 6)),  # same words, typed again
    ]
    for text, when in said:
        survey.respond(learner(partnership), course, "three_months", {}, text=text, when=when)
    for answer in SurveyAnswer.objects.exclude(text_value=""):
        set_approval(answer, approved=True, by=trainer)

    quoted = [c.text for c in comment_section(ReportFilters(partnership)).comments]
    # The latest wording of each, newest first.
    assert quoted == ["i ask what the child  had for breakfast.", "I keep a running chronology."]
