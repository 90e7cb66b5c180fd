"""Lesson content blocks. Each validates in the editor with a message on the right field."""

import re

from django.core.validators import validate_slug
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from learning_site.concepts import AgeStage

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]

# Shown under a question with more than one right answer, by the answer field itself.
ALL_THAT_APPLY = "Select all that apply."
_ENDS_WITH_ALL_THAT_APPLY = re.compile(r"\s*select all that apply\W*$", re.IGNORECASE)


def question_text(question: str) -> str:
    """The question without a trailing 'Select all that apply.' (the answer field adds
    that hint; questions written before the editor refused it may still end with it)."""
    return _ENDS_WITH_ALL_THAT_APPLY.sub("", question).strip()


def _errors(**messages: str) -> StructBlockValidationError:
    return StructBlockValidationError(
        block_errors={name: ErrorList([msg]) for name, msg in messages.items()}
    )


class KeyBlock(blocks.CharBlock):
    """A short stable identifier; answers are stored against it, so keep it once published."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=60,
            validators=[validate_slug],
            help_text=(
                "A short identifier using letters, numbers and hyphens, unique in this module, "
                "for example 'definition-check'. Do not change it once learners have answered."
            ),
            **kwargs,
        )


class KeyMessageBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        template = "courses/blocks/key_message.html"
        label = "Key message"


class ChildsVoiceBlock(blocks.StructBlock):
    age_stage = blocks.ChoiceBlock(choices=AgeStage.choices)
    child = blocks.CharBlock(
        required=False, max_length=120, help_text="Who is speaking, e.g. 'A girl, aged 7'."
    )
    quote = blocks.TextBlock(help_text="The child's experience in the first person.")
    source = blocks.CharBlock(required=False, max_length=255, help_text="Where this comes from.")

    class Meta:
        icon = "openquote"
        template = "courses/blocks/childs_voice.html"
        label = "Child's voice"


class ChronologyEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(max_length=60, help_text="A date or period, e.g. 'March 2013'.")
    event = blocks.TextBlock()


class CaseVignetteBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    summary = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    chronology = blocks.ListBlock(ChronologyEntryBlock(), min_num=0, label="Chronology extract")
    source = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/case_vignette.html"
        label = "Case vignette or chronology"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class MediaBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=[("video", "Video"), ("audio", "Audio")])
    title = blocks.CharBlock(max_length=150)
    file = DocumentChooserBlock(
        help_text="Upload the video (MP4 or WebM) or audio (MP3, M4A or OGG) as a document."
    )
    captions = DocumentChooserBlock(required=False, help_text="Optional captions file (VTT).")
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text="Required: a full transcript for people who cannot hear or see the media.",
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/media.html"
        label = "Video or audio"

    def clean(self, value):
        value = super().clean(value)
        name = (value["file"].file.name or "").lower() if value.get("file") else ""
        allowed = {"video": (".mp4", ".webm"), "audio": (".mp3", ".m4a", ".ogg")}[value["kind"]]
        if name and not name.endswith(allowed):
            raise _errors(file=f"Choose a {value['kind']} file ending in {', '.join(allowed)}.")
        return value


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.TextBlock(
        help_text="Shown after the learner answers: why it is right or not."
    )


class KnowledgeCheckBlock(blocks.StructBlock):
    key = KeyBlock()
    question = blocks.CharBlock(
        max_length=300,
        help_text=f"The question only. With 'multiple' ticked, learners see '{ALL_THAT_APPLY}' "
        "under it.",
    )
    multiple = blocks.BooleanBlock(
        required=False, help_text="Tick if more than one answer is correct (learners tick all)."
    )
    # A check needs two options, so a new one starts with two empty ones to fill in.
    options = blocks.ListBlock(
        AnswerOptionBlock(),
        min_num=2,
        max_num=6,
        default=[AnswerOptionBlock().get_default(), AnswerOptionBlock().get_default()],
    )
    explanation = blocks.TextBlock(help_text="Shown once the learner has answered.")

    class Meta:
        icon = "help"
        template = "courses/blocks/knowledge_check.html"
        label = "Knowledge check"

    def clean(self, value):
        value = super().clean(value)
        if question_text(value["question"]) != value["question"].strip():
            raise _errors(
                question=f"Leave out '{ALL_THAT_APPLY}' Learners see it under the question "
                "when 'multiple' is ticked."
            )
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            raise _errors(options="Mark at least one option as correct.")
        if not value["multiple"] and correct > 1:
            raise _errors(
                options="Only one option can be correct. Tick 'multiple' to allow more than one."
            )
        if value["multiple"] and correct < 2:
            raise _errors(multiple="With one correct option, untick 'multiple'.")
        return value


class ReflectionPromptBlock(blocks.StructBlock):
    key = KeyBlock()
    prompt = blocks.TextBlock()
    guidance = blocks.TextBlock(required=False, help_text="Optional hints on how to approach it.")
    required = blocks.BooleanBlock(
        required=False, help_text="Tick if the learner must write this to complete the module."
    )

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection.html"
        label = "Reflection prompt"


class ScenarioLinkBlock(blocks.StructBlock):
    scenario = blocks.PageChooserBlock(page_type="scenarios.ScenarioPage")
    intro = blocks.TextBlock(required=False, help_text="Why the learner should play it now.")

    class Meta:
        icon = "site"
        template = "courses/blocks/scenario.html"
        label = "Case scenario (must be completed)"

    def clean(self, value):
        value = super().clean(value)
        scenario = value.get("scenario")
        if scenario is not None and not scenario.live:
            raise _errors(scenario="Choose a published scenario. This one is a draft.")
        return value


class DigestLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Read the research")
    digests = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="research_digest.ResearchDigestPage"), min_num=1
    )

    class Meta:
        icon = "link"
        template = "courses/blocks/digest_links.html"
        label = "Research digest links"


class SourcesBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=400), min_num=1, label="Citations")

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/sources.html"
        label = "Sources"


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="courses/blocks/text.html")
    key_message = KeyMessageBlock()
    childs_voice = ChildsVoiceBlock()
    case_vignette = CaseVignetteBlock()
    image = ImageBlock()
    media = MediaBlock()
    knowledge_check = KnowledgeCheckBlock()
    reflection = ReflectionPromptBlock()
    scenario = ScenarioLinkBlock()
    digest_links = DigestLinksBlock()
    sources = SourcesBlock()
