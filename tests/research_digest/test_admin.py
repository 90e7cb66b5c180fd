import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from learning_site.concepts import Concept
from research_digest.models import ResearchDigestPage
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date.today() - datetime.timedelta(days=400)


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def test_trainer_publishes_a_digest_in_the_admin(client, trainer, index):
    client.force_login(trainer)
    url = reverse(
        "wagtailadmin_pages:add", args=["research_digest", "researchdigestpage", index.pk]
    )
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Neglect and adolescents",
            "slug": "neglect-and-adolescents",
            "takeaway": "Older children are neglected too.",
            "summary": rich_text("<p>Adolescents can be neglected as well as babies.</p>"),
            "key_findings": streamfield(
                [("finding", {"figure": "60%", "finding": "of reviews involved neglect."})]
            ),
            "implications": streamfield([("point", {"point": "Ask teenagers directly."})]),
            "supervision_questions": streamfield([]),
            "related_pages": streamfield([]),
            "evidence_type": "statutory_guidance",
            # The admin's tag widget quotes names that contain spaces.
            "topics": '"The child\'s voice and lived experience"',
            "source_author": "SSSCB",
            "source_title": "Multi-agency neglect guidance",
            "source_year": "2020",
            "last_reviewed": "2026-11-01",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    digest = ResearchDigestPage.objects.get(slug="neglect-and-adolescents")
    assert digest.live
    assert [topic.slug for topic in digest.topics.all()] == [Concept.CHILDS_VOICE]


def test_free_tagging_is_off_so_a_typo_makes_no_topic(client, trainer, index):
    from research_digest.models import DigestTopic

    before = DigestTopic.objects.count()
    digest = make_digest(index)
    client.force_login(trainer)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[digest.pk])).context["form"]
    assert form.fields["topics"].free_tagging is False
    assert form.fields["topics"].clean("Disguised complience") == []
    assert DigestTopic.objects.count() == before


def test_edit_view_warns_trainers_when_a_digest_is_due_for_review(client, trainer, index):
    stale = make_digest(index, last_reviewed=LONG_AGO)
    fresh = make_digest(index)
    client.force_login(trainer)

    stale_html = client.get(reverse("wagtailadmin_pages:edit", args=[stale.pk])).content.decode()
    fresh_html = client.get(reverse("wagtailadmin_pages:edit", args=[fresh.pk])).content.decode()

    assert "Review due." in stale_html
    assert "more than 365 days ago" in stale_html
    assert "Review due." not in fresh_html
    assert "Next review due by" in fresh_html


def test_review_period_comes_from_settings(settings, index):
    digest = make_digest(index, last_reviewed=datetime.date.today() - datetime.timedelta(days=40))
    assert not digest.review_due
    settings.DIGEST_REVIEW_AFTER_DAYS = 30
    assert digest.review_due
    assert list(ResearchDigestPage.objects.review_due()) == [digest]


def test_review_report_lists_only_stale_digests(client, trainer, index):
    make_digest(index, title="Stale digest", last_reviewed=LONG_AGO)
    make_digest(index, title="Fresh digest")
    client.force_login(trainer)

    response = client.get(reverse("research_digest_review_due"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stale digest" in html
    assert "Fresh digest" not in html


def test_review_report_exports_csv(client, trainer, index):
    make_digest(index, title="Stale digest", last_reviewed=LONG_AGO)
    make_digest(index, title="=HYPERLINK(1) – évidence", last_reviewed=LONG_AGO)
    client.force_login(trainer)
    response = client.get(reverse("research_digest_review_due") + "?export=csv")
    data = b"".join(response.streaming_content)
    assert data.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    body = data.decode("utf-8-sig")
    assert body.startswith("Title,Last reviewed,Review was due,Status,Address")
    assert "Stale digest" in body
    assert LONG_AGO.isoformat() in body
    assert "'=HYPERLINK(1) – évidence" in body  # a title is never a live formula


def test_dashboard_reminds_trainers_of_stale_digests(client, trainer, index):
    make_digest(index, title="Stale digest", last_reviewed=LONG_AGO)
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Research digests due for review" in html
    assert "Stale digest" in html


def test_no_dashboard_panel_when_nothing_is_stale(client, trainer, index):
    make_digest(index)
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Research digests due for review" not in html


def test_trainers_see_a_review_notice_on_the_public_page_and_learners_do_not(
    client, trainer, learner, index
):
    stale = make_digest(index, last_reviewed=LONG_AGO)
    client.force_login(learner)
    assert "Review due." not in client.get(stale.url).content.decode()
    client.force_login(trainer)
    assert "Review due." in client.get(stale.url).content.decode()


def test_trainers_manage_topics_but_cannot_delete_them(trainer):
    assert trainer.has_perm("research_digest.add_digesttopic")
    assert trainer.has_perm("research_digest.change_digesttopic")
    assert not trainer.has_perm("research_digest.delete_digesttopic")


def test_trainer_sees_the_topic_snippets(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("wagtailsnippets_research_digest_digesttopic:list"))
    assert response.status_code == 200
    assert "Disguised compliance" in response.content.decode()
