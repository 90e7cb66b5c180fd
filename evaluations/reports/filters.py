"""The filters every report figure is computed under, and the GET form that sets them.

``ReportFilters`` is plain data: views build it from the form, exports store it as JSON
and rebuild it in the Celery task, so a download shows exactly what the page showed.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from learning_site.models import Agency, Partnership, User

NOT_GIVEN = "(not given)"


def normalise_job_role(text: str) -> str:
    """Job roles are free text; group "Social Worker " with "social worker"."""
    return (text or "").strip().lower()


def job_role_label(key: str) -> str:
    if not key:
        return "Not given"
    return key[:1].upper() + key[1:]


def job_role_expression(path: str = "user__job_role"):
    return Lower(Trim(path))


@dataclass(frozen=True)
class ReportFilters:
    partnership: Partnership
    course_id: int | None = None
    course_title: str = ""
    agency: str = ""
    job_role: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    extra: dict = field(default_factory=dict)

    # --- time window -----------------------------------------------------------------
    @property
    def starts_at(self) -> datetime.datetime | None:
        if not self.date_from:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date_from, datetime.time()))

    @property
    def ends_before(self) -> datetime.datetime | None:
        """Exclusive upper bound: the start of the day after ``date_to``."""
        if not self.date_to:
            return None
        next_day = self.date_to + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time()))

    @property
    def is_whole_partnership(self) -> bool:
        """No filter but the partnership: every module, agency, job role and date."""
        return not (
            self.course_id or self.agency or self.job_role or self.date_from or self.date_to
        )

    # --- descriptions ----------------------------------------------------------------
    @property
    def agency_label(self) -> str:
        return dict(Agency.choices).get(self.agency, "")

    def as_query(self) -> dict[str, str]:
        """The filters as GET parameters (and as stored on an export)."""
        query = {
            "partnership": str(self.partnership.pk),
            "module": str(self.course_id or ""),
            "agency": self.agency,
            "job_role": self.job_role,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        return {key: value for key, value in query.items() if value}

    @property
    def module_label(self) -> str:
        return self.course_title or "All modules"

    def as_row(self) -> dict[str, str]:
        """The filter columns of a CSV row."""
        return {
            "partnership": self.partnership.name,
            "module_filter": self.module_label,
            "agency_filter": self.agency_label or "All agencies",
            "job_role_filter": job_role_label(self.job_role) if self.job_role else "All roles",
            "period_from": self.date_from.isoformat() if self.date_from else "",
            "period_to": self.date_to.isoformat() if self.date_to else "",
        }

    def describe(self) -> list[tuple[str, str]]:
        row = self.as_row()
        period = "All time"
        if self.date_from and self.date_to:
            period = f"{self.date_from:%-d %B %Y} to {self.date_to:%-d %B %Y}"
        elif self.date_from:
            period = f"From {self.date_from:%-d %B %Y}"
        elif self.date_to:
            period = f"Up to {self.date_to:%-d %B %Y}"
        return [
            ("Partnership", row["partnership"]),
            ("Module", row["module_filter"]),
            ("Agency", row["agency_filter"]),
            ("Job role", row["job_role_filter"]),
            ("Period", period),
        ]


def scoped(
    qs,
    filters: ReportFilters,
    *,
    learner: str | None = None,
    partnership: str | None = None,
    agency: str | None = None,
    course: str | None = None,
    date: str | None = None,
):
    """``qs`` narrowed to the report's filters: partnership, agency, job role, module and
    period. Every section scopes its rows here; each says through which paths, and a
    filter whose path is not given is not applied.

    - ``learner``: the path to the learner (a ``User``). The partnership, agency and job
      role filters are the learner's own.
    - ``partnership`` and ``agency``: paths to the partnership and agency recorded on the
      row when it was made (a survey answer, an invitation), used instead of the
      learner's. A job role is only on the learner: filtering by one keeps the rows of
      learners who now have that role in the report's partnership (and agency).
    - ``course``: the path to the module (``CoursePage``).
    - ``date``: the path to the date that places the row in the period (from the first
      day of ``date_from`` up to the end of ``date_to``).
    """
    if partnership:
        qs = qs.filter(**{partnership: filters.partnership})
        if filters.agency:
            qs = qs.filter(**{agency: filters.agency})
    if learner and (not partnership or filters.job_role):
        qs = qs.filter(**{f"{learner}__partnership": filters.partnership})
        if filters.agency:
            qs = qs.filter(**{f"{learner}__agency": filters.agency})
        if filters.job_role:
            qs = qs.annotate(_role_key=job_role_expression(f"{learner}__job_role")).filter(
                _role_key=filters.job_role
            )
    if course and filters.course_id:
        qs = qs.filter(**{course: filters.course_id})
    if date and filters.starts_at:
        qs = qs.filter(**{f"{date}__gte": filters.starts_at})
    if date and filters.ends_before:
        qs = qs.filter(**{f"{date}__lt": filters.ends_before})
    return qs


# Reports cover the years a partnership could have training records for. A date outside
# them is a typing slip (or a probe): 9999-12-31 would make the quarter's end fall in year
# 10000, which Python's dates cannot hold.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)


class ReportDateField(forms.DateField):
    """A date in the years reports can cover, or a message saying which those are."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)
        self.widget.attrs.update(min=EARLIEST_DATE.isoformat(), max=LATEST_DATE.isoformat())

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(
                f"Enter a date between {EARLIEST_DATE:%-d %B %Y} and {LATEST_DATE:%-d %B %Y}.",
                code="out_of_range",
            )


def live_modules():
    from courses.models import CoursePage

    return CoursePage.objects.live().order_by("title")


def top_job_roles(partnership, limit: int = 30) -> list[str]:
    """The most common normalised job roles among the partnership's people (one query)."""
    rows = (
        User.objects.filter(partnership=partnership)
        .annotate(role_key=job_role_expression("job_role"))
        .exclude(role_key="")
        .values("role_key")
        .annotate(people=Count("id"))
        .order_by("-people", "role_key")[:limit]
    )
    return [row["role_key"] for row in rows]


class ReportFilterForm(forms.Form):
    """GET form above the report. Works without JavaScript: submit reloads the page."""

    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        required=False,
        empty_label=None,
        help_text="Administrators can read any partnership's report.",
    )
    module = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    agency = forms.ChoiceField(required=False, choices=[("", "All agencies"), *Agency.choices])
    job_role = forms.ChoiceField(required=False, label="Job role")
    date_from = ReportDateField(
        required=False,
        label="From",
        help_text="For example, 2025-04-01. Periods are whole quarters (January to March, "
        "and so on): a date inside a quarter counts from its start. This stops small numbers "
        "being worked out by comparing two reports a few days apart.",
    )
    date_to = ReportDateField(
        required=False,
        label="To",
        help_text="For example, 2026-03-31. A date inside a quarter counts to its end.",
    )

    def __init__(self, data, *, user, partnership, modules, job_roles):
        super().__init__(data)
        self.user = user
        self.default_partnership = partnership
        if user.is_administrator:
            self.fields["partnership"].queryset = Partnership.objects.order_by("name")
        else:
            del self.fields["partnership"]
        self.modules = {module.pk: module.title for module in modules}
        self.fields["module"].choices = [("", "All modules"), *self.modules.items()]
        roles = list(job_roles)
        self.fields["job_role"].choices = [
            ("", "All roles"),
            *((key, job_role_label(key)) for key in roles),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end of the period must be on or after its start.")
        return cleaned

    def to_filters(self) -> ReportFilters:
        """Filters from the valid fields; a field with an error is left out, so the page
        still shows a report while the error summary says what to fix."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        partnership = data.get("partnership") or self.default_partnership
        course_id = data.get("module")
        return ReportFilters(
            partnership=partnership,
            course_id=course_id,
            course_title=self.modules.get(course_id, "") if course_id else "",
            agency=data.get("agency") or "",
            job_role=data.get("job_role") or "",
            date_from=_quarter_first_day(data.get("date_from")),
            date_to=_quarter_last_day(data.get("date_to"))
            if "date_to" not in self.errors
            else None,
        )


# Report periods are whole calendar quarters. With any two days allowed, the difference
# between two reports a day apart could show one person's completion or answer even though
# each report hides counts under 5; quarters are also how boards read their figures.
def _quarter_first_day(day: datetime.date | None) -> datetime.date | None:
    from evaluations.reports.models import quarter_start

    return quarter_start(day) if day else None


def _quarter_last_day(day: datetime.date | None) -> datetime.date | None:
    first = _quarter_first_day(day)
    if first is None:
        return None
    next_quarter = datetime.date(first.year + first.month // 10, (first.month + 2) % 12 + 1, 1)
    return next_quarter - datetime.timedelta(days=1)


def filters_from_query(query: dict, partnership: Partnership) -> ReportFilters:
    """Rebuild filters stored on an export (values were validated when it was asked for)."""
    from courses.models import CoursePage

    course_id = int(query["module"]) if query.get("module") else None
    title = ""
    if course_id:
        title = CoursePage.objects.filter(pk=course_id).values_list("title", flat=True).first()
    return ReportFilters(
        partnership=partnership,
        course_id=course_id,
        course_title=title or "",
        agency=query.get("agency", ""),
        job_role=query.get("job_role", ""),
        date_from=datetime.date.fromisoformat(query["date_from"])
        if query.get("date_from")
        else None,
        date_to=datetime.date.fromisoformat(query["date_to"]) if query.get("date_to") else None,
    )
