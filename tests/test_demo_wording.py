"""One house style across all demo content: every module, before/after question,
scenario and research digest that ``seed_demo`` loads spells the same term the same way
and spells out its jargon where a learner first meets it."""

import dataclasses
import re

import pytest

from courses.demo_content import BEFORE_AFTER, MODULES
from research_digest.demo import DIGESTS
from scenarios.demo import DEMO_SCENARIOS
from tests.courses.test_demo_content import all_strings


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).replace("’", "'")


SCENARIOS = [dataclasses.asdict(spec) for spec in DEMO_SCENARIOS]
ALL_TEXT = [
    plain(s)
    for s in all_strings(
        [MODULES, BEFORE_AFTER, [dataclasses.asdict(d) for d in DIGESTS], SCENARIOS]
    )
]

# Variants of the house spelling that must not appear.
VARIANTS = {
    "co-operate": re.compile(r"\bcooperat|\bco operat", re.IGNORECASE),
    "start-again syndrome": re.compile(r"\bstart again syndrome", re.IGNORECASE),
}


def test_the_reader_collects_the_demo_text():
    joined = " ".join(ALL_TEXT)
    assert "co-operate" in joined and "start-again syndrome" in joined.lower()


@pytest.mark.parametrize("term", sorted(VARIANTS))
def test_one_spelling_across_the_demo_content(term):
    found = sorted({m.group(0) for text in ALL_TEXT for m in VARIANTS[term].finditer(text)})
    assert found == [], f"use '{term}'"


# Jargon a learner meets in a scenario, and words that must sit beside its first use
# (in the order a learner reads: introduction, then nodes in order).
JARGON = {
    "legal gateway meeting": "lawyer",
    "transfer-in conference": "(",
    "Public Law Outline": "(PLO)",
    "designated safeguarding lead": "(DSL)",
    "multi-agency safeguarding hub": "(MASH)",
    "early help assessment": "(",
}


def reading_order(spec) -> str:
    parts = [spec.introduction]
    for node in spec.nodes:
        parts += [node.narrative, node.case_record, node.childs_voice]
        parts += [part for c in node.choices for part in (c.label, c.feedback)]
        parts.append(node.ending_summary)
    return plain(" ".join(parts))


@pytest.mark.parametrize("spec", DEMO_SCENARIOS, ids=lambda s: s.slug)
def test_jargon_is_explained_where_a_learner_first_meets_it(spec):
    text = reading_order(spec)
    unexplained = []
    for term, explanation in JARGON.items():
        first = text.lower().find(term.lower())
        if first == -1:
            continue
        nearby = text[first : first + len(term) + 120]
        if explanation not in nearby:
            unexplained.append((term, nearby))
    assert unexplained == []
