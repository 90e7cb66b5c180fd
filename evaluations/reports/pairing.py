"""Paired sums in one SQL statement: later answers joined to the same learner's earlier
answers, then added up **per person**.

The unit is the person. A learner with several modules has one later-minus-earlier
change per module; those are averaged into one change for that person (the mean of their
per-module changes, and likewise their mean before and after), so everyone counts once in
each measure and wave and ``n`` is the number of people. Confidence intervals then rest
on independent people, not on answers that share a person.

The filters are written with the ORM (``filter_by_learner`` and friends); the querysets
are compiled to SQL and joined as derived tables, so the database does one hash join
instead of running a correlated subquery for each answer (at county scale that is the
difference between half a second and ten).
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
    """Join ``later`` to ``earlier`` on the ``on`` columns, combine each person's pairs
    into one, and sum over people.

    Both querysets must be ``.values(alias=…)`` querysets whose aliases include the
    ``on`` columns; ``later`` also has the ``group_by`` and ``person`` columns. ``pairs``
    maps a name to (earlier column, later column). Earlier rows are averaged per join
    key first, so a duplicate baseline can never count a pair twice; pass
    ``earlier_unique=True`` when a unique constraint already guarantees one row per key
    (the database then skips that grouping step).

    Returns one dict per group: the group columns, ``pairs`` (rows joined), ``people``
    (distinct ``person``), and for each pair name ``<name>_n`` (people with that pair),
    ``<name>_before`` and ``<name>_after`` (sums over people of each person's mean),
    ``<name>_sum`` (of each person's mean change) and ``<name>_sq`` (of its square).
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
    keys = [*group_by, person]
    # Inner: one row per group and person, with that person's means.
    inner = [f"l.{qn(c)} AS {qn(c)}" for c in keys] + [f"COUNT(*) AS {qn('pairs')}"]
    outer = [f"p.{qn(c)}" for c in group_by]
    outer += [f"SUM(p.{qn('pairs')})", "COUNT(*)"]
    names = []
    for name, (before, after) in pairs.items():
        diff = f"(l.{qn(after)} - b.{qn(before)})"
        both = f"l.{qn(after)} IS NOT NULL AND b.{qn(before)} IS NOT NULL"
        inner += [
            f"AVG(CASE WHEN {both} THEN b.{qn(before)} END) AS {qn(name + '_b')}",
            f"AVG(CASE WHEN {both} THEN l.{qn(after)} END) AS {qn(name + '_a')}",
            f"AVG({diff}) AS {qn(name + '_d')}",
        ]
        d = f"p.{qn(name + '_d')}"
        outer += [
            f"COUNT({d})",
            f"SUM(p.{qn(name + '_b')})",
            f"SUM(p.{qn(name + '_a')})",
            f"SUM({d})",
            f"SUM({d} * {d})",
        ]
        names += [f"{name}_n", f"{name}_before", f"{name}_after", f"{name}_sum", f"{name}_sq"]
    join = " AND ".join(f"b.{qn(c)} = l.{qn(c)}" for c in on)
    # Only quoted column names written in our code and the ORM's own compiled SQL are
    # joined in here; every value stays a query parameter.
    per_person = (
        f"SELECT {', '.join(inner)} FROM ({later_sql}) l "  # noqa: S608
        f"INNER JOIN {earlier_table} b ON {join} "
        f"GROUP BY {', '.join(f'l.{qn(c)}' for c in keys)}"
    )
    sql = f"SELECT {', '.join(outer)} FROM ({per_person}) p"  # noqa: S608
    if group_by:
        sql += f" GROUP BY {', '.join(f'p.{qn(c)}' for c in group_by)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, later_params + earlier_params)
        rows = cursor.fetchall()
    columns = [*group_by, "pairs", "people", *names]
    out = []
    for row in rows:
        item = dict(zip(columns, row, strict=True))
        if not group_by and not item["people"]:
            item["pairs"] = 0
        for key in names:
            if key.endswith("_n"):
                item[key] = int(item[key] or 0)
            elif item[key] is not None:
                item[key] = float(item[key])
        out.append(item)
    return out


def sum_pairs_by_wave(per_learner, waves) -> list[dict]:
    """Sum paired changes from a grouped queryset with one row per learner, module and
    measure and columns ``person``, ``baseline`` and one per wave (``None`` when not
    answered). Each person's changes across their modules are averaged first, so a
    person counts once per measure and wave.

    Returns a row per measure and wave with at least one pair, shaped like
    ``paired_sums``: ``measure_key``, ``wave_key``, ``pairs`` (module pairs), ``people``,
    ``v_before``, ``v_after`` (sums over people of their means), ``v_sum`` (of each
    person's mean change), ``v_sq`` (of its square).
    """
    qn = connection.ops.quote_name
    inner_sql, params = _compiled(per_learner)
    b = f"t.{qn('baseline')}"
    per_person = [f"t.{qn('measure_key')} AS {qn('measure_key')}"]
    outer = [f"p.{qn('measure_key')}"]
    for index, wave in enumerate(waves):
        w = f"t.{qn(wave)}"
        both = f"{b} IS NOT NULL AND {w} IS NOT NULL"
        per_person += [
            f"SUM(CASE WHEN {both} THEN 1 ELSE 0 END) AS {qn(f'n{index}')}",
            f"AVG(CASE WHEN {both} THEN {b} END) AS {qn(f'b{index}')}",
            f"AVG(CASE WHEN {both} THEN {w} END) AS {qn(f'a{index}')}",
            f"AVG(CASE WHEN {both} THEN {w} - {b} END) AS {qn(f'd{index}')}",
        ]
        d = f"p.{qn(f'd{index}')}"
        outer += [
            f"SUM(p.{qn(f'n{index}')})",
            f"COUNT({d})",
            f"SUM(p.{qn(f'b{index}')})",
            f"SUM(p.{qn(f'a{index}')})",
            f"SUM({d})",
            f"SUM({d} * {d})",
        ]
    inner = (
        f"SELECT {', '.join(per_person)} FROM ({inner_sql}) t "  # noqa: S608
        f"GROUP BY t.{qn('measure_key')}, t.{qn('person')}"
    )
    sql = f"SELECT {', '.join(outer)} FROM ({inner}) p GROUP BY p.{qn('measure_key')}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    out = []
    for row in fetched:
        for index, wave in enumerate(waves):
            pairs, people, before, after, total, squares = row[1 + 6 * index : 7 + 6 * index]
            if not people:
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
