import base64
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import IncomingCase, vn


@tagged("post_install", "-at_install")
class TestDossierLoggedAsIncoming(IncomingCase):
    """Dossiers submitted to the leaders reach the Office as incoming (001 Đ12.1; 000 Đ16.2)."""

    def submission(self, **vals):
        values = {"name": "Quyết định phê duyệt kế hoạch cải tạo chung cư cũ", "committee_id": self.committee.id,
                  "kind": "chairman_decision", "addressee": "vice_chairman", "field_id": self.field_construction.id,
                  "submitting_unit_id": self.department.id}
        values.update(vals)
        sub = self.env["ubnd.submission"].with_user(self.staff).create(values)
        if sub.confidentiality == "normal":
            pdf = self.env["ir.attachment"].with_user(self.staff).create(
                {"name": "du-thao.pdf", "datas": base64.b64encode(b"%PDF-1.4 du thao"),
                 "res_model": "ubnd.submission", "res_id": sub.id})
            for component in sub.with_user(self.staff).component_ids.filtered("required"):
                component.attachment_ids = [(4, pdf.id)]
        return sub

    def test_dossier_registered_as_incoming_when_the_office_receives_it(self):
        """R-001-12.1: every draft dossier goes through the Office and is registered as incoming on the electronic
        system before it reaches the Chairman or a Vice-Chairman: when the unit's head initials it and the Office
        receives it, it takes the next incoming number of the year, with its unit as issuing body and its
        leader, before the Office forwards it to him."""
        earlier = self.register(self.receive())
        sub = self.submission()
        with freeze_time(vn(2026, 12, 2, 9, 0)):
            sub.with_user(self.staff).action_submit()
            if sub.state == "initialling":
                sub.with_user(self.unit_head).action_initial()
        self.assertEqual(sub.state, "submitted")
        logged = self.Incoming.search([("submission_id", "=", sub.id)])
        self.assertEqual(len(logged), 1)
        self.assertEqual((logged.origin, logged.state, logged.number, logged.year),
                         ("dossier", "registered", earlier.number + 1, 2026))
        self.assertEqual((logged.sender, logged.document_number, logged.leader_id, logged.received_date),
                         (self.department.name, sub.reference, self.vc_urban, date(2026, 12, 2)))
        self.assertFalse(logged.registered_late)
        # The dossier's handling is followed along its own chain: its progress is the dossier's state.
        self.assertEqual(logged.progress, dict(sub._fields["state"]._description_selection(self.env))["submitted"])
        # Received again after a clarification: registered once.
        self.Incoming._log_dossier(sub)
        self.assertEqual(self.Incoming.search_count([("submission_id", "=", sub.id)]), 1)

    def test_state_secret_dossier_stays_outside_the_system(self):
        """R-000-16.2, R-001-12.1: state-secret dossiers are the exception — they are not registered or tracked
        on the electronic system."""
        sub = self.submission(confidentiality="mat")
        self.assertFalse(self.Incoming._log_dossier(sub))
        self.assertFalse(self.Incoming.sudo().search([("submission_id", "=", sub.id)]))
