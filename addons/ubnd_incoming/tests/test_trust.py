from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import IncomingCase

# Context keys a client may send, hoping the workflow trusts them.
CLIENT_KEYS = {"ubnd_incoming_workflow": True, "ubnd_workflow": True, "ubnd_task_workflow": True}


@tagged("post_install", "-at_install")
class TestIncomingTrust(IncomingCase):
    """Attacks a logged-in user can send over RPC on incoming documents (issue #11 item 1: guarded writes — a
    registered number never changes, only the leader or his delegate directs; access scoped to the committee)."""

    def test_specialist_cannot_direct(self):
        """R-001-7.6: the Chief of Office or the leader the document is presented to directs it; an Office
        specialist opening the wizard, calling the direction method or sending the workflow keys is refused and
        nothing is recorded."""
        doc = self.presented()
        for user in (self.office_clerk, self.staff, self.vc_economy):
            with self.assertRaises(AccessError):
                doc.with_user(user).action_open_direct_wizard()
            with self.assertRaises(AccessError):
                self.direct(doc, user)
            with self.assertRaises(AccessError):
                doc.with_user(user).with_context(**CLIENT_KEYS)._direct(
                    "Tự giao", [{"role": "lead", "unit_id": self.department.id}], True)
        self.assertEqual((doc.state, doc.assignment_ids, doc.task_ids), ("presented", doc.assignment_ids.browse(),
                                                                        doc.task_ids.browse()))
        self.assertFalse(doc.user_may_direct)
        self.assertTrue(doc.with_user(self.vc_urban).user_may_direct)

    def test_registered_number_is_never_rewritten(self):
        """Issue #11 item 1 (Decree 30/2020 Đ22.2): the incoming number, its year, the registration time and the
        state are written by registration only: a write or a create sending them over RPC is refused, also with
        the workflow's context keys or as default_* keys; the received time is fixed once registered."""
        doc = self.register(self.receive())
        number, registered_at = doc.number, doc.registered_at
        for vals in ({"number": 99}, {"year": 2025}, {"state": "done"}, {"registered_at": "2026-11-01 08:00:00"},
                     {"registered_late": True}, {"direction_note": "Giả mạo"}, {"directed_by_id": self.chairman.id}):
            with self.assertRaises(AccessError):
                doc.with_user(self.office_clerk).with_context(**CLIENT_KEYS).write(vals)
        with self.assertRaises(UserError):
            doc.with_user(self.office_clerk).write({"received_at": "2026-11-30 08:00:00"})
        with self.assertRaises(AccessError):
            self.Incoming.with_user(self.office_clerk).create({"name": "x", "sender": "y", "number": 1, "year": 2026})
        with self.assertRaises(AccessError):
            self.Incoming.with_user(self.office_clerk).with_context(default_number=5, default_state="registered") \
                .create({"name": "x", "sender": "y"})
        with self.assertRaises(UserError):
            doc.with_user(self.office_clerk).action_register()
        self.assertEqual((doc.number, doc.registered_at), (number, registered_at))

    def test_distribution_and_task_link_only_by_the_direction(self):
        """Issue #11 item 1: the units and deadlines of a distribution, and a task's source incoming document, are
        written by the leader's direction only."""
        doc = self.presented()
        self.direct(doc, self.vc_urban, assigns_task=True)
        line = doc.assignment_ids
        for user in (self.office_clerk, self.vc_urban, self.unit_head):
            with self.assertRaises(AccessError):
                line.with_user(user).with_context(**CLIENT_KEYS).write({"deadline": "2027-06-30"})
            with self.assertRaises(AccessError):
                self.env["ubnd.incoming.assignment"].with_user(user).create(
                    {"incoming_id": doc.id, "role": "support", "unit_id": self.finance.id})
        other = self.make_task()
        with self.assertRaises(AccessError):
            other.with_user(self.office_clerk).write({"incoming_id": doc.id})
        with self.assertRaises(AccessError):
            self.make_task(incoming_id=doc.id)
        self.assertEqual(doc.task_ids, line.incoming_id.task_ids)
        self.assertEqual(len(doc.task_ids), 1)

    def test_only_the_office_registers_presents_and_closes(self):
        """Issue #11 item 1 (Decree 30/2020 Đ20–23): receiving, registering, presenting and closing are the
        Office's; a leader or a unit cannot create or edit an incoming document."""
        doc = self.receive()
        for user in (self.staff, self.unit_head, self.vc_urban):
            with self.assertRaises(AccessError):
                doc.with_user(user).action_register()
            with self.assertRaises(AccessError):
                self.Incoming.with_user(user).create({"name": "x", "sender": "y"})
        self.register(doc)
        with self.assertRaises(AccessError):
            doc.with_user(self.vc_urban).write({"leader_id": self.vc_urban.id})
        with self.assertRaises(AccessError):
            doc.with_user(self.unit_head).action_present()

    def test_units_see_what_is_distributed_to_them_and_committees_their_own(self):
        """Issue #11 item 1 (Decree 30/2020 Đ23.3): a unit sees an incoming document once it is distributed to
        it, and only then; another committee's users never see it; a confidential one is seen by the Office, the
        leader it is presented to and the units it goes to, not by other leaders."""
        doc = self.presented()
        Incoming = self.Incoming
        self.assertNotIn(doc, Incoming.with_user(self.staff).search([]))
        self.assertNotIn(doc, Incoming.with_user(self.finance_staff).search([]))
        self.direct(doc, self.vc_urban)
        self.assertIn(doc, Incoming.with_user(self.staff).search([]))
        self.assertNotIn(doc, Incoming.with_user(self.finance_staff).search([]))
        self.assertNotIn(doc, Incoming.with_user(self.ward_clerk).search([]))
        secret = self.presented(leader=self.chairman, confidentiality="mat", medium="paper", document_number="3/CA")
        self.assertIn(secret, Incoming.with_user(self.chairman).search([]))
        self.assertNotIn(secret, Incoming.with_user(self.vc_economy).search([]))
        self.assertIn(secret, Incoming.with_user(self.office_clerk).search([]))
        outsider = new_test_user(self.env, login="t_outsider_office", groups="ubnd_quyche.group_ubnd_office",
                                 company_id=self.ward_company.id, company_ids=[(6, 0, self.ward_company.ids)])
        self.assertFalse(Incoming.with_user(outsider).search([("id", "in", (doc | secret).ids)]))

    def test_files_follow_the_document(self):
        """Issue #11 item 1: the scan or e-file belongs to the incoming document once linked — the leader it is
        presented to opens it, a unit it does not go to cannot — and nobody links another person's upload."""
        doc = self.presented()
        scan = doc.attachment_ids
        self.assertEqual((scan.res_model, scan.res_id), ("ubnd.incoming", doc.id))
        scan.with_user(self.vc_urban).check_access("read")
        with self.assertRaises(AccessError):
            scan.with_user(self.finance_staff).check_access("read")
        foreign = self.pdf(user=self.staff, name="tai-lieu-khac.pdf")
        with self.assertRaises(AccessError):
            self.receive(attachment_ids=[(6, 0, foreign.ids)], document_number="1/KHAC")
        self.assertFalse(foreign.sudo().res_id)
