"""Checks on the demo module content: structure the seeder relies on, and originality."""

import re
from pathlib import Path

import pytest

from courses.demo_content import MODULES

SEEDS_DIR = Path("/work/shared/seeds")

EXPECTED_SLUGS = {
    "recognising-neglect",
    "assessment-chronologies-cumulative-harm",
    "working-with-resistance",
}
AGE_STAGES = {"baby_toddler", "mid_childhood", "adolescent"}
AGENCIES = {
    "childrens_social_care",
    "early_help",
    "health",
    "education",
    "early_years",
    "police",
    "adult_mental_health",
    "drug_and_alcohol",
    "housing",
    "probation",
    "voluntary_sector",
    "other",
}
SCENARIO_SLUGS = {
    "new-baby-disguised-compliance",
    "stepping-up-and-down-rule-of-optimism",
    "start-again-new-school",
    "school-dsl-parental-resistance",
}
DIGEST_SLUGS = {
    "in-the-childs-time-key-findings",
    "in-the-childs-time-recommendations",
    "csn-lgiu-briefing",
    "blackburn-with-darwen-neglect-strategy",
    "ssscb-optimism-start-again-disguised-compliance",
    "action-for-children-voices",
}
BLOCK_TYPES = {
    "text",
    "key_message",
    "childs_voice",
    "case_vignette",
    "knowledge_check",
    "reflection",
    "scenario",
    "digest_links",
    "sources",
}
ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "b", "i", "a"}
RUN_LENGTH = 12

MODULE_IDS = [module["slug"] for module in MODULES]


def working_together_definition():
    """Working Together's definition of neglect as the first lesson quotes it: from the
    opening quotation mark to the closing one (the only text in the modules taken word
    for word from a source, so the originality test sets it aside)."""
    lesson = MODULES[0]["lessons"][0]
    text = " ".join(value for kind, value in lesson["body"] if kind == "text")
    match = re.search(r"<p>“The persistent failure.*?”</p>", text)
    assert match, "the definition is quoted in the first lesson"
    return match.group(0)


WORKING_TOGETHER_2015_DEFINITION = working_together_definition()


def blocks_of(module, block_type):
    return [
        value
        for lesson in module["lessons"]
        for kind, value in lesson["body"]
        if kind == block_type
    ]


def all_strings(value):
    """Every string inside a nested structure of dicts, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from all_strings(item)


def words(text):
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9']+", text)


def test_the_three_modules_are_present():
    assert {module["slug"] for module in MODULES} == EXPECTED_SLUGS
    assert len(MODULES) == 3


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_module_fields(module):
    assert module["title"] and module["summary"]
    assert 3 <= len(module["learning_outcomes"]) <= 5
    assert set(module["audience"]) <= AGENCIES and module["audience"]
    assert isinstance(module["cpd_hours"], float)
    assert isinstance(module["estimated_minutes"], int)
    assert 0 < module["pass_mark"] <= 100
    assert set(module["prerequisites"]) <= EXPECTED_SLUGS - {module["slug"]}
    assert 4 <= len(module["lessons"]) <= 6


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_lessons_have_checks_and_end_with_sources(module):
    slugs = [lesson["slug"] for lesson in module["lessons"]]
    assert len(slugs) == len(set(slugs))
    for lesson in module["lessons"]:
        kinds = [kind for kind, _ in lesson["body"]]
        assert set(kinds) <= BLOCK_TYPES, lesson["slug"]
        assert "knowledge_check" in kinds, lesson["slug"]
        assert kinds[-1] == "sources", lesson["slug"]
        assert lesson["body"][-1][1]["items"], lesson["slug"]
        assert lesson["title"] and lesson["intro"]


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_reflections_and_childs_voice_per_module(module):
    reflections = blocks_of(module, "reflection")
    assert len(reflections) >= 2
    assert any(reflection["required"] is True for reflection in reflections)
    for reflection in reflections:
        assert reflection["prompt"] and reflection["guidance"]
    voices = blocks_of(module, "childs_voice")
    assert len(voices) >= 2
    for voice in voices:
        assert voice["age_stage"] in AGE_STAGES
        assert voice["quote"] and voice["child"] and voice["source"]


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_knowledge_check_options(module):
    for check in blocks_of(module, "knowledge_check") + module["before_after"]:
        options = check["options"]
        assert 3 <= len(options) <= 5, check["key"]
        correct = [option for option in options if option["correct"]]
        if check["multiple"]:
            assert len(correct) >= 2, check["key"]
        else:
            assert len(correct) == 1, check["key"]
        for option in options:
            assert option["text"] and option["feedback"], check["key"]
        assert check["question"] and check["explanation"]


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_keys_are_unique_within_the_module(module):
    keys = [block["key"] for block in blocks_of(module, "knowledge_check")]
    keys += [block["key"] for block in blocks_of(module, "reflection")]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_links_use_known_scenarios_and_digests(module):
    scenarios = blocks_of(module, "scenario")
    assert scenarios
    assert all(block["scenario_slug"] in SCENARIO_SLUGS for block in scenarios)
    digests = blocks_of(module, "digest_links")
    assert digests
    for block in digests:
        assert block["digest_slugs"]
        assert set(block["digest_slugs"]) <= DIGEST_SLUGS


def test_each_demo_scenario_is_linked_from_one_module():
    linked = [
        block["scenario_slug"] for module in MODULES for block in blocks_of(module, "scenario")
    ]
    assert sorted(linked) == sorted(SCENARIO_SLUGS)


def knowledge_check_questions():
    return {
        " ".join(words(check["question"])): (module["slug"], check["key"])
        for module in MODULES
        for check in blocks_of(module, "knowledge_check")
    }


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_before_and_after_questions_are_not_the_lessons_knowledge_checks(module):
    """The 'before' and 'after' survey asks questions of its own: a learner who meets a
    question, answers it and reads its feedback inside a lesson would otherwise be scored
    on memory, not understanding."""
    from evaluations.demo import FOLLOW_UP_QUESTIONS, QUESTIONS

    asked = [q["question"] for q in module["before_after"]]
    asked += [q["text"] for q in QUESTIONS + FOLLOW_UP_QUESTIONS]
    assert len(module["before_after"]) >= 3
    checks = knowledge_check_questions()
    repeated = [checks[" ".join(words(text))] for text in asked if " ".join(words(text)) in checks]
    assert repeated == []


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_html_uses_only_allowed_tags(module):
    html = []
    for lesson in module["lessons"]:
        for kind, value in lesson["body"]:
            if kind == "text":
                html.append(value)
            elif kind == "key_message":
                html.append(value["body"])
            elif kind == "case_vignette":
                html.append(value["summary"])
    for fragment in html:
        tags = set(re.findall(r"</?([a-zA-Z0-9]+)", fragment))
        assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS


KEY_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,60}$")


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_text_fits_the_field_limits(module):
    for outcome in module["learning_outcomes"]:
        assert len(outcome) <= 255
        assert outcome.split()[0][0].isupper()
    for lesson in module["lessons"]:
        assert len(lesson["intro"]) <= 300
        for kind, value in lesson["body"]:
            if kind in {"knowledge_check", "reflection"}:
                assert KEY_PATTERN.match(value["key"]), value["key"]
            if kind == "knowledge_check":
                assert len(value["question"]) <= 300
                assert all(len(option["text"]) <= 300 for option in value["options"])
            elif kind == "key_message":
                assert len(value["heading"]) <= 120
            elif kind == "childs_voice":
                assert len(value["child"]) <= 120 and len(value["source"]) <= 255
            elif kind == "case_vignette":
                assert len(value["title"]) <= 120 and len(value["source"]) <= 255
                assert all(len(entry["when"]) <= 60 for entry in value["chronology"])
            elif kind == "digest_links":
                assert len(value["heading"]) <= 120
            elif kind == "sources":
                assert all(len(item) <= 400 for item in value["items"])


def seed_runs():
    runs = set()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        seed_words = words(path.read_text(encoding="utf-8"))
        for start in range(len(seed_words) - RUN_LENGTH + 1):
            runs.add(" ".join(seed_words[start : start + RUN_LENGTH]))
    return runs


def test_the_working_together_definition_is_quoted_with_its_edition():
    lesson = next(
        lesson
        for module in MODULES
        for lesson in module["lessons"]
        if lesson["slug"] == "what-neglect-is"
    )
    text = " ".join(value for kind, value in lesson["body"] if kind == "text")
    assert WORKING_TOGETHER_2015_DEFINITION in text
    assert "March 2015 edition" in text
    seed = " ".join(words((SEEDS_DIR / "002_320a9fbf14fe679a.txt").read_text(encoding="utf-8")))
    quoted = " ".join(words(WORKING_TOGETHER_2015_DEFINITION))
    assert quoted in seed


def test_seed_files_are_available():
    assert len(list(SEEDS_DIR.glob("*.txt"))) == 5


def test_no_long_runs_copied_from_the_seeds():
    runs = seed_runs()
    assert runs
    copied = []
    for text in all_strings(MODULES):
        # The statutory definition is quoted word for word, in quotation marks, with its
        # edition; it is the one passage allowed to match a source.
        text_words = words(text.replace(WORKING_TOGETHER_2015_DEFINITION, ""))
        for start in range(len(text_words) - RUN_LENGTH + 1):
            run = " ".join(text_words[start : start + RUN_LENGTH])
            if run in runs:
                copied.append(run)
    assert copied == []
