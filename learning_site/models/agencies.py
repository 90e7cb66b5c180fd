from django.db import models


class Agency(models.TextChoices):
    """The agencies whose staff protect neglected children (Ofsted 2014 names the
    adult-facing ones as the hardest to reach)."""

    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    EARLY_HELP = "early_help", "Early help"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    EARLY_YEARS = "early_years", "Early years"
    POLICE = "police", "Police"
    ADULT_MENTAL_HEALTH = "adult_mental_health", "Adult mental health"
    DRUG_AND_ALCOHOL = "drug_and_alcohol", "Drug and alcohol services"
    HOUSING = "housing", "Housing"
    PROBATION = "probation", "Probation"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector"
    OTHER = "other", "Other"


AGENCY_CHOICES = Agency.choices
