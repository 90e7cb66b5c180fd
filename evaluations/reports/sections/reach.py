"""Reach: who enrolled on a module and who completed one, in total, by agency and by the
most common job roles (one query, ``reach_counts``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.reports.charts import Bar, BarChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, job_role_expression, job_role_label, scoped
from evaluations.reports.grouping import flag, people_per_group
from evaluations.reports.pdf_layout import chart_flowables, para, table
from evaluations.reports.sections.base import Section
from learning_site import suppression as sc
from learning_site.models import Agency
from learning_site.suppression import TOTAL

# Agencies Ofsted (2014) found hardest to involve in work on neglect.
OFSTED_HARD_TO_REACH = (
    Agency.ADULT_MENTAL_HEALTH,
    Agency.DRUG_AND_ALCOHOL,
    Agency.HOUSING,
    Agency.POLICE,
)


def top_roles_shown() -> int:
    return int(getattr(settings, "REPORT_TOP_JOB_ROLES", 8))


def filtered_enrolments(filters: ReportFilters):
    """Enrolments of the partnership's learners that started in the period."""
    from courses.models import Enrolment

    return scoped(
        Enrolment.objects.all(), filters, learner="user", course="course_id", date="enrolled_at"
    )


@dataclass
class ReachRow:
    key: str
    label: str
    learners: sc.Cell
    completers: sc.Cell
    enrolments: sc.Cell
    completions: sc.Cell
    completion_rate: sc.Cell
    named_by_ofsted: bool = False

    @property
    def not_reached(self) -> bool:
        return self.learners.value == 0


@dataclass
class ReachSection:
    total: ReachRow
    by_agency: list[ReachRow]
    by_role: list[ReachRow]
    roles_grouped: int = 0  # distinct roles folded into "Other roles"

    @property
    def agencies_not_reached(self) -> list[ReachRow]:
        return [row for row in self.by_agency if row.not_reached]

    @property
    def hard_to_reach(self) -> list[ReachRow]:
        return [row for row in self.by_agency if row.named_by_ofsted]

    def figures(self) -> list[Figure]:
        out = []
        for breakdown, rows in (
            ("overall", [self.total]),
            ("agency", self.by_agency),
            ("job role", self.by_role),
        ):
            for row in rows:
                for measure, cell, unit in (
                    ("learners reached", row.learners, "people"),
                    ("learners who completed a module", row.completers, "people"),
                    ("enrolments", row.enrolments, "enrolments"),
                    ("completions", row.completions, "completions"),
                    ("completion rate", row.completion_rate, "per cent of enrolments"),
                ):
                    statistic = "percent" if cell.kind == "percent" else "count"
                    out.append(
                        Figure("reach", measure, breakdown, row.label, statistic, cell, unit)
                    )
        return out

    def charts(self) -> list[BarChart]:
        bars = [Bar.from_cells(row.label, [row.learners, row.completers]) for row in self.by_agency]
        chart = BarChart(
            "chart-reach-agency",
            "Learners reached and learners who completed, by agency",
            "Horizontal bars: solid for learners enrolled, hatched for learners who completed "
            "a module.",
            bars,
            ["Enrolled", "Completed"],
        )
        return [chart]

    def pdf_flowables(self, styles) -> list[Flowable]:
        rows = [
            [r.label, r.learners.display, r.completers.display, r.enrolments.display,
             r.completions.display, r.completion_rate.display]
            for r in [self.total, *self.by_agency]
        ]  # fmt: skip
        role_rows = [
            [r.label, r.learners.display, r.completers.display, r.completion_rate.display]
            for r in self.by_role
        ]
        header = ["Agency", "Learners", "Completed", "Enrolments", "Completions", "Completion rate"]
        return [
            para("Reach", styles["Heading1"]),
            para(
                "Ofsted (2014) found adult mental health, drug and alcohol services, housing and "
                "police the hardest agencies to involve in work on neglect.",
                styles["Note"],
            ),
            *chart_flowables(self.charts()[0], styles),
            table(header, rows, styles),
            Spacer(1, 4 * mm),
            table(["Job role", "Learners", "Completed", "Completion rate"], role_rows, styles),
            Spacer(1, 6 * mm),
        ]


REACH_COUNTS = ("learners", "completers", "enrolments", "completions", "still_enrolled")


def reach_counts(filters: ReportFilters) -> dict[tuple[str, str], dict[str, int]]:
    """One query: per agency and job role, the people with an enrolment in the filters
    (``learners``), of whom completed a module (``completers``) and had one not (yet)
    completed (``still_enrolled``), and their ``enrolments`` and ``completions``.

    Each person is added up first (one row per person), then people per agency and role:
    as each person has one agency and one role, the groups add up to any total without
    counting anyone twice, so one pass serves the total, the agencies and the roles."""
    from learning_site.models import User

    per_person = (
        filtered_enrolments(filters)
        .values("user_id")
        .annotate(
            enrolments=Count("id"),
            completions=Count("completion"),
            completed=flag(Q(completion__isnull=False)),
            incomplete=flag(Q(completion__isnull=True)),
        )
    )
    learners = User.objects.filter(partnership=filters.partnership).values(
        "id", "agency", role_key=job_role_expression("job_role")
    )
    rows = people_per_group(
        per_person,
        ["agency", "role_key"],
        ["completed", "enrolments", "completions", "incomplete"],
        described_by=learners,
    )
    return {
        (row["agency"], row["role_key"]): {
            "learners": row["people"],
            "completers": row["completed"],
            "enrolments": row["enrolments"],
            "completions": row["completions"],
            "still_enrolled": row["incomplete"],
        }
        for row in rows
    }


def _added_up(counts, key=lambda group: group) -> dict:
    """Counts per agency and role added up by ``key`` of (agency, role)."""
    out: dict = {}
    for group, row in counts.items():
        into = out.setdefault(key(group), dict.fromkeys(REACH_COUNTS, 0))
        for name in REACH_COUNTS:
            into[name] += row[name]
    return out


def _reach_rows(total: dict, breakdowns: dict[str, tuple[dict[str, dict], dict[str, str]]]):
    """Suppress the reach tables together: people (learners, of whom completed) and
    enrolments (of which completed), by agency and by job role, which share their
    totals. The people who did not complete, and the enrolments not completed, are never
    printed but follow from two printed columns, so they take part as hidden figures.

    Returns the total row and, per breakdown, its rows."""
    people_values, enrolment_values, enrolment_people = {}, {}, {}

    def put(row, g):
        people_values[(row, TOTAL)] = g["learners"]
        people_values[(row, "completed")] = g["completers"]
        people_values[(row, "not completed")] = g["learners"] - g["completers"]
        enrolment_values[(row, TOTAL)] = g["enrolments"]
        enrolment_values[(row, "completed")] = g["completions"]
        enrolment_values[(row, "not completed")] = g["enrolments"] - g["completions"]
        enrolment_people[(row, TOTAL)] = g["learners"]
        enrolment_people[(row, "completed")] = g["completers"]
        enrolment_people[(row, "not completed")] = g["still_enrolled"]

    put(TOTAL, total)
    groups = [((TOTAL, TOTAL), [(TOTAL, "completed"), (TOTAL, "not completed")])]
    for name, (rows, _) in breakdowns.items():
        for key, g in rows.items():
            put((name, key), g)
        groups += sc.two_way_groups([(name, key) for key in rows], ["completed", "not completed"])
    unpublished = [key for key in people_values if key[1] == "not completed"]
    people = sc.suppress(people_values, groups, unpublished=unpublished)
    enrolments = sc.suppress(
        enrolment_values, groups, people=enrolment_people, unpublished=unpublished
    )

    def reach_row(row, key, label):
        learners = people.count((row, TOTAL))
        enrolled = enrolments.count((row, TOTAL), counts_people=False)
        completions = enrolments.count((row, "completed"), counts_people=False)
        return ReachRow(
            key=key,
            label=label,
            learners=learners,
            completers=people.count((row, "completed")),
            enrolments=enrolled,
            completions=completions,
            completion_rate=sc.rate_cell(completions, enrolled),
            named_by_ofsted=key in OFSTED_HARD_TO_REACH,
        )

    total_row = reach_row(TOTAL, "total", "All learners")
    by_breakdown = {
        name: [reach_row((name, key), key, labels.get(key, key)) for key in rows]
        for name, (rows, labels) in breakdowns.items()
    }
    return total_row, by_breakdown


def reach_section(filters: ReportFilters) -> ReachSection:
    """One query (``reach_counts``): the total, by agency, and the top job roles."""
    counts = reach_counts(filters)
    zero = dict.fromkeys(REACH_COUNTS, 0)
    total = _added_up(counts, key=lambda group: TOTAL).get(TOTAL, zero)
    by_agency = _added_up(counts, key=lambda group: group[0])
    agencies = dict(Agency.choices)
    agencies[""] = "Agency not given"
    groups = {key: by_agency.get(key, zero) for key in agencies if key or key in by_agency}

    limit = top_roles_shown()
    by_role = _added_up(counts, key=lambda group: group[1])
    role_rows = sorted(by_role.items(), key=lambda item: (-item[1]["learners"], item[0]))
    shown = role_rows[:limit]
    role_groups = dict(shown)
    roles_grouped = 0
    if len(role_rows) > limit:
        # Every learner has one job role, so the rest is the total minus the top roles.
        rest = {name: total[name] - sum(r[name] for _, r in shown) for name in REACH_COUNTS}
        role_groups["__other__"] = rest
        roles_grouped = 1
    role_labels = {key: job_role_label(key) for key in role_groups}
    role_labels["__other__"] = "Other roles"

    total_row, rows = _reach_rows(
        total, {"agency": (groups, agencies), "role": (role_groups, role_labels)}
    )
    return ReachSection(
        total=total_row, by_agency=rows["agency"], by_role=rows["role"], roles_grouped=roles_grouped
    )


SECTION = Section("reach", "Reach", "impact_reports/sections/reach.html", reach_section)
