"""Wagtail acts for a trainer in many views, not only the single edit and delete views:
bulk actions, choosers, the inline question rows. Each keeps to the trainer's partnership,
and shared rows (no partnership) are read-only to trainers."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from evaluations.models import Instrument, Measure, WaveInstrument, WaveKind
from tests.evaluations.factories import make_instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def schedules(partnership, other_partnership):
    own = WaveInstrument.objects.create(
        wave=WaveKind.THREE_MONTHS,
        instrument=make_instrument("own", partnership=partnership),
        partnership=partnership,
    )
    theirs = WaveInstrument.objects.create(
        wave=WaveKind.THREE_MONTHS,
        instrument=make_instrument("theirs", partnership=other_partnership),
        partnership=other_partnership,
    )
    shared = WaveInstrument.objects.create(
        wave=WaveKind.TWELVE_MONTHS, instrument=make_instrument("shared")
    )
    return own, theirs, shared


def _bulk_delete(client, model: str, *ids: int):
    url = reverse("wagtail_bulk_action", args=["evaluations", model, "delete"])
    query = "&".join(f"id={i}" for i in ids)
    return client.post(f"{url}?{query}", {})


@pytest.mark.parametrize("which", ["theirs", "shared"])
def test_bulk_delete_refuses_another_partnerships_and_shared_schedules(
    trainer_client, schedules, which
):
    own, theirs, shared = schedules
    target = {"theirs": theirs, "shared": shared}[which]
    response = _bulk_delete(trainer_client, "waveinstrument", target.pk)
    assert response.status_code in (302, 403)
    assert WaveInstrument.objects.filter(pk=target.pk).exists()
    # Mixed with one of their own: nothing at all is deleted.
    _bulk_delete(trainer_client, "waveinstrument", own.pk, target.pk)
    assert WaveInstrument.objects.filter(pk__in=[own.pk, target.pk]).count() == 2


def test_bulk_delete_still_deletes_own_schedules(trainer_client, schedules):
    own, _, _ = schedules
    response = _bulk_delete(trainer_client, "waveinstrument", own.pk)
    assert response.status_code == 302
    assert not WaveInstrument.objects.filter(pk=own.pk).exists()


def test_trainer_cannot_rename_a_shared_measure(trainer_client):
    measure = Measure.objects.create(slug="used-gcp2", name="Used GCP2")
    url = reverse("wagtailsnippets_evaluations_measure:edit", args=[measure.pk])
    response = trainer_client.post(
        url, {"name": "Renamed", "slug": "used-gcp2", "kind": "practice", "description": ""}
    )
    assert response.status_code in (302, 403)
    measure.refresh_from_db()
    assert measure.name == "Used GCP2"


def test_trainer_adds_a_measure_for_their_own_partnership_only(
    trainer_client, partnership, other_partnership
):
    url = reverse("wagtailsnippets_evaluations_measure:add")
    data = {"name": "Used a chronology", "slug": "used-chron", "kind": "practice"}
    response = trainer_client.post(url, {**data, "partnership": other_partnership.pk})
    assert response.status_code == 200  # the form again, with an error
    assert not Measure.objects.filter(slug="used-chron").exists()
    response = trainer_client.post(url, {**data, "partnership": partnership.pk})
    assert response.status_code == 302
    assert Measure.objects.get(slug="used-chron").partnership == partnership
    # Their own measure they may change.
    measure = Measure.objects.get(slug="used-chron")
    edit = reverse("wagtailsnippets_evaluations_measure:edit", args=[measure.pk])
    trainer_client.post(
        edit, {**data, "name": "Started a chronology", "partnership": partnership.pk}
    )
    measure.refresh_from_db()
    assert measure.name == "Started a chronology"


def test_instrument_chooser_lists_own_and_shared_only(trainer_client, schedules):
    response = trainer_client.get(reverse("wagtailsnippetchoosers_evaluations_instrument:choose"))
    assert response.status_code == 200
    html = response.json()["html"]
    theirs = Instrument.objects.get(slug="theirs")
    for slug in ("own", "shared"):
        mine = Instrument.objects.get(slug=slug)
        assert f"/chosen/{mine.pk}/" in html
    assert f"/chosen/{theirs.pk}/" not in html
    chosen = reverse("wagtailsnippetchoosers_evaluations_instrument:chosen", args=[theirs.pk])
    assert trainer_client.get(chosen).status_code == 404


def test_question_rows_cannot_point_at_another_partnerships_measure(
    trainer_client, partnership, other_partnership
):
    theirs = Measure.objects.create(slug="theirs", name="Theirs", partnership=other_partnership)
    url = reverse("wagtailsnippets_evaluations_instrument:add")
    form = trainer_client.get(url).content.decode()
    assert ">Theirs<" not in form
    data = nested_form_data(
        {
            "title": "Smuggled",
            "slug": "smuggled",
            "partnership": partnership.pk,
            "intro": "",
            "estimated_minutes": 3,
            "questions": inline_formset(
                [
                    {
                        "key": "used",
                        "kind": "number",
                        "text": "How many?",
                        "help_text": "",
                        "measure": theirs.pk,
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
    response = trainer_client.post(url, data)
    assert response.status_code == 200
    assert not Instrument.objects.filter(slug="smuggled").exists()


@pytest.mark.parametrize("model", ["instrument", "measure", "waveinstrument"])
@pytest.mark.parametrize("view", ["history", "usage"])
def test_history_and_usage_of_another_partnerships_rows_are_not_found(
    trainer_client, schedules, other_partnership, model, view
):
    """They showed another partnership's survey by its id, and who had changed it."""
    _, theirs, _ = schedules
    their_measure = Measure.objects.create(
        slug="their-measure", name="Their measure", partnership=other_partnership
    )
    row = {"instrument": theirs.instrument, "measure": their_measure, "waveinstrument": theirs}
    url = reverse(f"wagtailsnippets_evaluations_{model}:{view}", args=[row[model].pk])
    assert trainer_client.get(url).status_code == 404
