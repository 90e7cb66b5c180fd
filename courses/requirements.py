"""What a module asks of a learner, read from its lessons' content blocks."""

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


def requirements_for(lessons) -> CourseRequirements:
    """Read checks, reflections and scenario links from already-fetched lessons."""
    reqs = CourseRequirements(lessons=list(lessons))
    for lesson in reqs.lessons:
        for block in lesson.body:
            if block.block_type == "knowledge_check":
                reqs.checks.append(check_spec(lesson.pk, block.value))
            elif block.block_type == "reflection":
                v = block.value
                reqs.reflections.append(
                    ReflectionSpec(
                        lesson.pk, v["key"], v["prompt"], v["guidance"], bool(v["required"])
                    )
                )
            elif block.block_type == "scenario":
                # raw data holds the page id; no query needed to know which scenario it is.
                scenario_id = block.value.get("scenario") and block.value["scenario"].pk
                if scenario_id and scenario_id not in reqs.scenario_ids:
                    reqs.scenario_ids.append(scenario_id)
    return reqs
