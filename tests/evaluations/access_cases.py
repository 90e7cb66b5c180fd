import datetime

from tests.access import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    REDIRECT,
    AccessCase,
    everyone,
    signed_in_only,
)


def build_world(world):
    from django.utils import timezone

    from evaluations.models import (
        FollowUpInvitation,
        InvitationLinkToken,
        InvitationStatus,
        Measure,
        WaveInstrument,
    )
    from tests.courses.conftest import build_course
    from tests.evaluations.factories import complete_module, make_instrument, use_everywhere

    use_everywhere(make_instrument(slug="access-matrix"))
    # The trainer's own partnership's survey set-up, edited in the admin.
    world.own_instrument = make_instrument(
        slug="access-own", title="Own survey", partnership=world.partnership
    )
    world.own_wave = WaveInstrument.objects.create(
        wave="three_months", instrument=world.own_instrument, partnership=world.partnership
    )
    course, _, _ = build_course(world.home, slug="evaluation-access-module")
    world.evaluated_course = course
    now = timezone.now()
    completion = complete_module(world.learner, course, now - datetime.timedelta(days=100))
    invitation = FollowUpInvitation.objects.get(completion=completion, wave="three_months")
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(
        status=InvitationStatus.SENT, sent_at=now, closes_at=now + datetime.timedelta(days=30)
    )
    world.invitation = invitation
    world.invitation_token = InvitationLinkToken.issue(invitation)
    world.own_measure = Measure.objects.create(
        slug="access-own-measure", name="Own measure", partnership=world.partnership
    )


def link(world):
    return {"invitation_id": world.invitation.pk, "token": world.invitation_token}


# The learner's own open 3-month survey: everyone else has none for this module.
OWNER_ONLY = signed_in_only(NOT_FOUND, learner=OK)
TRAINER_VIEW = signed_in_only(FORBIDDEN, trainer=OK, administrator=OK)
# Wagtail admin screens: people without admin access are sent away (redirect).
ADMIN_SCREEN = signed_in_only(REDIRECT, trainer=OK, administrator=OK)
# Trainers may not delete instruments (answers point at them); administrators may.
ADMIN_ONLY_SCREEN = signed_in_only(REDIRECT, administrator=OK)

CASES = {
    "evaluations:survey": AccessCase(
        OWNER_ONLY,
        kwargs=lambda w: {"course_id": w.evaluated_course.pk, "wave": "three_months"},
    ),
    # The emailed link is the credential: it works for whoever holds it without signing in,
    # and only ever touches its own invitation. Someone else signed in is refused (what
    # they sent would be recorded as the link's person's answers).
    "evaluations:follow_up_by_link": AccessCase(
        everyone(FORBIDDEN, anonymous=OK, learner=OK), kwargs=link
    ),
    "evaluations:opt_out_by_link": AccessCase(everyone(OK), kwargs=link),
    "evaluations:thanks": AccessCase(everyone(OK)),
    "evaluations:saved": AccessCase(everyone(OK)),
    "evaluations:preferences": AccessCase(signed_in_only(OK)),
    # Each person downloads only their own answers (an empty file if none).
    "evaluations:my_answers_csv": AccessCase(signed_in_only(OK)),
    "evaluations:trainer_counts": AccessCase(TRAINER_VIEW),
    "wagtailsnippets_evaluations_instrument:copy": AccessCase(
        ADMIN_SCREEN, kwargs=lambda w: {"pk": w.own_instrument.pk}
    ),
    "wagtailsnippets_evaluations_instrument:edit": AccessCase(
        ADMIN_SCREEN, kwargs=lambda w: {"pk": w.own_instrument.pk}
    ),
    "wagtailsnippets_evaluations_instrument:delete": AccessCase(
        ADMIN_ONLY_SCREEN, kwargs=lambda w: {"pk": w.own_instrument.pk}
    ),
    "wagtailsnippets_evaluations_waveinstrument:edit": AccessCase(
        ADMIN_SCREEN, kwargs=lambda w: {"pk": w.own_wave.pk}
    ),
    "wagtailsnippets_evaluations_waveinstrument:delete": AccessCase(
        ADMIN_SCREEN, kwargs=lambda w: {"pk": w.own_wave.pk}
    ),
}

# Snippet choosers and measures, scoped like the other survey snippets.
_OWN = {
    "instrument": lambda w: {"pk": w.own_instrument.pk},
    "measure": lambda w: {"pk": w.own_measure.pk},
    "waveinstrument": lambda w: {"pk": w.own_wave.pk},
}
for _model, _pk in _OWN.items():
    _choosers = f"wagtailsnippetchoosers_evaluations_{_model}"
    CASES[f"{_choosers}:choose"] = AccessCase(ADMIN_SCREEN)
    CASES[f"{_choosers}:choose_results"] = AccessCase(ADMIN_SCREEN)
    CASES[f"{_choosers}:chosen"] = AccessCase(ADMIN_SCREEN, kwargs=_pk)
CASES["wagtailsnippets_evaluations_measure:edit"] = AccessCase(ADMIN_SCREEN, kwargs=_OWN["measure"])
# Trainers may not delete measures (answers point at them); administrators may.
CASES["wagtailsnippets_evaluations_measure:delete"] = AccessCase(
    ADMIN_ONLY_SCREEN, kwargs=_OWN["measure"]
)
# History and usage of the trainer's own partnership's survey set-up (another
# partnership's rows are not found: tests/evaluations/test_admin_scoping.py).
for _model, _pk in _OWN.items():
    for _view in ("history", "history_results", "usage"):
        CASES[f"wagtailsnippets_evaluations_{_model}:{_view}"] = AccessCase(
            ADMIN_SCREEN, kwargs=_pk
        )
