"""Sample goals and skills: ten years of believable growth, for trying the app and the benchmarks.

Skills start low and climb, faster while a mentor with that expertise is active; self-
assessments run a little optimistic, mentor feedback a little stricter. Goals follow the
career story: older ones achieved (or dropped), recent ones active with milestones half done.
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


@dataclass(frozen=True)
class SampleGoal:
    fields: GoalFields
    milestones: tuple[MilestoneFields, ...]
    notes: tuple[GoalNoteFields, ...]
    mentor_ids: frozenset[int]
    skill_names: tuple[str, ...]


def _active_on(mentor: MentorRecord, day: date) -> bool:
    f = mentor.fields
    if f.started_on is None or f.started_on > day:
        return False
    return f.ended_on is None or f.ended_on >= day


def sample_skills(
    mentors: Sequence[MentorRecord], today: date, *, decade: bool
) -> list[tuple[SkillFields, list[AssessmentFields]]]:
    rng = random.Random(4242)
    chosen = _SKILLS if decade else _SKILLS[:6]
    years = 10 if decade else 3
    per_skill = 40 if decade else 8
    first_day = today - timedelta(days=365 * years)
    guides = [m for m in mentors if m.fields.status is not MentorStatus.PROSPECT]
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
                available = [m for m in guides if _active_on(m, day)]
                if available:
                    mentor_id = rng.choice(available).id
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


def sample_goals(mentors: Sequence[MentorRecord], today: date, *, decade: bool) -> list[SampleGoal]:
    rng = random.Random(777)
    chosen = _GOALS if decade else _GOALS[:4]
    years = 10 if decade else 3
    first_day = today - timedelta(days=365 * years)
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
        helpers = [m.id for m in mentors if _active_on(m, started) or _active_on(m, target)]
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
