"""The demo modules, read from the YAML files in this folder (``seed_demo`` loads them).

One folder per module, in the order of its number (``01-recognising-neglect``):
``module.yaml`` holds the module's fields and its before and after questions, and each
other ``NN-lesson-slug.yaml`` one lesson, in the order of its number. A lesson's ``body``
is a list of lesson blocks, each written as ``- block_type: value`` with the fields of
``courses.blocks.LessonStreamBlock``, except that a ``scenario`` names its scenario by
``scenario_slug``, a ``digest_links`` block its digests by ``digest_slugs``, and
``sources`` is a list of citation names from ``sources.yaml``. Rich text (a ``text``
block, a key message's ``body``, a case vignette's ``summary``) is HTML with one
paragraph, heading or list item per line. ``CONTENT_SOURCES.md`` says how to edit.

``MODULES`` and ``BEFORE_AFTER`` are the loaded data, read on first use.
"""

from __future__ import annotations

from pathlib import Path

from courses.blocks import LessonStreamBlock
from learning_site.demo_files import DemoContentError, Mapping, read_yaml, require, rich_text

DIRECTORY = Path(__file__).parent
SOURCES_FILE = "sources.yaml"
MODULE_FILE = "module.yaml"
BLOCKS = LessonStreamBlock().child_blocks
RICH_TEXT_FIELDS = {"key_message": "body", "case_vignette": "summary"}
# Blocks that name pages by slug in the files (the seeder finds the pages).
BY_SLUG = {"scenario": {"scenario_slug", "intro"}, "digest_links": {"heading", "digest_slugs"}}
MODULE_FIELDS = {
    "slug": str,
    "title": str,
    "summary": str,
    "learning_outcomes": list,
    "audience": list,
    "estimated_minutes": int,
    "cpd_hours": (int, float),
    "pass_mark": int,
    "prerequisites": list,
    "before_after": list,
}
LESSON_FIELDS = {"slug": str, "title": str, "intro": str, "body": list}


def load_modules(directory: Path | None = None) -> list[dict]:
    """Every module in ``directory`` (this folder by default), in order, as dicts with
    their lessons; a :class:`DemoContentError` naming the file and line for a file that
    cannot be used."""
    return _load(Path(directory or DIRECTORY))


def _load(directory: Path) -> list[dict]:
    sources = _sources(directory / SOURCES_FILE)
    folders = sorted(p for p in directory.iterdir() if (p / MODULE_FILE).is_file())
    return [_module(folder, sources) for folder in folders]


def _sources(path: Path) -> dict[str, str]:
    data = read_yaml(path)
    for name, text in data.items():
        if not isinstance(text, str):
            raise DemoContentError(path, data.line, f"the citation “{name}” must be text.")
    return dict(data)


def _module(folder: Path, sources: dict[str, str]) -> dict:
    path = folder / MODULE_FILE
    data = read_yaml(path)
    require(path, data, MODULE_FIELDS)
    module = dict(data)
    module["cpd_hours"] = float(data["cpd_hours"])
    for question in data["before_after"]:
        _check_block(path, "question", question)
    module["lessons"] = [
        _lesson(lesson_path, sources)
        for lesson_path in sorted(folder.glob("*.yaml"))
        if lesson_path.name != MODULE_FILE
    ]
    return module


def _lesson(path: Path, sources: dict[str, str]) -> dict:
    data = read_yaml(path)
    require(path, data, LESSON_FIELDS)
    body = []
    for item in data["body"]:
        if not isinstance(item, Mapping) or len(item) != 1:
            raise DemoContentError(
                path,
                getattr(item, "line", data.line),
                "each item of “body” must be one block, written “- block_type: …”.",
            )
        ((block_type, value),) = item.items()
        body.append((block_type, _block_value(path, item.line, block_type, value, sources)))
    return {"slug": data["slug"], "title": data["title"], "intro": data["intro"], "body": body}


def _block_value(path: Path, line: int, block_type: str, value, sources: dict[str, str]):
    if block_type not in BLOCKS:
        raise DemoContentError(
            path, line, f"unknown block “{block_type}”; use one of {', '.join(BLOCKS)}."
        )
    if block_type == "text":
        if not isinstance(value, str):
            raise DemoContentError(path, line, "a text block holds rich text.")
        return rich_text(value)
    if block_type == "sources":
        if not isinstance(value, list) or not value:
            raise DemoContentError(path, line, "“sources” is a list of citation names.")
        unknown = [name for name in value if name not in sources]
        if unknown:
            raise DemoContentError(
                path, line, f"no citation named {', '.join(map(str, unknown))} in {SOURCES_FILE}."
            )
        return {"items": [sources[name] for name in value]}
    _check_block(path, block_type, value, line)
    if block_type in RICH_TEXT_FIELDS:
        field = RICH_TEXT_FIELDS[block_type]
        value = {**value, field: rich_text(value[field])}
    return dict(value)


def _check_block(path: Path, block_type: str, value, line: int | None = None) -> None:
    """The value has only fields its block has (``question`` is a before/after question,
    with a knowledge check's fields)."""
    line = getattr(value, "line", line)
    if not isinstance(value, Mapping):
        raise DemoContentError(path, line, f"a {block_type} block holds named fields.")
    if block_type in BY_SLUG:
        known = BY_SLUG[block_type]
    else:
        block = BLOCKS["knowledge_check" if block_type == "question" else block_type]
        known = set(block.child_blocks)
    unknown = set(value) - known
    if unknown:
        raise DemoContentError(
            path,
            line,
            f"a {block_type} block has no field {', '.join(sorted(unknown))}; "
            f"its fields are {', '.join(sorted(known))}.",
        )


def __getattr__(name: str):
    if name == "MODULES":
        return load_modules()
    if name == "BEFORE_AFTER":
        return {module["slug"]: module["before_after"] for module in load_modules()}
    raise AttributeError(name)
