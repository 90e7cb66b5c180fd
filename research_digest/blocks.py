"""StreamField blocks of a research digest.

Findings, practice points and supervision questions are ordered lists whose order is
the content itself (the most important first), so each is a StreamField of one small
block rather than a child model.
"""

from wagtail import blocks


class FindingBlock(blocks.StructBlock):
    """One key finding, led by its figure when it has one ("1 in 3", "55 of 124")."""

    figure = blocks.CharBlock(
        required=False,
        max_length=40,
        help_text='The number the finding turns on, e.g. "a third" or "55 of 124". Optional.',
    )
    finding = blocks.TextBlock(
        help_text="The finding in one or two plain sentences, in your own words."
    )

    class Meta:
        icon = "pick"
        template = "research_digest/blocks/finding_block.html"
        label = "Key finding"
        preview_value = {
            "figure": "a third",
            "finding": "of long-term neglect cases had drifted without the child's life improving.",
        }


class PracticePointBlock(blocks.StructBlock):
    """One thing a practitioner should do differently, said as an action."""

    point = blocks.TextBlock(help_text="Start with a verb: what should a practitioner do?")

    class Meta:
        icon = "tick"
        template = "research_digest/blocks/practice_point_block.html"
        label = "Practice point"
        preview_value = {"point": "Write down what has changed for the child, not for the adult."}


class SupervisionQuestionBlock(blocks.StructBlock):
    """A question to take to supervision or a team discussion."""

    question = blocks.CharBlock(max_length=300, help_text="End with a question mark.")

    class Meta:
        icon = "help"
        template = "research_digest/blocks/supervision_question_block.html"
        label = "Supervision question"
        preview_value = {"question": "What would the child say a typical day is like?"}


class RelatedPageBlock(blocks.StructBlock):
    """A module, scenario or another digest to read next.

    Any page type can be chosen: digests must not import the courses or scenarios apps,
    and Wagtail's reference index records these links so each page can list its users.
    """

    page = blocks.PageChooserBlock(help_text="A module, scenario or digest.")

    class Meta:
        icon = "link"
        template = "research_digest/blocks/related_page_block.html"
        label = "Related page"
