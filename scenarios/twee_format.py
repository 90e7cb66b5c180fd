"""The Twee 3 text format itself: passages, headers, links and escaping.

Twee 3 is the text format of the Twine 2 specification
(https://github.com/iftechfoundation/twine-specs/blob/master/twee-3-specification.md).
A file is a list of passages, each starting with a header line::

    :: Name [tag1 tag2] {"position":"100,100","size":"100,100"}

Links in passage text take the four Twine forms ``[[Target]]``, ``[[label|Target]]``,
``[[label->Target]]`` and ``[[Target<-label]]``. Nothing here knows about scenarios;
``scenarios.twee`` maps passages to nodes and back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# What a scenario can use. A file is refused, with the line, when it goes past these.
MAX_JSON_DEPTH = 10  # ours are flat; exports before December 2026 went 4 deep
MAX_PASSAGE_CHARACTERS = 20_000  # a node's narrative is a few paragraphs
MAX_NAME_CHARACTERS = 255  # a passage name is kept on its node (ScenarioNode.passage_name)
# Other readers find a header's metadata by its last "{" and "}" and its tags by its
# last "[" and "]" (extwee does), so metadata we write has none inside its strings.
BRACKET_ESCAPES = str.maketrans({c: f"\\u{ord(c):04x}" for c in "[]{}"})


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


# --- reading ---------------------------------------------------------------------------
def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def _parse_header(line: str, number: int) -> Passage:
    rest = line[2:].strip()
    # The name runs to the first unescaped "[" or "{".
    match = re.match(r"((?:\\.|[^\\\[{])*)", rest)
    name = _unescape(match.group(1)).strip()
    rest = rest[match.end() :].strip()
    if not name:
        raise TweeError(number, "A passage header needs a name after “::”.")
    if len(name) > MAX_NAME_CHARACTERS:
        raise TweeError(
            number,
            f"The passage name “{name[:40]}…” is longer than {MAX_NAME_CHARACTERS} characters.",
        )
    tags: list[str] = []
    if rest.startswith("["):
        close = re.match(r"\[((?:\\.|[^\\\]])*)\]", rest)
        if close is None:
            raise TweeError(number, f"The tag list of “{name}” has no closing “]”.")
        tags = [_unescape(t) for t in close.group(1).split()]
        rest = rest[close.end() :].strip()
    metadata: dict = {}
    if rest.startswith("{"):
        metadata = json_object(rest, f"The metadata of “{name}”", lambda error: number)
        rest = ""
    if rest:
        raise TweeError(number, f"Unexpected text after the header of “{name}”: “{rest[:40]}”.")
    return Passage(name=name, tags=tags, metadata=metadata, text="", line=number)


def json_object(text: str, what: str, line_of) -> dict:
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
    """Every passage in a Twee file, in order; a :class:`TweeError` naming the line for a
    file that is not Twee or that holds more than a scenario can use."""
    passages = _split_passages(_plain_text(source))
    _check_lengths(passages)
    _check_names_unique(passages)
    return passages


def _plain_text(source: str) -> str:
    source = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in source:
        line = source.count("\n", 0, source.index("\x00")) + 1
        raise TweeError(
            line, "The file contains a null character, so it is not plain text from Twine."
        )
    return source


def _split_passages(source: str) -> list[Passage]:
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
    return passages


def _check_lengths(passages: list[Passage]) -> None:
    for passage in passages:
        if len(passage.text) > MAX_PASSAGE_CHARACTERS:
            raise TweeError(
                passage.line,
                f"The text of “{passage.name}” is longer than {MAX_PASSAGE_CHARACTERS:,} "
                "characters. Split it into shorter passages.",
            )


def _check_names_unique(passages: list[Passage]) -> None:
    seen: dict[str, int] = {}
    for passage in passages:
        if passage.name in seen:
            raise TweeError(
                passage.line,
                f"A second passage named “{passage.name}” (the first is on line "
                f"{seen[passage.name]}). Passage names must be unique.",
            )
        seen[passage.name] = passage.line


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


# --- writing ---------------------------------------------------------------------------
def escape_name(value: str) -> str:
    return re.sub(r"([\\\[\]{}])", r"\\\1", value)


def passage_header(name: str, tags: list[str], metadata: dict) -> str:
    """A header line. ``metadata`` must be flat (text, numbers, true/false): readers of
    Twee keep it as a JSON object of scalars, and Twine itself reads only "position" and
    "size"."""
    tag_text = f" [{' '.join(tags)}]" if tags else ""
    meta_text = json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))
    meta_text = "{" + meta_text[1:-1].translate(BRACKET_ESCAPES) + "}"
    return f":: {escape_name(name)}{tag_text} {meta_text}"


def passage_text(value: str) -> str:
    """Passage text with any line that would read as a header escaped, as the spec says."""
    return "\n".join("\\" + line if line.startswith("::") else line for line in value.split("\n"))


def link_markup(label: str, target: str) -> str:
    """A link Twine and its story formats read as going to ``target``: the short form
    ``[[Target]]`` only when it cannot be read as another form."""
    if label == target and not any(mark in target for mark in ("|", "->", "<-")):
        return f"[[{target}]]"
    return f"[[{label}->{target}]]"


def can_be_linked(name: str) -> bool:
    """Whether a link can name this passage: Twine reads the target after the last "->"
    and ends a link at the first "]]"."""
    return (
        bool(name)
        and name == name.strip()
        and len(name) <= MAX_NAME_CHARACTERS
        and not any(mark in name for mark in ("->", "[[", "]]", "][", "\n"))
    )
