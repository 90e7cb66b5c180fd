"""Research digests in the browser tests: axe-core on each page type, keyboard order on
the index's search form, a learner who finds a digest and subscribes to the round-up
(then stops it from the email), and a trainer who sees digests due for review."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import Page, expect

from tests.e2e.registry import JourneyStep, KeyboardPage, PageType, Visit


def build_world(world) -> None:
    from learning_site.concepts import Concept
    from research_digest.models import DigestSubscription
    from tests.research_digest.factories import make_digest, make_index

    index = make_index(world.home_page)
    target = make_digest(
        index,
        title="Disguised compliance in neglect cases",
        slug="disguised-compliance-in-neglect-cases",
        takeaway="Judge engagement by change for the child, not by promises.",
        topics=(Concept.DISGUISED_COMPLIANCE, Concept.RULE_OF_OPTIMISM),
        findings=[("4", "kinds of resistance are described.")],
        points=["Keep a chronology and read it before each review."],
        source_reference="Final version, 3 August 2020",
        source_url="https://example.org/neglect-guidance",
        supervision_questions=[("question", {"question": "What has changed for the child?"})],
    )
    world.objects["digest"] = target
    world.objects["stale_digest"] = make_digest(
        index,
        title="An older digest due for review",
        slug="older-digest-due-for-review",
        last_reviewed=datetime.date.today() - datetime.timedelta(days=500),
        related=[target],
    )
    world.objects["digest_index"] = index
    world.objects["digest_subscription"] = DigestSubscription.objects.create(
        user=world.learner, subscribed=True
    )


PAGES = [
    PageType("research digest index", lambda w: Visit(w.digest_index.url)),
    PageType(
        "research digest search results",
        lambda w: Visit(w.digest_index.url + "?q=disguised+compliance&topic=disguised-compliance"),
    ),
    PageType(
        "research digest search with no results", lambda w: Visit(w.digest_index.url + "?q=zzz")
    ),
    PageType("research digest page", lambda w: Visit(w.digest.url)),
    PageType(
        "research digest page (trainer, review due)", lambda w: Visit(w.stale_digest.url, "trainer")
    ),
    PageType(
        "research digest round-up choice", lambda w: Visit("/research-digests/round-up/", "learner")
    ),
    PageType(
        "research digest round-up stop (asks first)",
        lambda w: Visit(f"/research-digests/round-up/stop/{w.digest_subscription.token}/"),
    ),
]

KEYBOARD_PAGES = [
    KeyboardPage(
        "research digest index",
        lambda w: Visit(w.digest_index.url),
        must_reach=("#digest-q", "#digest-topic", "#digest-evidence", ".digest-filters button"),
    ),
]


def find_a_digest_and_subscribe(page: Page, world) -> None:
    """The learner's "done when": find the digest, read it, subscribe, stop from the email."""
    from django.utils import timezone

    from research_digest.roundup import send_monthly_roundup
    from tests.e2e.browser import links_in, wait_for_email

    page.goto(world.url("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Research").click()
    page.get_by_label("Search digests").fill("disguised compliance")
    page.get_by_role("button", name="Find digests").click()
    expect(page.locator(".digest-count")).to_contain_text("found")
    page.locator(".digest-result").first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Disguised compliance in neglect cases")
    expect(page.locator(".digest__meta")).to_contain_text("1 minute")
    expect(page.locator("#used-in-heading + p + ul")).to_contain_text(
        "An older digest due for review"
    )

    page.goto(world.url(world.digest_index.url))
    page.get_by_role("link", name="Choose whether to get the monthly round-up").click()
    page.get_by_label("Yes, email me once a month when there are new digests").check()
    page.get_by_role("button", name="Save your choice").click()
    expect(page.get_by_text("You will get the research digest round-up monthly.")).to_be_visible()

    # A month later the round-up goes out; its link asks, and one button stops it.
    next_month = timezone.localtime().replace(day=28) + datetime.timedelta(days=7)
    send_monthly_roundup(next_month)
    email = wait_for_email("jo.newcomer@northshire.gov.uk")
    [link] = links_in(email, "/round-up/stop/")
    page.goto(world.url(re.sub(r"^https?://[^/]+", "", link)))
    expect(page.locator("h1")).to_have_text("Stop the research digest round-up")
    page.get_by_role("button", name="Stop the round-up").click()
    expect(page.locator("h1")).to_have_text("You will not get the research digest round-up")


LEARNER_JOURNEY = [
    JourneyStep(
        "find a research digest, read it, subscribe and stop from the email",
        find_a_digest_and_subscribe,
    )
]


def see_digests_due_for_review(page: Page, world) -> None:
    page.goto(world.url("/admin/"))
    expect(page.locator("#research-digests-due-for-review-section")).to_contain_text(
        "An older digest due for review"
    )
    page.goto(world.url("/admin/reports/digests-due-for-review/"))
    expect(page.locator("main")).to_contain_text("An older digest due for review")
    expect(page.locator("main")).not_to_contain_text("Disguised compliance in neglect cases")


TRAINER_JOURNEY = [
    JourneyStep("see research digests due for review", see_digests_due_for_review, False)
]
