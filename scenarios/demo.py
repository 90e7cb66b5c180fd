"""Demo scenarios, written in our own words from the case material in the seed documents.

Facts come from Ofsted, *In the child's time: professional responses to neglect* (March
2014, No. 140059; case examples in paragraphs 24, 32, 67 and 73, managers telling workers
that parents needed longer in paragraph 57, and the findings on drift, family history and
changes of worker) and the Stoke-on-Trent and Staffordshire Safeguarding Children Board
(SSSCB) multi-agency neglect guidance (2020: babies' vulnerability in section 4; the rule
of optimism, start-again syndrome, disguised compliance, chronologies and the escalation
policy in section 6; the child's voice in Appendix 1). Names, ages and dates are invented.

The child's clock is part of the story: each choice's weeks cover everything the next
node's text says has happened ("four months later", "for the next six weeks"), endings
that leave a child in neglect include the time they describe, and no route with a missed
choice protects the child as quickly as the child-focused one
(``tests/scenarios/test_demo_story_clock.py`` walks every route to check).

``seed`` is idempotent: scenarios are found by slug, nodes by key and choices by
position, so a second run changes nothing.
"""

from __future__ import annotations

import datetime

from scenarios.models import (
    Rating,
    ScenarioAttempt,
    ScenarioDecision,
    ScenarioIndexPage,
    ScenarioPage,
)
from scenarios.services import make_move, start_attempt
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
    search_description="Disguised compliance: a newborn, parents with histories of drug "
    "misuse, and a pre-proceedings agreement stepped down too soon.",
    estimated_minutes=15,
    focus_concepts=[DC, RO, ESC, CHRON],
    introduction=p(
        "You are the social worker for Kai, born three days ago. Both his parents, Jade and "
        "Liam, have long histories of drug misuse. Their two older children were removed "
        "because of neglect and have since been adopted.",
        "Because of that history, a pre-birth assessment began when Jade was five months "
        "pregnant. An initial child protection conference held before the birth decided "
        "that Kai would be subject to a child protection plan from the day he was born.",
        "Jade and Liam tell everyone they have been drug-free for a year. They are warm, "
        "articulate and grateful for help. Every decision you make takes time for Kai, and "
        "a baby’s first months do not wait.",
    ),
    sources=sources(
        f"{OFSTED}, paragraphs 66 to 68: a case in which a new baby’s parents tested "
        "positive for cocaine and heroin, pre-proceedings were stepped down when they "
        "seemed to co-operate, the child was removed some months later, and the chair "
        "called the parents “very plausible”.",
        f"{OFSTED}, paragraphs 57 and 71: in four cases, professionals who took a failing "
        "plan to senior managers were told the parents needed longer; managers and "
        "conference chairs should be rigorous about parents not complying with plans.",
        f"{SSSCB}, section 4: why babies are particularly vulnerable to neglect; section 6: "
        "disguised compliance, the rule of optimism, and the escalation policy for "
        "professionals who disagree about a plan.",
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
                "Kai goes home from hospital on a child protection plan. It lists random drug "
                "tests for both parents, weekly home visits, health visitor checks and a "
                "parenting course.",
                "At your first visit the flat is spotless. Jade’s folder of certificates from "
                "her recovery group is open on the table.",
                "“We know we messed up before,” Liam says. “We were using, and we weren’t "
                "looking after the kids properly. We’re not those people now.”",
                "Jade nods. “Ask anyone at the group. I’ve not missed a session in a year. I "
                "just want the chance to be his mum.”",
            ),
            is_start=True,
            case_record="Kai born and home on a child protection plan. Pre-birth assessment: "
            "both parents misused drugs; two older children removed because of neglect.",
            choices=[
                C(
                    "Read the older children’s files before the first core group meeting, and "
                    "agree in writing that drug tests will be random and unannounced",
                    "first-tests",
                    4,
                    CF,
                    [CHRON, DC],
                    "The files show the same pattern last time: early co-operation, then "
                    "missed tests, each with a reason. You will recognise it if it starts "
                    "again, and random tests give you a true picture within weeks.",
                ),
                C(
                    "Give them a fresh start: focus on how they are now, and let them book "
                    "their own test dates",
                    "first-tests",
                    7,
                    OPT,
                    [SA, RO],
                    "Their history is the best guide you have. Setting it aside, and letting "
                    "them choose when to be tested, means the first true picture comes later.",
                ),
            ],
        ),
        N(
            "first-tests",
            "The first test results",
            "decision",
            p(
                "The first results come back: Jade is positive for cocaine and Liam for heroin.",
                "Jade is in tears. “Someone must have put something in my drink at my "
                "cousin’s christening. I didn’t know. I’d never risk Kai.”",
                "Liam is calm. “Mine’ll be the painkillers from the dentist. I had a tooth "
                "out. You can ring him.” He writes the dentist’s name on the back of an "
                "envelope.",
                "Both explanations are detailed, and both parents sound sincere.",
            ),
            case_record="Drug tests: mother positive for cocaine, father positive for heroin. "
            "Both give explanations.",
            choices=[
                C(
                    "Take the results to your manager and ask for a legal gateway meeting (where "
                    "managers and the council’s lawyer decide on legal action) to consider "
                    "pre-proceedings under the Public Law Outline (PLO)",
                    "plo-meeting",
                    9,
                    CF,
                    [ESC, DC],
                    "Two positive tests in a baby’s first weeks are a risk to Kai whatever the "
                    "explanation. Whether to start pre-proceedings is your manager’s and the "
                    "legal gateway meeting’s decision; your job is to put the evidence in "
                    "front of them now.",
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
                "Over the next month Jade and Liam miss three of five appointments. The bus "
                "did not come. Kai had a cold. Jade’s grandmother died. They ring to apologise "
                "every time.",
                "“I know how it looks,” Jade tells you on the phone. “But we’re doing "
                "everything else. You’ve seen the flat.”",
                "Liam takes the phone. “Test us again. Go on. We’ve got nothing to hide.”",
                "Then the health visitor rings: Kai has dropped from the 50th to the 9th "
                "centile for weight.",
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
                    9,
                    CF,
                    [ESC, VOICE],
                    "You looked past each reason to what the pattern means for Kai: he is not "
                    "gaining weight.",
                ),
                C(
                    "Each reason is believable: rebook the appointments",
                    "core-group",
                    8,
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
                "The legal gateway meeting agrees to start pre-proceedings. The council sends "
                "a letter before proceedings. At the meeting that follows, with their "
                "solicitor beside them, Jade and Liam sign a written agreement: tests every "
                "fortnight, every appointment kept, unannounced visits allowed. It will be "
                "reviewed twelve weeks from the meeting.",
                "“Whatever it takes,” Liam says as he signs. Jade squeezes his hand. “We "
                "won’t let you down.”",
                "For the next six weeks everything changes. Every test is clear and they are "
                "early for every appointment. The nursery nurse tells the core group they "
                "are “a different family”.",
                "Your manager stops you in the corridor. “Six clear weeks. They’ve done "
                "everything we asked. The legal gateway meeting won’t want to keep a family in "
                "pre-proceedings when they’re co-operating like this. Let’s step down and give "
                "them the credit, and the time to show us.”",
            ),
            case_record="PLO meeting: written agreement signed (testing, attendance, "
            "unannounced visits). Six weeks of clear tests. Manager proposes stepping down.",
            choices=[
                C(
                    "Tell your manager you disagree: keep pre-proceedings running to the "
                    "review, and judge progress on Kai’s care, not on how well his parents "
                    "attend",
                    "plo-review",
                    5,
                    CF,
                    [DC, DD],
                    "Attending is not the same as changing. Six weeks cannot show whether "
                    "change will last; keeping the agreement in place lets you find out. "
                    "Saying so to your manager, with reasons, is part of the job.",
                ),
                C(
                    "Agree with your manager and step down from pre-proceedings: they are "
                    "co-operating now",
                    "stepped-down",
                    2,
                    OPT,
                    [RO, DC],
                    "Six good weeks after years of drug misuse is hopeful, not lasting change. "
                    "Stepping down removes the clearest message about what must change. "
                    "Inspectors found managers telling workers that parents needed longer; "
                    "the child is the one who waits.",
                ),
            ],
        ),
        N(
            "plo-review",
            "An unannounced visit",
            "decision",
            p(
                "Ten days before the review you call without warning. Liam takes a long time "
                "to open the door. He is slurring and unsteady. Kai is alone in a bouncer in "
                "the bedroom, in a soaked nappy, with a bottle of cold milk propped beside "
                "him.",
                "“I’m just wrecked,” Liam says. “I’ve been on nights all week. Jade’s at her "
                "mum’s. He’s fine, he’s only just gone down.”",
                "When you ask what he has taken, he folds his arms. “Nothing. Test me if you "
                "want. You lot are never going to believe us, are you?”",
            ),
            case_record="Unannounced visit: father unsteady and slurring; Kai alone in a "
            "bouncer, soaked nappy, propped bottle.",
            childs_voice="Kai has a red, sore nappy rash. He stops crying as soon as he is "
            "picked up and holds on tight.",
            age_stage=BABY,
            choices=[
                C(
                    "With your manager, arrange for Kai to be looked after safely today, and "
                    "ask the legal gateway meeting to decide on care proceedings, using the "
                    "agreement and this visit as evidence",
                    "end-in-time",
                    2,
                    CF,
                    [ESC],
                    "The written agreement made clear what would happen next. Acting on it "
                    "protects Kai while he is still a young baby.",
                ),
                C(
                    "Extend pre-proceedings by twelve weeks to give them a final chance",
                    "review-conference",
                    14,
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
                "visits drop to fortnightly. Jade sends you a card: “Thank you for believing "
                "in us.”",
                "“We won’t need you for ever,” Liam says at the door, smiling. “But it’s "
                "been good to have someone on our side.”",
            ),
            case_record="Pre-proceedings ended early: parents co-operating. Child protection "
            "plan continues; visits fortnightly.",
            choices=[C("Continue", "core-group", 8)],
        ),
        N(
            "core-group",
            "The core group",
            "decision",
            p(
                "At the core group meeting the list of tasks not done is growing. The nursery "
                "place was never taken up. Jade missed her last two tests: first a hospital "
                "appointment, then a letter that never arrived.",
                "“I can’t be in two places at once,” Jade says. “You want me at the hospital, "
                "you want me at the test, you want me at the nursery. I’m one person.”",
                "Liam sends a text: he has started a new job and cannot come. “Tell them I’m "
                "doing it for Kai.”",
                "Everyone agrees the parents are very plausible. Then the health visitor adds, "
                "quietly, that Kai has a flattened head and is very quiet for his age.",
            ),
            case_record="Core group: nursery place not taken up; two tests missed; health "
            "visitor notes Kai’s flattened head and that he is very quiet.",
            childs_voice="Kai rarely cries when he is put down and does not look for his "
            "mother’s face. He brightens when the nursery nurse talks to him.",
            age_stage=BABY,
            choices=[
                C(
                    "Lay out every missed task and every reason in one chronology, and ask your "
                    "manager to take the case back to the legal gateway meeting",
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
                    12,
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
                "At the legal gateway meeting the council’s lawyer asks: “What is the "
                "evidence of harm to Kai, not just of his parents’ drug use?”",
                "The service manager chairing the meeting adds: “And they are turning up. If "
                "we go to court now, the first thing their barrister will say is that we never "
                "gave them a proper chance. I’d rather give them longer on the plan.”",
            ),
            case_record="Legal gateway meeting reconvened. Lawyer asks for evidence of the "
            "impact on Kai; service manager would rather give the parents longer.",
            choices=[
                C(
                    "Bring the weight chart, the health visitor’s and nursery’s observations and "
                    "the chronology, to show what Kai is living with",
                    "end-late",
                    4,
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
                "At the review child protection conference, Jade has another positive test. "
                "“I was at a party. People were smoking round me. I didn’t take anything, I "
                "swear on Kai’s life.”",
                "Liam’s probation officer reports missed appointments. Liam says: “I’ve got a "
                "job now. I can’t keep taking time off for all these meetings.”",
                "The health visitor’s check shows Kai is behind: he is not yet rolling over, "
                "and he rarely babbles.",
                "The chair sums up: “The parents have never missed a conference, and there "
                "has been real effort. I am minded to give them three more months on the "
                "plan before we look at anything else.”",
            ),
            case_record="Review conference: new positive test for mother; father missing "
            "probation appointments; Kai behind in his development. Chair proposes three "
            "more months.",
            childs_voice="Kai is quiet and watchful. He does not reach up to be held.",
            age_stage=BABY,
            choices=[
                C(
                    "Say you disagree and have it recorded; ask your manager to take the case "
                    "to the legal gateway meeting for a decision on care proceedings, and use "
                    "the partnership’s escalation procedure if the chair’s plan stands",
                    "end-late",
                    6,
                    CF,
                    [ESC],
                    "Care proceedings are for your manager and the legal gateway meeting to "
                    "decide; the escalation procedure is how you challenge a decision you "
                    "disagree with, here the chair’s. Challenging now protects Kai, but he "
                    "has already spent most of his first year waiting.",
                ),
                C(
                    "Agree with the chair: three more months on the plan",
                    "end-crisis",
                    18,
                    OPT,
                    [RO, DD],
                    "More time without a new way of testing change gives the same result, and "
                    "Kai pays for it.",
                ),
                C(
                    "Support stepping down to a child in need plan, since they attend every "
                    "meeting",
                    "end-left",
                    56,
                    COL,
                    [DC, RO],
                    "Attendance at meetings is the most visible form of co-operation and the "
                    "easiest to give. It says little about Kai’s care.",
                ),
            ],
        ),
        N(
            "end-in-time",
            "Kai is safe",
            "ending",
            p(
                "The legal gateway meeting agrees, and the court makes an interim care order. "
                "Kai goes to a foster carer who knows him from respite visits. Within a month "
                "he is gaining weight and babbling."
            ),
            case_record="Interim care order. Kai placed with a familiar foster carer.",
            outcome="protected_in_time",
            ending_summary="Kai was protected while he was still a young baby, because the "
            "written agreement was kept and its breach was acted on.",
        ),
        N(
            "end-late",
            "Protected, later than he needed",
            "ending",
            p(
                "Care proceedings start. Kai is placed with foster carers. He is behind in his "
                "development and needs a physiotherapist’s help to sit and crawl."
            ),
            case_record="Care proceedings issued. Kai placed in foster care; development delayed.",
            outcome="protected_late",
            ending_summary="Kai was protected, but months of his first year were spent "
            "waiting while his parents’ explanations were accepted.",
        ),
        N(
            "end-crisis",
            "Removed after a crisis",
            "ending",
            p(
                "Four months later Kai is taken to hospital after falling from the sofa while "
                "both parents were asleep. Care proceedings start as an emergency."
            ),
            case_record="Kai admitted to hospital after a fall; both parents asleep. Emergency "
            "protection order.",
            outcome="protected_late",
            ending_summary="As in the Ofsted case, the child was removed months later, after "
            "more evidence of drug misuse. Looking back, the chair says they should have "
            "challenged the lack of progress much sooner.",
        ),
        N(
            "end-left",
            "Still waiting",
            "ending",
            p(
                "The plan steps down to child in need, then closes. A year later a neighbour "
                "calls the police: Kai, now walking, has been crying alone in the flat for "
                "hours."
            ),
            outcome="left_in_neglect",
            ending_summary="Kai was left in neglect. Each step was reasonable on its own; "
            "together they cost him well over a year.",
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
        "When Donna drinks heavily the children go to her sister, their aunt Sue. When she "
        "stops, she engages well, and the case is stepped down. It has happened before. "
        "Every choice you make has a cost in the children’s time.",
    ),
    sources=sources(
        f"{OFSTED}, paragraph 73: a mother who engages with agencies when abstinent and "
        "disengages when she relapses, a case frequently stepped up and down, and a child "
        "with high levels of anxiety.",
        f"{OFSTED}, paragraph 57: in four cases, professionals who took a failing plan to "
        "senior managers were told the parents needed longer.",
        f"{SSSCB}, section 6: the rule of optimism, drift and chronologies; Appendix 1: the "
        "child’s own voice.",
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
                "At eleven at night the police find Donna drunk and unable to stand. Ellie had "
                "rung her aunt Sue, who took both children home with her.",
                "Next morning Donna rings you before you can ring her. “I’m so ashamed. It was "
                "one night. I’ve already booked in with the alcohol service for Thursday.”",
                "“Please don’t make this into a big thing,” she says. “The kids are fine. "
                "Sue’s brilliant with them. I just need to sort myself out.”",
            ),
            is_start=True,
            case_record="Police: mother intoxicated at home at night; Ellie (9) rang her aunt. "
            "Children staying with their aunt, Sue.",
            choices=[
                C(
                    "Read the full file, ask every agency what it knows, and see the children "
                    "before deciding what level of plan is needed",
                    "history",
                    2,
                    CF,
                    [CHRON, VOICE],
                    "Before judging this episode you find out whether it is the first, and "
                    "what the children make of it.",
                ),
                C(
                    "Treat it as a one-off: give advice and close the case, since Donna is "
                    "remorseful and has already sought help",
                    "abstinent",
                    8,
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
                "Each follows the same pattern: Donna drinks, the children go to Sue, Donna "
                "engages, the case is stepped down within three months, and she drinks again. "
                "Nobody had put the episodes side by side before.",
            ),
            case_record="Chronology complete: five episodes in four years, each stepped down "
            "within three months of the mother engaging.",
            choices=[C("Continue", "ellie-seen", 1)],
        ),
        N(
            "abstinent",
            "Sober, and the children home",
            "decision",
            p(
                "The case was closed after your visit. Two months later the school rings. "
                "Donna is sober and the children are home, but Ellie has stomach aches most "
                "Mondays and keeps asking to phone home at lunchtime.",
                "When you ring Donna she is cheerful. “She’s always been a worrier, that one. "
                "Honestly, we’re good. I’ve not had a drink since that night.”",
            ),
            case_record="School: Ellie has stomach aches, asks to ring home at lunchtimes.",
            childs_voice="“I have to check Mum’s alright. If she doesn’t answer, I get the "
            "feeling in my tummy.”",
            age_stage=MID,
            choices=[
                C(
                    "Reopen the case and see Ellie on her own at school",
                    "ellie-seen",
                    1,
                    CF,
                    [VOICE],
                    "Ellie’s worry tells you what the drinking has done to her, even in the "
                    "good weeks.",
                ),
                C(
                    "Reassure the school: Donna is sober and the home is fine",
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
                "You see Ellie on her own in the school nurse’s room. She draws her house and "
                "shows you where she hides the car keys. She explains how she can tell when "
                "Mum has been drinking: “She talks slow and she laughs at stuff that isn’t "
                "funny.”",
                "She makes Josh’s tea when Mum is “poorly”. At the end she asks you not to "
                "tell Mum what she said.",
            ),
            case_record="Ellie seen alone: she looks after Josh when her mother drinks, and "
            "watches for signs.",
            childs_voice="“When Mum’s poorly I do Josh’s tea. Cereal. Sometimes there isn’t "
            "any milk.”",
            age_stage=MID,
            choices=[
                C(
                    "Tell Ellie honestly what you will share and why; take her words and a "
                    "chronology of every agency’s records to a strategy discussion, and ask "
                    "for an initial child protection conference",
                    "strategy",
                    3,
                    CF,
                    [VOICE, ESC, CHRON],
                    "You have put Ellie’s experience at the centre, without making her a "
                    "promise you could not keep.",
                ),
                C(
                    "Reassure Ellie that Mum is doing well now and it won’t happen again",
                    "relapse",
                    10,
                    OPT,
                    [RO, VOICE],
                    "You cannot promise that, and Ellie knows it. She learns that telling "
                    "adults changes nothing.",
                ),
            ],
        ),
        N(
            "strategy",
            "The conference",
            "decision",
            p(
                "An initial child protection conference makes both children subject to a "
                "plan. The chronology is read out. Donna says she has not had a drink since "
                "the night the police came, and she has been to every appointment.",
                "“I know what that list looks like,” she tells the conference. “But I’ve "
                "never had proper help before. This time I’ve got a key worker. This time "
                "it’s different.”",
                "The chair is encouraged. “This is a mother who is doing everything we ask. "
                "I’d like the plan to aim for stepping down at the first review if things "
                "stay as they are.”",
            ),
            case_record="Initial child protection conference: both children subject to "
            "plans. Chair proposes aiming to step down at the first review.",
            choices=[
                C(
                    "Argue for a long-term plan: a relapse plan agreed with Donna and Sue, "
                    "goals for the children, and no step-down until change has lasted six "
                    "months",
                    "sustained",
                    26,
                    CF,
                    [DD, RO],
                    "The plan now answers the question the chronology raised: what happens to "
                    "the children next time? Disagreeing with the chair, with reasons, is "
                    "part of what a conference is for.",
                ),
                C(
                    "Agree with the chair: aim to step down at the first review",
                    "relapse",
                    16,
                    OPT,
                    [RO],
                    "This is the step that has failed five times. Good engagement when sober "
                    "is part of the pattern, not evidence it has ended.",
                ),
            ],
        ),
        N(
            "relapse",
            "The relapse",
            "decision",
            p(
                "Donna stops answering the door. Sue rings you: the children are with her "
                "again, and Donna is drinking. Ellie has missed four days of school.",
                "Then Donna texts you: “I know I’ve let everyone down. I’ll go back to the "
                "alcohol service when I’m ready. Please leave me alone till then.”",
                "Sue tells you she loves the children but cannot keep doing this. “Every "
                "time, I think it’s the last time.”",
            ),
            case_record="Mother relapsed and disengaged. Children with their aunt. Ellie "
            "missed four days of school.",
            childs_voice="Ellie has stopped eating lunch at school. She tells her teacher she "
            "isn’t hungry.",
            age_stage=MID,
            choices=[
                C(
                    "Step the case up: ask for a child protection conference with the whole "
                    "chronology, and ask your manager to take the case to a legal gateway "
                    "meeting (where managers and the council’s lawyer decide whether to start "
                    "legal action)",
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
                    "homes.",
                ),
            ],
        ),
        N(
            "re-engaged",
            "Donna is back",
            "decision",
            p(
                "Donna rings you. She has been sober for three weeks, is back at the alcohol "
                "service, and the children are home.",
                "“I’m sorry. I mean it this time. But I can’t get better with social workers "
                "watching me. Every visit, I feel like I’m being marked.”",
                "Your team manager reads the file with you. “She’s trying. If we push now, we "
                "could tip her back into drinking. I’d give her a few months’ breathing space "
                "and see.”",
            ),
            case_record="Mother sober three weeks, back with the alcohol service. Children "
            "home. She asks for the case to close; manager suggests giving her time.",
            choices=[
                C(
                    "Show your manager the chronology: the pattern, not this week, is the "
                    "risk. Ask for a child protection conference",
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
                    12,
                    COL,
                    [RO, DC],
                    "This is the cycle again. The children will go back to Sue when the next "
                    "relapse comes.",
                ),
                C(
                    "Close the case: a plan has nothing more to add",
                    "end-left",
                    40,
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
                "to 78%. Josh has started school with delayed speech.",
                "Donna cries. “I love my kids. Everyone keeps saying what I’ve done wrong. "
                "Nobody says what I’ve done right.”",
                "Your manager takes the case to a legal gateway meeting, which asks what would "
                "make a difference now.",
            ),
            case_record="Conference: Ellie’s attendance 78%; Josh starting school with "
            "delayed speech.",
            choices=[
                C(
                    "Hold a family group conference and start pre-proceedings, assessing Sue as "
                    "a long-term carer",
                    "end-late",
                    36,
                    CF,
                    [ESC],
                    "The children get a stable plan at last, though later than they needed it.",
                ),
                C(
                    "Agree another plan with the same goals",
                    "end-left",
                    44,
                    PROC,
                    [DD],
                    "The same goals with the same approach will give the same result.",
                ),
            ],
        ),
        N(
            "sustained",
            "Six months into the plan",
            "decision",
            p(
                "Six months into the plan Donna has one lapse. This time she rings Sue "
                "herself, the children go there the same evening, and the school is told the "
                "next morning. Ellie has started sessions with the school counsellor.",
                "“I hated ringing her,” Donna tells you. “But it’s what we agreed. I didn’t "
                "want Ellie to be the one doing it.”",
                "At the review conference the chair says: “One lapse, handled well. I think "
                "we can close this now and let the family get on with their lives.”",
            ),
            case_record="One lapse in six months; safety plan worked: children to their aunt "
            "the same evening, school told.",
            childs_voice="“Auntie Sue came and we had pizza. I didn’t have to ring anyone.”",
            age_stage=MID,
            choices=[
                C(
                    "Keep the plan until the children’s goals are met, then step down to a "
                    "child in need plan with monitoring and a quick way back in",
                    "end-in-time",
                    20,
                    CF,
                    [DD],
                    "Change has been tested by a lapse and held. Stepping down with monitoring "
                    "keeps the children safe if it does not.",
                ),
                C(
                    "Agree with the chair: close the case now, as the lapse was handled well",
                    "relapse",
                    8,
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
                "A year on, Donna has had two short lapses since the night the police came, "
                "each handled by the safety plan. Ellie’s stomach aches have stopped. Josh’s "
                "speech is catching up."
            ),
            case_record="Case stepped down to a child in need plan with monitoring; the safety "
            "plan stays.",
            outcome="protected_in_time",
            ending_summary="The children were protected because the plan was built for the "
            "pattern, not for the good weeks.",
        ),
        N(
            "end-late",
            "Settled, at last",
            "ending",
            p(
                "Over the next eight months, through pre-proceedings and an assessment of Sue, "
                "the children settle with her, and the court makes a special guardianship "
                "order. Ellie still checks her phone for messages from her mum every "
                "lunchtime."
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
                "The case closes. Eight months later the police are called to the house "
                "again. It is the sixth episode in five years."
            ),
            outcome="left_in_neglect",
            ending_summary="The children were left in neglect: the response followed Donna’s "
            "drinking, not their lives.",
        ),
    ],
)


START_AGAIN = ScenarioSpec(
    title="Starting again: Mason at his new school",
    slug="start-again-new-school",
    search_description="Start-again syndrome: a six-year-old at a new school, a family known "
    "before, changes of worker and a move between authorities.",
    estimated_minutes=15,
    focus_concepts=[SA, CHRON, DD, VOICE],
    introduction=p(
        "You have just joined the local authority’s assessment team as a social worker. A "
        "primary school has referred Mason, aged six, who started there this term after his "
        "family moved from another authority, Eastborough.",
        "Nobody in this authority knows the family. Whether anyone finds out what is already "
        "known depends on you. Mason’s days go on while you decide.",
    ),
    sources=sources(
        f"{OFSTED}, paragraph 24: a six-year-old arriving at school very early, without "
        "breakfast, unwashed and without a coat in cold weather; paragraphs 31 to 32 and "
        "78 on family history, moves between authorities and changes of social worker.",
        f"{OFSTED}, paragraph 57: in four cases, professionals who took a failing plan to "
        "senior managers were told the parents needed longer.",
        f"{SSSCB}, section 6: start-again syndrome and the use of chronologies in assessing "
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
                "Kerry is friendly and tired. “It’s been a nightmare since we moved. The "
                "boiler’s broken, the landlord won’t answer, and I start work at six, so Lily "
                "takes him in.”",
                "“He’s a slow eater, Mason. Always has been. I can’t make him eat if he won’t.”",
                "When you ask whether the family had a social worker in Eastborough, she "
                "shrugs. “Years ago. It was nothing. They closed it.” The flat is sparse but "
                "tidy.",
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
                    "close the case to social care",
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
                "You read Eastborough’s records beside what is happening now. Mason’s older "
                "brother, who now lives with his father, was on a child protection plan for "
                "neglect for sixteen months. The plan closed when the family moved away. "
                "There were two referrals before that, and three moves in four years.",
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
                "like what his brother lived with.",
                "Your manager is cautious. “That plan closed when they left Eastborough. "
                "Moving is hard on any family, and this is a fresh start for them. I’d give "
                "them a few months to settle, with some early help, before we go in heavy.”",
            ),
            case_record="Assessment: current concerns match the pattern in the older "
            "brother’s plan. Manager suggests giving the family time to settle.",
            choices=[
                C(
                    "Tell your manager why the history matters now: build one multi-agency "
                    "chronology across both authorities and hold a strategy discussion",
                    "strategy",
                    2,
                    CF,
                    [CHRON, ESC],
                    "One chronology shows the whole of Mason’s life, not just this term.",
                ),
                C(
                    "Agree with your manager: give the family time to settle, with early help "
                    "in the meantime",
                    "early-help",
                    6,
                    OPT,
                    [SA, RO],
                    "A closed plan is not a resolved concern. Leaving the history aside is how "
                    "start-again syndrome works.",
                ),
            ],
        ),
        N(
            "early-help",
            "Early help",
            "decision",
            p(
                "An early help plan starts: breakfast club, a food bank, a family support "
                "worker. Kerry comes to the first meeting. “I’ll do whatever. I just need a "
                "bit of help getting straight.” Then she stops answering the door.",
                "Mason eats two breakfasts at school and still has no coat. Lily is late for "
                "her own school most days.",
                "The family support worker rings you. “I’m not getting in, and the school are "
                "really worried. Can social care look at this again?”",
            ),
            case_record="Early help plan; mother attended the first meeting only. Still no "
            "coat; Lily often late for school. Family support worker asks social care to look "
            "again.",
            childs_voice="Mason tells the breakfast club worker: “Mum was asleep. Lily did my "
            "toast but there wasn’t any bread.”",
            age_stage=MID,
            choices=[
                C(
                    "Reopen the case: put the breakfast club’s notes and the support worker’s "
                    "concerns beside everything Eastborough knew",
                    "history-found",
                    2,
                    CF,
                    [ESC, CHRON],
                    "You used what Mason said and what staff saw to look again, with the "
                    "history in view.",
                ),
                C(
                    "Give it more time: the family is still settling in",
                    "new-worker",
                    14,
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
                "Two months later the early help plan is reviewed and the case comes back to "
                "social care. Your team is short of staff, so it goes to a colleague, who "
                "leaves six weeks later. It comes back to you.",
                "Kerry has now told her story to three workers since the family arrived. "
                "“I’ve said it all before,” she tells you on the phone. “To you, to her, to "
                "the support worker. I’m not doing it again.”",
            ),
            case_record="Case reallocated to you after a colleague left. Mother has met three "
            "workers since the family arrived.",
            choices=[C("Continue", "handover", 2)],
        ),
        N(
            "handover",
            "The handover",
            "decision",
            p(
                "Your colleague’s file has a note of each visit, but no chronology, and "
                "nothing that links what happened in Eastborough to what is happening now.",
                "Kerry says she is “done with social workers”. “Every time someone new comes, "
                "it’s the same questions. And nothing changes except the name on the letter.”",
            ),
            case_record="File handed back: no chronology; nothing linking the previous "
            "authority’s history to now.",
            choices=[
                C(
                    "Read the whole file, get Eastborough’s records and build a chronology "
                    "before you meet Kerry",
                    "history-found",
                    3,
                    CF,
                    [CHRON, SA],
                    "A change of worker is where start-again syndrome usually begins. You made "
                    "sure it did not.",
                ),
                C(
                    "Introduce yourself again and agree a fresh plan with Kerry",
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
                "health checks. A dentist found six decayed teeth and no follow-up appointment "
                "was kept.",
                "The school’s designated safeguarding lead (DSL) reads from her notes: Mason asked "
                "whether he could take the leftover toast home “for Lily”.",
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
                "She does not give a new address.",
                "When you reach her, she says: “It’s not running away. My mum’s there. I need "
                "the help. You lot don’t even know us.”",
            ),
            case_record="Mother says the family is moving back to Eastborough; no forwarding "
            "address.",
            choices=[
                C(
                    "Ring Eastborough today: refer Mason to their children’s social care with "
                    "your chronology, and tell his new school and the health services there",
                    "end-late",
                    8,
                    CF,
                    [CHRON, ESC],
                    "The history goes with Mason, so the next team does not start again.",
                ),
                C(
                    "Close the case: it will be Eastborough’s when they arrive",
                    "end-left",
                    60,
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
                "Eastborough’s children’s social care reads your chronology and holds a "
                "conference. Mason goes on a plan there, after more weeks of cold mornings."
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


SCHOOL_GATE = ScenarioSpec(
    title="At the school gate: Ruby and a family who push back",
    slug="school-dsl-parental-resistance",
    search_description="Parental resistance from a school's seat: a designated safeguarding "
    "lead records, shares, refers and escalates while a family is hopeless, hostile, "
    "challenging and then charming.",
    estimated_minutes=15,
    focus_concepts=[ESC, VOICE, CHRON, RO],
    introduction=p(
        "You are the designated safeguarding lead (DSL) at Brookfield Primary School: the "
        "member of staff who takes the lead on safeguarding, keeps the school’s safeguarding "
        "records and makes referrals to other agencies.",
        "Ruby is seven and in Year 2. She lives with her mother, Chantelle, her mother’s "
        "partner, Dean, and her brother Alfie, who is two. Alfie is seen by the health visitor "
        "(a nurse who checks the health and development of children under five).",
        "You are not Ruby’s social worker, and you cannot make anyone accept help. What you "
        "can do is notice, write it down, share it with the people who need it, refer, and "
        "challenge when you think Ruby is not protected. Every choice takes time from Ruby.",
    ),
    sources=sources(
        f"{SSSCB}, section 6: the four kinds of resistance (hostile, passive-aggressive, "
        "passive-hopeless and challenging), thinking broadly about what a parent’s behaviour "
        "means, and the escalation policy when professionals disagree about a plan.",
        f"{OFSTED}, paragraph 26: of 27 referrers interviewed, 5 were unhappy with children’s "
        "social care’s response and only 1 questioned the decision; paragraph 57: "
        "professionals who escalated a failing plan were told the parents needed longer.",
        "Blackburn with Darwen Safeguarding Children Board, neglect strategy (undated): where "
        "parents refuse consent for early help, those in contact with the child keep a close "
        "watch and refer at once if concerns approach significant harm.",
        "HM Government, <i>Information sharing: advice for practitioners providing "
        "safeguarding services to children, young people, parents and carers</i>, May 2024: "
        "consent is not needed to share information when a child is at risk of harm; record "
        "each decision to share or not to share, and why.",
    ),
    reflection_prompt=(
        "Chantelle was hopeless, Dean was hostile, then challenging, then charming. Think of "
        "a parent who makes you want to back off. What do you do differently with them, and "
        "what does the child lose when you do?"
    ),
    nodes=[
        N(
            "first-concern",
            "Monday morning",
            "decision",
            p(
                "Ruby’s class teacher, Mr Hughes, catches you in the corridor. Ruby has come "
                "in wearing Friday’s clothes again. She ate two bowls of cereal at breakfast "
                "club and put a slice of toast in her pocket. She has had head lice since half "
                "term, and she fell asleep in phonics.",
                "“It’s been building for a while,” he says. “I’ve been putting notes on "
                "post-its. I didn’t want to make a fuss over nothing.”",
                "Her attendance this term is 86%. When you ask Ruby how her weekend was, she "
                "says, “Alfie cried a lot. I gave him my crisps.”",
            ),
            is_start=True,
            case_record="Class teacher: Ruby in the same clothes as Friday, very hungry, "
            "untreated head lice, falling asleep in class. Attendance 86% this term.",
            childs_voice="“Alfie cried a lot. I gave him my crisps.” (Written for this course.)",
            age_stage=MID,
            choices=[
                C(
                    "Put Mr Hughes’s notes and what you have seen on Ruby’s safeguarding "
                    "record in date order, and ask Chantelle to come in this week",
                    "meeting-mum",
                    1,
                    CF,
                    [CHRON, VOICE],
                    "Post-its are not a record. In date order, small worries show a pattern "
                    "that anyone who reads the file later can follow.",
                ),
                C(
                    "Ask Mr Hughes to keep an eye on her and come back to you if it gets worse",
                    "half-term",
                    6,
                    OPT,
                    [RO, DD],
                    "Waiting to see whether it gets worse is how neglect stays hidden: each day "
                    "on its own looks like a bad day.",
                ),
            ],
        ),
        N(
            "half-term",
            "Worse, not better",
            "information",
            p(
                "Six weeks later Mr Hughes comes back. Ruby has missed five days, two of them "
                "Mondays. She has a sore on her lip that has not been treated, and she has "
                "started hiding food in her book bag.",
                "“I should have come sooner,” he says. “So should I,” you think. You put his "
                "notes in date order and ask Chantelle to come in.",
            ),
            case_record="Ruby absent five days (two Mondays); untreated sore on lip; hiding "
            "food. Mother invited to a meeting.",
            choices=[C("Continue", "meeting-mum", 1)],
        ),
        N(
            "meeting-mum",
            "“There’s no point”",
            "decision",
            p(
                "Chantelle comes in with Alfie in a pushchair. He is grizzly and his nappy "
                "needs changing. When you explain what the school has noticed, she starts to "
                "cry.",
                "“I know. I know she’s not right. I can’t get on top of anything. Dean’s "
                "working nights, Alfie doesn’t sleep, and the money’s gone by Wednesday.” She "
                "wipes her eyes. “Whatever I do it’s wrong. There’s no point anyone trying "
                "with me.”",
                "She tells you she was in care herself, and that she does not read very well, "
                "so she “doesn’t bother” with letters from school.",
            ),
            case_record="Meeting with mother: tearful, says nothing will help; money runs out "
            "mid-week; partner works nights; finds letters hard to read.",
            choices=[
                C(
                    "Tell her plainly what worries you about Ruby, offer an early help "
                    "assessment (support from local services, agreed with the family), and "
                    "ask if you may share your worries with Alfie’s health visitor",
                    "dad-at-reception",
                    2,
                    CF,
                    [VOICE, ESC],
                    "Despair is one of the forms resistance takes, and it can pull you into "
                    "agreeing that nothing will work. Being honest, offering help she can use "
                    "(you noticed the letters) and joining up with health keeps both children "
                    "in view.",
                ),
                C(
                    "Reassure her that lots of parents struggle, and agree not to write "
                    "anything down yet so that she keeps trusting you",
                    "quiet-month",
                    4,
                    COL,
                    [RO, CHRON],
                    "Sympathy is right; secrecy is not. A concern that is not recorded cannot be "
                    "shared, and Ruby’s record now says nothing about what you heard.",
                ),
            ],
        ),
        N(
            "quiet-month",
            "Nothing written down",
            "information",
            p(
                "Over the next month nothing about Ruby goes on her record. Chantelle smiles "
                "at you at the gate but does not stop. Mr Hughes asks why nothing has "
                "happened.",
                "Then the school nurse mentions that Alfie has missed his two-year review. You "
                "write up everything you know, see Chantelle again and offer an early help "
                "assessment. She agrees, quietly.",
            ),
            case_record="Record written up a month late. Early help assessment offered and "
            "accepted. Alfie missed his two-year health review.",
            choices=[C("Continue", "dad-at-reception", 1)],
        ),
        N(
            "dad-at-reception",
            "Shouting in reception",
            "decision",
            p(
                "At home time Dean comes into reception. He is shouting before the door has "
                "closed. “Who said you could go poking into my family? You’re a school, not "
                "social services. Teach her to read and keep your nose out.” He leans over "
                "the counter towards you. “Write one more thing about us and I’ll have your "
                "job.” Two parents pull their children back.",
                "Afterwards your head teacher, Mrs Okafor, closes her office door. “We’ve "
                "worked so hard to get that family through the door. If he takes Ruby out of "
                "school we’ll see her even less. Let’s ease off, keep it friendly and see "
                "where we are at the end of term.”",
            ),
            case_record="Mother’s partner shouted in reception, leaned over the counter and "
            "threatened the DSL’s job. Head teacher proposes easing off.",
            childs_voice="Ruby watches from the corridor with her coat half on. She does not "
            "run to Dean. (Written for this course.)",
            age_stage=MID,
            choices=[
                C(
                    "Write down exactly what Dean said and did, tell Mrs Okafor why the "
                    "school cannot ease off, and offer to meet Dean with a colleague present",
                    "review",
                    3,
                    CF,
                    [ESC, CHRON],
                    "Hostile resistance works by making professionals back away. Recording it "
                    "precisely, staying safe, and not letting it change what you do for Ruby is "
                    "how you stop it working. Disagreeing with your head, with reasons, is part "
                    "of your role.",
                ),
                C(
                    "Agree with Mrs Okafor: hold back until things calm down",
                    "holding-back",
                    6,
                    OPT,
                    [RO, DD],
                    "Easing off rewards the shouting and leaves Ruby where she was. Managers "
                    "often argue for more time; the child is the one who waits.",
                ),
            ],
        ),
        N(
            "holding-back",
            "Keeping it friendly",
            "information",
            p(
                "For the next six weeks nobody mentions the early help plan to Dean. He nods "
                "to you at the gate. Ruby’s lunchbox is often empty, and on cold days she "
                "comes in without a coat.",
                "At the end of term Mrs Okafor agrees the early help plan must be reviewed.",
            ),
            case_record="Early help paused for six weeks. Empty lunchboxes; no coat on cold days.",
            choices=[C("Continue", "review", 2)],
        ),
        N(
            "review",
            "The early help review",
            "decision",
            p(
                "At the early help review very little has changed. Ruby’s attendance has "
                "dropped below 80%. The health visitor says Alfie has lost weight and his "
                "immunisations are overdue.",
                "Dean has come, arms folded. “Go on then. You’re the experts. You tell me how "
                "to feed four people on what I earn. Sort it, if you’re so clever.”",
                "The family support worker leading the plan says to you afterwards: “Mum’s "
                "trying, and Dean turned up, which is a first. Let’s extend the plan and give "
                "them a proper chance.”",
            ),
            case_record="Early help review: Ruby’s attendance below 80%; Alfie has lost weight "
            "and is behind with immunisations. Mother’s partner challenges staff to ‘sort it’.",
            childs_voice="Ruby tells her teaching assistant that she makes Alfie’s tea when "
            "Mum is asleep. (Written for this course.)",
            age_stage=MID,
            choices=[
                C(
                    "Refer Ruby and Alfie to children’s social care today. Tell Chantelle and "
                    "Dean you are doing so and why, and record your decision and your reasons",
                    "referral-response",
                    1,
                    CF,
                    [ESC, CHRON, VOICE],
                    "Help has been offered and the children’s care is getting worse: that is "
                    "when early help becomes a referral. You do not need the parents’ consent "
                    "to refer when you think a child may be suffering significant harm, but "
                    "you should tell them unless that would put a child at risk.",
                ),
                C(
                    "Ask Chantelle and Dean to agree to a referral, and hold off when Dean refuses",
                    "extended-plan",
                    12,
                    COL,
                    [ESC],
                    "Consent is not needed to share information or refer when a child is at "
                    "risk of harm. Waiting for Dean’s agreement hands him the decision about "
                    "Ruby’s safety.",
                ),
                C(
                    "Agree with the family support worker and extend the early help plan",
                    "extended-plan",
                    12,
                    PROC,
                    [DD, RO],
                    "“A proper chance” has already been given. A longer plan with the same "
                    "actions is drift: the dates move and Ruby’s days stay the same.",
                ),
            ],
        ),
        N(
            "extended-plan",
            "Another term",
            "decision",
            p(
                "Twelve weeks later Ruby has been absent eleven more days. She has stopped "
                "putting her hand up. The school nurse finds her teeth badly decayed. Chantelle "
                "has stopped coming to meetings, and Dean does not answer the phone.",
                "The family support worker says: “They’ve disengaged. I can’t hold a plan open "
                "for a family that won’t work with us. I’m going to close it.”",
            ),
            case_record="Ruby absent eleven more days; decayed teeth; withdrawn in class. "
            "Family no longer attending early help. Support worker proposes closing.",
            childs_voice="“Is it a school day tomorrow? I like it when it’s a school day.” "
            "(Written for this course.)",
            age_stage=MID,
            choices=[
                C(
                    "Refer to children’s social care now, with the chronology, and tell the "
                    "parents that you have",
                    "referral-response",
                    1,
                    CF,
                    [ESC, CHRON],
                    "Withdrawing from help while the children’s care gets worse is a reason to "
                    "refer, not to close.",
                ),
                C(
                    "Agree to close the plan: the family has chosen not to engage",
                    "winter",
                    4,
                    PROC,
                    [DD],
                    "Closing a plan because parents stop coming leaves the children with no one "
                    "watching at all, at the moment things are getting worse.",
                ),
            ],
        ),
        N(
            "referral-response",
            "The reply from the front door",
            "decision",
            p(
                "Children’s social care’s front door, the multi-agency safeguarding hub "
                "(MASH) where referrals are screened, rings back. The duty manager says the "
                "referral does not meet the threshold for a social work assessment: “It’s "
                "early help level. Poverty, a tired mum, a dad who’s rude to teachers. Keep "
                "the plan going and come back to us if anything happens.”",
                "You think about what “anything” would have to be.",
            ),
            case_record="MASH: referral not accepted for assessment; returned to early help.",
            choices=[
                C(
                    "Use the partnership’s escalation procedure: ask the duty manager to look "
                    "again, in writing, with your chronology and the health visitor’s "
                    "concerns, and take it to the next level if the answer does not change",
                    "conference",
                    4,
                    CF,
                    [ESC, CHRON],
                    "The escalation procedure exists for exactly this: a professional who "
                    "disagrees with another agency’s decision about a child. Ofsted found that "
                    "few unhappy referrers ever questioned the decision.",
                ),
                C(
                    "Accept the decision: social care knows its thresholds",
                    "winter",
                    4,
                    PROC,
                    [ESC, DD],
                    "Disagreeing with a threshold decision is not rude; it is your duty when "
                    "you hold evidence that a child is not protected.",
                ),
            ],
        ),
        N(
            "conference",
            "The child protection conference",
            "decision",
            p(
                "The duty manager reads your chronology and changes the decision. A social "
                "worker assesses the family, and an initial child protection conference is "
                "called. You are invited to give the school’s report.",
                "Dean is a different man. He shakes everyone’s hand, thanks the school for "
                "“everything you’ve done for Ruby”, and says he has “turned a corner”. "
                "Chantelle nods beside him.",
                "The conference chair says: “It’s good to see the family working with us. "
                "Given how positive they are now, is a child protection plan really needed? "
                "A child in need plan might keep them on board.”",
            ),
            case_record="Initial child protection conference. Mother’s partner warm and "
            "grateful; chair suggests a child in need plan instead.",
            choices=[
                C(
                    "Give your report: the chronology, Ruby’s attendance and her own words. Say "
                    "that a friendly meeting has not changed her days, and that you think she "
                    "needs a child protection plan",
                    "end-in-time",
                    2,
                    CF,
                    [VOICE, CHRON, ESC],
                    "Charm at a meeting, after months of hostility, can be a passive-aggressive "
                    "surface over the same care. The chronology and Ruby’s voice keep the "
                    "conference on her life, not on the adults’ manners.",
                ),
                C(
                    "Go along with a child in need plan: they seem to have turned a corner",
                    "cin-plan",
                    18,
                    OPT,
                    [RO, DC],
                    "A good meeting is not a changed home. The rule of optimism lets the whole "
                    "network relax at the moment it most needs to look closely.",
                ),
            ],
        ),
        N(
            "winter",
            "Nobody watching",
            "information",
            p(
                "The early help plan closes. Ruby’s record at school grows, but nobody outside "
                "the school reads it.",
                "Chantelle stops bringing Alfie to the clinic. Dean tells the office that Ruby "
                "will be “home educated” from next term.",
            ),
            case_record="Early help closed. Alfie no longer seen by health. Partner says Ruby "
            "will be educated at home.",
            choices=[C("Continue", "end-left", 52)],
        ),
        N(
            "cin-plan",
            "A child in need plan",
            "information",
            p(
                "Four months later the child in need plan has been reviewed twice. Each time "
                "Dean is polite and Chantelle says things are better. Ruby’s attendance is "
                "72%.",
                "Then Ruby arrives at school with a burn on her hand that has not been "
                "treated. She says she was making Alfie’s tea. The social worker calls a "
                "strategy discussion the same day.",
            ),
            case_record="Child in need plan reviewed twice; attendance 72%. Untreated burn on "
            "Ruby’s hand; strategy discussion called.",
            choices=[C("Continue", "end-late", 2)],
        ),
        N(
            "end-in-time",
            "A plan built on Ruby’s days",
            "ending",
            p(
                "Ruby and Alfie are made subject to child protection plans. The plan pays for "
                "breakfast club, arranges help for Chantelle with letters and money, and sets "
                "out what must change at home and by when. Your record is the start of the "
                "chronology everyone now uses."
            ),
            outcome="protected_in_time",
            ending_summary="Ruby was protected in good time. You recorded, shared, referred and "
            "escalated, and did not let despair, anger or charm move you off her needs.",
        ),
        N(
            "end-late",
            "Protected after harm",
            "ending",
            p(
                "Ruby and Alfie go on child protection plans after the burn. The evidence had "
                "been in the school’s record for months."
            ),
            outcome="protected_late",
            ending_summary="Ruby was protected, but late: the network relaxed when the family "
            "seemed to co-operate, and Ruby was hurt before anyone acted.",
        ),
        N(
            "end-left",
            "Out of sight",
            "ending",
            p(
                "Over the next year nobody from any agency sees Ruby. A neighbour calls the "
                "police when Alfie is found alone in the street. Ruby has been looking after "
                "him all day."
            ),
            outcome="left_in_neglect",
            ending_summary="Ruby was left in neglect. Each agency waited for another to act, and "
            "the one that saw her every day stopped asking.",
        ),
    ],
)

DEMO_SCENARIOS = [NEW_BABY, STEPPING, START_AGAIN, SCHOOL_GATE]


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


def play_through(user, page: ScenarioPage, rng, started_at) -> ScenarioAttempt | None:
    """One demo learner's first attempt at ``page``, played through the same services as
    the player (``start_attempt``, ``make_move``) so the decisions are recorded as a
    learner's are, then dated ``started_at`` onwards (a minute or two per decision).

    Each choice is drawn from ``rng``, leaning towards the child-focused one, so the
    analytics show both the choices that protect the child and the ones that miss the
    point. A learner who already has an attempt at ``page`` keeps it (a second run
    changes nothing)."""
    if ScenarioAttempt.objects.filter(user=user, scenario=page).exists():
        return None
    attempt = start_attempt(user, page)
    while not attempt.is_complete:
        node = attempt.scenario.nodes_by_key[attempt.current_node_key]
        choices = list(node.choices.all())
        focused = [c for c in choices if c.rating == Rating.CHILD_FOCUSED]
        pick = rng.choice(focused if focused and rng.random() < 0.5 else choices)
        make_move(attempt, at_node_key=node.key, step=attempt.step, choice_id=pick.pk)
    moments = []
    for decision in attempt.decisions.order_by("sequence"):
        decision.chosen_at = started_at + datetime.timedelta(minutes=2 * decision.sequence)
        moments.append(decision)
    ScenarioDecision.objects.bulk_update(moments, ["chosen_at"])
    finished = started_at + datetime.timedelta(minutes=2 * len(moments) + 1)
    ScenarioAttempt.objects.filter(pk=attempt.pk).update(
        started_at=started_at, updated_at=finished, completed_at=finished
    )
    return attempt
