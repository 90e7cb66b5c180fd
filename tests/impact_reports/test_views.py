"""The report pages, exports and indicator editing as board members and administrators
use them: partnership isolation, CSV shape, a valid PDF, progress of queued exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from evaluations.reports.exports import CSV_COLUMNS
from evaluations.reports.models import ExportStatus, IndicatorValue, ReportExport
from learning_site.models import Agency
from tests import pdf_checks
from tests.impact_reports.csv_rows import figure_rows
from tests.impact_reports.factories import at, enrol, learner

pytestmark = pytest.mark.django_db

SECRET_MODULE = "Riverside-only module"


@pytest.fixture
def two_partnerships(partnership, other_partnership, course, second_course):
    """Northshire: 6 health visitors on the test module. Riverside: 9 learners on a
    module named so we can spot it leaking."""
    second_course.title = SECRET_MODULE
    second_course.save()
    for _ in range(6):
        enrol(learner(partnership, Agency.HEALTH, "Health visitor"), course, completed=at(2025, 6))
    for _ in range(9):
        enrol(
            learner(other_partnership, Agency.POLICE, "Detective"),
            second_course,
            completed=at(2025, 6),
        )
    indicator = other_partnership.outcome_indicators.get(slug="looked-after-children")
    IndicatorValue.objects.create(
        indicator=indicator, quarter_start=datetime.date(2025, 4, 1), value=987654
    )
    return second_course


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv_rows(response):
    """The figure rows, keyed by field (the file's headings are plain English)."""
    return figure_rows(_content(response))


def test_board_member_reads_own_partnership_report(client, board_member, two_partnerships):
    client.force_login(board_member)
    response = client.get(reverse("reports_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Northshire Safeguarding Children Partnership" in html
    assert "Health visitor" in html
    assert "Detective" not in html
    assert "987654" not in html and "987,654" not in html
    # No names anywhere on a board page.
    assert "Report Learner" not in html


def test_board_member_of_another_partnership_sees_none_of_it(
    client, other_board_member, partnership, two_partnerships
):
    client.force_login(other_board_member)
    # Asking for Northshire by query string is ignored for non-administrators.
    response = client.get(reverse("reports_home"), {"partnership": partnership.pk})
    html = response.content.decode()
    assert "Riverside Safeguarding Children Partnership" in html
    assert "Health visitor" not in html
    rows = _csv_rows(client.get(reverse("reports_csv"), {"partnership": partnership.pk}))
    assert {row["partnership"] for row in rows} == {"Riverside Safeguarding Children Partnership"}
    assert not any(row["group"] == "Health visitor" for row in rows)


def test_csv_is_tidy_one_row_per_figure(client, board_member, two_partnerships, course):
    # Two more health visitors who have not completed: 8 learners, 6 completed, and the
    # 2 who did not could be worked out, so the completers are hidden.
    for _ in range(2):
        enrol(learner(board_member.partnership, Agency.HEALTH, "Health visitor"), course)
    client.force_login(board_member)
    response = client.get(reverse("reports_csv"), {"module": course.pk, "agency": Agency.HEALTH})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The scope first, in words, before any figure.
    assert lines[:7] == [
        ["Filters applied", "Value"],
        ["Partnership", "Northshire Safeguarding Children Partnership"],
        ["Module", "Recognising neglect (test)"],
        ["Agency", "Health"],
        ["Job role", "All roles"],
        ["Period", "All time"],
        [],
    ]
    header = lines[7]
    assert header[:3] == ["Partnership", "Module filter", "Agency filter"]
    assert header[-3:] == ["Unit", "Number of people (n)", "Suppressed"]
    rows = _csv_rows(response)
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    learners = next(
        r for r in rows if r["measure"] == "learners reached" and r["breakdown"] == "overall"
    )
    assert learners["value"] == "8" and learners["n"] == "8" and learners["suppressed"] == "no"
    assert learners["shown_as"] == "8"
    assert learners["module_filter"] == "Recognising neglect (test)"
    assert learners["agency_filter"] == "Health"
    hidden = [r for r in rows if r["suppressed"] == "yes"]
    overall_hidden = {r["measure"]: r for r in hidden if r["breakdown"] == "overall"}
    assert set(overall_hidden) >= {"learners who completed a module", "completion rate"}
    assert all(r["value"] == "" and r["n"] == "" for r in hidden)
    # Hidden to protect the 2 who did not complete: the file says so as the page does.
    assert overall_hidden["learners who completed a module"]["shown_as"] == "not shown"


def test_filters_keep_what_was_typed_and_explain_errors(client, board_member, two_partnerships):
    client.force_login(board_member)
    response = client.get(
        reverse("reports_home"), {"date_from": "2025-06-01", "date_to": "2025-01-01"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The end of the period must be on or after its start." in html
    assert 'value="2025-06-01"' in html and 'value="2025-01-01"' in html


@pytest.mark.parametrize(
    ("field", "typed"), [("date_to", "9999-12-31"), ("date_from", "0001-01-01")]
)
def test_a_date_outside_the_reported_years_is_explained_not_a_500(
    client, board_member, two_partnerships, field, typed
):
    client.force_login(board_member)
    response = client.get(reverse("reports_home"), {field: typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a date between 1 January 2000 and 31 December 2099." in html
    assert f'value="{typed}"' in html  # kept as typed, to correct
    assert dict(response.context["filters"].describe())["Period"] == "All time"


def test_the_csv_leaves_out_a_date_outside_the_reported_years(
    client, board_member, two_partnerships
):
    client.force_login(board_member)
    response = client.get(reverse("reports_csv"), {"date_to": "9999-12-31"})
    assert response.status_code == 200
    rows = _csv_rows(response)
    assert rows and {row["period_to"] for row in rows} == {""}  # as on the page


@pytest.mark.parametrize("typed", ["²", "99999999999999999999", "-1"])
def test_a_partnership_that_is_not_an_id_leaves_the_administrator_on_their_own(
    client, administrator, two_partnerships, typed
):
    client.force_login(administrator)
    for name in ("reports_home", "reports_csv", "reports_indicators", "reports_indicator_new"):
        response = client.get(reverse(name), {"partnership": typed})
        assert response.status_code == 200, name
    html = client.get(reverse("reports_home"), {"partnership": typed}).content.decode()
    assert "Northshire Safeguarding Children Partnership" in html
    response = client.post(reverse("reports_indicator_new"), {"partnership": typed, "name": ""})
    assert response.status_code == 200
    assert response.context["partnership"] == administrator.partnership


def test_administrator_can_choose_a_partnership(
    client, administrator, other_partnership, two_partnerships
):
    client.force_login(administrator)
    response = client.get(reverse("reports_home"), {"partnership": other_partnership.pk})
    assert "Detective" in response.content.decode()


def test_charts_are_accessible_svg_without_inline_style(client, board_member, two_partnerships):
    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img"' in html
    assert 'aria-labelledby="chart-reach-agency-title chart-reach-agency-desc"' in html
    assert '<title id="chart-reach-agency-title">' in html
    assert " style=" not in html and "<style" not in html and "<script" not in html


def test_every_chart_has_a_visible_title_naming_its_figure(client, board_member, two_partnerships):
    import re

    indicator = board_member.partnership.outcome_indicators.get(slug="looked-after-children")
    IndicatorValue.objects.create(
        indicator=indicator, quarter_start=datetime.date(2025, 4, 1), value=310
    )
    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    figures = re.findall(
        r'<figure class="report-chart-figure" aria-labelledby="([\w-]+)-caption">\s*'
        r'<figcaption id="\1-caption"[^>]*>([^<]+)</figcaption>\s*'
        r'<div class="report-chart-figure__scroll" role="region" tabindex="0" '
        r'aria-labelledby="\1-caption"><svg[^>]*>'
        r'<title id="\1-title">([^<]+)</title>',
        html,
    )
    # Reach, learning, completions per quarter and the indicator (no scenario was played).
    assert len(figures) == html.count("<svg") == 4
    for chart_id, caption, title in figures:
        assert caption == title, chart_id
    assert ("chart-indicator-2", "Looked-after children (children) per quarter") in {
        (chart_id, caption) for chart_id, caption, _ in figures
    }


def test_pdf_export_runs_in_the_background_and_downloads(
    client, board_member, two_partnerships, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    # The task is queued when the request's transaction commits; tasks run eagerly here.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports_export_new") + "?agency=health", {"export_format": "pdf"}
        )
    export = ReportExport.objects.get()
    assert response.url == reverse("reports_export", args=[export.pk])
    assert export.filters == {"partnership": str(board_member.partnership_id), "agency": "health"}
    page = client.get(response.url).content.decode()
    export.refresh_from_db()
    assert export.status == ExportStatus.READY and export.progress == 100
    assert "Download" in page
    download = client.get(reverse("reports_export_download", args=[export.pk]))
    pdf = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    text = pdf_checks.text(pdf)
    assert "Health" in text and "Detective" not in text


def test_export_page_shows_progress_while_queued(client, board_member, partnership):
    export = ReportExport.objects.create(
        requested_by=board_member, partnership=partnership, export_format="pdf",
        status=ExportStatus.RUNNING, progress=40, step="Reach",
    )  # fmt: skip
    client.force_login(board_member)
    html = client.get(reverse("reports_export", args=[export.pk])).content.decode()
    assert "40% done" in html and "check again" in html
    assert client.get(reverse("reports_export_download", args=[export.pk])).status_code == 404


def test_another_board_member_cannot_open_an_export(
    client, board_member, other_board_member, partnership
):
    export = ReportExport.objects.create(
        requested_by=board_member, partnership=partnership, export_format="csv"
    )
    client.force_login(other_board_member)
    assert client.get(reverse("reports_export", args=[export.pk])).status_code == 404
    assert client.get(reverse("reports_export_download", args=[export.pk])).status_code == 404


def test_csv_export_through_celery_matches_the_direct_csv(
    client, board_member, two_partnerships, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports_export_new"), {"export_format": "csv"})
    export = ReportExport.objects.get()
    queued = _csv_rows(client.get(reverse("reports_export_download", args=[export.pk])))
    direct = _csv_rows(client.get(reverse("reports_csv")))
    assert queued == direct


def test_trainer_lands_in_admin_and_board_member_on_reports(client, trainer, board_member):
    client.force_login(trainer)
    assert client.get(reverse("landing")).url == reverse("wagtailadmin_home")
    client.force_login(board_member)
    assert client.get(reverse("landing")).url == reverse("reports_home")


def test_header_shows_reports_link_to_trainers(client, trainer, learner):
    client.force_login(trainer)
    assert f'href="{reverse("reports_home")}"' in client.get(reverse("profile")).content.decode()
    client.force_login(learner)
    assert (
        f'href="{reverse("reports_home")}"' not in client.get(reverse("profile")).content.decode()
    )


def test_administrator_without_a_partnership_chooses_one(client, partnership, other_partnership):
    from learning_site.roles import Role
    from tests.factories import make_user

    admin = make_user(Role.ADMINISTRATOR, None)
    client.force_login(admin)
    html = client.get(reverse("reports_home")).content.decode()
    assert 'name="partnership"' in html
    assert "Northshire Safeguarding Children Partnership" in html
    chosen = client.get(reverse("reports_home"), {"partnership": other_partnership.pk})
    assert "Riverside Safeguarding Children Partnership: who we reached" in chosen.content.decode()


def test_periods_are_whole_quarters_so_two_reports_a_day_apart_reveal_nobody(
    client, board_member, partnership, course
):
    # Eight completions in the quarter; the last two on 20 May.
    for day in (2, 3, 5, 8, 9, 12):
        enrol(learner(partnership), course, at(2025, 4, day), completed=at(2025, 4, day))
    for _ in range(2):
        enrol(learner(partnership), course, at(2025, 5, 20), completed=at(2025, 5, 20))
    client.force_login(board_member)

    def report(date_to):
        response = client.get(
            reverse("reports_home"), {"date_from": "2025-04-10", "date_to": date_to}
        )
        return response, response.context["report"].reach.total.learners

    before, learners_before = report("2025-05-19")
    after, learners_after = report("2025-05-20")
    # Both windows widen to April to June: the same 8 learners, so comparing them shows
    # nothing about the two who finished on 20 May.
    assert learners_before.value == learners_after.value == 8
    applied = dict(before.context["filters"].describe())
    assert applied["Period"] == "1 April 2025 to 30 June 2025"
    html = before.content.decode()
    assert 'value="2025-04-10"' in html and 'value="2025-05-19"' in html  # as typed
