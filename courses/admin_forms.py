"""The module editor's form: a module is published only once it has a lesson.

Lessons are pages under the module, so a new module is saved as a draft first, its
lessons are added and published, and then the module is published. Publishing one with
no published lesson would put a module on the list that learners could enrol on and
never finish; the form refuses it with the steps to take. (``services.enrol`` refuses
such a module too, for one whose lessons are unpublished later.)
"""

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISHING_ACTIONS = ("action-publish", "action-submit")
NO_LESSONS = (
    "A module needs at least one published lesson before it can be published. "
    "Save the module as a draft, add its lessons and publish them, then publish the module."
)


class CoursePageForm(WagtailAdminPageForm):
    def is_publishing(self) -> bool:
        return any(self.data.get(action) for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        if self.is_publishing() and not self.has_published_lesson():
            self.add_error(None, NO_LESSONS)
        return cleaned

    def has_published_lesson(self) -> bool:
        from courses.models import LessonPage

        page = self.instance
        return page.pk is not None and LessonPage.objects.live().child_of(page).exists()
