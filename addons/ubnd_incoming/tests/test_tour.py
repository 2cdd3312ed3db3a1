from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestIncomingTour(HttpCase):
    """Issue #11 item 1, "Done when": on the Vietnamese demo, the Office registers an incoming document and a
    leader directs it on his phone."""

    def test_office_registers_and_leader_directs_on_his_phone(self):
        """R-001-7.6, R-002-1.1: the Office's specialist receives the Ministry's paper letter (scan at 300 dpi),
        registers it — the next incoming number of the year and the “ĐẾN” stamp — and presents it to the
        Vice-Chairman for urban affairs; he opens it from "Việc của tôi" at 390x844 and directs it to the
        Department of Construction with a deadline and the Department of Finance with its own, assigning the work
        as a task."""
        Incoming = self.env["ubnd.incoming"]
        hp = self.env.ref("ubnd_quyche.committee_haiphong")
        before = max(Incoming.search([("committee_id", "=", hp.id), ("series", "=", "normal"),
                                      ("year", "=", date.today().year)]).mapped("number") or [0])
        self.start_tour("/odoo/action-ubnd_incoming.ubnd_incoming_action", "ubnd_incoming_office_registers", login="chuyenvien.vp.hp")
        doc = Incoming.search([("document_number", "=", "6012/BXD-PC")])
        self.assertEqual((doc.state, doc.medium, doc.scan_dpi, doc.number), ("presented", "paper", 300, before + 1))
        self.assertEqual(doc.leader_id, self.env.ref("ubnd_quyche.user_hp_vc_urban"))
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo", "ubnd_incoming_leader_directs", login="pct.dothi.hp")
        self.assertEqual((doc.state, doc.lead_unit_id), ("handling", self.env.ref("ubnd_quyche.unit_hp_construction")))
        support = doc.assignment_ids.filtered(lambda a: a.role == "support")
        self.assertEqual((support.unit_id.name, support.deadline, doc.handling_deadline),
                         ("Sở Tài chính", date(2030, 12, 20), date(2030, 12, 31)))
        self.assertEqual((doc.task_ids.state, doc.task_ids.source_number), ("in_progress", "6012/BXD-PC"))
