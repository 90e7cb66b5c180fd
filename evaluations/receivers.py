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
    from django.db.models.signals import post_delete, post_save

    from courses.signals import module_completed
    from evaluations.models import SurveyAnswer, SurveyResponse, WaveInstrument
    from evaluations.services import responses_changed, wave_instruments_changed
    from learning_site.services import account_deleting

    # Which waves have an instrument is cached (evaluations.services.configured_waves).
    for signal in (post_save, post_delete):
        signal.connect(
            wave_instruments_changed,
            sender=WaveInstrument,
            dispatch_uid=f"evaluations_wave_instruments_{signal is post_save}",
        )
        # A learner's responses are read once per request: a change in it forgets them.
        for model in (SurveyResponse, SurveyAnswer):
            signal.connect(
                responses_changed,
                sender=model,
                dispatch_uid=f"evaluations_responses_{model.__name__}_{signal is post_save}",
            )

    module_completed.connect(on_module_completed, dispatch_uid="evaluations_schedule_follow_ups")
    account_deleting.connect(on_account_deleting, dispatch_uid="evaluations_anonymise_answers")
