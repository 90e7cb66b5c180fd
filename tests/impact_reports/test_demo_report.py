"""The demo shows the board report working: a board member opening the seeded demo sees
real figures in every section, and cells that are small in the demo are still hidden."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from courses.models import CourseCompletion
from learning_site.models import Agency, User

pytestmark = pytest.mark.django_db

SHARE = re.compile(r": ([\d,]+) of ([\d,]+) staff \((\d+)%\) have completed a module")


def completers(agency: str) -> int:
    """Northshire people of ``agency`` who completed at least one module, from the rows."""
    return (
        CourseCompletion.objects.filter(user__partnership__slug="northshire", user__agency=agency)
        .values("user")
        .distinct()
        .count()
    )


def test_board_member_opens_the_demo_report_and_sees_real_figures(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    client.force_login(User.objects.get(email="board@northshire.example"))
    response = client.get(reverse("reports_home"))
    html = response.content.decode()
    report = response.context["report"]

    # Learning gain: 'before' and 'after' paired for enough people to be shown, and up.
    for measure in (report.learning.knowledge, report.learning.confidence):
        assert not measure.change.hidden and measure.change.value > 0
        assert measure.people >= 20

    # Practice change at 3 months: the share who applied the learning and at least one
    # measure's paired change are shown.
    practice = report.practice
    assert not practice.applied["three_months"].hidden
    assert any(
        not item.waves["three_months"].change.hidden
        for item in practice.measures
        if "three_months" in item.waves
    )

    # Scenario decisions: a scenario with its players and its endings shown.
    shown = [
        row
        for row in report.scenarios.rows
        if not row.learners.hidden and any(not cell.hidden for _label, cell in row.outcomes)
    ]
    assert shown
    assert f">{shown[0].learners.display}<" in html

    # Reach: at least three agencies shown, each the real number of people who completed.
    rows = {row.key: row for row in report.reach.by_agency}
    visible = [key for key, row in rows.items() if not row.completers.hidden]
    assert len(visible) >= 3
    for key in visible:
        assert rows[key].completers.value == completers(key)
    # Housing is small in the demo: its people are there but hidden.
    assert 0 < completers(Agency.HOUSING) < 5
    assert rows[Agency.HOUSING].completers.hidden

    # The headline reads the reach back as real shares of each workforce.
    reach = report.headline.point("reach").sentences
    shares = [SHARE.search(sentence) for sentence in reach]
    shares = [match for match in shares if match]
    assert len(shares) >= 3
    for match in shares:
        people, workforce, percent = (int(g.replace(",", "")) for g in match.groups())
        assert 0 < people < workforce
        assert percent == round(100 * people / workforce)
        assert match.group(0)[2:] in html
    assert any("is not shown, as fewer than 5 people" in sentence for sentence in reach)
    change = report.headline.point("change").sentences[0]
    assert re.search(r"\d+ people completed a module from .* against \d+ from", change)
