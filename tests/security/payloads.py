"""The XSS corpus in ``xss_payloads.txt``, shared by the browser and the fast tests."""

from functools import cache
from pathlib import Path

PAYLOADS_FILE = Path(__file__).resolve().parent / "xss_payloads.txt"


@cache
def load_payloads() -> tuple[str, ...]:
    payloads: list[str] = []
    for line in PAYLOADS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        if line not in payloads:
            payloads.append(line)
    return tuple(payloads)


def marked(payload: str, index: int, max_length: int | None = None) -> tuple[str, str]:
    """The value to submit, and the plain word that must survive cleaning.

    The word goes first: stripping an unclosed tag may take the text after it, but never
    the text before it.
    """
    word = f"Kept{index:03d}"
    value = f"{word} {payload}"
    if max_length is not None:
        value = value[:max_length]
    return value, word
