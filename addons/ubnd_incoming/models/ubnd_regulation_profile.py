from odoo import fields, models


class UbndRegulationProfile(models.Model):
    """The numbers of incoming-document handling: when the Office must have registered a document, and the
    handling deadline a direction proposes when the leader sets none."""

    _inherit = "ubnd.regulation.profile"

    incoming_registration_days = fields.Integer(
        "Incoming documents: registered within (working days)", default=1,
        help="Decree 30/2020 Đ4.2.b — an incoming document is registered and handed over on the day it arrives, "
        "at the latest on the next working day (1); urgent ones (Khẩn, Thượng khẩn, Hỏa tốc) at once, on the day "
        "they arrive. 001 Đ7.6 and 000 Đ16.2 add no other period.",
    )
    incoming_handling_days = fields.Integer(
        "Incoming documents: default handling deadline (working days)", default=0,
        help="The committee's own choice: no article of the seeds or of Decree 30/2020 sets it (Decree 30/2020 "
        "Đ24 leaves each deadline to the leader who directs). When set, the direction proposes this many working "
        "days from the direction date; 0 proposes none and the leader writes each deadline.",
    )
