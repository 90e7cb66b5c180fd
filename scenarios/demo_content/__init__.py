"""The demo scenarios, read from the Twee 3 files in this folder (``seed_demo`` loads
them), one scenario a file, in the order of the file's number.

They are read by the same code as ``manage.py import_twee`` and the admin's *Import from
Twine* (``scenarios.twee.parse_twee``; the format is in ``scenarios/TWEE.md``), so the
demo proves the importer on every run. A demo file must also be clean: a warning the
importer would give, or a graph that could not be published, is an error here.

``DEMO_SCENARIOS`` is the loaded data, read on first use.
"""

from __future__ import annotations

from pathlib import Path

from learning_site.demo_files import DemoContentError
from scenarios.spec import ScenarioSpec
from scenarios.twee import TweeError, parse_twee, publishing_problems

DIRECTORY = Path(__file__).parent


def load_scenarios(directory: Path | None = None) -> list[ScenarioSpec]:
    """Every scenario in ``directory`` (this folder by default), in order; a
    :class:`DemoContentError` naming the file (and the line, where the importer gives
    one) for a file that cannot be used."""
    return _load(Path(directory or DIRECTORY))


def _load(directory: Path) -> list[ScenarioSpec]:
    return [_scenario(path) for path in sorted(directory.glob("*.twee"))]


def _scenario(path: Path) -> ScenarioSpec:
    try:
        result = parse_twee(path.read_text(encoding="utf-8"))
    except TweeError as error:
        raise DemoContentError(path, error.line, error.message) from error
    problems = [*result.warnings, *publishing_problems(result.spec)]
    if problems:
        raise DemoContentError(path, None, " ".join(problems))
    return result.spec


def __getattr__(name: str):
    if name == "DEMO_SCENARIOS":
        return load_scenarios()
    raise AttributeError(name)
