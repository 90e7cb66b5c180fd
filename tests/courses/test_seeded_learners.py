"""Every learner the demo seeds can open every learner page (issue 14).

Only the five README accounts used to be tried by hand; the thirty seeded practitioners
had backdated completions without certificates, and My learning and the module pages
failed for them. This signs in as each seeded learner and opens what they would: My
learning, every module page, a lesson of each module they are on, the CPD record and
every certificate link on those pages.
"""

import re

import pytest
from django.urls import reverse

from courses.models import Certificate, CourseCompletion, CoursePage, Enrolment
from learning_site.models import User
from learning_site.roles import Role

pytestmark = pytest.mark.django_db

CERTIFICATE_LINK = re.compile(r'href="(/[^"]*/certificates/[A-Z0-9-]+\.pdf)"')


@pytest.fixture
def seeded(demo_site):
    learners = list(User.objects.filter(groups__name=Role.LEARNER).order_by("email"))
    modules = list(CoursePage.objects.live().order_by("path"))
    return learners, modules


def test_the_demo_completions_all_have_certificates(seeded):
    assert CourseCompletion.objects.count() > 40  # the backdated practitioner completions
    assert not CourseCompletion.objects.filter(certificate__isnull=True).exists()
    assert Certificate.objects.count() == CourseCompletion.objects.count()


def test_every_seeded_learner_opens_every_learner_page(client, seeded):
    learners, modules = seeded
    assert len(learners) >= 30 and len(modules) == 3
    lessons = {module.pk: list(module.lessons()) for module in modules}
    problems = []

    def opens(url, *, follow=False):
        response = client.get(url, follow=follow)
        if response.status_code != 200:
            problems.append(f"{learner.email}: {url} gave {response.status_code}")
        return response

    for n, learner in enumerate(learners):
        client.force_login(learner)
        pages = [opens(reverse("my_learning")), opens(reverse("cpd_record"))]
        pages += [opens(module.url) for module in modules]
        enrolments = Enrolment.objects.active().filter(user=learner).select_related("completion")
        for enrolment in enrolments:
            # A different lesson for each learner, so between them every lesson is opened.
            course_lessons = lessons[enrolment.course_id]
            lesson = course_lessons[n % len(course_lessons)]
            response = opens(lesson.url, follow=True)
            completed = hasattr(enrolment, "completion")
            # A learner who has not answered the 'before' questions is asked them first;
            # one who has completed the module reads its lessons straight away.
            assert not (completed and response.redirect_chain), (learner.email, lesson.url)
        links = {link for page in pages for link in CERTIFICATE_LINK.findall(page.text)}
        completions = CourseCompletion.objects.filter(user=learner).count()
        if len(links) != completions:
            problems.append(f"{learner.email}: {completions} completions, links {sorted(links)}")
        for link in sorted(links):
            if not opens(link).getvalue().startswith(b"%PDF-"):
                problems.append(f"{learner.email}: {link} is not a PDF")
    assert not problems, "\n".join(problems)
