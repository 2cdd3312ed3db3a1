import base64

from odoo.tests import HttpCase, tagged, new_test_user

from .common import UbndCommonCase
from .printing import no_web_assets


@tagged("post_install", "-at_install")
class TestSubmissionTour(HttpCase, UbndCommonCase):
    """A dossier walks from the unit to issuance in the browser, the leader's step at phone width."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)  # the signing screen prints the document
        Employee = cls.env["hr.employee"].with_company(cls.company)
        cls.department.manager_id = Employee.create({
            "name": "Trưởng phòng", "user_id": cls.unit_head.id, "department_id": cls.department.id,
            "company_id": cls.company.id})
        Employee.create({"name": "Chuyên viên", "user_id": cls.staff.id, "department_id": cls.department.id,
                         "company_id": cls.company.id})
        Employee.create({"name": "Phó Chánh VP", "user_id": cls.deputy_office.id, "department_id": cls.office.id,
                         "company_id": cls.company.id})
        cls.submission = cls.env["ubnd.submission"].with_user(cls.staff).create({
            "name": "Tour dossier", "committee_id": cls.committee.id, "kind": "chairman_decision",
            "field_id": cls.field_construction.id, "submitting_unit_id": cls.department.id,
        })
        pdf = cls.env["ir.attachment"].with_user(cls.staff).create(
            {"name": "du-thao.pdf", "datas": base64.b64encode(b"%PDF-1.4 tour")})
        for component in cls.submission.with_user(cls.staff).component_ids.filtered("required"):
            component.attachment_ids = [(4, pdf.id)]

    def test_submission_from_unit_to_issuance(self):
        """R-000-18.1, R-000-18.4, R-000-20.1: submit, initial, check and forward, decide and sign on a phone, issue —
        in the browser, in the order of 000 Đ15–18 (the unit head initials before the Office checks)."""
        sub = self.submission
        url = "/odoo/ubnd.submission/%d" % sub.id
        self.start_tour(url, "ubnd_submission_unit_submits", login="t_staff")
        self.assertEqual(sub.state, "initialling")
        # The unit head initials (his own screen: test_approval_chain_tour).
        sub.with_user(self.unit_head).action_initial()
        self.assertEqual(sub.state, "submitted")
        self.start_tour(url, "ubnd_submission_office_forwards", login="t_chief_office")
        self.assertEqual(sub.state, "to_leader")
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_quyche.ubnd_submission_inbox_action", "ubnd_submission_leader_decides_on_phone",
                        login="t_vc_urban")
        self.assertEqual(sub.state, "signed")
        self.assertEqual(sub.decision_note, "Đồng ý, trình ký.")
        self.browser_size = "1366x768"
        self.touch_enabled = False
        self.start_tour(url, "ubnd_submission_office_issues", login="t_deputy_office")
        self.assertEqual(sub.state, "issued")
        self.assertTrue(sub.document_id.reference.endswith("/QĐ-UBND"))
