"""Paired sums in one SQL statement: each person's earlier and later values side by
side, added up **per person**.

The unit is the person. A learner with several modules has one later-minus-earlier
change per module; those are averaged into one change for that person (the mean of their
per-module changes, and likewise their mean before and after), so everyone counts once in
each measure and wave and ``n`` is the number of people. Confidence intervals then rest
on independent people, not on answers that share a person.

The filters are written with the ORM (``filter_by_learner`` and friends); the querysets
are compiled to SQL and used as derived tables, so the database groups the rows in one
pass instead of running a correlated subquery for each answer. Values are cast to
floating point before they are averaged: PostgreSQL averages whole numbers as
``numeric``, exact to many places and several times slower, for figures shown to one.
"""

from __future__ import annotations

from django.db import connection


def _compiled(qs) -> tuple[str, tuple]:
    # Drop the model's default ordering: a derived table needs none, and sorting half a
    # million answers by response and question position is most of the work otherwise.
    sql, params = qs.order_by().query.sql_with_params()
    return sql, tuple(params)


def _per_person_columns(pairs: dict[str, tuple[str, str]]) -> tuple[list[str], list[str]]:
    """SELECT columns of one person's means (from derived table ``l``) and of the sums
    over people (from ``p``), for each pair name."""
    qn = connection.ops.quote_name
    inner, outer = [], []
    for name, (before, after) in pairs.items():
        diff = f"(l.{qn(after)} - l.{qn(before)})"
        both = f"l.{qn(after)} IS NOT NULL AND l.{qn(before)} IS NOT NULL"
        inner += [
            f"AVG(CASE WHEN {both} THEN l.{qn(before)} END) AS {qn(name + '_b')}",
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
    return inner, outer


def paired_sums(pairs_qs, *, group_by: list[str], person: str,
                pairs: dict[str, tuple[str, str]], overall: bool = True,
                ) -> tuple[dict | None, list[dict]]:  # fmt: skip
    """Combine each person's pairs into one and sum over people: overall, and per group,
    in one statement.

    ``pairs_qs`` is a ``.values(alias=…)`` queryset with one row per pair (earlier and
    later values side by side) and columns ``person``, the ``group_by`` columns and,
    for each name in ``pairs``, its (earlier column, later column).

    Returns the overall row and one row per group: the group columns, ``pairs`` (rows),
    ``people`` (distinct ``person``), and for each pair name ``<name>_n`` (people with
    that pair), ``<name>_before`` and ``<name>_after`` (sums over people of each
    person's mean), ``<name>_sum`` (of each person's mean change) and ``<name>_sq`` (of
    its square). Overall, a person in several groups counts once. With ``overall``
    false, the overall row is not added up (and is None): the caller has it already.
    """
    qn = connection.ops.quote_name
    sql, params = _compiled(pairs_qs)
    inner, outer = _per_person_columns(pairs)

    def summed(keys):
        # Only quoted column names written in our code and the ORM's own compiled SQL
        # are joined in here; every value stays a query parameter.
        per_person = ", ".join(
            [*(f"l.{qn(c)}" for c in keys), f"COUNT(*) AS {qn('pairs')}", *inner]
        )
        groups = [c for c in keys if c != person]
        selected = ["0" if groups else "1"]
        selected += [f"p.{qn(c)}" for c in groups] if groups else ["NULL"] * len(group_by)
        selected += [f"SUM(p.{qn('pairs')})", "COUNT(*)", *outer]
        query = (
            f"SELECT {', '.join(selected)} FROM (SELECT {per_person} FROM l "  # noqa: S608
            f"GROUP BY {', '.join(f'l.{qn(c)}' for c in keys)}) p"
        )
        if groups:
            query += f" GROUP BY {', '.join(f'p.{qn(c)}' for c in groups)}"
        return query

    # The pairs are found once (a common table expression) and added up twice: per group
    # and per person, and overall per person.
    statement = f"WITH l AS ({sql}) {summed([*group_by, person])}"
    if overall:
        statement += f" UNION ALL {summed([person])}"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        fetched = cursor.fetchall()
    names = [f"{n}_{part}" for n in pairs for part in ("n", "before", "after", "sum", "sq")]
    columns = [*group_by, "pairs", "people", *names]
    total, rows = None, []
    for is_total, *values in fetched:
        item = dict(zip(columns, values, strict=True))
        item["pairs"] = int(item["pairs"] or 0)
        for key in names:
            if key.endswith("_n"):
                item[key] = int(item[key] or 0)
            elif item[key] is not None:
                item[key] = float(item[key])
        if is_total:
            total = item
        else:
            rows.append(item)
    return total, rows


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
