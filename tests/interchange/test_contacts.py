"""Contacts in and out: vCards in the styles of Google Contacts, Apple Contacts, Outlook and
Thunderbird, LinkedIn's Connections.csv, the plan (new, update, skip; nothing filled is ever
overwritten), the import (all or nothing, after a backup) and the vCard export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mentordesk.domain.enums import HowWeMet, MentorStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange import linkedin_read, vcard_read
from mentordesk.interchange.contacts_import import ContactImport
from mentordesk.interchange.contacts_plan import (
    Contact,
    ContactAction,
    ContactFileError,
    plan_contacts,
)
from mentordesk.interchange.linkedin_read import read_linkedin_file
from mentordesk.interchange.vcard_export import VCardExport, vcard_text
from mentordesk.interchange.vcard_read import parse_vcards, read_vcard_file
from mentordesk.services.context import Services

CONTACTS = Path(__file__).with_name("data") / "contacts"
MALFORMED = CONTACTS / "malformed"


def _by_name(path: Path) -> dict[str, MentorFields]:
    return {c.fields.name: c.fields for c in read_vcard_file(path).contacts}


# --- reading vCards ------------------------------------------------------------------------


def test_google_contacts() -> None:
    cards = _by_name(CONTACTS / "google.vcf")
    assert list(cards) == ["Amara Okafor", "José Álvarez-Ruiz", "王芳"]
    amara = cards["Amara Okafor"]
    assert amara.email == "amara@example.org"  # the first of two
    assert amara.phone == "+234 803 555 0101"
    assert (amara.organization, amara.title, amara.location) == (
        "Lumen Health",
        "VP Engineering",
        "Lagos",
    )
    assert amara.profile_url == "https://www.linkedin.com/in/amara-okafor"  # item1.URL
    assert amara.notes == (
        "Met at the 2023 leadership offsite. Prefers short agendas, sent a day ahead."
    )
    assert amara.tags == ("Mentors",), "Google's own group myContacts is no tag"
    assert amara.status is MentorStatus.PROSPECT


def test_apple_contacts_with_a_photo() -> None:
    hannah = _by_name(CONTACTS / "apple.vcf")["Dr. Hannah Schröder"]
    assert hannah.organization == "Nordwerk"  # the first ORG component, not the department
    assert hannah.email == "hannah@nordwerk.example"
    assert hannah.phone == "+49 40 5550 1234"  # type=pref
    assert hannah.location == "Hamburg"
    assert hannah.profile_url == "https://nordwerk.example/people/hannah"
    assert hannah.notes == "Sponsor for the leadership track."


def test_outlook_2_1_with_quoted_printable() -> None:
    liam = _by_name(CONTACTS / "outlook.vcf")["Liam O'Connell"]
    assert (
        liam.notes == "Peer mentor from the risk guild.\nAsk about stakeholder maps and café chats."
    )
    assert liam.email == "liam.oconnell@brightwater.example"
    assert liam.phone == "+353 1 555 0199"
    assert liam.location == "Dublin"
    assert (liam.title, liam.organization) == ("Head of Risk", "Brightwater Bank")


def test_thunderbird_4_0() -> None:
    cards = _by_name(CONTACTS / "thunderbird.vcf")
    priya = cards["Priya Raghunathan"]
    assert priya.email == "priya@example.in"  # PREF=1
    assert priya.phone == "+91 98450 55501"
    assert priya.location == "Bengaluru"
    assert priya.tags == ("reverse", "product")
    assert priya.notes == (
        "Reverse mentoring: I help her with ML basics; she helps me with roadmaps.\n"
        "Monthly, on video."
    )
    assert cards["Zoë Ødegaard"].email == "zoe@example.no"


def test_a_name_from_n_and_values_the_card_refuses_left_out() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Amara;;Dr.;PhD\r\nEMAIL:not an address\r\n"
        b"URL:javascript:alert(1)\r\nTITLE:Coach\r\nEND:VCARD\r\n"
    )
    contact = parse_vcards(Path("x.vcf"), data).contacts[0]
    assert contact.fields.name == "Dr. Amara Okafor PhD"
    assert contact.fields.email == "" and contact.fields.profile_url == ""
    assert contact.fields.title == "Coach"
    assert [text.split(":")[0] for text in contact.left_out] == ["email", "profile url"]


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("truncated.vcf", 5, "has no END:VCARD: the file is truncated"),
        ("latin1.vcf", 7, "is not UTF-8 text"),
        ("bad-line.vcf", 8, "this vCard cannot be read"),
        ("nameless.vcf", 5, "has no name"),
        ("nested.vcf", 4, "a vCard begins inside the one that begins on line 1"),
    ],
)
def test_malformed_vcards_are_refused_with_file_and_line(
    name: str, line: int, problem: str
) -> None:
    with pytest.raises(ContactFileError) as caught:
        read_vcard_file(MALFORMED / name)
    message = str(caught.value)
    assert message.startswith(f"{MALFORMED / name}, line {line}: ")
    assert problem in message and message.endswith("Nothing was imported.")


def test_a_name_the_card_refuses_is_refused_with_its_line() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amara\r\nEND:VCARD\r\n"
    data += b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\x1b[31mName\r\nEND:VCARD\r\n"
    with pytest.raises(ContactFileError, match=r"^x.vcf, line 5: Name contains a control"):
        parse_vcards(Path("x.vcf"), data)


def test_other_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ContactFileError, match="does not exist"):
        read_vcard_file(tmp_path / "missing.vcf")
    (tmp_path / "notes.txt").write_text("just some text\n", encoding="utf-8")
    with pytest.raises(ContactFileError, match="line 1: this is not inside a vCard"):
        read_vcard_file(tmp_path / "notes.txt")
    (tmp_path / "empty.vcf").write_text("\n\n", encoding="utf-8")
    with pytest.raises(ContactFileError, match="holds no vCard"):
        read_vcard_file(tmp_path / "empty.vcf")
    monkeypatch.setattr(vcard_read, "MAX_VCARD_BYTES", 100)
    with pytest.raises(ContactFileError, match="larger than"):
        read_vcard_file(CONTACTS / "apple.vcf")


# --- reading LinkedIn ----------------------------------------------------------------------


def test_linkedin_connections_are_prospects_met_online() -> None:
    read = read_linkedin_file(CONTACTS / "Connections.csv")
    names = [c.fields.name for c in read.contacts]
    assert names == ["Amara Okafor", "José Álvarez-Ruiz", "Mei Tanaka", "Ngozi Adeyemi"]
    assert [c.line for c in read.contacts] == [5, 6, 7, 9]
    assert read.ignored == ("line 8: no name",)
    mei = read.contacts[2].fields
    assert mei.met_via is HowWeMet.ONLINE_COMMUNITY and mei.met_detail == "LinkedIn"
    assert mei.status is MentorStatus.PROSPECT
    assert (mei.organization, mei.title) == ("Kumo KK", "Engineering Manager, Platform")
    assert mei.email == "mei.tanaka@example.jp"
    assert mei.profile_url == "https://www.linkedin.com/in/mei-tanaka"
    assert mei.notes == "Connected on LinkedIn on 2025-11-28"
    assert read.contacts[3].fields.title == 'Coach "leadership" programs'


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("other-columns.csv", 4, "the columns are not those of LinkedIn's Connections.csv"),
        ("utf16.csv", 1, "is not UTF-8 text"),
        ("ragged.csv", 3, "this row has 6 fields; the header has 7"),
        ("bad-date.csv", 3, '"yesterday" under Connected On is not a date'),
    ],
)
def test_malformed_csv_is_refused_with_file_and_line(name: str, line: int, problem: str) -> None:
    with pytest.raises(ContactFileError) as caught:
        read_linkedin_file(MALFORMED / name)
    assert str(caught.value).startswith(f"{MALFORMED / name}, line {line}: ")
    assert problem in str(caught.value)


def test_a_csv_without_the_header_or_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "c.csv").write_text("Name,Email\nAmara,a@example.org\n", encoding="utf-8")
    with pytest.raises(ContactFileError, match="no header line"):
        read_linkedin_file(tmp_path / "c.csv")
    monkeypatch.setattr(linkedin_read, "MAX_CSV_BYTES", 50)
    with pytest.raises(ContactFileError, match="larger than"):
        read_linkedin_file(CONTACTS / "Connections.csv")


# --- the plan ------------------------------------------------------------------------------


def _contact(line: int, **fields: Any) -> Contact:
    return Contact(line, MentorFields(**fields).validated())


def test_matching_by_email_then_by_name_ignoring_case_and_accents(services: Services) -> None:
    amara = services.mentors.create(MentorFields(name="Amara Okafor", email="Amara@Example.org"))
    jose = services.mentors.create(MentorFields(name="José Álvarez", title="Architect"))
    plan = plan_contacts(
        Path("f.vcf"),
        "vCard",
        [
            _contact(1, name="A. Okafor", email="amara@example.org", phone="+1 555"),
            _contact(2, name="JOSE  alvarez", title="CTO", organization="Tessera"),
            _contact(3, name="Mei Tanaka"),
            _contact(4, name="mei tanaka", email="mei@example.jp"),
        ],
        services.mentors.list_all(),
    )
    first, second, third, fourth = plan.contacts
    assert (first.action, first.mentor_id, first.matched_by) == (
        ContactAction.UPDATE,
        amara.id,
        "email",
    )
    assert first.fills == ("phone",)
    assert first.stored is not None and first.stored.name == "Amara Okafor"
    assert (second.action, second.mentor_id, second.matched_by) == (
        ContactAction.UPDATE,
        jose.id,
        "name",
    )
    assert second.fills == ("organization",)
    assert [(c.field, c.in_mentordesk, c.in_file) for c in second.conflicts] == [
        ("title", "Architect", "CTO")
    ]
    assert second.stored is not None and second.stored.title == "Architect"
    assert third.action is ContactAction.NEW
    assert fourth.action is ContactAction.SKIP and fourth.reason == "the same person as on line 3"
    assert plan.summary() == "1 new, 2 updated, 1 skipped; 1 value left as in MentorDesk."


def test_two_namesakes_are_not_guessed(services: Services) -> None:
    services.mentors.create(MentorFields(name="Sam Lee"))
    services.mentors.create(MentorFields(name="Sam Lee"))
    plan = plan_contacts(
        Path("f"), "vCard", [_contact(1, name="Sam Lee")], services.mentors.list_all()
    )
    assert plan.contacts[0].action is ContactAction.SKIP
    assert "2 mentors have this name" in plan.contacts[0].reason


# --- the import ----------------------------------------------------------------------------


def test_importing_fills_only_what_is_empty(services: Services) -> None:
    amara = services.mentors.create(
        MentorFields(name="Amara Okafor", email="amara@example.org", title="CTO", tags=("lagos",))
    )
    importer = ContactImport(services)
    plan = importer.plan(read_vcard_file(CONTACTS / "google.vcf"))
    assert [p.action for p in plan.contacts] == [
        ContactAction.UPDATE,
        ContactAction.NEW,
        ContactAction.NEW,
    ]
    result = importer.apply(plan)
    assert result.backup is not None and result.backup.exists()
    stored = services.mentors.get(amara.id).fields
    assert stored.title == "CTO", "a filled field is never overwritten"
    assert stored.organization == "Lumen Health" and stored.location == "Lagos"
    assert stored.tags == ("lagos", "Mentors")
    assert stored.status is MentorStatus.ACTIVE, "an update leaves the status"
    assert sorted(m.name for m in services.mentors.list_all()) == [
        "Amara Okafor",
        "José Álvarez-Ruiz",
        "王芳",
    ]
    # Importing the same file again changes nothing.
    again = importer.plan(read_vcard_file(CONTACTS / "google.vcf"))
    assert [p.action for p in again.contacts] == [ContactAction.SKIP] * 3
    assert importer.apply(again).backup is None


def test_the_persons_choices_are_applied(services: Services) -> None:
    services.mentors.create(MentorFields(name="Amara Okafor"))
    importer = ContactImport(services)
    plan = importer.plan(read_linkedin_file(CONTACTS / "Connections.csv"))
    assert plan.contacts[0].action is ContactAction.UPDATE
    chosen = importer.choose(plan, {0: ContactAction.NEW, 2: ContactAction.SKIP})
    assert [p.action for p in chosen.contacts] == [
        ContactAction.NEW,
        ContactAction.NEW,
        ContactAction.SKIP,
        ContactAction.NEW,
    ]
    importer.apply(chosen)
    names = sorted(m.name for m in services.mentors.list_all())
    assert names == ["Amara Okafor", "Amara Okafor", "José Álvarez-Ruiz", "Ngozi Adeyemi"]


def test_a_failure_while_storing_stores_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.mentors.create(MentorFields(name="Amara Okafor"))
    before = services.mentors.list_all()
    importer = ContactImport(services)
    plan = importer.plan(read_linkedin_file(CONTACTS / "Connections.csv"))
    assert plan.count(ContactAction.NEW) == 3 and plan.count(ContactAction.UPDATE) == 1

    def broken(*_args: Any) -> None:
        raise OSError("the disk went away")

    from mentordesk.services.mentors import MentorService

    monkeypatch.setattr(MentorService, "update", broken)
    with pytest.raises(OSError, match="went away"):
        importer.apply(plan)
    assert services.mentors.list_all() == before


# --- the export ----------------------------------------------------------------------------


def test_the_export_reads_back(services: Services, tmp_path: Path) -> None:
    cards = [
        MentorFields(
            name="José Álvarez-Ruiz",
            title="Principal Architect",
            organization="Tessera; R&D",
            email="jose@example.org",
            phone="+34 600 555 010",
            profile_url="https://tessera.example/jose",
            location="Madrid",
            notes="Line one, with a comma\nLine two; with a semicolon",
            tags=("architecture", "spain"),
        ),
        MentorFields(name="王芳"),
        MentorFields(name="Priya Raghunathan", email="priya@example.in"),
    ]
    ids = [services.mentors.create(card).id for card in cards]
    result = VCardExport(services).write(tmp_path / "m.vcf", wanted=ids[:2])
    assert result.count == 2
    data = (tmp_path / "m.vcf").read_bytes()
    assert data.count(b"BEGIN:VCARD\r\n") == 2 and b"VERSION:3.0\r\n" in data
    assert b"N:\xc3\x81lvarez-Ruiz;Jos\xc3\xa9;;;\r\n" in data
    back = {c.fields.name: c.fields for c in read_vcard_file(tmp_path / "m.vcf").contacts}
    jose = back["José Álvarez-Ruiz"]
    for name in ("title", "organization", "email", "phone", "profile_url", "location", "notes"):
        assert getattr(jose, name) == getattr(cards[0], name), name
    assert jose.tags == cards[0].tags
    assert set(back) == {"José Álvarez-Ruiz", "王芳"}


def test_an_empty_list_makes_an_empty_file() -> None:
    assert vcard_text([]) == ""


# --- cancelling the import, and the choices a preview offers -------------------------------


@pytest.mark.parametrize("after", [0, 1, 3])
def test_a_cancel_during_the_import_stores_nothing(services: Services, after: int) -> None:
    """``after``: how many progress reports come before the Cancel (0: before the backup;
    1: once the transaction has begun; 3: every contact written, just before the commit)."""
    from mentordesk.interchange.errors import ImportCancelled

    services.mentors.create(MentorFields(name="Amara Okafor"))
    before = services.mentors.list_all()
    importer = ContactImport(services)
    plan = importer.plan(read_linkedin_file(CONTACTS / "Connections.csv"))
    assert plan.count(ContactAction.NEW) == 3 and plan.count(ContactAction.UPDATE) == 1
    reports: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled, match="Nothing was imported"):
        importer.apply(
            plan,
            progress=lambda done, total: reports.append((done, total)),
            cancelled=lambda: len(reports) >= after,
        )
    assert services.mentors.list_all() == before
    backups = list(services.database.location.root.rglob("*before-import*"))
    assert bool(backups) is (after > 0), "no backup is taken when the Cancel comes first"
    if after == 3:
        assert reports[-1] == (4, 4)  # all of it was written, then rolled back


def test_progress_is_reported_and_a_cancel_never_asked_changes_nothing(
    services: Services,
) -> None:
    services.mentors.create(MentorFields(name="Amara Okafor"))
    importer = ContactImport(services)
    plan = importer.plan(read_linkedin_file(CONTACTS / "Connections.csv"))
    reports: list[tuple[int, int]] = []
    result = importer.apply(
        plan, progress=lambda d, t: reports.append((d, t)), cancelled=lambda: False
    )
    assert reports[0] == (0, 4) and reports[-1] == (4, 4)
    assert len(result.created) == 3 and len(result.updated) == 1


def test_the_actions_allowed_are_those_the_plan_carries_out(services: Services) -> None:
    services.mentors.create(MentorFields(name="Amara Okafor", email="amara@example.org"))
    services.mentors.create(MentorFields(name="Sam Lee"))
    services.mentors.create(MentorFields(name="Sam Lee"))
    everything = MentorFields(name="Full Card", email="full@example.org", organization="Org")
    services.mentors.create(everything)
    importer = ContactImport(services)
    contacts = [
        _contact(1, name="Amara Okafor", phone="+1 555"),  # an update
        _contact(2, name="Sam Lee"),  # two namesakes: no update
        _contact(3, name="full card", organization="Org"),  # nothing to fill
        _contact(4, name="Mei Tanaka"),  # new
        _contact(5, name="MEI TANAKA"),  # the same person again: only skip
    ]
    from mentordesk.interchange.contacts_plan import ContactFile

    plan = importer.plan(ContactFile(Path("f.vcf"), "vCard", tuple(contacts)))
    new, update, skip = ContactAction.NEW, ContactAction.UPDATE, ContactAction.SKIP
    allowed = importer.allowed_actions(plan, mentors=services.mentors.list_all())
    assert allowed == (
        {new, update, skip},
        {new, skip},
        {new, skip},
        {new, skip},
        {skip},
    )
    # Each allowed choice is carried out; a choice not allowed leaves the proposal.
    for index, actions in enumerate(allowed):
        for action in ContactAction:
            chosen = importer.choose(plan, {index: action}).contacts[index].action
            assert chosen is (action if action in actions else plan.contacts[index].action)


def test_a_vcard_naming_an_unknown_charset_is_refused_with_its_line(tmp_path: Path) -> None:
    """vobject decodes a value only when asked for it: the LookupError comes late (the fuzz
    test found it with seed 854264632)."""
    path = tmp_path / "odd.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\n"
        b"FN;CHARSET=no-such-charset;ENCODING=QUOTED-PRINTABLE:Jane=20Doe\r\nEND:VCARD\r\n"
    )
    with pytest.raises(ContactFileError, match=r"odd\.vcf, line 1: this vCard cannot be read"):
        read_vcard_file(path)


def test_one_card_is_updated_from_one_contact_only(services: Services) -> None:
    """Two people in a file may match one card, one by email and one by name: both updates
    would start from the card as stored, and the second would undo the first's fills."""
    amara = services.mentors.create(MentorFields(name="Amara Okafor", email="amara@example.org"))
    importer = ContactImport(services)
    contacts = [
        _contact(1, name="A. Okafor", email="amara@example.org", phone="+1 555"),
        _contact(2, name="Amara Okafor", email="amara@work.example", title="CTO"),
    ]
    plan = plan_contacts(Path("f.vcf"), "vCard", contacts, services.mentors.list_all())
    first, second = plan.contacts
    assert (first.action, first.mentor_id) == (ContactAction.UPDATE, amara.id)
    assert (second.action, second.mentor_id) == (ContactAction.SKIP, amara.id)
    assert second.reason == "Amara Okafor is updated from line 1 already"
    importer.apply(plan)
    stored = services.mentors.get(amara.id).fields
    assert (stored.phone, stored.title) == ("+1 555", "")  # the first update, kept whole

    # Chosen the other way round, the second updates and the first is left out.
    other = importer.choose(plan, {0: ContactAction.SKIP})
    assert [c.action for c in other.contacts] == [ContactAction.SKIP, ContactAction.UPDATE]
    assert other.contacts[1].fills == ("title",)
