from .common import UbndCommonCase


class TestTrail(UbndCommonCase):
    """A client cannot switch off the chatter trail of the suite's records."""

    def _tracked_names(self, record):
        self.env.flush_all()
        self.env.cr.precommit.run()
        messages = self.env["mail.message"].sudo().search([("model", "=", record._name), ("res_id", "=", record.id)])
        return messages.tracking_value_ids.mapped("old_value_char")

    def test_client_tracking_switches_are_ignored(self):
        """A specialist who sends tracking_disable / mail_notrack with his write still leaves who changed the
        subject of his dossier, from what, to what."""
        Submission = self.env["ubnd.submission"].with_user(self.staff)
        dossier = Submission.create({
            "name": "Tờ trình ban đầu", "committee_id": self.committee.id, "submitting_unit_id": self.department.id,
        })
        self._tracked_names(dossier)  # close the creation's own trail first
        for switch in ("tracking_disable", "mail_notrack"):
            old = dossier.name
            dossier.with_context(**{switch: True}).write({"name": "%s (%s)" % (old, switch)})
            self.assertIn(old, self._tracked_names(dossier), "the change under %s left no trail" % switch)

    def test_server_may_still_work_without_trail(self):
        """Installs and demo builders (superuser mode) keep Odoo's switches."""
        dossier = self.env["ubnd.submission"].create({
            "name": "Hồ sơ dựng sẵn", "committee_id": self.committee.id, "submitting_unit_id": self.department.id,
        })
        self._tracked_names(dossier)
        dossier.with_context(tracking_disable=True).write({"name": "Hồ sơ dựng sẵn, sửa"})
        self.assertNotIn("Hồ sơ dựng sẵn", self._tracked_names(dossier))
