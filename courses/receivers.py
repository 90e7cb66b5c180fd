"""Signal receivers: a module is re-checked when a scenario it requires is finished, and
a deleted certificate's PDF is deleted from storage, and a lesson's stored requirements
are read again when a scenario it names is deleted.

Connected in ``CoursesConfig.ready``. Modules embed scenarios, so this app listens to
``scenarios.signals``; the scenarios app imports nothing from here.
"""


def on_scenario_finished(sender, attempt, **kwargs) -> list[str]:
    from courses.services import completion_notice, evaluate_open_completions

    completions = evaluate_open_completions(attempt.user, scenario_id=attempt.scenario_id)
    return [completion_notice(completion.course) for completion in completions]


def forget_requirements_naming(sender, instance, **kwargs) -> None:
    """A deleted scenario no longer asks anything of a learner (its block reads as
    empty): lessons that stored it as a requirement read their blocks again."""
    from courses.models import LessonPage

    stale = [
        pk
        for pk, data in LessonPage.objects.exclude(requirements=None).values_list(
            "pk", "requirements"
        )
        if instance.pk in data.get("scenario_ids", [])
    ]
    if stale:
        LessonPage.objects.filter(pk__in=stale).update(requirements=None)


def connect() -> None:
    from django.db.models.signals import post_delete

    from courses.models import Certificate
    from learning_site.files import delete_file_with_row
    from scenarios.models import ScenarioPage
    from scenarios.signals import scenario_finished

    scenario_finished.connect(on_scenario_finished, dispatch_uid="courses_complete_modules")
    # A deleted certificate (its account erased) takes its PDF with it.
    post_delete.connect(
        delete_file_with_row, sender=Certificate, dispatch_uid="courses_certificate_file"
    )
    post_delete.connect(
        forget_requirements_naming, sender=ScenarioPage, dispatch_uid="courses_forget_scenario"
    )
