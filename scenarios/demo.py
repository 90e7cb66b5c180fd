"""Demo scenarios, written in our own words from the case material in the seed documents.

Facts come from Ofsted, *In the child's time: professional responses to neglect* (March
2014, No. 140059; case examples in paragraphs 24, 32, 67 and 73 and the findings on drift,
family history and changes of worker) and the Stoke-on-Trent and Staffordshire
Safeguarding Children Board (SSSCB) multi-agency neglect guidance (2020: the rule of
optimism, start again syndrome, disguised compliance, chronologies, the child's voice).
Names, ages and dates are invented. ``seed`` is idempotent: scenarios are found by slug,
nodes by key and choices by position, so a second run changes nothing.
"""

from __future__ import annotations

from scenarios.models import ScenarioIndexPage
from scenarios.spec import ChoiceSpec as C
from scenarios.spec import NodeSpec as N
from scenarios.spec import ScenarioSpec, create_or_update_scenario

OFSTED = (
    "Ofsted, <i>In the child’s time: professional responses to neglect</i>, March 2014 (No. 140059)"
)
SSSCB = (
    "Stoke-on-Trent and Staffordshire Safeguarding Children Board, <i>Multi-agency neglect "
    "guidance</i>, August 2020"
)


def sources(*lines: str) -> str:
    items = "".join(f"<li>{line}</li>" for line in lines)
    return (
        f"<ul>{items}</ul><p>The family, names and dates are invented. The pattern of the "
        "case follows the source; every word here is ours.</p>"
    )


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


CF, OPT, COL, PROC = "child_focused", "optimistic", "collusive", "procedural"
DC, RO, SA = "disguised-compliance", "rule-of-optimism", "start-again-syndrome"
DD, VOICE, ESC, CHRON = (
    "drift-and-delay",
    "childs-voice",
    "escalation-and-challenge",
    "chronology-and-history",
)
BABY, MID = "baby_toddler", "mid_childhood"


NEW_BABY = ScenarioSpec(
    title="A new baby and parents who always have a reason",
    slug="new-baby-disguised-compliance",
    search_description="Disguised compliance: a newborn, parents with drug misuse histories, "
    "and a pre-proceedings plan stepped down too soon.",
    estimated_minutes=15,
    focus_concepts=[DC, RO, ESC, CHRON],
    introduction=p(
        "You are the social worker for Kai, born three days ago. Both his parents, Jade and "
        "Liam, have long histories of drug misuse. Their two older children were removed "
        "because of neglect and now live with adoptive families.",
        "Jade and Liam tell everyone they have been clean for a year. They are warm, "
        "articulate and grateful for help. Every decision you make takes time for Kai, "
        "and a baby's first year does not wait.",
    ),
    sources=sources(
        f"{OFSTED}, paragraphs 66 to 68: a case in "
        "which a new baby’s parents tested positive for cocaine and heroin, pre-proceedings "
        "were stepped down when they seemed to cooperate, and the chair later called them "
        "“very plausible”.",
        f"{SSSCB}, section 6: disguised compliance, the rule of optimism, and the vulnerability "
        "of babies to neglect.",
    ),
    reflection_prompt=(
        "Jade and Liam always had a reason. Think of a family you work with now: list the "
        "explanations you have accepted in the last three months. Read together, what do "
        "they tell you about the child's day-to-day life?"
    ),
    nodes=[
        N(
            "birth",
            "Kai is born",
            "decision",
            p(
                "An initial child protection conference made Kai subject to a child protection "
                "plan before he left hospital. The plan lists drug testing, weekly home visits, "
                "health visitor checks and a parenting course.",
                "At your first visit the flat is spotless. Jade has a folder of certificates from "
                "a recovery group. Liam says: “We know we messed up before. This time is "
                "different.”",
            ),
            is_start=True,
            case_record="Kai born. Child protection plan: both parents misused drugs; two older "
            "children removed because of neglect.",
            choices=[
                C(
                    "Read the older children’s files before the first core group, and agree a "
                    "written plan with random drug tests",
                    "first-tests",
                    2,
                    CF,
                    [CHRON, DC],
                    "The files show the same pattern last time: early cooperation, then missed "
                    "tests and reasons. You will recognise it if it starts again.",
                ),
                C(
                    "Give them a fresh start: focus on how they are now, not on the past",
                    "first-tests",
                    2,
                    OPT,
                    [SA, RO],
                    "Their history is the best predictor you have. Setting it aside makes it "
                    "harder to see a repeating pattern.",
                ),
            ],
        ),
        N(
            "first-tests",
            "The first test results",
            "decision",
            p(
                "Six weeks in, the results arrive: Jade is positive for cocaine and Liam for "
                "heroin.",
                "Jade is tearful. She says someone must have spiked her drink at a christening. "
                "Liam says the result must be from medication after a dental operation. Both "
                "explanations are detailed and sound sincere.",
            ),
            case_record="Drug tests: mother positive for cocaine, father positive for heroin. "
            "Both give explanations.",
            choices=[
                C(
                    "Take the results to your manager and ask for a legal gateway meeting to "
                    "start pre-proceedings under the Public Law Outline (PLO)",
                    "plo-meeting",
                    3,
                    CF,
                    [ESC, DC],
                    "Two positive tests in a baby’s first weeks are a risk to Kai whatever the "
                    "explanation. Escalating makes the expectations formal and clear.",
                ),
                C(
                    "Accept their explanations and repeat the tests next month",
                    "missed-appointments",
                    5,
                    COL,
                    [DC],
                    "A plausible reason for each result is exactly what disguised compliance "
                    "looks like. Kai spends another month in the same care.",
                ),
            ],
        ),
        N(
            "missed-appointments",
            "Always a reason",
            "decision",
            p(
                "Over the next month Jade and Liam miss three of five appointments: the bus did "
                "not come, Kai had a cold, Jade’s grandmother died. They ring to apologise every "
                "time.",
                "The health visitor tells you Kai has dropped from the 50th to the 9th centile "
                "for weight.",
            ),
            case_record="Health visitor: Kai’s weight has fallen from the 50th to the 9th "
            "centile. Three of five appointments missed.",
            childs_voice="Kai feeds hungrily when the health visitor offers a bottle, and falls "
            "asleep before he finishes it.",
            age_stage=BABY,
            choices=[
                C(
                    "Put the missed appointments and Kai’s weight side by side, and ask your "
                    "manager for a legal gateway meeting",
                    "plo-meeting",
                    4,
                    CF,
                    [ESC, VOICE],
                    "You looked past each reason to what the pattern means for Kai: he is not "
                    "gaining weight.",
                ),
                C(
                    "Each reason is believable: rebook the appointments",
                    "core-group",
                    6,
                    COL,
                    [DC, DD],
                    "Each reason on its own is believable. Together they are a pattern, and Kai "
                    "is losing weight while it goes on.",
                ),
            ],
        ),
        N(
            "plo-meeting",
            "Pre-proceedings",
            "decision",
            p(
                "The local authority sends a letter before proceedings. At the meeting, with "
                "their solicitor, Jade and Liam sign a written agreement: tests every fortnight, "
                "every appointment kept, unannounced visits allowed.",
                "For six weeks everything changes. Every test is clear and they are early for "
                "every appointment. At the core group, the nursery nurse says they are “a "
                "different family”.",
            ),
            case_record="PLO meeting: written agreement signed (testing, attendance, "
            "unannounced visits). Six weeks of clear tests.",
            choices=[
                C(
                    "Keep pre-proceedings running to the planned review and judge progress on "
                    "Kai’s care, not on how well the parents attend",
                    "plo-review",
                    8,
                    CF,
                    [DC, DD],
                    "Attending is not the same as changing. Keeping the agreement in place "
                    "lets you test whether change lasts.",
                ),
                C(
                    "Step down from pre-proceedings: they are cooperating now",
                    "stepped-down",
                    4,
                    OPT,
                    [RO, DC],
                    "Six good weeks after years of drug misuse is hopeful, not sustained "
                    "change. Stepping down removes the clearest message about what must change.",
                ),
            ],
        ),
        N(
            "plo-review",
            "An unannounced visit",
            "decision",
            p(
                "Ten days before the PLO review you call without warning. Liam opens the door "
                "after a long wait, slurring and unsteady. Kai is alone in a bouncer in the "
                "bedroom, in a soaked nappy, with a bottle of cold milk propped beside him.",
                "Jade is out. Liam says he is just tired after a night shift.",
            ),
            case_record="Unannounced visit: father unsteady and slurring; Kai alone in a "
            "bouncer, soaked nappy, propped bottle.",
            childs_voice="Kai has a red, sore nappy rash. He stops crying as soon as he is "
            "picked up and holds on tight.",
            age_stage=BABY,
            choices=[
                C(
                    "Make Kai safe today, and ask for care proceedings with the evidence from "
                    "the agreement and the visit",
                    "end-in-time",
                    2,
                    CF,
                    [ESC],
                    "The written agreement made clear what would happen next. Acting on it "
                    "protects Kai while he is still a baby.",
                ),
                C(
                    "Extend pre-proceedings by twelve weeks to give them a final chance",
                    "review-conference",
                    12,
                    OPT,
                    [RO, DD],
                    "Another “final chance” is three more months of Kai’s first year. The "
                    "agreement has been broken; the message now is that it did not matter.",
                ),
            ],
        ),
        N(
            "stepped-down",
            "Back to the plan",
            "information",
            p(
                "Pre-proceedings end. The case goes back to the child protection plan, and "
                "visits drop to fortnightly. Jade sends you a thank-you card: “You believed in "
                "us.”"
            ),
            case_record="Pre-proceedings ended early: parents cooperating. Child protection "
            "plan continues; visits fortnightly.",
            choices=[C("Continue", "core-group", 6)],
        ),
        N(
            "core-group",
            "The core group",
            "decision",
            p(
                "At the core group, the list of tasks not done is growing. The nursery place "
                "was never taken up. Jade missed her last two tests: a hospital appointment, "
                "then a lost letter. Liam says he has a new job and cannot attend.",
                "Everyone agrees they are very plausible. The health visitor quietly adds that "
                "Kai has a flattened head and is very quiet for his age.",
            ),
            case_record="Core group: nursery place not taken up; two tests missed; health "
            "visitor notes Kai is flat and quiet.",
            childs_voice="Kai rarely cries when he is put down and does not look for his "
            "mother’s face. He brightens when the nursery nurse talks to him.",
            age_stage=BABY,
            choices=[
                C(
                    "Lay out every missed task and every reason in one chronology and ask for "
                    "the legal gateway meeting to reconvene",
                    "gateway-again",
                    3,
                    CF,
                    [CHRON, DC, ESC],
                    "The chronology turns a string of reasonable excuses into evidence of what "
                    "Kai is living with.",
                ),
                C(
                    "Agree a new list of tasks with a later review date",
                    "review-conference",
                    8,
                    PROC,
                    [DD],
                    "A new list with a later date is drift: the process moves on while Kai’s "
                    "days stay the same.",
                ),
            ],
        ),
        N(
            "gateway-again",
            "Back to the lawyers",
            "decision",
            p(
                "At the legal gateway meeting the local authority’s lawyer asks: “What is the "
                "evidence of harm to Kai, not just of his parents’ drug use?”"
            ),
            case_record="Legal gateway meeting reconvened. Lawyer asks for evidence of impact "
            "on Kai.",
            choices=[
                C(
                    "Bring the weight chart, the nursery’s observations and the chronology to "
                    "show what Kai is living with",
                    "end-late",
                    3,
                    CF,
                    [VOICE, CHRON],
                    "Evidence about the child, gathered from every agency, is what lets the "
                    "court act.",
                ),
                C(
                    "Accept that the threshold is not met and carry on with the plan",
                    "review-conference",
                    10,
                    PROC,
                    [ESC],
                    "You could have challenged, using the evidence the agencies hold. Without "
                    "it, the plan rolls on.",
                ),
            ],
        ),
        N(
            "review-conference",
            "The review conference",
            "decision",
            p(
                "Kai is nine months old. Jade has another positive test and says she was near "
                "people smoking at a party. Liam’s probation officer reports missed "
                "appointments. Kai cannot yet sit up without support.",
                "The parents ask for “one more chance”. They point out they have never missed "
                "a conference.",
            ),
            case_record="Review conference: new positive test for mother; father missing "
            "probation; Kai (nine months) not sitting unsupported.",
            childs_voice="At nine months Kai is quiet and watchful. He does not reach up to be "
            "held.",
            age_stage=BABY,
            choices=[
                C(
                    "Challenge the plan: use the partnership’s escalation procedure and ask for "
                    "care proceedings",
                    "end-late",
                    4,
                    CF,
                    [ESC],
                    "Challenge at this point protects Kai, but he has already spent most of his "
                    "first year waiting.",
                ),
                C(
                    "Agree three more months on the plan",
                    "end-crisis",
                    14,
                    OPT,
                    [RO, DD],
                    "More time without a new way of testing change gives the same result, and "
                    "Kai pays for it.",
                ),
                C(
                    "Step down to a child in need plan, since they attend every meeting",
                    "end-left",
                    16,
                    COL,
                    [DC, RO],
                    "Attendance at meetings is the most visible form of cooperation and the "
                    "easiest to give. It says little about Kai’s care.",
                ),
            ],
        ),
        N(
            "end-in-time",
            "Kai is safe",
            "ending",
            p(
                "The court makes an interim care order. Kai goes to a foster carer who knows "
                "him from respite visits. Within a month he is gaining weight and babbling."
            ),
            case_record="Interim care order. Kai placed with a familiar foster carer.",
            outcome="protected_in_time",
            ending_summary="Kai was protected before his first birthday, because the written "
            "agreement was kept and its breach was acted on.",
        ),
        N(
            "end-late",
            "Protected, later than he needed",
            "ending",
            p(
                "Care proceedings start. Kai is placed with foster carers. He is behind in his "
                "development and needs help from a physiotherapist to sit and crawl."
            ),
            case_record="Care proceedings issued. Kai placed in foster care; development delayed.",
            outcome="protected_late",
            ending_summary="Kai was protected, but months of his first year were spent "
            "waiting while the parents’ explanations were accepted.",
        ),
        N(
            "end-crisis",
            "Removed after a crisis",
            "ending",
            p(
                "Months later Kai is taken to hospital after a fall from the sofa while both "
                "parents were asleep. Care proceedings start as an emergency."
            ),
            case_record="Kai admitted to hospital after a fall; both parents asleep. Emergency "
            "protection order.",
            outcome="protected_late",
            ending_summary="As in the Ofsted case, the child was removed months later, after "
            "more evidence of drug misuse. The chair said they should have challenged sooner.",
        ),
        N(
            "end-left",
            "Still waiting",
            "ending",
            p(
                "The case steps down. Kai’s first birthday passes with no health check. The next "
                "referral comes from a neighbour, a year later."
            ),
            outcome="left_in_neglect",
            ending_summary="Kai was left in neglect. Each step was reasonable on its own; "
            "together they were a year of his life.",
        ),
    ],
)


STEPPING = ScenarioSpec(
    title="Stepping up, stepping down: Ellie and Josh",
    slug="stepping-up-and-down-rule-of-optimism",
    search_description="The rule of optimism: a mother who engages when sober and "
    "disengages when she drinks, and a case stepped up and down for years.",
    estimated_minutes=15,
    focus_concepts=[RO, DD, VOICE, CHRON],
    introduction=p(
        "You are a social worker in the children’s services team. Donna has misused alcohol "
        "since before her children were born. Ellie is nine and Josh is four.",
        "When Donna drinks heavily the children go to their aunt or grandmother. When she "
        "stops, she engages well, and the case is stepped down. It has happened before. "
        "Every choice you make has a cost in the children’s time.",
    ),
    sources=sources(
        f"{OFSTED}, paragraph 73: a mother who engages with agencies when abstinent and "
        "disengages when she relapses, a case frequently stepped up and down, and a child "
        "with high levels of anxiety.",
        f"{SSSCB}, section 6: the rule of optimism, drift, chronologies, and the child’s voice.",
    ),
    reflection_prompt=(
        "Professionals in this case responded to Donna's drinking rather than to what the "
        "children lived through over years. In a case you know, what would the children's "
        "chronology show that the current plan does not?"
    ),
    nodes=[
        N(
            "referral",
            "A call from the police",
            "decision",
            p(
                "At 11pm the police find Donna drunk and unable to stand. Ellie had rung her "
                "aunt, who took both children home with her.",
                "Next morning Donna is mortified. She has already booked an appointment with "
                "the alcohol service and asks for the case not to go any further.",
            ),
            is_start=True,
            case_record="Police: mother intoxicated at home at night; Ellie (9) rang her aunt. "
            "Children staying with maternal aunt.",
            choices=[
                C(
                    "Read the full file and build a multi-agency chronology before deciding "
                    "what level of plan is needed",
                    "history",
                    2,
                    CF,
                    [CHRON],
                    "Before judging this episode you find out whether it is the first.",
                ),
                C(
                    "Treat it as a one-off: Donna is remorseful and has already sought help",
                    "abstinent",
                    1,
                    OPT,
                    [RO],
                    "Her remorse is real, but it tells you little about what happens next. You "
                    "have not looked at what happened before.",
                ),
            ],
        ),
        N(
            "history",
            "What the chronology shows",
            "information",
            p(
                "Pulling together records from the police, school, health and two earlier "
                "social care episodes, you find five episodes in four years.",
                "Each follows the same pattern: Donna drinks, the children move to relatives, "
                "Donna engages, the case is stepped down within three months, and she drinks "
                "again. Nobody had put the episodes side by side before.",
            ),
            case_record="Chronology complete: five episodes in four years, each stepped down "
            "within three months of the mother engaging.",
            choices=[C("Continue", "strategy", 1)],
        ),
        N(
            "strategy",
            "The conference",
            "decision",
            p(
                "An initial child protection conference makes both children subject to a plan. "
                "Donna has been sober for four weeks and attends everything. The chair asks "
                "what the plan should aim for."
            ),
            case_record="Initial child protection conference: both children on plans.",
            choices=[
                C(
                    "Plan for the long term: a relapse plan agreed with the family, goals for "
                    "the children, and no step-down until change has lasted six months",
                    "sustained",
                    12,
                    CF,
                    [DD, RO],
                    "The plan now answers the question the chronology raised: what happens to "
                    "the children next time?",
                ),
                C(
                    "Aim to step down at the first review, as Donna is engaging so well",
                    "abstinent",
                    6,
                    OPT,
                    [RO],
                    "This is the step that has failed five times. Good engagement when sober is "
                    "part of the pattern, not evidence it has ended.",
                ),
            ],
        ),
        N(
            "abstinent",
            "Sober, and the children home",
            "decision",
            p(
                "Donna is sober and the children are home. The house is calm. The school rings: "
                "Ellie has stomach aches most Mondays and keeps asking to phone home at lunchtime."
            ),
            case_record="School: Ellie has stomach aches, asks to ring home at lunchtimes.",
            childs_voice="“I have to check Mum’s alright. If she doesn’t answer, I get the "
            "feeling in my tummy.”",
            age_stage=MID,
            choices=[
                C(
                    "See Ellie on her own at school, and make her anxiety part of the plan",
                    "ellie-seen",
                    3,
                    CF,
                    [VOICE],
                    "Ellie’s worry tells you what the drinking has done to her, even in the "
                    "good weeks.",
                ),
                C(
                    "Close the case: Donna is sober and the home is fine",
                    "relapse",
                    10,
                    OPT,
                    [RO, DD],
                    "A calm home today does not answer what Ellie is telling the school.",
                ),
            ],
        ),
        N(
            "ellie-seen",
            "Ellie talks",
            "decision",
            p(
                "In the school nurse’s room Ellie draws her house. She shows you where she "
                "hides the car keys, and explains how she can tell when Mum has been drinking. "
                "She makes Josh’s tea when Mum is “poorly”."
            ),
            case_record="Ellie seen alone: she looks after Josh when her mother drinks, and "
            "watches for signs.",
            childs_voice="“When Mum’s poorly I do Josh’s tea. Cereal. Sometimes there isn’t "
            "any milk.”",
            age_stage=MID,
            choices=[
                C(
                    "Share what Ellie said with the core group, and agree a safety plan with the "
                    "aunt that does not depend on Donna staying sober",
                    "sustained",
                    4,
                    CF,
                    [VOICE, ESC],
                    "You have put Ellie’s experience at the centre and planned for the relapse "
                    "that the history predicts.",
                ),
                C(
                    "Reassure Ellie that Mum is doing well now and it won’t happen again",
                    "relapse",
                    8,
                    OPT,
                    [RO, VOICE],
                    "You cannot promise that, and Ellie knows it. She learns that telling "
                    "adults changes nothing.",
                ),
            ],
        ),
        N(
            "relapse",
            "The relapse",
            "decision",
            p(
                "Donna stops answering the door. The grandmother rings: the children are with "
                "her again and Donna is drinking. Ellie has missed four days of school.",
                "A week later Donna texts you: she is going to get back in touch with the "
                "alcohol service when she feels ready.",
            ),
            case_record="Mother relapsed and disengaged. Children with grandmother. Ellie "
            "missed four days of school.",
            childs_voice="Ellie has stopped eating lunch at school. She tells her teacher she "
            "isn’t hungry.",
            age_stage=MID,
            choices=[
                C(
                    "Step the case up: call a conference with the whole chronology and ask for "
                    "a legal planning meeting",
                    "conference-again",
                    4,
                    CF,
                    [ESC, CHRON],
                    "You are responding to the children’s years, not Donna’s week.",
                ),
                C(
                    "Wait until Donna is ready to engage again, then reopen",
                    "re-engaged",
                    8,
                    OPT,
                    [RO],
                    "The plan follows Donna’s drinking again, while the children move between "
                    "relatives.",
                ),
            ],
        ),
        N(
            "re-engaged",
            "Donna is back",
            "decision",
            p(
                "Donna rings you. She has been sober for three weeks, is back at the alcohol "
                "service and the children are home. She apologises and asks for the case to be "
                "closed: “I can’t get better with social workers watching me.”"
            ),
            case_record="Mother sober three weeks, back with the alcohol service. Children "
            "home. Asks for the case to close.",
            choices=[
                C(
                    "Step up despite her engagement: the pattern, not this week, is the risk",
                    "conference-again",
                    3,
                    CF,
                    [RO, DD],
                    "You have seen the cycle for what it is and acted on the children’s long-"
                    "term experience.",
                ),
                C(
                    "Step down again: she is trying, and pressure might push her back to drink",
                    "relapse",
                    10,
                    COL,
                    [RO, DC],
                    "This is the cycle again. The children will go back to their grandmother "
                    "when the next relapse comes.",
                ),
                C(
                    "Close the case: a plan has nothing more to add",
                    "end-left",
                    20,
                    PROC,
                    [DD],
                    "Closing without a plan for the next relapse leaves Ellie as the only "
                    "safety plan Josh has.",
                ),
            ],
        ),
        N(
            "conference-again",
            "The children’s years",
            "decision",
            p(
                "At the conference the chronology is read aloud. Ellie’s attendance has fallen "
                "to 78%. Josh has started school with delayed speech. The legal planning "
                "meeting asks what would make a difference now."
            ),
            case_record="Conference: Ellie’s attendance 78%; Josh starting school with "
            "delayed speech.",
            choices=[
                C(
                    "Hold a family group conference and start pre-proceedings, assessing the "
                    "aunt as a long-term carer",
                    "end-late",
                    6,
                    CF,
                    [ESC],
                    "The children get a stable plan at last, though later than they needed it.",
                ),
                C(
                    "Agree another plan with the same goals",
                    "end-left",
                    16,
                    PROC,
                    [DD],
                    "The same goals with the same approach will give the same result.",
                ),
            ],
        ),
        N(
            "sustained",
            "Six months on",
            "decision",
            p(
                "Six months into the plan Donna has one lapse. This time she rings the aunt "
                "herself, the children go there the same evening, and the school is told the "
                "next morning. Ellie has started sessions with the school counsellor."
            ),
            case_record="One lapse in six months; safety plan worked: children to aunt the "
            "same evening, school told.",
            childs_voice="“Auntie Sue came and we had pizza. I didn’t have to ring anyone.”",
            age_stage=MID,
            choices=[
                C(
                    "Keep the plan until the children’s goals are met, then step down with "
                    "monitoring and a quick way back in",
                    "end-in-time",
                    8,
                    CF,
                    [DD],
                    "Change has been tested by a lapse and held. Stepping down with monitoring "
                    "keeps the children safe if it does not.",
                ),
                C(
                    "Close the case now: the lapse was handled well",
                    "relapse",
                    4,
                    OPT,
                    [RO],
                    "Closing at once removes the support that made the difference, and the "
                    "monitoring that would show if it is slipping.",
                ),
            ],
        ),
        N(
            "end-in-time",
            "A plan that holds",
            "ending",
            p(
                "A year on, Donna has had two short lapses, each handled by the safety plan. "
                "Ellie’s stomach aches have stopped. Josh’s speech is catching up."
            ),
            case_record="Case stepped down to child in need with monitoring; the safety plan "
            "stays.",
            outcome="protected_in_time",
            ending_summary="The children were protected because the plan was built for the "
            "pattern, not for the good weeks.",
        ),
        N(
            "end-late",
            "Settled, at last",
            "ending",
            p(
                "After pre-proceedings, the children live with their aunt under a special "
                "guardianship order. Ellie still checks her phone for messages from her mum "
                "every lunchtime."
            ),
            outcome="protected_late",
            ending_summary="Ellie and Josh are safe, after years of moving between homes. "
            "Ellie’s anxiety will take longer to ease.",
        ),
        N(
            "end-left",
            "Round again",
            "ending",
            p(
                "The case closes. Four months later the police are called again. It is the "
                "sixth episode in five years."
            ),
            outcome="left_in_neglect",
            ending_summary="The children were left in neglect: the response followed Donna’s "
            "drinking, not their lives.",
        ),
    ],
)


START_AGAIN = ScenarioSpec(
    title="Start again: Mason at his new school",
    slug="start-again-new-school",
    search_description="Start again syndrome: a six-year-old at a new school, a family known "
    "before, a new social worker and a move between authorities.",
    estimated_minutes=15,
    focus_concepts=[SA, CHRON, DD, VOICE],
    introduction=p(
        "You have just joined the local authority’s assessment team. A primary school has "
        "referred Mason, aged six, who started there this term after his family moved from "
        "another authority, Eastborough.",
        "Nobody in this authority knows the family. Whether anyone finds out what is already "
        "known depends on you. Mason’s days go on while you decide.",
    ),
    sources=sources(
        f"{OFSTED}, paragraph 24: a six-year-old arriving at school very early, without "
        "breakfast, unwashed and without a coat in cold weather; paragraphs 31 to 32 and "
        "78 on family history, moves between authorities and changes of social worker.",
        f"{SSSCB}, section 6: start again syndrome and the use of chronologies in assessing "
        "neglect.",
    ),
    reflection_prompt=(
        "Mason's family had been known before, somewhere else. When a family is new to you, "
        "how do you find out what is already known, and what gets in the way?"
    ),
    nodes=[
        N(
            "referral",
            "The school’s referral",
            "decision",
            p(
                "Mason arrives at school at a quarter to eight, before the gates open. He has "
                "not had breakfast, has not washed or brushed his teeth, and has no coat in "
                "November. Sometimes he wets himself. His sister Lily, eleven, brings him.",
                "His mother, Kerry, has not come to any meeting. The school first worried in "
                "September but waited to see whether things settled.",
            ),
            is_start=True,
            case_record="School referral: Mason (6) arrives early, hungry, unwashed, no coat; "
            "occasional wetting. Concerns since September.",
            childs_voice="Mason asks the teaching assistant if he can have the toast left over "
            "from breakfast club.",
            age_stage=MID,
            choices=[
                C(
                    "Before visiting, ask Eastborough for their records and check health "
                    "records and previous addresses",
                    "history-found",
                    1,
                    CF,
                    [CHRON, SA],
                    "You start from what is already known, not from scratch.",
                ),
                C(
                    "Visit and assess the family as you find them: a new area is a new start",
                    "first-visit",
                    1,
                    OPT,
                    [SA],
                    "Starting fresh feels fair to the family, but it may leave you without the "
                    "history that explains the present.",
                ),
            ],
        ),
        N(
            "first-visit",
            "The home visit",
            "decision",
            p(
                "Kerry is friendly and tired. The move was hard, the boiler is broken, Mason is "
                "“a slow eater”, and Lily takes him to school because Kerry starts work early. "
                "The flat is sparse but tidy."
            ),
            case_record="Home visit: flat sparse; no bedding on Mason’s bed; mother says the "
            "boiler is broken.",
            childs_voice="Mason shows you his bed. There is no cover on the duvet. “I get "
            "cold. I sleep in my jumper.”",
            age_stage=MID,
            choices=[
                C(
                    "Ask Kerry about the family’s past and request records from Eastborough "
                    "before you decide anything",
                    "history-found",
                    2,
                    CF,
                    [CHRON],
                    "Kerry’s account is one source; the history will tell you whether this is new.",
                ),
                C(
                    "Offer early help: a food bank referral and a breakfast club place, and "
                    "close to social care",
                    "early-help",
                    3,
                    OPT,
                    [SA, RO],
                    "Practical help matters, but you have decided the level of need without "
                    "knowing the family’s history.",
                ),
            ],
        ),
        N(
            "history-found",
            "What Eastborough knew",
            "information",
            p(
                "Eastborough’s records arrive. Mason’s older brother was on a child protection "
                "plan for neglect for sixteen months. The plan closed when the family moved "
                "away. There were two referrals before that, and three moves in four years.",
                "Each authority had started its own assessment from the beginning.",
            ),
            case_record="Eastborough: older brother on a child protection plan for neglect "
            "for 16 months, closed on moving; three moves in four years.",
            choices=[C("Continue", "assessment", 1)],
        ),
        N(
            "assessment",
            "Making sense of it",
            "decision",
            p(
                "With the history in front of you, Mason’s hunger, cold and wetting look very "
                "like what his brother lived with. Your manager asks how you want to proceed."
            ),
            case_record="Assessment: current concerns match the pattern in the older "
            "brother’s plan.",
            choices=[
                C(
                    "Build one multi-agency chronology across both authorities and hold a "
                    "strategy discussion",
                    "strategy",
                    2,
                    CF,
                    [CHRON, ESC],
                    "One chronology shows the whole of Mason’s life, not just this term.",
                ),
                C(
                    "Start a fresh assessment of the family’s current circumstances; the old "
                    "plan is closed",
                    "early-help",
                    6,
                    OPT,
                    [SA],
                    "A closed plan is not a resolved concern. Leaving the history aside is how "
                    "start again syndrome works.",
                ),
            ],
        ),
        N(
            "early-help",
            "Early help",
            "decision",
            p(
                "An early help plan starts: breakfast club, a food bank, a family support "
                "worker. Kerry comes to the first meeting, then stops answering. Mason eats two "
                "breakfasts at school and still has no coat. Lily is late for her own school "
                "most days."
            ),
            case_record="Early help plan; mother attended the first meeting only. Still no "
            "coat; Lily often late for school.",
            childs_voice="Mason tells the breakfast club worker: “Mum was asleep. Lily did my "
            "toast but there wasn’t any bread.”",
            age_stage=MID,
            choices=[
                C(
                    "Escalate back to social care with the breakfast club’s notes, and ask for "
                    "the family’s history",
                    "history-found",
                    2,
                    CF,
                    [ESC, CHRON],
                    "You used what Mason said and what staff saw to challenge the level of "
                    "response.",
                ),
                C(
                    "Give it more time: the family is still settling in",
                    "new-worker",
                    8,
                    OPT,
                    [RO, DD],
                    "Settling in is a reason offered for months. Mason’s mornings have not "
                    "changed.",
                ),
            ],
        ),
        N(
            "new-worker",
            "A new worker",
            "information",
            p(
                "The case is stepped up and allocated to a social worker, who leaves after six "
                "weeks. It is reallocated to you. You are the third worker since the family "
                "arrived. Kerry tells you she has told her story twice and will not do it "
                "again."
            ),
            case_record="Case reallocated: third social worker since the family arrived.",
            choices=[C("Continue", "handover", 2)],
        ),
        N(
            "handover",
            "The handover",
            "decision",
            p(
                "The file has a note of each visit, but no chronology and nothing from "
                "Eastborough. Kerry says she is “done with social workers”."
            ),
            case_record="File handed over: no chronology; nothing from the previous authority.",
            choices=[
                C(
                    "Read the whole file, ask Eastborough for their records and build a "
                    "chronology before you meet Kerry",
                    "history-found",
                    3,
                    CF,
                    [CHRON, SA],
                    "A new worker is where start again syndrome usually begins. You made sure "
                    "it did not.",
                ),
                C(
                    "Introduce yourself and agree a fresh plan with Kerry",
                    "move-again",
                    6,
                    OPT,
                    [SA],
                    "A fresh plan from a fresh worker repeats what has already not worked.",
                ),
            ],
        ),
        N(
            "strategy",
            "The strategy discussion",
            "decision",
            p(
                "Police, the school nurse and the GP join. The GP says Mason has missed his "
                "health checks. A dentist found six decayed teeth and no follow-up was kept."
            ),
            case_record="Strategy discussion: missed health checks; six decayed teeth, no "
            "follow-up.",
            choices=[
                C(
                    "Call an initial child protection conference, sharing the chronology and "
                    "Mason’s own words",
                    "end-in-time",
                    2,
                    CF,
                    [VOICE, ESC],
                    "The evidence across agencies and years is clear, and Mason is heard in it.",
                ),
                C(
                    "Set up a child in need plan, with a conference if things get worse",
                    "move-again",
                    8,
                    PROC,
                    [DD],
                    "Things have been as bad as this for years; waiting for worse is drift.",
                ),
            ],
        ),
        N(
            "move-again",
            "Moving again",
            "decision",
            p(
                "Kerry tells the school the family is moving back to Eastborough next week. "
                "She does not give a new address."
            ),
            case_record="Mother says the family is moving back to Eastborough; no forwarding "
            "address.",
            choices=[
                C(
                    "Ring Eastborough today: ask for a transfer-in conference, send the "
                    "chronology, and tell the new school and health visitor",
                    "end-late",
                    4,
                    CF,
                    [CHRON, ESC],
                    "The history goes with Mason, so the next team does not start again.",
                ),
                C(
                    "Close the case: it will be Eastborough’s when they arrive",
                    "end-left",
                    2,
                    PROC,
                    [SA, DD],
                    "Closing on a move is how the family’s history was lost last time.",
                ),
            ],
        ),
        N(
            "end-in-time",
            "Seen as a whole",
            "ending",
            p(
                "Mason is made subject to a child protection plan within weeks. He has a coat, "
                "a dentist and breakfast at home most days. His chronology will follow him if "
                "the family moves."
            ),
            outcome="protected_in_time",
            ending_summary="Mason was protected in good time because his history was read "
            "alongside his present.",
        ),
        N(
            "end-late",
            "Picked up, months later",
            "ending",
            p(
                "Eastborough holds a transfer-in conference with your chronology. Mason goes on "
                "a plan there, after another winter of cold mornings."
            ),
            outcome="protected_late",
            ending_summary="Mason was protected, but late: months were lost to starting again.",
        ),
        N(
            "end-left",
            "Starting again, again",
            "ending",
            p(
                "The family leaves. A year later a new school in a third authority refers a "
                "seven-year-old boy who arrives early, hungry and without a coat."
            ),
            outcome="left_in_neglect",
            ending_summary="Mason was left in neglect. Each agency saw a new family; nobody "
            "saw Mason’s whole life.",
        ),
    ],
)

DEMO_SCENARIOS = [NEW_BABY, STEPPING, START_AGAIN]


def seed_index(home) -> ScenarioIndexPage:
    index = ScenarioIndexPage.objects.child_of(home).filter(slug="scenarios").first()
    if index is None:
        index = ScenarioIndexPage(title="Case scenarios", slug="scenarios")
        home.add_child(instance=index)
    index.title = index.draft_title = "Case scenarios"
    index.intro = p(
        "Make the decisions in a neglect case and see what each one costs the child in time. "
        "Each scenario takes about fifteen minutes and ends with a debrief."
    )
    index.save_revision().publish()
    return index


def seed(context) -> None:
    index = seed_index(context.home)
    for spec in DEMO_SCENARIOS:
        create_or_update_scenario(index, spec)
    context.log.append(f"Scenarios: {len(DEMO_SCENARIOS)} demo scenarios published.")
