import atexit
import base64
import datetime
import itertools
import os

from odoo.addons.ubnd_quyche.tests.common import UbndCommonCase

from ..tools import pades, test_pki

TOKEN_LABEL = "ubnd-test"
TOKEN_PIN = "1234"
_TOKEN = []
_KEY_NUMBERS = itertools.count(1)


def shared_token():
    """One SoftHSM2 token per process: the PKCS#11 library reads SOFTHSM2_CONF once, when first loaded."""
    if not _TOKEN:
        token = test_pki.SoftHsmToken(TOKEN_LABEL, TOKEN_PIN)
        atexit.register(token.cleanup)
        _TOKEN.append(token)
    return _TOKEN[0]


class SignatureCase(UbndCommonCase):
    """The test committee of ubnd_quyche with a PKI made inside the test: a trusted root CA (trust anchor), a CA
    nobody trusts, certificates for the Vice-Chairman (valid, expired, untrusted), for the Chairman, and the
    committee's seal whose key lives in a SoftHSM2 token; a server-side token key for the Vice-Chairman too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = datetime.datetime.now(datetime.timezone.utc)
        cls.ca_key = test_pki.make_key()
        cls.ca = test_pki.make_certificate("Test Government CA", cls.ca_key, ca=True)
        cls.rogue_key = test_pki.make_key()
        cls.rogue_ca = test_pki.make_certificate("Rogue CA", cls.rogue_key, ca=True)
        cls.anchor = cls.register(cls.ca, "ubnd_trust_anchor", name="Test Government CA")

        cls.vc_key = test_pki.make_key()
        cls.vc_cert = test_pki.make_certificate("Pho Chu tich Kinh te", cls.vc_key, cls.ca, cls.ca_key)
        cls.vc_certificate = cls.register(cls.vc_cert, "ubnd_signer", user=cls.vc_economy)
        cls.chairman_key = test_pki.make_key()
        cls.chairman_cert = test_pki.make_certificate("Chu tich", cls.chairman_key, cls.ca, cls.ca_key)
        cls.chairman_certificate = cls.register(cls.chairman_cert, "ubnd_signer", user=cls.chairman)
        cls.expired_cert = test_pki.make_certificate(
            "Pho Chu tich Kinh te (cu)", cls.vc_key, cls.ca, cls.ca_key,
            not_before=now - datetime.timedelta(days=400), not_after=now - datetime.timedelta(days=1))
        cls.expired_certificate = cls.register(cls.expired_cert, "ubnd_signer", user=cls.vc_economy)
        cls.rogue_cert = test_pki.make_certificate("Pho Chu tich Kinh te", cls.vc_key, cls.rogue_ca, cls.rogue_key)
        cls.rogue_certificate = cls.register(cls.rogue_cert, "ubnd_signer", user=cls.vc_economy)

        token = shared_token()
        os.environ["UBND_PKCS11_PIN_UBND_TEST"] = TOKEN_PIN
        suffix = "%04d" % next(_KEY_NUMBERS)  # unique in the process: SoftHSM refuses a key ID twice in a token
        cls.seal_key = test_pki.make_key()
        cls.seal_cert = test_pki.make_certificate("UBND thanh pho Thu nghiem", cls.seal_key, cls.ca, cls.ca_key)
        token.import_key(cls.seal_key, "seal-" + suffix, key_id=suffix[-4:] + "01")
        cls.seal_certificate = cls.register(cls.seal_cert, "ubnd_seal", committee=cls.committee, token_key="seal-" + suffix)
        cls.vc_token_key = test_pki.make_key()
        cls.vc_token_cert = test_pki.make_certificate("Pho Chu tich Kinh te (HSM)", cls.vc_token_key, cls.ca, cls.ca_key)
        token.import_key(cls.vc_token_key, "vc-" + suffix, key_id=suffix[-4:] + "02")
        cls.vc_token_certificate = cls.register(cls.vc_token_cert, "ubnd_signer", user=cls.vc_economy,
                                                token_key="vc-" + suffix)
        cls.pdf = test_pki.make_pdf(2)
        cls.service = cls.env["ubnd.signature.service"]

    @classmethod
    def register(cls, certificate, scope, user=None, committee=None, token_key=None, name=None):
        vals = {
            "name": name or certificate.subject.rfc4514_string(),
            "content": base64.b64encode(test_pki.der(certificate)),
            "scope": scope,
            "company_id": cls.company.id,
            "ubnd_user_id": user and user.id,
            "ubnd_committee_id": committee and committee.id,
        }
        if token_key:
            vals.update(ubnd_pkcs11_module=test_pki.softhsm_module(), ubnd_pkcs11_token_label=TOKEN_LABEL,
                        ubnd_pkcs11_key_label=token_key)
        return cls.env["certificate.certificate"].create(vals)

    def sign_locally(self, key, certificate, pdf=None, field_name="Signature"):
        """What a signing tool outside the suite produces: the key never reaches the server."""
        return pades.sign_pdf(pdf or self.pdf, test_pki.software_signer(key, certificate, [self.ca]), field_name)

    def tamper(self, pdf):
        data = bytearray(pdf)
        at = data.find(b"noi dung")
        data[at] = ord("N")
        return bytes(data)
