"""Each demo module's own 'before' and 'after' questions.

They test the module's learning outcomes on cases the lessons do not use, so a learner's
change is not just the memory of a question already answered, with its feedback, inside a
lesson (``tests/courses/test_demo_content.py`` checks that no lesson's knowledge check
repeats one of them).
"""


def option(text: str, correct: bool, feedback: str) -> dict:
    return {"text": text, "correct": correct, "feedback": feedback}


RECOGNISING_NEGLECT = [
    {
        "key": "ba-pattern-or-incident",
        "question": (
            "A nursery worker notices that a three-year-old has arrived hungry on most Mondays "
            "this term, often in a wet nappy from the night before. Each time, the father says "
            "the weekend was busy. How should she think about this?"
        ),
        "multiple": False,
        "options": [
            option(
                "As a pattern of unmet need to record and share, because it keeps happening",
                True,
                "Yes. Neglect is persistent: it is the repetition that matters.",
            ),
            option(
                "As a series of busy weekends, since each has an explanation",
                False,
                "An explanation for each time does not change what the child lives with.",
            ),
            option(
                "As a matter for the parents, since the child is fine by lunchtime",
                False,
                "Recovering at nursery does not mean the child's needs are met at home.",
            ),
            option(
                "As neglect only if the child says something is wrong",
                False,
                "Young children rarely tell. Their care is the evidence.",
            ),
        ],
        "explanation": (
            "Judge neglect by its persistence and its effect on the child, not by whether each "
            "episode has a reason."
        ),
    },
    {
        "key": "ba-poverty-or-neglect",
        "question": (
            "Which of these most suggests neglect, rather than a family coping with very little "
            "money?"
        ),
        "multiple": False,
        "options": [
            option(
                "The children wear second-hand clothes that are a little too big",
                False,
                "This shows a low income, not a failure of care.",
            ),
            option(
                "The family uses a food bank most weeks",
                False,
                "Asking for help with food is a parent meeting a need.",
            ),
            option(
                "Free help the child needs, such as a dental appointment, is offered again and "
                "again and never taken up",
                True,
                "Yes. A need that costs nothing to meet, left unmet, points to care, not money.",
            ),
            option(
                "The flat is small and the children share a bedroom",
                False,
                "Overcrowding is a housing problem, not in itself neglect.",
            ),
        ],
        "explanation": (
            "Poverty makes parenting harder but is not neglect. Ask whether the parent is "
            "meeting the child's needs with what is available to them."
        ),
    },
    {
        "key": "ba-hidden-child",
        "question": (
            "Which of these children are at greater risk of their neglect going unnoticed?"
        ),
        "multiple": True,
        "options": [
            option(
                "A baby who is not yet at nursery and whose family has missed health checks",
                True,
                "Yes. Babies are seen by few professionals, and missed checks remove even those.",
            ),
            option(
                "A 15-year-old who is rarely at school and looks after younger siblings",
                True,
                "Yes. Older children are often seen as able to cope, and young carers go unseen.",
            ),
            option(
                "A disabled child whose difficulties are put down to their condition",
                True,
                "Yes. Signs of neglect can be mistaken for the effects of a disability.",
            ),
            option(
                "A child whose school has raised concerns and who is on a child protection plan",
                False,
                "This child is already visible to several agencies.",
            ),
        ],
        "explanation": (
            "Babies, adolescents, young carers and disabled children are easier to miss. "
            "Notice who is not being seen."
        ),
    },
]

ASSESSMENT = [
    {
        "key": "ba-chronology-purpose",
        "question": (
            "A team has a detailed record of every visit to a family over two years, but no "
            "chronology. What does a chronology add?"
        ),
        "multiple": False,
        "options": [
            option(
                "Significant events in date order, so patterns and gaps across agencies can be "
                "seen and analysed",
                True,
                "Yes. A chronology brings the key facts together so the pattern shows.",
            ),
            option(
                "A full copy of each visit note, in one place",
                False,
                "A chronology is concise: significant events, not every note.",
            ),
            option(
                "The worker's view of the parents' motives",
                False,
                "A chronology holds facts. Analysis belongs in the assessment it supports.",
            ),
            option(
                "A replacement for the assessment",
                False,
                "A chronology informs an assessment; it is not one.",
            ),
        ],
        "explanation": (
            "A chronology is a concise, factual list of significant events in date order, "
            "reviewed and analysed as part of the assessment."
        ),
    },
    {
        "key": "ba-history-new-worker",
        "question": (
            "You take over a case from a colleague who has left. The parents say: 'That's all in "
            "the past. We've changed.' What should your first step be?"
        ),
        "multiple": False,
        "options": [
            option(
                "Read the history and the chronology before agreeing anything new",
                True,
                "Yes. The past is the best guide to what may happen next.",
            ),
            option(
                "Agree a fresh plan, so the family feels listened to",
                False,
                "A fresh start that sets the history aside is start-again syndrome.",
            ),
            option(
                "Close the case if nothing new has been reported",
                False,
                "A change of worker is not a change in the child's life.",
            ),
            option(
                "Ask the parents to summarise what happened before",
                False,
                "Their account matters, but it cannot replace the record.",
            ),
        ],
        "explanation": (
            "Every new assessment should use the family's history to make sense of the present."
        ),
    },
    {
        "key": "ba-measuring-change",
        "question": (
            "Which of these help show whether a child's care has really changed over a plan?"
        ),
        "multiple": True,
        "options": [
            option(
                "Grading the same areas of care at the start and again later, with a tool such "
                "as Graded Care Profile 2 (GCP2)",
                True,
                "Yes. The same measure over time shows change, or its absence.",
            ),
            option(
                "Plan actions with a named person and a date, and what happens if they are not met",
                True,
                "Yes. SMART actions make progress checkable.",
            ),
            option(
                "Counting how many meetings the parents attended",
                False,
                "Attendance is not change in the child's care.",
            ),
            option(
                "What the child says and does, noted at each visit",
                True,
                "Yes. The child's own experience is the test of any plan.",
            ),
        ],
        "explanation": (
            "Measure change in the child's life, with the same tools over time, against clear "
            "actions."
        ),
    },
]

RESISTANCE = [
    {
        "key": "ba-hopeless-parent",
        "question": (
            "A mother cries at every meeting and says nothing will ever help, so there is no "
            "point trying. Which kind of resistance does this most resemble?"
        ),
        "multiple": False,
        "options": [
            option("Hostile", False, "Hostile resistance is open anger or threats."),
            option(
                "Passive-hopeless",
                True,
                "Yes. Tearfulness and despair about any help offered.",
            ),
            option(
                "Challenging",
                False,
                "Challenging resistance dares you to fix things; this is despair.",
            ),
            option(
                "Passive-aggressive",
                False,
                "Passive-aggressive resistance hides hostility under pleasantness.",
            ),
        ],
        "explanation": (
            "Naming the kind of resistance helps you plan. Also ask whether there is a need, "
            "such as a learning need, that changes how you should explain things."
        ),
    },
    {
        "key": "ba-share-without-consent",
        "question": (
            "A health visitor thinks a baby may be suffering significant harm. The parents "
            "refuse to let her tell children's social care. What should she do?"
        ),
        "multiple": False,
        "options": [
            option(
                "Refer anyway, tell the parents unless that would put the baby at risk, and "
                "record the decision and why",
                True,
                "Yes. Consent is not needed to share information when a child is at risk of harm.",
            ),
            option(
                "Respect their wishes and keep visiting",
                False,
                "The baby's safety comes before the parents' privacy.",
            ),
            option(
                "Ask the GP to refer instead, so the parents do not blame her",
                False,
                "Passing it on delays the referral and is not honest with the family.",
            ),
            option(
                "Wait until she has proof that harm has happened",
                False,
                "You refer on reasonable concern; you do not need proof.",
            ),
        ],
        "explanation": (
            "When a child is at risk of harm, share what is relevant with those who need it, "
            "be open with the family where it is safe, and record your decision."
        ),
    },
    {
        "key": "ba-escalate-disagreement",
        "question": (
            "A teacher believes a child protection plan is not working, but the review decides "
            "to keep it as it is. What should she do?"
        ),
        "multiple": False,
        "options": [
            option(
                "Put her evidence and her disagreement in writing, and use the partnership's "
                "escalation procedure if it is not resolved",
                True,
                "Yes. Escalation is for professional disagreement about a child's safety.",
            ),
            option(
                "Accept the decision, since social care leads the plan",
                False,
                "Every agency has a duty to challenge when a child is not protected.",
            ),
            option(
                "Tell the parents she disagrees with social care",
                False,
                "Disagreement between professionals is resolved between professionals.",
            ),
            option(
                "Wait for something serious to happen before raising it again",
                False,
                "Waiting is drift. The child lives with it in the meantime.",
            ),
        ],
        "explanation": (
            "Challenge with evidence, ask for your view to be recorded, and escalate through "
            "the procedure when the disagreement is not resolved."
        ),
    },
]

BEFORE_AFTER = {
    "recognising-neglect": RECOGNISING_NEGLECT,
    "assessment-chronologies-cumulative-harm": ASSESSMENT,
    "working-with-resistance": RESISTANCE,
}
