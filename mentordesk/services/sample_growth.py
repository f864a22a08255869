"""Sample goals and skills: ten years of believable growth, for trying the app and the benchmarks.

Skills start low and climb, faster while a mentor with that expertise is active; self-
assessments run a little optimistic, mentor feedback a little stricter. Goals follow the
career story: older ones achieved (or dropped), recent ones active with milestones half done.
The huge set has ten times as many of each over twenty years.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mentordesk.domain.enums import AssessmentSource, GoalKind, GoalStatus, MentorStatus
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.domain.validation import fold

# fmt: off
_SKILLS: tuple[tuple[str, str], ...] = (
    ("Public speaking", "Communication"), ("Written communication", "Communication"),
    ("Giving feedback", "Leadership"), ("Receiving feedback", "Leadership"),
    ("Delegation", "Leadership"), ("Coaching others", "Leadership"),
    ("Conflict resolution", "Leadership"), ("Hiring and interviewing", "Leadership"),
    ("Running 1:1s", "Leadership"), ("Strategic thinking", "Leadership"),
    ("Stakeholder management", "Influence"), ("Negotiation", "Influence"),
    ("Executive presence", "Influence"), ("Networking", "Influence"),
    ("Storytelling with data", "Communication"), ("Facilitation", "Communication"),
    ("Python", "Engineering"), ("Distributed systems", "Engineering"),
    ("System design", "Engineering"), ("SQL and databases", "Engineering"),
    ("Testing strategy", "Engineering"), ("Code review", "Engineering"),
    ("Performance tuning", "Engineering"), ("Security basics", "Engineering"),
    ("Cloud infrastructure", "Engineering"), ("Observability", "Engineering"),
    ("Incident response", "Engineering"), ("API design", "Engineering"),
    ("Kubernetes", "Engineering"), ("Rust", "Engineering"),
    ("Product discovery", "Product"), ("Roadmapping", "Product"),
    ("User research", "Product"), ("Pricing", "Product"),
    ("Prioritisation", "Product"), ("Metrics and OKRs", "Product"),
    ("Statistics", "Data"), ("Experiment design", "Data"),
    ("Machine learning basics", "Data"), ("Data visualisation", "Data"),
    ("Budgeting", "Business"), ("Financial literacy", "Business"),
    ("Fundraising", "Business"), ("Business strategy", "Business"),
    ("Time management", "Personal effectiveness"), ("Saying no", "Personal effectiveness"),
    ("Focus and deep work", "Personal effectiveness"), ("Resilience", "Personal effectiveness"),
    ("Self-advocacy", "Career"), ("Personal brand", "Career"),
    ("Mentoring others", "Career"), ("Interviewing well", "Career"),
    ("Spanish", "Languages"), ("German", "Languages"),
    ("Remote collaboration", "Ways of working"), ("Agile practices", "Ways of working"),
    ("Change management", "Ways of working"), ("Accessibility", "Product"),
    ("Technical writing", "Communication"), ("Open source maintenance", "Engineering"),
)

_GOALS: tuple[tuple[str, GoalKind, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Become a senior engineer", GoalKind.ADVANCE, ("Own a service end to end", "Lead a design review", "Mentor an intern", "Promotion packet written", "Promotion"), ("System design", "Code review")),
    ("Give a conference talk", GoalKind.DEVELOP_SKILL, ("Pick a topic", "Submit a CFP", "Practise at a meetup", "Give the talk"), ("Public speaking", "Storytelling with data")),
    ("Move into engineering management", GoalKind.NEW_PATH, ("Talk to three managers", "Run the team's 1:1s for a month", "Take the management course", "Apply for the role", "First 90 days plan"), ("Running 1:1s", "Giving feedback", "Hiring and interviewing")),
    ("Handle the reorg calmly", GoalKind.WORKPLACE_CHALLENGE, ("Map the new stakeholders", "Agree priorities with the new director", "Keep the team informed weekly"), ("Change management", "Stakeholder management")),
    ("Learn Rust for systems work", GoalKind.DEVELOP_SKILL, ("Finish the Rust book", "Port a small tool", "Contribute a patch upstream"), ("Rust", "Performance tuning")),
    ("Lead the platform migration", GoalKind.ADVANCE, ("Write the migration RFC", "Pilot with one team", "Migrate half the services", "Decommission the old cluster"), ("Cloud infrastructure", "Kubernetes", "Stakeholder management")),
    ("Get better at saying no", GoalKind.WORKPLACE_CHALLENGE, ("Keep a log of requests", "Agree a prioritisation rule with my manager", "Decline two requests kindly"), ("Saying no", "Prioritisation")),
    ("Write a technical blog series", GoalKind.DEVELOP_SKILL, ("Outline five posts", "Publish the first post", "Publish all five"), ("Technical writing", "Written communication")),
    ("Build a hiring process for the team", GoalKind.ADVANCE, ("Define the competencies", "Write interview guides", "Train the interviewers", "Hire two engineers"), ("Hiring and interviewing",)),
    ("Understand the business side", GoalKind.DEVELOP_SKILL, ("Read the annual report with finance", "Shadow a pricing meeting", "Build a simple P&L model"), ("Financial literacy", "Business strategy", "Pricing")),
    ("Recover from burnout", GoalKind.WORKPLACE_CHALLENGE, ("Take two weeks off", "Set working hours", "Drop one commitment"), ("Resilience", "Focus and deep work")),
    ("Run a great incident review culture", GoalKind.ADVANCE, ("Blameless template", "Facilitate five reviews", "Track follow-ups to done"), ("Incident response", "Facilitation")),
    ("Move to product management", GoalKind.NEW_PATH, ("Shadow a PM for a sprint", "Run a discovery project", "Own a small roadmap", "Transfer conversation"), ("Product discovery", "Roadmapping", "User research")),
    ("Speak Spanish at work", GoalKind.DEVELOP_SKILL, ("A2 course", "B1 exam", "Run a meeting in Spanish"), ("Spanish",)),
    ("Become a staff engineer", GoalKind.ADVANCE, ("Find a sponsor", "Lead a cross-team initiative", "Write the architecture strategy", "Staff promotion"), ("Strategic thinking", "Executive presence", "System design")),
    ("Make the team's on-call humane", GoalKind.WORKPLACE_CHALLENGE, ("Measure pages per week", "Fix the top five alerts", "Rotate fairly"), ("Observability", "Incident response")),
    ("Mentor two junior engineers", GoalKind.DEVELOP_SKILL, ("Agree expectations with each", "Monthly sessions for six months", "Ask for their feedback"), ("Mentoring others", "Coaching others")),
    ("Negotiate a fair raise", GoalKind.WORKPLACE_CHALLENGE, ("Collect market data", "Document my impact", "Have the conversation"), ("Negotiation", "Self-advocacy")),
    ("Learn experiment design", GoalKind.DEVELOP_SKILL, ("Statistics refresher", "Design an A/B test", "Present the results"), ("Experiment design", "Statistics")),
    ("Grow my network in the industry", GoalKind.ADVANCE, ("Join a professional association", "Attend four meetups", "Coffee with ten new people"), ("Networking", "Personal brand")),
    ("Co-found a side project", GoalKind.NEW_PATH, ("Validate the idea with users", "Build the prototype", "First paying customer"), ("Entrepreneurship", "Product discovery")),
    ("Improve my written proposals", GoalKind.DEVELOP_SKILL, ("Study three great design docs", "Get feedback on two drafts"), ("Written communication",)),
    ("Deal with a difficult stakeholder", GoalKind.WORKPLACE_CHALLENGE, ("Understand their goals", "Weekly check-in", "Agree a shared metric"), ("Conflict resolution", "Stakeholder management")),
    ("Lead a team through remote work", GoalKind.ADVANCE, ("Team working agreement", "Async decision log", "Quarterly offsite"), ("Remote collaboration",)),
    ("Get a cloud certification", GoalKind.DEVELOP_SKILL, ("Study plan", "Practice exams", "Pass the exam"), ("Cloud infrastructure",)),
    ("Join a board as an advisor", GoalKind.NEW_PATH, ("Governance course", "Talk to three board members", "First advisory role"), ("Business strategy", "Executive presence")),
    ("Make accessibility part of our definition of done", GoalKind.WORKPLACE_CHALLENGE, ("Audit the main flows", "Checklist in the PR template", "Train the team"), ("Accessibility",)),
    ("Build a personal brand in data", GoalKind.ADVANCE, ("Publish a notebook a month", "Give a workshop"), ("Data visualisation", "Personal brand")),
    ("Master deep work", GoalKind.DEVELOP_SKILL, ("Two focus blocks a day", "Turn off notifications", "Review after a month"), ("Focus and deep work", "Time management")),
    ("Become director of engineering", GoalKind.ADVANCE, ("Manage managers", "Own a budget", "Present to the board", "Director offer", "First year plan"), ("Budgeting", "Strategic thinking", "Executive presence")),
)
# fmt: on

_EVIDENCE = {
    AssessmentSource.SELF: "Self-assessment after the quarter's review.",
    AssessmentSource.MENTOR_FEEDBACK: "Feedback after our session: concrete and fair.",
    AssessmentSource.PEER_FEEDBACK: "360 feedback from two peers.",
    AssessmentSource.CERTIFICATION: "Finished the course with a project.",
    AssessmentSource.ON_THE_JOB: "Shipped it at work; the outcome shows the level.",
}


# --- the huge set: six hundred skills and three hundred goals over twenty years --------------
# The decade's skills and goals, and more of the same kind: every skill a person might track
# in a long career (with the deeper levels of the ones they use most), and goals made from the
# shapes real goals take ("Learn X", "Become Y", "Handle Z"), each with its own milestones.

# fmt: off
_MORE_SKILLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Engineering", ("Go", "Java", "Kotlin", "TypeScript", "JavaScript", "C++", "C#", "Swift", "Scala", "Elixir", "Haskell", "Ruby", "PHP", "PostgreSQL", "SQLite", "Redis", "Kafka", "Apache Spark", "Terraform", "Docker", "Linux administration", "Shell scripting", "Git", "Continuous delivery", "WebAssembly", "React", "Vue.js", "Angular", "Django", "FastAPI", "Spring Boot", "Node.js", "GraphQL", "gRPC", "Android development", "iOS development", "Flutter", "Qt", "Game development", "Embedded systems", "Compilers", "Networking", "Cryptography", "Concurrency", "Functional programming", "Domain-driven design", "Event-driven architecture", "Microservices", "Caching strategies", "Search engines", "Data modelling", "Refactoring", "Debugging", "Pair programming", "Test-driven development", "Property-based testing", "Fuzzing", "Chaos engineering", "Capacity planning", "Cloud cost optimisation", "Database migrations", "Legacy modernisation", "Software estimation", "Technical debt management", "Architecture decision records", "Monorepos", "Build systems", "Release management", "Feature flags", "Mobile performance", "Web performance", "Browser internals", "Static analysis", "Type systems", "Memory management", "Profiling", "Load testing", "API versioning", "OAuth and authentication", "Privacy engineering", "Infrastructure as code", "Serverless", "Edge computing", "Event sourcing", "CQRS", "Stream processing", "Message queues", "Developer experience", "Documentation as code", "Open source licensing", "Inner source")),
    ("Security", ("Threat modelling", "Secure code review", "Penetration testing", "Container security", "Supply-chain security", "Cloud security", "Security incident handling", "Identity and access management", "Security awareness training", "Vulnerability management")),
    ("Reliability", ("Incident command", "On-call health", "SLOs and error budgets", "Postmortems", "Runbooks", "Disaster recovery", "Alert design")),
    ("Data", ("SQL analytics", "dbt", "Data warehousing", "Data engineering", "Data pipelines", "Data governance", "Data quality", "Causal inference", "Bayesian statistics", "Time series forecasting", "Deep learning", "Natural language processing", "Computer vision", "Recommender systems", "MLOps", "Model evaluation", "LLM prompting", "LLM evaluation", "Feature engineering", "A/B test analysis", "Dashboards", "Spreadsheet modelling", "R", "pandas", "Jupyter notebooks", "Survey design", "Data ethics", "Geospatial analysis", "Reinforcement learning")),
    ("Product", ("Product strategy", "Product vision", "Customer interviews", "Jobs to be done", "Opportunity solution trees", "Product analytics", "Go-to-market", "Positioning", "Product-led growth", "Onboarding design", "Retention", "Writing PRDs", "Working with engineering", "Working with design", "Product operations", "Platform products", "B2B SaaS", "Marketplaces", "Competitive analysis", "Launch planning", "Pricing experiments", "Customer support insights", "Outcome-based roadmaps")),
    ("Design", ("Interaction design", "Visual design", "Design systems", "Prototyping", "Usability testing", "Information architecture", "Service design", "Content design", "UX writing", "Design critique", "Figma", "Motion design", "Typography", "Colour and contrast", "Design tokens", "Inclusive design", "Research operations", "Workshop design", "Sketching", "Illustration", "Brand design", "Mobile design patterns", "Designing with data")),
    ("Leadership", ("Managing managers", "Leading without authority", "Building trust", "Psychological safety", "Team topologies", "Org design", "Succession planning", "Performance reviews", "Writing job descriptions", "Onboarding new hires", "Career ladders", "Compensation conversations", "Managing underperformance", "Letting people go with dignity", "Leading remote teams", "Leading through a reorg", "Decision making", "Setting direction", "Strategy documents", "Running offsites", "Delegating outcomes", "Sponsoring others", "Inclusive leadership", "Leading in a crisis", "Managing up", "Building a leadership team", "Cross-functional leadership", "Culture building", "Recognising good work", "Hiring for diversity", "Calibration", "Headcount planning")),
    ("Communication", ("Presenting to executives", "Storytelling", "Writing for the web", "Editing", "Running meetings", "Active listening", "Asking good questions", "Difficult conversations", "Apologising well", "Persuasive writing", "Slide design", "Speaking on panels", "Podcast interviews", "Media interviews", "Organising meetups", "Teaching workshops", "Explaining technical ideas simply", "Async communication", "Documentation", "Briefing a team", "Cross-cultural communication", "Small talk", "Giving a keynote", "Lightning talks", "Blogging", "Newsletter writing", "Summarising")),
    ("Business", ("Negotiating contracts", "Vendor management", "Budget planning", "Business cases", "Reading a P&L", "Unit economics", "Revenue forecasting", "Sales conversations", "Enterprise sales", "Partnerships", "Customer success", "Marketing basics", "Content marketing", "Growth marketing", "SEO", "Community management", "Developer relations", "Pitching to investors", "Board reporting", "Mergers and acquisitions", "Procurement", "Legal basics for managers", "Intellectual property", "Risk management", "Compliance", "Operations management", "Supply chains", "Starting a company", "Bootstrapping", "Hiring a first team", "Writing a business plan", "Market research", "Consulting skills", "Client management", "Proposal writing", "Pricing strategy", "Entrepreneurship")),
    ("Career", ("Career planning", "Job searching", "Writing a CV", "Salary negotiation", "Promotion cases", "Building a portfolio", "Finding a mentor", "Finding a sponsor", "Networking at events", "LinkedIn presence", "Side projects", "Career change", "Returning after a break", "Working abroad", "Freelancing", "Learning how to learn", "Reflective practice", "Keeping a brag document")),
    ("Personal effectiveness", ("Prioritising my week", "Energy management", "Habit building", "Note-taking", "Journaling", "Goal setting", "Weekly reviews", "Inbox zero", "Planning a quarter", "Meditation", "Sleep and recovery", "Boundaries", "Handling stress", "Impostor syndrome", "Letting go of perfectionism", "Beating procrastination", "Reading widely", "Decision journals", "Personal finance")),
    ("Ways of working", ("Scrum", "Kanban", "Lean", "Design thinking", "Facilitating retrospectives", "OKR facilitation", "Remote onboarding", "Hybrid work", "Working agreements", "Shape Up", "Story mapping", "Event storming", "Mob programming", "Continuous improvement", "Value stream mapping", "Programme management", "Dependency management", "Risk registers", "Change communication")),
    ("Teaching and mentoring", ("Mentoring juniors", "Reverse mentoring", "Running a mentoring circle", "Coaching conversations", "Giving praise", "Teaching a course", "Curriculum design", "Code club teaching", "Writing tutorials", "Supervising interns", "Supervising a thesis")),
    ("Languages", ("French", "Japanese", "Mandarin", "Portuguese", "Italian", "Dutch", "Arabic", "Korean", "Hindi", "Polish", "Turkish", "Swedish", "Norwegian", "Greek", "Russian", "Hebrew", "Vietnamese", "Swahili", "Irish", "Catalan", "Cantonese", "Indonesian", "Thai", "Czech")),
    ("Wellbeing", ("Running", "Cycling to work", "Yoga", "Cooking for the week", "Volunteering", "Parenting while working", "Caring responsibilities", "Work-life balance")),
)
# The deeper levels of the skills used most.
_TOOLS = ("Python", "Go", "Java", "Kotlin", "TypeScript", "JavaScript", "C++", "C#", "Rust", "Swift", "Scala", "Elixir", "PostgreSQL", "Kubernetes", "Terraform", "React", "Django", "Kafka", "Docker", "SQLite")
_TOOL_LEVELS = ("Advanced {s}", "{s} performance", "{s} testing", "{s} internals", "{s} tooling", "Idiomatic {s}")
_SPOKEN = ("Spanish", "German", *_MORE_SKILLS[-2][1])
_SPOKEN_LEVELS = ("{s} conversation", "{s} for business", "{s} reading", "{s} writing")
# Written as they are at the start of a sentence's middle ("Learn Kotlin", "learn delegation").
_PROPER = frozenset({*_TOOLS, *_SPOKEN, "Go", "Swift", "Haskell", "Ruby", "Redis", "Apache", "Linux", "Git", "Vue.js", "Angular", "Spring", "Node.js", "Android", "Flutter", "Qt", "Figma", "Scrum", "Kanban", "Lean", "Shape", "Jupyter"})

_ROLES = ("a tech lead", "a principal engineer", "head of data", "a senior product manager", "VP of engineering", "a staff designer", "a group product manager", "an engineering director", "CTO of a small company", "a distinguished engineer", "head of platform", "a design manager", "a staff data scientist", "head of security", "a partner at the consultancy", "a senior engineer again after managing", "the first designer on the board", "chief of staff to the CTO", "a principal product manager", "a people manager of managers")
_PROJECTS = ("payments rewrite", "mobile relaunch", "data platform", "design system", "move to the cloud", "observability programme", "accessibility programme", "new onboarding flow", "pricing revamp", "international launch", "SOC 2 audit", "API platform", "search rebuild", "monolith split", "offline mode", "customer portal", "GDPR clean-up", "billing migration", "mobile accessibility audit", "analytics rebuild", "partner integrations", "dark mode", "incident tooling", "hiring drive")
_TEAMS = ("data", "platform", "security", "design", "developer experience", "mobile", "research", "reliability", "machine learning", "growth", "internal tools", "support engineering")
_PATHS = ("developer relations", "product management", "data science", "UX research", "consulting", "teaching", "security engineering", "engineering management", "venture capital", "public sector technology", "climate tech", "a non-profit role", "technical writing", "people management")
_VENTURES = ("a consultancy", "a podcast about careers", "a company with a friend", "a newsletter", "teaching at a bootcamp", "a part-time PhD", "a meetup in my city", "a mentoring programme at work", "an open source project", "a small design studio", "a book on my craft")
_CHALLENGES = ("a new manager", "the merger", "the layoffs on our floor", "the return to the office", "a stalled promotion", "an overloaded roadmap", "a conflict in the team", "the budget cuts", "a difficult client", "the acquisition", "a meeting-heavy culture", "the reorg (again)", "being the most junior person in the room", "a missed launch", "a move to another country", "a manager who micromanages", "going part-time", "a new baby and a full roadmap", "a public incident", "my first team of contractors", "working across eight time zones", "a peer promoted over me", "the end of our biggest contract")
_FIXES = ("our meeting culture", "the release process", "the on-call rota", "our hiring funnel", "how we write design docs", "the quarterly planning", "our code review backlog", "the team's onboarding", "our flaky test suite", "how we run retrospectives", "the handover between teams", "our backlog of small bugs")

_SKILL_GOALS = (
    ("Learn {s}", ("Pick a course or a book on {s}", "Practise for an hour a week", "Use {s} on a real piece of work", "Teach someone else the basics")),
    ("Get better at {s}", ("Ask two people where I stand", "Pick one thing to practise", "Try it in a real situation", "Review with my mentor")),
    ("Reach proficient in {s}", ("Self-assessment against the skill matrix", "Find a stretch task", "Get feedback from an expert", "Second assessment")),
    ("Practise {s} every week", ("Put a weekly slot in the calendar", "Keep a practice log", "Show my mentor the log")),
    ("Take a course in {s}", ("Choose the course", "Finish the first half", "Final project", "Certificate")),
)
_LANGUAGE_GOALS = (
    ("Speak {s} at work", ("A2 course", "B1 exam", "Run a meeting in {s}")),
    ("Pass the {s} B2 exam", ("Weekly lessons", "A conversation partner", "Mock exam", "Exam day")),
)
_OTHER_GOALS: tuple[tuple[GoalKind, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (GoalKind.ADVANCE, tuple(f"Become {r}" for r in _ROLES), ("Agree the expectations with my manager", "Find a sponsor", "Lead something visible", "Write the promotion case", "The conversation"), ("Strategic thinking", "Executive presence", "Self-advocacy", "Managing up")),
    (GoalKind.ADVANCE, tuple(f"Lead the {p}" for p in _PROJECTS), ("Write the proposal", "Get the go-ahead", "Pilot with one team", "Roll out everywhere", "Retrospective with the team"), ("Stakeholder management", "Cross-functional leadership", "Programme management", "Written communication")),
    (GoalKind.ADVANCE, tuple(f"Build the {t} team" for t in _TEAMS), ("Write the team charter", "Hire the first two people", "First quarter's goals", "Team health check"), ("Hiring and interviewing", "Org design", "Onboarding new hires", "Building trust")),
    (GoalKind.NEW_PATH, tuple(f"Move into {p}" for p in _PATHS), ("Talk to five people in the field", "Try a small project", "Update my CV and profile", "Apply or pitch", "First ninety days"), ("Career change", "Networking at events", "Personal brand", "Learning how to learn")),
    (GoalKind.NEW_PATH, tuple(f"Start {v}" for v in _VENTURES), ("Validate the idea", "Make the first version", "First ten people", "Decide whether to go on"), ("Entrepreneurship", "Side projects", "Marketing basics", "Time management")),
    (GoalKind.WORKPLACE_CHALLENGE, tuple(f"Handle {c}" for c in _CHALLENGES), ("Write down what is actually happening", "Talk it through with my mentor", "Agree one change with my manager", "Check in after a month"), ("Resilience", "Difficult conversations", "Handling stress", "Managing up", "Boundaries")),
    (GoalKind.WORKPLACE_CHALLENGE, tuple(f"Fix {f}" for f in _FIXES), ("Measure how it is today", "Propose one change", "Try it for a month", "Keep it or drop it"), ("Continuous improvement", "Facilitation", "Change management", "Leading without authority")),
)
# fmt: on


def _skill_bank(count: int) -> list[tuple[str, str]]:
    """``count`` skills: the decade's sixty first, then more in a fixed mixed order."""
    if count <= len(_SKILLS):
        return list(_SKILLS[:count])
    rng = random.Random(6006)
    known = {fold(name) for name, _category in _SKILLS}
    more = [(name, category) for category, names in _MORE_SKILLS for name in names]
    deeper = [(p.format(s=s), "Engineering") for s in _TOOLS for p in _TOOL_LEVELS]
    deeper += [(p.format(s=s), "Languages") for s in _SPOKEN for p in _SPOKEN_LEVELS]
    rng.shuffle(deeper)
    result: list[tuple[str, str]] = []
    for name, category in [*more, *deeper]:
        if fold(name) not in known and len(result) < count - len(_SKILLS):
            known.add(fold(name))
            result.append((name, category))
    rng.shuffle(result)
    return [*_SKILLS, *result]


def _in_sentence(skill: str) -> str:
    first = skill.split()[0]
    if first in _PROPER or first.isupper() or any(c.isupper() for c in first[1:]):
        return skill
    return skill[0].lower() + skill[1:]


_GoalPlan = tuple[str, GoalKind, tuple[str, ...], tuple[str, ...]]


def _goal_bank(count: int, skills: Sequence[tuple[str, str]]) -> list[_GoalPlan]:
    """``count`` goals: the decade's thirty spread among more of the same shapes, each
    linked to skills of the bank, oldest first."""
    if count <= len(_GOALS):
        return list(_GOALS[:count])
    rng = random.Random(9119)
    names = {name for name, _category in skills}
    spoken = [name for name, category in skills if category == "Languages" and " " not in name]
    others = [name for name, category in skills if category != "Languages"]
    # A goal is about a skill, not a level of one ("Get better at advanced Scala").
    plain = [name for name in others if name.split()[0] not in ("Advanced", "Idiomatic")]
    related: dict[str, list[str]] = {}
    for name, category in skills:
        related.setdefault(category, []).append(name)
    category_of = dict(skills)
    titles = {title for title, *_rest in _GOALS}
    made: list[_GoalPlan] = []
    while len(made) < count - len(_GOALS):
        steps: tuple[str, ...]
        words: dict[str, str] = {}
        linked: tuple[str, ...]
        roll = rng.random()
        if roll < 0.42:
            skill = rng.choice(plain)
            title, steps = rng.choice(_SKILL_GOALS)
            words = {"s": _in_sentence(skill)}
            near = [name for name in related[category_of[skill]] if name != skill]
            linked = (skill, *rng.sample(near, rng.randint(0, 1)))
            kind = GoalKind.DEVELOP_SKILL
        elif roll < 0.48:
            skill = rng.choice(spoken)
            title, steps = rng.choice(_LANGUAGE_GOALS)
            words, linked, kind = {"s": skill}, (skill,), GoalKind.DEVELOP_SKILL
        else:
            kind, choices, steps, helpful = rng.choice(_OTHER_GOALS)
            title = rng.choice(choices)
            linked = tuple(rng.sample(helpful, rng.randint(1, 3)))
        title = title.format(**words)
        if title in titles:
            continue
        titles.add(title)
        made.append(
            (
                title,
                kind,
                tuple(step.format(**words) for step in steps),
                tuple(name for name in linked if name in names),
            )
        )
    every = count // len(_GOALS)
    result: list[_GoalPlan] = []
    for index in range(count):
        if index % every == every // 2 and index // every < len(_GOALS):
            result.append(_GOALS[index // every])
        else:
            result.append(made.pop())
    return result


@dataclass(frozen=True)
class SampleGoal:
    fields: GoalFields
    milestones: tuple[MilestoneFields, ...]
    notes: tuple[GoalNoteFields, ...]
    mentor_ids: frozenset[int]
    skill_names: tuple[str, ...]


_Span = tuple[date, date | None, int]  # a relationship's start, end and mentor id


def _spans(mentors: Sequence[MentorRecord]) -> list[_Span]:
    """The relationships that began, in the mentors' order (a prospect's start is the day we
    connected, not a relationship)."""
    return [
        (m.fields.started_on, m.fields.ended_on, m.id)
        for m in mentors
        if m.fields.started_on is not None and m.fields.status is not MentorStatus.PROSPECT
    ]


def _active_on(span: _Span, day: date) -> bool:
    started, ended, _id = span
    return started <= day and (ended is None or ended >= day)


def sample_skills(
    mentors: Sequence[MentorRecord],
    today: date,
    *,
    decade: bool,
    times: int = 1,
    years: int | None = None,
) -> list[tuple[SkillFields, list[AssessmentFields]]]:
    """The skills with their assessments: the decade's sixty (``times`` as many for a
    larger set) over ``years`` (ten for the decade), or a few over three years."""
    rng = random.Random(4242)
    chosen = _skill_bank(len(_SKILLS) * times) if decade else _SKILLS[:6]
    years = years or (10 if decade else 3)
    per_skill = 40 if decade else 8
    first_day = today - timedelta(days=365 * years)
    guides = _spans(mentors)
    result = []
    for index, (name, category) in enumerate(chosen):
        # Each skill starts at some point in the decade and grows along an S-curve.
        start = first_day + timedelta(days=int(index / len(chosen) * 365 * years * 0.5))
        span = (today - start).days
        start_level = rng.choice((1, 1, 1, 2))
        # Nobody becomes an expert in everything: most skills settle at competent or proficient.
        ceiling = rng.choice((2, 3, 3, 3, 4, 4, 4, 5))
        count = per_skill + rng.randint(-5, 5) if decade else per_skill + rng.randint(-2, 2)
        # When the growth is fastest, as a share of the skill's span: early for a settled
        # skill, late for one still growing now, so a fair share rose in the last year.
        midpoint = rng.choice((0.4, 0.5, 0.85, 0.93))
        assessments = []
        for step in range(count):
            day = start + timedelta(days=int(span * step / max(1, count - 1)))
            day = min(day, today)
            progress = 1 / (1 + math.exp(-10 * (step / max(1, count - 1) - midpoint)))
            base = start_level + (ceiling - start_level) * progress
            source = rng.choices(list(AssessmentSource), weights=(50, 25, 12, 5, 8))[0]
            mentor_id = None
            if source is AssessmentSource.MENTOR_FEEDBACK:
                available = [span[2] for span in guides if _active_on(span, day)]
                if available:
                    mentor_id = rng.choice(available)
                else:
                    source = AssessmentSource.SELF
            bias = 0.25 if source is AssessmentSource.SELF else -0.15
            level = max(1, min(5, round(base + bias + rng.uniform(-0.3, 0.3))))
            assessments.append(
                AssessmentFields(
                    assessed_on=day,
                    level=level,
                    source=source,
                    mentor_id=mentor_id,
                    evidence=_EVIDENCE[source],
                )
            )
        target = min(5, ceiling + (1 if rng.random() < 0.4 else 0))
        fields = SkillFields(
            name=name,
            category=category,
            description=f"{name}: what good looks like at work, and how I practise it.",
            target_level=target,
            target_on=today + timedelta(days=rng.randint(90, 700)) if rng.random() < 0.6 else None,
        )
        result.append((fields, assessments))
    return result


def sample_goals(
    mentors: Sequence[MentorRecord],
    today: date,
    *,
    decade: bool,
    times: int = 1,
    years: int | None = None,
) -> list[SampleGoal]:
    """The goals in the order they were set: the decade's thirty (``times`` as many for a
    larger set, linked to the skills of ``sample_skills`` with the same ``times``)."""
    rng = random.Random(777)
    chosen = (
        _goal_bank(len(_GOALS) * times, _skill_bank(len(_SKILLS) * times)) if decade else _GOALS[:4]
    )
    years = years or (10 if decade else 3)
    first_day = today - timedelta(days=365 * years)
    spans = _spans(mentors)
    result = []
    for index, (title, kind, milestone_titles, skills) in enumerate(chosen):
        # Later goals crowd the recent years: that is where the active ones are.
        share = (index / len(chosen)) ** 0.5
        started = first_day + timedelta(days=int(share * 365 * years) + rng.randint(0, 40))
        length = timedelta(days=rng.randint(180, 720))
        target = started + length
        finished = target < today - timedelta(days=240)
        if finished:
            status = GoalStatus.DROPPED if rng.random() < 0.12 else GoalStatus.ACHIEVED
        else:
            # Includes goals past their target and still active: the list flags those.
            status = GoalStatus.PAUSED if rng.random() < 0.12 else GoalStatus.ACTIVE
        changed = min(today, target + timedelta(days=rng.randint(-30, 30))) if finished else started
        milestones = []
        steps = ("Agree the plan with a mentor", *milestone_titles, "Retrospective: what I learned")
        for m_index, m_title in enumerate(steps):
            due = started + length * (m_index + 1) / len(steps)
            done = None
            if status is GoalStatus.ACHIEVED or (due < today and rng.random() < 0.75):
                done = min(today, due + timedelta(days=rng.randint(-20, 25)))
            milestones.append(MilestoneFields(title=m_title, due_on=due, done_on=done))
        helpers = [s[2] for s in spans if _active_on(s, started) or _active_on(s, target)]
        if not helpers:
            helpers = [m.id for m in mentors if m.fields.status is not MentorStatus.PROSPECT]
        linked = frozenset(rng.sample(helpers, min(len(helpers), rng.randint(1, 2))))
        if index % 9 == 4:
            linked = frozenset()  # a few goals nobody helps with: the list highlights them
        notes = tuple(
            GoalNoteFields(
                written_on=min(today, started + timedelta(days=int(length.days * (n + 1) / 4))),
                text=rng.choice(
                    (
                        "Talked it through with my mentor; the next step is clearer now.",
                        "Slower than planned this month, but I learned what blocks me.",
                        "Good progress: the hardest milestone is behind me.",
                        "Asked for feedback and got two concrete suggestions.",
                    )
                ),
            )
            for n in range(rng.randint(1, 4))
        )
        result.append(
            SampleGoal(
                fields=GoalFields(
                    title=title,
                    kind=kind,
                    description=f"{title}, in concrete steps, with people who have done it.",
                    why_it_matters="It moves me towards the work I want to be doing in five years.",
                    started_on=started,
                    target_on=target,
                    status=status,
                    status_changed_on=changed,
                ),
                milestones=tuple(milestones),
                notes=notes,
                mentor_ids=linked,
                skill_names=skills,
            )
        )
    return result
