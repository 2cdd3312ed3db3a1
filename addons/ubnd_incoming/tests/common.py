import base64
from datetime import datetime

import pytz
from freezegun import freeze_time

from odoo.addons.ubnd_tasks.tests.common import UbndTaskCase

HCM = pytz.timezone("Asia/Ho_Chi_Minh")


def vn(*args):
    """A moment in Vietnam, as the naive UTC datetime Odoo stores and freezegun freezes."""
    return HCM.localize(datetime(*args)).astimezone(pytz.utc).replace(tzinfo=None)


class IncomingCase(UbndTaskCase):
    """The task suite's test committee (Office clerk ``office_clerk``, Department of Construction led by
    ``unit_head``, Department of Finance), receiving documents from outside."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Incoming = cls.env["ubnd.incoming"]
        cls.letter_type = cls.env.ref("ubnd_quyche.doctype_cv")

    def pdf(self, user=None, name="cong-van.pdf"):
        return self.env["ir.attachment"].with_user(user or self.office_clerk).create({
            "name": name, "mimetype": "application/pdf", "datas": base64.b64encode(b"%PDF-1.4 cong van den"),
        })

    def receive(self, at=None, **vals):
        """The Office receives an electronic letter of the Ministry of Construction at ``at`` (Vietnam time)."""
        values = {
            "name": "Về việc rà soát, báo cáo tình hình phát triển nhà ở xã hội",
            "sender": "Bộ Xây dựng", "sender_kind": "ministry", "document_type_id": self.letter_type.id,
            "document_number": "5120/BXD-QLN", "document_date": "2026-11-25", "medium": "electronic",
        }
        values.update(vals)
        if values.get("confidentiality", "normal") == "normal" and "attachment_ids" not in values:
            values["attachment_ids"] = [(6, 0, self.pdf().ids)]
        with freeze_time(at or vn(2026, 12, 1, 9, 0)):
            return self.Incoming.with_user(self.office_clerk).create(values)

    def register(self, doc, at=None):
        with freeze_time(at or vn(2026, 12, 1, 9, 30)):
            doc.with_user(self.office_clerk).action_register()
            self.env.flush_all()
        return doc

    def present(self, doc, leader, at=None):
        with freeze_time(at or vn(2026, 12, 1, 10, 0)):
            doc.with_user(self.office_clerk).write({"leader_id": leader.id})
            doc.with_user(self.office_clerk).action_present()
        return doc

    def direct(self, doc, leader, at=None, **vals):
        values = {"incoming_id": doc.id, "lead_unit_id": self.department.id, "lead_deadline": "2026-12-15",
                  "note": "Giao Sở Xây dựng chủ trì tham mưu văn bản trả lời Bộ."}
        values.update(vals)
        with freeze_time(at or vn(2026, 12, 2, 8, 0)):
            wizard = self.env["ubnd.incoming.direct.wizard"].with_user(leader).with_context(
                default_incoming_id=doc.id).create(values)
            wizard.action_direct()
            self.env.flush_all()
        return doc

    def presented(self, leader=None, **vals):
        return self.present(self.register(self.receive(**vals)), leader or self.vc_urban)
