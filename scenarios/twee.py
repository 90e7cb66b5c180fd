"""Twee 3 import and export for scenarios.

Twee 3 is the text format of the Twine 2 specification
(https://github.com/iftechfoundation/twine-specs/blob/master/twee-3-specification.md).
A file is a list of passages, each starting with a header line::

    :: Name [tag1 tag2] {"position":"100,100","size":"100,100"}

``StoryTitle`` holds the title and ``StoryData`` a JSON object with the ``ifid`` and the
``start`` passage. Links in passage text take the four Twine forms ``[[Target]]``,
``[[label|Target]]``, ``[[label->Target]]`` and ``[[Target<-label]]``.

Our convention (also in ``scenarios/TWEE.md``)
----------------------------------------------
* One passage per node. The passage **name is the node key**; the node's title is
  ``"title"`` in the passage metadata (an imported passage without one uses its name).
* **Tags**: the node kind (``decision``, ``information`` or ``ending``) and, on endings,
  the outcome as ``outcome-protected-in-time``, ``outcome-protected-late`` or
  ``outcome-left-in-neglect``. Without a kind tag, a passage with no links is an ending,
  one link makes an information node and two or more a decision.
* **Passage text** is the narrative (HTML, or plain text with blank lines between
  paragraphs) followed by the links, one per line, in the order of the choices.
* **Passage metadata** (JSON) carries the rest: ``title``, ``case_record``,
  ``childs_voice``, ``age_stage``, ``ending_summary``, and ``links``: a list with one
  object per link, in order, with ``weeks``, ``rating``, ``concepts`` and ``feedback``.
* A passage named ``ScenarioDetails`` (tag ``scenario-details``) holds the introduction as
  its text and, in its metadata, ``focus_concepts``, ``sources``, ``reflection_prompt``,
  ``estimated_minutes``, ``summary`` and ``slug``.

Safety: nothing in a file is ever run. Passages containing story-format code (SugarCube
``<<macros>>``, Harlowe ``(set:…)`` style macros, ``<script>``) are imported as plain,
escaped text with a warning; HTML is cleaned to the tags our rich text allows.
"""

from __future__ import annotations

import html
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
from scenarios.spec import ChoiceSpec, NodeSpec, ScenarioSpec, apply_spec, spec_from_page

DETAILS_PASSAGE = "ScenarioDetails"
DETAILS_TAG = "scenario-details"
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
# What a scenario can use. A file is refused, with the line, when it goes past these.
MAX_JSON_DEPTH = 10  # ours go 4 deep: metadata → "links" → one link → "concepts"
MAX_PASSAGE_CHARACTERS = 20_000  # a node's narrative is a few paragraphs
MAX_WHOLE_NUMBER = 32_767  # weeks and minutes are stored as small whole numbers


class TweeError(ValueError):
    """A malformed file. ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(f"Line {line}: {message}")
        self.line = line
        self.message = message


@dataclass
class Passage:
    name: str
    tags: list[str]
    metadata: dict
    text: str
    line: int  # the header's line number
    text_start: int = 0  # the first text line's number


@dataclass
class TweeImport:
    spec: ScenarioSpec
    warnings: list[str] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------
def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def _escape(value: str) -> str:
    return re.sub(r"([\\\[\]{}])", r"\\\1", value)


def _parse_header(line: str, number: int) -> Passage:
    rest = line[2:].strip()
    # The name runs to the first unescaped "[" or "{".
    match = re.match(r"((?:\\.|[^\\\[{])*)", rest)
    name = _unescape(match.group(1)).strip()
    rest = rest[match.end() :].strip()
    if not name:
        raise TweeError(number, "A passage header needs a name after “::”.")
    tags: list[str] = []
    if rest.startswith("["):
        close = re.match(r"\[((?:\\.|[^\\\]])*)\]", rest)
        if close is None:
            raise TweeError(number, f"The tag list of “{name}” has no closing “]”.")
        tags = [_unescape(t) for t in close.group(1).split()]
        rest = rest[close.end() :].strip()
    metadata: dict = {}
    if rest.startswith("{"):
        metadata = _json_object(rest, f"The metadata of “{name}”", lambda error: number)
        rest = ""
    if rest:
        raise TweeError(number, f"Unexpected text after the header of “{name}”: “{rest[:40]}”.")
    return Passage(name=name, tags=tags, metadata=metadata, text="", line=number)


def _json_object(text: str, what: str, line_of) -> dict:
    """``text`` as a JSON object, or a :class:`TweeError` saying why not. ``what`` names
    it in the message; ``line_of(error)`` gives the line (``None`` for the first)."""
    too_deep = TweeError(
        line_of(None),
        f"{what} has lists or objects nested more than {MAX_JSON_DEPTH} deep. "
        "Scenarios use at most 4.",
    )
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise TweeError(line_of(error), f"{what} is not valid JSON ({error.msg}).") from error
    except RecursionError:
        # The decoder goes as deep as the text does, until Python's recursion limit.
        raise too_deep from None
    if not isinstance(value, dict):
        raise TweeError(line_of(None), f"{what} must be a JSON object.")
    if _nesting_depth(value) > MAX_JSON_DEPTH:
        raise too_deep
    return value


def _nesting_depth(value) -> int:
    """How deep the lists and objects in a decoded JSON value go (without recursion)."""
    deepest, waiting = 0, [(value, 1)]
    while waiting:
        item, depth = waiting.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        waiting.extend((child, depth + 1) for child in item)
    return deepest


def parse_passages(source: str) -> list[Passage]:
    source = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in source:
        line = source.count("\n", 0, source.index("\x00")) + 1
        raise TweeError(
            line, "The file contains a null character, so it is not plain text from Twine."
        )
    passages: list[Passage] = []
    body: list[str] = []
    for number, line in enumerate(source.split("\n"), start=1):
        if line.startswith("::"):
            if passages:
                passages[-1].text = "\n".join(body).strip("\n")
            passages.append(_parse_header(line, number))
            passages[-1].text_start = number + 1
            body = []
        elif passages:
            # The spec escapes passage lines that would read as a header: "\::".
            body.append(line[1:] if line.startswith("\\::") else line)
        elif line.strip():
            raise TweeError(number, "Text before the first passage header (a line starting “::”).")
    if passages:
        passages[-1].text = "\n".join(body).strip("\n")
    if not passages:
        raise TweeError(1, "No passages found. Each passage starts with a line “:: Name”.")
    for passage in passages:
        if len(passage.text) > MAX_PASSAGE_CHARACTERS:
            raise TweeError(
                passage.line,
                f"The text of “{passage.name}” is longer than {MAX_PASSAGE_CHARACTERS:,} "
                "characters. Split it into shorter passages.",
            )
    seen: dict[str, int] = {}
    for passage in passages:
        if passage.name in seen:
            raise TweeError(
                passage.line,
                f"A second passage named “{passage.name}” (the first is on line "
                f"{seen[passage.name]}). Passage names must be unique.",
            )
        seen[passage.name] = passage.line
    return passages


def _link_spans(text: str):
    """(start, end, inside) of each ``[[…]]``, as the regex ``\\[\\[(.*?)\\]\\]`` would find
    them, with str.find: the regex tried every unclosed "[[" against the rest of the text,
    which took seconds for a long passage of them."""
    position = 0
    while (start := text.find("[[", position)) != -1:
        end = text.find("]]", start + 2)
        if end == -1:
            return
        yield start, end + 2, text[start + 2 : end]
        position = end + 2


@dataclass
class Link:
    label: str
    target: str
    line: int


def parse_link(inner: str) -> tuple[str, str]:
    """Split the inside of ``[[…]]`` into (label, target), as Twine does: the rightmost
    "->", else the leftmost "<-", else the first "|", else the text is both."""
    inner = inner.split("][", 1)[0]  # drop a SugarCube setter component
    if "->" in inner:
        label, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, label = inner.split("<-", 1)
    elif "|" in inner:
        label, target = inner.split("|", 1)
    else:
        label = target = inner
    return label.strip(), target.strip()


def extract_links(passage: Passage) -> tuple[list[Link], str]:
    links, kept, position = [], [], 0
    for start, end, inside in _link_spans(passage.text):
        kept.append(passage.text[position:start])
        position = end
        line = passage.text_start + passage.text.count("\n", 0, start)
        label, target = parse_link(inside)
        if not target:
            raise TweeError(line, f"A link in “{passage.name}” has no target.")
        links.append(Link(label or target, target, line))
    remaining = "".join(kept) + passage.text[position:]
    # An opening "[[" left over means a link was never closed.
    if "[[" in remaining:
        offset = remaining.index("[[")
        line = passage.text_start + remaining.count("\n", 0, offset)
        raise TweeError(line, f"A link in “{passage.name}” opens with “[[” but never closes.")
    return links, remaining.strip()


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


def parse_twee(source: str) -> TweeImport:
    """Read a Twee 3 file into a :class:`ScenarioSpec`. Raises :class:`TweeError`."""
    passages = parse_passages(source)
    warnings: list[str] = []
    by_name = {p.name: p for p in passages}
    title_passage = by_name.get("StoryTitle")
    if title_passage is None or not title_passage.text.strip():
        raise TweeError(1, "The file has no StoryTitle passage with the scenario’s title.")
    data_passage = by_name.get("StoryData")
    if data_passage is None:
        raise TweeError(1, "The file has no StoryData passage (it holds the IFID and start).")
    story_data = _json_object(
        data_passage.text or "{}",
        "StoryData",
        lambda error: data_passage.text_start + error.lineno - 1 if error else data_passage.line,
    )
    if not story_data.get("ifid"):
        raise TweeError(data_passage.line, "StoryData needs an “ifid”.")
    try:
        ifid = str(uuid.UUID(str(story_data["ifid"]))).upper()
    except ValueError as error:
        raise TweeError(data_passage.line, "The IFID in StoryData is not a valid UUID.") from error

    details = by_name.get(DETAILS_PASSAGE)
    story_passages = [
        p
        for p in passages
        if p.name not in ("StoryTitle", "StoryData", DETAILS_PASSAGE)
        and "script" not in p.tags
        and "stylesheet" not in p.tags
    ]
    for p in passages:
        if "script" in p.tags or "stylesheet" in p.tags:
            warnings.append(
                f"Line {p.line}: passage “{p.name}” is story code or style and was skipped."
            )
    if not story_passages:
        raise TweeError(1, "The file has no story passages.")

    # Passage names become node keys; Twine names may have spaces, so slugify uniquely.
    keys: dict[str, str] = {}
    used: set[str] = set()
    for p in story_passages:
        base = slugify(p.name)[:55] or "node"
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        keys[p.name] = key

    start_name = story_data.get("start") or story_passages[0].name
    if not isinstance(start_name, str):
        raise TweeError(
            data_passage.line,
            "StoryData’s “start” must be the name of a passage, in quotes, "
            'for example "start": "Start".',
        )
    if start_name not in keys:
        raise TweeError(
            data_passage.line, f"StoryData’s start passage “{start_name}” does not exist."
        )

    nodes = []
    for p in story_passages:
        links, text = extract_links(p)
        meta = p.metadata
        kind_tags = [t for t in p.tags if t in KIND_TAGS]
        if len(kind_tags) > 1:
            raise TweeError(
                p.line, f"“{p.name}” has more than one kind tag: {' '.join(kind_tags)}."
            )
        kind = (
            kind_tags[0]
            if kind_tags
            else (
                graph.ENDING
                if not links
                else graph.INFORMATION
                if len(links) == 1
                else graph.DECISION
            )
        )
        outcome_tags = [
            t[len(OUTCOME_TAG_PREFIX) :].replace("-", "_")
            for t in p.tags
            if t.startswith(OUTCOME_TAG_PREFIX)
        ]
        outcome = outcome_tags[0] if outcome_tags else ""
        if outcome and outcome not in Outcome.values:
            raise TweeError(
                p.line,
                f"Unknown outcome tag on “{p.name}”: use one of "
                + ", ".join(OUTCOME_TAG_PREFIX + o.replace("_", "-") for o in Outcome.values)
                + ".",
            )
        link_meta = meta.get("links") or []
        if not isinstance(link_meta, list):
            raise TweeError(p.line, f"“links” in the metadata of “{p.name}” must be a list.")
        if link_meta and len(link_meta) != len(links):
            warnings.append(
                f"Line {p.line}: “{p.name}” has {len(links)} links but metadata for "
                f"{len(link_meta)}; missing values were left blank."
            )
        choices = []
        for index, link in enumerate(links):
            extra = (
                link_meta[index]
                if index < len(link_meta) and isinstance(link_meta[index], dict)
                else {}
            )
            rating = extra.get("rating") or ""
            if rating not in ("", *Rating.values):
                raise TweeError(
                    link.line, f"Unknown rating “{rating}”: use one of {', '.join(Rating.values)}."
                )
            if link.target not in keys:
                warnings.append(
                    f"Line {link.line}: the link “{link.label}” goes to “{link.target}”, which "
                    "is not a passage. Fix it before publishing."
                )
            choices.append(
                ChoiceSpec(
                    label=_plain(link.label, p, "label")[:255],
                    target=keys.get(link.target, slugify(link.target)[:60] or "missing"),
                    weeks=_int(extra.get("weeks"), p, "weeks"),
                    rating=rating,
                    concepts=_concepts(extra.get("concepts"), p),
                    feedback=_plain(extra.get("feedback"), p, "feedback"),
                )
            )
        age_stage = meta.get("age_stage") or ""
        if age_stage not in ("", *AgeStage.values):
            raise TweeError(p.line, f"Unknown age_stage “{age_stage}” on “{p.name}”.")
        nodes.append(
            NodeSpec(
                key=keys[p.name],
                title=(_plain(meta.get("title"), p, "title") or p.name)[:200],
                kind=kind,
                narrative=_narrative_html(text, p, warnings),
                choices=choices,
                is_start=p.name == start_name,
                case_record=_plain(meta.get("case_record"), p, "case_record"),
                childs_voice=_plain(meta.get("childs_voice"), p, "childs_voice"),
                age_stage=age_stage,
                outcome=outcome,
                ending_summary=_plain(meta.get("ending_summary"), p, "ending_summary"),
            )
        )

    title = _plain(title_passage.text.strip().split("\n")[0], title_passage, "title")[:255]
    spec = ScenarioSpec(
        title=title,
        slug=slugify(title)[:80] or "imported-scenario",
        introduction="<p>Imported from Twine.</p>",
        nodes=nodes,
        ifid=ifid,
    )
    if details is not None:
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
        spec.estimated_minutes = _int(
            meta.get("estimated_minutes"), details, "estimated_minutes", 15
        )
        spec.search_description = _plain(meta.get("summary"), details, "summary")
        if meta.get("slug"):
            spec.slug = slugify(str(meta["slug"]))[:80] or spec.slug
    return TweeImport(spec=spec, warnings=warnings)


# --- writing ---------------------------------------------------------------------------
def _header(name: str, tags: list[str], metadata: dict) -> str:
    tag_text = f" [{' '.join(tags)}]" if tags else ""
    meta_text = " " + json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))
    return f":: {_escape(name)}{tag_text}{meta_text}"


def _text(value: str) -> str:
    """Passage text with any line that would read as a header escaped, as the spec says."""
    return "\n".join("\\" + line if line.startswith("::") else line for line in value.split("\n"))


def _link(label: str, target: str) -> str:
    if label == target:
        return f"[[{target}]]"
    return f"[[{label}->{target}]]"


def export_twee(page: ScenarioPage) -> str:
    spec = spec_from_page(page)
    placed = graph.layout(page.graph_nodes())
    start = next((n.key for n in spec.nodes if n.is_start), spec.nodes[0].key if spec.nodes else "")
    out = [
        ":: StoryTitle",
        spec.title,
        "",
        ":: StoryData",
        json.dumps(
            {
                "ifid": spec.ifid,
                "format": STORY_FORMAT[0],
                "format-version": STORY_FORMAT[1],
                "start": start,
                "zoom": 1,
            },
            indent=2,
        ),
        "",
        _header(
            DETAILS_PASSAGE,
            [DETAILS_TAG],
            {
                "position": "100,-150",
                "size": "100,100",
                "slug": spec.slug,
                "summary": spec.search_description,
                "focus_concepts": spec.focus_concepts,
                "estimated_minutes": spec.estimated_minutes,
                "reflection_prompt": spec.reflection_prompt,
                "sources": spec.sources,
            },
        ),
        _text(spec.introduction),
        "",
    ]
    for node in spec.nodes:
        tags = [node.kind]
        if node.outcome:
            tags.append(OUTCOME_TAG_PREFIX + node.outcome.replace("_", "-"))
        metadata = {
            "position": f"{100 + 200 * placed.levels.get(node.key, 0)},"
            f"{100 + 150 * placed.rows.get(node.key, 0)}",
            "size": "100,100",
            "title": node.title,
        }
        for key, value in (
            ("case_record", node.case_record),
            ("childs_voice", node.childs_voice),
            ("age_stage", node.age_stage),
            ("ending_summary", node.ending_summary),
        ):
            if value:
                metadata[key] = value
        if node.choices:
            metadata["links"] = [
                {
                    "weeks": c.weeks,
                    "rating": c.rating,
                    "concepts": c.concepts,
                    "feedback": c.feedback,
                }
                for c in node.choices
            ]
        out.append(_header(node.key, tags, metadata))
        out.append(_text(node.narrative))
        if node.choices:
            out.append("")
            out.extend(_link(c.label, c.target) for c in node.choices)
        out.append("")
    return "\n".join(out)


def import_twee(source: str, parent, *, user=None) -> tuple[ScenarioPage, list[str]]:
    """Create a new draft scenario under ``parent`` from Twee text."""
    result = parse_twee(source)
    spec = result.spec
    base, n = spec.slug, 2
    while parent.get_children().filter(slug=spec.slug).exists():
        spec.slug, n = f"{base}-{n}", n + 1
    page = apply_spec(ScenarioPage(), spec)
    page.live = False
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    warnings = list(result.warnings)
    problems = page.graph_errors()
    if problems:
        warnings.append(
            f"The graph has {len(problems)} problem(s) to fix before it can be published; "
            "see the map."
        )
    return page, warnings
