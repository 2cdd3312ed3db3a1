from odoo import fields, models

# The complaint and denunciation laws say "ngày" (calendar days) except where "ngày làm việc" is written.
AFFAIRS_CALENDAR_DAY_FIELDS = frozenset({
    "complaint_accept_days",
    "complaint_first_days", "complaint_first_complex_days",
    "complaint_first_remote_days", "complaint_first_remote_complex_days",
    "complaint_second_days", "complaint_second_complex_days",
    "complaint_second_remote_days", "complaint_second_remote_complex_days",
    "denunciation_days", "denunciation_extension_days",
    "decentralisation_expiry_notice_days",
})


class UbndRegulationProfile(models.Model):
    """The numbers of complaints, denunciations and decentralisation records.

    The working regulations (000 Đ45–48, 001 Đ35–36) send the committee to the laws for the deadlines of
    complaints and denunciations and quote none: these fields carry the law's numbers with the law's article
    (Luật Khiếu nại 2011, Luật Tố cáo 2018), the same for every committee. The commune-request deadlines
    (000 Đ13.1, Đ13.4) are the core profile's fields.
    """

    _inherit = "ubnd.regulation.profile"

    complaint_accept_days = fields.Integer(
        "Complaint: accept within (days)", default=10,
        help="Luật Khiếu nại 2011 Đ27 — a complaint within one's competence is accepted (thụ lý) within 10 days "
        "of its receipt. Not in the working regulation, which refers to the law (000 Đ46.3).",
    )
    complaint_first_days = fields.Integer(
        "First complaint: settle within (days)", default=30,
        help="Luật Khiếu nại 2011 Đ28 — a first complaint is settled within 30 days of its acceptance.",
    )
    complaint_first_complex_days = fields.Integer(
        "First complaint, complex (days)", default=45,
        help="Luật Khiếu nại 2011 Đ28 — a complex case: within 45 days of acceptance.",
    )
    complaint_first_remote_days = fields.Integer(
        "First complaint, remote area (days)", default=45,
        help="Luật Khiếu nại 2011 Đ28 — in remote, hard-to-reach areas: within 45 days of acceptance.",
    )
    complaint_first_remote_complex_days = fields.Integer(
        "First complaint, remote area and complex (days)", default=60,
        help="Luật Khiếu nại 2011 Đ28 — complex, in a remote area: within 60 days of acceptance.",
    )
    complaint_second_days = fields.Integer(
        "Second complaint: settle within (days)", default=45,
        help="Luật Khiếu nại 2011 Đ37 — a second complaint is settled within 45 days of its acceptance.",
    )
    complaint_second_complex_days = fields.Integer(
        "Second complaint, complex (days)", default=60,
        help="Luật Khiếu nại 2011 Đ37 — a complex case: within 60 days of acceptance.",
    )
    complaint_second_remote_days = fields.Integer(
        "Second complaint, remote area (days)", default=60,
        help="Luật Khiếu nại 2011 Đ37 — in remote, hard-to-reach areas: within 60 days of acceptance.",
    )
    complaint_second_remote_complex_days = fields.Integer(
        "Second complaint, remote area and complex (days)", default=70,
        help="Luật Khiếu nại 2011 Đ37 — complex, in a remote area: within 70 days of acceptance.",
    )
    denunciation_accept_days = fields.Integer(
        "Denunciation: accept within (working days)", default=7,
        help="Luật Tố cáo 2018 Đ24 — within 07 ngày làm việc of receipt the denunciation is registered, "
        "checked and accepted or not.",
    )
    denunciation_days = fields.Integer(
        "Denunciation: settle within (days)", default=30,
        help="Luật Tố cáo 2018 Đ30 — a denunciation is settled within 30 days of its acceptance.",
    )
    denunciation_extension_days = fields.Integer(
        "Denunciation: each extension (days)", default=30,
        help="Luật Tố cáo 2018 Đ30 — a complex case may be extended once, an especially complex one twice, "
        "by at most 30 days each time.",
    )
    decentralisation_expiry_notice_days = fields.Integer(
        "Authorisation: warn before its end (days)", default=15,
        help="The committee's own choice (000 Đ2.5 asks for monitoring and sets no number): how many days before "
        "an authorisation ends the Office is warned, so it is renewed by a new act or lapses knowingly.",
    )

    def _counts_working_days(self, field_name):
        if field_name in AFFAIRS_CALENDAR_DAY_FIELDS:
            return False
        return super()._counts_working_days(field_name)
