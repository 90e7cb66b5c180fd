"""The demo content is data: the files in ``*/demo_content/`` are what ``seed_demo``
loads (edit a sentence in a file and the seeded page changes), a file that cannot be
used is refused naming the file and line, and each demo scenario is a Twee file that
comes back unchanged from the importer and the exporter trainers use."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import courses.demo_content
import research_digest.demo_content
import scenarios.demo_content
from courses.demo import seed as seed_modules
from courses.models import LessonPage
from learning_site.demo import DemoContext
from learning_site.demo_files import DemoContentError
from research_digest.demo import seed as seed_digests
from research_digest.models import ResearchDigestPage
from scenarios.demo import seed as seed_scenarios
from scenarios.models import ScenarioPage
from scenarios.twee import export_twee, import_twee
from tests.scenarios.factories import make_index

SCENARIO_FILES = sorted(scenarios.demo_content.DIRECTORY.glob("*.twee"))


def copy_of(package, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the package's content folder, which the loader then reads instead."""
    copy = tmp_path / "demo_content"
    shutil.copytree(package.DIRECTORY, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(package, "DIRECTORY", copy)
    return copy


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def context(home) -> DemoContext:
    return DemoContext(home=home, partnerships={})


@pytest.mark.django_db
def test_a_sentence_changed_in_a_lesson_file_changes_the_seeded_lesson(
    home_page, tmp_path, monkeypatch
):
    copy = copy_of(courses.demo_content, tmp_path, monkeypatch)
    replace_in(
        copy / "01-recognising-neglect" / "01-what-neglect-is.yaml",
        "Neglect can kill.",
        "Neglect can kill, and it often goes unseen.",
    )
    replace_in(
        copy / "sources.yaml",
        "Ofsted (2014) In the child's time",
        "Ofsted (March 2014) In the child's time",
    )
    seed_modules(context(home_page))
    lesson = LessonPage.objects.get(slug="what-neglect-is")
    text = "".join(str(block.value) for block in lesson.body if block.block_type == "text")
    assert "Neglect can kill, and it often goes unseen." in text
    sources = next(block.value for block in lesson.body if block.block_type == "sources")
    assert any(item.startswith("Ofsted (March 2014)") for item in sources["items"])
    assert "Ofsted (March 2014)" in lesson.get_parent().specific.sources


@pytest.mark.django_db
def test_a_sentence_changed_in_a_digest_file_changes_the_seeded_digest(
    home_page, tmp_path, monkeypatch
):
    copy = copy_of(research_digest.demo_content, tmp_path, monkeypatch)
    replace_in(
        copy / "01-in-the-childs-time-key-findings.yaml",
        "The picture was uneven.",
        "The picture was very uneven.",
    )
    seed_digests(context(home_page))
    digest = ResearchDigestPage.objects.get(slug="in-the-childs-time-key-findings")
    assert "<p>The picture was very uneven." in digest.summary


@pytest.mark.django_db
def test_a_sentence_changed_in_a_twee_file_changes_the_seeded_scenario(
    home_page, tmp_path, monkeypatch
):
    copy = copy_of(scenarios.demo_content, tmp_path, monkeypatch)
    replace_in(
        copy / "01-new-baby-disguised-compliance.twee",
        "At your first visit the flat is spotless.",
        "At your first visit the flat is spotless and smells of bleach.",
    )
    seed_scenarios(context(home_page))
    page = ScenarioPage.objects.get(slug="new-baby-disguised-compliance")
    assert "the flat is spotless and smells of bleach." in page.nodes_by_key["birth"].narrative


@pytest.mark.parametrize(
    "package, name, old, new, message",
    [
        (
            courses.demo_content,
            "01-recognising-neglect/01-what-neglect-is.yaml",
            "heading: Judge neglect by its effect on the child",
            "heading: Judge neglect: by its effect on the child",
            "line 41: mapping values are not allowed here",
        ),
        (
            courses.demo_content,
            "01-recognising-neglect/01-what-neglect-is.yaml",
            "- key_message:",
            "- key_messages:",
            "line 40: unknown block “key_messages”",
        ),
        (
            courses.demo_content,
            "02-assessment-chronologies-cumulative-harm/01-cumulative-harm.yaml",
            "- sources:\n  - ssscb-2020",
            "- sources:\n  - ssscb-2002",
            "no citation named ssscb-2002",
        ),
        (
            research_digest.demo_content,
            "03-csn-lgiu-briefing.yaml",
            "evidence_type: policy_briefing",
            "evidence_type: opinion",
            "line 1: unknown evidence_type “opinion”",
        ),
        (
            scenarios.demo_content,
            "02-stepping-up-and-down-rule-of-optimism.twee",
            '"link1_rating":"child_focused"',
            '"link1_rating":"brave"',
            "Unknown rating “brave”",
        ),
    ],
    ids=["yaml-syntax", "unknown-block", "unknown-citation", "digest-field", "twee-rating"],
)
def test_a_file_that_cannot_be_used_is_refused_naming_the_file_and_line(
    package, name, old, new, message, tmp_path, monkeypatch
):
    copy = copy_of(package, tmp_path, monkeypatch)
    path = copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    loader = {
        courses.demo_content: courses.demo_content.load_modules,
        research_digest.demo_content: research_digest.demo_content.load_digests,
        scenarios.demo_content: scenarios.demo_content.load_scenarios,
    }[package]
    with pytest.raises(DemoContentError) as raised:
        loader()
    assert str(raised.value).startswith(f"{path}, line ")
    assert message in str(raised.value)


def test_a_twee_file_the_importer_would_warn_about_is_refused(tmp_path, monkeypatch):
    copy = copy_of(scenarios.demo_content, tmp_path, monkeypatch)
    path = copy / "03-start-again-new-school.twee"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("->", "->No such passage ", 1), encoding="utf-8")
    with pytest.raises(DemoContentError, match="03-start-again-new-school.twee: Line \\d+: "):
        scenarios.demo_content.load_scenarios()


@pytest.mark.django_db
def test_seed_demo_names_the_file_and_seeds_nothing(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    copy = copy_of(research_digest.demo_content, tmp_path, monkeypatch)
    path = copy / "02-in-the-childs-time-recommendations.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "takeaway: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"02-in-the-childs-time-recommendations\.yaml, line"):
        call_command("seed_demo", verbosity=0)
    assert not ResearchDigestPage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_each_demo_twee_file_round_trips_through_import_and_export(path, home_page):
    text = path.read_text(encoding="utf-8")
    page, warnings = import_twee(text, make_index(home_page))
    assert warnings == []
    assert export_twee(page) == text


def test_the_loaders_read_every_file_in_order():
    assert [m["slug"] for m in courses.demo_content.MODULES] == [
        "recognising-neglect",
        "assessment-chronologies-cumulative-harm",
        "working-with-resistance",
    ]
    assert [s.slug for s in scenarios.demo_content.DEMO_SCENARIOS] == [
        p.stem.split("-", 1)[1] for p in SCENARIO_FILES
    ]
    assert len(research_digest.demo_content.DIGESTS) == len(
        list(research_digest.demo_content.DIRECTORY.glob("*.yaml"))
    )
