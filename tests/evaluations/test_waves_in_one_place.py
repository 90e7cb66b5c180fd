"""The follow-up waves, their months and labels are declared once
(``evaluations.models.instruments``): a new wave is a change there plus a migration."""

import re
from pathlib import Path

from evaluations.models import WaveKind, instruments

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["courses", "evaluations", "learning_site", "research_digest", "scenarios", "templates"]
# A wave's stored value, or the months in words, written anywhere but the declaration.
LITERAL = re.compile(r"""["'](three|twelve)_months["']|\b3 and 12\b|\b3/12\b""")


def test_no_wave_is_written_out_anywhere_else():
    found = []
    for top in SOURCES:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            if path == Path(instruments.__file__) or path.name == "waves.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if LITERAL.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_a_new_follow_up_wave_reaches_labels_and_sentences(monkeypatch):
    six = "six_months"
    monkeypatch.setitem(instruments.FOLLOW_UP_MONTHS, six, 6)
    monkeypatch.setitem(instruments.WAVE_SHORT_LABELS, six, "6 months after")
    assert instruments.follow_up_months_text() == "3, 12 and 6"
    assert instruments.wave_months(six) == 6
    assert instruments.wave_label(six) == "6 months after"


def test_labels_and_months_of_todays_waves():
    assert instruments.follow_up_months_text() == "3 and 12"
    assert [instruments.wave_label(w) for w in WaveKind.values] == [
        "Before the module",
        "End of the module",
        "3 months after",
        "12 months after",
    ]
    assert instruments.wave_months(WaveKind.POST) is None
