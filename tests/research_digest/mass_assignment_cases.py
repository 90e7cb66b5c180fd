"""The round-up choice and digest topics (see tests/mass_assignment.py)."""

from tests.mass_assignment import FormCase, NotAForm, unique


def build_world(world):
    from research_digest.models import DigestSubscription, DigestTopic

    world.subscription = DigestSubscription.objects.create(user=world.learner, subscribed=True)
    world.other_subscription = DigestSubscription.objects.create(
        user=world.other_learner, subscribed=True
    )
    world.topic = DigestTopic.objects.create(name="Chronologies", slug="chronologies")


def _others_still_subscribed(world):
    from research_digest.models import DigestSubscription

    other = DigestSubscription.objects.get(pk=world.other_subscription.pk)
    assert other.user == world.other_learner and other.subscribed
    assert DigestSubscription.objects.filter(user=world.other_learner).count() == 1


def _topic(world):
    return {"name": unique("Topic "), "slug": unique("topic-")}


def _topic_still_here(world):
    from research_digest.models import DigestTopic

    assert DigestTopic.objects.filter(pk=world.topic.pk).exists()


def _token(world):
    return {"token": world.subscription.token}


# Topics are shared by every partnership and carry no person: a trainer may add and
# rename them (not delete). Posted with hostile fields, the trainer's own scope holds.
TOPIC = {"who": "trainer", "data": _topic, "check": _topic_still_here}

CASES = {
    "research_digest:subscription": FormCase(
        who="learner", data=lambda w: {"subscribed": "no"}, check=_others_still_subscribed
    ),
    # The stop link's token names the subscription: nothing in the form changes whose.
    "research_digest:unsubscribe": FormCase(
        who="anonymous",
        kwargs=_token,
        data=lambda w: {},
        accepted=(200,),
        check=_others_still_subscribed,
    ),
    "research_digest:resubscribe": FormCase(
        who="anonymous",
        kwargs=_token,
        data=lambda w: {},
        accepted=(200,),
        check=_others_still_subscribed,
    ),
    "research_digest:feed": NotAForm("The Atom feed: read only, whatever the method."),
    "wagtailsnippets_research_digest_digesttopic:add": FormCase(**TOPIC),
    "wagtailsnippets_research_digest_digesttopic:edit": FormCase(
        **TOPIC, kwargs=lambda w: {"pk": w.topic.pk}
    ),
    "wagtailsnippets_research_digest_digesttopic:copy": FormCase(
        **TOPIC, kwargs=lambda w: {"pk": w.topic.pk}
    ),
    "wagtailsnippets_research_digest_digesttopic:delete": FormCase(
        **{**TOPIC, "data": lambda w: {}}, kwargs=lambda w: {"pk": w.topic.pk}
    ),
    "wagtailsnippetchoosers_research_digest_digesttopic:create": NotAForm(
        "The topic chooser's create tab has no form (topics are added on the snippet "
        "screen): Wagtail answers a POST here with a server error and saves nothing."
    ),
}
