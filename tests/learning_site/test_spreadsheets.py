"""Every CSV download quotes text that a spreadsheet would run as a formula."""

import io

import pytest

from learning_site.spreadsheets import SafeCsvWriter, spreadsheet_safe


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 7700 900000", "'+44 7700 900000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Social worker", "Social worker"),
        ("", ""),
    ],
)
def test_text_that_would_run_as_a_formula_is_quoted(typed, written):
    assert spreadsheet_safe(typed) == written


def test_numbers_are_left_as_numbers():
    assert spreadsheet_safe(-3.5) == -3.5
    assert spreadsheet_safe(None) is None
    out = io.StringIO()
    SafeCsvWriter(out, lineterminator="\n").writerow(["=cmd", -1, "ok"])
    assert out.getvalue() == "'=cmd,-1,ok\n"


@pytest.mark.django_db
def test_a_job_role_typed_as_a_formula_is_quoted_in_the_report_csv(partnership, home_page):
    from evaluations.reports.exports import report_csv
    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.report import build_report
    from tests.courses.conftest import build_course
    from tests.impact_reports.factories import at, enrol, learner

    course = build_course(home_page)[0]

    enrol(learner(partnership, job_role="=HYPERLINK(1)"), course, completed=at(2025, 7))
    csv_text = report_csv(build_report(ReportFilters(partnership)))
    assert "'=hyperlink(1)" in csv_text.lower()
    assert "\n=" not in csv_text and ",=" not in csv_text
