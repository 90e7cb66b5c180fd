"""Demo research digests, written in our own words from the five seed documents.

Slugs are fixed: the demo modules and scenarios link digests by these slugs. Every
shared concept (``learning_site.concepts.Concept``) is a topic of at least one digest.
Running ``seed`` again updates the same pages; StreamField blocks get ids derived from
the slug so a second run stores exactly the same content.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db import transaction

from learning_site.concepts import Concept
from research_digest.models import (
    DigestIndexPage,
    DigestTopic,
    EvidenceType,
    ResearchDigestPage,
    ensure_concept_topics,
)

INDEX_SLUG = "research"
OFSTED_URL = "https://www.gov.uk/government/publications/in-the-childs-time-professional-responses-to-neglect"
# A review date that stays "current" for the demo, and one deliberately past review so
# trainers see the warning.
REVIEWED = datetime.date(2026, 9, 1)
REVIEW_OVERDUE = datetime.date(2025, 6, 2)


@dataclass(frozen=True)
class DemoDigest:
    slug: str
    title: str
    takeaway: str
    summary: str
    findings: list[tuple[str, str]]
    points: list[str]
    questions: list[str]
    evidence_type: str
    topics: list[Concept]
    author: str
    source_title: str
    year: int | None
    publisher: str = ""
    reference: str = ""
    url: str = ""
    related: list[str] = field(default_factory=list)
    last_reviewed: datetime.date = REVIEWED


DIGESTS = [
    DemoDigest(
        slug="in-the-childs-time-key-findings",
        title="In the child's time: what inspectors found about neglect",
        takeaway=(
            "In a third of long-term neglect cases the help drifted, and nearly half of "
            "assessments missed the family's history or what neglect was doing to the child."
        ),
        summary=(
            "<p>For a report published in March 2014, Ofsted inspectors looked at how "
            "professionals in 11 local authority areas responded when they found neglect, "
            "concentrating on children under ten. "
            "They read 124 case files, 55 of them in depth, and talked to the people who had "
            "made referrals and to the multi-agency groups working with each family.</p>"
            "<p>The picture was uneven. Some areas used well-evidenced assessment tools and "
            "tracked whether a child's life was actually getting better. Elsewhere, cases "
            "stopped and started, plans met the family's short-term needs but not the "
            "child's long-term ones, and nobody challenged parents who were not engaging.</p>"
            "<p>Inspectors also asked about learning. Staff could reach research, but rarely "
            "used research on a specific case, and few boards checked whether neglect "
            "training changed practice. The areas doing best usually had a neglect strategy "
            "or a planned improvement programme.</p>"
        ),
        findings=[
            (
                "1 in 3",
                "long-term cases showed drift and delay at some point, leaving children "
                "in neglect for longer than they should have been.",
            ),
            (
                "Nearly half",
                "of the assessments read did not take enough account of family "
                "history or did not show the impact of neglect on the child.",
            ),
            (
                "21%",
                "of the long-term cases inspectors sampled (11 cases) had missed chances to "
                "start care proceedings.",
            ),
            (
                "Few",
                "multi-agency groups had a clear plan for parents who did not comply, and "
                "professionals did not consistently challenge them.",
            ),
            (
                "By exception",
                "front-line social workers used specific research on a case; the "
                "impact of neglect training was seldom evaluated.",
            ),
        ],
        points=[
            "Start every assessment from the family's history: read the chronology before "
            "you judge the present.",
            "Say in writing what daily life is like for the child, not only what the parents need.",
            "Measure progress by change for the child, and say what happens if change does "
            "not come.",
            "When a plan is not working, raise it in supervision now rather than at the next "
            "review.",
        ],
        questions=[
            "Which of my cases has been open longest without the child's life improving?",
            "Does my last assessment say what a day is like for this child?",
        ],
        evidence_type=EvidenceType.INSPECTION,
        topics=[Concept.DRIFT_AND_DELAY, Concept.CHRONOLOGY_AND_HISTORY, Concept.CHILDS_VOICE],
        author="Ofsted",
        source_title="In the child's time: professional responses to neglect",
        year=2014,
        reference="March 2014, No. 140059",
        url=OFSTED_URL,
        related=["in-the-childs-time-recommendations", "csn-lgiu-briefing"],
    ),
    DemoDigest(
        slug="in-the-childs-time-recommendations",
        title="In the child's time: what partnerships were asked to do",
        takeaway=(
            "Inspectors asked safeguarding boards to watch neglect data, train staff on "
            "non-compliance and disguised compliance, and make sure everyone knows how to "
            "escalate."
        ),
        summary=(
            "<p>Ofsted's 2014 neglect inspection ended with recommendations for government, "
            "for Local Safeguarding Children Boards (LSCBs, now safeguarding partnerships) and "
            "for local authorities. This digest sets out the ones for partnerships and "
            "councils, because they shape the training and oversight you get.</p>"
            "<p>Boards were asked to look regularly at data and audit findings on neglect "
            "across early help, child in need and child protection work, and to bring adult "
            "services into joint planning for children. Councils were asked for firm "
            "management oversight so drift is spotted, plans with timescales and the "
            "consequences of no change, and a threshold for care proceedings that everyone "
            "understands.</p>"
        ),
        findings=[
            (
                "5",
                "recommendations went to LSCBs: use neglect data, join up adult and "
                "children's services, train on non-compliance and disguised compliance, give "
                "access to current research, and make escalation routes clear.",
            ),
            (
                "7",
                "recommendations went to local authorities, from management oversight of "
                "drift to clear written evidence for courts.",
            ),
            (
                "2",
                "recommendations went to government: neglect in social work training and a "
                "multi-agency neglect strategy in every LSCB area.",
            ),
        ],
        points=[
            "Know your partnership's escalation policy and use it when a referral is not "
            "accepted and you are still worried.",
            "Expect plans to say what must change, by when, and what happens if it does not.",
            "Ask adult mental health, substance misuse and domestic abuse services what they "
            "know about the children in the household.",
            "Treat training on disguised compliance as core, not optional.",
        ],
        questions=[
            "When did I last challenge a decision I disagreed with, and how?",
            "Does the plan for my family set out the consequences of no change?",
        ],
        evidence_type=EvidenceType.INSPECTION,
        topics=[
            Concept.ESCALATION_AND_CHALLENGE,
            Concept.DISGUISED_COMPLIANCE,
            Concept.DRIFT_AND_DELAY,
        ],
        author="Ofsted",
        source_title="In the child's time: professional responses to neglect",
        year=2014,
        reference="March 2014, No. 140059, recommendations",
        url=OFSTED_URL,
        related=["in-the-childs-time-key-findings", "blackburn-with-darwen-neglect-strategy"],
    ),
    DemoDigest(
        slug="csn-lgiu-briefing",
        title="A policy reading of the Ofsted neglect inspection",
        takeaway=(
            "A briefing for councillors and officers read the inspection as a warning that "
            "practice is a postcode lottery and that practitioners have no time to absorb "
            "research."
        ),
        summary=(
            "<p>On 25 April 2014, after Ofsted's March report, the Children's Services "
            "Network (CSN) of the Local Government Information Unit (LGiU) published a short "
            "briefing for "
            "elected members and officers. It retells the findings and adds a policy "
            "commentary.</p>"
            "<p>The briefing stresses that parents' lack of engagement was a common thread in "
            "cases where children did not progress, yet few planning groups had a strategy "
            "for it. It notes that boards could count child protection plans for neglect but "
            "not the wider number of neglected children, including those in early help. Its "
            "commentary links the report to Action for Children's research published the "
            "same week, to cuts of about a quarter in many council budgets, and to rising "
            "child poverty.</p>"
        ),
        findings=[
            (
                "1.5 million",
                "children in the UK, about one in ten, were thought to be "
                "experiencing some form of neglect.",
            ),
            (
                "73%",
                "of children in Action for Children's research knew another child showing "
                "signs of neglect, a figure the briefing sets against professionals missing it.",
            ),
            ("About 25%", "had been cut from many councils' budgets, while referrals rose."),
        ],
        points=[
            "If a family is not engaging, say so in the plan and agree a response as a group.",
            "Count the neglected children you support below child protection too; they are "
            "part of the picture your board needs.",
            "Use short digests like this one to keep up with research in the time you have.",
        ],
        questions=[
            "Which of my families have I stopped expecting to engage?",
        ],
        evidence_type=EvidenceType.POLICY_BRIEFING,
        topics=[Concept.ESCALATION_AND_CHALLENGE, Concept.DRIFT_AND_DELAY],
        author="Surowiec, C.",
        source_title=(
            "In the child's time: professional responses to neglect – Ofsted survey "
            "(CSN policy briefing)"
        ),
        year=2014,
        publisher="Local Government Information Unit / Children's Services Network",
        reference="25 April 2014",
        url="https://www.lgiu.org.uk",
        related=["in-the-childs-time-key-findings", "action-for-children-voices"],
    ),
    DemoDigest(
        slug="blackburn-with-darwen-neglect-strategy",
        title="A local neglect strategy: objectives and how to tell it is working",
        takeaway=(
            "Blackburn with Darwen set five objectives for neglect and named the figures "
            "that would show its strategy was working, from re-registrations to school "
            "absence."
        ),
        summary=(
            "<p>Blackburn with Darwen's safeguarding board wrote a neglect strategy that "
            "draws on the Ofsted inspection. The document is undated; it adopts the "
            "definition from the March 2015 edition of <i>Working Together</i>. It notes "
            "that neglect accounted for 41% of child protection plans nationally and 35% "
            "locally.</p>"
            "<p>The strategy has five objectives: awareness across agencies, including adult "
            "services; earlier recognition, using early help assessments (CAF) where one "
            "agency cannot meet a child's needs; better assessment built on a chronology; "
            "consistent, outcome-focused plans at every level; and ways to measure impact. "
            "It warns that poverty is a risk factor, not proof of neglect, and that chronic "
            "cases may need long-term support.</p>"
            "<p>To keep neglect in focus, each agency names a neglect champion and checks its "
            "own work through quality assurance that includes direct feedback from children "
            "and families. The board's quality sub-group runs a neglect-themed audit every "
            "year for three years.</p>"
        ),
        findings=[
            ("35%", "of local child protection plans were for neglect, against 41% nationally."),
            (
                "5",
                "core objectives: awareness, recognition, assessment, planning and "
                "measuring impact.",
            ),
            (
                "7",
                "measures of success: fewer re-registrations for neglect, fewer re-referrals "
                "after assessment, fewer looked-after children, less frequent school absence, "
                "more CAFs per agency, more take-up of the two-year-old offer, and more cases "
                "stepped down because outcomes were met.",
            ),
            (
                "3",
                "years of annual neglect-themed audits by the board; each agency's own quality "
                "assurance includes feedback from children and families.",
            ),
        ],
        points=[
            "Write plans with desired outcomes and the evidence that will show them, so "
            "step-down decisions rest on change, not time.",
            "Do not mistake poverty for neglect; ask what care the child actually gets.",
            "Find out who your agency's neglect champion is.",
        ],
        questions=[
            "Which of these seven measures could my team influence this year?",
        ],
        evidence_type=EvidenceType.LOCAL_STRATEGY,
        topics=[Concept.DRIFT_AND_DELAY, Concept.CHRONOLOGY_AND_HISTORY],
        author="Blackburn with Darwen Safeguarding Children Board",
        source_title="Neglect strategy",
        year=None,
        reference="Undated; uses the Working Together to Safeguard Children (2015) definition",
        related=["in-the-childs-time-recommendations"],
        last_reviewed=REVIEW_OVERDUE,
    ),
    DemoDigest(
        slug="ssscb-optimism-start-again-disguised-compliance",
        title="The rule of optimism, start-again syndrome and disguised compliance",
        takeaway=(
            "Three habits of thinking cause drift in neglect cases: hoping for the best, "
            "wiping the slate clean, and taking a parent's apparent co-operation at face "
            "value."
        ),
        summary=(
            "<p>The Stoke-on-Trent and Staffordshire Safeguarding Children Board (SSSCB) "
            "multi-agency neglect guidance of 2020 names three traps that keep children in "
            "neglect.</p>"
            "<p><b>The rule of optimism</b>: we want to think well of families, especially "
            "vulnerable parents, so we play down concerns and miss patterns. "
            "<b>Start-again syndrome</b>: overwhelmed by a complex family, we set the history "
            "aside and back a fresh start. <b>Disguised compliance</b>: a parent appears to "
            "co-operate so that concerns ease and professionals step back, while nothing "
            "changes for the child.</p>"
            "<p>The guidance describes four kinds of resistance: hostile, passive-aggressive, "
            "passive-hopeless and challenging. It also asks whether what looks like "
            "disguised compliance might be a parent who does not understand what is asked, "
            "or has an unmet learning need.</p>"
        ),
        findings=[
            (
                "3",
                "traps (optimism, starting again, disguised compliance) are named as common "
                "causes of drift in assessment, intervention and planning.",
            ),
            (
                "4",
                "kinds of resistance: hostile, passive-aggressive, passive-hopeless and "
                "challenging.",
            ),
            (
                "62%",
                "of Staffordshire's 645 child protection plans at 31 March 2020 (400 plans) "
                "had neglect as the category; for Stoke-on-Trent the guidance gives “343 "
                "(69%)”.",
            ),
        ],
        points=[
            "Judge engagement by what has changed for the child, not by attendance or promises.",
            "Keep a multi-agency chronology and read it before any new assessment.",
            "Use a tool such as the Graded Care Profile 2 to measure change over time.",
            "Take cases where you feel hopeful to supervision too, and ask to be challenged.",
        ],
        questions=[
            "What evidence, other than the parent's word, shows things are better?",
            "Am I starting again with this family? What does the chronology say?",
            "Could this be a learning need rather than resistance?",
        ],
        evidence_type=EvidenceType.STATUTORY_GUIDANCE,
        topics=[
            Concept.DISGUISED_COMPLIANCE,
            Concept.RULE_OF_OPTIMISM,
            Concept.START_AGAIN_SYNDROME,
            Concept.DRIFT_AND_DELAY,
            Concept.CHRONOLOGY_AND_HISTORY,
        ],
        author="Stoke-on-Trent and Staffordshire Safeguarding Children Board",
        source_title="Multi-agency neglect guidance",
        year=2020,
        reference="Final version, 3 August 2020",
        related=["in-the-childs-time-key-findings", "in-the-childs-time-recommendations"],
    ),
    DemoDigest(
        slug="action-for-children-voices",
        title="What children, parents and professionals say about neglect",
        takeaway=(
            "Most young people know a child who shows signs of neglect, but only half of "
            "those who worried told anyone, and a third of professionals feel powerless to "
            "act."
        ),
        summary=(
            "<p>Action for Children's 2014 report draws on its Annual Review of Child Neglect "
            "with the University of Stirling: focus groups with children and parents, yearly "
            "surveys of professionals, and a poll of the public.</p>"
            "<p>Children said they were unsure whether what they saw was a problem and "
            "feared getting it wrong; what would help most is a trusted adult who asks. "
            "Parents said they did not know where to go, and some did not see their care as "
            "neglectful. Professionals said they felt pressure to act but powerless to do "
            "so, because others did not take their concerns seriously or the family did not "
            "engage. The charity called for a national neglect strategy.</p>"
        ),
        findings=[
            (
                "73%",
                "of children and young people knew a child showing signs of neglect; 3 "
                "in 10 had worried whether a child was being looked after properly.",
            ),
            (
                "52%",
                "of children who had worried about another child told someone; 47% said "
                "a safe adult to talk to would have helped.",
            ),
            ("40%", "of parents wanted more information on where to go for help."),
            (
                "About 1 in 3",
                "professionals each year since 2011 felt powerless to intervene; "
                "in 2013, 43% of social workers and 36% of primary teachers.",
            ),
        ],
        points=[
            "Ask children directly and listen: many will not raise it themselves.",
            "Tell parents plainly where help is and that asking is not failing.",
            "If your concern is not taken seriously, escalate it rather than wait.",
        ],
        questions=[
            "When did I last ask a child what their day is like, and record their words?",
            "Where have I felt powerless, and who could I have escalated to?",
        ],
        evidence_type=EvidenceType.SURVEY,
        topics=[Concept.CHILDS_VOICE, Concept.ESCALATION_AND_CHALLENGE],
        author="Action for Children",
        source_title="Child neglect: the scandal that never breaks",
        year=2014,
        reference="With the University of Stirling's Annual Review of Child Neglect",
        related=["csn-lgiu-briefing"],
    ),
]


def _stream(slug: str, field_name: str, block_type: str, values: list[dict]) -> list[dict]:
    """Raw StreamField data with ids fixed by slug and position (idempotent seeding)."""
    return [
        {
            "type": block_type,
            "value": value,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"digest:{slug}:{field_name}:{n}")),
        }
        for n, value in enumerate(values)
    ]


def seed_index(home) -> DigestIndexPage:
    index = DigestIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        index = DigestIndexPage(title="Research digests", slug=INDEX_SLUG, live=False)
        home.add_child(instance=index)
    index.title = "Research digests"
    index.intro = (
        "<p>Five-minute summaries of the evidence on child neglect, each with what it means "
        "for your practice and questions to take to supervision.</p>"
    )
    index.save_revision().publish()
    return index


def seed_digest(index: DigestIndexPage, spec: DemoDigest, pages: dict) -> ResearchDigestPage:
    digest = ResearchDigestPage.objects.filter(slug=spec.slug).first()
    fields = {
        "title": spec.title,
        "takeaway": spec.takeaway,
        "summary": spec.summary,
        "key_findings": _stream(
            spec.slug,
            "key_findings",
            "finding",
            [{"figure": figure, "finding": text} for figure, text in spec.findings],
        ),
        "implications": _stream(
            spec.slug, "implications", "point", [{"point": text} for text in spec.points]
        ),
        "supervision_questions": _stream(
            spec.slug,
            "supervision_questions",
            "question",
            [{"question": text} for text in spec.questions],
        ),
        "evidence_type": spec.evidence_type,
        "source_author": spec.author,
        "source_title": spec.source_title,
        "source_publisher": spec.publisher,
        "source_year": spec.year,
        "source_reference": spec.reference,
        "source_url": spec.url,
        "source_doi": "",
        "related_pages": _stream(
            spec.slug,
            "related_pages",
            "page",
            [{"page": pages[slug].pk} for slug in spec.related if slug in pages],
        ),
        "last_reviewed": spec.last_reviewed,
    }
    if digest is None:
        digest = ResearchDigestPage(slug=spec.slug, live=False, **fields)
        index.add_child(instance=digest)
    else:
        for name, value in fields.items():
            setattr(digest, name, value)
    wanted = {str(concept) for concept in spec.topics}
    if {topic.slug for topic in digest.topics.all()} != wanted:
        digest.topics.set(list(DigestTopic.objects.filter(slug__in=wanted)))
    digest.save_revision().publish()
    return digest


@transaction.atomic
def seed(context) -> None:
    """Build the research section and its demo digests (safe to run repeatedly)."""
    ensure_concept_topics()
    index = seed_index(context.home)
    pages = {
        page.slug: page
        for page in ResearchDigestPage.objects.filter(slug__in=[spec.slug for spec in DIGESTS])
    }
    # Digests link each other, so any missing ones are created first, then all are filled.
    for spec in DIGESTS:
        if spec.slug not in pages:
            pages[spec.slug] = seed_digest(index, spec, {})
    for spec in DIGESTS:
        pages[spec.slug] = seed_digest(index, spec, pages)
    context.log.append(f"Research digests: {len(DIGESTS)} digests under /{INDEX_SLUG}/.")
