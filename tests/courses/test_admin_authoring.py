"""A trainer builds a module in the Wagtail admin with every lesson block, without code."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, LessonPage

pytestmark = pytest.mark.django_db


def listblock(items):
    data = {"count": len(items)}
    for i, value in enumerate(items):
        data[str(i)] = {"value": value, "id": "", "deleted": "", "order": str(i)}
    return data


def option(text, correct, feedback):
    return {"text": text, "correct": "on" if correct else "", "feedback": feedback}


def all_blocks(image, video, scenario_id=None, digest_id=None, *, check_options=None):
    blocks = [
        ("text", rich_text("<p>Neglect is persistent.</p>")),
        (
            "key_message",
            {
                "heading": "Look at the child's day",
                "body": rich_text("<p>Ask what a day is like.</p>"),
            },
        ),
        (
            "childs_voice",
            {
                "age_stage": "mid_childhood",
                "child": "A boy, 7",
                "quote": "I get my own breakfast.",
                "source": "Test",
            },
        ),
        (
            "case_vignette",
            {
                "title": "Baby J",
                "summary": rich_text("<p>Known for years.</p>"),
                "chronology": listblock([{"when": "May 2013", "event": "Referral"}]),
                "source": "Ofsted 2014",
            },
        ),
        ("image", {"image": image.pk, "alt_text": "A kitchen with empty cupboards", "caption": ""}),
        (
            "media",
            {
                "kind": "video",
                "title": "A visit",
                "file": video.pk,
                "captions": "",
                "transcript": rich_text("<p>Full transcript.</p>"),
            },
        ),
        (
            "knowledge_check",
            {
                "key": "definition",
                "question": "Which is neglect?",
                "multiple": "",
                "options": listblock(
                    check_options
                    or [
                        option("Persistent unmet needs", True, "Yes."),
                        option("Poverty", False, "No."),
                    ]
                ),
                "explanation": "Persistence matters.",
            },
        ),
        (
            "reflection",
            {"key": "my-case", "prompt": "Think of a case.", "guidance": "", "required": "on"},
        ),
        ("sources", {"items": listblock(["Ofsted (2014) In the child's time."])}),
    ]
    if scenario_id:
        blocks.append(("scenario", {"scenario": scenario_id, "intro": "Play it now."}))
    if digest_id:
        blocks.append(
            ("digest_links", {"heading": "Read the research", "digests": listblock([digest_id])})
        )
    return blocks


@pytest.fixture
def course(home_page):
    index = CourseIndexPage(title="Modules", slug="modules")
    home_page.add_child(instance=index)
    course = CoursePage(
        title="M", slug="m", summary="S", audience=["health"], estimated_minutes=20, cpd_hours=1
    )
    index.add_child(instance=course)
    return course


@pytest.fixture
def media():
    image = Image.objects.create(title="Kitchen", file=get_test_image_file())
    video = Document.objects.create(
        title="Visit", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="visit.mp4")
    )
    return image, video


def post_lesson(client, course, body):
    data = nested_form_data(
        {
            "title": "Lesson one",
            "slug": "lesson-one",
            "intro": "",
            "body": streamfield(body),
            "action-publish": "publish",
        }
    )
    return client.post(
        reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk)), data
    )


def module_form(action="action-publish"):
    data = nested_form_data(
        {
            "title": "New module",
            "slug": "new-module",
            "summary": "What it covers.",
            "estimated_minutes": "40",
            "cpd_hours": "1.0",
            "pass_mark": "70",
            "sources": rich_text("<p>Ofsted 2014</p>"),
            "outcomes": inline_formset([{"text": "Recognise neglect"}], min=1),
            "before_after_questions": streamfield(
                [
                    (
                        "question",
                        {
                            "key": "ba-pattern",
                            "question": "A child is hungry most Mondays. What matters most?",
                            "multiple": "",
                            "options": listblock(
                                [
                                    option("The pattern over time", True, "Yes."),
                                    option("Each weekend's reason", False, "No."),
                                ]
                            ),
                            "explanation": "Neglect is persistent.",
                        },
                    )
                ]
            ),
            action: action.removeprefix("action-"),
        }
    )
    data["audience"] = ["health", "police"]  # a checkbox group posts one value per box
    return data


def test_trainer_creates_a_module_in_the_admin(client, trainer, home_page, media):
    index = CourseIndexPage(title="Modules", slug="modules")
    home_page.add_child(instance=index)
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", index.pk))

    # A module with no lessons cannot be published: the editor says what to do instead.
    response = client.post(add_url, module_form())
    assert response.status_code == 200
    assert "needs at least one published lesson before it can be published" in (
        response.content.decode()
    )
    assert not CoursePage.objects.filter(slug="new-module").exists()

    response = client.post(add_url, module_form("action-draft"))
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    course = CoursePage.objects.get(slug="new-module")
    assert not course.live and course.audience == ["health", "police"]
    assert [o.text for o in course.outcomes.all()] == ["Recognise neglect"]
    # The module's own before/after question is what its survey will ask.
    from evaluations.before_after import module_checks

    assert [spec.question for spec in module_checks(course)] == [
        "A child is hungry most Mondays. What matters most?"
    ]

    assert post_lesson(client, course, all_blocks(*media)).status_code == 302
    edit_url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
    response = client.post(edit_url, module_form())
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    course.refresh_from_db()
    assert course.live


def test_trainer_publishes_a_lesson_with_every_block_type(
    client, trainer, course, media, home_page
):
    from tests.research_digest.factories import make_digest
    from tests.scenarios.factories import make_scenario

    scenario = make_scenario(home_page)
    from tests.research_digest.factories import make_index as make_digest_index

    digest = make_digest(make_digest_index(home_page))
    client.force_login(trainer)
    response = post_lesson(client, course, all_blocks(*media, scenario.pk, digest.pk))
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="lesson-one")
    assert lesson.live
    assert [b.block_type for b in lesson.body] == [
        "text",
        "key_message",
        "childs_voice",
        "case_vignette",
        "image",
        "media",
        "knowledge_check",
        "reflection",
        "sources",
        "scenario",
        "digest_links",
    ]


def test_invalid_check_is_refused_with_a_message_in_the_editor(client, trainer, course, media):
    client.force_login(trainer)
    bad = [option("A", True, "x"), option("B", True, "y")]
    response = post_lesson(client, course, all_blocks(*media, check_options=bad))
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="lesson-one").exists()
    assert "Only one option can be correct" in response.content.decode()


def test_learner_cannot_reach_the_admin(client, learner, course):
    client.force_login(learner)
    assert (
        client.get(
            reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
        ).status_code
        == 302
    )
