"""The learner's CPD record, laid out as Social Work England asks for CPD evidence:
what the learning activity was, what you learned, the impact on your practice, and
whether you reflected on it with a peer."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from courses.models import CourseCompletion, JournalEntry
from learning_site.spreadsheets import csv_text

# Headings as on the PDF (Social Work England's CPD evidence), in plain English.
CSV_COLUMNS = [
    "Date",
    "Learning activity",
    "Type of activity",
    "Provider",
    "CPD hours",
    "What I learned",
    "Impact on my practice",
    "Reflected on with a peer",
    "Certificate code",
]


@dataclass
class CPDEntry:
    date: date
    learning_activity: str
    activity_type: str
    provider: str
    cpd_hours: Decimal | None
    what_i_learned: str = ""
    impact_on_practice: str = ""
    reflected_with_peer: bool = False
    certificate_code: str = ""


@dataclass
class CPDRecord:
    learner_name: str
    entries: list[CPDEntry] = field(default_factory=list)

    @property
    def total_hours(self) -> Decimal:
        return sum((e.cpd_hours or Decimal(0) for e in self.entries), Decimal(0))


def _learning(entries) -> str:
    return "\n\n".join(
        part for e in entries for part in ([e.body] + [e.analysis, e.conclusion]) if part
    )


def cpd_record_for(user) -> CPDRecord:
    """Completed modules with the reflections the learner chose to include; reflections not
    tied to a completed module stand as their own activities."""
    provider = user.partnership.name if user.partnership else "Neglect learning"
    completions = list(
        CourseCompletion.objects.filter(user=user)
        .select_related("certificate", "course")
        .order_by("completed_at")
    )
    chosen = list(
        JournalEntry.objects.owned_by(user).filter(include_in_cpd=True).order_by("created_at")
    )
    by_course: dict[int, list[JournalEntry]] = {}
    for entry in chosen:
        by_course.setdefault(entry.course_id, []).append(entry)
    record = CPDRecord(learner_name=user.full_name or user.email)
    completed_ids = set()
    for completion in completions:
        completed_ids.add(completion.course_id)
        entries = by_course.get(completion.course_id, [])
        certificate = getattr(completion, "certificate", None)
        record.entries.append(
            CPDEntry(
                date=timezone.localdate(completion.completed_at),
                learning_activity=f"Online module: {completion.course.title}",
                activity_type="E-learning module with knowledge checks and reflection",
                provider=provider,
                cpd_hours=certificate.cpd_hours if certificate else completion.course.cpd_hours,
                what_i_learned=_learning(entries),
                impact_on_practice="\n\n".join(e.action_plan for e in entries if e.action_plan),
                reflected_with_peer=any(e.discussed_with_peer for e in entries),
                certificate_code=certificate.code if certificate else "",
            )
        )
    for entry in chosen:
        if entry.course_id in completed_ids:
            continue
        record.entries.append(
            CPDEntry(
                date=timezone.localdate(entry.created_at),
                learning_activity=f"Reflection: {entry.display_title}",
                activity_type="Reflective writing",
                provider=provider,
                cpd_hours=None,
                what_i_learned=_learning([entry]),
                impact_on_practice=entry.action_plan,
                reflected_with_peer=entry.discussed_with_peer,
            )
        )
    record.entries.sort(key=lambda e: e.date)
    return record


def cpd_csv(record: CPDRecord) -> str:
    return csv_text(
        CSV_COLUMNS,
        (
            [
                e.date.isoformat(),
                e.learning_activity,
                e.activity_type,
                e.provider,
                "" if e.cpd_hours is None else f"{e.cpd_hours:.1f}",
                e.what_i_learned,
                e.impact_on_practice,
                "Yes" if e.reflected_with_peer else "No",
                e.certificate_code,
            ]
            for e in record.entries
        ),
    )
