"""The whole report: every section (``sections.SECTIONS``) under one set of filters.

Views, the CSV, the PDF and the benchmark all call ``build_report``; the number of
queries it runs does not depend on how much data the partnership has.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters
from evaluations.reports.headline import build_headline
from evaluations.reports.sections import SECTIONS, Section, SectionData
from learning_site.suppression import threshold


@dataclass(frozen=True)
class Part:
    """One section of a built report: what it is and its data."""

    section: Section
    data: SectionData

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def template(self) -> str:
        return self.section.template


@dataclass
class Report:
    """Every section's data under one set of filters, in ``SECTIONS`` order; a section's
    data is also an attribute named by its key (``report.reach``, ``report.practice``)."""

    filters: ReportFilters
    data: dict[str, SectionData]
    headline: object = None  # headline.Headline, made from the sections' data
    threshold: int = 5
    computed_at: datetime.datetime = field(default_factory=timezone.now)

    def __getattr__(self, name: str):
        # Only called for names that are not fields. Unpickling (reports are cached) looks
        # up special names before ``data`` is set: those are not sections.
        if name.startswith("_") or name == "data":
            raise AttributeError(name)
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def parts(self) -> list[Part]:
        by_key = {section.key: section for section in SECTIONS}
        return [Part(by_key[key], data) for key, data in self.data.items()]

    def figures(self) -> list[Figure]:
        return [figure for data in self.data.values() for figure in data.figures()]


def build_report(filters: ReportFilters) -> Report:
    report = Report(
        filters=filters,
        data={section.key: section.build(filters) for section in SECTIONS},
        threshold=threshold(),
    )
    report.headline = build_headline(report)
    return report


# --- caching ---------------------------------------------------------------------------
# A board report does not need to be up to the second, and at county scale it takes the
# database a few seconds to add up. Each report is kept for REPORT_CACHE_SECONDS per
# partnership and filters; editing an indicator or approving a comment starts a new
# generation for that partnership, so those show at once. The page says when the
# figures were added up.


def _generation_key(partnership_id: int) -> str:
    return f"impact-reports:generation:{partnership_id}"


def start_new_generation(partnership_id: int) -> None:
    """Forget every cached report of one partnership, and have its whole report added up
    again in the background once the change is committed (several changes in a row
    queue it once), so the next board member does not wait for it."""
    key = _generation_key(partnership_id)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)
    transaction.on_commit(lambda: _queue_warm(partnership_id))


WARM_DEBOUNCE_SECONDS = 10


def _queue_warm(partnership_id: int) -> None:
    from evaluations.reports.tasks import warm_partnership_report

    if cache_seconds() <= 0:
        return
    if cache.add(f"impact-reports:warm-queued:{partnership_id}", 1, WARM_DEBOUNCE_SECONDS):
        warm_partnership_report.apply_async((partnership_id,), countdown=WARM_DEBOUNCE_SECONDS)


# Part of every key: a change to the shape of ``Report`` bumps it, so a report cached by
# the code before a deploy is never read back into the new shape.
REPORT_SHAPE = 2


def _cache_key(filters: ReportFilters) -> str:
    generation = cache.get(_generation_key(filters.partnership.pk), 0)
    digest = hashlib.sha256(json.dumps(filters.as_query(), sort_keys=True).encode()).hexdigest()
    return (
        f"impact-reports:report:v{REPORT_SHAPE}:{filters.partnership.pk}:{generation}:{digest[:32]}"
    )


def cache_seconds() -> int:
    """How long a report is kept once added up; 0 turns caching (and refreshing) off."""
    return int(getattr(settings, "REPORT_CACHE_SECONDS", 0))


def cached_report(filters: ReportFilters) -> Report:
    seconds = cache_seconds()
    if seconds <= 0:
        return build_report(filters)
    key = _cache_key(filters)
    report = cache.get(key)
    if report is None:
        report = build_report(filters)
        cache.set(key, report, timeout=seconds)
    return report


# --- kept ready ------------------------------------------------------------------------
# The report a board member opens first is the whole partnership's, unfiltered. Celery
# beat adds it up ahead of time every REPORT_REFRESH_MINUTES, so at county scale nobody
# waits the seconds it takes the database; filtered reports are added up on demand and
# then cached as above.


def refresh_seconds() -> int:
    return int(getattr(settings, "REPORT_REFRESH_MINUTES", 10)) * 60


def warm_report(partnership) -> Report | None:
    """Add up the partnership's whole report now and keep it until well after the next
    refresh is due. Does nothing when report caching is off."""
    if cache_seconds() <= 0:
        return None
    filters = ReportFilters(partnership=partnership)
    # The key is taken before adding up: if an indicator is edited meanwhile, the new
    # generation makes this report unreachable instead of serving it as fresh.
    key = _cache_key(filters)
    report = build_report(filters)
    # Kept for three refresh intervals, so one missed run does not leave a gap.
    cache.set(key, report, timeout=max(3 * refresh_seconds(), cache_seconds()))
    return report
