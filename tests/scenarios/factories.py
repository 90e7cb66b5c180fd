"""Scenario pages for tests, built through the same spec path as the demo content."""

from scenarios.models import ScenarioIndexPage
from scenarios.spec import ChoiceSpec, NodeSpec, ScenarioSpec, create_or_update_scenario


def make_index(home) -> ScenarioIndexPage:
    index = ScenarioIndexPage.objects.first()
    if index is None:
        index = ScenarioIndexPage(title="Scenarios", slug="scenarios")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def small_spec(slug: str = "test-case", title: str = "A test case") -> ScenarioSpec:
    """Three endings, a two-way start, an information node; the child-focused path takes
    3 weeks (start → assess → good ending)."""
    return ScenarioSpec(
        title=title,
        slug=slug,
        introduction="<p>A family you have just been allocated.</p>",
        focus_concepts=["rule-of-optimism", "drift-and-delay"],
        sources="<p>Ofsted, In the child's time, 2014.</p>",
        nodes=[
            NodeSpec(
                "start",
                "First visit",
                "decision",
                "<p>The house is cold.</p>",
                is_start=True,
                case_record="Referral from school: child hungry.",
                childs_voice="I'm always hungry at school.",
                age_stage="mid_childhood",
                choices=[
                    ChoiceSpec(
                        "Start an assessment now",
                        "assess",
                        2,
                        "child_focused",
                        ["childs-voice"],
                        "You saw the child.",
                    ),
                    ChoiceSpec(
                        "Give the family time",
                        "wait",
                        6,
                        "optimistic",
                        ["rule-of-optimism"],
                        "The child waited.",
                    ),
                ],
            ),
            NodeSpec(
                "assess",
                "Assessment",
                "decision",
                "<p>The history is worrying.</p>",
                case_record="Assessment started.",
                choices=[
                    ChoiceSpec(
                        "Convene a strategy meeting",
                        "end-good",
                        1,
                        "child_focused",
                        ["escalation-and-challenge"],
                        "Good.",
                    ),
                    ChoiceSpec(
                        "Close and refer to early help",
                        "end-late",
                        8,
                        "procedural",
                        ["drift-and-delay"],
                        "Drift.",
                    ),
                ],
            ),
            NodeSpec(
                "wait",
                "Six weeks later",
                "information",
                "<p>Nothing has changed.</p>",
                case_record="No change after six weeks.",
                choices=[ChoiceSpec("Continue", "relapse", 4)],
            ),
            NodeSpec(
                "relapse",
                "A relapse",
                "decision",
                "<p>Mother has relapsed.</p>",
                choices=[
                    ChoiceSpec(
                        "Escalate now",
                        "end-late",
                        3,
                        "child_focused",
                        ["escalation-and-challenge"],
                        "Late but right.",
                    ),
                    ChoiceSpec(
                        "Accept her explanation",
                        "end-bad",
                        10,
                        "collusive",
                        ["disguised-compliance"],
                        "Plausible, again.",
                    ),
                ],
            ),
            NodeSpec(
                "end-good",
                "Protected",
                "ending",
                "<p>Safe.</p>",
                outcome="protected_in_time",
                ending_summary="Protected in 3 weeks.",
            ),
            NodeSpec(
                "end-late", "Protected late", "ending", "<p>Late.</p>", outcome="protected_late"
            ),
            NodeSpec(
                "end-bad",
                "Still waiting",
                "ending",
                "<p>Neglect goes on.</p>",
                outcome="left_in_neglect",
            ),
        ],
    )


def make_scenario(home, spec: ScenarioSpec | None = None, publish: bool = True):
    return create_or_update_scenario(make_index(home), spec or small_spec(), publish=publish)
