"""The demo scenarios' stories and the child's clock tell the same story.

The scenarios are built the way ``seed_demo`` builds them, then every route is walked
from the start to an ending (``scenarios.graph.every_route``, which the editor's clock
check also uses: going round any loop once, so a route may visit a node at most twice).
On every route:

* a missed choice (optimistic, collusive, procedural) never protects the child in good
  time as quickly as the child-focused route, and "protected, but late" is always later;
* a child left in neglect has waited at least as long as any child protected in good
  time in the same case;
* every span of time a node's text names agrees with the clock when the learner reads it.

Spans are read in three ways, as a reader would read them:

* the child's age ("nine months old", "first birthday"), for a scenario whose child is
  born when it starts: compared with the clock on arrival;
* time since the case began ("six weeks in", "a year on", "six months on"): compared
  with the clock on arrival;
* time that passes within the step that led here ("four months later", "over the next
  month", "for the next six weeks", "six months into the plan", "after six weeks"): the
  choice that led here must have cost at least that many weeks.

Agreement allows for the roundness of words: two weeks either way, or 15%.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

import pytest

from learning_site.demo import DemoContext
from scenarios import graph
from scenarios.clock import clock_warnings
from scenarios.demo import DEMO_SCENARIOS, seed
from scenarios.models import Outcome, ScenarioPage

pytestmark = pytest.mark.django_db

# The week of the clock at which the scenario's child was born (only where ages are used).
BORN_AT_WEEK = {"new-baby-disguised-compliance": 0}

WEEKS_PER = {"week": 1.0, "month": 52 / 12, "year": 52.0}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
BIRTHDAYS = {"first": 1, "second": 2, "third": 3}
NUM = r"(?P<n>\d+|" + "|".join(NUMBERS) + r")"
UNIT = r"(?P<unit>week|month|year)s?"
# Ages are checked in weeks and months only: "a seven-year-old" says nothing the clock
# can test without a birthday.
AGE_UNIT = r"(?P<unit>week|month)s?"

AGE = "age"
SINCE_START = "since the case began"
IN_STEP = "within the step that led here"

PATTERNS = [
    (AGE, re.compile(rf"\b{NUM}[- ]{AGE_UNIT}[- ]old\b")),
    (AGE, re.compile(r"\b(?P<birthday>first|second|third) birthday\b")),
    (SINCE_START, re.compile(rf"\b{NUM} {UNIT} (?:in|on)(?=\s*(?:[,.;:]|$))")),
    (IN_STEP, re.compile(rf"\b{NUM} {UNIT} later\b")),
    (IN_STEP, re.compile(rf"\b{NUM} {UNIT} into the (?:plan|case|agreement)\b")),
    (IN_STEP, re.compile(rf"\b(?:over|for|during) the next (?:{NUM} )?{UNIT}\b")),
    (IN_STEP, re.compile(rf"\bafter {NUM} {UNIT}\b")),
]


@dataclass(frozen=True)
class Span:
    phrase: str
    weeks: float
    kind: str


def plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def spans_in(text: str) -> list[Span]:
    """Every span of time named in ``text``, in weeks."""
    text = plain(text)
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("birthday"):
                weeks = BIRTHDAYS[groups["birthday"]] * WEEKS_PER["year"]
            else:
                number = groups.get("n") or "1"
                count = int(number) if number.isdigit() else NUMBERS[number]
                weeks = count * WEEKS_PER[groups["unit"]]
            found.append(Span(match.group(0), weeks, kind))
    return found


def tolerance(weeks: float) -> float:
    return max(2.0, 0.15 * weeks)


def node_text(node) -> str:
    parts = [node.title, node.narrative, node.case_record_entry, node.childs_voice]
    return " ".join([*parts, node.ending_summary])


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from learning_site.demo import seed_home_page

    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            home = seed_home_page()
            seed(DemoContext(home=home, partnerships={}))
            pages = {
                page.slug: page
                for page in ScenarioPage.objects.live().prefetch_related("nodes__choices")
            }
            routes = {
                slug: list(graph.every_route(page.graph_nodes())) for slug, page in pages.items()
            }
            texts = {
                slug: {key: node_text(node) for key, node in page.nodes_by_key.items()}
                for slug, page in pages.items()
            }
            child_focused = {
                slug: graph.strictly_child_focused_path(page.graph_nodes())
                for slug, page in pages.items()
            }
            warnings = {
                slug: [w.message for w in clock_warnings(page.graph_nodes())]
                for slug, page in pages.items()
            }
            transaction.set_rollback(True)
    return {
        "routes": routes,
        "texts": texts,
        "child_focused": child_focused,
        "clock_warnings": warnings,
    }


SLUGS = [
    "new-baby-disguised-compliance",
    "stepping-up-and-down-rule-of-optimism",
    "start-again-new-school",
    "school-dsl-parental-resistance",
]


def test_every_demo_scenario_is_walked():
    assert sorted(SLUGS) == sorted(spec.slug for spec in DEMO_SCENARIOS)


def test_the_parser_reads_the_phrases_the_stories_use():
    def read(text):
        return [(span.kind, round(span.weeks, 1)) for span in spans_in(text)]

    assert read("<p>Six weeks in, the results arrive.</p>") == [(SINCE_START, 6.0)]
    assert read("Kai is nine months old.") == [(AGE, 39.0)]
    assert read("Kai’s first birthday passes.") == [(AGE, 52.0)]
    assert read("A year on, Donna has had two lapses.") == [(SINCE_START, 52.0)]
    assert read("Six months on") == [(SINCE_START, 26.0)]
    assert read("Six months into the plan Donna lapses.") == [(IN_STEP, 26.0)]
    assert read("Four months later the police are called.") == [(IN_STEP, 17.3)]
    assert read("Over the next month they miss appointments.") == [(IN_STEP, 4.3)]
    assert read("For the next six weeks every test is clear.") == [(IN_STEP, 6.0)]
    # History and durations before the story are not the clock.
    assert read("Five episodes in four years; a plan for sixteen months.") == []
    assert read("She has been sober for four weeks.") == []
    assert read("A school refers a seven-year-old boy.") == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_route_reaches_an_ending(demo, slug):
    routes = demo["routes"][slug]
    assert routes
    assert {route.outcome for route in routes} >= {
        Outcome.PROTECTED_IN_TIME,
        Outcome.LEFT_IN_NEGLECT,
    }


@pytest.mark.parametrize("slug", SLUGS)
def test_the_clock_check_the_editor_runs_finds_nothing(demo, slug):
    # The two rules above (missed or late never as fast; neglect never sooner) are the
    # editor's clock warnings (scenarios.clock), run here on every demo scenario.
    best = demo["child_focused"][slug]
    assert best.ending_key and best.weeks > 0
    assert demo["clock_warnings"][slug] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_span_of_time_in_the_text_agrees_with_the_clock(demo, slug):
    # (arrival week, weeks of the choice that led here) for every visit on every route.
    visits = defaultdict(set)
    for route in demo["routes"][slug]:
        week = 0
        visits[route.keys[0]].add((0, None))
        for key, step in zip(route.keys[1:], route.steps, strict=True):
            week += step
            visits[key].add((week, step))

    disagreements = []
    checked = 0
    for key, text in demo["texts"][slug].items():
        for span in spans_in(text):
            for arrival, step in sorted(visits[key], key=lambda v: (v[0], v[1] or 0)):
                checked += 1
                if span.kind == AGE:
                    if slug not in BORN_AT_WEEK:
                        disagreements.append((key, span.phrase, "no birth week for this child"))
                        continue
                    age = arrival - BORN_AT_WEEK[slug]
                    ok = abs(age - span.weeks) <= tolerance(span.weeks)
                    said = f"child {age} weeks old"
                elif span.kind == SINCE_START:
                    ok = abs(arrival - span.weeks) <= tolerance(span.weeks)
                    said = f"clock at week {arrival}"
                else:
                    ok = step is not None and step >= span.weeks - tolerance(span.weeks)
                    said = f"the step here took {step} weeks"
                if not ok:
                    disagreements.append((key, span.phrase, said))
    assert checked, "the scenario names no span of time the clock can be checked against"
    assert disagreements == []
