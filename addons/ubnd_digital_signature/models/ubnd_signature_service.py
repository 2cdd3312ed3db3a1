import datetime
import os
import re

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import pades
from ..tools.verdict import SignatureVerdict

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class UbndSignatureService(models.AbstractModel):
    """The one flow of digital signatures: whatever signed the PDF (a server-side PKCS#11 token, an external
    signer returning a CMS, or a tool outside the suite before upload), the result is validated here against the
    trust anchors, the person or committee expected and the dates of his signing authority."""

    _name = "ubnd.signature.service"
    _description = "Digital signature service"

    # ------------------------------------------------------------------ validation
    @api.model
    def _validate_pdf(self, pdf_bytes, user=None, committee=None, window=None, field_name=None, moment=None,
                      capacity=None):
        """Validate one signature of ``pdf_bytes``; a ``SignatureVerdict``.

        :param user: the ``res.users`` who must have signed (his registered certificate), or None
        :param committee: the ``ubnd.committee`` whose seal must have signed, or None
        :param window: ``(date_from, date_to)`` (dates, datetimes or ISO strings; either may be empty): the
            signing time, in the committee's time zone, must fall inside (the grant's dates)
        :param field_name: the signature field to check; by default the last signature (covering the file)
        :param moment: when the certificate must be valid (aware datetime, default now)
        :param capacity: the capacity line the signer signed in (``KT. CHỦ TỊCH``…), named on the summary line
        """
        checks = pades.validate_pdf(pdf_bytes, self.env["certificate.certificate"]._ubnd_trust_anchors(), moment)
        target = next((c for c in checks if c.field_name == field_name), None) if field_name else checks[-1]
        verdict = SignatureVerdict(field_name=field_name or checks[-1].field_name)
        if target is None:
            verdict.problems.append("unsigned")
        else:
            verdict.problems.extend(target.problems)
            verdict.fingerprint, verdict.signing_time = target.fingerprint, target.signing_time
            verdict.signer_name = target.signer_name
            if any("broken" in c.problems for c in checks if c is not target) and "broken" not in verdict.problems:
                verdict.problems.append("broken")
            if target.signing_cert is not None:
                self._check_identity(verdict, user, committee)
                self._check_window(verdict, window, committee, user)
        self._explain(verdict, user, committee, window, capacity)
        return verdict

    def _check_identity(self, verdict, user, committee):
        certificate = self.env["certificate.certificate"]._ubnd_find(verdict.fingerprint)
        if not certificate:
            verdict.problems.append("unregistered")
            return
        verdict.certificate_id = certificate.id
        holder = certificate.ubnd_user_id or certificate.ubnd_committee_id
        verdict.signer_name = holder.name
        if (user and certificate.ubnd_user_id != user) or (committee and certificate.ubnd_committee_id != committee):
            verdict.problems.append("wrong_signer")

    def _check_window(self, verdict, window, committee, user):
        date_from, date_to = window or (None, None)
        if not (date_from or date_to):
            return
        if not verdict.signing_time:
            verdict.problems.append("outside_window")
            return
        day = verdict.signing_time.astimezone(self._tz(committee, user)).date()
        if (date_from and day < self._as_date(date_from)) or (date_to and day > self._as_date(date_to)):
            verdict.problems.append("outside_window")

    @api.model
    def _as_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        return fields.Date.to_date(value)

    @api.model
    def _tz(self, committee=None, user=None):
        """The committee's time zone (the signer's committee when only the signer is known), never the
        server's nor the reader's: the time printed on a document does not depend on who reads it."""
        if not committee and user:
            committee = self.env["ubnd.committee"].sudo()._for_company(user.company_id)
        return pytz.timezone((committee and committee.tz) or DEFAULT_TZ)

    @api.model
    def _format_day(self, value):
        return self._as_date(value).strftime("%d/%m/%Y") if value else "…"

    @api.model
    def _format_time(self, moment, committee=None, user=None):
        """14:05:09 06/12/2026 +07:00 — the time of the signature, always with its offset (ND30 PL I §II.8.b)."""
        local = moment.astimezone(self._tz(committee, user))
        offset = local.strftime("%z")
        return "%s %s:%s" % (local.strftime("%H:%M:%S %d/%m/%Y"), offset[:3], offset[3:])

    def _explain(self, verdict, user, committee, window, capacity=None):
        _ = self.env._
        texts = {
            "unsigned": _("the file carries no digital signature"),
            "broken": _("the file was changed after it was signed, or the signature is damaged"),
            "modified": _("the file was modified after it was signed"),
            "untrusted": _("the certificate does not chain to a trust anchor of the system"),
            "expired": _("the certificate was outside its validity"),
            "unregistered": _("the certificate is not registered to any signer of the system"),
            "wrong_signer": _("the signature is not that of %(expected)s",
                              expected=(user or committee).name if (user or committee) else ""),
            "outside_window": _("the signing time is outside the dates of the signing authority (%(start)s – %(end)s)",
                                start=self._format_day(window[0] if window else None),
                                end=self._format_day(window[1] if window else None)),
        }
        verdict.messages = [texts[code] for code in verdict.problems]
        if verdict.valid:
            holder = self.env["certificate.certificate"].sudo().browse(verdict.certificate_id)
            time = self._format_time(verdict.signing_time, committee or holder.ubnd_committee_id,
                                     user or holder.ubnd_user_id)
            if capacity:
                verdict.summary = _("Valid digital signature: %(name)s, %(capacity)s, %(time)s",
                                    name=verdict.signer_name, capacity=capacity, time=time)
            else:
                verdict.summary = _("Valid digital signature: %(name)s, %(time)s", name=verdict.signer_name,
                                    time=time)
        else:
            verdict.summary = _("Invalid digital signature: %(reasons)s", reasons="; ".join(verdict.messages))

    @api.model
    def _require_valid(self, verdict):
        if not verdict.valid:
            raise UserError(verdict.summary)
        return verdict

    # ------------------------------------------------------------------ (a) server-side PKCS#11 token
    @api.model
    def _sign_with_token(self, pdf_bytes, certificate, field_name="Signature", window=None, reason=None,
                         placement=None):
        """Sign with the key of ``certificate`` held in a PKCS#11 token reachable from the server (a remote-signing
        HSM, or the committee's seal token); returns ``(signed_pdf, verdict)`` or refuses. The signature is
        visible at ``placement`` (``tools/appearance.py``), by default where its kind goes on the document."""
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session  # needs python-pkcs11 only here

        certificate = certificate.sudo()
        self._check_may_use(certificate)
        problem = certificate._ubnd_problem()
        if problem:
            raise UserError(self.env._("This certificate cannot sign: %(problem)s.", problem=problem))
        if not (certificate.ubnd_pkcs11_module and certificate.ubnd_pkcs11_token_label):
            raise UserError(self.env._("No PKCS#11 token is configured for the certificate %(name)s.",
                                       name=certificate.name or certificate.subject_common_name))
        cert = certificate._ubnd_asn1()
        chain = [a for a in certificate._ubnd_trust_anchors() if a.subject == cert.issuer]
        if placement is None:
            placement = self._ubnd_default_placement(pdf_bytes, certificate)
        try:
            session = open_pkcs11_session(certificate.ubnd_pkcs11_module,
                                          token_label=certificate.ubnd_pkcs11_token_label,
                                          user_pin=self._token_pin(certificate.ubnd_pkcs11_token_label))
            try:
                signer = PKCS11Signer(session, key_label=certificate.ubnd_pkcs11_key_label or None,
                                      signing_cert=cert, ca_chain=chain)
                signed = pades.sign_pdf(pdf_bytes, signer, field_name, reason=reason, placement=placement)
            finally:
                session.close()
        except Exception as error:  # noqa: BLE001 - any token failure reaches the user as one clear message
            raise UserError(self.env._("The signing token could not be used: %(error)s", error=error)) from error
        verdict = self._validate_pdf(signed, user=certificate.ubnd_user_id or None,
                                    committee=certificate.ubnd_committee_id or None,
                                    window=window, field_name=field_name)
        return signed, self._require_valid(verdict)

    @api.model
    def _token_pin(self, token_label):
        """The token's user PIN, from the server's environment (UBND_PKCS11_PIN_<LABEL>), never the database."""
        return os.environ.get("UBND_PKCS11_PIN_" + re.sub(r"\W", "_", token_label).upper())

    @api.model
    def _check_may_use(self, certificate):
        """A signer's key signs only for its holder; a seal only for the Office (văn thư) of its committee."""
        user = self.env.user
        if self.env.su:
            return
        if certificate.scope == "ubnd_signer" and certificate.ubnd_user_id == user:
            return
        if (certificate.scope == "ubnd_seal" and user.has_group("ubnd_quyche.group_ubnd_office")
                and certificate.ubnd_committee_id.company_id in user.company_ids):
            return
        raise UserError(self.env._("You may not sign with the certificate %(name)s.",
                                   name=certificate.name or certificate.subject_common_name))

    # ------------------------------------------------------------------ (b) external signer
    @api.model
    def _create_external_request(self, pdf_bytes, user=None, window=None, field_name="Signature", reason=None,
                                res_model=None, res_id=None, capacity=None):
        """A request for ``user``'s external signer (USB-token plugin, remote-signing service) to sign
        ``pdf_bytes``; the signer then talks to the controller (see README, "External signing").
        ``capacity`` is the line of the signature block he signs in, named on the verdict."""
        from odoo.addons.ubnd_quyche.tools.privilege import privileged

        date_from, date_to = window or (None, None)
        sig_request = privileged(self.env["ubnd.signature.request"].sudo(), "ubnd_signature_request").create({
            "user_id": (user or self.env.user).id,
            "source_pdf": pades.b64encode(pdf_bytes),
            "field_name": field_name,
            "reason": reason,
            "window_from": date_from and self._as_date(date_from),
            "window_to": date_to and self._as_date(date_to),
            "res_model": res_model,
            "res_id": res_id,
            "capacity": capacity,
        })
        return self.env["ubnd.signature.request"].browse(sig_request.id)  # without the server's privilege

    # ------------------------------------------------------------------ (c) upload of a PDF signed elsewhere
    @api.model
    def _verify_upload(self, pdf_bytes, user, window=None, committee=None, field_name=None, capacity=None):
        """Accept a PDF signed outside the suite only if its signature (``field_name``, by default the last one)
        is ``user``'s and counts; ``capacity`` is named on the verdict (wizard/ubnd_signed_upload.py)."""
        return self._require_valid(self._validate_pdf(pdf_bytes, user=user, committee=committee, window=window,
                                                      field_name=field_name, capacity=capacity))
