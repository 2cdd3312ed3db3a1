import base64
from contextlib import contextmanager
from datetime import date, datetime, time
from unittest.mock import patch

import pytz

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.ubnd_quyche.tests.common import UbndCommonCase

VN = pytz.timezone("Asia/Ho_Chi_Minh")
# A quiet week of 2026 without public holidays: the session is on Wednesday 17 June.
SESSION_DAY = date(2026, 6, 17)


def at(day, hour=8, minute=0):
    """Naive UTC datetime of ``day`` at ``hour``:``minute`` in Hà Nội time."""
    return VN.localize(datetime.combine(day, time(hour, minute))).astimezone(pytz.utc).replace(tzinfo=None)


@contextmanager
def on(day, hour=9):
    """Freeze today and now for the workflow (dates are read with context_today and Datetime.now)."""
    moment = at(day, hour)
    with patch.object(fields.Date, "context_today", lambda *a, **k: day), \
            patch.object(fields.Datetime, "now", lambda *a, **k: moment):
        yield


class UbndMeetingsCase(UbndCommonCase):
    """The core's test committee (5 members) with what sessions need: standing delegates, a unit head,
    employees, and helpers to build collective submissions, sessions and committees of N members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Employee = env["hr.employee"].with_company(cls.company)
        head = Employee.create({"name": "Giám đốc Sở Xây dựng", "user_id": cls.unit_head.id,
                                "department_id": cls.department.id, "company_id": cls.company.id})
        cls.department.manager_id = head
        Employee.create({"name": "Chuyên viên", "user_id": cls.staff.id, "department_id": cls.department.id,
                         "company_id": cls.company.id})
        Employee.create({"name": "Phó Chánh Văn phòng", "user_id": cls.deputy_office.id,
                         "department_id": cls.office.id, "company_id": cls.company.id})
        cls.Meeting = env["ubnd.meeting"]
        cls.cat_party = env.ref("ubnd_meetings.guest_party_standing")
        cls.cat_council = env.ref("ubnd_meetings.guest_council_standing")
        cls.cat_na = env.ref("ubnd_meetings.guest_na_delegation")
        cls.cat_front = env.ref("ubnd_meetings.guest_fatherland_front")
        cls.add_standing_guests(cls.committee)

    # --- Fixtures ------------------------------------------------------------------------------------------
    @classmethod
    def add_standing_guests(cls, committee):
        Partner = cls.env["res.partner"]
        categories = cls.env["ubnd.meeting.guest.category"].search([("invite_rule", "=", "always")])
        for category in categories._applies_to(committee):
            partner = Partner.create({"name": "%s – %s" % (category.name, committee.name),
                                      "email": "%s.%s@example.gov.vn" % (category.code, committee.id)})
            cls.env["ubnd.committee.guest"].create({"committee_id": committee.id, "category_id": category.id,
                                                    "partner_id": partner.id})

    @classmethod
    def collective_submission(cls, committee=None, route="session", **vals):
        """A dossier a leader sent to the committee (state 'collective'), with its required files."""
        committee = committee or cls.committee
        vals.setdefault("name", "Quyết định phê duyệt đề án chuyển đổi số")
        vals.setdefault("kind", "committee_decision")
        vals.setdefault("addressee", "committee")
        vals.setdefault("submitting_unit_id", (committee.unit_ids.filtered(
            lambda u: u.ubnd_unit_kind == "department")[:1] or committee.unit_ids[:1]).id)
        vals.setdefault("summary", "Đề án chuyển đổi số giai đoạn 2026–2030.")
        sub = cls.env["ubnd.submission"].sudo().create(dict(vals, committee_id=committee.id))
        for component in sub.component_ids.filtered("required"):
            attachment = cls.env["ir.attachment"].sudo().create({
                "name": "%s.pdf" % component.code, "datas": base64.b64encode(b"%PDF-1.4 test"),
                "res_model": "ubnd.submission.component", "res_id": component.id,
            })
            component.attachment_ids = [Command.link(attachment.id)]
        sub.write({"state": "collective", "route": route})
        return sub

    def new_meeting(self, kind="regular", day=SESSION_DAY, user=None, committee=None, **vals):
        committee = committee or self.committee
        vals.setdefault("name", "Phiên họp %s" % day.strftime("%d/%m/%Y"))
        if kind in ("thematic", "extraordinary"):
            vals.setdefault("convened_by", "chairman")
        vals.setdefault("chair_id", committee.chairman_id.id)
        return self.Meeting.with_user(user or self.deputy_office).create(dict(
            vals, kind=kind, committee_id=committee.id, start=at(day, 8), stop=at(day, 11), location="Phòng họp số 1"))

    def add_item(self, meeting, submission=None, user=None, **vals):
        submission = submission or self.collective_submission(meeting.committee_id)
        vals.setdefault("name", submission.name)
        return self.env["ubnd.meeting.item"].with_user(user or self.deputy_office).create(dict(
            vals, meeting_id=meeting.id, submission_id=submission.id))

    def ready_session(self, kind="regular", day=SESSION_DAY, present=None, committee=None, chairman=None,
                      office=None, items=1, **vals):
        """A session with its agenda approved, invitations sent, and ``present`` members present."""
        committee = committee or self.committee
        chairman = chairman or committee.chairman_id
        office = office or self.deputy_office
        meeting = self.new_meeting(kind, day, user=office, committee=committee, **vals)
        for _i in range(items):
            self.add_item(meeting, user=office)
        with on(day.replace(day=1) if day.day > 10 else day):
            meeting.with_user(office).action_submit_agenda()
            meeting.with_user(chairman).action_approve_agenda()
            meeting.with_user(office).action_send_invitations()
        members = meeting.attendee_ids.filtered(lambda a: a.role == "member")
        if present is None:
            present = len(members)
        for attendee in members[:present]:
            attendee.with_user(office).action_mark_present()
        return meeting

    def open_session(self, meeting, office=None):
        with on(meeting.meeting_date):
            meeting.with_user(office or self.deputy_office).action_open()
        return meeting

    def member_of(self, user, committee=None):
        return (committee or self.committee).member_ids.filtered(lambda m: m.user_id == user)

    def member_attendee(self, meeting, user):
        return meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.user_id == user)

    # --- Committees of N members ---------------------------------------------------------------------------
    def build_committee(self, size, level="province", name=None):
        """A committee of ``size`` members: a Chairman, up to two Vice-Chairmen, the Chief of Office (a member
        of the Office) and ordinary members; with its Office, one department and its standing delegates."""
        env = self.env
        company = env["res.company"].create({"name": name or "UBND %s thành viên %s" % (size, level)})

        def user(login, groups):
            return new_test_user(env, login="%s_%s_%s" % (login, size, company.id), groups=groups,
                                 company_id=company.id, company_ids=[Command.set(company.ids)])

        committee = env["ubnd.committee"].create({"name": "Ủy ban nhân dân %s" % company.name,
                                                  "company_id": company.id, "level": level})
        Department = env["hr.department"].with_company(company)
        office = Department.create({"name": "Văn phòng", "company_id": company.id, "ubnd_committee_id": committee.id,
                                    "ubnd_unit_kind": "office"})
        Department.create({"name": "Sở Tài chính", "company_id": company.id, "ubnd_committee_id": committee.id,
                           "ubnd_unit_kind": "department"})
        users = [user("chairman", "ubnd_quyche.group_ubnd_chairman")]
        roles = ["chairman"]
        for index in range(1, size):
            if index <= 2:
                users.append(user("vc%s" % index, "ubnd_quyche.group_ubnd_vice_chairman"))
                roles.append("vice_chairman")
            elif index == 3:
                users.append(user("cvp", "ubnd_quyche.group_ubnd_member,ubnd_quyche.group_ubnd_office"))
                roles.append("member")
            else:
                users.append(user("uv%s" % index, "ubnd_quyche.group_ubnd_member"))
                roles.append("member")
        fields_ = [self.field_economy, self.field_construction]
        env["ubnd.committee.member"].create([
            {"committee_id": committee.id, "user_id": u.id, "role": role,
             "field_ids": [Command.set(fields_[i - 1].ids)] if role == "vice_chairman" else []}
            for i, (u, role) in enumerate(zip(users, roles))
        ])
        office_user = users[3] if size > 3 else user("vp", "ubnd_quyche.group_ubnd_office")
        committee.write({"office_unit_id": office.id, "chief_of_office_id": office_user.id,
                         "standing_deputy_id": users[1].id if size > 1 else False})
        self.add_standing_guests(committee)
        return committee
