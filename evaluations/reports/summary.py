"""The report's summary of survey answers (``ResponseFigure`` rows), kept up to date.

At county scale, pairing every later answer with the same person's baseline answer took
most of the report's time: half a million answers joined to their responses and grouped
per person, module and measure on every add-up. These rows hold that pairing ready, one
per later response and figure, so the report adds up rows it can read straight through.

They are rebuilt for one person and module whenever one of their submitted responses or
its answers is saved or deleted, in the same transaction, and for everything by ``manage.py rebuild_report_summary`` after a
bulk load, which sends no signals. The rows hold nothing a learner wrote in words.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from evaluations.models import (
    FOLLOW_UP_WAVES,
    LATER_WAVES,
    Measure,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
    WaveKind,
)
from evaluations.reports.models import PersonFigure, ResponseFigure

BATCH = 2000


def _measure_values(answers) -> dict[int, dict]:
    """Per measure: the mean of its numeric answers, the highest, and whether a choice
    answer said yes."""
    out: dict[int, dict] = {}
    for answer in answers:
        if answer.measure_id is None:
            continue
        item = out.setdefault(answer.measure_id, {"numbers": [], "yes": False})
        if answer.number_value is not None:
            item["numbers"].append(answer.number_value)
        if (answer.choice or "").strip().lower() == "yes":
            item["yes"] = True
    return out


def _mean(numbers):
    return sum(numbers) / len(numbers) if numbers else None


def _float(value):
    return None if value is None else float(value)


def figures_for(response, baseline, answers, baseline_answers) -> list[dict]:
    """The summary rows (as field values) of one submitted later-wave response."""
    common = {
        "response_id": response.pk,
        "person": response.respondent_key,
        "user_id": response.user_id,
        "course_id": response.course_id,
        "wave": response.wave,
        "submitted_at": response.submitted_at,
        "partnership_id": response.partnership_id,
        "agency": response.agency,
        "baseline_partnership_id": baseline.partnership_id if baseline else None,
        "baseline_agency": baseline.agency if baseline else "",
    }
    rows = []
    has_learning = (
        baseline is not None
        and None not in (response.knowledge_score, response.mean_confidence)
        and None not in (baseline.knowledge_score, baseline.mean_confidence)
    )
    if has_learning:
        rows.append(
            {
                **common,
                "figure": ResponseFigure.LEARNING,
                "value": _float(response.knowledge_score),
                "baseline": _float(baseline.knowledge_score),
                "confidence": _float(response.mean_confidence),
                "baseline_confidence": _float(baseline.mean_confidence),
            }
        )
    before = _measure_values(baseline_answers)
    for measure_id, item in _measure_values(answers).items():
        earlier = before.get(measure_id, {"numbers": []})
        rows.append(
            {
                **common,
                "figure": ResponseFigure.MEASURE,
                "measure_id": measure_id,
                "value": _mean(item["numbers"]),
                "baseline": _mean(earlier["numbers"]),
                "highest": max(item["numbers"]) if item["numbers"] else None,
                "said_yes": item["yes"],
            }
        )
    return rows


def applied_measure_slug() -> str:
    return getattr(settings, "REPORT_APPLIED_MEASURE_SLUG", "applied-learning")


def person_figures(person, figure_rows) -> list[dict]:
    """One person's ``PersonFigure`` rows (as field values) from all their summary rows
    (``ResponseFigure`` field values, with their measure's ``measure__kind`` and
    ``measure__slug``): each figure's pairs per partnership and wave combined into the
    person's means, as the report combines them, and per follow-up wave whether they
    reported applying the learning."""
    pairs: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    applied: dict[tuple, dict] = {}
    slug = applied_measure_slug()
    for row in figure_rows:
        home = row["partnership_id"]
        if home is None:
            continue
        if row["figure"] == ResponseFigure.LEARNING:
            key = (home, row["wave"], None)
            pairs[(PersonFigure.KNOWLEDGE, *key)].append((row["baseline"], row["value"]))
            pairs[(PersonFigure.CONFIDENCE, *key)].append(
                (row["baseline_confidence"], row["confidence"])
            )
            continue
        paired = row["value"] is not None and row["baseline"] is not None
        if paired and home == row["baseline_partnership_id"]:
            key = (PersonFigure.MEASURE, home, row["wave"], row["measure_id"])
            pairs[key].append((row["baseline"], row["value"]))
        asked = row["measure__slug"] == slug
        reported = row["measure__kind"] == "practice" and row["value"] is not None
        if row["wave"] in FOLLOW_UP_WAVES and (asked or reported):
            flags = applied.setdefault(
                (home, row["wave"]),
                dict.fromkeys(("asked", "agreed", "reported", "acted"), False),
            )
            highest = row["highest"]
            flags["asked"] |= asked
            flags["agreed"] |= asked and (row["said_yes"] or (highest or 0) >= 4)
            flags["reported"] |= reported
            flags["acted"] |= reported and (highest or 0) >= 1
    out = []
    for (figure, home, wave, measure_id), values in pairs.items():
        n = len(values)
        out.append(
            {
                "partnership_id": home,
                "person": person,
                "figure": figure,
                "measure_id": measure_id,
                "wave": wave,
                "pairs": n,
                "before": sum(b for b, _ in values) / n,
                "after": sum(a for _, a in values) / n,
                "change": sum(a - b for b, a in values) / n,
            }
        )
    for (home, wave), flags in applied.items():
        out.append(
            {"partnership_id": home, "person": person, "figure": PersonFigure.APPLIED,
             "wave": wave, **flags}
        )  # fmt: skip
    return out


def answered_figures(person, answered) -> list[dict]:
    """One person's ``answered`` rows (as field values): one per partnership and wave of
    their sent responses, given as (partnership id, wave) pairs."""
    return [
        {"partnership_id": home, "person": person, "figure": PersonFigure.ANSWERED, "wave": wave}
        for home, wave in sorted(set(answered))
        if home is not None
    ]


PERSON_INPUTS = (
    "figure", "wave", "partnership_id", "baseline_partnership_id", "measure_id", "value",
    "baseline", "confidence", "baseline_confidence", "highest", "said_yes", "measure__kind",
    "measure__slug",
)  # fmt: skip


def _replace(model, current, wanted: list[dict]) -> None:
    """Make the rows of ``current`` (a queryset) those of ``wanted`` (field values),
    leaving them alone when they are already the same: saving an unchanged survey again
    (or seeding the demo twice) changes nothing."""
    fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    made = [model(**row) for row in wanted]
    have = sorted(tuple(row) for row in current.values_list(*fields))
    if have == sorted(tuple(getattr(obj, f) for f in fields) for obj in made):
        return
    current.delete()
    model.objects.bulk_create(made)


def refresh_person(person) -> None:
    """Rebuild one person's combined rows from their summary rows and sent responses."""
    rows = ResponseFigure.objects.filter(person=person).values(*PERSON_INPUTS)
    answered = _submitted().filter(respondent_key=person).values_list("partnership_id", "wave")
    _replace(
        PersonFigure,
        PersonFigure.objects.filter(person=person),
        person_figures(person, rows) + answered_figures(person, answered),
    )


def _rebuild_people(figure_model, person_model, response_model, partnership=None) -> None:
    """Every person's combined rows (or those of everyone who answered in one
    partnership), from the summary rows and the sent responses read in person order."""
    rows = figure_model.objects.order_by("person")
    answered = _submitted(response_model).order_by("respondent_key")
    done = person_model.objects.all()
    if partnership is not None:
        people = _submitted(response_model).filter(partnership=partnership)
        people = people.values("respondent_key")
        rows = rows.filter(person__in=people)
        answered = answered.filter(respondent_key__in=people)
        done = done.filter(person__in=people)
    done.delete()

    def made_in_batches(rows, combine):
        made, current, mine = [], None, []
        for row in rows:
            if row[0] != current:
                made += combine(current, mine) if mine else []
                current, mine = row[0], []
            mine.append(row[1])
            if len(made) >= BATCH:
                person_model.objects.bulk_create(person_model(**r) for r in made)
                made = []
        made += combine(current, mine) if mine else []
        person_model.objects.bulk_create(person_model(**r) for r in made)

    made_in_batches(
        ((row["person"], row) for row in rows.values("person", *PERSON_INPUTS).iterator(BATCH)),
        person_figures,
    )
    made_in_batches(
        (
            (key, (home, wave))
            for key, home, wave in answered.values_list("respondent_key", "partnership_id", "wave")
            .distinct()
            .iterator(BATCH)
        ),
        answered_figures,
    )


def _submitted(response_model=SurveyResponse):
    return response_model.objects.filter(status=ResponseStatus.SUBMITTED).order_by()


def refresh(person, course_id) -> int:
    """Rebuild one person's rows for one module; returns how many rows they now have."""
    responses = list(
        _submitted().filter(respondent_key=person, course_id=course_id).prefetch_related("answers")
    )
    baselines = [r for r in responses if r.wave == WaveKind.BASELINE]
    baseline = baselines[0] if baselines else None
    rows = []
    for response in responses:
        if response.wave in LATER_WAVES:
            rows += figures_for(
                response,
                baseline,
                response.answers.all(),
                baseline.answers.all() if baseline else [],
            )
    # Rows of a module whose page has gone keep their course as NULL; so does the lookup.
    # A response's own rows are replaced too, should it ever have moved to this person or
    # module.
    current = ResponseFigure.objects.filter(
        Q(person=person, course_id=course_id) | Q(response__in=[r.pk for r in responses])
    )
    _replace(ResponseFigure, current, rows)
    refresh_person(person)
    return len(rows)


def refresh_everyone() -> None:
    """Refresh every person and module with a sent response, one at a time, leaving
    unchanged rows alone (for the demo's seeding, which may run many times)."""
    for person, course_id in (
        _submitted().values_list("respondent_key", "course_id").distinct().order_by()
    ):
        refresh(person, course_id)


def rebuild(partnership=None, apps=None) -> int:
    """Rebuild every row (or one partnership's), in batches; returns how many. A data
    migration passes its ``apps``, so the historical models are used."""
    if apps is None:
        response_model, answer_model = SurveyResponse, SurveyAnswer
        figure_model, person_model = ResponseFigure, PersonFigure
    else:
        response_model = apps.get_model("evaluations", "SurveyResponse")
        answer_model = apps.get_model("evaluations", "SurveyAnswer")
        figure_model = apps.get_model("impact_reports", "ResponseFigure")
        person_model = apps.get_model("impact_reports", "PersonFigure")
    later = _submitted(response_model).filter(wave__in=LATER_WAVES)
    done = figure_model.objects.all()
    if partnership is not None:
        later = later.filter(partnership=partnership)
        done = done.filter(partnership=partnership)
    done.delete()
    total = 0
    ids = list(later.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(ids), BATCH):
        batch = list(response_model.objects.filter(pk__in=ids[start : start + BATCH]))
        keys = {(r.respondent_key, r.course_id) for r in batch}
        baselines = {
            (b.respondent_key, b.course_id): b
            for b in _submitted(response_model)
            .filter(wave=WaveKind.BASELINE, respondent_key__in={k for k, _ in keys})
            .order_by("-started_at", "-pk")
            if (b.respondent_key, b.course_id) in keys
        }
        answers = defaultdict(list)
        wanted = [r.pk for r in batch] + [b.pk for b in baselines.values()]
        for answer in answer_model.objects.filter(
            response_id__in=wanted, measure__isnull=False
        ).only("response_id", "measure_id", "number_value", "choice"):
            answers[answer.response_id].append(answer)
        rows = []
        for response in batch:
            baseline = baselines.get((response.respondent_key, response.course_id))
            rows += figures_for(
                response, baseline, answers[response.pk], answers[baseline.pk] if baseline else []
            )
        figure_model.objects.bulk_create((figure_model(**row) for row in rows), batch_size=BATCH)
        total += len(rows)
    _rebuild_people(figure_model, person_model, response_model, partnership)
    return total


# --- kept up to date ---------------------------------------------------------------------
# In the same transaction as the change, so the rows never disagree with the answers.
# Saving a survey saves its answers while the response is still a draft and then the
# submitted response, so a submission refreshes once; a draft's save changes nothing.


_paused = threading.local()


@contextmanager
def paused():
    """Keep the signals from refreshing rows one person at a time, for a bulk change
    (deleting a whole partnership's test data); call ``rebuild`` after it if rows remain."""
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = False


def _refreshing() -> bool:
    return not getattr(_paused, "on", False)


def _response_saved(sender, instance, raw=False, **kwargs):
    if not raw and _refreshing() and instance.status == ResponseStatus.SUBMITTED:
        refresh(instance.respondent_key, instance.course_id)


def _response_deleted(sender, instance, **kwargs):
    if _refreshing() and instance.status == ResponseStatus.SUBMITTED:
        refresh(instance.respondent_key, instance.course_id)


def _answer_changed(sender, instance, raw=False, **kwargs):
    if raw or not _refreshing():
        return
    response = instance.response
    if response.status == ResponseStatus.SUBMITTED:
        refresh(response.respondent_key, response.course_id)


post_save.connect(_response_saved, sender=SurveyResponse, dispatch_uid="report_summary_response")
post_delete.connect(
    _response_deleted, sender=SurveyResponse, dispatch_uid="report_summary_response_gone"
)
# An answer is deleted only while its survey is a draft, or with its response (whose own
# signal refreshes, after the rows that point at it have gone).
post_save.connect(_answer_changed, sender=SurveyAnswer, dispatch_uid="report_summary_answer")


def _measure_saved(sender, instance, raw=False, **kwargs):
    """A measure's kind or slug decides which people reported applying the learning, so
    editing one remakes every person's combined rows, in the background once it commits."""
    if raw:
        return
    from evaluations.reports.tasks import rebuild_people

    transaction.on_commit(rebuild_people.delay)


post_save.connect(_measure_saved, sender=Measure, dispatch_uid="report_summary_measure")


def rebuild_people_rows(apps=None) -> None:
    """Every person's combined rows again, from the summary rows and responses as they
    are. A data migration passes its ``apps``, so the historical models are used."""
    if apps is None:
        _rebuild_people(ResponseFigure, PersonFigure, SurveyResponse)
        return
    _rebuild_people(
        apps.get_model("impact_reports", "ResponseFigure"),
        apps.get_model("impact_reports", "PersonFigure"),
        apps.get_model("evaluations", "SurveyResponse"),
    )
