"""The research section: an index page and the digests under it."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageQuerySet, ReferenceIndex
from wagtail.search import index

from research_digest.blocks import (
    FindingBlock,
    PracticePointBlock,
    RelatedPageBlock,
    SupervisionQuestionBlock,
)
from research_digest.reading import READING_WARNING_WORDS, count_words, reading_minutes

from .topics import DigestTopic, DigestTopicLink

DIGESTS_PER_PAGE = 10


class EvidenceType(models.TextChoices):
    INSPECTION = "inspection", "Inspection"
    RESEARCH_REVIEW = "research_review", "Research review"
    STATUTORY_GUIDANCE = "statutory_guidance", "Statutory or multi-agency guidance"
    LOCAL_STRATEGY = "local_strategy", "Local strategy"
    SURVEY = "survey", "Survey of children, parents and professionals"
    POLICY_BRIEFING = "policy_briefing", "Policy briefing"


def review_after_days() -> int:
    return int(getattr(settings, "DIGEST_REVIEW_AFTER_DAYS", 365))


class DigestQuerySet(PageQuerySet):
    def for_readers(self):
        """What any visitor may read: live and not behind a privacy restriction."""
        return self.live().public()

    def tagged_with_any(self, topic_slugs):
        # A subquery rather than a join, so a digest on two of the topics appears once.
        links = DigestTopicLink.objects.filter(tag__slug__in=list(topic_slugs))
        return self.filter(pk__in=links.values("content_object_id"))

    def of_evidence_type(self, evidence_type: str):
        return self.filter(evidence_type=evidence_type)

    def newest_first(self):
        return self.order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")

    def first_published_between(self, start: datetime.datetime, end: datetime.datetime):
        return self.filter(first_published_at__gte=start, first_published_at__lt=end)

    def review_due(self, today: datetime.date | None = None):
        """Digests last reviewed more than ``DIGEST_REVIEW_AFTER_DAYS`` days ago."""
        today = today or timezone.localdate()
        return self.filter(
            last_reviewed__lt=today - datetime.timedelta(days=review_after_days())
        ).order_by("last_reviewed")


DigestManager = PageManager.from_queryset(DigestQuerySet)


@dataclass(frozen=True)
class Citation:
    """The parts of a source, ready to render as a reference-list entry."""

    author: str
    year: int | None
    title: str
    publisher: str
    reference: str
    url: str
    doi: str

    @property
    def year_label(self) -> str:
        return str(self.year) if self.year else "n.d."

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def as_text(self) -> str:
        """Harvard style, as plain text (for the feed, emails and copy-and-paste)."""
        parts = [f"{self.author} ({self.year_label}) {self.title}."]
        if self.publisher and self.publisher != self.author:
            parts.append(f"{self.publisher}.")
        if self.reference:
            parts.append(f"{self.reference}.")
        if self.doi:
            parts.append(f"doi:{self.doi}.")
        if self.url:
            parts.append(f"Available at: {self.url}.")
        return " ".join(parts)


class DigestIndexPage(Page):
    """The research section: every digest, with topic and evidence-type filters and search.

    Filters and search are a plain GET form so they work without JavaScript and each
    result page has a URL that can be shared or bookmarked.
    """

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences under the title: what digests are and who they are for.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["learning_site.HomePage"]
    subpage_types = ["research_digest.ResearchDigestPage"]
    max_count = 1

    class Meta:
        verbose_name = "research digest index"

    def digests(self) -> DigestQuerySet:
        return ResearchDigestPage.objects.child_of(self).for_readers()

    def get_context(self, request, *args, **kwargs):
        from learning_site.search_results import nothing_found
        from research_digest.services import DigestFilters, find_digests

        context = super().get_context(request, *args, **kwargs)
        filters = DigestFilters.from_query(request.GET)
        results = find_digests(self.digests(), filters)
        paginator = Paginator(results, DIGESTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            filters=filters,
            page_obj=page_obj,
            digests=page_obj.object_list,
            result_count=paginator.count,
            topics=DigestTopic.objects.filter(
                digest_links__content_object__in=self.digests()
            ).distinct(),
            evidence_types=EvidenceType.choices,
            query_without_page=filters.as_query_string(),
        )
        if not paginator.count:
            context["nothing_found"] = nothing_found("digests", filters.query, filters.described())
        return context


class ResearchDigestPage(Page):
    """A five-minute summary of one piece of evidence, and what it means for practice."""

    takeaway = models.CharField(
        max_length=280,
        help_text="The one sentence a busy practitioner should remember. Shown in lists and emails.",
    )
    summary = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=(
            "What the source is and what it found, in your own words. The whole digest should "
            f"read in five minutes: the panel above warns past {READING_WARNING_WORDS} words."
        ),
    )
    key_findings = StreamField(
        [("finding", FindingBlock())],
        help_text="The findings, most important first, each with its figure where there is one.",
    )
    implications = StreamField(
        [("point", PracticePointBlock())],
        verbose_name="what this means for practice",
        help_text="What a practitioner should do differently, one action per point.",
    )
    supervision_questions = StreamField(
        [("question", SupervisionQuestionBlock())],
        blank=True,
        verbose_name="questions to take to supervision",
        help_text="Two or three questions for supervision or a team meeting.",
    )
    evidence_type = models.CharField(
        max_length=32,
        choices=EvidenceType.choices,
        help_text="What kind of evidence the source is. Readers filter by this.",
    )
    topics = ClusterTaggableManager(
        through=DigestTopicLink,
        blank=True,
        help_text=(
            "Choose from the existing topics. Topics named after the shared concepts link "
            "this digest to scenario debriefs and modules on the same concept."
        ),
    )
    source_author = models.CharField(
        "authors or body",
        max_length=255,
        help_text='Who wrote or published it, e.g. "Ofsted" or "Smith, J. and Jones, K.".',
    )
    source_title = models.CharField("title", max_length=255)
    source_publisher = models.CharField(
        "publisher",
        max_length=255,
        blank=True,
        help_text="Leave blank when the publisher is the same as the author.",
    )
    source_year = models.PositiveSmallIntegerField(
        "year",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="Leave blank if the source is undated; the citation then says n.d.",
    )
    source_reference = models.CharField(
        "report number or date",
        max_length=120,
        blank=True,
        help_text='Optional, e.g. "No. 140059" or "25 April 2014".',
    )
    source_url = models.URLField("web address", blank=True, max_length=500)
    source_doi = models.CharField(
        "DOI",
        max_length=120,
        blank=True,
        help_text='Optional digital object identifier, without "https://doi.org/".',
    )
    related_pages = StreamField(
        [("page", RelatedPageBlock())],
        blank=True,
        help_text="Modules, scenarios or other digests to read next.",
    )
    last_reviewed = models.DateField(
        default=datetime.date.today,
        help_text=(
            "When someone last checked this digest is still current. Trainers are warned "
            "when it is older than the review period."
        ),
    )

    objects = DigestManager()

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            template="research_digest/admin/editorial_panel.html",
            heading="Reading time and review",
        ),
        FieldPanel("takeaway"),
        FieldPanel("summary"),
        FieldPanel("key_findings"),
        FieldPanel("implications"),
        FieldPanel("supervision_questions"),
        MultiFieldPanel(
            [
                FieldPanel("source_author"),
                FieldPanel("source_title"),
                FieldRowPanel(
                    [FieldPanel("source_publisher"), FieldPanel("source_year")],
                ),
                FieldPanel("source_reference"),
                FieldRowPanel([FieldPanel("source_url"), FieldPanel("source_doi")]),
            ],
            heading="Source",
        ),
        FieldPanel("evidence_type"),
        FieldPanel("topics"),
        FieldPanel("related_pages"),
        FieldPanel("last_reviewed"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("takeaway", boost=3),
        index.SearchField("summary"),
        index.SearchField("key_findings"),
        index.SearchField("implications"),
        index.SearchField("source_title"),
        index.SearchField("source_author"),
        index.RelatedFields("topics", [index.SearchField("name", boost=4)]),
        index.FilterField("evidence_type"),
        index.FilterField("last_reviewed"),
    ]

    parent_page_types = ["research_digest.DigestIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "research digest"

    # --- Reading time -------------------------------------------------------------------

    @cached_property
    def word_count(self) -> int:
        findings = [
            f"{block.value['figure']} {block.value['finding']}" for block in self.key_findings
        ]
        points = [block.value["point"] for block in self.implications]
        return count_words(self.summary, *findings, *points)

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @property
    def too_long(self) -> bool:
        return self.word_count > READING_WARNING_WORDS

    @property
    def reading_warning_words(self) -> int:
        return READING_WARNING_WORDS

    # --- Review -------------------------------------------------------------------------

    @property
    def review_period_days(self) -> int:
        return review_after_days()

    @property
    def review_due_on(self) -> datetime.date | None:
        if not self.last_reviewed:
            return None
        return self.last_reviewed + datetime.timedelta(days=review_after_days())

    def is_review_due(self, today: datetime.date | None = None) -> bool:
        due = self.review_due_on
        return due is not None and due < (today or timezone.localdate())

    @property
    def review_due(self) -> bool:
        return self.is_review_due()

    # --- Source -------------------------------------------------------------------------

    @property
    def citation(self) -> Citation:
        return Citation(
            author=self.source_author,
            year=self.source_year,
            title=self.source_title,
            publisher=self.source_publisher,
            reference=self.source_reference,
            url=self.source_url,
            doi=self.source_doi,
        )

    @property
    def source_label(self) -> str:
        """Short attribution for lists: "Ofsted, 2014"."""
        return f"{self.source_author}, {self.citation.year_label}"

    # --- Links both ways ----------------------------------------------------------------

    def used_in(self) -> list[Page]:
        """Live, public pages (modules, scenarios, other digests) that link to this one.

        Read from Wagtail's reference index, so this app needs to know nothing about the
        page types that link here. Two queries, however many pages link.
        """
        source_ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type=ReferenceIndex._get_base_content_type(self))
            .values_list("object_id", flat=True)
        )
        ids = {int(pk) for pk in source_ids if str(pk).isdigit()} - {self.pk}
        if not ids:
            return []
        return list(Page.objects.live().public().filter(pk__in=ids).specific().order_by("title"))

    def related(self) -> list[Page]:
        """Live pages chosen in "related pages", in the editor's order."""
        pages = [block.value["page"] for block in self.related_pages if block.value["page"]]
        live_ids = set(
            Page.objects.live()
            .public()
            .filter(pk__in=[p.pk for p in pages])
            .values_list("pk", flat=True)
        )
        return [page.specific for page in pages if page.pk in live_ids]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's cached fragment is missing (the template calls
        # them): the same for every reader, kept under the content version.
        context["used_in"] = self.used_in
        context["related"] = self.related
        context["citation"] = self.citation
        context["topic_list"] = self.topic_list
        return context

    def topic_list(self) -> list:
        return list(self.topics.all())
