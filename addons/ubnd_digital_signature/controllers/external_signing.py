"""The contract of external signers (USB-token plugins, remote-signing services); see README "External signing"."""
import base64
import binascii

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request


class ExternalSigningController(http.Controller):

    def _request(self, request_id):
        sig_request = request.env["ubnd.signature.request"].browse(int(request_id)).exists()
        if not sig_request:
            raise UserError(request.env._("This signature request does not exist."))
        sig_request.check_access("read")
        return sig_request

    @staticmethod
    def _decode(value):
        try:
            return base64.b64decode(value or "", validate=True)
        except (binascii.Error, ValueError, TypeError) as error:
            raise UserError(request.env._("The data sent by the signer is not valid base64.")) from error

    @http.route("/ubnd_digital_signature/external/pending", type="jsonrpc", auth="user")
    def pending(self):
        """The current user's requests waiting for his signature."""
        requests = request.env["ubnd.signature.request"].search([
            ("user_id", "=", request.env.uid), ("state", "in", ("to_sign", "prepared")),
        ])
        return [{"request_id": r.id, "field_name": r.field_name, "reason": r.reason or "",
                 "res_model": r.res_model or "", "res_id": r.res_id or 0} for r in requests]

    @http.route("/ubnd_digital_signature/external/begin", type="jsonrpc", auth="user")
    def begin(self, request_id, certificate):
        """Prepare the PDF for the signer's certificate (base64 DER); returns the digest to sign."""
        return self._request(request_id)._ubnd_begin(self._decode(certificate))

    @http.route("/ubnd_digital_signature/external/complete", type="jsonrpc", auth="user")
    def complete(self, request_id, cms):
        """Embed the signer's CMS SignedData (base64 DER), validate it; the verdict."""
        return self._request(request_id)._ubnd_complete(self._decode(cms)).to_dict()
