import pytest

from courses.models import CourseIndexPage, CoursePage, LearningOutcome, LessonPage
from tests.scenarios.factories import make_scenario

CHECK_ONE = {
    "key": "definition",
    "question": "Which statement matches the definition of neglect?",
    "multiple": False,
    "options": [
        {
            "text": "A persistent failure to meet a child's basic needs",
            "correct": True,
            "feedback": "Yes: persistence is the mark.",
        },
        {
            "text": "A single missed appointment",
            "correct": False,
            "feedback": "One event is rarely neglect on its own.",
        },
        {"text": "Living in poverty", "correct": False, "feedback": "Poverty is not neglect."},
    ],
    "explanation": "Neglect is persistent and harms health or development.",
}
CHECK_TWO = {
    "key": "hidden-children",
    "question": "Which children are more likely to be hidden from view?",
    "multiple": True,
    "options": [
        {
            "text": "Babies not yet in any setting",
            "correct": True,
            "feedback": "Babies are seen by few professionals.",
        },
        {
            "text": "Children not in school",
            "correct": True,
            "feedback": "School is a daily safeguard.",
        },
        {
            "text": "Children at a club every day",
            "correct": False,
            "feedback": "They are seen daily.",
        },
    ],
    "explanation": "Babies and children out of school are seen least.",
}
REFLECTION = {
    "key": "day-in-the-life",
    "prompt": "Think of a child you work with. What is a day like for them?",
    "guidance": "Start with the morning.",
    "required": True,
}


def build_course(home, *, pass_mark=100, slug="test-module"):
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="Modules", slug="modules")
        home.add_child(instance=index)
    course = CoursePage(
        title="Recognising neglect (test)",
        slug=slug,
        summary="A test module.",
        audience=["health", "police"],
        estimated_minutes=30,
        cpd_hours="1.5",
        pass_mark=pass_mark,
    )
    course.outcomes = [
        LearningOutcome(text="Recognise neglect"),
        LearningOutcome(text="Describe the child's day"),
    ]
    index.add_child(instance=course)
    lesson1 = LessonPage(
        title="What neglect is",
        slug="what-neglect-is",
        body=[
            {"type": "text", "value": "<p>Neglect is persistent.</p>"},
            {"type": "knowledge_check", "value": CHECK_ONE},
            {"type": "reflection", "value": REFLECTION},
        ],
    )
    course.add_child(instance=lesson1)
    lesson2 = LessonPage(
        title="Hidden children",
        slug="hidden-children",
        body=[
            {
                "type": "childs_voice",
                "value": {
                    "age_stage": "baby_toddler",
                    "child": "A baby",
                    "quote": "Nobody comes when I cry.",
                    "source": "Test",
                },
            },
            {"type": "knowledge_check", "value": CHECK_TWO},
        ],
    )
    course.add_child(instance=lesson2)
    return course, lesson1, lesson2


@pytest.fixture
def course_tree(home_page):
    return build_course(home_page)


@pytest.fixture
def course(course_tree):
    return course_tree[0]


@pytest.fixture
def module_with_scenario(home_page):
    scenario = make_scenario(home_page)
    course, lesson1, lesson2 = build_course(home_page, slug="with-scenario")
    lesson3 = LessonPage(
        title="Play the case",
        slug="play-the-case",
        body=[{"type": "scenario", "value": {"scenario": scenario.pk, "intro": "Try it."}}],
    )
    course.add_child(instance=lesson3)
    return course, (lesson1, lesson2, lesson3), scenario
