"""What a module asks of a learner: read from each lesson's content blocks when the lesson
is saved (so also on publish), stored with it as plain data, and read back from there on
every page view, so a learner's progress is a matter of rows, not of parsing blocks."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckSpec:
    lesson_id: int
    key: str
    question: str
    multiple: bool
    options: tuple[dict, ...]
    explanation: str

    @property
    def ref(self) -> str:
        """Stable reference used in questionnaire answers: '<lesson id>:<key>'."""
        return f"{self.lesson_id}:{self.key}"

    @property
    def correct_indexes(self) -> frozenset[int]:
        return frozenset(i for i, option in enumerate(self.options) if option["correct"])

    def is_correct(self, selected) -> bool:
        return frozenset(int(i) for i in selected) == self.correct_indexes


@dataclass(frozen=True)
class ReflectionSpec:
    lesson_id: int
    key: str
    prompt: str
    guidance: str
    required: bool


@dataclass
class CourseRequirements:
    lessons: list = field(default_factory=list)
    checks: list[CheckSpec] = field(default_factory=list)
    reflections: list[ReflectionSpec] = field(default_factory=list)
    scenario_ids: list[int] = field(default_factory=list)

    @property
    def required_reflections(self) -> list[ReflectionSpec]:
        return [r for r in self.reflections if r.required]

    def check(self, lesson_id: int, key: str) -> CheckSpec | None:
        return next((c for c in self.checks if c.lesson_id == lesson_id and c.key == key), None)

    def reflection(self, lesson_id: int, key: str) -> ReflectionSpec | None:
        return next(
            (r for r in self.reflections if r.lesson_id == lesson_id and r.key == key), None
        )


def check_spec(lesson_id: int, value) -> CheckSpec:
    return CheckSpec(
        lesson_id=lesson_id,
        key=value["key"],
        question=value["question"],
        multiple=bool(value["multiple"]),
        options=tuple(
            {"text": o["text"], "correct": bool(o["correct"]), "feedback": o["feedback"]}
            for o in value["options"]
        ),
        explanation=value["explanation"],
    )


def before_after_checks(course) -> list[CheckSpec]:
    """The module's own before/after questions, referenced by the module's page id (page
    ids are unique across the tree, so they never collide with a lesson's)."""
    return [
        check_spec(course.pk, block.value)
        for block in course.before_after_questions
        if block.block_type == "question"
    ]


def read_lesson_requirements(lesson) -> dict:
    """What ``lesson`` asks of a learner, read from its content blocks, as plain data
    (stored in ``LessonPage.requirements`` whenever the lesson is saved or published)."""
    data = {"checks": [], "reflections": [], "scenario_ids": []}
    for block in lesson.body:
        v = block.value
        if block.block_type == "knowledge_check":
            spec = check_spec(lesson.pk, v)
            data["checks"].append(
                {
                    "key": spec.key,
                    "question": spec.question,
                    "multiple": spec.multiple,
                    "options": list(spec.options),
                    "explanation": spec.explanation,
                }
            )
        elif block.block_type == "reflection":
            data["reflections"].append(
                {
                    "key": v["key"],
                    "prompt": v["prompt"],
                    "guidance": v["guidance"],
                    "required": bool(v["required"]),
                }
            )
        elif block.block_type == "scenario":
            # A scenario since deleted reads as None and asks nothing of the learner.
            scenario_id = v.get("scenario") and v["scenario"].pk
            if scenario_id and scenario_id not in data["scenario_ids"]:
                data["scenario_ids"].append(scenario_id)
    return data


def stored_requirements(lesson) -> dict:
    """The lesson's stored requirements; read from its blocks and stored now if it was
    saved before they were kept (or a scenario it names was deleted since)."""
    if lesson.requirements is None:
        lesson.requirements = read_lesson_requirements(lesson)
        if lesson.pk is not None:
            type(lesson).objects.filter(pk=lesson.pk).update(requirements=lesson.requirements)
    return lesson.requirements


def requirements_for(lessons, *, edited=None) -> CourseRequirements:
    """Checks, reflections and scenario links of already-fetched lessons, from what each
    stored when it was published: no content block is parsed. ``edited``, a lesson
    being previewed, is read from its blocks as they stand."""
    reqs = CourseRequirements(lessons=list(lessons))
    for lesson in reqs.lessons:
        data = read_lesson_requirements(lesson) if lesson is edited else stored_requirements(lesson)
        for check in data["checks"]:
            reqs.checks.append(check_spec(lesson.pk, check))
        for r in data["reflections"]:
            reqs.reflections.append(
                ReflectionSpec(lesson.pk, r["key"], r["prompt"], r["guidance"], r["required"])
            )
        for scenario_id in data["scenario_ids"]:
            if scenario_id not in reqs.scenario_ids:
                reqs.scenario_ids.append(scenario_id)
    return reqs
