"""The practice concepts the whole platform teaches and reports on.

Scenarios rate choices against them, digests are tagged with them, modules link them and
reports count them. One vocabulary, with stable slugs, so "disguised compliance" in a
scenario debrief finds the digest on disguised compliance.
"""

from django.db import models


class Concept(models.TextChoices):
    DISGUISED_COMPLIANCE = "disguised-compliance", "Disguised compliance"
    RULE_OF_OPTIMISM = "rule-of-optimism", "The rule of optimism"
    START_AGAIN_SYNDROME = "start-again-syndrome", "Start-again syndrome"
    DRIFT_AND_DELAY = "drift-and-delay", "Drift and delay"
    CHILDS_VOICE = "childs-voice", "The child's voice and lived experience"
    ESCALATION_AND_CHALLENGE = "escalation-and-challenge", "Escalation and challenge"
    CHRONOLOGY_AND_HISTORY = "chronology-and-history", "Chronology and family history"


class AgeStage(models.TextChoices):
    """Age stages used for the child's voice (after Appendix 1 of the SSSCB guidance)."""

    BABY_TODDLER = "baby_toddler", "Baby or toddler (0 to 3 years)"
    MID_CHILDHOOD = "mid_childhood", "Middle childhood (4 to 11 years)"
    ADOLESCENT = "adolescent", "Adolescent (12 to 18 years)"
