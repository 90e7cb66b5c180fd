"""Demo modules for seed_demo, written from the seed documents (see each lesson's sources)."""

from courses import demo_before_after

OFSTED = "Ofsted (2014) In the child's time: professional responses to neglect. No. 140059."
SSSCB = (
    "Stoke-on-Trent and Staffordshire Safeguarding Children Board (SSSCB) (2020) "
    "Multi-agency neglect guidance. Final version, 3 August 2020."
)
SSSCB_APPENDIX = (
    "Stoke-on-Trent and Staffordshire Safeguarding Children Board (SSSCB) (2020) "
    "Multi-agency neglect guidance, Appendix 1: the impact of neglect, a child's "
    "thoughts and feelings."
)
AFC = (
    "Action for Children (2014) Report on child neglect, drawing on the Annual Review "
    "of Child Neglect carried out with the University of Stirling."
)
BWD = (
    "Blackburn with Darwen Safeguarding Children Board. Neglect strategy (undated; it uses "
    "the definition from Working Together to Safeguard Children, March 2015)."
)
CSN = (
    "Surowiec, C. (2014) In the child's time: professional responses to neglect – "
    "Ofsted survey. CSN/LGiU policy briefing, 25 April 2014."
)
WORKING_TOGETHER = (
    "HM Government (March 2015) Working Together to Safeguard Children, definition of "
    "neglect, quoted as reproduced in the Blackburn with Darwen neglect strategy. The 2013 "
    "edition (quoted by Ofsted, 2014, paragraph 4) and the 2018 edition (quoted in the SSSCB "
    "guidance, 2020, section 2) give the same definition with small differences in wording."
)

WORKING_TOGETHER_2023 = (
    "HM Government (December 2023, updated February 2024) Working Together to Safeguard "
    "Children 2023: a guide to multi-agency working to help, protect and promote the "
    "welfare of children. Department for Education."
)
INFORMATION_SHARING_2024 = (
    "HM Government (May 2024) Information sharing: advice for practitioners providing "
    "safeguarding services to children, young people, parents and carers. Department for "
    "Education. Non-statutory; replaces the July 2018 advice."
)
PRACTICE_REVIEW_PANEL = (
    "Child Safeguarding Practice Review Panel: notification of serious incidents and rapid "
    "reviews under section 16C of the Children Act 2004, as amended by the Children and "
    "Social Work Act 2017 (childsafeguarding.independent-panel.uk)."
)

# Working Together's definition, quoted word for word (2015 edition, as the Blackburn with
# Darwen strategy reproduces it). The only text in these modules taken verbatim from a
# source, so the originality test sets it aside by name.
WORKING_TOGETHER_2015_DEFINITION = (
    "<p>“The persistent failure to meet a child’s basic physical and/or psychological "
    "needs, likely to result in the serious impairment of the child’s health or "
    "development. Neglect may occur during pregnancy as a result of maternal substance "
    "abuse. Once a child is born, neglect may involve a parent or carer failing to:</p>"
    "<ul>"
    "<li>provide adequate food, clothing and shelter (including exclusion from home or "
    "abandonment);</li>"
    "<li>protect a child from physical and emotional harm or danger;</li>"
    "<li>ensure adequate supervision (including the use of inadequate care-givers); or</li>"
    "<li>ensure access to appropriate medical care or treatment</li>"
    "</ul>"
    "<p>It may also include neglect of, or unresponsiveness to, a child’s basic emotional "
    "needs.”</p>"
)

# Children's voices in these modules are composites written for this course, never a
# real child's words and never a disclosure a child did not make.
APPENDIX_VOICE = (
    "Written for this course from the SSSCB multi-agency neglect guidance (2020), "
    "Appendix 1: how neglect may feel to a child at each age"
)
AFC_VOICE = (
    "Written for this course from young people's remarks in Action for Children (2014), "
    "Annual Review of Child Neglect with the University of Stirling"
)

ALL_AGENCIES = [
    "childrens_social_care",
    "early_help",
    "health",
    "education",
    "early_years",
    "police",
    "adult_mental_health",
    "drug_and_alcohol",
    "housing",
    "voluntary_sector",
]


RECOGNISING_NEGLECT = {
    "slug": "recognising-neglect",
    "title": "Recognising neglect and the child's lived experience",
    "summary": (
        "What neglect is, how it feels to the child at different ages, and how to notice "
        "children whose neglect is easy to miss. For anyone who works with children or "
        "with their parents."
    ),
    "learning_outcomes": [
        "Explain the Working Together definition of neglect in your own words.",
        "Describe a child's day from the child's point of view, using what you have seen and heard.",
        "Identify how neglect can look different for babies, school-age children, "
        "adolescents and disabled children.",
        "Distinguish between poverty and neglect, and between a difference in values and a risk to a child.",
        "Recognise which children are likely to be hidden from professionals, and act on it.",
    ],
    "audience": ALL_AGENCIES,
    "estimated_minutes": 45,
    "cpd_hours": 1.0,
    "pass_mark": 70,
    "prerequisites": [],
    "before_after": demo_before_after.RECOGNISING_NEGLECT,
    "lessons": [
        {
            "slug": "what-neglect-is",
            "title": "What neglect is",
            "intro": "The statutory definition in plain words, and why neglect is judged by its effect on the child.",
            "body": [
                (
                    "text",
                    "<p>Neglect is the form of maltreatment that professionals meet most often. "
                    "In England it was the most common reason for a child protection plan in the "
                    "year to March 2013, when it accounted for 41% of plans. It was a serious "
                    "factor in 60% of serious case reviews (SCRs), and those reviews involved "
                    "children of every age, not just the youngest.</p>"
                    "<h2>The definition</h2>"
                    "<p><i>Working Together to Safeguard Children</i> is the statutory guidance "
                    "for everyone in England who works with children. Its March 2015 edition "
                    "defines neglect in these words:</p>"
                    + WORKING_TOGETHER_2015_DEFINITION
                    + "<p>The 2013 edition, which Ofsted quoted, and the 2018 edition, which the "
                    "SSSCB guidance quotes, say the same with small differences in wording.</p>"
                    "<h2>In plain words</h2>"
                    "<p>Neglect is a parent or carer failing, again and again, to meet a child's "
                    "basic physical or psychological needs, in a way that is likely to do "
                    "serious harm to the child's health or development. It can start before "
                    "birth, through a mother's drug or alcohol use, and it includes ignoring a "
                    "child's emotional needs or not responding to them.</p>"
                    "<h2>Three words to hold on to</h2>"
                    "<ul>"
                    "<li><b>Persistent.</b> Neglect is usually a pattern that builds up over "
                    "months or years. There is rarely one incident that brings a family to "
                    "attention. A crisis, such as a parent becoming acutely mentally unwell, can "
                    "still cause sudden and serious neglect, so stay alert to both.</li>"
                    "<li><b>Basic needs.</b> These are psychological and emotional as well as "
                    "physical. A child can "
                    "be well fed, well dressed and living in a comfortable home and still be "
                    "neglected. The Stoke-on-Trent and Staffordshire Safeguarding Children Board "
                    "(SSSCB) guidance notes research on this, which it calls affluent neglect.</li>"
                    "<li><b>Likely.</b> You do not have to wait for harm to show. The question is "
                    "whether serious harm to health or development is likely if nothing "
                    "changes.</li>"
                    "</ul>"
                    "<h2>A continuum, not a box to tick</h2>"
                    "<p>Children's experience of neglect runs along a line. At one end are mild "
                    "lapses that come and go. At the other is severe, long-running physical "
                    "neglect and emotional abuse whose damage adds up over time. How much a child "
                    "is affected depends on the type of neglect, how severe it is, how often it "
                    "happens, and what protects the child: a caring relative, their own "
                    "resilience, and help from services.</p>"
                    "<p>Neglect rarely comes alone. Domestic abuse, parental mental ill health and "
                    "drug or alcohol misuse are common in households where children are neglected. "
                    "Neglect often sits alongside physical, emotional or sexual abuse.</p>"
                    "<h2>Why it matters</h2>"
                    "<p>Neglect can kill. It can also leave children with delayed development, "
                    "insecure attachments, and poor physical and mental health that lasts into "
                    "adult life. Children who grow up neglected are at higher risk of misusing "
                    "drugs or alcohol, of sexual exploitation, of teenage pregnancy, and of abuse "
                    "in their own later relationships. Some go on to find it hard to give their own "
                    "children good enough care. Action for Children cites one study which found "
                    "that 80% of neglected children had some form of attachment disorder.</p>"
                    "<p>The definition leaves a lot to judgement. Nobody can tell you exactly what "
                    "counts as a persistent failure or as adequate supervision. This module keeps "
                    "coming back to one question to steady that judgement: what is life like for "
                    "this child?</p>"
                    "<h2>The evidence here, and today's framework</h2>"
                    "<p>The evidence in these modules is dated: Ofsted's inspection was "
                    "published in 2014 and looked at cases from 2012 and 2013, Action for "
                    "Children reported in 2014, and the SSSCB guidance dates from August 2020. "
                    "Their figures describe those years, and are given here as such. The "
                    "framework they were written in has since changed in three ways.</p>"
                    "<ul>"
                    "<li><b>Working Together.</b> The current edition is <i>Working Together to "
                    "Safeguard Children 2023</i>, published in December 2023 and updated in "
                    "February 2024. It replaced the 2018 edition. Its definition of neglect "
                    "keeps the words above and adds a failure to provide a suitable education "
                    "to the list. It also sets national multi-agency practice standards for "
                    "child protection.</li>"
                    "<li><b>Safeguarding partnerships.</b> Local Safeguarding Children Boards "
                    "(LSCBs), to which Ofsted addressed its recommendations, were replaced under "
                    "the Children and Social Work Act 2017 by local safeguarding arrangements "
                    "led by three safeguarding partners: the local authority, the integrated "
                    "care board (the NHS body that plans local health services) and the police. "
                    "Schools, early years settings and other agencies work within those "
                    "arrangements as relevant agencies.</li>"
                    "<li><b>Practice reviews.</b> Serious case reviews (SCRs) were replaced by "
                    "child safeguarding practice reviews. A local authority must tell the "
                    "national Child Safeguarding Practice Review Panel when a child dies or is "
                    "seriously harmed and abuse or neglect is known or suspected. The "
                    "safeguarding partners then carry out a rapid review and decide whether a "
                    "local child safeguarding practice review is needed. The figure above about "
                    "SCRs comes from the old system.</li>"
                    "</ul>",
                ),
                (
                    "key_message",
                    {
                        "heading": "Judge neglect by its effect on the child",
                        "body": (
                            "<p>Look at what the care means for the child, not at how hard the "
                            "parents say they are trying. Look for patterns over time, not single "
                            "events. Remember that emotional needs are basic needs too.</p>"
                        ),
                    },
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "mid_childhood",
                        "child": "A girl, 8",
                        "quote": (
                            "There's never anything for breakfast, so by the time we do "
                            "spelling I'm starving and I can't think about anything else.\n"
                            "My shoes are too small and pinch my toes. Some of the others in "
                            "my class hold their noses when I sit down.\n"
                            "My back tooth has hurt for ages. Nobody has taken me to the dentist."
                        ),
                        "source": APPENDIX_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "definition-single-lapse",
                        "question": (
                            "On one home visit a health visitor sees a baby with a sore nappy "
                            "rash. Everything else about the baby's care looks good, and there "
                            "is no earlier concern. Which statement fits the definition of "
                            "neglect best?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "This is neglect, because a basic physical need was not met.",
                                "correct": False,
                                "feedback": (
                                    "One lapse on its own does not usually meet the definition. "
                                    "Neglect is a persistent failure that is likely to cause "
                                    "serious harm."
                                ),
                            },
                            {
                                "text": (
                                    "On its own this is unlikely to be neglect. Give advice, "
                                    "record what you saw and watch for a pattern."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Right. The definition looks for persistence and likely "
                                    "serious harm. A clear record means a pattern can be spotted "
                                    "if one develops."
                                ),
                            },
                            {
                                "text": "It cannot be neglect, because the parents clearly love the baby.",
                                "correct": False,
                                "feedback": (
                                    "Warmth matters, but it does not cancel out a failure to meet "
                                    "physical needs. If the rash kept coming back untreated, love "
                                    "would not make it acceptable."
                                ),
                            },
                            {
                                "text": "It can only be neglect if the parents meant to cause harm.",
                                "correct": False,
                                "feedback": (
                                    "Intention is not part of the definition. Most neglectful "
                                    "parents do not set out to harm their children."
                                ),
                            },
                        ],
                        "explanation": (
                            "Neglect is defined by a persistent failure to meet basic needs that "
                            "is likely to seriously harm the child's health or development. "
                            "Single lapses matter because, recorded well, they can reveal a "
                            "pattern."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "definition-what-counts",
                        "question": "Which of these can fall within the definition of neglect?",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Regularly leaving a 4-year-old with a neighbour who is often drunk.",
                                "correct": True,
                                "feedback": "Yes. Using unsuitable carers is a failure to supervise.",
                            },
                            {
                                "text": "Not taking a child to hospital follow-up appointments for a long-term condition.",
                                "correct": True,
                                "feedback": "Yes. Not making sure a child gets medical care or treatment is named in the definition.",
                            },
                            {
                                "text": (
                                    "A comfortable, well-off home where a teenager's distress is "
                                    "ignored for months."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Ignoring a child's emotional needs is neglect, whatever the "
                                    "family's income. This is sometimes called affluent neglect."
                                ),
                            },
                            {
                                "text": (
                                    "A family on a low income whose children are fed, warm, "
                                    "at school every day and close to their parents."
                                ),
                                "correct": False,
                                "feedback": (
                                    "No. Low income is not neglect. These children's needs are "
                                    "being met. The family may still welcome practical help."
                                ),
                            },
                        ],
                        "explanation": (
                            "The definition covers food, clothing and shelter, protection, "
                            "supervision, medical care and emotional needs. It is about the care "
                            "the child receives, not about money."
                        ),
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": ["in-the-childs-time-key-findings"],
                    },
                ),
                (
                    "sources",
                    {
                        "items": [
                            WORKING_TOGETHER,
                            SSSCB,
                            OFSTED,
                            AFC,
                            WORKING_TOGETHER_2023,
                            PRACTICE_REVIEW_PANEL,
                        ]
                    },
                ),
            ],
        },
        {
            "slug": "a-day-in-the-life",
            "title": "A day in the life of the child",
            "intro": "How to picture 24 hours in the child's home, and how to hear the child's own account.",
            "body": [
                (
                    "text",
                    "<p>Neglect is hard to see in a single visit, appointment or lesson. It is "
                    "much easier to see if you picture the whole of a child's day. The SSSCB "
                    "guidance suggests three questions:</p>"
                    "<ul>"
                    "<li>What is it like to live in this home for a full 24 hours?</li>"
                    "<li>What is it like for this child to receive this care?</li>"
                    "<li>What does an ordinary day actually involve for them?</li>"
                    "</ul>"
                    "<h2>Walk through the day</h2>"
                    "<p>Try going hour by hour. For each part of the day, ask what you know and "
                    "how you know it.</p>"
                    "<ul>"
                    "<li><b>Waking up.</b> Who gets the child up? Is there breakfast? Are there "
                    "clean clothes that fit?</li>"
                    "<li><b>Getting to school or nursery.</b> Who takes them? Do they arrive on "
                    "time, or very early, or not at all?</li>"
                    "<li><b>The day.</b> Can they concentrate? Are they tired, hungry, in pain, "
                    "or unable to see the board because nobody has sorted out glasses?</li>"
                    "<li><b>After school.</b> Is an adult at home? Does anyone know where they "
                    "are? Is there somewhere to play or do homework?</li>"
                    "<li><b>Evening.</b> Is there a meal? Who is in the house? Is there shouting, "
                    "drinking or violence?</li>"
                    "<li><b>Night.</b> Where do they sleep? Is there bedding? Are they woken, "
                    "frightened or left alone?</li>"
                    "</ul>"
                    "<h2>What good assessments do</h2>"
                    "<p>Ofsted inspectors found some assessments that described the daily effect "
                    "of neglect clearly and powerfully. Half of the assessments they saw made the "
                    "impact on the child's education, health and development clear. But too many "
                    "focused on the adults' problems and lost sight of the child. Ofsted "
                    "recommended that local authorities train staff to write assessments that "
                    "describe children's day-to-day experience at home.</p>"
                    "<h2>Hearing the child</h2>"
                    "<p>Children rarely say in words that they are neglected. Action for Children "
                    "reports that young people usually come to notice because of how they behave "
                    "or seem, not because they tell someone. One young person in its focus "
                    "groups, Sophia, put it this way: some children do not realise they are "
                    "neglected until they start primary school, because it is the only life they "
                    "have known, so teachers need to ask. The SSSCB guidance "
                    "describes four things that help you understand a child's experience:</p>"
                    "<ol>"
                    "<li>Talk with the child, and listen.</li>"
                    "<li>Watch how the child behaves and be curious about the reasons.</li>"
                    "<li>Record what you hear, in the child's words where you can, and then do "
                    "something with it.</li>"
                    "<li>Talk to others who know the child and think about what you have "
                    "seen.</li>"
                    "</ol>"
                    "<p>Behaviour is information. Ofsted found a few assessments that described "
                    "children's behaviour as a problem to be managed, rather than a sign of "
                    "distress. In large families, each child's needs and views were sometimes "
                    "not recorded separately. Children in the same family can receive very "
                    "different care, so think about each child on their own.</p>",
                ),
                (
                    "case_vignette",
                    {
                        "title": "J: a young carer's evening",
                        "summary": (
                            "<p>J is a boy of primary school age. His mother has drunk heavily for "
                            "many years. J looks after his younger sister and tries to control his "
                            "mother's drinking. A social work assessment set out his day in detail, "
                            "which made the impact on both children impossible to miss.</p>"
                        ),
                        "chronology": [
                            {
                                "when": "Most evenings",
                                "event": (
                                    "J, his sister and their mother go to the pub. J says he goes "
                                    "so that he can keep an eye on how much she drinks."
                                ),
                            },
                            {
                                "when": "Late evening",
                                "event": (
                                    "J tells his mother to stop. When she does not, he asks the bar "
                                    "staff not to serve her. He is tired and hungry and wants to go "
                                    "home, but she will not leave."
                                ),
                            },
                            {
                                "when": "Back home",
                                "event": (
                                    "Often the cupboards are nearly empty and the children's beds have "
                                    "no sheets or covers."
                                ),
                            },
                            {
                                "when": "At school",
                                "event": (
                                    "J's sister is very distressed. An educational psychologist "
                                    "finds her hyper-alert and she needs an adult with her all "
                                    "day in order to learn. She talks a lot about dying and about "
                                    "her house burning down."
                                ),
                            },
                        ],
                        "source": (
                            "Case example in Ofsted (2014) In the child's time, paragraph 37. "
                            "Ofsted changed some details to protect confidentiality."
                        ),
                    },
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "baby_toddler",
                        "child": "A baby, 10 months",
                        "quote": (
                            "I cry in my cot for a long time and nobody comes. My nappy is "
                            "soaking and I'm cold.\n"
                            "I don't cry as much now. It doesn't bring anyone.\n"
                            "Most of the day I sit in my buggy facing a screen. Nobody sings to me "
                            "or shows me picture books.\n"
                            "When the grown-ups shout and slam doors, I go very still and watch."
                        ),
                        "source": APPENDIX_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "day-in-life-teacher",
                        "question": (
                            "A Year 3 teacher notices that a pupil often arrives long before the "
                            "gates open, hungry and in the same clothes as the day before. What "
                            "is the best next step?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Wait until the pupil tells an adult that something is wrong.",
                                "correct": False,
                                "feedback": (
                                    "Children rarely say outright that they are neglected. Waiting "
                                    "leaves the child in the same situation."
                                ),
                            },
                            {
                                "text": (
                                    "Talk with the pupil in a way that suits their age, write down "
                                    "what they say and what you see, and share it with the "
                                    "designated safeguarding lead."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. This is talking, listening, observing and recording, and "
                                    "then acting on it. The safeguarding lead can help decide on "
                                    "early help or a referral."
                                ),
                            },
                            {
                                "text": "Record it as a behaviour issue about punctuality.",
                                "correct": False,
                                "feedback": (
                                    "Arriving very early may be a sign the child is avoiding home or "
                                    "has no one to get them ready. Treat it as information about "
                                    "their day, not as bad behaviour."
                                ),
                            },
                            {
                                "text": "Ask only the parent, and accept their explanation.",
                                "correct": False,
                                "feedback": (
                                    "Talking to parents is important, but the child's own account "
                                    "and your observations are needed too."
                                ),
                            },
                        ],
                        "explanation": (
                            "Picture the child's whole day. Early arrival, hunger and unwashed "
                            "clothes each tell you something about the morning at home. Gather the "
                            "child's view and share it, rather than waiting for a disclosure."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "day-in-the-life-own-case",
                        "prompt": (
                            "Think of a child you work with, or have worked with, whose care "
                            "worried you. Walk through 24 hours of their life, from waking to "
                            "sleeping. What do you know for certain, what are you guessing, and "
                            "who could fill the gaps?"
                        ),
                        "guidance": (
                            "Do not use names or details that could identify the child. Split your "
                            "notes into what you have seen or been told and what you are assuming. "
                            "End with one question you could ask the child and one person you could "
                            "ask to find out more."
                        ),
                        "required": True,
                    },
                ),
                ("sources", {"items": [SSSCB, SSSCB_APPENDIX, OFSTED, AFC]}),
            ],
        },
        {
            "slug": "ages-and-stages",
            "title": "Ages and stages: babies, children, adolescents and disabled children",
            "intro": "Neglect looks different at each age, and some children are more vulnerable than others.",
            "body": [
                (
                    "text",
                    "<p>The effect of neglect depends on the child's age, development and health, "
                    "and on their relationship with their parents. The SSSCB guidance names "
                    "groups of children who are especially vulnerable. Among them are babies born "
                    "early or small, disabled children and teenagers. The list also names "
                    "looked-after children, children who go missing, refugee and asylum-seeking "
                    "children, and children from Black and minority ethnic communities.</p>"
                    "<h2>Babies and toddlers (0 to 3 years)</h2>"
                    "<p>Babies rely on adults for everything. They are very sensitive to dirt, "
                    "cold, heat, poor feeding and lack of supervision. Three things make neglect "
                    "especially harmful at this age:</p>"
                    "<ul>"
                    "<li><b>Attachment.</b> Forming a secure bond is a core task for babies. It is "
                    "the base for later relationships and for their sense of themselves.</li>"
                    "<li><b>Development.</b> Babies need responsive, sensitive care and things to "
                    "explore. Without them, development slows. Lack of stimulation is linked to "
                    "delayed speech and language.</li>"
                    "<li><b>Speed of harm.</b> The first three years shape later development so "
                    "strongly that harm builds up fast. Help has to come quickly.</li>"
                    "</ul>"
                    "<p>A new baby in a family that is already struggling to care for several "
                    "children may be at particular risk.</p>"
                    "<h2>Middle childhood (4 to 11 years)</h2>"
                    "<p>School and primary health services see these children most. Signs include "
                    "hunger, poor hygiene, clothes that do not fit, missed medical and dental "
                    "care, uncorrected eyesight, and poor or late attendance. Some children are "
                    "left to roam with no one knowing where they are. Some cook for themselves and "
                    "their siblings and get hurt doing it. Worry about a parent's safety at home "
                    "can make it impossible to concentrate.</p>"
                    "<h2>Adolescents (12 to 18 years)</h2>"
                    "<p>Neglect of teenagers is easy to miss, because some signs look like "
                    "ordinary adolescence: poor self-care, no routine, few boundaries. Young people "
                    "may think their care is normal, resent questions about their family, or enjoy "
                    "having few rules. Emotional neglect can be misread as a teenager acting up "
                    "and a parent who cannot cope. A chronology often tells a different story: "
                    "years of instability and unmet needs.</p>"
                    "<p>Warning signs include:</p>"
                    "<ul>"
                    "<li>risk-taking combined with little warmth or interest from parents</li>"
                    "<li>arriving at school early and leaving late to avoid going home</li>"
                    "<li>low mood, anxiety, self-harm or overdoses</li>"
                    "<li>drug or alcohol use and early sexual activity</li>"
                    "<li>running away, which exposes them to exploitation and other dangers</li>"
                    "<li>health needs that nobody attends to</li>"
                    "</ul>"
                    "<p>Teenagers spend more time away from home, in neighbourhoods, schools and "
                    "online. Contextual safeguarding looks at harm in those places too. Young "
                    "people at risk of criminal or sexual exploitation often have a history of "
                    "neglect. Ofsted's inspection looked only at children aged 10 and under, but it "
                    "stressed that neglect of adolescents is a particular concern.</p>"
                    "<h2>Disabled children</h2>"
                    "<p>Disabled children are more vulnerable to every kind of maltreatment, and "
                    "professionals have been slower to notice it. Research warns that some "
                    "professionals notice the disability and overlook the child. Some accept "
                    "care for a disabled child that they would not accept for any other child, "
                    "such as shutting the child in a bedroom to keep them safe. Other reasons "
                    "for the higher risk include:</p>"
                    "<ul>"
                    "<li>signs of distress, such as self-injury, being put down to the "
                    "impairment</li>"
                    "<li>communication barriers, and professionals not asking the child</li>"
                    "<li>many different adults providing intimate and medical care</li>"
                    "<li>sympathy for stressed parents, and reluctance to challenge them</li>"
                    "</ul>"
                    "<p>Disabled children are also more exposed to medical neglect, such as "
                    "missed specialist appointments and reviews. An earlier Ofsted inspection, "
                    "<i>Protecting disabled children</i>, found delays in getting the right "
                    "services to disabled children who were neglected.</p>",
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "adolescent",
                        "child": "A young person, 15",
                        "quote": (
                            "Nobody at home minds what time I get in, or whether I come back at "
                            "all. I used to think that was great.\n"
                            "I'm the one who gets my little brothers dressed and out the door, so "
                            "I'm always late. If one of them falls over, I get the blame.\n"
                            "Some days I feel nothing and some days I want to smash something. The "
                            "older lads I hang about with make me feel like I count.\n"
                            "I just want one adult who is bothered about what happens to me."
                        ),
                        "source": APPENDIX_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "adolescent-signs",
                        "question": (
                            "Which of these could suggest that a 14-year-old is neglected, rather "
                            "than simply going through adolescence?"
                        ),
                        "multiple": True,
                        "options": [
                            {
                                "text": "Serious risk-taking, with parents who show little warmth or interest.",
                                "correct": True,
                                "feedback": "Yes. Risk-taking together with low parental warmth is a recognised warning sign.",
                            },
                            {
                                "text": "Regularly arriving at school very early and staying late to avoid going home.",
                                "correct": True,
                                "feedback": "Yes. Avoiding home is a sign to explore with the young person.",
                            },
                            {
                                "text": "An untreated health problem that nobody at home has followed up.",
                                "correct": True,
                                "feedback": "Yes. Lack of attention to medical needs is a sign of neglect at any age.",
                            },
                            {
                                "text": "Wanting more privacy and spending more time with friends.",
                                "correct": False,
                                "feedback": (
                                    "On its own this is ordinary adolescent development. Look at "
                                    "the whole picture and the history before drawing conclusions."
                                ),
                            },
                        ],
                        "explanation": (
                            "Neglect in adolescence can hide behind behaviour that looks typical "
                            "for the age. A chronology and a relationship with the young person "
                            "help you tell the difference."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "disabled-child-standard",
                        "question": (
                            "A 9-year-old disabled boy spends most of the day shut in his bedroom "
                            "'for his own safety'. His parents are exhausted and isolated. What "
                            "should guide your response?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Accept it. The parents know best how to manage his disability.",
                                "correct": False,
                                "feedback": (
                                    "This is the lower standard the guidance warns against. You "
                                    "would not accept it for a child who was not disabled."
                                ),
                            },
                            {
                                "text": (
                                    "Expect the same standard of care as for any child. Find out what "
                                    "this is like for him, offer support to the parents, and discuss "
                                    "your concern with your safeguarding lead."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Keep the child in focus, recognise the parents' stress "
                                    "without letting it lower your expectations, and share the "
                                    "concern."
                                ),
                            },
                            {
                                "text": "Assume that any distress he shows is part of his impairment.",
                                "correct": False,
                                "feedback": (
                                    "Signs of distress in disabled children are too often put down to "
                                    "the impairment. Be curious about what they might mean."
                                ),
                            },
                        ],
                        "explanation": (
                            "Disabled children are entitled to the same standard of care as other "
                            "children. Sympathy for carers is natural but must not stop you "
                            "challenging care that harms the child."
                        ),
                    },
                ),
                ("sources", {"items": [SSSCB, SSSCB_APPENDIX, OFSTED]}),
            ],
        },
        {
            "slug": "poverty-is-not-neglect",
            "title": "Poverty is not neglect",
            "intro": "How to tell hardship from neglect, and how your own values can colour what you see.",
            "body": [
                (
                    "text",
                    "<p>Neglect is often found alongside deprivation, and money worries make "
                    "parenting harder. But poverty and neglect are not the same thing. The "
                    "Blackburn with Darwen (BwD) neglect strategy puts it plainly: poverty is an "
                    "underlying risk factor, not a high-risk indicator. Many families live on or "
                    "near the poverty line and their children are well cared for.</p>"
                    "<p>What matters is the quality of care the child receives within the family's "
                    "circumstances. The SSSCB guidance makes the same point the other way round: "
                    "some children in well-off homes have every physical need met while their "
                    "emotional needs are ignored.</p>"
                    "<h2>The pressures on families</h2>"
                    "<p>Ofsted's 2014 report described a hard time for families and services. "
                    "Council budgets had fallen by 26.6% in the five years from 2010, according "
                    "to the Institute for Fiscal Studies, while poverty and deprivation had risen. "
                    "Poor housing, unemployment and debt all add stress. They make it more likely "
                    "that difficulties with parenting will appear, especially where there is also "
                    "domestic abuse, substance misuse, mental ill health or a learning "
                    "disability.</p>"
                    "<h2>Offer help first, then look at what changes</h2>"
                    "<p>Spotting that a child's needs are not being met does not by itself mean "
                    "the parents are neglectful. It may mean they need help. The SSSCB guidance "
                    "suggests you talk to parents about your worries and offer support. If that "
                    "support does not lead to better care that lasts, you then need to consider "
                    "whether this is neglect and seek advice from your safeguarding lead.</p>"
                    "<p>Ofsted gave an example of this done well. A children's centre worker found "
                    "a home dirty and unsafe for five children. Children's social care agreed "
                    "money for clean bedding and cleaning materials at once, and the family had "
                    "a week to make the home safe. An assessment of the deeper causes started at "
                    "the same time, because the worker doubted the parents understood the "
                    "concerns or could keep the changes going.</p>"
                    "<h2>Your values are part of the picture</h2>"
                    "<p>Neglect is more open to interpretation than other kinds of abuse. The same "
                    "home may look neglectful to one practitioner and good enough to another. "
                    "That is normal, and it is a reason to look harder, not to give up. To keep "
                    "judgements fair:</p>"
                    "<ul>"
                    "<li>base them on evidence of the effect on the child, and say exactly what "
                    "you saw</li>"
                    "<li>avoid assumptions about cultures, communities or types of housing</li>"
                    "<li>remember that parents in some cultures show affection differently; a "
                    "parent who is not physically demonstrative is not necessarily cold</li>"
                    "<li>do not be reassured just because a child seems happy or a parent seems "
                    "warm in front of you</li>"
                    "</ul>"
                    "<h2>The opposite risk: getting used to it</h2>"
                    "<p>Research quoted by Ofsted found that social workers may set a higher "
                    "threshold than the public, partly because repeated exposure to poor "
                    "conditions lowers their sense of what good enough parenting looks like. One "
                    "director of children's services told inspectors that social workers and "
                    "schools could become desensitised to neglect. Poverty should never be a "
                    "reason to accept care that is harming a child.</p>",
                ),
                (
                    "key_message",
                    {
                        "heading": "Poverty is a reason to offer help, not proof of neglect",
                        "body": (
                            "<p>Ask what the child's daily experience of care is like. Offer "
                            "practical support. If care does not improve and stay improved, "
                            "consider neglect and take advice.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "poverty-temporary-accommodation",
                        "question": (
                            "A family of four lives in damp temporary accommodation with little "
                            "furniture. The children are fed, go to school every day, are up to "
                            "date with health checks and have a warm relationship with their "
                            "mother, who has asked the council for help with the damp. What is "
                            "the most appropriate view?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "This is neglect, because the housing is poor.",
                                "correct": False,
                                "feedback": (
                                    "Poor housing is a stress and a risk factor, but the children's "
                                    "needs are being met. Housing quality alone is not neglect."
                                ),
                            },
                            {
                                "text": (
                                    "This looks like hardship, not neglect. Offer practical help, "
                                    "such as support with the housing problem."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. The care the children receive is good. The family needs "
                                    "help with their circumstances, not a safeguarding response."
                                ),
                            },
                            {
                                "text": "Refer straight to children's social care to be safe.",
                                "correct": False,
                                "feedback": (
                                    "There is no evidence of harm to the children from their care. "
                                    "A referral is not proportionate and could put the family off "
                                    "asking for help."
                                ),
                            },
                        ],
                        "explanation": (
                            "Separate the family's circumstances from the care the children "
                            "receive. Poverty is a risk factor to support, not a finding of "
                            "neglect."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "values-good-enough",
                        "prompt": (
                            "What picture of a 'good enough' home do you carry in your head? "
                            "Where did it come from, and how might it affect what you notice, or "
                            "stop noticing, in the homes you visit?"
                        ),
                        "guidance": (
                            "Think about your own upbringing, your training and the area you work "
                            "in. Note one way your standard might be too strict and one way it "
                            "might have slipped over time. What evidence would you write down to "
                            "show a colleague why you were worried?"
                        ),
                        "required": False,
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": ["blackburn-with-darwen-neglect-strategy"],
                    },
                ),
                ("sources", {"items": [BWD, SSSCB, OFSTED]}),
            ],
        },
        {
            "slug": "hidden-children",
            "title": "Hidden children",
            "intro": "Some children are seldom seen by professionals, and most neglected children will not tell you.",
            "body": [
                (
                    "text",
                    "<p>Neglect is harder to spot when no professional sees the child regularly. "
                    "The SSSCB guidance describes these children as hidden. They include:</p>"
                    "<ul>"
                    "<li>children educated at home by choice</li>"
                    "<li>children excluded from school</li>"
                    "<li>disabled children</li>"
                    "<li>babies and pre-school children, especially those who do not go to an "
                    "early years setting</li>"
                    "<li>children whose families move often, or change names, schools or GPs</li>"
                    "</ul>"
                    "<h2>Missed appointments and absence are signals</h2>"
                    "<p>Universal services, such as health and education, are often the first to "
                    "notice. Sometimes the first sign is that parents do not use those services: "
                    "missed health checks, missed appointments, a child not registered for "
                    "school, or poor attendance. Funded early education for 2-year-olds is not "
                    "compulsory, but the SSSCB guidance says you should talk with parents who do "
                    "not take it up. BwD counts take-up of the 2-year offer as one of its "
                    "measures of success.</p>"
                    "<p>Ofsted found that some services learned from serious case reviews by "
                    "bringing in policies to follow up children who were not brought to medical "
                    "appointments. One area gave housing workers concern cards so that worries "
                    "spotted on home visits were recorded and passed on.</p>"
                    "<h2>Pieces of the jigsaw</h2>"
                    "<p>One agency's information may look minor until it is put next to "
                    "another's. In one Ofsted case, police raided a house for drugs and found "
                    "none, but were worried by how dirty it was. The mother was pregnant. Earlier, "
                    "the school had raised concerns about missed medical appointments and poor "
                    "attendance, and one child had been on a child protection plan. Seen "
                    "together, those facts told a far more worrying story than any one of "
                    "them.</p>"
                    "<h2>Children rarely tell</h2>"
                    "<p>Action for Children asked young people across the UK about neglect:</p>"
                    "<ul>"
                    "<li>73% knew a child who had shown signs of neglect, such as being unwashed, "
                    "missing meals or having no friends to play with</li>"
                    "<li>3 in 10 had been worried about whether a child was being looked after "
                    "properly</li>"
                    "<li>of those who had been worried about another child, only 52% had told "
                    "anyone, often because they were not sure it was a problem or had no "
                    "proof</li>"
                    "<li>47% said a safe adult to talk to would have helped the child they were "
                    "worried about</li>"
                    "</ul>"
                    "<p>Young people said they hold back because they are not sure an adult will "
                    "keep things private, has time to listen, or knows how to help. They fear "
                    "their story will be twisted, or that other children will find out. The "
                    "message from them is clear: adults should notice and ask, in a gentle, "
                    "direct way, rather than waiting to be told.</p>"
                    "<h2>Babies: the most hidden of all</h2>"
                    "<p>A baby cannot tell anyone what is happening and may be seen only by a "
                    "midwife, a health visitor and a GP. Neglect can start in pregnancy, for "
                    "example through a mother's drug or alcohol use. A new baby arriving in a "
                    "family that is already struggling to care for older children needs "
                    "particular attention. Action for Children pointed out that children's "
                    "centres do not always know which vulnerable babies live nearby, and called "
                    "for them to be given local birth data so they can offer help early.</p>"
                    "<h2>Seen every day, but not really seen</h2>"
                    "<p>Being in school does not guarantee that a child's situation is "
                    "understood. Ofsted found a few cases where schools had no full picture of "
                    "home life and did not know which other agencies were involved. In another, "
                    "a 6-year-old had been arriving at school very early, with no breakfast, "
                    "unwashed, without a coat in cold weather and sometimes wet. An older sibling "
                    "brought him in. The school had been worried for months before it referred, "
                    "and had not thought of starting an early help assessment when the concerns "
                    "first appeared.</p>"
                    "<h2>What you can do</h2>"
                    "<ul>"
                    "<li>Find out who else knows the child, and when a professional last saw "
                    "them.</li>"
                    "<li>Follow up missed appointments and absence, rather than just recording "
                    "them.</li>"
                    "<li>Ask the child how things are, somewhere they feel safe to answer.</li>"
                    "<li>Record what you notice and share it with your safeguarding lead.</li>"
                    "<li>Consider an early help assessment as soon as you are worried.</li>"
                    "</ul>",
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "adolescent",
                        "child": "A young person (a composite voice written for this course)",
                        "quote": (
                            "From the outside nobody can tell. Nobody comes round to see what's "
                            "really going on, and sometimes nobody believes you.\n"
                            "It's a lot to ask a kid to go looking for help. If a grown-up thinks "
                            "something's not right, they should be the one to ask."
                        ),
                        "source": AFC_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "hidden-children-groups",
                        "question": "Which children are likely to be less visible to professionals?",
                        "multiple": True,
                        "options": [
                            {
                                "text": "A 7-year-old who is educated at home.",
                                "correct": True,
                                "feedback": "Yes. Children educated at home may have little regular contact with professionals.",
                            },
                            {
                                "text": "A 2-year-old who does not attend any nursery or childminder.",
                                "correct": True,
                                "feedback": "Yes. Pre-school children outside early years settings are easily missed.",
                            },
                            {
                                "text": "A 13-year-old who has been excluded from school.",
                                "correct": True,
                                "feedback": "Yes. Exclusion removes the daily contact that school provides.",
                            },
                            {
                                "text": "A 9-year-old with full attendance and a class teacher who knows them well.",
                                "correct": False,
                                "feedback": (
                                    "This child is seen every school day, though neglect can still "
                                    "be present. Daily contact is what makes it possible to notice."
                                ),
                            },
                        ],
                        "explanation": (
                            "Children without regular contact with universal services are harder "
                            "to protect. Missed appointments and absence are themselves "
                            "signals worth following up."
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "scenario_slug": "new-baby-disguised-compliance",
                        "intro": (
                            "A new baby is one of the most hidden children there is. Play this "
                            "scenario to practise keeping a baby in view while the parents say "
                            "all the right things."
                        ),
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": ["action-for-children-voices", "csn-lgiu-briefing"],
                    },
                ),
                ("sources", {"items": [SSSCB, AFC, OFSTED, BWD]}),
            ],
        },
    ],
}


ASSESSMENT = {
    "slug": "assessment-chronologies-cumulative-harm",
    "title": "Assessment, chronologies and cumulative harm",
    "summary": (
        "How to assess neglect so that family history and the effect on the child are clear, "
        "how to build and use a chronology, and how to plan so that children do not wait too "
        "long for change."
    ),
    "learning_outcomes": [
        "Explain why neglect causes cumulative harm and why single incidents can mislead.",
        "Use family history and a multi-agency chronology to inform an assessment.",
        "Describe how Graded Care Profile 2 (GCP2) measures the care a child receives and tracks change.",
        "Recognise start-again syndrome and the early signs of drift and delay.",
        "Write SMART plan actions that say what must change, by when, and what happens if it does not.",
    ],
    "audience": [
        "childrens_social_care",
        "early_help",
        "health",
        "education",
        "early_years",
        "police",
        "adult_mental_health",
        "drug_and_alcohol",
        "voluntary_sector",
    ],
    "estimated_minutes": 45,
    "cpd_hours": 1.0,
    "pass_mark": 70,
    "prerequisites": [],
    "before_after": demo_before_after.ASSESSMENT,
    "lessons": [
        {
            "slug": "cumulative-harm",
            "title": "Cumulative harm: a pattern, not an incident",
            "intro": "Why neglect is usually seen only when you add events together, and why time matters so much.",
            "body": [
                (
                    "text",
                    "<p>Many forms of abuse come to light through an incident: an injury, a "
                    "disclosure, a crisis. Neglect is different. There is rarely one event that "
                    "brings the family to attention. Instead, care that is not good enough is "
                    "repeated day after day, and the damage grows a little at a time.</p>"
                    "<h2>When neglect becomes significant harm</h2>"
                    "<p>The Stoke-on-Trent and Staffordshire Safeguarding Children Board (SSSCB) "
                    "guidance describes neglect that amounts to significant harm as neglect "
                    "that:</p>"
                    "<ul>"
                    "<li><b>goes on</b> over time (it is persistent)</li>"
                    "<li><b>adds up</b>, with each effect building on the last (it is "
                    "cumulative)</li>"
                    "<li>is either <b>long-running</b> (chronic) or a <b>sudden episode</b>, "
                    "often linked to a crisis (acute)</li>"
                    "<li><b>does not improve</b> when help is offered (it is resistant to "
                    "intervention)</li>"
                    "</ul>"
                    "<p>Serious neglect that causes significant harm needs a child protection "
                    "enquiry under section 47 of the Children Act 1989. Where neglect is very "
                    "serious, a paediatric assessment may be needed to show its effect on the "
                    "child's health and development.</p>"
                    "<h2>Neglect that comes and goes</h2>"
                    "<p>Signs of neglect can be constant or can come and go. Episodes often match "
                    "what is happening in the family, such as a new partner moving in or a "
                    "parent's mental health getting worse. When small worries keep piling up, "
                    "treat neglect as a possibility and test it: talk to the parents, offer "
                    "support and see whether the child's care improves.</p>"
                    "<h2>How the pattern gets lost</h2>"
                    "<p>Ofsted's 2014 inspection looked at 124 cases in 11 local authorities, 55 "
                    "of them in depth. In many long-term cases, help started and stopped, "
                    "sometimes within months. When services withdrew, hardly anyone checked "
                    "whether the changes lasted. Children moved up and down between levels of "
                    "help for years. Each episode was judged on its own, so nobody weighed up "
                    "the total effect on the child.</p>"
                    "<p>This was most marked where parents misused drugs or alcohol. Agencies "
                    "reacted to the parent's pattern of engaging and dropping out, rather than to "
                    "the long-term effect on the child. At referral, too, inspectors found that "
                    "single incidents were assessed rather than the child's ongoing experience. "
                    "Only a small minority of referrers said the family's history had shaped "
                    "their decision to refer.</p>"
                    "<h2>Children cannot wait</h2>"
                    "<p>Inspectors found that professionals did not always grasp how short the "
                    "time is for parents to change if lifelong damage to the child is to be "
                    "avoided. Neglect and emotional abuse are especially harmful in the first "
                    "three years of life. In one area, social workers were shown a brain scan of "
                    "a neglected 3-year-old beside a scan of a child developing typically. They "
                    "told inspectors it made the urgency of their work impossible to "
                    "forget.</p>",
                ),
                (
                    "key_message",
                    {
                        "heading": "Add it up",
                        "body": (
                            "<p>Ask what all the events so far mean for the child, taken "
                            "together. Do not ask only whether the latest one crosses a "
                            "threshold on its own.</p>"
                        ),
                    },
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "baby_toddler",
                        "child": "A toddler, 2",
                        "quote": (
                            "I don't have any toys of my own. Nobody gets down on the floor to "
                            "play with me.\n"
                            "Hardly anyone talks to me, so I only know a few words. Other children "
                            "my age are chattering away.\n"
                            "Sometimes my tummy hurts because it's empty, and sometimes I'm cold "
                            "when we go out because my coat is too thin."
                        ),
                        "source": APPENDIX_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "cumulative-four-referrals",
                        "question": (
                            "Over three years a school has referred the same child four times: "
                            "for hunger, untreated head lice, missed dental treatment and poor "
                            "attendance. Each time the case was closed after short-term support. "
                            "What is the main risk here?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "The school is referring too readily.",
                                "correct": False,
                                "feedback": (
                                    "Repeated referrals about the same child are a signal, not a "
                                    "nuisance. They suggest the earlier help did not last."
                                ),
                            },
                            {
                                "text": (
                                    "Each episode is being judged on its own, so the cumulative "
                                    "effect on the child is missed."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Ofsted found exactly this pattern of help starting and "
                                    "stopping, with each episode seen in isolation."
                                ),
                            },
                            {
                                "text": "Too many agencies are involved with the family.",
                                "correct": False,
                                "feedback": (
                                    "The problem is not the number of agencies. It is that nobody "
                                    "is looking at the whole history."
                                ),
                            },
                        ],
                        "explanation": (
                            "Neglect is usually a pattern. Repeated short interventions that are "
                            "closed without checking whether change lasted leave children exposed "
                            "to neglect for years."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "significant-harm-features",
                        "question": (
                            "According to the SSSCB guidance, which features point to neglect "
                            "amounting to significant harm?"
                        ),
                        "multiple": True,
                        "options": [
                            {
                                "text": "It has gone on over a long period.",
                                "correct": True,
                                "feedback": "Yes. Persistence is a key feature.",
                            },
                            {
                                "text": "Its effects are building up on each other.",
                                "correct": True,
                                "feedback": "Yes. Neglect that is cumulative causes growing damage.",
                            },
                            {
                                "text": "It has not improved despite help being offered.",
                                "correct": True,
                                "feedback": "Yes. Resistance to intervention is one of the features listed.",
                            },
                            {
                                "text": "A single lapse that the parent put right straight away.",
                                "correct": False,
                                "feedback": (
                                    "No. A one-off lapse that is quickly put right does not, on its "
                                    "own, suggest significant harm. Record it in case a pattern "
                                    "emerges."
                                ),
                            },
                        ],
                        "explanation": (
                            "Neglect amounting to significant harm is persistent, cumulative, "
                            "chronic or acute, and resistant to intervention."
                        ),
                    },
                ),
                ("sources", {"items": [SSSCB, SSSCB_APPENDIX, OFSTED]}),
            ],
        },
        {
            "slug": "family-history",
            "title": "Family history and keeping the child at the centre",
            "intro": "Nearly half of the neglect assessments Ofsted saw missed the family's history or the effect on the child.",
            "body": [
                (
                    "text",
                    "<p>Ofsted found that nearly half of the assessments it saw did one of two "
                    "things wrong. Either they did not take enough account of the family's "
                    "history, or they did not show clearly how neglect was affecting the child. "
                    "Even where history was written down, it was often not analysed for patterns. "
                    "The parents' own experience of childhood, and how it shaped their parenting "
                    "now, was often left out.</p>"
                    "<h2>What a good assessment covers</h2>"
                    "<p>Working Together sets out three areas for a full assessment:</p>"
                    "<ul>"
                    "<li>the child's developmental needs</li>"
                    "<li>the parents' capacity to meet them</li>"
                    "<li>the wider family, community and environment</li>"
                    "</ul>"
                    "<p>The Blackburn with Darwen (BwD) neglect strategy asks assessors to look at "
                    "all seven parts of the child's developmental needs and to state clearly "
                    "which needs are not being met. For the analysis, it highlights:</p>"
                    "<ul>"
                    "<li>the child's attachment</li>"
                    "<li>how the parents themselves were parented</li>"
                    "<li>whether the parent is emotionally available to the child</li>"
                    "<li>whether parents and professionals agree on what is causing concern</li>"
                    "<li>how far parents co-operate with the help offered</li>"
                    "</ul>"
                    "<p>Sound knowledge of child development and attachment should underpin every "
                    "neglect assessment. Ofsted recommended that social work training, before and "
                    "after qualifying, should cover neglect, child development, attachment theory "
                    "and observation of children.</p>"
                    "<h2>When the adults take over</h2>"
                    "<p>Parents in neglect cases often have great needs of their own: drug or "
                    "alcohol misuse, untreated mental ill health, domestic abuse, learning "
                    "difficulties, or their own history of poor care. Ofsted found some "
                    "assessments that were almost entirely about the parents. In those cases, "
                    "inspectors said, children became lost in the assessment just as they were "
                    "lost in their own families.</p>"
                    "<p>The SSSCB guidance suggests you bring yourself back to the child by "
                    "asking:</p>"
                    "<ul>"
                    "<li>What needs to change for this child?</li>"
                    "<li>What does the parent need to do, or stop doing?</li>"
                    "<li>What might get in the way?</li>"
                    "<li>How can agencies help the parent make the change?</li>"
                    "</ul>"
                    "<h2>Do not forget the men</h2>"
                    "<p>Work on neglect has tended to focus on mothers. Fathers and other men in "
                    "the household can become invisible. That means risks they pose are missed, "
                    "and so is anything positive they could offer. Social workers told Ofsted "
                    "that involving fathers and male partners was one of their hardest tasks. "
                    "Some teams visited in the evening so that both parents could be seen.</p>"
                    "<h2>Each child separately</h2>"
                    "<p>Children in the same family may not receive the same care. One child may "
                    "be treated much worse than the others. Ofsted found that in large families "
                    "the needs and views of each child were not always explored. Assess each "
                    "child in their own right.</p>",
                ),
                (
                    "case_vignette",
                    {
                        "title": "A referral read without its history",
                        "summary": (
                            "<p>Ofsted used this case to show what happens when history is not "
                            "used. Each referral was handled as if it were the first, and the "
                            "meaning of new risks was missed.</p>"
                        ),
                        "chronology": [
                            {
                                "when": "Before 2012",
                                "event": (
                                    "One of the children is on a child protection plan for 16 months "
                                    "because of physical and emotional abuse."
                                ),
                            },
                            {
                                "when": "Summer 2012",
                                "event": (
                                    "The school refers: the mother is not taking the child to "
                                    "medical appointments and attendance is poor."
                                ),
                            },
                            {
                                "when": "2012, after the school referral",
                                "event": (
                                    "An initial assessment finds a history of domestic violence. "
                                    "The father says he uses cannabis. Some family support is "
                                    "offered and the case is closed."
                                ),
                            },
                            {
                                "when": "Early 2013",
                                "event": (
                                    "Police search the house for drugs. They find none but are "
                                    "worried about how dirty the home is. The mother is pregnant. "
                                    "Police refer to children's social care."
                                ),
                            },
                            {
                                "when": "2013, after the police referral",
                                "event": (
                                    "The case goes to the early intervention team for an early help "
                                    "assessment. The parents turn down any help."
                                ),
                            },
                        ],
                        "source": "Case example in Ofsted (2014) In the child's time, paragraph 32.",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "family-history-why",
                        "question": "In the case above, what did the family's history tell professionals that the 2013 referral alone did not?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Nothing useful. Each referral should be judged on its own facts.",
                                "correct": False,
                                "feedback": (
                                    "Judging each referral on its own is how patterns are missed. "
                                    "Ofsted criticised exactly this."
                                ),
                            },
                            {
                                "text": (
                                    "That a new baby was coming into a family where a child had "
                                    "already needed a protection plan, with domestic violence, drug "
                                    "use and missed health care in the background."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. The history changes what a dirty house and a pregnancy "
                                    "mean. It called for a decisive, authoritative response, not "
                                    "optional early help."
                                ),
                            },
                            {
                                "text": "That the parents deserved another chance because they had accepted help before.",
                                "correct": False,
                                "feedback": (
                                    "The history shows help had not led to lasting change. That is "
                                    "a reason for more concern, not less."
                                ),
                            },
                        ],
                        "explanation": (
                            "Family history shows patterns, how parents responded to earlier help, "
                            "and which risks are new. Without it, each referral looks less serious "
                            "than it is."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "assessment-whose-needs",
                        "prompt": (
                            "Look at a recent assessment, referral or report you wrote or "
                            "contributed to. How much of it is about the adults' difficulties, and "
                            "how much about the effect on each child? What family history did it "
                            "use, and what did that history tell you?"
                        ),
                        "guidance": (
                            "Do not copy in any identifying details. Roughly count the sentences "
                            "about adults and about children. Note one thing you would add about "
                            "the child's daily life and one piece of history you would now look "
                            "for."
                        ),
                        "required": True,
                    },
                ),
                ("sources", {"items": [OFSTED, BWD, SSSCB, WORKING_TOGETHER]}),
            ],
        },
        {
            "slug": "chronologies",
            "title": "Building and using a chronology",
            "intro": "A chronology turns scattered events into a pattern, but only if someone reads and analyses it.",
            "body": [
                (
                    "text",
                    "<p>A chronology sets out the important events in a child's life in the "
                    "order they happened. It is short and factual. The SSSCB guidance says a "
                    "chronology should be:</p>"
                    "<ul>"
                    "<li>in date order</li>"
                    "<li>brief</li>"
                    "<li>limited to facts</li>"
                    "<li>kept up to date</li>"
                    "</ul>"
                    "<p>A chronology is not an assessment. It feeds into one and forms part of "
                    "it. A chronology that nobody reviews or analyses achieves very little.</p>"
                    "<h2>Why chronologies matter so much for neglect</h2>"
                    "<p>Neglect cases often have few dramatic incidents, but children live with "
                    "harm for a long time. A chronology shows the pattern. Used well, it:</p>"
                    "<ul>"
                    "<li>keeps the child at the centre of the work</li>"
                    "<li>brings out risks, patterns and trends, and the effect of events, both "
                    "immediate and over time</li>"
                    "<li>links what happened in the past to what is happening now</li>"
                    "<li>connects events that seemed unrelated</li>"
                    "<li>shows gaps that need to be explored</li>"
                    "<li>shows how parents responded to earlier help, and what help has already "
                    "been tried</li>"
                    "<li>helps a new worker understand the case quickly</li>"
                    "<li>can later help the child make sense of their own past</li>"
                    "</ul>"
                    "<p>The SSSCB guidance recommends a multi-agency chronology as the basis of "
                    "any assessment of neglect. It is one of the best defences against "
                    "start-again syndrome, which you will meet later in this module.</p>"
                    "<h2>What Ofsted found</h2>"
                    "<p>Only a small number of assessments used chronologies well. They were not "
                    "done routinely. Most listed key events in the family's life rather than "
                    "building a record of ongoing neglect and what it did to the child. One legal "
                    "adviser said chronologies were sometimes put together only when the "
                    "decision to go to court had been made. Ofsted called that far too late.</p>"
                    "<p>Legal advisers also said written evidence to courts was not always strong "
                    "enough. Ofsted recommended that evidence should set out, clearly and "
                    "briefly, how neglect had affected the child's daily life over time. Every "
                    "agency should collect evidence of that impact from the start.</p>"
                    "<h2>Writing a useful entry</h2>"
                    "<p>Each entry should say:</p>"
                    "<ol>"
                    "<li>the date</li>"
                    "<li>who recorded it, and from which agency</li>"
                    "<li>what happened, in plain factual words</li>"
                    "<li>what it meant for the child</li>"
                    "<li>what was done, and who was told</li>"
                    "</ol>"
                    "<p>Record things that did not happen, too: missed appointments, a child not "
                    "brought to nursery, a parent not at home for a planned visit. In neglect, "
                    "the absences are often the evidence.</p>"
                    "<h2>Reading a chronology</h2>"
                    "<p>Once entries from several agencies sit together, read them as a whole. "
                    "Ask what keeps recurring, what changed just before each dip in the child's "
                    "care, how the parents responded to each offer of help, and what is missing. "
                    "The example below was written for this course. Try reading it before you "
                    "look at the questions in the summary.</p>",
                ),
                (
                    "case_vignette",
                    {
                        "title": "An illustrative multi-agency chronology",
                        "summary": (
                            "<p>Each entry on its own looks minor. Together they show a toddler "
                            "who is repeatedly not brought to health care or nursery, whose "
                            "speech is slow to develop, and whose care slips each time a new "
                            "adult joins the household. Help has been offered twice and has not "
                            "lasted. Ask yourself: what would you want the next plan to say?</p>"
                        ),
                        "chronology": [
                            {
                                "when": "January, year 1",
                                "event": "Health visitor: 1-year review not attended. Second letter sent.",
                            },
                            {
                                "when": "March, year 1",
                                "event": (
                                    "GP: toddler brought in with a nappy rash that has become "
                                    "infected. Mother says she ran out of nappies."
                                ),
                            },
                            {
                                "when": "May, year 1",
                                "event": (
                                    "Police: called to a noisy argument at the flat. Mother's new "
                                    "partner present. Toddler found asleep in a cot with no "
                                    "bedding. Notification sent to children's social care."
                                ),
                            },
                            {
                                "when": "June, year 1",
                                "event": (
                                    "Early help assessment agreed. Family support worker visits "
                                    "weekly for 12 weeks. Home conditions improve. Case closed in "
                                    "September."
                                ),
                            },
                            {
                                "when": "February, year 2",
                                "event": (
                                    "Nursery: funded 2-year-old place taken up, but child attends "
                                    "on 9 of 30 sessions. Speech noticeably behind other children."
                                ),
                            },
                            {
                                "when": "April, year 2",
                                "event": (
                                    "Housing officer: visit about rent arrears; kitchen has no "
                                    "food, and the partner has moved back in. Concern recorded and "
                                    "passed on."
                                ),
                            },
                        ],
                        "source": (
                            "Illustrative example written for this course, following the SSSCB "
                            "(2020) guidance on chronologies."
                        ),
                    },
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "mid_childhood",
                        "child": "A boy, 9",
                        "quote": (
                            "Lots of days I stay at home when I'm meant to be at school. Nobody "
                            "seems bothered, so I suppose school doesn't really matter.\n"
                            "I'm behind the others with reading. Nobody at home hears me read.\n"
                            "Letters from school just stay screwed up in my bag. I missed the "
                            "class trip because nobody signed the form."
                        ),
                        "source": APPENDIX_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "chronology-features",
                        "question": "Which of these are features of a good chronology in a neglect case?",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Entries are in date order.",
                                "correct": True,
                                "feedback": "Yes. Date order is what lets patterns show.",
                            },
                            {
                                "text": "Entries are short and stick to facts.",
                                "correct": True,
                                "feedback": "Yes. Analysis belongs in the assessment the chronology informs.",
                            },
                            {
                                "text": "It is kept up to date and regularly analysed.",
                                "correct": True,
                                "feedback": "Yes. A chronology nobody reviews achieves very little.",
                            },
                            {
                                "text": "It is put together when the case is about to go to court.",
                                "correct": False,
                                "feedback": (
                                    "No. Ofsted found this happening and called it far too late. "
                                    "Start the chronology when concerns begin."
                                ),
                            },
                            {
                                "text": "Each entry includes the writer's opinion of the parents.",
                                "correct": False,
                                "feedback": (
                                    "No. Entries should be factual. Opinions and analysis belong in "
                                    "the assessment."
                                ),
                            },
                        ],
                        "explanation": (
                            "A chronology is a brief, factual, up-to-date list in date order. It "
                            "is only useful if it is analysed, and it should be started early, not "
                            "when proceedings begin."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "chronology-best-entry",
                        "question": "Which chronology entry is most useful?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Home conditions poor.",
                                "correct": False,
                                "feedback": (
                                    "Too vague. It does not say when, who saw it, what was seen or "
                                    "what it meant for the child."
                                ),
                            },
                            {
                                "text": (
                                    "14 March, health visitor: no food in the fridge; baby of 7 months "
                                    "in a soaked nappy, crying and not picked up during a 40-minute "
                                    "visit. Shared with the social worker the same day."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. It is dated, sourced, factual, shows the effect on the "
                                    "baby and records what was done."
                                ),
                            },
                            {
                                "text": "Mum is trying her best and seems to love the children.",
                                "correct": False,
                                "feedback": (
                                    "This is an impression, not a fact about the child's care. It "
                                    "may also be a sign of the rule of optimism."
                                ),
                            },
                        ],
                        "explanation": (
                            "Good entries are dated, say who recorded them, describe what was seen "
                            "in plain words and show what it meant for the child."
                        ),
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": ["in-the-childs-time-recommendations"],
                    },
                ),
                ("sources", {"items": [SSSCB, SSSCB_APPENDIX, OFSTED, BWD]}),
            ],
        },
        {
            "slug": "graded-care-profile-2",
            "title": "Measuring care and change: Graded Care Profile 2",
            "intro": "How a structured tool helps you set a baseline, involve parents and show whether care is improving.",
            "body": [
                (
                    "text",
                    "<p>It is hard to show that a child's care is getting better or worse if you "
                    "never measured it in the first place. Ofsted found that not all local "
                    "authorities used a specific method to judge the extent of neglect and then "
                    "track change. Without a baseline, it is very difficult to write a plan that "
                    "targets the right things.</p>"
                    "<p>Where social workers did use a standard approach, such as the Graded Care "
                    "Profile, they said it helped them bring order to complicated situations, "
                    "spot the main risks and see the total impact on the child. Areas that "
                    "adopted a model, trained staff in it and had managers check the quality of "
                    "the work were more consistent.</p>"
                    "<h2>What Graded Care Profile 2 (GCP2) is</h2>"
                    "<p>GCP2 is an assessment tool from the National Society for the Prevention "
                    "of Cruelty to Children (NSPCC). It has been tested "
                    "and has an evidence base. It was developed by Dr O Prakash Srivastava, a "
                    "community paediatrician. The original Graded Care Profile was developed by "
                    "Drs Polnay and Srivastava. GCP2:</p>"
                    "<ul>"
                    "<li>looks at care from the point of view of the child's developmental "
                    "needs</li>"
                    "<li>measures how committed the parent or carer is to meeting those needs</li>"
                    "<li>grades care in each area from 1 (best) to 5 (worst)</li>"
                    "<li>describes current care over a short recent period, so it is a "
                    "snapshot</li>"
                    "<li>groups needs into four areas based on Maslow's hierarchy: physical care, "
                    "safety, love and belonging (emotional care), and esteem (developmental "
                    "care), each broken down further</li>"
                    "</ul>"
                    "<p>Because it is repeated, GCP2 gives an objective picture of progress over "
                    "time. The SSSCB guidance says tools like this make start-again syndrome "
                    "less likely. The SSSCB has been introducing GCP2 to support all its agencies.</p>"
                    "<h2>GCP in practice: Wigan</h2>"
                    "<p>Wigan has promoted the Graded Care Profile since 2009, with strong backing "
                    "from its Local Safeguarding Children Board (LSCB). Managers and front-line "
                    "staff from social care, health, the police and schools were trained. "
                    "Multi-agency groups working on early help, child in need and child "
                    "protection plans are expected to use it with families. Social workers told "
                    "Ofsted it helped them:</p>"
                    "<ul>"
                    "<li>understand how parents see the care they give</li>"
                    "<li>talk through differences between the parents' view and the "
                    "professionals' view</li>"
                    "<li>map change clearly over time</li>"
                    "</ul>"
                    "<p>Where the threshold for care proceedings is met, the profile is used for "
                    "every child and can form part of the evidence to court. Its use is checked "
                    "through case audits.</p>"
                    "<h2>Other tools you may meet</h2>"
                    "<ul>"
                    "<li><b>Change Tracker</b> (South Gloucestershire): used in early help after a "
                    "common assessment. Families help score concerns before and after support. "
                    "It includes trigger points for referral to children's social care, and "
                    "schools find it useful for neglect.</li>"
                    "<li><b>Action for Children Neglect Assessment Tool</b>: the charity based "
                    "this on the Graded Care Profile. It helps workers judge how serious the "
                    "concerns are and guides their work with parents.</li>"
                    "<li><b>Outcome Star</b>: used in Staffordshire for early help "
                    "assessments.</li>"
                    "<li><b>Signs of Safety</b> (Northumberland): a strengths-based framework "
                    "that uses tools such as the 'three houses' to hear children's views.</li>"
                    "</ul>"
                    "<p>No tool replaces professional judgement. There is no single test for "
                    "neglect. A tool gives structure, a shared language with the family and a "
                    "way of showing change.</p>",
                ),
                (
                    "key_message",
                    {
                        "heading": "Measure at the start, measure again at every review",
                        "body": (
                            "<p>Use the same measure, with the family, at the beginning and at "
                            "each review. Then everyone can see whether the child's care has "
                            "really changed, and a new worker does not have to start again.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "gcp2-accurate",
                        "question": "Which statement about Graded Care Profile 2 (GCP2) is accurate?",
                        "multiple": False,
                        "options": [
                            {
                                "text": (
                                    "It grades current care in each area of the child's needs from 1 "
                                    "(best) to 5 (worst), and can be repeated to show change."
                                ),
                                "correct": True,
                                "feedback": "Yes. It is a snapshot that becomes powerful when repeated over time.",
                            },
                            {
                                "text": "It gives a family a permanent rating of their parenting.",
                                "correct": False,
                                "feedback": (
                                    "No. It describes care over a short recent period. Care can "
                                    "improve or get worse, and the tool is designed to show that."
                                ),
                            },
                            {
                                "text": "It mainly measures household income and the quality of the housing.",
                                "correct": False,
                                "feedback": (
                                    "No. It measures how well the child's developmental needs are "
                                    "met and the carer's commitment to meeting them."
                                ),
                            },
                            {
                                "text": "Once completed, it replaces the need for professional judgement.",
                                "correct": False,
                                "feedback": (
                                    "No. There is no substitute for professional judgement. The "
                                    "tool supports it."
                                ),
                            },
                        ],
                        "explanation": (
                            "GCP2 grades care from 1 to 5 across physical care, safety, emotional "
                            "care and developmental care. Repeating it shows whether care is "
                            "changing."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "gcp-wigan-benefits",
                        "question": (
                            "Social workers in Wigan told Ofsted that the Graded Care Profile "
                            "helped them. In what ways?"
                        ),
                        "multiple": True,
                        "options": [
                            {
                                "text": "Understanding how parents see the care they give.",
                                "correct": True,
                                "feedback": "Yes. This was one of the benefits they described.",
                            },
                            {
                                "text": "Exploring differences between parents' and professionals' views.",
                                "correct": True,
                                "feedback": "Yes. The tool opens up those conversations.",
                            },
                            {
                                "text": "Mapping change clearly over time.",
                                "correct": True,
                                "feedback": "Yes. Repeated use shows whether care is improving.",
                            },
                            {
                                "text": "Making multi-agency meetings unnecessary.",
                                "correct": False,
                                "feedback": (
                                    "No. In Wigan, multi-agency groups are expected to use the tool "
                                    "together with families."
                                ),
                            },
                        ],
                        "explanation": (
                            "The profile supports shared understanding with parents and across "
                            "agencies, and gives a clear record of change."
                        ),
                    },
                ),
                ("sources", {"items": [SSSCB, OFSTED, AFC]}),
            ],
        },
        {
            "slug": "drift-start-again-smart-plans",
            "title": "Start-again syndrome, drift and SMART plans",
            "intro": "Why cases drift, and how a clear plan with stated consequences keeps the child's timescale in view.",
            "body": [
                (
                    "text",
                    "<h2>Start-again syndrome</h2>"
                    "<p>Start-again syndrome happens when professionals, overwhelmed by a "
                    "family's complex problems, put what they know about the past to one side. "
                    "They focus on the present and help the parents make a fresh start. It "
                    "feels kind and hopeful. But it wipes out the evidence of what has already "
                    "been tried, and it leads to drift. Any new assessment, or reassessment, "
                    "must use the family's history to make sense of what is happening now.</p>"
                    "<p>Watch for it when a new worker takes over, a family moves to a new area, "
                    "a child changes school, a case is closed and reopened, or a new baby or "
                    "partner arrives.</p>"
                    "<h2>Drift and delay</h2>"
                    "<p>Ofsted found drift at some stage in a third of the long-term cases it "
                    "examined. In 21% of the long-term sample (11 cases), there had been missed "
                    "chances to start care proceedings. Some of those children may carry the "
                    "effects for life. Causes included:</p>"
                    "<ul>"
                    "<li>weak assessments and poor planning</li>"
                    "<li>parents not engaging</li>"
                    "<li>in a few cases, professionals not understanding the cumulative impact of "
                    "neglect</li>"
                    "<li>frequent changes of social worker, with each new worker taking time to "
                    "get to know the family; some parents used the changes as a reason not to "
                    "engage</li>"
                    "<li>families moving between local authorities</li>"
                    "<li>uncertainty about the threshold for care proceedings</li>"
                    "<li>children placed with relatives without a thorough assessment and "
                    "ongoing support</li>"
                    "</ul>"
                    "<p>The SSSCB guidance names the rule of optimism, start-again syndrome and "
                    "disguised compliance as common causes of drift. Drift means less contact "
                    "with the child, so risk rises while nobody is watching.</p>"
                    "<h2>Plans that say what will happen</h2>"
                    "<p>Ofsted judged the quality of child in need and child protection plans to "
                    "be highly variable. Many plans did not say what had to change, how "
                    "progress would be judged, or by when. Few said what would happen if risk "
                    "stayed the same or grew. Child protection plans often said only 'take legal "
                    "advice'. A third of the parents inspectors interviewed did not know what "
                    "would happen if the plan did not work.</p>"
                    "<p>The better plans were kept up to date, covered every issue from the "
                    "assessment, said how neglect would be tackled, addressed both parents' and "
                    "children's needs, set specific actions with realistic timescales, and made "
                    "the consequences of no change explicit.</p>"
                    "<h2>SMART actions</h2>"
                    "<p>The SSSCB guidance asks for actions that are Specific, Measurable, "
                    "Achievable, Realistic and Timed (SMART), written with the family, with high "
                    "support and high challenge. The BwD strategy adds that each unmet need from "
                    "the assessment should appear in the plan, with the outcome wanted, how it "
                    "will be evidenced and the timescale. Keep asking the child what difference "
                    "the plan is making. If it is not working, ask why and change it.</p>"
                    "<h3>A weak action</h3>"
                    "<p><i>Mum to improve home conditions.</i></p>"
                    "<h3>A SMART action with a stated consequence</h3>"
                    "<p><i>By 30 June, both children will have a clean bed with bedding, and there "
                    "will be food in the house for three meals a day. The family support worker "
                    "will visit weekly, including at least one unannounced visit each fortnight, "
                    "and complete a home conditions record each time. The core group will review "
                    "progress on 1 July. If beds and food are not consistently in place by then, "
                    "the social worker will ask the team manager for a legal planning meeting to "
                    "consider the Public Law Outline (PLO).</i></p>"
                    "<p>Some parents have long-standing difficulties that will not be resolved "
                    "quickly. Where removal is not in the child's best interests, the BwD "
                    "strategy says agencies should accept the need for long-term support rather "
                    "than closing and reopening the case.</p>",
                ),
                (
                    "knowledge_check",
                    {
                        "key": "smart-consequence",
                        "question": "Which plan action best meets Ofsted's call for clarity about change and consequences?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Parents to engage with services.",
                                "correct": False,
                                "feedback": (
                                    "Not specific or measurable. It focuses on attendance, not on "
                                    "what changes for the child."
                                ),
                            },
                            {
                                "text": "Social worker to take legal advice if there is no progress.",
                                "correct": False,
                                "feedback": (
                                    "Ofsted criticised this wording. It does not say what progress "
                                    "means, by when, or what would actually happen."
                                ),
                            },
                            {
                                "text": (
                                    "By 30 June the children will have clean beds and three meals a "
                                    "day, checked at weekly visits; if not, a legal planning meeting "
                                    "will consider the PLO."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. It says what must change for the children, how it will be "
                                    "checked, by when, and the consequence of no change."
                                ),
                            },
                            {
                                "text": "Family to be monitored by all agencies.",
                                "correct": False,
                                "feedback": "Monitoring is not a plan. It says nothing about change or timescales.",
                            },
                        ],
                        "explanation": (
                            "SMART actions describe the change for the child, how it will be "
                            "measured, the deadline and what happens if it is not met. Parents "
                            "should be able to read the plan and know exactly what is expected."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "start-again-new-area",
                        "question": (
                            "A family with a long history of neglect moves into your area. The new "
                            "social worker says: 'They've had a rough time with the last authority. "
                            "Let's give them a clean slate.' What is the main risk?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "None. A fresh relationship is always the best way to engage parents.",
                                "correct": False,
                                "feedback": (
                                    "A good relationship matters, but not at the cost of ignoring "
                                    "what is already known about the child's care."
                                ),
                            },
                            {
                                "text": (
                                    "Start-again syndrome: earlier evidence is set aside, the same "
                                    "help may be tried again, and the case drifts."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Get the previous chronology and assessments and build on "
                                    "them. Families moving between areas was one cause of delay "
                                    "Ofsted identified."
                                ),
                            },
                            {
                                "text": "The previous authority may complain.",
                                "correct": False,
                                "feedback": "The concern is the child's safety, not inter-agency relations.",
                            },
                        ],
                        "explanation": (
                            "Any new assessment must take account of history. A multi-agency "
                            "chronology and a repeated measure such as GCP2 help prevent "
                            "start-again syndrome."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "drift-own-case",
                        "prompt": (
                            "Think of a case that has been opened, closed and reopened, or has "
                            "changed hands several times. What has actually changed for the child "
                            "since the first concern? Write one SMART action for that case, "
                            "including what would happen if it is not achieved."
                        ),
                        "guidance": (
                            "Leave out anything that could identify the family. Use the "
                            "chronology if there is one. Check your action: would the parent "
                            "know exactly what to do, by when, and what happens next if it does "
                            "not happen?"
                        ),
                        "required": False,
                    },
                ),
                (
                    "scenario",
                    {
                        "scenario_slug": "start-again-new-school",
                        "intro": (
                            "Now practise spotting start-again syndrome. In this scenario a child "
                            "starts at a new school and the history does not follow them unless "
                            "you go looking for it."
                        ),
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": [
                            "ssscb-optimism-start-again-disguised-compliance",
                            "in-the-childs-time-key-findings",
                        ],
                    },
                ),
                ("sources", {"items": [SSSCB, OFSTED, BWD, CSN]}),
            ],
        },
    ],
}


RESISTANCE = {
    "slug": "working-with-resistance",
    "title": "Working with resistance: disguised compliance and the rule of optimism",
    "summary": (
        "How to recognise the different ways parents resist help, test whether they are really "
        "committed to change, and use supervision, challenge and escalation to keep the child's "
        "needs first."
    ),
    "learning_outcomes": [
        "Describe the four kinds of parental resistance named in the SSSCB neglect guidance.",
        "Recognise disguised compliance and judge engagement by change in the child's life.",
        "Explain the rule of optimism and how to test a parent's capacity to change.",
        "Use supervision and professional challenge to keep assessments objective.",
        "Share information across agencies, and escalate through your local procedure when a "
        "plan is not protecting a child.",
    ],
    "audience": ALL_AGENCIES,
    "estimated_minutes": 55,
    "cpd_hours": 1.0,
    "pass_mark": 70,
    "prerequisites": ["recognising-neglect"],
    "before_after": demo_before_after.RESISTANCE,
    "lessons": [
        {
            "slug": "understanding-resistance",
            "title": "Why engagement is hard: four kinds of resistance",
            "intro": "What gets in the way of parents accepting help, and the different forms resistance can take.",
            "body": [
                (
                    "text",
                    "<p>Most parents who neglect their children want to be good parents. The "
                    "Stoke-on-Trent and Staffordshire Safeguarding Children Board (SSSCB) "
                    "guidance says they usually lack the personal, financial or practical "
                    "resources to manage. Many need looking after themselves before they can "
                    "look after their children well. Start from the assumption that parents want "
                    "things to be better for their children, but keep testing that assumption "
                    "against what actually happens.</p>"
                    "<h2>The lives behind the resistance</h2>"
                    "<p>Ofsted found that parents in neglect cases often faced alcohol "
                    "dependency, mental ill health and domestic violence. On top of that came "
                    "housing problems, money worries, isolation, no wider family to lean on and, "
                    "for some, learning difficulties. Many were very vulnerable and unlikely to "
                    "feel motivated to work with professionals.</p>"
                    "<p>Action for Children found that parents hold back from asking for help "
                    "because they may not think there is a problem, may doubt anyone can help, "
                    "or may fear what statutory services will do. Stigma and not knowing where to "
                    "go get in the way too. One parent said that asking for help led to being "
                    "told they did not meet the criteria, but nobody ever explained what the "
                    "criteria were.</p>"
                    "<h2>Engagement and outcomes</h2>"
                    "<p>Ofsted reviewed 44 child in need and child protection cases. Children were "
                    "making good progress in 27, some progress in 4 and no progress in 13. In 11 of "
                    "those 13, the child was on a child protection plan. Where children were not "
                    "making progress, a common thread was parents not complying, or only "
                    "appearing to comply. Few multi-agency groups had a clear strategy for "
                    "this.</p>"
                    "<p>Where progress was best, professionals were consistent and clear, and "
                    "talked openly and honestly with parents about the concerns and the changes "
                    "needed. Practical steps helped too:</p>"
                    "<ul>"
                    "<li>visual aids, used with adult services, for parents with learning "
                    "disabilities</li>"
                    "<li>interpreters</li>"
                    "<li>written agreements setting out what was expected and what would "
                    "happen if changes were not made</li>"
                    "<li>transport and support to get to meetings</li>"
                    "<li>meetings at times and places that suited parents, and evening visits "
                    "so both parents could be seen</li>"
                    "</ul>"
                    "<p>Parents told Ofsted and Action for Children that they valued workers who "
                    "made time to listen, did not judge them, explained clearly what had to "
                    "change, and stayed with them over time.</p>"
                    "<h2>Four kinds of resistance</h2>"
                    "<p>The SSSCB guidance describes four forms that resistance can take:</p>"
                    "<ul>"
                    "<li><b>Hostile.</b> Open anger, shouting, threats or physical "
                    "intimidation.</li>"
                    "<li><b>Passive-aggressive.</b> A pleasant, even eager-to-please surface, with "
                    "apparent agreement, that hides hostility and anger underneath.</li>"
                    "<li><b>Passive-hopeless.</b> Tears, being stuck, and despair: a sense that "
                    "no help could ever make a difference.</li>"
                    "<li><b>Challenging.</b> Manipulation that dares the professional to try to "
                    "fix things, as if expecting them to fail.</li>"
                    "</ul>"
                    "<p>Think broadly before you decide what you are seeing. Does the parent "
                    "understand what is being asked? Could there be an unrecognised learning "
                    "need? Would a different way of explaining work better? Would a more honest, "
                    "straightforward relationship help?</p>",
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "adolescent",
                        "child": (
                            "A young person imagining how it happens to others (a composite "
                            "voice written for this course)"
                        ),
                        "quote": (
                            "Say a mum's got a boyfriend who wants all her attention, and she's a "
                            "bit scared of him.\n"
                            "If he wants the pub, she goes with him, and the kids are left on "
                            "their own.\n"
                            "The kids would be too frightened to tell anyone. That's the hard "
                            "part."
                        ),
                        "source": AFC_VOICE,
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "resistance-type",
                        "question": (
                            "At every visit a father is friendly, agrees with everything you "
                            "suggest and thanks you for your help. Nothing agreed at the last three "
                            "meetings has happened. School staff say he is openly scornful about "
                            "'social services' at the school gate. Which kind of resistance does "
                            "this most resemble?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Hostile resistance",
                                "correct": False,
                                "feedback": "Hostile resistance is open anger or threats. To you, he is friendly.",
                            },
                            {
                                "text": "Passive-aggressive resistance",
                                "correct": True,
                                "feedback": (
                                    "Yes. Surface agreement and pleasantness, with hostility "
                                    "beneath it and no real change."
                                ),
                            },
                            {
                                "text": "Passive-hopeless resistance",
                                "correct": False,
                                "feedback": "Passive-hopeless resistance shows as despair and tearfulness, not cheerful agreement.",
                            },
                            {
                                "text": "Challenging resistance",
                                "correct": False,
                                "feedback": (
                                    "Challenging resistance dares you to fix things. Here the "
                                    "hostility is hidden, not openly challenging."
                                ),
                            },
                        ],
                        "explanation": (
                            "Naming the kind of resistance helps you plan how to respond. Whatever "
                            "the type, judge engagement by what changes for the child."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "engagement-what-helps",
                        "question": "Which approaches did Ofsted find helped parents to engage?",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Frank, open discussion of the concerns and the changes expected.",
                                "correct": True,
                                "feedback": "Yes. Clarity and honesty were features of the cases that made most progress.",
                            },
                            {
                                "text": "Written agreements that set out expectations and consequences.",
                                "correct": True,
                                "feedback": "Yes. They made clear what was expected and what would happen otherwise.",
                            },
                            {
                                "text": "Practical help, such as transport to meetings and visits at convenient times.",
                                "correct": True,
                                "feedback": "Yes. Removing practical barriers eased the way to engagement.",
                            },
                            {
                                "text": "Keeping worries from parents so as not to damage the relationship.",
                                "correct": False,
                                "feedback": (
                                    "No. Parents cannot change what they have not been told about. "
                                    "Honesty is part of a good relationship."
                                ),
                            },
                        ],
                        "explanation": (
                            "Clear messages about concerns and expected change, together with "
                            "practical support, should be used in every neglect case."
                        ),
                    },
                ),
                ("sources", {"items": [SSSCB, OFSTED, AFC]}),
            ],
        },
        {
            "slug": "disguised-compliance",
            "title": "Disguised compliance",
            "intro": "When parents appear to co-operate in order to make professionals step back.",
            "body": [
                (
                    "text",
                    "<p>The National Society for the Prevention of Cruelty to Children (NSPCC) "
                    "describes disguised compliance as a parent or carer seeming to "
                    "co-operate with agencies so as to avoid suspicion, calm professionals' "
                    "worries and, in the end, get them to reduce or stop their involvement. The "
                    "SSSCB guidance says the key task is to judge the parent's real commitment to "
                    "engaging and to making changes.</p>"
                    "<p>Disguised compliance has come up in a large number of serious case "
                    "reviews (SCRs), the reviews that child safeguarding practice reviews have "
                    "since replaced. Ofsted found that non-compliance and disguised compliance "
                    "were common in the neglect cases it reviewed, and that professionals did "
                    "not consistently challenge parents who were not following plans.</p>"
                    "<h2>What it can look like</h2>"
                    "<ul>"
                    "<li>agreeing with everything in meetings, then doing little</li>"
                    "<li>going to sessions, saying things must change, but parenting stays the "
                    "same</li>"
                    "<li>always having a convincing reason why a task was not done</li>"
                    "<li>not telling agencies about a new partner</li>"
                    "<li>working with agencies when things are going well and withdrawing "
                    "when they are not, for example during a relapse</li>"
                    "<li>taking control of meetings so that the focus drifts away from the "
                    "child</li>"
                    "</ul>"
                    "<h2>What Ofsted found</h2>"
                    "<p>In a few cases the Public Law Outline (PLO), the formal pre-proceedings "
                    "process, was used to tackle non-compliance. It usually worked. But where "
                    "parents broke PLO agreements, professionals did not always follow through, "
                    "so cases were not escalated in time. In multi-agency meetings during the "
                    "inspection, some professionals accepted, looking back, that parents had "
                    "manipulated them.</p>"
                    "<p>Missing information from other agencies makes disguised compliance easier. "
                    "In one case, both parents were meant to be attending an adult drug service. "
                    "The service did not come to core groups or conferences, sent no reports and "
                    "did not say whether the parents were turning up or what their drug tests "
                    "showed. The core group had no way of knowing whether the parents were "
                    "telling the truth.</p>"
                    "<h2>How to test engagement</h2>"
                    "<ul>"
                    "<li>Judge progress by what has changed for the child, not by attendance or "
                    "promises.</li>"
                    "<li>Check what parents tell you against what other agencies see. Ask adult "
                    "services directly for attendance and test results.</li>"
                    "<li>Use the chronology to spot patterns, such as engagement that comes "
                    "and goes with the parent's circumstances.</li>"
                    "<li>Follow through on written agreements, including the consequences they "
                    "set out.</li>"
                    "<li>Take the case to reflective supervision and invite challenge.</li>"
                    "</ul>"
                    "<p>Not every missed task is deception. Ask whether the parent understood what "
                    "was needed and whether the way you explained it worked for them.</p>"
                    "<h2>Keep the positive assumption, but test it</h2>"
                    "<p>The SSSCB guidance asks professionals to start from the belief that parents "
                    "want to improve their children's care, and to plan help on that basis. It "
                    "also says that belief has to be checked against the risk of disguised "
                    "compliance. Holding both at once is the skill: warm and respectful towards "
                    "the parent, sceptical about claims that are not backed by evidence from the "
                    "child's life.</p>"
                    "<h2>Wider family can be part of the picture</h2>"
                    "<p>Disguised compliance is not limited to parents. Ofsted found two cases "
                    "where grandparents caring for children let the parents see them without "
                    "permission and were not honest about how much the parents were using drugs. "
                    "In another, three children were living with their grandmother under a "
                    "special guardianship order. Evidence grew that she was neglecting them and "
                    "not protecting them from their father, who dealt drugs and was involved in "
                    "violent gangs. The social worker felt unable to act because the order was in "
                    "place, and did not challenge the care the children were getting. Relatives "
                    "caring for children need a realistic assessment, and then monitoring and "
                    "support.</p>",
                ),
                (
                    "case_vignette",
                    {
                        "title": "A new baby and a plausible couple",
                        "summary": (
                            "<p>Both parents had a history of drug misuse, and earlier children had "
                            "been removed because of neglect. Professionals stepped back when the "
                            "parents seemed to co-operate. Looking back, the child protection chair "
                            "told Ofsted they should have challenged the lack of progress much "
                            "sooner. The chair described the parents as very convincing, with an "
                            "explanation ready every time a task had not been done.</p>"
                        ),
                        "chronology": [
                            {
                                "when": "Birth",
                                "event": (
                                    "The baby is made subject to a child protection plan because of "
                                    "both parents' drug histories and the earlier removals."
                                ),
                            },
                            {
                                "when": "During the plan",
                                "event": "The mother tests positive for cocaine and the father for heroin. The case moves to the PLO.",
                            },
                            {
                                "when": "Shortly afterwards",
                                "event": "The parents appear to co-operate. The case is quickly stepped down from the PLO.",
                            },
                            {
                                "when": "Some months later",
                                "event": "Further evidence of drug misuse emerges. The baby is removed.",
                            },
                        ],
                        "source": "Case example in Ofsted (2014) In the child's time, paragraph 67.",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "dc-strongest-evidence",
                        "question": "Which is the strongest evidence that a parent is genuinely engaging with a plan?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "They attend every meeting and agree with everything.",
                                "correct": False,
                                "feedback": (
                                    "Attendance and agreement are not change. This is exactly what "
                                    "disguised compliance can look like."
                                ),
                            },
                            {
                                "text": "They tell you they understand the concerns and will do better.",
                                "correct": False,
                                "feedback": "Words matter, but they need to be matched by change in the child's care.",
                            },
                            {
                                "text": (
                                    "The child's care has clearly improved and stayed improved, and "
                                    "several agencies see the same thing."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Sustained change in the child's life, confirmed by more "
                                    "than one source, is the best test."
                                ),
                            },
                            {
                                "text": "The home was tidy when you visited by appointment.",
                                "correct": False,
                                "feedback": (
                                    "A planned visit shows what the parent can do when expected. "
                                    "It does not show the child's everyday experience."
                                ),
                            },
                        ],
                        "explanation": (
                            "Judge engagement by outcomes for the child, checked across agencies "
                            "and over time, not by attendance, agreement or one good visit."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "dc-reassured",
                        "prompt": (
                            "Recall a time when a parent's co-operation reassured you. At that "
                            "moment, what exactly had changed for the child, and how did you know? "
                            "Looking back, what would you check now?"
                        ),
                        "guidance": (
                            "Keep it anonymous. Separate what the parent said or did in front of "
                            "you from evidence about the child's daily life. Note which other "
                            "agency could have confirmed or challenged your view."
                        ),
                        "required": True,
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": ["ssscb-optimism-start-again-disguised-compliance"],
                    },
                ),
                ("sources", {"items": [SSSCB, OFSTED]}),
            ],
        },
        {
            "slug": "rule-of-optimism-capacity-to-change",
            "title": "The rule of optimism and testing capacity to change",
            "intro": "Thinking the best of parents is human, but it must not replace evidence about the child.",
            "body": [
                (
                    "text",
                    "<h2>The rule of optimism</h2>"
                    "<p>Professionals often think the best of the families they work with. The "
                    "SSSCB guidance says this is more likely when a parent is vulnerable, needy "
                    "or was abused as a child. It can lead professionals to:</p>"
                    "<ul>"
                    "<li>lose objectivity and their focus on the child</li>"
                    "<li>play down concerns</li>"
                    "<li>miss patterns of harm</li>"
                    "<li>not believe, or not want to believe, that the risks are high</li>"
                    "</ul>"
                    "<p>When optimism takes the place of objectivity, the whole network relaxes "
                    "and the risk to the child goes up. The guidance suggests two safeguards: "
                    "supervision, by a manager or peers, where you can reflect and be challenged; "
                    "and weighing all the evidence together rather than piece by piece.</p>"
                    "<h2>Too many chances</h2>"
                    "<p>Research cited by Ofsted found that parents were often given too many "
                    "chances to show they could care for a child, despite strong evidence to the "
                    "contrary and regardless of what the child needed. Ofsted itself found "
                    "over-optimism about parents' ability to keep up changes. Parents often "
                    "needed ongoing support to hold on to improvements, but it was rarely "
                    "there.</p>"
                    "<h2>Stepping up and stepping down</h2>"
                    "<p>One Ofsted case shows how optimism and a stop-start pattern feed each "
                    "other. A mother had misused alcohol since before her children were born. "
                    "When she drank heavily, the children went to stay with different relatives. "
                    "She worked with agencies when she was sober and pulled away when she "
                    "relapsed. The case was stepped up and down again and again. Professionals "
                    "were responding to her drinking, not to the long-term effect on the "
                    "children. One child was showing high levels of anxiety.</p>"
                    "<h2>Testing capacity to change</h2>"
                    "<p>The SSSCB guidance describes assessing capacity to change as an active "
                    "process over a set period:</p>"
                    "<ol>"
                    "<li>identify strengths and difficulties</li>"
                    "<li>set and agree targets</li>"
                    "<li>identify and provide help that works</li>"
                    "<li>monitor progress over a fixed time</li>"
                    "</ol>"
                    "<p>Change usually moves through resistance, mixed feelings, motivation, "
                    "engagement and action. Lapses and relapses are a normal part of it. "
                    "Prochaska and DiClemente's stages of change model describes six stages. "
                    "People can drop out at any stage or get stuck at one or more of them.</p>"
                    "<p>Support matters. Every parent has strengths, and these should be found and "
                    "built on. Work based on relationships, with empathy, practical help and "
                    "openness, has been shown to be most effective. Outcomes are better when "
                    "parents gain hope and self-esteem, and when their own needs, such as mental "
                    "or physical health, domestic abuse or substance misuse, are addressed.</p>"
                    "<p>But the child's clock keeps running. Ask:</p>"
                    "<ul>"
                    "<li>Has anything changed in the child's daily life, not just the parent's?</li>"
                    "<li>Has the change lasted after services stepped back?</li>"
                    "<li>Do several agencies see the same improvement?</li>"
                    "<li>Can the child wait for the time this change needs?</li>"
                    "</ul>",
                ),
                (
                    "childs_voice",
                    {
                        "age_stage": "mid_childhood",
                        "child": "A boy, 10",
                        "quote": (
                            "When Mum starts drinking again, me and my sister get sent to Nan's, "
                            "or to our auntie's. Then Mum stops and we go home and everyone says "
                            "it's all sorted.\n"
                            "I never unpack my bag properly. I'm always waiting for next time.\n"
                            "I check the bin for bottles so I know what's coming."
                        ),
                        "source": (
                            "Written for this course from a case example in Ofsted (2014) In the "
                            "child's time, paragraph 73, and SSSCB (2020) Appendix 1"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "optimism-signs",
                        "question": "Which of these could be signs of the rule of optimism?",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Recording that 'mum is doing her best' while the baby's weight keeps falling.",
                                "correct": True,
                                "feedback": "Yes. The parent's effort is being given more weight than the child's health.",
                            },
                            {
                                "text": "Stepping a case down as soon as parents start attending, before the child's care changes.",
                                "correct": True,
                                "feedback": "Yes. Attendance is being mistaken for change.",
                            },
                            {
                                "text": "Agreeing to give parents longer when there is no new evidence of progress.",
                                "correct": True,
                                "feedback": "Yes. Ofsted found escalations met with this response in several cases.",
                            },
                            {
                                "text": "Reviewing the whole chronology in supervision before deciding next steps.",
                                "correct": False,
                                "feedback": "No. This is one of the safeguards against the rule of optimism.",
                            },
                        ],
                        "explanation": (
                            "The rule of optimism shows itself when hope about the parent "
                            "outweighs evidence about the child. Supervision and looking at all "
                            "the evidence together help guard against it."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "capacity-relapse",
                        "question": (
                            "A mother who has not drunk for six weeks relapses. Based on the SSSCB "
                            "guidance, what is the best response?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Treat the relapse as proof that she cannot change and close the support.",
                                "correct": False,
                                "feedback": (
                                    "Lapse and relapse are a normal part of change. One relapse does "
                                    "not on its own show that change is impossible."
                                ),
                            },
                            {
                                "text": (
                                    "See relapse as part of change, assess what it means for the "
                                    "children, review the plan, and ask whether their timescale allows "
                                    "more time."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Respond to the relapse without losing sight of the "
                                    "children's experience and how long they can wait."
                                ),
                            },
                            {
                                "text": "Ignore it, because she did well for six weeks.",
                                "correct": False,
                                "feedback": (
                                    "Ignoring a relapse is the rule of optimism at work. The "
                                    "children live with its effects whatever the earlier progress."
                                ),
                            },
                        ],
                        "explanation": (
                            "Capacity to change is assessed over time, with lapses expected. "
                            "Decisions must still be made on the child's timescale."
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "scenario_slug": "stepping-up-and-down-rule-of-optimism",
                        "intro": (
                            "Play this scenario to feel how the rule of optimism works from the "
                            "inside, as a family moves up and down between levels of help."
                        ),
                    },
                ),
                ("sources", {"items": [SSSCB, OFSTED, SSSCB_APPENDIX]}),
            ],
        },
        {
            "slug": "supervision-and-challenge",
            "title": "Supervision, reflection and professional challenge",
            "intro": "How supervision and healthy challenge help you stay objective in long, complex cases.",
            "body": [
                (
                    "text",
                    "<p>Working with neglect is demanding both intellectually and emotionally. "
                    "Social workers told Ofsted that support from colleagues and supervision from "
                    "their managers helped them most. It kept them balanced and objective, so "
                    "the child's needs stayed first. But few could get case consultation across "
                    "agencies, and inspectors saw no use of outside consultants for "
                    "supervision.</p>"
                    "<h2>Why supervision matters</h2>"
                    "<p>The SSSCB guidance names reflective supervision, professional challenge "
                    "and good chronologies as the main protections against disguised compliance "
                    "and the rule of optimism. It calls for regular, purposeful one-to-one "
                    "supervision that leaves room for reflection and tracks whether agreed "
                    "actions have made a difference.</p>"
                    "<p>Ofsted stressed that strong management oversight is essential in neglect "
                    "cases. Managers and child protection chairs should make sure "
                    "non-compliance is identified and tackled. Staff need managers who are "
                    "visible and easy to reach.</p>"
                    "<h2>Questions to bring to supervision</h2>"
                    "<ul>"
                    "<li>What evidence shows that the child's daily life has changed?</li>"
                    "<li>If I read this chronology for the first time, what would I think?</li>"
                    "<li>Am I reassured by the parent, or by the child's progress?</li>"
                    "<li>Who in the network sees this differently, and why?</li>"
                    "<li>What happens if nothing has changed by the next review?</li>"
                    "</ul>"
                    "<h2>Challenge, not group think</h2>"
                    "<p>In long-standing, complicated cases, a group of professionals can settle "
                    "into a shared view that nobody questions. The SSSCB guidance calls for "
                    "healthy challenge instead. Different opinions about neglect are normal, and "
                    "they are a reason to look harder at the evidence.</p>"
                    "<p>Meetings can make challenge easier or harder. One multi-agency group told "
                    "Ofsted that child in need reviews were chaired by a social worker who "
                    "struggled to circulate minutes. The mother tended to take over, there was "
                    "a lot of talk and little focus, and challenging her was hard. In another "
                    "authority, independent chairs for child in need reviews challenged "
                    "effectively, but the service was being cut to save money.</p>"
                    "<h2>Keeping the child in mind: Sand Stories</h2>"
                    "<p>After a local review, Northumberland's Local Safeguarding Children Board "
                    "(LSCB) commissioned training called Sand Stories. Trainers act out a case "
                    "in which professionals from different agencies are distracted by parents' "
                    "own needs while the child's neglect stays out of sight. Staff said it "
                    "changed how they worked: they went back to children's plans and saw that "
                    "the plans did not reflect the depth of need. A year later, staff still "
                    "recalled its images vividly. Staff and managers linked its firmer approach "
                    "to non-compliance with a sharp rise in child protection plans for neglect "
                    "between June 2012 and June 2013.</p>"
                    "<h2>Staying alert</h2>"
                    "<p>A director of children's services told Ofsted that neglect can seem "
                    "unremarkable when set against so many other cases. Social workers and "
                    "schools can become desensitised to it. Supervision is a place to notice "
                    "when that is happening to you.</p>"
                    "<h2>Making room to reflect together</h2>"
                    "<p>During the inspection, Ofsted saw the value of professionals meeting to "
                    "reflect on a case together. Such meetings help a network spot patterns in a "
                    "parent's behaviour that are holding back progress. There are few chances "
                    "for this within child in need and child protection processes, so it may need "
                    "to be arranged on purpose. Other approaches in the seed documents "
                    "include:</p>"
                    "<ul>"
                    "<li>Action for Children's Lead Practitioner initiative, which builds in "
                    "reflective supervision of the kind Professor Munro argued for, giving staff "
                    "time to share and learn from each other</li>"
                    "<li>the Blackburn with Darwen (BwD) strategy's neglect champions: one person in each key agency who "
                    "monitors how well that agency responds to neglect and offers peer challenge "
                    "to partner agencies</li>"
                    "<li>annual neglect-themed audits of cases by the local safeguarding "
                    "board</li>"
                    "</ul>"
                    "<h2>Looking after yourself</h2>"
                    "<p>Social workers told Ofsted that neglect work is emotionally and "
                    "intellectually hard. Some had high caseloads and were managing other "
                    "professionals' anxiety as well as their own. Changing long-standing "
                    "patterns in families, giving every child in a large family enough time, and "
                    "involving fathers were among the hardest parts. Use supervision to talk "
                    "about the effect the work has on you, not only about the case. Seeing a "
                    "child's life improve at the right time was, for some, what kept them "
                    "going.</p>",
                ),
                (
                    "key_message",
                    {
                        "heading": "Supervision is where optimism gets tested",
                        "body": (
                            "<p>Bring the chronology and the child's own words to supervision. "
                            "Ask to be challenged. A good supervisor helps you separate what you "
                            "hope from what you know.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "supervision-purpose",
                        "question": "In neglect work, what is the main purpose of reflective supervision?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "To check that paperwork is completed on time.",
                                "correct": False,
                                "feedback": "Case management matters, but reflective supervision is about thinking and challenge.",
                            },
                            {
                                "text": (
                                    "To step back, test the evidence, challenge assumptions such as "
                                    "optimism, and keep the child's needs at the centre."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. This is why the SSSCB guidance names it as a protection "
                                    "against the rule of optimism and disguised compliance."
                                ),
                            },
                            {
                                "text": "To get a manager's agreement to close cases quickly.",
                                "correct": False,
                                "feedback": (
                                    "Closing cases too soon is one cause of the stop-start pattern "
                                    "Ofsted criticised."
                                ),
                            },
                        ],
                        "explanation": (
                            "Reflective supervision gives time and space to weigh all the "
                            "evidence and be challenged, so that the child stays the focus."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "supervision-question",
                        "prompt": (
                            "Which question would you most want to be asked in supervision about a "
                            "neglect case, and which would you least want to be asked? What does "
                            "your answer tell you?"
                        ),
                        "guidance": (
                            "Use the list in this lesson as a starting point. The question you "
                            "would rather avoid is often the one that matters. Note one way you "
                            "could bring more challenge into your next supervision or "
                            "multi-agency meeting."
                        ),
                        "required": False,
                    },
                ),
                ("sources", {"items": [OFSTED, SSSCB, AFC]}),
            ],
        },
        {
            "slug": "sharing-information",
            "title": "Sharing information across agencies",
            "intro": "When and how to share what you know about a child, when you need consent and when you do not, and how to record the decision.",
            "body": [
                (
                    "text",
                    "<p>Disguised compliance works best where agencies do not compare notes. In "
                    "the cases Ofsted reviewed, adult services that held drug test results and "
                    "attendance did not share them, so the core group could not tell whether the "
                    "parents were telling the truth. One piece of information is rarely enough; "
                    "put together, several often are.</p>"
                    "<p>The government's advice on this is <i>Information sharing: advice for "
                    "practitioners providing safeguarding services to children, young people, "
                    "parents and carers</i> (HM Government, updated May 2024). It is advice, not "
                    "statutory guidance, and it is meant to be read with <i>Working Together to "
                    "Safeguard Children 2023</i>. It replaced the 2018 version and says more "
                    "about consent and the law.</p>"
                    "<h2>When to share</h2>"
                    "<p>Share when you are worried that a child may be at risk of harm, and when "
                    "sharing would help a child or family get support. A child's right to be "
                    "protected from abuse and neglect comes before anyone's privacy, including "
                    "the privacy of the adult who is failing to protect them. Data protection "
                    "law, the UK General Data Protection Regulation (UK GDPR) and the Data "
                    "Protection Act 2018, is not a reason to hold back. It sets out how to share "
                    "safely.</p>"
                    "<h2>Consent, and when it is not needed</h2>"
                    "<ul>"
                    "<li>Where it is safe and practical, talk to the child and the parents first: "
                    "say what you plan to share, with whom and why.</li>"
                    "<li>You do not need consent to share information about a child or their "
                    "family when a child is at risk, or may be at risk, of harm.</li>"
                    "<li>Consent is usually not the right legal basis for sharing in "
                    "safeguarding work. Asking for agreement you would not accept a refusal of "
                    "misleads the family: tell them instead.</li>"
                    "<li>Do not tell the family first if that could put a child or anyone else "
                    "at risk.</li>"
                    "</ul>"
                    "<p>Early help is different. It is offered with the family's agreement. The "
                    "Blackburn with Darwen neglect strategy says that when parents refuse early "
                    "help, those who see the child should watch closely and refer at once if the "
                    "worries come close to significant harm.</p>"
                    "<h2>How to share</h2>"
                    "<ul>"
                    "<li>Share what is relevant and accurate, with the people who have a role in "
                    "keeping the child safe or supporting the family. Not the whole file.</li>"
                    "<li>Separate fact from opinion, and say where each piece came from.</li>"
                    "<li>Protect the identity of anyone who could be harmed if an abuser learned "
                    "who had spoken, such as a neighbour or a relative.</li>"
                    "<li>Share in time to make a difference, and by a secure route.</li>"
                    "<li>If you are unsure, ask your safeguarding lead or manager straight away. "
                    "Uncertainty is a reason to ask, not a reason to wait.</li>"
                    "</ul>"
                    "<h2>Record the decision</h2>"
                    "<p>Write down every decision about sharing, including a decision not to "
                    "share, and why. If you share, record what you shared, with whom, when and "
                    "for what purpose, and whether you told the family. The record is what the "
                    "next professional, and any later review, will rely on.</p>",
                ),
                (
                    "knowledge_check",
                    {
                        "key": "sharing-record",
                        "question": (
                            "You decide not to pass on a worry about a child, because on "
                            "reflection it does not suggest harm. What should you record?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Nothing: no information was shared.",
                                "correct": False,
                                "feedback": (
                                    "A decision not to share is still a decision. Without a "
                                    "record, the next person cannot see what was known."
                                ),
                            },
                            {
                                "text": "What the worry was, that you decided not to share it, and why.",
                                "correct": True,
                                "feedback": (
                                    "Yes. Record every decision about sharing and your reasons, "
                                    "whichever way it goes."
                                ),
                            },
                            {
                                "text": "Only the parents' explanation.",
                                "correct": False,
                                "feedback": "Your reasoning matters as much as their account.",
                            },
                        ],
                        "explanation": (
                            "Recording the decision and the reasons, whether you share or not, "
                            "lets a worry be joined up with later ones."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "sharing-what",
                        "question": (
                            "A family support worker is asked by a school nurse about a "
                            "mother's drug treatment. Which of these should guide what she "
                            "shares?"
                        ),
                        "multiple": True,
                        "options": [
                            {
                                "text": "Share what is relevant to the child's safety, not everything on file.",
                                "correct": True,
                                "feedback": "Yes. Relevant and proportionate.",
                            },
                            {
                                "text": "Make clear what is fact and what is her opinion.",
                                "correct": True,
                                "feedback": "Yes. Accurate information, with its source.",
                            },
                            {
                                "text": "Share only if the mother signs a consent form first.",
                                "correct": False,
                                "feedback": (
                                    "Where a child may be at risk of harm, consent is not needed. "
                                    "Be open with the mother where it is safe to be."
                                ),
                            },
                            {
                                "text": "Check the nurse has a role in the child's care, and use a secure route.",
                                "correct": True,
                                "feedback": "Yes. Share with those who need it, securely.",
                            },
                        ],
                        "explanation": (
                            "Share relevant, accurate information with people who have a role, "
                            "securely and in time, and record what you shared."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "key": "sharing-hesitation",
                        "prompt": (
                            "Think of a time you hesitated to share a worry about a child with "
                            "another agency. What held you back, and what does the current "
                            "advice say about it?"
                        ),
                        "guidance": (
                            "Keep it anonymous. Note whether the reason was the law, consent, "
                            "the relationship with the family, or not knowing whom to tell."
                        ),
                        "required": False,
                    },
                ),
                (
                    "sources",
                    {"items": [INFORMATION_SHARING_2024, WORKING_TOGETHER_2023, OFSTED, BWD]},
                ),
            ],
        },
        {
            "slug": "escalation",
            "title": "Escalating concerns",
            "intro": "Every professional has a duty to escalate when a plan is not protecting a child.",
            "body": [
                (
                    "text",
                    "<p>Ofsted recommended that Local Safeguarding Children Boards (LSCBs), now "
                    "safeguarding partnerships, make sure "
                    "all staff know they have a duty to escalate concerns when a child is not "
                    "properly protected or is suffering neglect. Every agency should have an "
                    "escalation policy. That includes a way to challenge children's social care "
                    "when it does not accept a case for assessment or a child protection "
                    "enquiry.</p>"
                    "<h2>How often challenge was missing</h2>"
                    "<p>In over a third of the cases Ofsted reviewed in depth, the plan was not "
                    "bringing the changes the children needed, and someone should have "
                    "challenged the parents or another professional. Of those cases:</p>"
                    "<ul>"
                    "<li>in 8, professionals challenged effectively and it made a difference</li>"
                    "<li>in 4, professionals escalated to senior managers and were told the "
                    "parents needed more time</li>"
                    "<li>in 7, nobody challenged when they should have</li>"
                    "</ul>"
                    "<p>At referral, the picture was similar. Of 27 referrers interviewed, 5 were "
                    "unhappy with children's social care's response. Only one of them questioned "
                    "the decision.</p>"
                    "<h2>Why people hold back</h2>"
                    "<p>Since 2011, about a third of professionals surveyed by Action for "
                    "Children have said they feel powerless to intervene in suspected neglect. In "
                    "2013 this was highest among social workers (43%), then primary school "
                    "teachers (36%) and nursery teachers (27%). The main reasons were other "
                    "professionals not treating their worries as serious, and families not "
                    "engaging. Thresholds were another barrier. One social worker described a "
                    "child who was neglected again and again while others raised concerns, but "
                    "who was only ever treated as a child in need.</p>"
                    "<h2>How to escalate well</h2>"
                    "<ol>"
                    "<li>Know your local escalation policy before you need it.</li>"
                    "<li>Raise the concern first with the professional involved, and with your "
                    "manager or designated safeguarding lead.</li>"
                    "<li>Be specific. Use the chronology to show the effect on the child over "
                    "time.</li>"
                    "<li>Put it in writing and ask for your disagreement to be recorded.</li>"
                    "<li>If it is not resolved, take it to the next level set out in the "
                    "policy.</li>"
                    "<li>Keep watching the child while the disagreement is worked through.</li>"
                    "</ol>"
                    "<p>The SSSCB guidance says that where professionals disagree seriously about "
                    "how a plan is progressing, they should consider using the escalation policy. "
                    "The BwD strategy adds that where parents refuse consent for early help, those "
                    "in contact with the child should monitor closely and refer straight away if "
                    "concerns approach significant harm.</p>"
                    "<p>Escalation is not only about children's social care. Ofsted found adult "
                    "services that did not attend core groups or share information, and legal "
                    "decisions about thresholds for care proceedings that were accepted too "
                    "readily. Challenge any part of the system that leaves the child "
                    "unprotected.</p>",
                ),
                (
                    "case_vignette",
                    {
                        "title": "Everyone worried, nobody escalated",
                        "summary": (
                            "<p>Every agency was highly concerned about this boy. He had made it "
                            "clear to a support worker that he felt neglected and wanted to "
                            "leave home. "
                            "Health staff and the school believed he should have been removed "
                            "earlier, but neither escalated. Ofsted found that nobody was clear how "
                            "to raise or escalate concerns, and that agencies together failed in "
                            "their first duty to protect the child.</p>"
                        ),
                        "chronology": [
                            {
                                "when": "Month 1",
                                "event": "The family moves into the area and becomes known to children's social care.",
                            },
                            {
                                "when": "Months 1 to 18",
                                "event": (
                                    "The boy is on a child in need plan and then a child protection "
                                    "plan. His mother goes to sessions and says things must change, "
                                    "but her parenting barely improves. She does not tell agencies "
                                    "about a new partner."
                                ),
                            },
                            {
                                "when": "During the plan",
                                "event": (
                                    "The child protection chair raises concerns with a senior "
                                    "manager and is told the mother has not had long enough to "
                                    "work with the plan."
                                ),
                            },
                            {
                                "when": "Month 18",
                                "event": (
                                    "The boy is accommodated, after many months of evidence of severe "
                                    "neglect and emotional abuse."
                                ),
                            },
                        ],
                        "source": "Case example in Ofsted (2014) In the child's time, paragraph 57.",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "escalation-step-down",
                        "question": (
                            "You are a school's designated safeguarding lead. A pupil has been on a "
                            "child protection plan for nine months. Her attendance and presentation "
                            "are getting worse. At the review, the social worker proposes stepping "
                            "down to a child in need plan because the mother 'is engaging well'. "
                            "What should you do?"
                        ),
                        "multiple": False,
                        "options": [
                            {
                                "text": "Accept the decision. Children's social care leads the plan.",
                                "correct": False,
                                "feedback": (
                                    "Every agency has a duty to challenge when a child is not "
                                    "protected. Ofsted found too many professionals stayed silent."
                                ),
                            },
                            {
                                "text": (
                                    "Say in the meeting that you disagree, give the evidence about "
                                    "the child, ask for your view to be recorded, and use the "
                                    "escalation policy if it is not resolved."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Evidence about the child, a clear record and the local "
                                    "policy are the right tools."
                                ),
                            },
                            {
                                "text": "Wait until the next review to see whether things get worse.",
                                "correct": False,
                                "feedback": (
                                    "Waiting adds to the child's exposure to neglect. Drift is the "
                                    "risk here."
                                ),
                            },
                        ],
                        "explanation": (
                            "Engagement by the parent is not the same as progress for the child. "
                            "When the evidence shows things getting worse, challenge and, if "
                            "needed, escalate."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "key": "escalation-findings",
                        "question": "Which of these did Ofsted report about challenge and escalation?",
                        "multiple": True,
                        "options": [
                            {
                                "text": (
                                    "In four cases, professionals who escalated were told the parents "
                                    "needed longer with the plan."
                                ),
                                "correct": True,
                                "feedback": "Yes. This is the rule of optimism at management level.",
                            },
                            {
                                "text": "Of five referrers unhappy with the response, only one questioned the decision.",
                                "correct": True,
                                "feedback": "Yes. Professionals rarely challenged each other's decisions.",
                            },
                            {
                                "text": "In one case, nobody was clear how to raise or escalate concerns.",
                                "correct": True,
                                "feedback": "Yes. Knowing the policy in advance matters.",
                            },
                            {
                                "text": "Professionals nearly always escalated when they disagreed with a plan.",
                                "correct": False,
                                "feedback": (
                                    "No. In seven of the in-depth cases, nobody challenged when "
                                    "they should have."
                                ),
                            },
                        ],
                        "explanation": (
                            "Ofsted found that challenge and escalation were often missing or "
                            "ineffective, leaving children in neglect for too long."
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "scenario_slug": "school-dsl-parental-resistance",
                        "intro": (
                            "Now practise from a school's seat. As a designated safeguarding "
                            "lead (DSL) you meet a parent who is hopeless, one who is hostile, "
                            "then challenging, then charming. Your decisions are the DSL's: "
                            "record, share, refer and escalate."
                        ),
                    },
                ),
                (
                    "digest_links",
                    {
                        "heading": "Read the research",
                        "digest_slugs": [
                            "in-the-childs-time-recommendations",
                            "action-for-children-voices",
                        ],
                    },
                ),
                ("sources", {"items": [OFSTED, AFC, SSSCB, BWD]}),
            ],
        },
    ],
}

MODULES = [RECOGNISING_NEGLECT, ASSESSMENT, RESISTANCE]
