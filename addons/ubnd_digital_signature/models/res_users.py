import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import appearance


class ResUsers(models.Model):
    _inherit = "res.users"

    ubnd_certificate_ids = fields.One2many(
        "certificate.certificate", "ubnd_user_id", string="Digital signature certificates",
        domain=[("scope", "=", "ubnd_signer")], groups="base.group_system",
    )
    ubnd_signature_image = fields.Image(
        "Signature image", groups="base.group_system",
        help="The handwritten signature in blue, PNG with a transparent background (Decree 30/2020, Appendix I "
             "§II.7.d): his digital signatures show it between the capacity line and his name. Uploaded by the "
             "system administrator.")

    @api.constrains("ubnd_signature_image")
    def _check_ubnd_signature_image(self):
        for user in self:
            image = user.with_context(bin_size=False).ubnd_signature_image
            if image and not appearance.is_transparent_png(base64.b64decode(image)):
                raise ValidationError(self.env._("The signature image must be a PNG with a transparent background."))
