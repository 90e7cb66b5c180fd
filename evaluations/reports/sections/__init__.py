"""The report's sections, in the order the page, the PDF and the CSV show them.

A new section is a module here with a ``SECTION`` (see ``base``), a template it renders
with, and one line below.
"""

from evaluations.reports.sections import comments, context, learning, practice, reach, scenarios
from evaluations.reports.sections.base import Section, SectionData

SECTIONS: list[Section] = [
    reach.SECTION,
    learning.SECTION,
    practice.SECTION,
    scenarios.SECTION,
    context.SECTION,
    comments.SECTION,
]

__all__ = ["SECTIONS", "Section", "SectionData"]
