from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" of digital signatures: the documents a leader signed whose digital signature is unfinished."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        items.append(self._my_work_item(
            "documents_to_sign_digitally", "ubnd.document",
            [("signer_id", "=", self.env.uid), ("state", "=", "signed"),
             "|", ("ubnd_signature_state", "in", ("pending", "invalid")),
             "&", ("ubnd_signature_state", "=", "none"), ("committee_id.ubnd_require_digital_signature", "=", True)],
            label=self.env._("Documents awaiting my digital signature"), sequence=42, icon="fa-key",
            groups="ubnd_quyche.group_ubnd_member", hide_empty=True,
            base_action="ubnd_quyche.ubnd_document_action",
        ))
        return items
