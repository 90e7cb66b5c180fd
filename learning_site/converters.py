"""What an id in a URL must look like before any view sees it.

Our primary keys are 64-bit (``BigAutoField``). A bigger number cannot name a row, and
SQLite refuses to compare one (``OverflowError``), so such a URL is simply not found.
"""

import re

MAX_ID = 2**63 - 1
_ID = re.compile(r"[0-9]{1,19}")


def parse_object_id(value) -> int | None:
    """The id in ``value`` (text from a query string or form), or None if it is not one:
    ASCII digits only (``"²".isdigit()`` is true, but it is no id) and at most ``MAX_ID``."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


class ObjectIdConverter:
    """``<id:name>`` in a path: an id that can exist, or no match (404)."""

    regex = _ID.pattern

    def to_python(self, value: str) -> int:
        number = parse_object_id(value)
        if number is None:
            raise ValueError(f"{value!r} is not an id")
        return number

    def to_url(self, value) -> str:
        return str(value)
