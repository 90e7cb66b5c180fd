"""Trainers author instruments in the Wagtail admin: ordered questions in an inline panel."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from evaluations.models import Instrument
from learning_site.roles import ensure_roles
from tests.evaluations.factories import make_instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, trainer):
    ensure_roles()
    client.force_login(trainer)
    return client


def test_trainer_creates_an_instrument_with_ordered_questions(trainer_client, partnership):
    url = reverse("wagtailsnippets_evaluations_instrument:add")
    assert trainer_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "After the chronology module",
            "slug": "after-chronology",
            "partnership": partnership.pk,
            "intro": "What you do now.",
            "estimated_minutes": 3,
            "questions": inline_formset(
                [
                    {
                        "key": "used",
                        "kind": "number",
                        "text": "How many chronologies have you started?",
                        "help_text": "",
                        "choices": "",
                        "scale_labels": "",
                        "min_value": "",
                        "max_value": "",
                        "required": "on",
                    },
                    {
                        "key": "where",
                        "kind": "single",
                        "text": "Where do you work?",
                        "help_text": "",
                        "choices": "Health\nSchool",
                        "scale_labels": "",
                        "min_value": "",
                        "max_value": "",
                        "required": "on",
                    },
                ]
            ),
        }
    )
    response = trainer_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    instrument = Instrument.objects.get(slug="after-chronology")
    assert [q.key for q in instrument.questions.order_by("sort_order")] == ["used", "where"]


def test_a_choice_question_needs_two_options(trainer_client):
    url = reverse("wagtailsnippets_evaluations_instrument:add")
    data = nested_form_data(
        {
            "title": "Broken",
            "slug": "broken",
            "partnership": "",
            "intro": "",
            "estimated_minutes": 3,
            "questions": inline_formset(
                [
                    {
                        "key": "where",
                        "kind": "single",
                        "text": "Where do you work?",
                        "help_text": "",
                        "choices": "Health",
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
    assert "Give at least two options" in response.content.decode()
    assert not Instrument.objects.filter(slug="broken").exists()


def test_trainer_sees_own_and_shared_instruments_only(
    trainer_client, partnership, other_partnership
):
    make_instrument(slug="shared", title="Shared survey")
    make_instrument(slug="ours", title="Our survey", partnership=partnership)
    make_instrument(slug="theirs", title="Their survey", partnership=other_partnership)
    page = trainer_client.get(reverse("wagtailsnippets_evaluations_instrument:list"))
    html = page.content.decode()
    assert "Shared survey" in html and "Our survey" in html
    assert "Their survey" not in html


def test_trainer_cannot_open_another_partnerships_instrument(trainer_client, other_partnership):
    theirs = make_instrument(slug="theirs", title="Their survey", partnership=other_partnership)
    url = reverse("wagtailsnippets_evaluations_instrument:edit", args=[theirs.pk])
    response = trainer_client.get(url)
    assert response.status_code == 404
    assert "Their survey" not in response.content.decode()


def test_trainer_can_look_at_but_not_change_a_shared_instrument(trainer_client):
    shared = make_instrument(slug="shared", title="Shared survey")
    url = reverse("wagtailsnippets_evaluations_instrument:edit", args=[shared.pk])
    page = trainer_client.get(url)
    assert page.status_code in (200, 302)
    data = nested_form_data(
        {
            "title": "Hijacked",
            "slug": "shared",
            "partnership": "",
            "intro": "",
            "estimated_minutes": 3,
            "questions": inline_formset([]),
        }
    )
    response = trainer_client.post(url, data)
    # Refused before the form is even read (Wagtail's admin turns 403 into a redirect).
    assert response.status_code in (302, 403)
    assert "form" not in (response.context or {})
    shared.refresh_from_db()
    assert shared.title == "Shared survey"


def test_trainer_can_only_choose_their_own_partnership(trainer_client, partnership):
    page = trainer_client.get(reverse("wagtailsnippets_evaluations_instrument:add"))
    choices = list(page.context["form"].fields["partnership"].queryset)
    assert choices == [partnership]


def test_trainer_edits_their_own_instrument(trainer_client, partnership):
    ours = make_instrument(slug="ours", title="Our survey", partnership=partnership)
    question = ours.questions.get(key="confidence")
    url = reverse("wagtailsnippets_evaluations_instrument:edit", args=[ours.pk])
    data = nested_form_data(
        {
            "title": "Our survey, revised",
            "slug": "ours",
            "partnership": partnership.pk,
            "intro": "",
            "estimated_minutes": 3,
            "questions": inline_formset(
                [
                    {
                        "id": question.pk,
                        "key": "confidence",
                        "kind": "likert",
                        "text": "I can spot disguised compliance.",
                        "help_text": "",
                        "choices": "",
                        "scale_labels": "",
                        "min_value": "",
                        "max_value": "",
                        "required": "on",
                    }
                ],
                initial=1,
            ),
        }
    )
    response = trainer_client.post(url, data)
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.title == "Our survey, revised"
    assert ours.questions.get(key="confidence").text == "I can spot disguised compliance."


def test_an_instrument_with_answers_cannot_be_deleted(client, administrator, instrument):
    ensure_roles()
    instrument.current_version()
    client.force_login(administrator)
    url = reverse("wagtailsnippets_evaluations_instrument:delete", args=[instrument.pk])
    response = client.post(url)
    assert response.status_code in (200, 302, 403)
    assert Instrument.objects.filter(pk=instrument.pk).exists()


@pytest.mark.parametrize("forged", ['"', "²", "abc", "99999999999999999999"])
@pytest.mark.parametrize("field", ["instrument", "course"])
def test_a_forged_chooser_value_is_an_error_on_the_form_not_a_500(
    trainer_client, partnership, field, forged
):
    from evaluations.models import WaveInstrument

    ours = make_instrument(slug="ours", title="Our survey", partnership=partnership)
    schedule = WaveInstrument.objects.create(
        wave="three_months", instrument=ours, partnership=partnership
    )
    url = reverse("wagtailsnippets_evaluations_waveinstrument:edit", args=[schedule.pk])
    data = {
        "wave": "three_months",
        "instrument": ours.pk,
        "course": "",
        "partnership": partnership.pk,
        "is_active": "on",
    }
    response = trainer_client.post(url, {**data, field: forged})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    schedule.refresh_from_db()
    assert schedule.instrument == ours and schedule.course is None


def test_the_instrument_chooser_searches_within_the_trainers_partnership(
    trainer_client, partnership, other_partnership
):
    make_instrument(slug="ours", title="Our follow-up survey", partnership=partnership)
    make_instrument(slug="theirs", title="Their follow-up survey", partnership=other_partnership)
    url = reverse("wagtailsnippetchoosers_evaluations_instrument:choose_results")
    response = trainer_client.get(url, {"q": "follow-up"})  # was a FilterFieldError 500
    assert response.status_code == 200
    html = response.content.decode()
    assert "Our follow-up survey" in html and "Their follow-up survey" not in html


@pytest.mark.parametrize("forged", ["abc", "²", "99999999999999999999"])
def test_choosing_an_id_that_cannot_exist_is_not_found(trainer_client, forged):
    url = reverse("wagtailsnippetchoosers_evaluations_instrument:chosen", args=[forged])
    assert trainer_client.get(url).status_code == 404


def test_the_reports_menu_links_to_the_impact_report(trainer_client):
    admin_home = trainer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports_home") in admin_home


# --- shared surveys: copy to edit (issue 16, item 8) ------------------------------------------
def post_data_of(form) -> dict:
    """What the browser would post from this unbound form, as it was drawn."""
    data = {}

    def add(bound_field):
        value = bound_field.value()
        if isinstance(value, bool):
            if value:
                data[bound_field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound_field.html_name] = [str(v) for v in value]
        else:
            data[bound_field.html_name] = "" if value is None else str(value)

    for bound_field in form:
        add(bound_field)
    for formset in form.formsets.values():
        for bound_field in formset.management_form:
            add(bound_field)
        for child in formset.forms:
            for bound_field in child:
                add(bound_field)
    return data


def test_a_shared_survey_opens_as_a_copy_for_the_trainers_partnership(trainer_client, partnership):
    shared = make_instrument(slug="shared-survey", title="Shared survey")
    edit = reverse("wagtailsnippets_evaluations_instrument:edit", args=[shared.pk])
    response = trainer_client.get(edit)
    copy = reverse("wagtailsnippets_evaluations_instrument:copy", args=[shared.pk])
    assert response.status_code == 302 and response.url == copy

    response = trainer_client.get(copy)
    html = response.content.decode()
    assert "is shared by every partnership, so only administrators can change it" in html
    assert 'value="shared-survey-copy"' in html
    assert "I can recognise disguised compliance." in html

    data = post_data_of(response.context["form"])
    data["questions-1-text"] = "How many chronologies have you started?"
    saved = trainer_client.post(reverse("wagtailsnippets_evaluations_instrument:add"), data)
    assert saved.status_code == 302, saved.context["form"].errors

    mine = Instrument.objects.get(slug="shared-survey-copy")
    assert mine.partnership == partnership and mine.title == "Shared survey (copy)"
    assert [q.key for q in mine.questions.order_by("sort_order")] == [
        "confidence",
        "chronology",
        "role",
        "tools",
        "changed",
    ]
    assert mine.questions.get(key="chronology").text == "How many chronologies have you started?"
    assert mine.questions.get(key="confidence").measure.slug == "confidence-disguised-compliance"
    # The shared survey is as it was.
    assert shared.questions.count() == 5
    assert shared.questions.get(key="chronology").text == "How many chronologies have you used?"


def test_the_trainers_own_survey_opens_for_editing(trainer_client, partnership):
    own = make_instrument(slug="own-survey", partnership=partnership)
    edit = reverse("wagtailsnippets_evaluations_instrument:edit", args=[own.pk])
    assert trainer_client.get(edit).status_code == 200


def test_an_administrator_edits_a_shared_survey_itself(client, administrator):
    ensure_roles()
    shared = make_instrument(slug="shared-survey", title="Shared survey")
    client.force_login(administrator)
    edit = reverse("wagtailsnippets_evaluations_instrument:edit", args=[shared.pk])
    response = client.get(edit)
    assert response.status_code == 200
    assert "only administrators can change it" not in response.content.decode()
