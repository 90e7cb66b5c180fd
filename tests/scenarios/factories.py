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


def conditional_spec(slug: str = "seen-alone", title: str = "Seen alone") -> ScenarioSpec:
    """A choice that only a learner who saw the child alone is shown, and one hidden from
    them. Seeing the child alone (2 weeks) then telling the conference (1 week) is the
    child-focused route: 3 weeks. Talking to the parents only is quicker (1 week) but
    leaves only waiting or a late visit."""
    return ScenarioSpec(
        title=title,
        slug=slug,
        introduction="<p>A nursery is worried about Kai.</p>",
        nodes=[
            NodeSpec(
                "first-visit",
                "First visit",
                "decision",
                "<p>Kai's mother answers the door.</p>",
                is_start=True,
                choices=[
                    ChoiceSpec(
                        "See Kai alone",
                        "conference",
                        2,
                        "child_focused",
                        ["childs-voice"],
                        "Kai told you about the nights.",
                        sets=["saw-child-alone"],
                    ),
                    ChoiceSpec(
                        "Talk to his parents only", "conference", 1, "optimistic", [], "Kai unseen."
                    ),
                ],
            ),
            NodeSpec(
                "conference",
                "Case conference",
                "decision",
                "<p>The conference asks what Kai has said.</p>",
                choices=[
                    ChoiceSpec(
                        "Tell them what Kai told you",
                        "end-good",
                        1,
                        "child_focused",
                        ["childs-voice"],
                        requires=["saw-child-alone"],
                    ),
                    ChoiceSpec(
                        "Ask to see Kai alone now",
                        "end-late",
                        8,
                        "child_focused",
                        ["drift-and-delay"],
                        unless=["saw-child-alone"],
                    ),
                    ChoiceSpec(
                        "Accept the parents' account",
                        "end-bad",
                        10,
                        "collusive",
                        ["disguised-compliance"],
                    ),
                ],
            ),
            NodeSpec(
                "end-good", "Kai is safe", "ending", "<p>Safe.</p>", outcome="protected_in_time"
            ),
            NodeSpec(
                "end-late", "Kai is safe, later", "ending", "<p>Late.</p>", outcome="protected_late"
            ),
            NodeSpec(
                "end-bad", "Kai waits", "ending", "<p>Waiting.</p>", outcome="left_in_neglect"
            ),
        ],
    )


def make_scenario(home, spec: ScenarioSpec | None = None, publish: bool = True):
    return create_or_update_scenario(make_index(home), spec or small_spec(), publish=publish)


def twee_round_trip(home, page):
    """Export ``page`` as Twee and import it back: (the Twee text, the page's spec and the
    imported page's spec as dicts, without their slugs). Import warnings fail the test."""
    from dataclasses import asdict

    from scenarios.models import ScenarioPage
    from scenarios.spec import spec_from_page
    from scenarios.twee import export_twee, import_twee

    text = export_twee(page)
    imported, warnings = import_twee(text, make_index(home))
    assert warnings == []
    before = asdict(spec_from_page(page))
    after = asdict(spec_from_page(ScenarioPage.objects.get(pk=imported.pk)))
    before.pop("slug"), after.pop("slug")
    return text, before, after
