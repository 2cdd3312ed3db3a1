import asyncio
import base64
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import pades

UBND_SCOPES = ("ubnd_trust_anchor", "ubnd_signer", "ubnd_seal")


class CertificateCertificate(models.Model):
    """Odoo's certificate store, extended with the three kinds of certificates of digital signatures.

    A trust anchor (root or intermediate CA, e.g. the Government Cipher Committee's) is managed by the system
    administrator; a signer's certificate is bound to one user; a seal certificate is the committee's own. The
    private keys of signers and seals stay in tokens (USB or HSM): only certificates are stored here.
    """

    _inherit = "certificate.certificate"

    scope = fields.Selection(
        selection_add=[
            ("ubnd_trust_anchor", "Trust anchor"),
            ("ubnd_signer", "Signer's certificate"),
            ("ubnd_seal", "Committee seal certificate"),
        ],
        ondelete={scope: "cascade" for scope in UBND_SCOPES},
    )
    ubnd_user_id = fields.Many2one(
        "res.users", string="Signer", index=True, ondelete="restrict",
        help="The person this certificate belongs to: his signatures count only with it.",
    )
    ubnd_committee_id = fields.Many2one(
        "ubnd.committee", string="Committee", index=True, ondelete="restrict",
        help="The committee whose digital signature (seal) this certificate carries.",
    )
    ubnd_subject = fields.Char("Subject", compute="_compute_ubnd_identity", store=True)
    ubnd_issuer = fields.Char("Issuer", compute="_compute_ubnd_identity", store=True)
    ubnd_fingerprint = fields.Char("SHA-256 fingerprint", compute="_compute_ubnd_identity", store=True, index=True)
    ubnd_pkcs11_module = fields.Char(
        "PKCS#11 module", help="Path of the PKCS#11 library of the server-side token or HSM holding the key, "
        "e.g. /usr/lib/softhsm/libsofthsm2.so. Its PIN is read from the environment variable "
        "UBND_PKCS11_PIN_<TOKEN LABEL>, never from the database.",
    )
    ubnd_pkcs11_token_label = fields.Char("Token label")
    ubnd_pkcs11_key_label = fields.Char("Key label")

    @api.depends("pem_certificate")
    def _compute_ubnd_identity(self):
        for certificate in self:
            cert = certificate._ubnd_x509()
            certificate.ubnd_subject = cert.subject.rfc4514_string() if cert else False
            certificate.ubnd_issuer = cert.issuer.rfc4514_string() if cert else False
            certificate.ubnd_fingerprint = cert.fingerprint(hashes.SHA256()).hex() if cert else False

    @api.constrains("scope", "ubnd_user_id", "ubnd_committee_id", "pem_certificate")
    def _check_ubnd_binding(self):
        for certificate in self:
            if certificate.scope == "ubnd_signer" and not certificate.ubnd_user_id:
                raise ValidationError(self.env._("A signer's certificate must be bound to the user it belongs to."))
            if certificate.scope == "ubnd_seal" and not certificate.ubnd_committee_id:
                raise ValidationError(self.env._("A seal certificate must belong to a committee."))
            if certificate.scope == "ubnd_trust_anchor" and not certificate._ubnd_is_ca():
                raise ValidationError(self.env._(
                    "A trust anchor must be a certification authority's certificate (basic constraints CA)."))

    def _ubnd_x509(self):
        """The certificate as a ``cryptography`` object (None when it could not be read)."""
        self.ensure_one()
        pem_certificate = self.with_context(bin_size=False).pem_certificate
        return x509.load_pem_x509_certificate(base64.b64decode(pem_certificate)) if pem_certificate else None

    def _ubnd_asn1(self):
        self.ensure_one()
        return pades.load_certificate(base64.b64decode(self.with_context(bin_size=False).pem_certificate))

    def _ubnd_is_ca(self):
        cert = self._ubnd_x509()
        try:
            return bool(cert and cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            return False

    @api.model
    def _ubnd_trust_anchors(self):
        """The trust anchors of the installation, as asn1crypto certificates."""
        anchors = self.sudo().search([("scope", "=", "ubnd_trust_anchor"), ("pem_certificate", "!=", False)])
        return [anchor._ubnd_asn1() for anchor in anchors]

    @api.model
    def _ubnd_find(self, fingerprint):
        """The registered signer or seal certificate with this SHA-256 fingerprint (empty when none)."""
        return self.sudo().search([
            ("ubnd_fingerprint", "=", fingerprint), ("scope", "in", ("ubnd_signer", "ubnd_seal")),
        ], limit=1)

    def _ubnd_problem(self, moment=None):
        """Why this certificate does not count at ``moment`` (aware datetime, default now), or None.

        It counts when it chains to a trust anchor and is within its validity.
        """
        self.ensure_one()
        moment = moment or datetime.datetime.now(datetime.timezone.utc)
        cert = self._ubnd_asn1()
        validity = cert["tbs_certificate"]["validity"]
        if not validity["not_before"].native <= moment <= validity["not_after"].native:
            return self.env._("the certificate is outside its validity (%(start)s – %(end)s)",
                              start=self.date_start.strftime("%d/%m/%Y"), end=self.date_end.strftime("%d/%m/%Y"))
        anchors = self._ubnd_trust_anchors()
        context = ValidationContext(trust_roots=anchors, other_certs=anchors, allow_fetching=False,
                                    revocation_mode="soft-fail", moment=moment)
        try:
            asyncio.run(CertificateValidator(cert, validation_context=context).async_validate_usage(set()))
        except (PathBuildingError, PathValidationError):
            return self.env._("the certificate does not chain to a trust anchor of the system")
        return None

    def _ubnd_check_usable_by(self, user, moment=None):
        """Refuse unless this signer's certificate is bound to ``user``, chains to a trust anchor and is valid."""
        self.ensure_one()
        if self.scope != "ubnd_signer" or self.ubnd_user_id != user:
            raise UserError(self.env._("This certificate is not registered to %(user)s.", user=user.name))
        problem = self._ubnd_problem(moment)
        if problem:
            raise UserError(self.env._("This certificate cannot sign: %(problem)s.", problem=problem))
