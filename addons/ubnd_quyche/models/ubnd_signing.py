from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

COLLECTIVE = "TM. ỦY BAN NHÂN DÂN"
AUTHORITIES = [("committee", "The committee (collective)"), ("chairman", "The Chairman")]


class UbndSigning(models.AbstractModel):
    """Answers "may user U sign document D, and in which capacity?" and builds the signature block.

    Capacities (Decree 30/2020 Đ13; App. I §II.7):

    - the Chairman signs TM. ỦY BAN NHÂN DÂN a collective document (001 Đ15.1.a, ND30 Đ13.2),
      and in his own name a document of his own competence (001 Đ15.1.b);
    - a Vice-Chairman signs KT. CHỦ TỊCH within his fields (000 Đ6.3.e, Đ7.2.e; 001 Đ15.2), any
      document of the Chairman while he runs the committee in the Chairman's absence (001 Đ15.2 ¶2),
      or what an explicit KT. grant of the Chairman covers;
    - the holder of a TL. grant signs TL. CHỦ TỊCH the document types of the grant (ND30 Đ13.4,
      001 Đ15.3), and his deputy signs TL. + KT. under it;
    - the holder of a TUQ. grant signs TUQ. CHỦ TỊCH within its dates and scope, with the form
      and seal of the committee (ND30 Đ13.3).

    A grant counts only on a day it is in force and its grantor still holds the authority it passes on
    (the Chairman's office for KT./TL./TUQ.; the TL. in force for a deputy's KT. under it), so a grant
    made by anyone else, or outliving its grantor's term, lets nobody sign.

    Anything else is refused, whatever the caller sends.
    """

    _name = "ubnd.signing"
    _description = "Signing capacity"

    @api.model
    def _capacity(self, code, lines, signer, committee, grant=None):
        # The document always bears the committee's form and seal, TUQ. included (ND30 Đ13.3).
        return {
            "code": code,
            "lines": lines,
            "signer_id": signer.id,
            "grant_id": grant.id if grant else False,
            "issuer_id": committee.id,
        }

    @api.model
    def signing_capacity(self, user, committee, authority="committee", document_type=None, field=None, on_date=None, area=None):
        """The capacity in which ``user`` may sign, or ``False``.

        :param authority: ``committee`` for a collective document of the committee, ``chairman``
            for a document of the Chairman's own competence.
        """
        on_date = on_date or fields.Date.context_today(self)
        collective = [COLLECTIVE] if authority == "committee" else []
        if user == committee.chairman_id:
            return self._capacity("tm" if collective else "own", collective + ["CHỦ TỊCH"], user, committee)
        Delegation = self.env["ubnd.delegation"]
        member = user._ubnd_membership(committee)
        if member.role == "vice_chairman":
            kt_lines = collective + ["KT. CHỦ TỊCH", member.signing_title or "PHÓ CHỦ TỊCH"]
            if member._covers_field(field) or member._covers_area(area):
                return self._capacity("kt", kt_lines, user, committee)
            if Delegation._acting_chair_on(committee, on_date) == user:
                return self._capacity("kt", kt_lines, user, committee, Delegation._grants_of(user, committee, "acting_chair", on_date)[:1])
            for grant in Delegation._grants_of(user, committee, "kt", on_date).filtered(lambda g: not g.parent_id):
                if grant._covers(document_type, field):
                    return self._capacity("kt", kt_lines, user, committee, grant)
        for grant in Delegation._grants_of(user, committee, "tl", on_date):
            if grant._covers(document_type, field):
                return self._capacity("tl", ["TL. " + grant.authority_title, grant.grantee_title or ""], user, committee, grant)
        for grant in Delegation._grants_of(user, committee, "kt", on_date).filtered("parent_id"):
            parent = grant.parent_id
            if parent._in_force_on(on_date) and parent._covers(document_type, field) and grant._covers(document_type, field):
                lines = ["TL. " + parent.authority_title, "KT. " + (parent.grantee_title or ""), grant.grantee_title or ""]
                return self._capacity("tl_kt", lines, user, committee, grant)
        for grant in Delegation._grants_of(user, committee, "tuq", on_date):
            if grant._covers(document_type, field):
                return self._capacity("tuq", ["TUQ. " + grant.authority_title, grant.grantee_title or ""], user, committee, grant)
        return False

    @api.model
    def check_signing_capacity(self, user, committee, authority="committee", document_type=None, field=None, on_date=None, area=None):
        """:meth:`signing_capacity`, raising when the user may not sign."""
        capacity = self.signing_capacity(user, committee, authority, document_type, field, on_date, area)
        if not capacity:
            raise AccessError(self.env._(
                "%(user)s may not sign this document: it is outside his position, fields and delegations in force.",
                user=user.name,
            ))
        return capacity

    @api.model
    @api.readonly  # read-only request: Odoo runs it on the read replica when one is configured (db_replica_host)
    def get_my_signing_capacity(self, committee_id, authority="committee", document_type_id=False, field_id=False, on_date=False):
        """RPC entry point: the current user's capacity for a document, or ``False``."""
        committee = self.env["ubnd.committee"].browse(committee_id).exists() if isinstance(committee_id, int) else None
        if not committee or authority not in dict(AUTHORITIES):
            raise UserError(self.env._("Give an existing committee and an authority of the list."))
        committee.check_access("read")
        try:
            on_date = fields.Date.to_date(on_date) if on_date else None
        except (TypeError, ValueError):
            raise UserError(self.env._("The signing date must be a date (YYYY-MM-DD)."))
        return self.signing_capacity(
            self.env.user, committee, authority,
            self.env["ubnd.document.type"].browse(document_type_id).exists() if document_type_id else None,
            self.env["ubnd.field"].browse(field_id).exists() if field_id else None,
            on_date,
        )
