"""The demo surveys: a default instrument for every wave and backdated activity that gives
the trainer counts and reports data; a second run changes nothing."""

import pytest

from evaluations import demo
from evaluations.models import (
    FollowUpInvitation,
    Instrument,
    InstrumentVersion,
    Measure,
    SurveyAnswer,
    SurveyResponse,
    WaveInstrument,
)
from evaluations.services import wave_counts
from learning_site.demo import seed_foundation

pytestmark = pytest.mark.django_db


def state():
    return {
        "measures": list(Measure.objects.order_by("pk").values()),
        "waves": list(WaveInstrument.objects.order_by("pk").values()),
        "versions": InstrumentVersion.objects.count(),
        "invitations": list(FollowUpInvitation.objects.order_by("pk").values()),
        "responses": list(SurveyResponse.objects.order_by("pk").values()),
        "answers": list(SurveyAnswer.objects.order_by("pk").values()),
    }


def test_demo_surveys_are_seeded_once_with_data_for_reports():
    from courses.demo import seed as seed_courses

    context = seed_foundation()
    seed_courses(context)
    demo.seed(context)
    first = state()
    demo.seed(context)
    assert state() == first

    instrument = Instrument.objects.get(slug="neglect-practice")
    follow_up = Instrument.objects.get(slug="neglect-practice-follow-up")
    assert instrument.partnership is None and follow_up.partnership is None
    by_wave = dict(WaveInstrument.objects.values_list("wave", "instrument__slug"))
    assert by_wave == {
        "baseline": "neglect-practice",
        "post": "neglect-practice",
        "three_months": "neglect-practice-follow-up",
        "twelve_months": "neglect-practice-follow-up",
    }
    # "Applied the learning" is asked only when there is something to have applied.
    applied = SurveyAnswer.objects.filter(measure__slug="applied-learning")
    assert set(applied.values_list("response__wave", flat=True)) == {
        "three_months",
        "twelve_months",
    }
    assert {m.slug for m in Measure.objects.all()} >= {
        "used-chronology",
        "challenged-parent-progress",
        "challenged-professional-escalation",
        "discussed-in-supervision",
        "applied-research",
        "confidence-disguised-compliance",
    }
    northshire = context.partnerships["northshire"]
    rows = wave_counts(northshire)
    three = [r for r in rows if r.wave == "three_months"]
    assert sum(r.responded for r in three) >= 20
    # Follow-ups due by the demo's fixed "today" are settled; later ones wait to be sent.
    from evaluations.models import PENDING_STATUSES

    pending = FollowUpInvitation.objects.filter(status__in=PENDING_STATUSES)
    assert pending.exists()
    assert not pending.filter(due_at__lte=demo.DEMO_TODAY).exists()
    agencies = set(SurveyResponse.objects.values_list("agency", flat=True))
    assert len(agencies) >= 5
    # Later waves show more practice than the baseline, so reports have a story to tell.
    from django.db.models import Avg

    def mean(wave):
        return SurveyAnswer.objects.filter(
            measure__slug="used-chronology", response__wave=wave
        ).aggregate(m=Avg("number_value"))["m"]

    assert mean("twelve_months") > mean("baseline")

    # The module's one before/after instrument: the board's Learning section pairs the
    # demo learners' 'before' and 'after' answers, knowledge going up.
    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.sections.learning import learning_section

    learning = learning_section(ReportFilters(northshire))
    assert learning.knowledge.pairs >= 20 and not learning.knowledge.change.hidden
    assert learning.knowledge.change.value > 0 and learning.confidence.change.value > 0


def test_the_readme_learner_returns_to_a_module_with_their_before_and_after(client):
    from courses.demo import seed as seed_courses

    context = seed_foundation()
    seed_courses(context)
    demo.seed(context)
    client.force_login(context.users[demo.RETURNING_LEARNER])
    page = client.get("/learning/").content.decode().replace("&#x27;", "'")
    assert "Your confidence describing the child's lived experience" in page
    assert "Your score on the module's knowledge questions went from" in page
