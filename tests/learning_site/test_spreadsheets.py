"""Every CSV download is UTF-8 with a byte-order mark, has plain-English headings and
quotes text that a spreadsheet would run as a formula."""

import csv
import io

import pytest

from learning_site.spreadsheets import SafeCsvWriter, csv_lines, csv_text, spreadsheet_safe


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
    SafeCsvWriter(out, ["Command", "Number", "Word"], lineterminator="\n").writerow(
        ["=cmd", -1, "ok"]
    )
    assert out.getvalue() == "\ufeffCommand,Number,Word\n'=cmd,-1,ok\n"


def test_excel_reads_dashes_arabic_and_emoji_because_the_file_says_it_is_utf8():
    """Excel takes a CSV without a byte-order mark as Windows-1252: "–" came out as
    "â€“". Every download starts with the mark, then the plain-English headings."""
    text = csv_text(
        ["What I learned", "Impact on my practice"], [["Risk – not promises", "زینب 😊"]]
    )
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["What I learned", "Impact on my practice"], ["Risk – not promises", "زینب 😊"]]


def test_streamed_pieces_add_up_to_the_same_file():
    rows = [["=1+1", "a"], ["b", "@c"]]
    pieces = list(csv_lines(["First", "Second"], iter(rows)))
    assert len(pieces) == 3 and pieces[0].startswith("\ufeffFirst,Second")
    assert "".join(pieces) == csv_text(["First", "Second"], rows)
    assert "'=1+1" in pieces[1] and "'@c" in pieces[2]


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
