"""Reading time: how long a digest takes to read, from the words a reader actually reads.

We count the summary, the key findings and the practice points (not the citation or the
supervision questions, which are for later) at 200 words a minute, a deliberately slow
rate for careful reading of unfamiliar material on a screen. A digest is meant to be a
five-minute read, so the editor warns past ``READING_WARNING_WORDS`` (about three
minutes of summary leaves room for the rest).
"""

import html
import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
READING_WARNING_WORDS = 600

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def count_words(*texts: str) -> int:
    """Words in plain text or HTML (tags are dropped, entities count as nothing)."""
    total = 0
    for text in texts:
        if text:
            plain = html.unescape(strip_tags(str(text)))
            total += len(_WORD.findall(plain))
    return total


def reading_minutes(words: int) -> int:
    """Whole minutes, rounded up, never less than one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
