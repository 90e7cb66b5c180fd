"""Pages learners have records of cannot be deleted from the admin: the editor is told
why and to unpublish instead, and nothing is lost."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from wagtail.models import Page

from courses.models import CoursePage, Enrolment
from courses.services import enrol
from scenarios.models import ScenarioAttempt
from scenarios.services import start_attempt
from tests.courses.conftest import build_course
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_page):
    return build_course(home_page)[0]


def delete_page(client, page, *, follow=True):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=follow)


def test_a_module_with_learners_is_not_deleted_and_the_editor_is_told_why(
    client, administrator, learner, course
):
    enrol(learner, course)
    client.force_login(administrator)
    response = delete_page(client, course)
    html = response.content.decode()
    assert "cannot be deleted: 1 learner has records of it" in html
    assert "Unpublish it instead" in html
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_explore", args=[course.get_parent().pk]
    )
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert Enrolment.objects.filter(course=course).count() == 1


def test_the_section_above_a_module_with_learners_is_not_deleted_either(
    client, administrator, learner, course
):
    enrol(learner, course)
    client.force_login(administrator)
    index = course.get_parent()
    html = delete_page(client, index).content.decode()
    assert "cannot be deleted" in html
    assert Page.objects.filter(pk=index.pk).exists()


def test_a_played_scenario_is_not_deleted(client, administrator, learner, home_page):
    scenario = make_scenario(home_page)
    start_attempt(learner, scenario)
    client.force_login(administrator)
    assert "cannot be deleted" in delete_page(client, scenario).content.decode()
    assert ScenarioAttempt.objects.filter(scenario=scenario).count() == 1


def test_bulk_delete_is_refused_too(client, administrator, learner, course):
    enrol(learner, course)
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    response = client.post(f"{url}?id={course.pk}", follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_module_nobody_has_started_can_be_deleted(client, administrator, course):
    client.force_login(administrator)
    delete_page(client, course, follow=False)
    assert not CoursePage.objects.filter(pk=course.pk).exists()


def test_the_database_refuses_too(learner, course):
    enrol(learner, course)
    with pytest.raises(ProtectedError):
        Page.objects.get(pk=course.pk).delete()
