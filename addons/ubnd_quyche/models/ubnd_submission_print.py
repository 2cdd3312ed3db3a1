from odoo import models

from .ubnd_document_print import nd30_date_words


class UbndSubmission(models.Model):
    """What the printed phiếu trình shows (000 Đ15.2.a). It is the Office's slip to the leader, not a Decree 30 type:
    it takes the Decree 30 header of a unit of the committee (the committee's name above the Office's), is dated
    the day the Office presents it, and carries the Office's signature block and the leader's opinion, dated and
    signed."""

    _inherit = "ubnd.submission"

    def _nd30_slip(self):
        self.ensure_one()
        committee = self.committee_id
        office_user = self._nd30_slip_office_signer()
        return {
            "superior_lines": committee._nd30_issuer_lines(),
            "issuer_lines": [self._nd30_slip_office_name()],
            "number_line": "Hồ sơ số: %s" % self.reference if self.reference and self.reference != "/" else "",
            "date_line": nd30_date_words(self.forwarded_date or self.received_date, committee.place_name),
            "addressee": "%s %s" % (self._nd30_leader_title_words(), self.leader_id.name) if self.leader_id else "",
            "office_lines": self._nd30_slip_office_lines(office_user),
            "office_signer": office_user,
            "leader_title": self._nd30_leader_title(),
            "decision_date_line": nd30_date_words(self.decided_date),
        }

    def _nd30_slip_office_name(self):
        """'VĂN PHÒNG' for the unit 'Văn phòng UBND thành phố': the committee's name is already the line above."""
        name = (self.committee_id.office_unit_id.name or "Văn phòng").strip()
        for tail in (" UBND", " Ủy ban nhân dân", " ủy ban nhân dân"):
            if tail in name:
                name = name.split(tail)[0]
        return name.upper()

    def _nd30_slip_office_signer(self):
        """Whoever of the Office's leadership checked the dossier in the chain, else the Chief of Office."""
        reviews = self.sudo().review_ids.filtered(
            lambda r: r.status == "approved" and r.done_by.has_group("ubnd_quyche.group_ubnd_office"))
        done = reviews.sorted(lambda r: (r.reviewed_date or r.write_date, r.id))[-1:]
        return done.done_by or self.committee_id.chief_of_office_id

    def _nd30_slip_office_lines(self, signer):
        """CHÁNH VĂN PHÒNG for the Chief of Office; KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG for a deputy."""
        if not signer or signer == self.committee_id.chief_of_office_id:
            return ["CHÁNH VĂN PHÒNG"]
        title = (signer.sudo().employee_ids[:1].job_title or "").strip().upper() or "PHÓ CHÁNH VĂN PHÒNG"
        return ["KT. CHÁNH VĂN PHÒNG", title]

    def _nd30_leader_title(self):
        leader = self.leader_id
        if not leader:
            return ""
        member = leader.sudo()._ubnd_membership(self.committee_id)
        if member.role == "chairman":
            return "CHỦ TỊCH"
        return (member.signing_title or "PHÓ CHỦ TỊCH").upper()

    def _nd30_leader_title_words(self):
        """'Phó Chủ tịch' for 'PHÓ CHỦ TỊCH', as written in running text."""
        words = self._nd30_leader_title().lower().replace("chủ tịch", "Chủ tịch")
        return words[:1].upper() + words[1:]
