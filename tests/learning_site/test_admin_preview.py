"""Every page type previews in the admin, through Wagtail's own flow: the editor posts its
form to the preview address, then the side panel (or a new tab) loads that address.

The preview is the public page drawn from the form, so it keeps the public policy except
that our own admin may frame it.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonPage
from tests.courses.conftest import CHECK_ONE, REFLECTION, build_course
from tests.page_forms import edit_form_data
from tests.research_digest.factories import make_digest
from tests.research_digest.factories import make_index as make_digest_index
from tests.scenarios.factories import make_index as make_scenario_index
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db

EDITED = " (edited, not saved)"


@pytest.fixture
def site_pages(home_page):
    course, lesson, _ = build_course(home_page)
    scenario = make_scenario(home_page)
    digest = make_digest(make_digest_index(home_page), title="Hidden in plain sight")
    return {
        "home": home_page,
        "module index": course.get_parent(),
        "module": course,
        "lesson": lesson,
        "scenario index": make_scenario_index(home_page),
        "scenario": scenario,
        "digest index": digest.get_parent(),
        "digest": digest,
    }


def assert_framed_by_our_admin_only(response):
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["frame-ancestors"] == "'self'"
    # Still the public page's policy: no inline script.
    assert directives["script-src"] == "'self'"


def preview(client, url, data, mode=""):
    """Post the form as the editor does, then load the preview as the side panel and as a
    new tab do; both must show the same page."""
    posted = client.post(f"{url}?mode={mode}", data)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    in_panel = client.get(url, {"mode": mode, "in_preview_panel": "true"})
    new_tab = client.get(url, {"mode": mode})
    for response in (in_panel, new_tab):
        assert response.status_code == 200
        assert_framed_by_our_admin_only(response)
    return new_tab.content.decode()


@pytest.mark.parametrize(
    ("page_type", "mode"),
    [
        ("home", ""),
        ("module index", ""),
        ("module", ""),
        ("lesson", ""),
        ("scenario index", ""),
        ("scenario", ""),
        ("scenario", "map"),
        ("digest index", ""),
        ("digest", ""),
    ],
)
def test_each_page_type_previews_what_is_in_the_editor(
    client, trainer, site_pages, page_type, mode
):
    page = site_pages[page_type].specific
    client.force_login(trainer)
    data = edit_form_data(client, page)
    data["title"] = page.title + EDITED

    html = preview(
        client, reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)), data, mode
    )

    assert escape(page.title + EDITED) in html
    page.refresh_from_db()
    assert EDITED not in page.title  # previewing saves nothing


def test_a_lesson_previews_as_a_learner_sees_it_without_the_answers(client, trainer, site_pages):
    lesson = site_pages["lesson"]
    client.force_login(trainer)

    html = preview(
        client,
        reverse("wagtailadmin_pages:preview_on_edit", args=(lesson.pk,)),
        edit_form_data(client, lesson),
    )

    assert escape(CHECK_ONE["question"]) in html
    assert 'type="radio"' in html  # the question as learners answer it
    for option in CHECK_ONE["options"]:
        assert escape(option["text"]) in html
        assert escape(option["feedback"]) not in html  # no answer key
    assert escape(CHECK_ONE["explanation"]) not in html
    assert escape(REFLECTION["prompt"]) in html
    assert "<textarea" in html


def new_lesson_form():
    return nested_form_data(
        {
            "title": "A lesson not saved yet",
            "slug": "not-saved-yet",
            "intro": "",
            "body": streamfield(
                [
                    ("text", rich_text("<p>Ask what a day is like for the child.</p>")),
                    (
                        "knowledge_check",
                        {
                            **CHECK_ONE,
                            "multiple": "",
                            "options": {
                                "count": "2",
                                **{
                                    str(i): {
                                        "value": {
                                            "text": o["text"],
                                            "correct": "on" if o["correct"] else "",
                                            "feedback": o["feedback"],
                                        },
                                        "id": "",
                                        "deleted": "",
                                        "order": str(i),
                                    }
                                    for i, o in enumerate(CHECK_ONE["options"][:2])
                                },
                            },
                        },
                    ),
                ]
            ),
        }
    )


def test_a_new_lesson_previews_before_it_is_saved(client, trainer, site_pages):
    course = site_pages["module"]
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("courses", "lessonpage", course.pk))

    html = preview(client, url, new_lesson_form())

    assert "A lesson not saved yet" in html
    assert "Ask what a day is like for the child." in html
    assert "Lesson 3 of 3" in html  # placed after the module's two lessons
    assert not LessonPage.objects.filter(slug="not-saved-yet").exists()


def test_a_draft_lesson_previews(client, trainer, site_pages):
    lesson = site_pages["lesson"]
    lesson.unpublish()
    client.force_login(trainer)

    html = preview(
        client,
        reverse("wagtailadmin_pages:preview_on_edit", args=(lesson.pk,)),
        edit_form_data(client, lesson),
    )

    assert lesson.title in html
    assert "Lesson 1 of 2" in html


def test_a_trainer_enrolled_on_the_module_previews_without_recording_a_visit(
    client, trainer, site_pages
):
    from courses import services
    from courses.models import LessonVisit

    lesson = site_pages["lesson"]
    services.enrol(trainer, lesson.course)
    client.force_login(trainer)

    html = preview(
        client,
        reverse("wagtailadmin_pages:preview_on_edit", args=(lesson.pk,)),
        edit_form_data(client, lesson),
    )

    assert escape(CHECK_ONE["question"]) in html
    assert not LessonVisit.objects.filter(lesson=lesson).exists()


def test_the_public_site_still_may_not_be_framed(client, learner, site_pages):
    client.force_login(learner)
    response = client.get(site_pages["digest"].url)
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
