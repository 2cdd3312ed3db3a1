from odoo import http
from odoo.http import request

MAX_UPLOAD = 50 * 1024 * 1024


class UbndVerification(http.Controller):
    """The public page a document's QR code leads to: anyone holding the paper or the file checks that it is the
    one the committee issued. No login; a confidential document shows no content; an unknown token shows the same
    page as any other unknown address."""

    def _document(self, token):
        if not token or len(token) > 100:
            return request.env["ubnd.document"]
        return request.env["ubnd.document"].sudo().search(
            [("ubnd_verify_token", "=", token), ("state", "=", "issued")], limit=1)

    def _render(self, document, upload_result=None):
        request.update_context(lang=request.env["ubnd.committee"].sudo()._print_lang())
        if not document:
            return request.render("ubnd_digital_signature.verify_page_unknown", {}, status=404)
        document = document.with_context(lang=request.env.context["lang"])
        return request.render("ubnd_digital_signature.verify_page", {
            "doc": document,
            "confidential": document.confidentiality != "normal",
            "check": document._ubnd_verification(),
            "upload_result": upload_result,
        })

    @http.route("/ubnd/verify/<string:token>", type="http", auth="public", methods=["GET"])
    def verify(self, token, **kwargs):
        return self._render(self._document(token))

    # No CSRF token: the check changes nothing, its answer depends only on the uploaded file.
    @http.route("/ubnd/verify/<string:token>", type="http", auth="public", methods=["POST"], csrf=False)
    def verify_upload(self, token, file=None, **kwargs):
        document = self._document(token)
        upload_result = None
        if document:
            content = file.read(MAX_UPLOAD + 1) if hasattr(file, "read") else b""
            upload_result = "empty" if not content else ("match" if document._ubnd_file_matches(content) else "differ")
        return self._render(document, upload_result)
