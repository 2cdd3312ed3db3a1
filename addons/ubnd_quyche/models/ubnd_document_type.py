from odoo import fields, models


class UbndDocumentType(models.Model):
    """Administrative document types of Decree 30/2020 (Đ7, Appendix III §I).

    The abbreviation builds the document symbol (e.g. ``QĐ-UBND``); mixed case is part of
    the code (``TTr``, ``QyĐ``) and is kept as is.
    """

    _name = "ubnd.document.type"
    _description = "Document type (Decree 30/2020)"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(
        "Abbreviation",
        help="Abbreviation of Decree 30/2020 Appendix III §I, used in the document symbol. "
        "Công văn has none: its symbol is built from the issuer and the drafting unit.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _name_unique = models.Constraint("UNIQUE(name)", "A document type with this name already exists.")
