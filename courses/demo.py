"""Demo modules for ``seed_demo``, read from the YAML files in ``courses/demo_content/``.

Idempotent: pages are found by slug and updated in place; lesson bodies are rewritten
from the data each run, so a second run leaves the same content.
"""

import html
import uuid
from decimal import Decimal

from courses.models import CourseIndexPage, CoursePage, LearningOutcome, LessonPage


def _find_page(model, parent, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _page_by_slug(model_path: str, slug: str):
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    return model.objects.live().filter(slug=slug).first()


# Lists inside blocks, written in ListBlock's raw form with fixed ids (below).
LIST_FIELDS = {"options", "chronology", "items", "digests"}


def _fixed_id(*parts) -> str:
    """Block ids derived from the content, so re-seeding writes identical StreamField data."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))


def _with_ids(value, path):
    if not isinstance(value, dict):
        return value
    return {
        key: [
            {"type": "item", "value": item, "id": _fixed_id(path, key, i)}
            for i, item in enumerate(v)
        ]
        if key in LIST_FIELDS and isinstance(v, list)
        else v
        for key, v in value.items()
    }


def _stream(body, log, path=""):
    """Turn the content data into StreamField raw data, resolving scenario/digest slugs."""
    stream = []
    for block_type, value in body:
        if block_type == "scenario":
            page = _page_by_slug("scenarios.ScenarioPage", value["scenario_slug"])
            if page is None:
                log.append(f"  (scenario '{value['scenario_slug']}' not found; link left out)")
                continue
            value = {"scenario": page.pk, "intro": value.get("intro", "")}
        elif block_type == "digest_links":
            pages = [
                _page_by_slug("research_digest.ResearchDigestPage", s)
                for s in value["digest_slugs"]
            ]
            pages = [p.pk for p in pages if p is not None]
            if not pages:
                continue
            value = {"heading": value.get("heading", "Read the research"), "digests": pages}
        elif block_type == "knowledge_check":
            value = {**value, "multiple": bool(value.get("multiple"))}
        n = len(stream)
        stream.append(
            {"type": block_type, "value": _with_ids(value, f"{path}/{n}"), "id": _fixed_id(path, n)}
        )
    return stream


def _save(page, parent):
    if page.pk is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed(context) -> None:
    from courses.demo_content import load_modules

    modules = load_modules()
    home = context.home
    index = _find_page(CourseIndexPage, home, "modules") or CourseIndexPage(slug="modules")
    index.title = "Modules"
    index.intro = (
        "<p>Short modules on recognising and responding to neglect, for every agency. "
        "Each has lessons, knowledge checks, reflections and a certificate.</p>"
    )
    _save(index, home)
    by_slug: dict[str, CoursePage] = {}
    for data in modules:
        course = _find_page(CoursePage, index, data["slug"]) or CoursePage(slug=data["slug"])
        course.title = data["title"]
        course.summary = data["summary"]
        course.audience = list(data["audience"])
        course.estimated_minutes = data["estimated_minutes"]
        course.cpd_hours = Decimal(str(data["cpd_hours"]))
        course.pass_mark = data["pass_mark"]
        course.sources = (
            "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in _module_sources(data)) + "</ul>"
        )
        _set_outcomes(course, data["learning_outcomes"])
        course.before_after_questions = _stream(
            [
                ("question", {**q, "multiple": bool(q.get("multiple"))})
                for q in data["before_after"]
            ],
            context.log,
            f"{data['slug']}/before-after",
        )
        course.prerequisites = [by_slug[s] for s in data.get("prerequisites", []) if s in by_slug]
        _save(course, index)
        by_slug[data["slug"]] = course
        for lesson_data in data["lessons"]:
            lesson = _find_page(LessonPage, course, lesson_data["slug"]) or LessonPage(
                slug=lesson_data["slug"]
            )
            lesson.title = lesson_data["title"]
            lesson.intro = lesson_data.get("intro", "")
            lesson.body = _stream(
                lesson_data["body"], context.log, f"{data['slug']}/{lesson_data['slug']}"
            )
            _save(lesson, course)
    context.log.append(f"Modules: {len(modules)} demo modules at {index.url}")


def _module_sources(data) -> list[str]:
    seen = []
    for lesson in data["lessons"]:
        for block_type, value in lesson["body"]:
            if block_type == "sources":
                seen += [s for s in value["items"] if s not in seen]
    return seen


def _set_outcomes(course, texts: list[str]) -> None:
    """Update outcome rows in place (their ids are what confidence answers refer to)."""
    existing = list(course.outcomes.all()) if course.pk else []
    outcomes = []
    for i, text in enumerate(texts):
        outcome = existing[i] if i < len(existing) else LearningOutcome()
        outcome.text, outcome.sort_order = text, i
        outcomes.append(outcome)
    course.outcomes = outcomes
