from odoo import fields, models


class UbndRegulationProfile(models.Model):
    """The regulation's numbers about delegation grants."""

    _inherit = "ubnd.regulation.profile"

    tuq_max_months = fields.Integer(
        "Longest TUQ. grant (months)", default=12, tracking=True,
        help="ND30 Đ13.3, 000 Đ6.3.đ — a TUQ. (thừa ủy quyền) grant is limited in time, but neither the decree nor "
        "the regulations set a figure. Design choice: at most this many months from its first day, so that an "
        "authorisation is renewed by a new act at least once a year. 0: only an end date is required.",
    )
