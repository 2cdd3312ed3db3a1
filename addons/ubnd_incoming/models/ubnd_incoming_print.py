import pytz

from odoo import models

from odoo.addons.ubnd_quyche.models.ubnd_document_print import nd30_date_words


def _d(day):
    return day.strftime("%d/%m/%Y") if day else ""


class UbndIncoming(models.Model):
    """What the PL IV forms print: the incoming register (§VI), the handling follow-up register (§VIII) and the
    phiếu giải quyết văn bản đến (§VII). Printed in Vietnamese whatever the reader's language (Decree 30/2020)."""

    _inherit = "ubnd.incoming"

    def _nd30_description(self):
        """“Tên loại, số, ký hiệu, ngày, tháng và tên cơ quan ban hành”: e.g. Công văn số 1234/BXD-QLN ngày
        20/11/2026 của Bộ Xây dựng."""
        self.ensure_one()
        parts = [self.document_type_id.name or self.env._("Document")]
        if self.document_number:
            parts.append(self.env._("No. %s", self.document_number))
        if self.document_date:
            parts.append(self.env._("dated %s", _d(self.document_date)))
        if self.sender:
            parts.append(self.env._("of %s", self.sender))
        return " ".join(parts)

    def _nd30_recipients(self):
        """Column “Đơn vị hoặc người nhận”: the units the document went to, the lead one first; before the
        direction, the leader it was presented to."""
        self.ensure_one()
        if self.assignment_ids:
            return "; ".join(
                line.unit_id.name + (" (%s)" % self.env._("lead") if line.role == "lead" else "")
                for line in self.assignment_ids.sorted(lambda line: line.role != "lead")
            )
        return self.leader_id.name or ""

    def _nd30_deadlines(self):
        self.ensure_one()
        return "; ".join(
            "%s: %s" % (line.unit_id.name, _d(line.deadline))
            for line in self.assignment_ids.sorted(lambda line: line.role != "lead") if line.deadline
        )

    def _nd30_handover_date(self):
        self.ensure_one()
        if self.origin == "dossier":
            return _d(self.submission_id.sudo().forwarded_date)
        return _d(self.direction_date or self._local_date(self.presented_at))

    def _nd30_register_note(self):
        self.ensure_one()
        notes = []
        if self.urgency != "normal":
            notes.append(dict(self._fields["urgency"]._description_selection(self.env))[self.urgency])
        if self.registered_late:
            notes.append(self.env._("registered late"))
        if self.note:
            notes.append(self.note)
        return "; ".join(notes)

    def _nd30_register_books(self):
        """The registered documents by book: one per committee, year and series, in the order of their numbers,
        with the cover lines of PL IV (year, from date to date, from number to number)."""
        books = []
        registered = self.filtered("number").sorted(lambda d: (d.committee_id.id, d.year, d.series, d.number))
        keys = []
        for doc in registered:
            key = (doc.committee_id, doc.year, doc.series)
            if key not in keys:
                keys.append(key)
        for committee, year, series in keys:
            docs = registered.filtered(lambda d: (d.committee_id, d.year, d.series) == (committee, year, series))
            dates = docs.mapped("received_date")
            books.append({
                "committee": committee,
                "superior_lines": committee.parent_id._nd30_issuer_lines() if committee.parent_id else [],
                "title": (self.env._("REGISTER OF CONFIDENTIAL INCOMING DOCUMENTS") if series == "secret"
                          else self.env._("REGISTER OF INCOMING DOCUMENTS")),
                "year": year,
                "date_from": _d(min(dates)), "date_to": _d(max(dates)),
                "number_from": docs[0].number, "number_to": docs[-1].number,
                "docs": docs,
            })
        return books

    def _nd30_time(self):
        """The date and time of the “ĐẾN” stamp, in the committee's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self.committee_id.tz or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(self.received_at).astimezone(tz).strftime("%H:%M %d/%m/%Y") if self.received_at else ""

    def _nd30_date_line(self, day):
        """'Hải Phòng, ngày 05 tháng 12 năm 2026' (Decree 30/2020 PL I §II.4)."""
        self.ensure_one()
        return nd30_date_words(day, self.committee_id.place_name or "")
