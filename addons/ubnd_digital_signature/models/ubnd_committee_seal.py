import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import appearance


class UbndCommitteeSeal(models.Model):
    """The committee's seal image: its digital signature shows it in red, at the seal's real size (ND30 PL I
    §II.8.a). Uploaded by the system administrator, like the seal certificate."""

    _inherit = "ubnd.committee"

    ubnd_seal_image = fields.Image(
        "Seal image", groups="base.group_system",
        help="The committee's seal, red, PNG with a transparent background (Decree 30/2020, Appendix I §II.8.a).")
    ubnd_seal_size_mm = fields.Float(
        "Seal diameter (mm)", default=appearance.DEFAULT_SEAL_MM, groups="base.group_system",
        help="The real size of the seal: its image is printed this wide on the document.")

    @api.constrains("ubnd_seal_image", "ubnd_seal_size_mm")
    def _check_ubnd_seal(self):
        for committee in self:
            image = committee.with_context(bin_size=False).ubnd_seal_image
            if image and not appearance.is_transparent_png(base64.b64decode(image)):
                raise ValidationError(self.env._("The seal image must be a PNG with a transparent background."))
            if not 10 <= committee.ubnd_seal_size_mm <= 80:
                raise ValidationError(self.env._("The seal diameter must be between 10 and 80 mm."))
