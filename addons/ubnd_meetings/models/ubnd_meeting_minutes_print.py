from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.ubnd_quyche.models.ubnd_document_print import strip_rule_codes

from .common import local_date, refuse_workflow_values

NUMBER_FIELDS = {"number", "year", "reference"}


class UbndMeetingMinutes(models.Model):
    """The number of the minutes and what their printout shows (Decree 30/2020 Mẫu 1.9).

    Minutes are numbered when the chair approves them, as a document is numbered once signed (Decree 30/2020
    Đ15.2): their own yearly series per committee, from 01 on 1 January (Đ15.1), symbol BB-<issuer>. The
    printout carries nothing internal: no rule citations, no placeholders; a blank space is left to sign.
    """

    _inherit = "ubnd.meeting.minutes"

    number = fields.Integer(readonly=True, copy=False)
    year = fields.Integer(readonly=True, copy=False)
    reference = fields.Char("Number and symbol", readonly=True, copy=False, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, NUMBER_FIELDS, self.env._(
            "Minutes are numbered when the chair approves them."))
        return super().create(vals_list)

    def write(self, vals):
        # Numbered in the same write that records the approval: afterwards approved minutes never change.
        if vals.get("state") == "approved" and self.filtered(lambda m: not m.number):
            for minutes in self:
                super(UbndMeetingMinutes, minutes).write(dict(vals, **minutes._number_values()))
            return True
        return super().write(vals)

    def _symbol(self):
        return "BB-%s" % (self.committee_id.issuer_code or "UBND")

    def _number_values(self):
        self.ensure_one()
        if self.number:
            return {}
        day = local_date(fields.Datetime.now(), self.meeting_id._tz())
        number = int(self._number_sequence().next_by_id(sequence_date=day))
        return {"number": number, "year": day.year, "reference": "%02d/%s" % (number, self._symbol())}

    def _number_sequence(self):
        code = "ubnd.meeting.minutes.%s" % self.committee_id.id
        Sequence = self.env["ir.sequence"].sudo()
        return Sequence.search([("code", "=", code)], limit=1) or Sequence.create({
            "name": self.env._("Minutes – %s", self.committee_id.name),
            "code": code,
            "company_id": self.committee_id.company_id.id,
            "padding": 2,
            "use_date_range": True,  # restarts at 01 on 1 January (Decree 30/2020 Đ15.1)
            "implementation": "no_gap",
        })

    # --- Printing (Decree 30/2020 Mẫu 1.9) ---------------------------------------------------------------
    def _nd30_number_line(self):
        """'Số: 03/BB-UBND' once approved; the blank form 'Số:      /BB-UBND' on a draft."""
        self.ensure_one()
        if self.reference:
            return "Số: %s" % self.reference
        return "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/%s" % self._symbol()

    @staticmethod
    def _nd30_plain(text):
        """Text of the workflow (tallies, explanations, opinions) without the suite's internal rule citations."""
        return strip_rule_codes(text) or ""

    def _nd30_opening(self):
        """The Office's opening report, unless it is only the attendance and agenda the minutes already list."""
        self.ensure_one()
        opening = self.opening or ""
        if not Markup(opening).striptags().strip() or opening == (self.meeting_id.opening_report or ""):
            return ""
        return strip_rule_codes(Markup(opening))

    def _nd30_attendance(self):
        """Attendance, listed once: members present and absent (with the leave given), substitutes, guests."""
        self.ensure_one()
        attendees = self.meeting_id.attendee_ids
        members = attendees.filtered(lambda a: a.role == "member")
        present = members.filtered(lambda a: a.attendance == "present")
        return {
            "present": present,
            "absent": [
                self.env._("%s (excused)", a.display_name) if a.absence_state == "approved" else a.display_name
                for a in members - present
            ],
            "substitutes": attendees.filtered(lambda a: a.role == "substitute"),
            "guests": attendees.filtered(lambda a: a.role == "guest" and a.attendance == "present"),
        }
