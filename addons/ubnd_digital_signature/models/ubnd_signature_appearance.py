import base64

from odoo import api, models

from ..tools import appearance

SEAL_TEXT_HEIGHT = 16


class UbndSignatureService(models.AbstractModel):
    """Where each digital signature is seen on the document (ND30 PL I §II.7.d, §II.8; ``tools/appearance.py``):
    the signer's image at box 7c, the committee's seal over a third of it on the left, the text stamp of a separate
    attachment at the top right of its first page. The images are read with the server's rights: only the system
    administrator uploads or reads them in the interface."""

    _inherit = "ubnd.signature.service"

    @api.model
    def _ubnd_default_placement(self, pdf_bytes, certificate):
        """The appearance of ``certificate``'s signature on ``pdf_bytes``: a signer's at box 7c under his name, a
        seal's over the signer's visible signature; None (invisible) when the document gives no place."""
        certificate = certificate.sudo()
        if certificate.scope == "ubnd_signer" and certificate.ubnd_user_id:
            return self._ubnd_signer_placement(pdf_bytes, certificate.ubnd_user_id)
        if certificate.scope == "ubnd_seal" and certificate.ubnd_committee_id:
            return self._ubnd_seal_placement(pdf_bytes, certificate.ubnd_committee_id)
        return None

    @api.model
    def _ubnd_signer_placement(self, pdf_bytes, user):
        """``user``'s signature image (his name in blue without one) at box 7c of ``pdf_bytes``."""
        if not self._ubnd_is_pdf(pdf_bytes):
            return None
        image = user.sudo().with_context(bin_size=False).ubnd_signature_image
        return appearance.signer_placement(pdf_bytes, user.sudo().name, image and base64.b64decode(image))

    @api.model
    def _ubnd_seal_placement(self, pdf_bytes, committee, signer_name=None):
        """The committee's seal at its real size over the left third of the signer's signature: his visible
        signature in the file, else box 7c under ``signer_name``; None when neither is found."""
        if not self._ubnd_is_pdf(pdf_bytes):
            return None
        rects = appearance.signature_rects(pdf_bytes)
        if rects:
            _name, page, rect = rects[-1]
        else:
            found = signer_name and appearance.signature_box(pdf_bytes, signer_name)
            if not found:
                return None
            page, rect = found
        committee = committee.sudo().with_context(bin_size=False)
        if committee.ubnd_seal_image:
            return appearance.seal_placement(page, rect, base64.b64decode(committee.ubnd_seal_image),
                                             committee.ubnd_seal_size_mm or appearance.DEFAULT_SEAL_MM)
        x0, y0, x1, y1 = rect
        middle = (y0 + y1) / 2
        return appearance.Placement(page, (x0 - (x1 - x0) / 2, middle - SEAL_TEXT_HEIGHT / 2, x0 + (x1 - x0) / 3,
                                           middle + SEAL_TEXT_HEIGHT / 2),
                                    text=committee.name.replace("%", "%%"), color=(0.85, 0.1, 0.12), align="center")

    @api.model
    def _ubnd_attachment_placement(self, pdf_bytes, reference, committee):
        """The text stamp of an attachment in a separate file: ``Số: 12/QĐ-UBND; 23/10/2025 14:05:09 +07:00`` at
        the top right of its first page (ND30 PL I §II.8.b), the time being the signature's own."""
        if not self._ubnd_is_pdf(pdf_bytes):
            return None
        printed = self.with_context(lang=committee._print_lang())
        text = printed.env._("No.: %(reference)s; %(time)s", reference=reference.replace("%", "%%"), time="%(ts)s")
        return appearance.text_stamp_placement(appearance.page_size(pdf_bytes), text)

    @api.model
    def _ubnd_is_pdf(self, content):
        return bool(content) and content.lstrip()[:5] == b"%PDF-"
