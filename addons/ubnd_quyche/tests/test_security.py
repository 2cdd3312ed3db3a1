from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged, new_test_user

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestSecurity(UbndCommonCase):
    """Access rights and company isolation of the core."""

    def test_members_read_the_organisation_and_grants(self):
        """Members read the committee, its members and delegations (the information of 000 Đ8.4 on the leaders'
        activities: ubnd_programme test_members_informed)."""
        self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                   authorising_document="GUQ 12", date_end=date(2026, 12, 31))
        env = self.env(user=self.member_finance)
        self.assertEqual(env["ubnd.committee"].search([]), self.committee)
        self.assertEqual(len(env["ubnd.committee.member"].search([("committee_id", "=", self.committee.id)])), 5)
        self.assertTrue(env["ubnd.delegation"].search([("committee_id", "=", self.committee.id)]))

    def test_staff_cannot_change_configuration(self):
        """Only administrators change profiles, holidays and committees."""
        with self.assertRaises(AccessError):
            self.profile.with_user(self.chief_office).write({"office_intake_days": 5})
        with self.assertRaises(AccessError):
            self.env["ubnd.holiday"].with_user(self.staff).create({"name": "x", "date": date(2026, 3, 3)})
        with self.assertRaises(AccessError):
            self.committee.with_user(self.chairman).write({"name": "x"})
        admin = new_test_user(self.env, login="t_ubnd_admin", groups="ubnd_quyche.group_ubnd_admin",
                              company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        self.profile.with_user(admin).write({"office_intake_days": 4})
        self.assertEqual(self.profile.office_intake_days, 4)

    def test_other_committees_are_invisible(self):
        """Record rules keep each committee's organisation and grants to its own company."""
        other_company = self.env["res.company"].create({"name": "UBND tỉnh Khác"})
        other = self.env["ubnd.committee"].create({"name": "UBND tỉnh Khác", "company_id": other_company.id})
        env = self.env(user=self.chairman)
        self.assertNotIn(other, env["ubnd.committee"].search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.chairman).read(["name"])

    def test_leader_cannot_revoke_another_leaders_grant(self):
        """A Vice-Chairman cannot revoke or rewrite the Chairman's grants."""
        grant = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                           authorising_document="GUQ 13", date_end=date(2026, 12, 31))
        with self.assertRaises(AccessError):
            grant.with_user(self.vc_urban).action_revoke()
        with self.assertRaises(AccessError):
            grant.with_user(self.vc_urban).write({"note": "x"})

    def test_rpc_cannot_write_workflow_fields(self):
        """RPC callers skip the UI: status, numbers and approvals cannot be written directly, by anyone."""
        sub = self.env["ubnd.submission"].with_user(self.staff).create({
            "name": "Thử", "committee_id": self.committee.id, "submitting_unit_id": self.department.id,
            "state": "issued",
        })
        self.assertEqual(sub.state, "draft", "a caller cannot create a dossier in a later state")
        with self.assertRaises(AccessError):
            sub.with_user(self.staff).write({"state": "approved"})
        with self.assertRaises(AccessError):
            sub.with_user(self.chief_office).write({"decision_deadline": "2030-01-01"})
        doc = self.env["ubnd.document"].with_user(self.chief_office).create({
            "name": "Văn bản", "committee_id": self.committee.id,
            "document_type_id": self.doctype_decision.id, "number": 7, "state": "issued",
        })
        self.assertEqual((doc.state, doc.number), ("draft", 0))
        with self.assertRaises(AccessError):
            doc.with_user(self.chief_office).write({"state": "issued"})
        grant = self.env["ubnd.delegation"].with_user(self.chairman).create({
            "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
            "grantee_id": self.member_finance.id, "authorising_document": "GUQ", "date_start": date(2026, 1, 1),
            "date_end": date(2026, 2, 1), "state": "active",
        })
        self.assertEqual(grant.state, "draft")
        with self.assertRaises(AccessError):
            grant.with_user(self.chairman).write({"state": "active"})

    def test_rpc_cannot_approve_a_review_by_writing_it(self):
        """An approval step is given only through the approval action of the person whose turn it is."""
        Employee = self.env["hr.employee"].with_company(self.company)
        self.department.manager_id = Employee.create({"name": "TP", "user_id": self.unit_head.id,
                                                      "department_id": self.department.id, "company_id": self.company.id})
        sub = self.env["ubnd.submission"].create({
            "name": "Thử", "committee_id": self.committee.id, "submitting_unit_id": self.department.id,
            "field_id": self.field_construction.id,
        })
        sub.with_context(ubnd_workflow=True).write({"state": "to_leader"})
        sub.request_validation()
        review = sub.review_ids.sorted("sequence")[-1]
        with self.assertRaises(AccessError):
            review.with_user(self.staff).write({"status": "approved", "done_by": self.staff.id})
        with self.assertRaises(AccessError):
            review.with_user(self.staff).unlink()
