import functools
import re
import subprocess

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools.misc import find_in_path

DOCUMENT_REPORT = "ubnd_quyche.action_report_ubnd_document"  # the document as printed (Decree 30 layout)

# The suite cites the working regulations by their own numbering ("000 Đ3.3", "001 Đ25.5.c", "000 A2",
# "000 Đ28.1 ¶2") so that its users see the rule behind each step. These citations are internal: a printed
# document carries only its own text (Decree 30/2020 App. I), never them.
_CITATION = r"\d{3}\s+(?:Đ|A)\d+(?:\.\w+)*(?:\s*¶\s*\d+)?"
_CITATIONS = r"%s(?:\s*,\s*(?:%s|Đ\d+(?:\.\w+)*))*" % (_CITATION, _CITATION)
_RULE_CODES = re.compile(
    r"\s*\(\s*%(c)s\s*\)"  # "… (000 Đ28.2, 001 Đ24.4)"
    r"|\s*[—–]\s*%(c)s"  # "… — 000 Đ3.3, 001 Đ25.5.c."
    r"|%(c)s\s*:?\s*" % {"c": _CITATIONS}  # "000 Đ26.2.c: …"
)


def strip_rule_codes(text):
    """``text`` without the suite's internal rule citations; Markup stays Markup (citations never span tags)."""
    if not text:
        return text
    stripped = _RULE_CODES.sub("", str(text))
    return Markup(stripped) if isinstance(text, Markup) else stripped


@functools.lru_cache(1)
def _wkhtmltopdf_lays_out_wide():
    """True for a wkhtmltopdf built without its patched Qt: it lays the page out 125/96 wider than the paper and
    shrinks it to fit, so 14pt would print as about 11pt; the patched build prints sizes as given."""
    try:
        out = subprocess.run([find_in_path("wkhtmltopdf"), "--version"], capture_output=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" not in out.lower()


BLANK = "\u00a0" * 8  # a space to fill in by hand, kept by HTML


def nd30_date_words(day, place=""):
    """'Hải Phòng, ngày 05 tháng 3 năm 2026' (Decree 30/2020 App. I §II.4): days below 10 and the months 1–2
    take a leading zero. Without a day, the blank form 'ngày … tháng … năm …' to be filled in by hand."""
    prefix = "%s, " % place if place else ""
    if not day:
        return "%sngày …… tháng …… năm ……" % prefix
    month = "%02d" % day.month if day.month <= 2 else str(day.month)
    return "%sngày %02d tháng %s năm %s" % (prefix, day.day, month, day.year)


class UbndDocument(models.Model):
    """What a printed document shows (Decree 30/2020 App. I): its summary without the type name repeated,
    its text and recipients without internal citations, and the full signature block of its capacity."""

    _inherit = "ubnd.document"

    @api.model
    def _nd30_print_zoom(self):
        """The zoom that makes the sizes of Decree 30/2020 App. I §V (pt, mm) print at their real size."""
        return 125 / 96 if _wkhtmltopdf_lays_out_wide() else 1

    def action_print_nd30(self):
        """The document as it prints (Decree 30/2020), for whoever may read it."""
        return self.env.ref(DOCUMENT_REPORT).report_action(self)

    def _nd30_number_line(self):
        """'Số: 05/QĐ-UBND' (App. I §II.3: numbers below 10 take a leading zero); a draft prints the blank form."""
        self.ensure_one()
        if self.reference:
            return "Số: %s" % self.reference
        return "Số:%s/%s" % (BLANK, self.symbol or "")

    def _nd30_date_line(self):
        """'Hải Phòng, ngày 05 tháng 3 năm 2026' (App. I §II.4): the issue date; a draft leaves day and month blank."""
        self.ensure_one()
        place = self.committee_id.place_name or ""
        if self.date:
            return nd30_date_words(self.date, place)
        year = fields.Date.context_today(self).year
        return "%sngày%stháng%snăm %s" % ("%s, " % place if place else "", BLANK, BLANK, year)

    def _nd30_type_name(self):
        """'Quyết định' for the type 'Quyết định (cá biệt)'; empty for a công văn, which has no type name."""
        self.ensure_one()
        if not self.document_type_id.code:
            return ""
        return (self.document_type_id.name or "").split(" (")[0].strip()

    def _nd30_summary(self):
        """The trích yếu printed under the type name: 'Ban hành Kế hoạch …' rather than 'Quyết định ban hành
        Kế hoạch …' under QUYẾT ĐỊNH. A công văn prints it as 'V/v …' under its number."""
        self.ensure_one()
        summary = (self.name or "").strip()
        type_name = self._nd30_type_name()
        if type_name and summary.lower().startswith(type_name.lower() + " "):
            rest = summary[len(type_name):].strip()
            summary = rest[:1].upper() + rest[1:]
        if not self.document_type_id.code and not summary.lower().startswith("v/v"):
            summary = "V/v %s" % (summary[:1].lower() + summary[1:])
        return summary

    def _nd30_body(self):
        self.ensure_one()
        return strip_rule_codes(self.body) or Markup("")

    def _nd30_recipient_lines(self):
        """'Nơi nhận' (App. I §II.9): one '- …;' line per recipient, ending with '- Lưu: VT, <unit>.'."""
        self.ensure_one()
        lines = []
        for line in strip_rule_codes(self.recipients or "").splitlines():
            line = line.strip()
            if line:
                lines.append(line if line.startswith("-") else "- " + line)
        if not any(re.search(r"\bVT\b", line) for line in lines):  # the archive line names the Văn thư (VT)
            unit = self.drafting_unit_id.ubnd_code
            lines.append("- Lưu: VT, %s." % unit if unit else "- Lưu: VT.")
        return lines

    def _nd30_signature_lines(self):
        """The capacity and position lines above the signature (App. I §II.7), as recorded when the document was
        signed. A document entered as already signed (without that record) gets them from the signing engine
        and the grant it names, or from the signer's position in the committee."""
        self.ensure_one()
        if self.signature_block:
            return [line for line in self.signature_block.splitlines() if line.strip()]
        signer = self.signer_id
        if not signer:
            return []
        on_date = self.date or (self.signed_at and self.signed_at.date()) or fields.Date.context_today(self)
        committee = self.committee_id.sudo()
        capacity = self.env["ubnd.signing"].sudo().signing_capacity(
            signer, committee, self.authority, self.document_type_id, self.field_id, on_date,
        )
        if capacity:
            return [line for line in capacity["lines"] if line]
        grant = self.delegation_id.sudo()
        if grant.kind in ("tl", "tuq"):
            return [line for line in ("%s. %s" % (grant.kind.upper(), grant.authority_title), grant.grantee_title) if line]
        collective = ["TM. ỦY BAN NHÂN DÂN"] if self.authority == "committee" else []
        member = signer.sudo()._ubnd_membership(committee)
        if member.role == "chairman":
            return collective + ["CHỦ TỊCH"]
        if member.role == "vice_chairman":
            return collective + ["KT. CHỦ TỊCH", member.signing_title or "PHÓ CHỦ TỊCH"]
        return [member.signing_title] if member.signing_title else []
