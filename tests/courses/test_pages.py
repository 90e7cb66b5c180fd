from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage
from learning_site.models import HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_module_index_only_under_home(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})

    def test_modules_only_under_the_index_and_lessons_only_under_modules(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
