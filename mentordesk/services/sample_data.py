"""Realistic sample data for trying the app, for the screenshots and for the benchmarks.

"small" is a handful of relationships; "decade" is ten years of one person's mentoring life
at full scale; "huge" is ten times the decade over twenty years, with a large network imported
from LinkedIn (the scale the list views are benchmarked at). Generated deterministically,
relative to a reference date (today by default).
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
from mentordesk.domain.validation import DomainError, fold
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.goals import NewGoal
from mentordesk.services.sample_agreements import load_sample_agreements
from mentordesk.services.sample_gratitude import load_sample_gratitude
from mentordesk.services.sample_growth import sample_goals, sample_skills
from mentordesk.services.sample_meetings import load_sample_meetings

log = logging.getLogger(__name__)


class SampleSize(StrEnum):
    SMALL = "small"
    DECADE = "decade"
    HUGE = "huge"


# The huge set: ten times the decade's relationships, goals, skills and meetings, over twenty
# years, and a network of LinkedIn connections (prospects) on top.
HUGE_TIMES = 10
HUGE_YEARS = 20
HUGE_RELATIONSHIPS = 400
HUGE_PROSPECTS = 2_000
_YEARS = {SampleSize.SMALL: 3, SampleSize.DECADE: 10, SampleSize.HUGE: HUGE_YEARS}


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
    notes: str | None = None  # None: the usual note from their expertise
    address: str = ""  # the local part of their made-up addresses (else from the name)


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
    """The sample mentor cards, oldest relationship first (for "huge", the LinkedIn
    connections follow, in the order of the export)."""
    today = today or date.today()
    rng = random.Random(20261122)
    network = _Network(today) if size is SampleSize.HUGE else None
    if network is not None:
        people = network.people(HUGE_RELATIONSHIPS)
        statuses = _network_status_plan(len(people), random.Random(1618))
    else:
        people = [_PEOPLE[i] for i in _SMALL_INDEXES] if size is SampleSize.SMALL else list(_PEOPLE)
        statuses = _status_plan(size)
    span_days = 365 * _YEARS[size]
    started = today - timedelta(days=span_days)
    result: list[MentorFields] = []
    for index, (person, status) in enumerate(zip(people, statuses, strict=True)):
        offset = int(span_days * index / len(people)) + rng.randint(0, 60)
        started_on: date | None = started + timedelta(days=offset)
        ended_on = None
        if status is MentorStatus.CONCLUDED:
            assert started_on is not None
            ended_on = min(today, started_on + timedelta(days=rng.randint(180, 900)))
            if network is not None and ended_on == today:  # not all on the same day
                ended_on = today - timedelta(days=network.rng.randint(7, 45))
        if status is MentorStatus.PROSPECT:
            started_on = None
        result.append(_card(person, status, started_on, ended_on, rng))
    if network is not None:
        result += network.connections(HUGE_PROSPECTS)
    return result


def _card(
    person: _Person,
    status: MentorStatus,
    started_on: date | None,
    ended_on: date | None,
    rng: random.Random,
) -> MentorFields:
    first = person.name.split(" ")[0]
    if person.address:
        email = f"{person.address}@{_domain(person.organization)}.example"
        profile = person.address.replace(".", "-")
    else:
        email = _email(person.name, person.organization)
        profile = _email(person.name, "x").split("@")[0]
    notes = person.notes
    if notes is None:
        notes = (
            f"{first} prefers short agendas sent a day ahead.\n"
            f"Strongest on {person.expertise[0]}; ask about {person.expertise[-1]}."
        )
    return MentorFields(
        name=person.name,
        title=person.title,
        organization=person.organization,
        email=email,
        phone=f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        profile_url=f"https://profiles.example/{profile}",
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
        notes=notes,
    )


# --- the huge set: twenty years of relationships and a large imported LinkedIn network ------
# Names are drawn per culture (given names by gender, family names with their feminine form
# after a slash where the language has one, "Latin|native" where the script is not Latin),
# so the network has many distinct people and reads like a real one.


@dataclass(frozen=True)
class _Culture:
    weight: float
    women: tuple[str, ...]
    men: tuple[str, ...]
    families: tuple[str, ...]
    cities: tuple[str, ...]
    family_first: bool = False  # the native form puts the family name first
    joined: bool = False  # ... and writes it without a space (Chinese, Korean)


# fmt: off
_CULTURES: tuple[_Culture, ...] = (
    _Culture(14, ("Emma", "Olivia", "Sarah", "Rachel", "Hannah", "Megan", "Laura", "Katie", "Jessica", "Emily", "Charlotte", "Lucy", "Claire", "Natalie", "Rebecca", "Amy", "Chloe", "Abigail", "Victoria", "Holly", "Sophie", "Ella", "Isabel", "Jennifer", "Kate", "Lauren", "Melissa", "Naomi", "Phoebe", "Rosie", "Samantha", "Tessa", "Zoe", "Harriet", "Eleanor", "Imogen", "Fiona", "Bethany", "Georgia", "Danielle"),
             ("James", "Daniel", "Matthew", "Tom", "Michael", "David", "Andrew", "Chris", "Ben", "Sam", "Jack", "Ryan", "Adam", "Peter", "Mark", "Luke", "Nathan", "Gareth", "Simon", "Alistair", "William", "Harry", "George", "Oscar", "Edward", "Joseph", "Kevin", "Brian", "Scott", "Jason", "Eric", "Patrick", "Jonathan", "Richard", "Steven", "Ethan", "Noah", "Owen", "Callum", "Rory"),
             ("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Mitchell", "Campbell", "Stewart", "Anderson", "Cooper", "Fletcher", "Hayes", "Parker", "Reid", "Morgan", "Price", "Jenkins", "Turner", "Hill", "Scott", "Moore", "King", "Baker", "Adams", "Collins", "Bell", "Ward", "Cox", "Richardson", "Watson", "Gray", "Bailey", "Foster", "Russell", "Palmer", "Graham", "Ellis"),
             ("London", "Manchester", "Bristol", "Edinburgh", "New York", "San Francisco", "Seattle", "Boston", "Austin", "Chicago", "Toronto", "Sydney", "Melbourne", "Denver")),
    _Culture(7, ("María", "Lucía", "Carmen", "Sofía", "Elena", "Paula", "Marta", "Isabel", "Valentina", "Camila", "Ximena", "Daniela", "Andrea", "Inés", "Alba", "Claudia", "Natalia", "Gabriela", "Rocío", "Pilar", "Montserrat", "Verónica"),
             ("Javier", "Alejandro", "Diego", "Pablo", "Sergio", "Andrés", "Miguel", "Álvaro", "Santiago", "Mateo", "Joaquín", "Iván", "Raúl", "Héctor", "Carlos", "Fernando", "Jorge", "Manuel", "Ricardo", "Gonzalo", "Emilio", "Nicolás"),
             ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz", "Muñoz", "Hernández", "Jiménez", "Ruiz", "Romero", "Navarro", "Ortega", "Castillo", "Vargas", "Rojas", "Morales", "Peña", "Núñez", "Ibáñez"),
             ("Madrid", "Barcelona", "Valencia", "Seville", "Mexico City", "Guadalajara", "Bogotá", "Medellín", "Santiago", "Buenos Aires", "Lima", "Montevideo")),
    _Culture(5, ("Ana", "Beatriz", "Mariana", "Juliana", "Fernanda", "Larissa", "Inês", "Joana", "Letícia", "Luíza", "Gabriela", "Carolina", "Rita", "Sofia"),
             ("João", "Pedro", "Lucas", "Gabriel", "Thiago", "Bruno", "Gonçalo", "Tiago", "André", "Vinícius", "Rafael", "Miguel", "Diogo", "Rodrigo"),
             ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Carvalho", "Almeida", "Ribeiro", "Rodrigues", "Ferreira", "Araújo", "Barbosa", "Lima", "Magalhães", "Conceição"),
             ("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Porto Alegre", "Recife", "Florianópolis", "Lisbon", "Porto")),
    _Culture(4, ("Camille", "Léa", "Chloé", "Manon", "Juliette", "Élise", "Margaux", "Aurélie", "Céline", "Hélène", "Noémie", "Amélie"),
             ("Julien", "Thomas", "Nicolas", "Antoine", "Maxime", "Guillaume", "Étienne", "François", "Loïc", "Mathieu", "Sébastien", "Jérôme"),
             ("Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fournier", "Mercier", "Lemaire", "Faure", "Chevalier", "Gauthier", "Bélanger", "Lévesque"),
             ("Paris", "Lyon", "Toulouse", "Nantes", "Bordeaux", "Lille", "Montréal", "Brussels", "Geneva")),
    _Culture(5, ("Anna", "Lena", "Katharina", "Julia", "Sophie", "Miriam", "Jana", "Franziska", "Sabine", "Birgit", "Ulrike", "Annika", "Johanna", "Clara", "Hanna", "Marlene", "Greta", "Ute"),
             ("Lukas", "Felix", "Jonas", "Maximilian", "Tobias", "Florian", "Stefan", "Matthias", "Jörg", "Jürgen", "Sebastian", "Moritz", "Jan", "Niklas", "Paul", "Dirk", "Uwe", "Björn"),
             ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Wolf", "Schäfer", "Krüger", "Zimmermann", "Braun", "Hartmann", "Lange", "Weiß", "Köhler", "Gruber"),
             ("Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Vienna", "Zurich")),
    _Culture(3, ("Ingrid", "Astrid", "Sigrid", "Freja", "Maja", "Linnéa", "Elin", "Sanna", "Aino", "Liv", "Ebba", "Karin"),
             ("Erik", "Lars", "Magnus", "Anders", "Henrik", "Mikael", "Sören", "Mattias", "Oskar", "Jukka", "Mikko", "Øystein"),
             ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindberg", "Holm", "Sørensen", "Jensen", "Nielsen", "Hansen", "Pedersen", "Virtanen", "Korhonen", "Mäkinen", "Haugen", "Dahl", "Lindström", "Öberg", "Åkesson"),
             ("Stockholm", "Gothenburg", "Copenhagen", "Aarhus", "Oslo", "Bergen", "Helsinki", "Tampere", "Reykjavík")),
    _Culture(3, ("Giulia", "Francesca", "Chiara", "Martina", "Alessia", "Federica", "Elisa", "Silvia", "Beatrice", "Ilaria"),
             ("Marco", "Luca", "Matteo", "Alessandro", "Davide", "Lorenzo", "Simone", "Stefano", "Niccolò", "Fabrizio"),
             ("Rossi", "Russo", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Gallo", "Conti", "De Luca", "Mancini", "Giordano", "Lombardi", "Moretti", "Barbieri", "Fontana"),
             ("Milan", "Rome", "Turin", "Bologna", "Florence", "Naples")),
    _Culture(3, ("Agnieszka", "Katarzyna", "Małgorzata", "Magdalena", "Joanna", "Zofia", "Aleksandra", "Weronika", "Ewa", "Dorota"),
             ("Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz", "Wojciech", "Jakub"),
             ("Kowalski/Kowalska", "Wiśniewski/Wiśniewska", "Wójcik", "Kamiński/Kamińska", "Lewandowski/Lewandowska", "Zieliński/Zielińska", "Szymański/Szymańska", "Woźniak", "Dąbrowski/Dąbrowska", "Kozłowski/Kozłowska", "Mazur", "Krawczyk", "Grabowski/Grabowska"),
             ("Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź")),
    _Culture(1.5, ("Tereza", "Lucie", "Kateřina", "Veronika", "Petra", "Zuzana", "Barbora", "Markéta"),
             ("Jan", "Petr", "Tomáš", "Jiří", "Ondřej", "Lukáš", "Vojtěch", "Radek"),
             ("Novák/Nováková", "Svoboda/Svobodová", "Dvořák/Dvořáková", "Černý/Černá", "Procházka/Procházková", "Kučera/Kučerová", "Veselý/Veselá", "Horák/Horáková", "Němec/Němcová"),
             ("Prague", "Brno", "Bratislava", "Ostrava")),
    _Culture(3, ("Anna|Анна", "Olga|Ольга", "Natalia|Наталья", "Ekaterina|Екатерина", "Irina|Ирина", "Svetlana|Светлана", "Yulia|Юлия", "Daria|Дарья", "Oksana|Оксана", "Tetiana|Тетяна"),
             ("Alexei|Алексей", "Dmitry|Дмитрий", "Sergei|Сергей", "Andrei|Андрей", "Mikhail|Михаил", "Ivan|Иван", "Nikolai|Николай", "Oleksandr|Олександр", "Taras|Тарас", "Yuri|Юрий"),
             ("Ivanov/Ivanova|Иванов/Иванова", "Petrov/Petrova|Петров/Петрова", "Smirnov/Smirnova|Смирнов/Смирнова", "Kuznetsov/Kuznetsova|Кузнецов/Кузнецова", "Sokolov/Sokolova|Соколов/Соколова", "Morozov/Morozova|Морозов/Морозова", "Lebedev/Lebedeva|Лебедев/Лебедева", "Shevchenko|Шевченко", "Kovalenko|Коваленко", "Bondarenko|Бондаренко", "Melnyk|Мельник"),
             ("Kyiv", "Lviv", "Tallinn", "Riga", "Vilnius", "Tbilisi", "Almaty", "Berlin", "Helsinki")),
    _Culture(1.5, ("Maria|Μαρία", "Eleni|Ελένη", "Katerina|Κατερίνα", "Sofia|Σοφία", "Dimitra|Δήμητρα", "Georgia|Γεωργία"),
             ("Giorgos|Γιώργος", "Nikos|Νίκος", "Dimitris|Δημήτρης", "Kostas|Κώστας", "Yannis|Γιάννης", "Alexandros|Αλέξανδρος"),
             ("Papadopoulos/Papadopoulou|Παπαδόπουλος/Παπαδοπούλου", "Georgiou|Γεωργίου", "Nikolaidis/Nikolaidou|Νικολαΐδης/Νικολαΐδου", "Konstantinou|Κωνσταντίνου", "Papadakis/Papadaki|Παπαδάκης/Παπαδάκη", "Vlachos/Vlachou|Βλάχος/Βλάχου", "Oikonomou|Οικονόμου"),
             ("Athens", "Thessaloniki", "Nicosia")),
    _Culture(2, ("Ayşe", "Elif", "Zeynep", "Merve", "Büşra", "Özge", "Derya", "Selin"),
             ("Mehmet", "Mustafa", "Emre", "Burak", "Can", "Oğuz", "Serkan", "Barış", "Cem"),
             ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Koç", "Kurt"),
             ("Istanbul", "Ankara", "Izmir", "Berlin")),
    _Culture(3, ("Fatima|فاطمة", "Layla|ليلى", "Nour|نور", "Mariam|مريم", "Aisha|عائشة", "Rania|رانيا", "Salma|سلمى", "Hala|هالة"),
             ("Mohammed|محمد", "Ahmed|أحمد", "Omar|عمر", "Youssef|يوسف", "Khalid|خالد", "Hassan|حسن", "Karim|كريم", "Tariq|طارق"),
             ("Al-Ahmad|الأحمد", "Haddad|حداد", "Khoury|خوري", "Mansour|منصور", "Saleh|صالح", "Nasser|ناصر", "Hamdan|حمدان", "Al-Farsi|الفارسي", "Aziz|عزيز", "Ibrahim|إبراهيم"),
             ("Dubai", "Abu Dhabi", "Riyadh", "Doha", "Amman", "Beirut", "Cairo", "Casablanca", "Tunis")),
    _Culture(1.5, ("Noa|נועה", "Tamar|תמר", "Maya|מאיה", "Yael|יעל", "Shira|שירה"),
             ("Yonatan|יונתן", "Itai|איתי", "Omer|עומר", "Noam|נועם", "Eitan|איתן"),
             ("Cohen|כהן", "Levi|לוי", "Mizrahi|מזרחי", "Peretz|פרץ", "Biton|ביטון", "Friedman|פרידמן", "Shapiro|שפירו", "Katz|כץ"),
             ("Tel Aviv", "Haifa", "Jerusalem")),
    _Culture(10, ("Priya", "Ananya", "Kavya", "Divya", "Sneha", "Pooja", "Aishwarya", "Meera", "Lakshmi", "Shreya", "Nandini", "Aditi", "Ishita", "Deepa", "Anjali", "Bhavna", "Chitra", "Gayatri", "Harini", "Jyoti", "Kriti", "Madhuri", "Neha", "Pallavi", "Radhika", "Sakshi", "Tanvi", "Uma", "Vidya", "Swati"),
             ("Arjun", "Rohan", "Vikram", "Aditya", "Karthik", "Siddharth", "Rahul", "Amit", "Sanjay", "Varun", "Nikhil", "Harish", "Abhishek", "Suresh", "Akash", "Deepak", "Gaurav", "Hemant", "Karan", "Manish", "Naveen", "Pranav", "Rajesh", "Sameer", "Tarun", "Vivek", "Yash", "Anand", "Ravi", "Kunal"),
             ("Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Menon", "Rao", "Desai", "Chatterjee", "Banerjee", "Mukherjee", "Krishnan", "Subramanian", "Joshi", "Kulkarni", "Pillai", "Agarwal", "Bhat", "Chopra", "Malhotra", "Saxena", "Bose", "Das", "Ghosh", "Hegde", "Shetty", "Verma", "Mishra"),
             ("Bengaluru", "Hyderabad", "Pune", "Chennai", "Mumbai", "Delhi", "Gurugram", "Kolkata", "London", "San Francisco", "Toronto")),
    _Culture(7, ("Fang|芳", "Li|丽", "Jing|静", "Min|敏", "Yan|燕", "Xiaoling|晓玲", "Hui|慧", "Ying|颖", "Lan|兰", "Xin|欣", "Yue|月", "Qing|青", "Mei|梅", "Na|娜", "Ting|婷", "Xue|雪", "Wen|雯"),
             ("Wei|伟", "Lei|磊", "Jun|军", "Hao|浩", "Tao|涛", "Qiang|强", "Yang|洋", "Jie|杰", "Ming|明", "Zhiwei|志伟", "Bo|波", "Gang|刚", "Peng|鹏", "Chao|超", "Bin|斌", "Feng|峰", "Long|龙", "Kai|凯"),
             ("Wang|王", "Li|李", "Zhang|张", "Liu|刘", "Chen|陈", "Yang|杨", "Huang|黄", "Zhao|赵", "Wu|吴", "Zhou|周", "Xu|徐", "Sun|孙", "Ma|马", "Zhu|朱", "Hu|胡", "Lin|林", "Guo|郭", "He|何"),
             ("Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Guangzhou", "Chengdu", "Taipei", "Hong Kong", "Singapore", "Vancouver", "San Francisco"),
             family_first=True, joined=True),
    _Culture(3, ("Yuki|由紀", "Haruka|遥", "Aya|彩", "Sakura|さくら", "Yui|結衣", "Mai|麻衣", "Naoko|直子", "Emi|恵美"),
             ("Hiroshi|浩", "Takeshi|健", "Kenji|健二", "Daisuke|大輔", "Shota|翔太", "Ryo|亮", "Yusuke|祐介", "Kazuki|一輝"),
             ("Tanaka|田中", "Suzuki|鈴木", "Takahashi|高橋", "Watanabe|渡辺", "Ito|伊藤", "Yamamoto|山本", "Nakamura|中村", "Kobayashi|小林", "Kato|加藤", "Yoshida|吉田", "Sato|佐藤", "Matsumoto|松本", "Inoue|井上", "Kimura|木村"),
             ("Tokyo", "Osaka", "Kyoto", "Fukuoka"), family_first=True),
    _Culture(2, ("Ji-yeon|지연", "Min-ji|민지", "Seo-yeon|서연", "Eun-hye|은혜", "Soo-jin|수진", "Hye-won|혜원"),
             ("Min-jun|민준", "Ji-hoon|지훈", "Hyun-woo|현우", "Seung-ho|승호", "Dong-hyun|동현", "Jae-won|재원"),
             ("Kim|김", "Lee|이", "Park|박", "Choi|최", "Jung|정", "Kang|강", "Cho|조", "Yoon|윤", "Jang|장", "Lim|임", "Han|한", "Shin|신"),
             ("Seoul", "Busan", "Seoul"), family_first=True, joined=True),
    _Culture(2, ("Lan", "Hương", "Linh", "Thảo", "Trang", "Ngọc", "Mai", "Hà"),
             ("Minh", "Tuấn", "Hùng", "Dũng", "Quang", "Khoa", "Huy", "Long"),
             ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"),
             ("Hanoi", "Ho Chi Minh City", "Da Nang"), family_first=True),
    _Culture(3, ("Ngozi", "Chiamaka", "Adaeze", "Funmilayo", "Folake", "Amina", "Yetunde", "Abena", "Akosua", "Efua", "Aïssatou", "Fatou"),
             ("Chinedu", "Emeka", "Oluwaseun", "Tunde", "Babajide", "Ifeanyi", "Kwame", "Kofi", "Yaw", "Moussa", "Ibrahima", "Mamadou"),
             ("Okafor", "Adeyemi", "Okonkwo", "Adébáyọ̀", "Eze", "Balogun", "Nwosu", "Olawale", "Mensah", "Boateng", "Asante", "Owusu", "Diallo", "Ndiaye", "Traoré", "Sow", "Bello", "Abubakar"),
             ("Lagos", "Abuja", "Accra", "Kumasi", "Dakar", "Abidjan", "London")),
    _Culture(2.5, ("Wanjiru", "Achieng", "Amani", "Thandiwe", "Nomvula", "Lindiwe", "Zanele", "Naledi", "Aster", "Selam"),
             ("Kamau", "Otieno", "Baraka", "Sipho", "Thabo", "Mandla", "Lwazi", "Tendai", "Dawit", "Tesfaye"),
             ("Mwangi", "Odhiambo", "Njoroge", "Kiplagat", "Dlamini", "Nkosi", "Ndlovu", "Khumalo", "Mokoena", "Moyo", "Bekele", "Tadesse", "Haile"),
             ("Nairobi", "Kampala", "Kigali", "Johannesburg", "Cape Town", "Durban", "Addis Ababa", "Harare")),
    _Culture(2.5, ("Sanne", "Lotte", "Fleur", "Anouk", "Eva", "Femke", "Marieke", "Lieke"),
             ("Daan", "Bram", "Sander", "Joost", "Pieter", "Ruben", "Thijs", "Wouter"),
             ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Peeters", "Janssens", "Maes"),
             ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Antwerp", "Ghent")),
    _Culture(3, ("Putri", "Ayu", "Siti", "Dewi", "Angelica", "Nurul", "Kristine", "Ploy", "Nicha"),
             ("Budi", "Agus", "Rizky", "Arief", "Paolo", "Aziz", "Jericho", "Somchai", "Nattapong"),
             ("Santoso", "Wijaya", "Pratama", "Hidayat", "Kusuma", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Tan", "Lim", "Abdullah", "Rahman", "Wongsawat", "Chaiyaporn"),
             ("Jakarta", "Bandung", "Manila", "Cebu", "Kuala Lumpur", "Bangkok", "Singapore")),
    _Culture(2, ("Siobhán", "Aoife", "Niamh", "Saoirse", "Caoimhe", "Róisín", "Orla", "Sinéad"),
             ("Seán", "Pádraig", "Cian", "Oisín", "Eoin", "Ciarán", "Darragh", "Tadhg"),
             ("Byrne", "Kelly", "Walsh", "Ryan", "O'Sullivan", "McCarthy", "Doyle", "Gallagher", "Ó Briain", "Mac Giolla", "Ó Súilleabháin", "Fitzgerald"),
             ("Dublin", "Cork", "Galway", "Limerick", "Belfast")),
    _Culture(2, ("Katalin", "Zsófia", "Réka", "Ioana", "Andreea", "Milica", "Jelena", "Ivana"),
             ("Bence", "Gábor", "Zoltán", "András", "Mihai", "Ștefan", "Nikola", "Marko", "Luka"),
             ("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Popescu", "Ionescu", "Dumitru", "Jovanović", "Petrović", "Nikolić", "Kovačević", "Marić"),
             ("Budapest", "Bucharest", "Cluj-Napoca", "Belgrade", "Zagreb", "Ljubljana", "Sofia")),
    _Culture(2.5, ("Sara", "Zahra", "Maryam", "Ayesha", "Fatemeh", "Sana", "Nadia", "Farzana"),
             ("Ali", "Reza", "Amir", "Hamid", "Imran", "Bilal", "Usman", "Farhan", "Arash"),
             ("Hosseini", "Rahimi", "Ahmadi", "Karimi", "Tehrani", "Khan", "Qureshi", "Malik", "Chaudhry", "Siddiqui", "Hossain", "Chowdhury"),
             ("Tehran", "Karachi", "Lahore", "Islamabad", "Dhaka", "Toronto", "London")),
)

_ZONES = {
    "London": "Europe/London", "Manchester": "Europe/London", "Bristol": "Europe/London", "Edinburgh": "Europe/London", "Belfast": "Europe/London",
    "Dublin": "Europe/Dublin", "Cork": "Europe/Dublin", "Galway": "Europe/Dublin", "Limerick": "Europe/Dublin",
    "New York": "America/New_York", "Boston": "America/New_York", "Toronto": "America/Toronto", "Montréal": "America/Toronto",
    "Chicago": "America/Chicago", "Austin": "America/Chicago", "Denver": "America/Denver",
    "San Francisco": "America/Los_Angeles", "Seattle": "America/Los_Angeles", "Vancouver": "America/Vancouver",
    "Sydney": "Australia/Sydney", "Melbourne": "Australia/Melbourne",
    "Madrid": "Europe/Madrid", "Barcelona": "Europe/Madrid", "Valencia": "Europe/Madrid", "Seville": "Europe/Madrid",
    "Mexico City": "America/Mexico_City", "Guadalajara": "America/Mexico_City", "Bogotá": "America/Bogota", "Medellín": "America/Bogota",
    "Santiago": "America/Santiago", "Buenos Aires": "America/Argentina/Buenos_Aires", "Lima": "America/Lima", "Montevideo": "America/Montevideo",
    "São Paulo": "America/Sao_Paulo", "Rio de Janeiro": "America/Sao_Paulo", "Belo Horizonte": "America/Sao_Paulo", "Porto Alegre": "America/Sao_Paulo",
    "Recife": "America/Recife", "Florianópolis": "America/Sao_Paulo", "Lisbon": "Europe/Lisbon", "Porto": "Europe/Lisbon",
    "Paris": "Europe/Paris", "Lyon": "Europe/Paris", "Toulouse": "Europe/Paris", "Nantes": "Europe/Paris", "Bordeaux": "Europe/Paris", "Lille": "Europe/Paris",
    "Brussels": "Europe/Brussels", "Antwerp": "Europe/Brussels", "Ghent": "Europe/Brussels", "Geneva": "Europe/Zurich", "Zurich": "Europe/Zurich",
    "Berlin": "Europe/Berlin", "Munich": "Europe/Berlin", "Hamburg": "Europe/Berlin", "Frankfurt": "Europe/Berlin", "Cologne": "Europe/Berlin", "Stuttgart": "Europe/Berlin",
    "Vienna": "Europe/Vienna", "Amsterdam": "Europe/Amsterdam", "Rotterdam": "Europe/Amsterdam", "Utrecht": "Europe/Amsterdam", "Eindhoven": "Europe/Amsterdam",
    "Stockholm": "Europe/Stockholm", "Gothenburg": "Europe/Stockholm", "Copenhagen": "Europe/Copenhagen", "Aarhus": "Europe/Copenhagen",
    "Oslo": "Europe/Oslo", "Bergen": "Europe/Oslo", "Helsinki": "Europe/Helsinki", "Tampere": "Europe/Helsinki", "Reykjavík": "Atlantic/Reykjavik",
    "Milan": "Europe/Rome", "Rome": "Europe/Rome", "Turin": "Europe/Rome", "Bologna": "Europe/Rome", "Florence": "Europe/Rome", "Naples": "Europe/Rome",
    "Warsaw": "Europe/Warsaw", "Kraków": "Europe/Warsaw", "Wrocław": "Europe/Warsaw", "Gdańsk": "Europe/Warsaw", "Poznań": "Europe/Warsaw", "Łódź": "Europe/Warsaw",
    "Prague": "Europe/Prague", "Brno": "Europe/Prague", "Ostrava": "Europe/Prague", "Bratislava": "Europe/Bratislava",
    "Kyiv": "Europe/Kyiv", "Lviv": "Europe/Kyiv", "Tallinn": "Europe/Tallinn", "Riga": "Europe/Riga", "Vilnius": "Europe/Vilnius",
    "Tbilisi": "Asia/Tbilisi", "Almaty": "Asia/Almaty", "Athens": "Europe/Athens", "Thessaloniki": "Europe/Athens", "Nicosia": "Asia/Nicosia",
    "Istanbul": "Europe/Istanbul", "Ankara": "Europe/Istanbul", "Izmir": "Europe/Istanbul",
    "Dubai": "Asia/Dubai", "Abu Dhabi": "Asia/Dubai", "Riyadh": "Asia/Riyadh", "Doha": "Asia/Qatar", "Amman": "Asia/Amman", "Beirut": "Asia/Beirut",
    "Cairo": "Africa/Cairo", "Casablanca": "Africa/Casablanca", "Tunis": "Africa/Tunis",
    "Tel Aviv": "Asia/Jerusalem", "Haifa": "Asia/Jerusalem", "Jerusalem": "Asia/Jerusalem",
    "Bengaluru": "Asia/Kolkata", "Hyderabad": "Asia/Kolkata", "Pune": "Asia/Kolkata", "Chennai": "Asia/Kolkata", "Mumbai": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata", "Gurugram": "Asia/Kolkata", "Kolkata": "Asia/Kolkata",
    "Shanghai": "Asia/Shanghai", "Beijing": "Asia/Shanghai", "Shenzhen": "Asia/Shanghai", "Hangzhou": "Asia/Shanghai", "Guangzhou": "Asia/Shanghai", "Chengdu": "Asia/Shanghai",
    "Taipei": "Asia/Taipei", "Hong Kong": "Asia/Hong_Kong", "Singapore": "Asia/Singapore",
    "Tokyo": "Asia/Tokyo", "Osaka": "Asia/Tokyo", "Kyoto": "Asia/Tokyo", "Fukuoka": "Asia/Tokyo", "Seoul": "Asia/Seoul", "Busan": "Asia/Seoul",
    "Hanoi": "Asia/Ho_Chi_Minh", "Ho Chi Minh City": "Asia/Ho_Chi_Minh", "Da Nang": "Asia/Ho_Chi_Minh",
    "Lagos": "Africa/Lagos", "Abuja": "Africa/Lagos", "Accra": "Africa/Accra", "Kumasi": "Africa/Accra", "Dakar": "Africa/Dakar", "Abidjan": "Africa/Abidjan",
    "Nairobi": "Africa/Nairobi", "Kampala": "Africa/Kampala", "Kigali": "Africa/Kigali", "Addis Ababa": "Africa/Addis_Ababa", "Harare": "Africa/Harare",
    "Johannesburg": "Africa/Johannesburg", "Cape Town": "Africa/Johannesburg", "Durban": "Africa/Johannesburg",
    "Jakarta": "Asia/Jakarta", "Bandung": "Asia/Jakarta", "Manila": "Asia/Manila", "Cebu": "Asia/Manila", "Kuala Lumpur": "Asia/Kuala_Lumpur", "Bangkok": "Asia/Bangkok",
    "Budapest": "Europe/Budapest", "Bucharest": "Europe/Bucharest", "Cluj-Napoca": "Europe/Bucharest", "Belgrade": "Europe/Belgrade",
    "Zagreb": "Europe/Zagreb", "Ljubljana": "Europe/Ljubljana", "Sofia": "Europe/Sofia",
    "Tehran": "Asia/Tehran", "Karachi": "Asia/Karachi", "Lahore": "Asia/Karachi", "Islamabad": "Asia/Karachi", "Dhaka": "Asia/Dhaka",
}

# What a person does: titles from junior to senior (the first few are people I mentor), and
# the areas of expertise that go with them.
_FIELDS_OF_WORK: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("Junior Developer", "Graduate Engineer", "Software Engineer", "Backend Engineer", "Frontend Developer", "Mobile Engineer", "Senior Software Engineer", "Site Reliability Engineer", "Platform Engineer", "DevOps Lead", "Tech Lead", "Staff Engineer", "Principal Engineer", "Solutions Architect", "Engineering Manager", "Senior Engineering Manager", "Director of Engineering", "VP Engineering", "CTO"),
     ("distributed systems", "Python", "Go", "Rust", "Java", "TypeScript", "Kubernetes", "observability", "API design", "system design interviews", "testing", "code review", "performance", "databases", "cloud cost", "incident response", "mobile development", "frontend architecture", "on-call", "technical writing", "open source", "career ladders", "hiring", "architecture reviews", "legacy migrations", "CI/CD", "infrastructure as code", "SRE", "engineering leadership", "scaling teams")),
    (("Associate Product Manager", "Product Manager", "Senior Product Manager", "Product Owner", "Group Product Manager", "Product Operations Lead", "Head of Product", "Director of Product", "Chief Product Officer"),
     ("product strategy", "discovery", "roadmaps", "pricing", "product-led growth", "stakeholder management", "experimentation", "user interviews", "OKRs", "go-to-market", "B2B SaaS", "marketplaces", "prioritisation")),
    (("Junior Designer", "Product Designer", "UX Researcher", "Content Designer", "UX Writer", "Service Designer", "Senior Product Designer", "Design Systems Lead", "Design Lead", "Head of Design"),
     ("UX research", "design systems", "accessibility", "prototyping", "interaction design", "content design", "design critique", "service design", "information architecture", "usability testing", "design leadership", "portfolio reviews")),
    (("Data Analyst", "Data Engineer", "Analytics Engineer", "Data Scientist", "Machine Learning Engineer", "Senior Data Scientist", "Research Scientist", "ML Research Lead", "Head of Data", "Director of Data Science"),
     ("machine learning", "statistics", "experimentation", "causal inference", "data pipelines", "SQL", "dbt", "MLOps", "NLP", "computer vision", "data governance", "forecasting", "storytelling with data", "LLM evaluation")),
    (("Security Analyst", "Security Engineer", "Penetration Tester", "Security Architect", "Head of Security", "CISO"),
     ("application security", "threat modelling", "incident response", "cloud security", "compliance", "security culture", "red teaming")),
    (("Founder", "Co-founder", "Managing Director", "General Manager", "Chief Operating Officer", "Chief Executive Officer", "Senior Vice President", "Partner", "Non-executive Director", "Board Advisor"),
     ("executive leadership", "fundraising", "board communication", "strategy", "startups", "scaling teams", "operations", "M&A", "governance", "leading through change", "culture", "negotiation", "entrepreneurship")),
    (("Recruiter", "Talent Partner", "HR Business Partner", "Learning & Development Lead", "Agile Coach", "DEI Lead", "Head of Talent", "Executive Coach", "Leadership Coach", "Chief People Officer"),
     ("career transitions", "executive presence", "feedback", "coaching", "facilitation", "hiring", "compensation", "performance reviews", "inclusive leadership", "retrospectives", "conflict resolution", "wellbeing at work")),
    (("Community Manager", "Developer Advocate", "Marketing Manager", "Sales Engineer", "Account Director", "Programme Manager", "Technical Program Manager", "Head of Growth", "Management Consultant", "Principal Consultant", "Finance Director", "Legal Counsel"),
     ("consulting", "stakeholder management", "enterprise sales", "marketing", "growth", "developer relations", "community building", "programme management", "public speaking", "writing", "finance for non-finance people", "negotiation", "personal branding")),
    (("PhD Researcher", "Lecturer", "Senior Lecturer", "Associate Professor", "Professor", "Head of Department"),
     ("academic writing", "teaching", "research methods", "grant writing", "NLP", "statistics", "supervising students")),
)
_JUNIOR = frozenset({"Junior Developer", "Graduate Engineer", "Associate Product Manager", "Junior Designer", "Data Analyst", "Security Analyst", "Recruiter", "PhD Researcher", "Community Manager"})

_ORG_WORDS = ("Lumen", "Tessera", "Beacon", "Fjordline", "Nautilus", "Cobalt", "Harbor", "Kumo", "Polar", "Sahara", "Atlas", "Nordwerk", "Quetzal", "Verde", "Clearwater", "Tundra", "Cedar", "Vela", "Straits", "Pampa", "Meridian", "Aurora", "Basalt", "Kestrel", "Juniper", "Saffron", "Halcyon", "Monsoon", "Sirocco", "Granite", "Evergreen", "Lighthouse", "Copperleaf", "Bluebird", "Northwind", "Tidewater", "Redwood", "Amber", "Obsidian", "Silverline", "Zephyr", "Mistral", "Baobab", "Andes", "Danube", "Helix", "Vertex", "Orbit", "Prism", "Ember", "Torii", "Marula", "Jacaranda", "Linden", "Alder", "Kōwhai", "Wisła", "Boğaziçi", "Ubuntu", "Sólás")
_ORG_KINDS = ("Health", "Systems", "Analytics", "Robotics", "Cloud", "Logistics", "Studio", "Secure", "Pay", "Mobility", "Labs", "Bank", "Ventures", "Advisory", "Games", "AI", "Software", "Digital", "Energy", "Learning", "Fintech", "Insurance", "Media", "Bio", "Retail", "Foods", "Travel", "Data", "Networks", "Capital", "Consulting", "Group")
_OTHER_ORGS = ("Independent", "Self-employed", "Freelance", "Several boards", "Open Source Collective", "City Council", "National Health Service", "Ministry of Digital Affairs", "Red Cross", "Code Club")

_CONFERENCES = ("QCon London", "PyCon US", "EuroPython", "KubeCon Europe", "Web Summit", "Strata Data", "LeadDev London", "Config", "Mind the Product", "JSConf EU", "GOTO Amsterdam", "NDC Oslo", "DevOpsDays Kraków", "RustConf", "SREcon", "GopherCon", "Craft Budapest", "FOSDEM", "PyCon India", "DjangoCon Europe", "droidcon Berlin", "Codemotion Madrid", "AfricArena", "PyCon APAC", "Women Techmakers Summit", "UXLx Lisbon")
_COMMUNITIES = ("Rands Leadership Slack", "Mind the Product Slack", "OWASP chapter forum", "Indie Hackers meetup", "Flutter community call", "Content design Slack", "Python Discord", "Women Who Code Slack", "DataTalks.Club", "A thread on Mastodon", "Reviewed my first pull request", "Answered my Stack Overflow question", "LinkedIn", "Ministry of Testing forum", "The design systems Slack")
_ASSOCIATIONS = ("LeadDev mentoring circle", "Women in Tech {city}", "Agile Alliance workshop", "Institute of Directors mentoring", "IEEE section meeting", "ACM chapter talk", "BCS mentoring scheme", "ProductTank {city}", "Chamber of commerce breakfast", "Girls Who Code volunteers")
_ALUMNI = ("Same university, {n} years apart", "Alumni mentoring programme", "PhD alumni network", "Bootcamp alumni", "MBA cohort", "Former interns' network", "School alumni dinner")
_AT_WORK = ("Two levels up when I joined {org}", "Same team at {org}", "Led the project I joined at {org}", "Partner team lead", "My manager at {org}", "Joined my team as a graduate", "Paired on the scheduler rewrite", "Same on-call rotation", "Cross-team design review", "Skip-level sponsor", "Company mentoring scheme", "Interviewed me for my first job", "Sat next to me in the open-plan office")
_REFERRED = ("Introduced by {other}", "Recommended by my manager", "Friend of a former colleague", "Suggested by my coach", "Introduced by {other} over email", "Recommended by HR for the leadership programme")
_ELSEWHERE = ("Neighbour", "Met on a long train journey", "Parent at my kids' school", "Climbing gym regular", "Volunteering at a coding club", "Hackathon team-mate")

_CARD_NOTES = (
    "{first} prefers short agendas sent a day ahead.\nStrongest on {top}; ask about {last}.",
    "{first} likes to meet early, before their day fills up.\nBest on {top}.",
    "Busy diary: book {first} at least two weeks ahead.\nAsk about {last}; they light up.",
    "Prefers a written update before each session.\nKnows {top} inside out.",
    "{first} is blunt and kind: bring real problems, not polished ones.",
    "Likes walking meetings when we are in the same city.\nGood on {top} and {last}.",
    "",
)
_PROSPECT_NOTES = (
    "Connected after their post on {top}.",
    "Asked whether they take mentees; no answer yet.",
    "Possible mentor for {top}.",
    "Met briefly at a meetup; follow up in the new year.",
    "Recommended by a colleague as someone who knows {top}.",
)
# fmt: on

# The weights of how a relationship began, as in the decade set.
_MET_WEIGHTS = {
    HowWeMet.WORK: 30,
    HowWeMet.CONFERENCE: 17,
    HowWeMet.ONLINE_COMMUNITY: 14,
    HowWeMet.REFERRAL: 12,
    HowWeMet.ALUMNI_NETWORK: 10,
    HowWeMet.PROFESSIONAL_ASSOCIATION: 10,
    HowWeMet.OTHER: 4,
}
_KIND_WEIGHTS = {
    RelationshipKind.MENTOR: 56,
    RelationshipKind.PEER_MENTOR: 18,
    RelationshipKind.SPONSOR: 12,
    RelationshipKind.REVERSE_MENTOR: 7,
    RelationshipKind.GROUP_MENTORING: 7,
}


@dataclass(frozen=True)
class _Name:
    shown: str  # as written on the card: Latin, native, or "native (Latin)"
    latin: str  # for addresses
    first: str  # what the meeting titles call them


def _parts(entry: str, woman: bool) -> tuple[str, str]:
    """(Latin, native) of a bank entry "Latin/feminine|native/feminine"."""
    latin, _, native = entry.partition("|")

    def gendered(text: str) -> str:
        male, _, female = text.partition("/")
        return female if woman and female else male

    return gendered(latin), gendered(native) if native else ""


class _Names:
    """Distinct names drawn from the culture banks, never one already taken."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = {fold(name) for name in taken}

    def draw(self) -> tuple[_Name, _Culture]:
        rng = self.rng
        while True:
            culture = rng.choices(_CULTURES, weights=[c.weight for c in _CULTURES])[0]
            woman = rng.random() < 0.5
            given = rng.choice(culture.women if woman else culture.men)
            given_latin, given_native = _parts(given, woman)
            family_latin, family_native = _parts(rng.choice(culture.families), woman)
            name = self._shown(culture, given_latin, given_native, family_latin, family_native)
            if fold(name.shown) not in self.taken:
                self.taken.add(fold(name.shown))
                return name, culture

    def _shown(
        self, culture: _Culture, given: str, given_native: str, family: str, family_native: str
    ) -> _Name:
        rng = self.rng
        latin = f"{given} {family}"
        if given_native:  # another script: as LinkedIn shows it, often with the Latin form
            gap = "" if culture.joined else " "
            native = (
                f"{family_native}{gap}{given_native}"
                if culture.family_first
                else f"{given_native} {family_native}"
            )
            roll = rng.random()
            if roll < 0.35:
                return _Name(f"{native} ({latin})", latin, given)
            if roll < 0.55:
                return _Name(native, latin, given_native)
            return _Name(latin, latin, given)
        if culture.family_first and rng.random() < 0.5:
            return _Name(f"{family} {given}", latin, given)  # Vietnamese order
        return _Name(latin, latin, given)


def _address(latin: str) -> str:
    """ "Siobhán Ó Briain" -> "siobhan.obriain": the local part of a made-up address."""
    plain = fold(latin).replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    words = ["".join(c for c in word if c.isascii() and c.isalnum()) for word in plain.split()]
    words = [w for w in words if w]
    return ".".join([words[0], "".join(words[1:])] if len(words) > 1 else words) or "contact"


def _domain(organization: str) -> str:
    return "".join(c for c in fold(organization) if c.isascii() and c.isalnum()) or "mail"


def _organizations(rng: random.Random) -> list[str]:
    """Some three hundred employers, the decade's among them, most common first."""
    names = [person.organization for person in _PEOPLE if person.organization != "Several boards"]
    seen = set(names)
    while len(names) < 300:
        name = f"{rng.choice(_ORG_WORDS)} {rng.choice(_ORG_KINDS)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    head = list(dict.fromkeys(names))
    rng.shuffle(head)
    return head


class _Network:
    """The people of the huge set: relationships of twenty years and LinkedIn connections."""

    def __init__(self, today: date) -> None:
        self.rng = random.Random(80486)
        self.today = today
        self.names = _Names(self.rng, {person.name for person in _PEOPLE})
        self.organizations = _organizations(self.rng)
        # Networks cluster: many people at a few big employers, a long tail of small ones.
        self.weights = [1 / (rank + 8) for rank in range(len(self.organizations))]

    def organization(self) -> str:
        if self.rng.random() < 0.04:
            return self.rng.choice(_OTHER_ORGS)
        return self.rng.choices(self.organizations, weights=self.weights)[0]

    def city(self, culture: _Culture) -> str:
        rng = self.rng
        hubs = ("London", "Berlin", "San Francisco", "New York", "Singapore", "Amsterdam")
        return rng.choice(hubs) if rng.random() < 0.15 else rng.choice(culture.cities)

    def work(self, areas_known: int = 1) -> tuple[str, tuple[str, ...]]:
        """A title and at least ``areas_known`` of the areas of expertise that go with it."""
        rng = self.rng
        titles, areas = rng.choices(_FIELDS_OF_WORK, weights=(34, 13, 10, 12, 4, 9, 7, 8, 3))[0]
        return rng.choice(titles), tuple(rng.sample(areas, rng.randint(areas_known, 4)))

    def relationship(self, earlier: list[_Person]) -> _Person:
        """Someone I had (or have) a mentoring relationship with."""
        rng = self.rng
        name, culture = self.names.draw()
        title, expertise = self.work(areas_known=2)  # what we talk about when we meet
        organization = self.organization()
        city = self.city(culture)
        met_via = rng.choices(list(_MET_WEIGHTS), weights=list(_MET_WEIGHTS.values()))[0]
        other = rng.choice(earlier).name.split(" (")[0] if earlier else "a friend"
        detail = rng.choice(
            {
                HowWeMet.WORK: _AT_WORK,
                HowWeMet.CONFERENCE: tuple(f"Hallway track at {c}" for c in _CONFERENCES[:8])
                + tuple(f"Spoke after their talk at {c}" for c in _CONFERENCES[8:17])
                + tuple(f"Speakers' dinner at {c}" for c in _CONFERENCES[17:]),
                HowWeMet.ONLINE_COMMUNITY: _COMMUNITIES,
                HowWeMet.REFERRAL: _REFERRED,
                HowWeMet.ALUMNI_NETWORK: _ALUMNI,
                HowWeMet.PROFESSIONAL_ASSOCIATION: _ASSOCIATIONS,
                HowWeMet.OTHER: _ELSEWHERE,
            }[met_via]
        ).format(org=organization, other=other, city=city, n=rng.randint(3, 15))
        kind = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()))[0]
        direction = Direction.THEY_MENTOR_ME
        if title in _JUNIOR or (kind is RelationshipKind.MENTOR and rng.random() < 0.12):
            kind, direction = RelationshipKind.MENTOR, Direction.I_MENTOR_THEM
        elif kind is RelationshipKind.REVERSE_MENTOR and rng.random() < 0.5:
            direction = Direction.I_MENTOR_THEM
        notes = rng.choice(_CARD_NOTES).format(
            first=name.first, top=expertise[0], last=expertise[-1]
        )
        return _Person(
            name.shown,
            title,
            organization,
            city,
            _ZONES[city],
            expertise,
            met_via,
            detail,
            kind,
            direction,
            notes=notes,
            address=_address(name.latin),
        )

    def people(self, count: int) -> list[_Person]:
        """``count`` relationships, oldest first, the decade's forty spread among them."""
        every = count // len(_PEOPLE)
        result: list[_Person] = []
        for index in range(count):
            if index % every == every // 2 and index // every < len(_PEOPLE):
                result.append(_PEOPLE[index // every])
            else:
                result.append(self.relationship(result))
        return result

    def connections(self, count: int) -> list[MentorFields]:
        """``count`` prospects from a LinkedIn export: name, position, company, the date we
        connected; an address for a few, a location or notes for those I looked at since."""
        rng = self.rng
        span = 365 * HUGE_YEARS
        cards = []
        for _ in range(count):
            name, culture = self.names.draw()
            title, expertise = self.work()
            # More connections lately: a network grows faster the larger it is.
            connected = self.today - timedelta(days=int(span * rng.random() ** 1.8) + 1)
            organization = self.organization() if rng.random() < 0.93 else ""
            looked_at = rng.random() < 0.15
            city = self.city(culture) if looked_at else ""
            cards.append(
                MentorFields(
                    name=name.shown,
                    title=title if rng.random() < 0.95 else "",
                    organization=organization,
                    email=(
                        f"{_address(name.latin)}@{_domain(organization or 'mail')}.example"
                        if rng.random() < 0.22
                        else ""
                    ),
                    profile_url=f"https://linkedin.example/in/{_address(name.latin).replace('.', '-')}-{rng.randrange(16**6):06x}",
                    location=city,
                    time_zone=_ZONES[city] if city else "",
                    met_via=HowWeMet.ONLINE_COMMUNITY,
                    met_detail="LinkedIn",
                    expertise=expertise[: rng.randint(1, 2)] if looked_at else (),
                    tags=tuple(rng.sample(_TAGS, 1)) if looked_at and rng.random() < 0.5 else (),
                    status=MentorStatus.PROSPECT,
                    started_on=connected,
                    notes=(
                        rng.choice(_PROSPECT_NOTES).format(top=expertise[0])
                        if looked_at and rng.random() < 0.6
                        else ""
                    ),
                )
            )
        return cards


def _network_status_plan(count: int, rng: random.Random) -> list[MentorStatus]:
    """Over twenty years most of the older relationships concluded, a few are paused, the
    newest contacts are still prospects (not yet started)."""
    plan = []
    for index in range(count):
        age = 1 - index / count  # 1 for the oldest, 0 for the newest
        roll = rng.random()
        if index >= count * 0.96:
            plan.append(MentorStatus.PROSPECT)
        elif roll < 0.05:
            plan.append(MentorStatus.PAUSED)
        elif roll < 0.05 + 0.24 + 0.9 * age:  # nearly all of the oldest, a quarter of the newest
            plan.append(MentorStatus.CONCLUDED)
        else:
            plan.append(MentorStatus.ACTIVE)
    return plan


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
    # An empty database: the search index is written once at the end, not row by row.
    with services.in_one_transaction(index_at_end=True) as shared:
        added = _store_sample(shared, size, today)
    log.info("loaded the %s sample: %d mentors", size.value, added)
    return added


def _store_sample(services: Services, size: SampleSize, today: date) -> int:
    decade = size is not SampleSize.SMALL  # the full story, at the decade's scale or more
    times = HUGE_TIMES if size is SampleSize.HUGE else 1
    years = _YEARS[size]
    services.mentors.create_many(sample_mentors(size, today))
    mentors = services.mentors.list_all()
    skills = sample_skills(mentors, today, decade=decade, times=times, years=years)
    ids = services.skills.create_many(skills)
    skill_ids = {fields.name: skill_id for (fields, _), skill_id in zip(skills, ids, strict=True)}
    services.goals.create_many(
        [
            NewGoal(
                goal.fields,
                milestones=goal.milestones,
                notes=goal.notes,
                mentor_ids=goal.mentor_ids,
                skill_ids=frozenset(
                    skill_ids[name] for name in goal.skill_names if name in skill_ids
                ),
            )
            for goal in sample_goals(mentors, today, decade=decade, times=times, years=years)
        ]
    )
    goals = services.goals.list_all()
    load_sample_agreements(services, today, decade=decade, mentors=mentors, goals=goals)
    load_sample_meetings(services, today, decade=decade, times=times, mentors=mentors, goals=goals)
    load_sample_gratitude(services, today)
    if services.settings.read() == PersonalSettings():  # never overwrite the person's own
        services.settings.save(SAMPLE_OWNER)
    return len(mentors)
