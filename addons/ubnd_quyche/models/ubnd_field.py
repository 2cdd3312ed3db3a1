from odoo import fields, models


class UbndField(models.Model):
    """A field of state management (lĩnh vực) that a leader's portfolio covers.

    Vice-Chairmen are assigned fields and areas (000 Đ7.2, 001 Đ5.2.a, 003 ¶10);
    submissions and tasks carry a field so they can be routed to the leader in charge.
    """

    _name = "ubnd.field"
    _description = "Field of state management"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()

    _code_unique = models.Constraint("UNIQUE(code)", "The code of a field must be unique.")
