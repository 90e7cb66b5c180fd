"""Signal receivers: follow-ups scheduled on completion, answers anonymised on deletion.

Connected in ``EvaluationsConfig.ready``; the senders (courses, learning_site) import
nothing from this app.
"""


def on_module_completed(sender, completion, **kwargs):
    # Runs inside the completion transaction: the invitations are created with the
    # completion or not at all. Nothing is sent here; the sweep sends when each is due.
    from evaluations.services import schedule_follow_ups

    schedule_follow_ups(completion)


def on_account_deleting(sender, user, **kwargs):
    from evaluations.services import anonymise_user

    anonymise_user(user)


def connect() -> None:
    from courses.signals import module_completed
    from learning_site.services import account_deleting

    module_completed.connect(on_module_completed, dispatch_uid="evaluations_schedule_follow_ups")
    account_deleting.connect(on_account_deleting, dispatch_uid="evaluations_anonymise_answers")
