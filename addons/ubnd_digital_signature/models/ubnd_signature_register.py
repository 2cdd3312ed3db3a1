import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.ubnd_quyche.tools.privilege import is_privileged, privileged

PRIVILEGE = "ubnd_signature_register"
SEPARATOR = "\x1f"


class UbndSignatureRegister(models.Model):
    """The tamper-evident register of a committee's signed documents.

    Each entry keeps the SHA-256 of the signed file and a chain hash over its own fields and the previous entry's
    chain hash, numbered without gaps per committee. Entries are only appended by the server's own steps and never
    written or deleted outside superuser mode; ``verify_register`` proves the chain unaltered or names the first
    entry where it breaks (an altered field, a deleted or re-ordered entry).
    """

    _name = "ubnd.signature.register"
    _description = "Register of signed documents"
    _order = "committee_id, sequence"
    _rec_name = "name"

    committee_id = fields.Many2one("ubnd.committee", required=True, readonly=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    sequence = fields.Integer("No.", required=True, readonly=True)
    name = fields.Char("Document", required=True, readonly=True, help="Number and symbol of the document.")
    res_model = fields.Char("Document model", readonly=True)
    res_id = fields.Many2oneReference("Document record", model_field="res_model", readonly=True)
    file_sha256 = fields.Char("SHA-256 of the signed file", required=True, readonly=True)
    signature_summary = fields.Char("Signatures", readonly=True)
    recorded_at = fields.Datetime("Recorded at", required=True, readonly=True)
    recorded_by_id = fields.Many2one("res.users", string="Recorded by", required=True, readonly=True,
                                     ondelete="restrict")
    previous_hash = fields.Char("Previous chain hash", readonly=True)
    chain_hash = fields.Char("Chain hash", required=True, readonly=True)

    _committee_sequence_unique = models.Constraint(
        "UNIQUE(committee_id, sequence)", "Each number of a committee's register is used once.")

    # ------------------------------------------------------------------ append-only
    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, PRIVILEGE):
            raise AccessError(self.env._("Entries of the register of signed documents are recorded by the server "
                                         "when a document is signed, never by hand."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("An entry of the register of signed documents never changes."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(self.env._("An entry of the register of signed documents is never deleted."))
        return super().unlink()

    @api.model
    def _append(self, committee, name, pdf_bytes, res_model=None, res_id=None, signature_summary=None):
        """Record a signed file at the end of ``committee``'s register (the server's own step)."""
        # One writer at a time per committee: the chain must not fork.
        self.env.cr.execute("SELECT id FROM ubnd_committee WHERE id = %s FOR UPDATE", [committee.id])
        last = self.sudo().search([("committee_id", "=", committee.id)], order="sequence desc", limit=1)
        vals = {
            "committee_id": committee.id,
            "sequence": last.sequence + 1,
            "name": name,
            "res_model": res_model or False,
            "res_id": res_id or False,
            "file_sha256": hashlib.sha256(pdf_bytes).hexdigest(),
            "signature_summary": signature_summary or False,
            "recorded_at": fields.Datetime.now(),
            "recorded_by_id": self.env.uid,
            "previous_hash": last.chain_hash or "",
        }
        vals["chain_hash"] = self._chain_hash(vals)
        entry = privileged(self.sudo(), PRIVILEGE).create(vals)
        return self.browse(entry.id)  # in the caller's environment, without the server's privilege

    @api.model
    def _chain_hash(self, vals):
        parts = [
            vals["committee_id"], vals["sequence"], vals["name"], vals["res_model"] or "", vals["res_id"] or 0,
            vals["file_sha256"], fields.Datetime.to_string(vals["recorded_at"]), vals["recorded_by_id"],
            vals["previous_hash"] or "",
        ]
        return hashlib.sha256(SEPARATOR.join(str(part) for part in parts).encode()).hexdigest()

    def _hash_vals(self):
        self.ensure_one()
        return {
            "committee_id": self.committee_id.id, "sequence": self.sequence, "name": self.name,
            "res_model": self.res_model, "res_id": self.res_id, "file_sha256": self.file_sha256,
            "recorded_at": self.recorded_at, "recorded_by_id": self.recorded_by_id.id,
            "previous_hash": self.previous_hash,
        }

    # ------------------------------------------------------------------ verification
    @api.model
    def verify_register(self, committee_id=None):
        """Prove a committee's register unaltered (RPC: ``ubnd.signature.register.verify_register(id)``).

        Returns ``{"ok", "committee_id", "checked", "head_hash", "broken_entry_id", "broken_sequence",
        "message"}``; ``head_hash`` is the last chain hash, worth keeping outside the database (e.g. in the
        yearly paper register) since it also proves that no entry was removed from the end.
        """
        committee = (self.env["ubnd.committee"].browse(int(committee_id)) if committee_id
                     else self.env["ubnd.committee"]._for_company())
        committee.check_access("read")
        self.check_access("read")
        entries = self.sudo().search([("committee_id", "=", committee.id)], order="sequence")
        previous_hash, result = "", {"ok": True, "committee_id": committee.id, "checked": 0,
                                     "broken_entry_id": False, "broken_sequence": False}
        for expected, entry in enumerate(entries, start=1):
            problem = None
            if entry.sequence != expected:
                problem = self.env._("entry no. %(number)s is missing", number=expected)
            elif (entry.previous_hash or "") != previous_hash:
                problem = self.env._("it does not follow the entry before it")
            elif self._chain_hash(entry._hash_vals()) != entry.chain_hash:
                problem = self.env._("its content was altered")
            if problem:
                result.update(ok=False, broken_entry_id=entry.id, broken_sequence=entry.sequence,
                              message=self.env._("The register is broken at entry no. %(number)s (%(document)s): "
                                                 "%(problem)s.", number=entry.sequence, document=entry.name,
                                                 problem=problem))
                break
            previous_hash = entry.chain_hash
            result["checked"] = expected
        result["head_hash"] = previous_hash
        if result["ok"]:
            result["message"] = self.env._("The register is intact: %(count)s entries, last chain hash %(hash)s.",
                                           count=result["checked"], hash=previous_hash or "—")
        return result

    def action_verify_register(self):
        """The list's button (with or without selected entries): verify the register of the selected entries'
        committee, or of the current company's, shown as a notification (sticky when the register is broken)."""
        result = self.verify_register(self.committee_id[:1].id or None)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Register of signed documents"),
                "message": result["message"],
                "type": "success" if result["ok"] else "danger",
                "sticky": not result["ok"],
            },
        }
