"""Our Twee exports, read by another tool: extwee, the npm Twee 3 compiler.

Each export goes through extwee (tests/twee_tools/read_with_extwee.mjs: Twee → Twine 2
HTML → back), and extwee must find the same story, start passage, passages, tags and
links as the scenario has, read our metadata as the flat object we wrote, and complain of
nothing. Needs Node.js and ``npm ci`` in tests/twee_tools (.ci/setup-twee does both).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scenarios.models import ScenarioPage
from scenarios.spec import ChoiceSpec, NodeSpec, ScenarioSpec, create_or_update_scenario
from scenarios.twee import export_twee, import_twee
from scenarios.twee_format import parse_passages
from tests.scenarios.factories import make_index

TOOLS = Path(__file__).resolve().parents[1] / "twee_tools"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.node,
    pytest.mark.skipif(NODE is None, reason="Node.js is not installed (.ci/setup-twee)"),
    pytest.mark.skipif(
        not (TOOLS / "node_modules" / "extwee").is_dir(),
        reason="extwee is not installed: run .ci/setup-twee (npm ci in tests/twee_tools)",
    ),
]


def read_with_extwee(paths: list[Path]) -> list[dict]:
    finished = subprocess.run(  # noqa: S603 - our own script and our own files
        [NODE, str(TOOLS / "read_with_extwee.mjs"), *map(str, paths)],
        cwd=TOOLS,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(finished.stdout)


def expected(page: ScenarioPage) -> dict:
    """What any reader should find in the page's export, from the page's own rows."""
    nodes = page.node_list()
    name = {node.key: node.passage_name or node.key for node in nodes}
    return {
        "name": page.title,
        "ifid": str(page.ifid).upper(),
        "start": next(name[n.key] for n in nodes if n.is_start),
        "passages": [
            ("ScenarioDetails", ["scenario-details"], []),
            *(
                (
                    name[node.key],
                    [
                        node.kind,
                        *([f"outcome-{node.outcome.replace('_', '-')}"] * bool(node.outcome)),
                    ],
                    [name.get(c.target_key, c.target_key) for c in node.choices.all()],
                )
                for node in nodes
            ),
        ],
    }


def found(story: dict) -> dict:
    return {
        "name": story["name"],
        "ifid": story["ifid"],
        "start": story["start"],
        "passages": [(p["name"], p["tags"], p["links"]) for p in story["passages"]],
    }


def tricky_spec() -> ScenarioSpec:
    """Brackets and braces in every text field, and passage names with spaces."""
    return ScenarioSpec(
        title="Brackets [and] {braces}",
        slug="brackets",
        introduction="<p>Intro {x} [y]</p>",
        nodes=[
            NodeSpec(
                key="see-kai",
                passage_name="See Kai",
                title="Kai {at home} [day 1]",
                kind="decision",
                narrative="<p>Text with ]] and {} in it.</p>",
                is_start=True,
                case_record="1 May: [seen] {alone}",
                choices=[
                    ChoiceSpec(
                        "Ask [again] {now}",
                        "end-good",
                        2,
                        "child_focused",
                        ["childs-voice"],
                        "}{][",
                        sets=["asked-again", "saw-kai"],
                    ),
                    ChoiceSpec(
                        "Wait", "end-bad", 6, "optimistic", [], "Kai waits.", unless=["saw-kai"]
                    ),
                ],
            ),
            NodeSpec(
                key="end-good",
                passage_name="Kai is safe",
                title="Kai is safe",
                kind="ending",
                narrative="<p>Safe.</p>",
                outcome="protected_in_time",
            ),
            NodeSpec(
                key="end-bad",
                title="Kai waits",
                kind="ending",
                narrative="<p>Waiting.</p>",
                outcome="left_in_neglect",
            ),
        ],
    )


def test_extwee_reads_every_demo_export_and_ours_with_twine_names(home_page, tmp_path):
    from learning_site.demo import DemoContext
    from scenarios.demo import seed

    seed(DemoContext(home=home_page, partnerships={}))
    index = make_index(home_page)
    drafted, _ = import_twee(
        (Path(__file__).parent / "data" / "twine_draft.twee").read_text(encoding="utf-8"), index
    )
    create_or_update_scenario(index, tricky_spec())
    pages = [*ScenarioPage.objects.live().order_by("pk"), drafted.get_latest_revision_as_object()]
    assert len(pages) >= 5
    paths = []
    for number, page in enumerate(pages):
        paths.append(tmp_path / f"{number}.twee")
        paths[-1].write_text(export_twee(page), encoding="utf-8")

    stories = read_with_extwee(paths)

    for page, path, story in zip(pages, paths, stories, strict=True):
        assert story["complaints"] == [], page.slug
        assert found(story) == expected(page), page.slug
        ours = {p.name: p.metadata for p in parse_passages(path.read_text(encoding="utf-8"))}
        assert {p["name"]: p["metadata"] for p in story["passages"]} == {
            name: metadata
            for name, metadata in ours.items()
            if name not in ("StoryTitle", "StoryData")
        }, page.slug
    by_slug = {page.slug: found(story) for page, story in zip(pages, stories, strict=True)}
    assert by_slug[drafted.slug]["start"] == "Front door"
    assert by_slug["brackets"]["passages"][1] == (
        "See Kai",
        ["decision"],
        ["Kai is safe", "end-bad"],
    )
    # Conditions are flat metadata extwee keeps as written.
    brackets = next(
        story for page, story in zip(pages, stories, strict=True) if page.slug == "brackets"
    )
    see_kai = brackets["passages"][1]["metadata"]
    assert (see_kai["link1_sets"], see_kai["link2_unless"]) == ("asked-again saw-kai", "saw-kai")


def test_the_old_export_format_is_what_extwee_could_not_read(tmp_path):
    # Before December 2026 the links' data was a list of objects in the header; extwee
    # took the header's last "{" as the start of the metadata and lost the name with it.
    old = tmp_path / "old.twee"
    old.write_text(
        ':: StoryTitle\nOld\n\n:: StoryData\n{"ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC", '
        '"start": "start"}\n\n:: start [decision] {"title":"Start","links":[{"weeks":2},'
        '{"weeks":3}]}\nText\n\n[[Go->end]]\n[[Wait->end]]\n\n:: end [ending]\nEnd\n',
        encoding="utf-8",
    )
    (story,) = read_with_extwee([old])
    assert story["start"] != "start"
    assert story["complaints"]
