"""What a search or filtered listing says when it finds nothing.

It names everything that was asked for, so a reader can tell whether their words or a
filter left the list empty: 'No entries match “drift” with the filter “Scenario
debriefs”.' rather than blaming the words. The journal and the research digests use it.
"""

from collections.abc import Sequence


def described(filters: Sequence[tuple[str, str]]) -> str:
    """[("topic", "Drift"), ("type of evidence", "Survey")] as 'the topic “Drift” and the
    type of evidence “Survey”'."""
    parts = [f"the {name} “{value}”" for name, value in filters]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def nothing_found(things: str, query: str, filters: Sequence[tuple[str, str]]) -> str:
    if query and filters:
        return f"No {things} match “{query}” with {described(filters)}."
    if query:
        return f"No {things} match “{query}”."
    if filters:
        return f"There are no {things} with {described(filters)}."
    return f"There are no {things} yet."
