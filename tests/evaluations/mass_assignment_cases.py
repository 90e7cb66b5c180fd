"""Answering surveys, follow-up choices and the survey set-up a trainer edits in the
admin (see tests/mass_assignment.py)."""

from tests.mass_assignment import FormCase, NotAForm, unique

SURVEY_MODELS = ("Instrument", "Measure", "WaveInstrument")


def build_world(world):
    import datetime

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

    use_everywhere(make_instrument(slug="mass-assignment-shared"))
    world.survey_course = build_course(world.home, slug="mass-assignment-survey")[0]
    now = timezone.now()
    completion = complete_module(
        world.learner, world.survey_course, now - datetime.timedelta(days=100)
    )
    invitation = FollowUpInvitation.objects.get(completion=completion, wave="three_months")
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(
        status=InvitationStatus.SENT, sent_at=now, closes_at=now + datetime.timedelta(days=30)
    )
    world.invitation = invitation
    world.invitation_token = InvitationLinkToken.issue(invitation)
    # Survey set-up: the trainer's partnership's, and another partnership's.
    world.own_instrument = make_instrument(
        slug="mass-own", title="Own survey", partnership=world.partnership
    )
    world.own_wave = WaveInstrument.objects.create(
        wave="three_months", instrument=world.own_instrument, partnership=world.partnership
    )
    world.own_measure = Measure.objects.create(
        slug="mass-own-measure", name="Own measure", partnership=world.partnership
    )
    theirs = make_instrument(slug="mass-theirs", partnership=world.other_partnership)
    WaveInstrument.objects.create(
        wave="three_months", instrument=theirs, partnership=world.other_partnership
    )
    Measure.objects.create(
        slug="mass-their-measure", name="Their measure", partnership=world.other_partnership
    )
    world.their_survey_setup = _their_rows(world)


def _models():
    from evaluations import models

    return [getattr(models, name) for name in SURVEY_MODELS]


def _their_rows(world):
    return {
        model.__name__: sorted(
            model.objects.filter(partnership=world.other_partnership).values_list("pk", flat=True)
        )
        for model in _models()
    }


def _setup_stays_in_own_partnership(world):
    assert _their_rows(world) == world.their_survey_setup


def _own_rows_kept(world):
    _setup_stays_in_own_partnership(world)
    from evaluations.models import Instrument, Measure

    assert Instrument.objects.filter(pk=world.own_instrument.pk).exists()
    assert Measure.objects.filter(pk=world.own_measure.pk).exists()


def _instrument(world, slug=None):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data(
        {
            "title": unique("Survey "),
            "slug": slug or unique("survey-"),
            "partnership": world.partnership.pk,
            "intro": "",
            "estimated_minutes": 3,
            "questions": inline_formset(
                [
                    {
                        "key": "used",
                        "kind": "number",
                        "text": "How many chronologies have you started?",
                        "help_text": "",
                        "measure": "",
                        "choices": "",
                        "scale_labels": "",
                        "min_value": "",
                        "max_value": "",
                        "required": "on",
                    }
                ]
            ),
        }
    )


def _measure(world, slug=None):
    return {
        "name": unique("Measure "),
        "slug": slug or unique("measure-"),
        "kind": "practice",
        "partnership": world.partnership.pk,
        "description": "",
    }


def _wave(world, wave="twelve_months"):
    return {
        "wave": wave,
        "instrument": world.own_instrument.pk,
        "course": "",
        "partnership": world.partnership.pk,
        "is_active": "on",
    }


def _survey_answers(world, url):
    from evaluations.models import SurveyResponse
    from tests.evaluations.factories import valid_answers

    world.client.get(url)
    response = SurveyResponse.objects.get(course=world.survey_course, wave="three_months")
    return valid_answers(response)


def _link(world):
    return {"invitation_id": world.invitation.pk, "token": world.invitation_token}


def _answers_are_the_learners(world):
    from evaluations.models import SurveyResponse

    responses = SurveyResponse.objects.filter(course=world.survey_course)
    assert responses.filter(status="submitted").exists()
    assert set(responses.values_list("user", flat=True)) == {world.learner.pk}
    assert set(responses.values_list("partnership", flat=True)) == {world.partnership.pk}


def _others_still_get_surveys(world):
    from evaluations.services import is_opted_out

    assert not is_opted_out(world.other_learner)


CHOOSER_CREATE = (
    "The chooser's create tab has no form for survey snippets (they are added on the "
    "snippet screens, tested here): Wagtail answers a POST with a server error and saves "
    "nothing."
)
GET_ONLY = "A page or a download: it reads nothing from a POST body and saves nothing."
# Snippet screens a trainer reaches: posting another partnership's id is refused.
TRAINER = {"who": "trainer", "check": _setup_stays_in_own_partnership}
OWN = {
    "instrument": lambda w: {"pk": w.own_instrument.pk},
    "measure": lambda w: {"pk": w.own_measure.pk},
    "waveinstrument": lambda w: {"pk": w.own_wave.pk},
}

CASES = {
    **{
        f"wagtailsnippetchoosers_evaluations_{model}:create": NotAForm(CHOOSER_CREATE)
        for model in ("instrument", "measure", "waveinstrument")
    },
    "evaluations:survey": FormCase(
        who="learner",
        kwargs=lambda w: {"course_id": w.survey_course.pk, "wave": "three_months"},
        data=lambda w: _survey_answers(w, f"/surveys/{w.survey_course.pk}/three_months/"),
        check=_answers_are_the_learners,
    ),
    # The emailed link answers for its own person, whatever the form names.
    "evaluations:follow_up_by_link": FormCase(
        who="anonymous",
        kwargs=_link,
        data=lambda w: _survey_answers(
            w, f"/surveys/follow-up/{w.invitation.pk}/{w.invitation_token}/"
        ),
        check=_answers_are_the_learners,
    ),
    "evaluations:opt_out_by_link": FormCase(
        who="anonymous",
        kwargs=_link,
        data=lambda w: {},
        accepted=(200,),
        check=_others_still_get_surveys,
    ),
    "evaluations:preferences": FormCase(
        who="learner", data=lambda w: {"choice": "stop"}, check=_others_still_get_surveys
    ),
    "evaluations:thanks": NotAForm(GET_ONLY),
    "evaluations:my_answers_csv": NotAForm(GET_ONLY),
    # --- instruments --------------------------------------------------------------------
    "wagtailsnippets_evaluations_instrument:add": FormCase(**TRAINER, data=_instrument),
    "wagtailsnippets_evaluations_instrument:edit": FormCase(
        **TRAINER, kwargs=OWN["instrument"], data=lambda w: _instrument(w, slug="mass-own")
    ),
    "wagtailsnippets_evaluations_instrument:copy": FormCase(
        **TRAINER, kwargs=OWN["instrument"], data=_instrument
    ),
    # Trainers may not delete instruments (answers point at them).
    "wagtailsnippets_evaluations_instrument:delete": FormCase(
        who="trainer", kwargs=OWN["instrument"], data=lambda w: {}, check=_own_rows_kept
    ),
    # --- measures -----------------------------------------------------------------------
    "wagtailsnippets_evaluations_measure:add": FormCase(**TRAINER, data=_measure),
    "wagtailsnippets_evaluations_measure:edit": FormCase(
        **TRAINER, kwargs=OWN["measure"], data=lambda w: _measure(w, slug="mass-own-measure")
    ),
    "wagtailsnippets_evaluations_measure:copy": FormCase(
        **TRAINER, kwargs=OWN["measure"], data=_measure
    ),
    "wagtailsnippets_evaluations_measure:delete": FormCase(
        who="trainer", kwargs=OWN["measure"], data=lambda w: {}, check=_own_rows_kept
    ),
    # --- survey schedules -----------------------------------------------------------------
    "wagtailsnippets_evaluations_waveinstrument:add": FormCase(**TRAINER, data=_wave),
    "wagtailsnippets_evaluations_waveinstrument:edit": FormCase(
        **TRAINER, kwargs=OWN["waveinstrument"], data=lambda w: _wave(w, "three_months")
    ),
    "wagtailsnippets_evaluations_waveinstrument:copy": FormCase(
        **TRAINER, kwargs=OWN["waveinstrument"], data=_wave
    ),
    # Their own schedule they may delete; nobody else's goes with it.
    "wagtailsnippets_evaluations_waveinstrument:delete": FormCase(
        **TRAINER, kwargs=OWN["waveinstrument"], data=lambda w: {}
    ),
}
