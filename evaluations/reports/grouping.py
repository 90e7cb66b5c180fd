"""People counted per group in two steps: one row per person first, then the people per
group added up.

``COUNT(DISTINCT person)`` makes PostgreSQL sort the rows once for each such count; at
county scale (hundreds of thousands of rows) that was most of a section's time. Grouping
by person first is one hashed pass, after which counting people is a plain ``SUM`` of
per-person flags (1 if the person has the property, else 0).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, Max, Q, Value, When


def flag(condition: Q) -> Max:
    """1 for a person with at least one row meeting ``condition``, else 0."""
    return Max(Case(When(condition, then=Value(1)), default=Value(0)))


def people_per_group(
    per_person, group_by: list[str], sums: list[str], *, described_by=None, person="user_id"
) -> list[dict]:
    """Add up a ``.values(…).annotate(…)`` queryset with one row per person (and group).

    With ``described_by`` (a ``.values("id", …)`` queryset of people, one row each), the
    ``group_by`` columns are its columns, joined on ``per_person``'s ``person`` column:
    the people's rows are then grouped by their id alone and the groups (agency, job
    role) looked up once per person rather than carried along every row.

    Returns one dict per group: the ``group_by`` columns, ``people`` (rows, that is
    people) and the sum of each column named in ``sums``."""
    qn = connection.ops.quote_name
    sql, params = per_person.order_by().query.sql_with_params()
    source = f"({sql}) p"
    groups = [f"p.{qn(c)}" for c in group_by]
    if described_by is not None:
        described, described_params = described_by.order_by().query.sql_with_params()
        source += f" INNER JOIN ({described}) d ON d.{qn('id')} = p.{qn(person)}"
        params = (*params, *described_params)
        groups = [f"d.{qn(c)}" for c in group_by]
    selected = [*groups, "COUNT(*)", *(f"SUM(p.{qn(c)})" for c in sums)]
    # Only quoted column names written in our code and the ORM's own compiled SQL are
    # joined in here; every value stays a query parameter.
    statement = f"SELECT {', '.join(selected)} FROM {source}"  # noqa: S608
    if groups:
        statement += f" GROUP BY {', '.join(groups)}"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        fetched = cursor.fetchall()
    columns = [*group_by, "people", *sums]
    out = []
    for row in fetched:
        item = dict(zip(columns, row, strict=True))
        for name in ("people", *sums):
            item[name] = int(item[name] or 0)
        out.append(item)
    return out
