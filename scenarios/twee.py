"""Twee 3 import and export for scenarios: how passages become nodes and choices.

The Twee 3 syntax itself (headers, links, escaping) is in ``scenarios.twee_format``; this
module holds our mapping, also written up for trainers in ``scenarios/TWEE.md``.

* ``StoryTitle`` holds the title and ``StoryData`` the ``ifid`` and the ``start`` passage.
* One passage per node. The **passage name is kept**: the node's key is made from it
  ("See Kai" → ``see-kai``) and the name is stored on the node when it differs, so an
  export gives Twine the same name back. Links name passages, never keys.
* **Tags**: the node kind (``decision``, ``information`` or ``ending``) and, on endings,
  the outcome as ``outcome-protected-in-time``, ``outcome-protected-late`` or
  ``outcome-left-in-neglect``. Without a kind tag, a passage with no links is an ending,
  one link makes an information node and two or more a decision.
* **Passage text** is the narrative (HTML, or plain text with blank lines between
  paragraphs) followed by the links, one per line, in the order of the choices.
* **Passage metadata** is a flat JSON object of text and numbers, which any Twee 3 reader
  keeps: ``title`` (when it is not the passage name), ``case_record``, ``childs_voice``,
  ``age_stage``, ``ending_summary``, and for the n-th link ``linkN_weeks``,
  ``linkN_rating``, ``linkN_concepts`` (concept slugs separated by spaces),
  ``linkN_feedback``, and the choice's facts and conditions: ``linkN_sets``,
  ``linkN_requires`` and ``linkN_unless`` (fact names separated by spaces). Files from before December 2026 put the links' data in a list,
  ``links``; it is still read.
* A passage named ``ScenarioDetails`` (tag ``scenario-details``) holds the introduction as
  its text and, in its metadata, ``focus_concepts`` (separated by spaces), ``sources``,
  ``reflection_prompt``, ``estimated_minutes``, ``summary`` and ``slug``.

Safety: nothing in a file is ever run. Passages containing story-format code (SugarCube
``<<macros>>``, Harlowe ``(set:…)`` style macros, ``<script>``) are imported as plain,
escaped text with a warning; HTML is cleaned to the tags our rich text allows.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import uuid
from dataclasses import dataclass, field

import bleach
from django.utils.text import slugify

from learning_site.concepts import AgeStage, Concept
from learning_site.sanitise import sanitise_text
from scenarios import graph
from scenarios.models import NodeKind, Outcome, Rating, ScenarioPage
from scenarios.spec import (
    ChoiceSpec,
    NodeSpec,
    ScenarioSpec,
    create_draft_scenario,
    spec_from_page,
    spec_graph_nodes,
)
from scenarios.twee_format import (
    Link,
    Passage,
    TweeError,
    can_be_linked,
    extract_links,
    json_object,
    link_markup,
    parse_link,
    parse_passages,
    passage_header,
    passage_text,
)

__all__ = [
    "TweeError",
    "TweeImport",
    "export_twee",
    "import_twee",
    "parse_link",
    "parse_twee",
    "publishing_problems",
    "spec_to_twee",
]

STORY_TITLE = "StoryTitle"
STORY_DATA = "StoryData"
DETAILS_PASSAGE = "ScenarioDetails"
DETAILS_TAG = "scenario-details"
SPECIAL_PASSAGES = {STORY_TITLE, STORY_DATA, DETAILS_PASSAGE}
SKIPPED_TAGS = {"script", "stylesheet"}
KIND_TAGS = {kind.value for kind in NodeKind}
OUTCOME_TAG_PREFIX = "outcome-"
STORY_FORMAT = ("Harlowe", "3.3.9")
ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"*": ["data-block-key"], "a": ["href", "linktype", "id", "data-block-key"]}
CODE_PATTERNS = [
    (re.compile(r"\((?:[a-z][a-z0-9-]*):", re.I), "Harlowe macro"),
    (re.compile(r"<\s*script", re.I), "script"),
]
TAG_START = re.compile(r"<[a-zA-Z/]")
LINK_FIELD = re.compile(r"link(\d{1,6})_([a-z]+)")  # link1_weeks: the first link's weeks
MAX_WHOLE_NUMBER = 32_767  # weeks and minutes are stored as small whole numbers
MAX_PROBLEMS_NAMED = 10  # in the import message; the map shows them all
# Node fields kept in passage metadata, as (metadata key, NodeSpec attribute).
NODE_METADATA = [
    ("case_record", "case_record"),
    ("childs_voice", "childs_voice"),
    ("age_stage", "age_stage"),
    ("ending_summary", "ending_summary"),
]


@dataclass
class TweeImport:
    spec: ScenarioSpec
    warnings: list[str] = field(default_factory=list)


@dataclass
class StoryData:
    ifid: str
    start: str | None  # the start passage's name, when StoryData gives one
    line: int  # StoryData's header line, for messages


# --- reading: values ---------------------------------------------------------------------
def _find_code(text: str) -> tuple[int, str] | None:
    """Where story-format code in ``text`` starts, and what it is (SugarCube, then
    Harlowe, then script)."""
    # A SugarCube macro is "<<" with ">>" after it, found with str.find: the regex
    # "<<.*?>>" tried every "<<" against the rest of the text (minutes for a long line).
    opening = text.find("<<")
    if opening != -1 and text.find(">>", opening + 2) != -1:
        return opening, "SugarCube macro"
    for pattern, what in CODE_PATTERNS:
        match = pattern.search(text)
        if match:
            return match.start(), what
    return None


def _has_tags(text: str) -> bool:
    """Whether ``text`` has an HTML tag: "<" and a letter or "/" before a later ">". (The
    regex "<[a-zA-Z/][^>]*>" did the same, but tried every "<a" against the rest of
    the text when no ">" followed.)"""
    return TAG_START.search(text, 0, text.rfind(">")) is not None


def _narrative_html(text: str, passage: Passage, warnings: list[str]) -> str:
    code = _find_code(text)
    if code:
        offset, what = code
        line = passage.text_start + text.count("\n", 0, offset)
        warnings.append(
            f"Line {line}: passage “{passage.name}” contains story-format code ({what}). "
            "It was imported as plain text and will not run."
        )
        return _paragraphs(html.escape(text))
    if _has_tags(text):
        cleaned = bleach.clean(
            text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True, strip_comments=True
        ).strip()
        return cleaned if cleaned.startswith("<") else _paragraphs(cleaned)
    return _paragraphs(html.escape(text))


def _paragraphs(escaped: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", escaped) if b.strip()]
    return "".join(f"<p>{b.replace(chr(10), '<br/>')}</p>" for b in blocks)


def _plain(value, passage: Passage, key: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise TweeError(passage.line, f"“{key}” in the metadata of “{passage.name}” must be text.")
    return sanitise_text(value)


def _concepts(value, passage: Passage) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list) or any(v not in Concept.values for v in value):
        raise TweeError(
            passage.line,
            f"“concepts” in “{passage.name}” must be a list of: {', '.join(Concept.values)}.",
        )
    return list(value)


def _int(value, passage: Passage, key: str, default: int = 0) -> int:
    if value in (None, ""):
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WHOLE_NUMBER:
        raise TweeError(
            passage.line,
            f"“{key}” in “{passage.name}” must be a whole number from 0 to {MAX_WHOLE_NUMBER:,}.",
        )
    return value


# --- reading: the story ------------------------------------------------------------------
def parse_twee(source: str) -> TweeImport:
    """Read a Twee 3 file into a :class:`ScenarioSpec`. Raises :class:`TweeError`."""
    passages = parse_passages(source)
    by_name = {p.name: p for p in passages}
    warnings: list[str] = []
    title = _story_title(by_name.get(STORY_TITLE))
    data = _story_data(by_name.get(STORY_DATA))
    story = _story_passages(passages, warnings)
    keys = _node_keys(story)
    start = _start_passage(data, story)
    spec = ScenarioSpec(
        title=title,
        slug=slugify(title)[:80] or "imported-scenario",
        introduction="<p>Imported from Twine.</p>",
        nodes=[_node(p, keys, p.name == start, warnings) for p in story],
        ifid=data.ifid,
    )
    if DETAILS_PASSAGE in by_name:
        _read_details(by_name[DETAILS_PASSAGE], spec, warnings)
    return TweeImport(spec=spec, warnings=warnings)


def _story_title(passage: Passage | None) -> str:
    if passage is None or not passage.text.strip():
        raise TweeError(1, "The file has no StoryTitle passage with the scenario’s title.")
    return _plain(passage.text.strip().split("\n")[0], passage, "title")[:255]


def _story_data(passage: Passage | None) -> StoryData:
    if passage is None:
        raise TweeError(1, "The file has no StoryData passage (it holds the IFID and start).")
    data = json_object(
        passage.text or "{}",
        "StoryData",
        lambda error: passage.text_start + error.lineno - 1 if error else passage.line,
    )
    if not data.get("ifid"):
        raise TweeError(passage.line, "StoryData needs an “ifid”.")
    try:
        ifid = str(uuid.UUID(str(data["ifid"]))).upper()
    except ValueError as error:
        raise TweeError(passage.line, "The IFID in StoryData is not a valid UUID.") from error
    start = data.get("start") or None
    if start is not None and not isinstance(start, str):
        raise TweeError(
            passage.line,
            "StoryData’s “start” must be the name of a passage, in quotes, "
            'for example "start": "Start".',
        )
    return StoryData(ifid=ifid, start=start, line=passage.line)


def _story_passages(passages: list[Passage], warnings: list[str]) -> list[Passage]:
    """The passages that become nodes: all but the special ones, scripts and styles."""
    story = []
    for p in passages:
        if SKIPPED_TAGS.intersection(p.tags):
            warnings.append(
                f"Line {p.line}: passage “{p.name}” is story code or style and was skipped."
            )
        elif p.name not in SPECIAL_PASSAGES:
            story.append(p)
    if not story:
        raise TweeError(1, "The file has no story passages.")
    return story


def _node_keys(story: list[Passage]) -> dict[str, str]:
    """Each passage's node key: its name made into a slug, unique in the scenario."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for p in story:
        base = slugify(p.name)[:55] or "node"
        key = next(
            k
            for k in itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))
            if k not in used
        )
        used.add(key)
        keys[p.name] = key
    return keys


def _start_passage(data: StoryData, story: list[Passage]) -> str:
    start = data.start or story[0].name
    if start not in {p.name for p in story}:
        raise TweeError(data.line, f"StoryData’s start passage “{start}” does not exist.")
    return start


def _read_details(details: Passage, spec: ScenarioSpec, warnings: list[str]) -> None:
    meta = details.metadata
    spec.introduction = _narrative_html(details.text, details, warnings) or spec.introduction
    spec.focus_concepts = _concepts(meta.get("focus_concepts"), details)
    sources = meta.get("sources") or ""
    spec.sources = (
        bleach.clean(sources, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)
        if isinstance(sources, str)
        else ""
    )
    spec.reflection_prompt = _plain(meta.get("reflection_prompt"), details, "reflection_prompt")
    spec.estimated_minutes = _int(meta.get("estimated_minutes"), details, "estimated_minutes", 15)
    spec.search_description = _plain(meta.get("summary"), details, "summary")
    if meta.get("slug"):
        spec.slug = slugify(str(meta["slug"]))[:80] or spec.slug


# --- reading: one passage, one node ------------------------------------------------------
def _node(p: Passage, keys: dict[str, str], is_start: bool, warnings: list[str]) -> NodeSpec:
    links, text = extract_links(p)
    link_data = _link_metadata(p, len(links), warnings)
    meta = p.metadata
    age_stage = meta.get("age_stage") or ""
    if age_stage not in ("", *AgeStage.values):
        raise TweeError(p.line, f"Unknown age_stage “{age_stage}” on “{p.name}”.")
    return NodeSpec(
        key=keys[p.name],
        passage_name="" if p.name == keys[p.name] else p.name,
        title=(_plain(meta.get("title"), p, "title") or p.name)[:200],
        kind=_kind(p, links),
        narrative=_narrative_html(text, p, warnings),
        choices=[
            _choice(p, link, data, keys, warnings)
            for link, data in zip(links, link_data, strict=True)
        ],
        is_start=is_start,
        case_record=_plain(meta.get("case_record"), p, "case_record"),
        childs_voice=_plain(meta.get("childs_voice"), p, "childs_voice"),
        age_stage=age_stage,
        outcome=_outcome(p),
        ending_summary=_plain(meta.get("ending_summary"), p, "ending_summary"),
    )


def _kind(p: Passage, links: list[Link]) -> str:
    """The kind tag, or else the kind the number of links suggests."""
    kind_tags = [t for t in p.tags if t in KIND_TAGS]
    if len(kind_tags) > 1:
        raise TweeError(p.line, f"“{p.name}” has more than one kind tag: {' '.join(kind_tags)}.")
    if kind_tags:
        return kind_tags[0]
    if not links:
        return graph.ENDING
    return graph.INFORMATION if len(links) == 1 else graph.DECISION


def _outcome(p: Passage) -> str:
    outcomes = [
        t[len(OUTCOME_TAG_PREFIX) :].replace("-", "_")
        for t in p.tags
        if t.startswith(OUTCOME_TAG_PREFIX)
    ]
    if outcomes and outcomes[0] not in Outcome.values:
        raise TweeError(
            p.line,
            f"Unknown outcome tag on “{p.name}”: use one of "
            + ", ".join(OUTCOME_TAG_PREFIX + o.replace("_", "-") for o in Outcome.values)
            + ".",
        )
    return outcomes[0] if outcomes else ""


def _link_metadata(p: Passage, count: int, warnings: list[str]) -> list[dict]:
    """For each of the passage's ``count`` links, in order, its data from the metadata:
    the flat ``linkN_field`` keys, or (in older files) the ``links`` list."""
    if p.metadata.get("links"):
        described, data = _listed_link_metadata(p)
        if described != count:
            warnings.append(
                f"Line {p.line}: “{p.name}” has {count} links but metadata for "
                f"{described}; missing values were left blank."
            )
    else:
        described, data = _flat_link_metadata(p, count)
        if described > count:
            warnings.append(
                f"Line {p.line}: “{p.name}” has {count} links but metadata for link "
                f"{described}; it was ignored."
            )
    return (data + [{}] * count)[:count]


def _listed_link_metadata(p: Passage) -> tuple[int, list[dict]]:
    listed = p.metadata["links"]
    if not isinstance(listed, list):
        raise TweeError(p.line, f"“links” in the metadata of “{p.name}” must be a list.")
    return len(listed), [item if isinstance(item, dict) else {} for item in listed]


def _flat_link_metadata(p: Passage, count: int) -> tuple[int, list[dict]]:
    data: list[dict] = [{} for _ in range(count)]
    described = 0
    for key, value in p.metadata.items():
        match = LINK_FIELD.fullmatch(key)
        if match is None:
            continue
        number = int(match[1])
        described = max(described, number)
        if 1 <= number <= count:
            data[number - 1][match[2]] = value
    return described, data


def _choice(
    p: Passage, link: Link, data: dict, keys: dict[str, str], warnings: list[str]
) -> ChoiceSpec:
    rating = data.get("rating") or ""
    if rating not in ("", *Rating.values):
        raise TweeError(
            link.line, f"Unknown rating “{rating}”: use one of {', '.join(Rating.values)}."
        )
    if link.target not in keys:
        warnings.append(
            f"Line {link.line}: the link “{link.label}” goes to “{link.target}”, which "
            "is not a passage. Fix it before publishing."
        )
    return ChoiceSpec(
        label=_plain(link.label, p, "label")[:255],
        target=keys.get(link.target, slugify(link.target)[:60] or "missing"),
        weeks=_int(data.get("weeks"), p, "weeks"),
        rating=rating,
        concepts=_concepts(data.get("concepts"), p),
        feedback=_plain(data.get("feedback"), p, "feedback"),
        sets=_facts(data.get("sets"), link),
        requires=_facts(data.get("requires"), link, graph.is_condition_name),
        unless=_facts(data.get("unless"), link, graph.is_condition_name),
    )


def _facts(value, link: Link, allowed=graph.FACT_NAME.fullmatch) -> list[str]:
    """Fact names from a link's metadata (text, separated by spaces); in conditions,
    also earlier choices ("chose:first-visit/see-kai-alone")."""
    if value in (None, ""):
        return []
    names = graph.fact_names(value) if isinstance(value, str) else ()
    if not names or not all(allowed(name) for name in names):
        raise TweeError(
            link.line,
            f"The facts of the link “{link.label}” must be text: names in lower-case "
            "letters, numbers and hyphens, separated by spaces, such as “saw-child-alone”"
            + (
                ", or earlier choices such as “chose:first-visit/see-kai-alone”."
                if allowed is not graph.FACT_NAME.fullmatch
                else "."
            ),
        )
    return list(names)


# --- writing -----------------------------------------------------------------------------
def export_twee(page: ScenarioPage) -> str:
    return spec_to_twee(spec_from_page(page))


def spec_to_twee(spec: ScenarioSpec) -> str:
    """The Twee 3 text for ``spec`` (what ``export_twee`` writes for a page)."""
    names = passage_names(spec.nodes)
    placed = graph.layout(spec_graph_nodes(spec))
    start = next((n.key for n in spec.nodes if n.is_start), spec.nodes[0].key if spec.nodes else "")
    out = [
        f":: {STORY_TITLE}",
        spec.title,
        "",
        f":: {STORY_DATA}",
        json.dumps(
            {
                "ifid": spec.ifid,
                "format": STORY_FORMAT[0],
                "format-version": STORY_FORMAT[1],
                "start": names.get(start, start),
                "zoom": 1,
            },
            indent=2,
        ),
        "",
        passage_header(DETAILS_PASSAGE, [DETAILS_TAG], _details_metadata(spec)),
        passage_text(spec.introduction),
        "",
    ]
    for node in spec.nodes:
        position = (placed.levels.get(node.key, 0), placed.rows.get(node.key, 0))
        out.append(
            passage_header(
                names[node.key], _node_tags(node), _node_metadata(node, names[node.key], position)
            )
        )
        out.append(passage_text(node.narrative))
        if node.choices:
            out.append("")
            out.extend(link_markup(c.label, names.get(c.target, c.target)) for c in node.choices)
        out.append("")
    return "\n".join(out)


def passage_names(nodes: list[NodeSpec]) -> dict[str, str]:
    """Each node key's passage name: the name it came from Twine with, else the key,
    else the key numbered; never a special passage's name, never one used twice."""
    names: dict[str, str] = {}
    used = set(SPECIAL_PASSAGES)
    for node in nodes:
        if node.key in names:
            continue  # a second node with the key: links reach only the first
        candidates = itertools.chain(
            [node.passage_name, node.key], (f"{node.key}-{n}" for n in itertools.count(2))
        )
        name = next(c for c in candidates if can_be_linked(c) and c not in used)
        names[node.key] = name
        used.add(name)
    return names


def _details_metadata(spec: ScenarioSpec) -> dict:
    return {
        "position": "100,-150",
        "size": "100,100",
        "slug": spec.slug,
        "summary": spec.search_description,
        "focus_concepts": " ".join(spec.focus_concepts),
        "estimated_minutes": spec.estimated_minutes,
        "reflection_prompt": spec.reflection_prompt,
        "sources": spec.sources,
    }


def _node_tags(node: NodeSpec) -> list[str]:
    tags = [node.kind]
    if node.outcome:
        tags.append(OUTCOME_TAG_PREFIX + node.outcome.replace("_", "-"))
    return tags


def _node_metadata(node: NodeSpec, name: str, position: tuple[int, int]) -> dict:
    column, row = position
    metadata: dict = {"position": f"{100 + 200 * column},{100 + 150 * row}", "size": "100,100"}
    if node.title != name:
        metadata["title"] = node.title
    for key, attribute in NODE_METADATA:
        if getattr(node, attribute):
            metadata[key] = getattr(node, attribute)
    for number, choice in enumerate(node.choices, start=1):
        for key, value in (
            ("weeks", choice.weeks),
            ("rating", choice.rating),
            ("concepts", " ".join(choice.concepts)),
            ("feedback", choice.feedback),
            ("sets", " ".join(choice.sets)),
            ("requires", " ".join(choice.requires)),
            ("unless", " ".join(choice.unless)),
        ):
            if value:
                metadata[f"link{number}_{key}"] = value
    return metadata


# --- importing ---------------------------------------------------------------------------
def import_twee(source: str, parent, *, user=None) -> tuple[ScenarioPage, list[str]]:
    """Create a new draft scenario under ``parent`` from Twee text. A file that cannot be
    read raises :class:`TweeError`; a graph that cannot be published yet (a broken link,
    an unreachable passage) still comes in, as a draft, with warnings naming the passages."""
    result = parse_twee(source)
    spec = result.spec
    spec.slug = _free_slug(parent, spec.slug)
    page = create_draft_scenario(parent, spec, user=user)
    return page, [*result.warnings, *publishing_problems(spec)]


def _free_slug(parent, slug: str) -> str:
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidates = itertools.chain([slug], (f"{slug}-{n}" for n in itertools.count(2)))
    return next(s for s in candidates if s not in taken)


def publishing_problems(spec: ScenarioSpec) -> list[str]:
    """What stops the draft being published, by passage name. Links to passages that do
    not exist were already named, with their lines, as the file was read."""
    problems = [
        error
        for error in graph.validate_graph(spec_graph_nodes(spec))
        if error.code != graph.MISSING_TARGET
    ]
    if not problems:
        return []
    named = []
    for error in problems[:MAX_PROBLEMS_NAMED]:
        if error.node is None:
            named.append(error.message)
        else:
            node = spec.nodes[error.node]
            named.append(f"“{node.passage_name or node.key}”: {error.message}")
    more = len(problems) - len(named)
    return [
        f"The draft cannot be published until {len(problems):,} problem(s) in its graph are "
        "fixed (the map shows them all): "
        + " ".join(named)
        + (f" And {more:,} more." if more else "")
    ]
