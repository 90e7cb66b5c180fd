from research_digest.models import DigestSubscription
from tests.access import NOT_ALLOWED, OK, REDIRECT, AccessCase, everyone, signed_in_only


def build_world(world):
    from tests.research_digest.factories import make_digest, make_index

    world.digest_subscription = DigestSubscription.objects.create(
        user=world.learner, subscribed=True
    )
    # The research section (a Wagtail page with search and filters) and one digest in it.
    world.digest_index = make_index(world.home)
    world.digest = make_digest(world.digest_index, title="Neglect in the child's time")


CASES = {
    # The feed is public, like the digests themselves.
    "research_digest:feed": AccessCase(everyone(OK)),
    "research_digest:subscription": AccessCase(signed_in_only(OK)),
    # The stop link in an email works for whoever follows it, signed in or not, and only
    # ever changes the token owner's choice. GET only asks (it changes nothing); the
    # button, or the mail program's one-click POST, stops the round-up.
    "research_digest:unsubscribe": AccessCase(
        everyone(OK), kwargs=lambda world: {"token": world.digest_subscription.token}
    ),
    "research_digest:resubscribe": AccessCase(
        everyone(NOT_ALLOWED), kwargs=lambda world: {"token": world.digest_subscription.token}
    ),
    # Wagtail admin report: people who edit pages (trainers, administrators) only.
    "research_digest_review_due": AccessCase(everyone(REDIRECT, trainer=OK, administrator=OK)),
    "research_digest_review_due_results": AccessCase(
        everyone(REDIRECT, trainer=OK, administrator=OK)
    ),
}
