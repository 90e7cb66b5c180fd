"""Paired sums in one SQL statement: later answers joined to the same learner's earlier
answers, then grouped.

The filters are written with the ORM (``filter_by_learner`` and friends); the two
querysets are compiled to SQL and joined as derived tables, so the database does one hash
join instead of running a correlated subquery for each answer (at county scale that is
the difference between half a second and ten).
"""

from __future__ import annotations

from django.db import connection


def _compiled(qs) -> tuple[str, tuple]:
    # Drop the model's default ordering: a derived table needs none, and sorting half a
    # million answers by response and question position is most of the work otherwise.
    sql, params = qs.order_by().query.sql_with_params()
    return sql, tuple(params)


def paired_sums(later, earlier, *, on: list[str], group_by: list[str], person: str,
                pairs: dict[str, tuple[str, str]], earlier_unique: bool = False) -> list[dict]:  # fmt: skip
    """Join ``later`` to ``earlier`` on the ``on`` columns and sum each pair.

    Both querysets must be ``.values(alias=…)`` querysets whose aliases include the
    ``on`` columns; ``later`` also has the ``group_by`` and ``person`` columns. ``pairs``
    maps a name to (earlier column, later column). Earlier rows are averaged per join
    key first, so a duplicate baseline can never count a pair twice; pass
    ``earlier_unique=True`` when a unique constraint already guarantees one row per key
    (the database then skips that grouping step).

    Returns one dict per group: the group columns, ``pairs`` (rows joined), ``people``
    (distinct ``person``), and for each pair name ``<name>_before``, ``<name>_after``,
    ``<name>_sum`` (of after - before) and ``<name>_sq`` (of its square).
    """
    qn = connection.ops.quote_name
    later_sql, later_params = _compiled(later)
    earlier_sql, earlier_params = _compiled(earlier)
    earlier_cols = sorted({col for col, _ in pairs.values()})
    if earlier_unique:
        earlier_table = f"({earlier_sql})"
    else:
        earlier_select = ", ".join(
            [f"e.{qn(c)}" for c in on] + [f"AVG(e.{qn(c)}) AS {qn(c)}" for c in earlier_cols]
        )
        earlier_table = (
            f"(SELECT {earlier_select} FROM ({earlier_sql}) e "  # noqa: S608
            f"GROUP BY {', '.join(f'e.{qn(c)}' for c in on)})"
        )
    selects = [f"l.{qn(c)}" for c in group_by]
    selects += ["COUNT(*)", f"COUNT(DISTINCT l.{qn(person)})"]
    names = []
    for name, (before, after) in pairs.items():
        diff = f"(l.{qn(after)} - b.{qn(before)})"
        selects += [
            f"SUM(b.{qn(before)})",
            f"SUM(l.{qn(after)})",
            f"SUM{diff}",
            f"SUM({diff} * {diff})",
        ]
        names += [f"{name}_before", f"{name}_after", f"{name}_sum", f"{name}_sq"]
    join = " AND ".join(f"b.{qn(c)} = l.{qn(c)}" for c in on)
    # Only quoted column names written in our code and the ORM's own compiled SQL are
    # joined in here; every value stays a query parameter.
    sql = (
        f"SELECT {', '.join(selects)} FROM ({later_sql}) l "  # noqa: S608
        f"INNER JOIN {earlier_table} b ON {join}"
    )
    if group_by:
        sql += f" GROUP BY {', '.join(f'l.{qn(c)}' for c in group_by)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, later_params + earlier_params)
        rows = cursor.fetchall()
    columns = [*group_by, "pairs", "people", *names]
    out = []
    for row in rows:
        item = dict(zip(columns, row, strict=True))
        out.append({k: float(v) if k in names and v is not None else v for k, v in item.items()})
    return out


def sum_pairs_by_wave(per_learner, waves) -> list[dict]:
    """Sum paired changes from a grouped queryset with one row per learner and measure
    and columns ``baseline`` and one per wave (``None`` when not answered).

    Returns a row per measure and wave with at least one pair, shaped like
    ``paired_sums``: ``measure_key``, ``wave_key``, ``pairs``, ``people``, ``v_before``,
    ``v_after``, ``v_sum``, ``v_sq``.
    """
    qn = connection.ops.quote_name
    inner_sql, params = _compiled(per_learner)
    b = f"t.{qn('baseline')}"
    selects = [f"t.{qn('measure_key')}"]
    for wave in waves:
        w = f"t.{qn(wave)}"
        both = f"{b} IS NOT NULL AND {w} IS NOT NULL"
        diff = f"({w} - {b})"
        selects += [
            f"SUM(CASE WHEN {both} THEN 1 ELSE 0 END)",
            f"COUNT(DISTINCT CASE WHEN {both} THEN t.{qn('person')} END)",
            f"SUM(CASE WHEN {both} THEN {b} END)",
            f"SUM(CASE WHEN {both} THEN {w} END)",
            f"SUM(CASE WHEN {both} THEN {diff} END)",
            f"SUM(CASE WHEN {both} THEN {diff} * {diff} END)",
        ]
    sql = (
        f"SELECT {', '.join(selects)} FROM ({inner_sql}) t "  # noqa: S608
        f"GROUP BY t.{qn('measure_key')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    out = []
    for row in fetched:
        for index, wave in enumerate(waves):
            pairs, people, before, after, total, squares = row[1 + 6 * index : 7 + 6 * index]
            if not pairs:
                continue
            out.append(
                {
                    "measure_key": row[0],
                    "wave_key": wave,
                    "pairs": int(pairs),
                    "people": int(people),
                    "v_before": float(before),
                    "v_after": float(after),
                    "v_sum": float(total),
                    "v_sq": float(squares),
                }
            )
    return out
