"""The demo research digests, read from the YAML files in this folder (``seed_demo``
loads them), one digest a file, in the order of the file's number.

Each file has the digest's ``slug`` (fixed: the demo modules and scenarios link digests
by slug), ``title``, ``takeaway``, ``summary`` (HTML, one paragraph per line),
``findings`` (each a ``figure`` and a ``finding``), ``points`` (what it means for
practice), ``questions`` (for supervision), ``evidence_type``, ``topics`` (concept
slugs), ``source`` (``author``, ``title``, ``year``, ``publisher``, ``reference``,
``url``), ``related`` (other digests' slugs) and ``last_reviewed`` (a date).

``DIGESTS`` is the loaded data, read on first use.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from learning_site.concepts import Concept
from learning_site.demo_files import DemoContentError, Mapping, read_yaml, require, rich_text
from research_digest.models import EvidenceType

DIRECTORY = Path(__file__).parent
DIGEST_FIELDS = {
    "slug": str,
    "title": str,
    "takeaway": str,
    "summary": str,
    "findings": list,
    "points": list,
    "questions": list,
    "evidence_type": str,
    "topics": list,
    "source": Mapping,
    "related": list,
    "last_reviewed": datetime.date,
}
SOURCE_FIELDS = {"author": str, "title": str}


@dataclass(frozen=True)
class DemoDigest:
    slug: str
    title: str
    takeaway: str
    summary: str
    findings: list[tuple[str, str]]
    points: list[str]
    questions: list[str]
    evidence_type: str
    topics: list[Concept]
    author: str
    source_title: str
    year: int | None
    publisher: str = ""
    reference: str = ""
    url: str = ""
    related: list[str] = field(default_factory=list)
    last_reviewed: datetime.date | None = None


def load_digests(directory: Path | None = None) -> list[DemoDigest]:
    """Every digest in ``directory`` (this folder by default), in order; a
    :class:`DemoContentError` naming the file and line for a file that cannot be used."""
    return _load(Path(directory or DIRECTORY))


def _load(directory: Path) -> list[DemoDigest]:
    return [_digest(path) for path in sorted(directory.glob("*.yaml"))]


def _digest(path: Path) -> DemoDigest:
    data = read_yaml(path)
    require(path, data, DIGEST_FIELDS)
    source = data["source"]
    require(path, source, SOURCE_FIELDS)
    if data["evidence_type"] not in EvidenceType.values:
        raise DemoContentError(
            path,
            data.line,
            f"unknown evidence_type “{data['evidence_type']}”; use one of "
            f"{', '.join(EvidenceType.values)}.",
        )
    unknown = [t for t in data["topics"] if t not in Concept.values]
    if unknown:
        raise DemoContentError(
            path, data.line, f"unknown topic {', '.join(map(str, unknown))}; use concept slugs."
        )
    findings = []
    for finding in data["findings"]:
        if not isinstance(finding, Mapping) or set(finding) != {"figure", "finding"}:
            raise DemoContentError(
                path,
                getattr(finding, "line", data.line),
                "each finding has a “figure” and a “finding”.",
            )
        findings.append((str(finding["figure"]), finding["finding"]))
    return DemoDigest(
        slug=data["slug"],
        title=data["title"],
        takeaway=data["takeaway"],
        summary=rich_text(data["summary"]),
        findings=findings,
        points=list(data["points"]),
        questions=list(data["questions"]),
        evidence_type=EvidenceType(data["evidence_type"]),
        topics=[Concept(t) for t in data["topics"]],
        author=source["author"],
        source_title=source["title"],
        year=source.get("year"),
        publisher=source.get("publisher") or "",
        reference=source.get("reference") or "",
        url=source.get("url") or "",
        related=list(data["related"]),
        last_reviewed=data["last_reviewed"],
    )


def __getattr__(name: str):
    if name == "DIGESTS":
        return load_digests()
    raise AttributeError(name)
