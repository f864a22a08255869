"""Realistic sample data for trying the app, for the screenshots and for the benchmarks.

"small" is a handful of relationships; "decade" is ten years of one person's mentoring life
at full scale. Generated deterministically, relative to a reference date (today by default).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mentordesk import __version__
from mentordesk.db.errors import NewerDatabaseError
from mentordesk.db.quick_read import has_rows
from mentordesk.db.schema import SchemaState, inspect_schema
from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.settings import PersonalSettings
from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_agreements import load_sample_agreements
from mentordesk.services.sample_growth import sample_goals, sample_skills
from mentordesk.services.sample_meetings import load_sample_meetings

log = logging.getLogger(__name__)


class SampleSize(StrEnum):
    SMALL = "small"
    DECADE = "decade"


@dataclass(frozen=True)
class _Person:
    name: str
    title: str
    organization: str
    location: str
    time_zone: str
    expertise: tuple[str, ...]
    met_via: HowWeMet
    met_detail: str
    kind: RelationshipKind = RelationshipKind.MENTOR
    direction: Direction = Direction.THEY_MENTOR_ME


_M = RelationshipKind
_W = HowWeMet
_ME = Direction.I_MENTOR_THEM

# fmt: off
_PEOPLE: tuple[_Person, ...] = (
    _Person("Amara Okafor", "VP Engineering", "Lumen Health", "Lagos", "Africa/Lagos", ("engineering leadership", "hiring", "org design"), _W.WORK, "Two levels up when I joined Lumen"),
    _Person("José Álvarez-Ruiz", "Principal Architect", "Tessera Systems", "Madrid", "Europe/Madrid", ("distributed systems", "architecture reviews"), _W.CONFERENCE, "Hallway track at QCon London"),
    _Person("王芳 (Wang Fang)", "Director of Data Science", "Beacon Analytics", "Shanghai", "Asia/Shanghai", ("machine learning", "statistics", "team building"), _W.ALUMNI_NETWORK, "Same university, ten years apart"),
    _Person("Zoë Ødegaard", "Staff Product Manager", "Fjordline", "Oslo", "Europe/Oslo", ("product strategy", "discovery", "roadmaps"), _W.ONLINE_COMMUNITY, "Mind the Product Slack", _M.PEER_MENTOR),
    _Person("Αλέξανδρος Παπαδόπουλος", "CTO", "Nautilus Robotics", "Athens", "Europe/Athens", ("robotics", "fundraising", "startups"), _W.REFERRAL, "Introduced by Amara"),
    _Person("Priya Raghunathan", "Senior Director, Platform", "Cobalt Cloud", "Bengaluru", "Asia/Kolkata", ("platform engineering", "SRE", "negotiation"), _W.WORK, "Led the platform migration I joined", _M.SPONSOR),
    _Person("Ngozi Adébáyọ̀", "Engineering Manager", "Harbor Logistics", "London", "Europe/London", ("people management", "feedback", "1:1s"), _W.PROFESSIONAL_ASSOCIATION, "LeadDev mentoring circle", _M.GROUP_MENTORING),
    _Person("Yuki Tanaka (田中 由紀)", "Design Lead", "Kumo Studio", "Tokyo", "Asia/Tokyo", ("UX research", "design systems"), _W.CONFERENCE, "Spoke after her talk at Config"),
    _Person("Саша Иванова", "Security Engineer", "Polar Secure", "Tallinn", "Europe/Tallinn", ("application security", "threat modelling"), _W.ONLINE_COMMUNITY, "OWASP chapter forum", _M.PEER_MENTOR),
    _Person("محمد الأحمد (Mohammed Al-Ahmad)", "Head of Infrastructure", "Sahara Pay", "Dubai", "Asia/Dubai", ("payments", "compliance", "incident response"), _W.WORK, "Partner team lead"),
    _Person("Liam O'Connell", "Junior Developer", "Lumen Health", "Dublin", "Europe/Dublin", ("Python", "testing"), _W.WORK, "Joined my team as a graduate", _M.MENTOR, _ME),
    _Person("Fatima Zahra Benali", "Data Engineer", "Atlas Mobility", "Casablanca", "Africa/Casablanca", ("data pipelines", "SQL"), _W.ALUMNI_NETWORK, "Alumni mentoring programme", _M.MENTOR, _ME),
    _Person("Hannah Schröder", "Chief People Officer", "Nordwerk", "Hamburg", "Europe/Berlin", ("career transitions", "executive presence"), _W.REFERRAL, "Recommended by my manager", _M.SPONSOR),
    _Person("Carlos Mendoza", "Staff Engineer", "Quetzal Bank", "Mexico City", "America/Mexico_City", ("API design", "technical writing"), _W.CONFERENCE, "PyCon US open space"),
    _Person("Grace Kim (김은혜)", "Senior Engineer", "Cobalt Cloud", "Seoul", "Asia/Seoul", ("Kubernetes", "mentoring juniors"), _W.WORK, "Paired on the scheduler rewrite", _M.REVERSE_MENTOR),
    _Person("Ayşe Yılmaz", "Engineering Director", "Boğaziçi Labs", "Istanbul", "Europe/Istanbul", ("scaling teams", "remote work"), _W.PROFESSIONAL_ASSOCIATION, "Women in Tech Istanbul"),
    _Person("Rafael Costa", "Founder", "Verde Ventures", "São Paulo", "America/Sao_Paulo", ("entrepreneurship", "pitching"), _W.ONLINE_COMMUNITY, "Indie Hackers meetup"),
    _Person("Siobhán Byrne", "Principal Consultant", "Clearwater Advisory", "Cork", "Europe/Dublin", ("consulting", "stakeholder management"), _W.REFERRAL, "Friend of a former colleague"),
    _Person("Dmitri Volkov", "Performance Engineer", "Tundra Games", "Helsinki", "Europe/Helsinki", ("profiling", "C++", "game engines"), _W.CONFERENCE, "Met at a Qt World Summit dinner"),
    _Person("Anjali Mehta", "Product Designer", "Lumen Health", "Pune", "Asia/Kolkata", ("accessibility", "prototyping"), _W.WORK, "Cross-team design review", _M.PEER_MENTOR),
    _Person("Tomás Ó Floinn", "Engineering Manager", "Harbor Logistics", "Galway", "Europe/Dublin", ("agile coaching", "estimation"), _W.WORK, "My first manager"),
    _Person("Leila Haddad", "Research Scientist", "Cedar AI", "Beirut", "Asia/Beirut", ("NLP", "academic writing"), _W.ALUMNI_NETWORK, "PhD alumni network"),
    _Person("Björn Lindqvist", "Open Source Maintainer", "Independent", "Gothenburg", "Europe/Stockholm", ("open source", "community building"), _W.ONLINE_COMMUNITY, "Reviewed my first pull request"),
    _Person("Chiara Bianchi", "Head of Product", "Vela Mobility", "Milan", "Europe/Rome", ("product-led growth", "pricing"), _W.CONFERENCE, "Panel at Web Summit"),
    _Person("Kwame Mensah", "Tech Lead", "Gold Coast Fintech", "Accra", "Africa/Accra", ("mobile development", "offline-first apps"), _W.ONLINE_COMMUNITY, "Flutter community call", _M.PEER_MENTOR),
    _Person("Élodie Marchand", "Agile Coach", "Orléans Digital", "Lyon", "Europe/Paris", ("facilitation", "retrospectives"), _W.PROFESSIONAL_ASSOCIATION, "Agile Alliance workshop", _M.GROUP_MENTORING),
    _Person("Nguyễn Thị Lan", "Intern", "Lumen Health", "Hanoi", "Asia/Ho_Chi_Minh", ("frontend", "React"), _W.WORK, "Summer internship programme", _M.MENTOR, _ME),
    _Person("Oliver Bennett", "Senior Vice President", "Cobalt Cloud", "Seattle", "America/Los_Angeles", ("executive leadership", "board communication"), _W.WORK, "Skip-level sponsor", _M.SPONSOR),
    _Person("Mei Lin Chua", "Staff Data Scientist", "Straits Analytics", "Singapore", "Asia/Singapore", ("experimentation", "causal inference"), _W.CONFERENCE, "Strata Data Singapore"),
    _Person("Rahul Verma", "Graduate Engineer", "Cobalt Cloud", "Hyderabad", "Asia/Kolkata", ("Go", "career planning"), _W.WORK, "Company mentoring scheme", _M.MENTOR, _ME),
    _Person("Sofia Rossi", "UX Writer", "Vela Mobility", "Turin", "Europe/Rome", ("content design", "plain language"), _W.ONLINE_COMMUNITY, "Content design Slack", _M.PEER_MENTOR),
    _Person("Jakub Nowak", "DevOps Lead", "Wisła Cloud", "Kraków", "Europe/Warsaw", ("CI/CD", "infrastructure as code"), _W.CONFERENCE, "DevOpsDays Kraków"),
    _Person("Aroha Ngata", "Programme Director", "Kōwhai Learning", "Wellington", "Pacific/Auckland", ("programme management", "indigenous data sovereignty"), _W.REFERRAL, "Introduced by Leila"),
    _Person("Ibrahim Diallo", "Software Engineer", "Harbor Logistics", "Dakar", "Africa/Dakar", ("Java", "system design interviews"), _W.ALUMNI_NETWORK, "Bootcamp alumni", _M.MENTOR, _ME),
    _Person("Eleanor Whitfield", "Non-executive Director", "Several boards", "Edinburgh", "Europe/London", ("governance", "strategy"), _W.PROFESSIONAL_ASSOCIATION, "Institute of Directors mentoring", _M.SPONSOR),
    _Person("Matías Fernández", "Engineering Manager", "Pampa Software", "Buenos Aires", "America/Argentina/Buenos_Aires", ("hiring", "career ladders"), _W.ONLINE_COMMUNITY, "Rands Leadership Slack", _M.PEER_MENTOR),
    _Person("Noa Levi", "Product Analyst", "Lumen Health", "Tel Aviv", "Asia/Jerusalem", ("analytics", "storytelling with data"), _W.WORK, "Asked me for career advice", _M.REVERSE_MENTOR, _ME),
    _Person("Aleksander Kowalczyk", "Principal Engineer", "Tessera Systems", "Warsaw", "Europe/Warsaw", ("databases", "SQLite internals"), _W.CONFERENCE, "SQLite forum meetup"),
    _Person("Thandiwe Dlamini", "COO", "Ubuntu Energy", "Johannesburg", "Africa/Johannesburg", ("operations", "leading through change"), _W.REFERRAL, "Introduced by Eleanor"),
    _Person("Pedro Gonçalves", "Staff Engineer", "Cobalt Cloud", "Lisbon", "Europe/Lisbon", ("Rust", "performance"), _W.WORK, "Same on-call rotation", _M.PEER_MENTOR),
)
# fmt: on

_TAGS = (
    "career",
    "leadership",
    "technical",
    "remote",
    "quarterly",
    "monthly",
    "alumni",
    "speaking",
    "writing",
    "long-term",
    "promotion",
    "startup",
)
_SMALL_INDEXES = (0, 1, 2, 5, 10, 12)


def _status_plan(size: SampleSize) -> list[MentorStatus]:
    """Older relationships have mostly concluded; the newest contacts are still prospects."""
    if size is SampleSize.SMALL:
        return [
            MentorStatus.CONCLUDED,
            MentorStatus.ACTIVE,
            MentorStatus.ACTIVE,
            MentorStatus.ACTIVE,
            MentorStatus.PAUSED,
            MentorStatus.PROSPECT,
        ]
    concluded = {0, 1, 3, 4, 6, 7, 9, 10, 12, 14, 16, 18, 20, 23, 27}
    paused = {13, 22, 29, 33}
    prospects = {36, 37, 38, 39}
    plan = []
    for index in range(len(_PEOPLE)):
        if index in concluded:
            plan.append(MentorStatus.CONCLUDED)
        elif index in paused:
            plan.append(MentorStatus.PAUSED)
        elif index in prospects:
            plan.append(MentorStatus.PROSPECT)
        else:
            plan.append(MentorStatus.ACTIVE)
    return plan


def _email(name: str, organization: str) -> str:
    ascii_name = "".join(c for c in name.split("(")[-1].lower() if c.isascii() and c.isalpha())
    domain = "".join(c for c in organization.lower() if c.isascii() and c.isalnum()) or "mail"
    return f"{ascii_name[:12] or 'mentor'}@{domain}.example"


def sample_mentors(size: SampleSize, today: date | None = None) -> list[MentorFields]:
    """The sample mentor cards, oldest relationship first."""
    today = today or date.today()
    rng = random.Random(20261122)
    people = [_PEOPLE[i] for i in _SMALL_INDEXES] if size is SampleSize.SMALL else list(_PEOPLE)
    statuses = _status_plan(size)
    decade_start = today - timedelta(days=365 * 10)
    result: list[MentorFields] = []
    for index, (person, status) in enumerate(zip(people, statuses, strict=True)):
        span_days = 365 * 10 if size is SampleSize.DECADE else 365 * 3
        offset = int(span_days * index / len(people)) + rng.randint(0, 60)
        started = decade_start if size is SampleSize.DECADE else today - timedelta(days=span_days)
        started_on: date | None = started + timedelta(days=offset)
        ended_on = None
        if status is MentorStatus.CONCLUDED:
            assert started_on is not None
            ended_on = min(today, started_on + timedelta(days=rng.randint(180, 900)))
        if status is MentorStatus.PROSPECT:
            started_on = None
        first = person.name.split(" ")[0]
        result.append(
            MentorFields(
                name=person.name,
                title=person.title,
                organization=person.organization,
                email=_email(person.name, person.organization),
                phone=f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                profile_url=f"https://profiles.example/{_email(person.name, 'x').split('@')[0]}",
                location=person.location,
                time_zone=person.time_zone,
                met_via=person.met_via,
                met_detail=person.met_detail,
                expertise=person.expertise,
                tags=tuple(rng.sample(_TAGS, rng.randint(1, 3))),
                kind=person.kind,
                direction=person.direction,
                status=status,
                started_on=started_on,
                ended_on=ended_on,
                preferred_channel=rng.choice(list(Channel)),
                notes=(
                    f"{first} prefers short agendas sent a day ahead.\n"
                    f"Strongest on {person.expertise[0]}; ask about {person.expertise[-1]}."
                ),
            )
        )
    return result


def holds_data(location: DataLocation) -> bool:
    """Whether the data folder's database holds anything a person entered. Read-only."""
    inspection = inspect_schema(location.database)
    if inspection.state is SchemaState.MISSING:
        return False
    if inspection.state is SchemaState.NEWER:
        assert inspection.revision is not None
        raise NewerDatabaseError(location.database, inspection.revision, __version__)
    return has_rows(location.database, "mentor")


# Whose notebook the sample is: named as the author of its summaries, and known by its
# addresses so a calendar import does not take its owner for a mentor.
SAMPLE_OWNER = PersonalSettings(
    your_name="Robin Castellanos",
    your_emails=("robin@castellanos.example", "r.castellanos@lumenhealth.example"),
)


def load_sample_data(services: Services, size: SampleSize, today: date | None = None) -> int:
    """Add the sample data set to an empty database, all at once or not at all.

    Returns how many mentors were added; refuses a database that already holds data.
    """
    if services.mentors.count() or services.goals.count() or services.skills.list_all():
        raise DomainError("Sample data only goes into an empty database; this one holds data.")
    today = today or date.today()
    with services.in_one_transaction() as shared:
        added = _store_sample(shared, size, today)
    log.info("loaded the %s sample: %d mentors", size.value, added)
    return added


def _store_sample(services: Services, size: SampleSize, today: date) -> int:
    decade = size is SampleSize.DECADE
    services.mentors.create_many(sample_mentors(size, today))
    mentors = services.mentors.list_all()
    services.skills.create_many(sample_skills(mentors, today, decade=decade))
    skill_ids = {skill.name: skill.id for skill in services.skills.list_all()}
    for goal in sample_goals(mentors, today, decade=decade):
        created = services.goals.create(
            goal.fields,
            mentor_ids=goal.mentor_ids,
            skill_ids={skill_ids[name] for name in goal.skill_names if name in skill_ids},
            milestones=goal.milestones,
        )
        for note in goal.notes:
            services.goals.add_note(created.id, note)
    load_sample_agreements(services, today, decade=decade)
    load_sample_meetings(services, today, decade=decade)
    if services.settings.read() == PersonalSettings():  # never overwrite the person's own
        services.settings.save(SAMPLE_OWNER)
    return len(mentors)
