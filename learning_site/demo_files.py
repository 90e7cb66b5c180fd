"""Reading the demo content files (YAML) that ``seed_demo`` loads.

Shared by the apps' loaders (``courses.demo_content``, ``research_digest.demo_content``):
a YAML reader that keeps each mapping's line, the rule for rich text written one block
element per line, and an error that names the file and the line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


class DemoContentError(ValueError):
    """A demo content file that cannot be loaded; the message names the file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.line = Path(path), line


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on (1 for the first line)."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = Mapping(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)


def read_yaml(path: Path) -> Mapping:
    """The mapping in ``path``; a :class:`DemoContentError` with the line if it is not
    valid YAML or not a mapping."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(p for p in (error.context, error.problem) if p)
        raise DemoContentError(path, mark.line + 1 if mark else None, problem) from error
    except yaml.YAMLError as error:
        raise DemoContentError(path, None, str(error)) from error
    if not isinstance(data, Mapping):
        raise DemoContentError(path, 1, "the file must hold named fields (“title: …”).")
    return data


def require(path: Path, data: Mapping, fields: dict[str, type | tuple[type, ...]]) -> None:
    """Each of ``fields`` present in ``data`` with a value of its type, else an error
    naming the file, the line and the field."""
    for name, kind in fields.items():
        if name not in data:
            raise DemoContentError(path, data.line, f"“{name}” is missing.")
        if not isinstance(data[name], kind):
            raise DemoContentError(path, data.line, f"“{name}” has the wrong kind of value.")


_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


def rich_text(value: str) -> str:
    """Rich text as written in a file, one paragraph, heading or list item per line: a
    line break between two tags goes, any other line break is a space (so a long
    paragraph may be wrapped)."""
    return re.sub(r"\s*\n\s*", " ", _BETWEEN_TAGS.sub("><", value.strip()))
