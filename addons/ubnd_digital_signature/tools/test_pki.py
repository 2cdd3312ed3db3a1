"""Throw-away PKI for the tests and the benchmark: a CA, end-entity certificates, PDFs, a SoftHSM2 token.

Nothing here is used in production; it lives in tools/ so that bench/ can import it without Odoo's test runner.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
from io import BytesIO

from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.sign import signers

from .pades import load_certificate

SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def make_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_certificate(common_name, key, issuer=None, issuer_key=None, ca=False, not_before=None, not_after=None,
                     organization="UBND test"):
    """A certificate for ``key`` signed by ``issuer``/``issuer_key`` (self-signed when no issuer)."""
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])
    not_before = not_before or _now() - datetime.timedelta(days=30)
    not_after = not_after or _now() + datetime.timedelta(days=365)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
        ), critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
        ), critical=True)
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def der(certificate):
    return certificate.public_bytes(serialization.Encoding.DER)


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def software_signer(key, certificate, chain=()):
    """A pyHanko signer holding the key in memory (the test stand-in for a USB token or a signing service)."""
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    return signers.SimpleSigner(
        signing_cert=load_certificate(der(certificate)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([load_certificate(der(c)) for c in chain]),
    )


def make_pdf(pages=1, title="QUYẾT ĐỊNH"):
    """A plain PDF of ``pages`` pages of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    out = BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in range(pages):
        pdf.drawString(72, 760, "%s - trang %s" % (title, page + 1))
        for line in range(40):
            pdf.drawString(72, 730 - line * 16, "Dong %s: noi dung van ban thu nghiem ky so." % (line + 1))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def softhsm_module():
    return next((path for path in SOFTHSM_MODULES if os.path.exists(path)), None)


class SoftHsmToken:
    """A SoftHSM2 token in a temporary directory, holding one imported private key.

    SoftHSM reads ``SOFTHSM2_CONF`` when the PKCS#11 library is first initialised in the process, so the
    variable is set for the whole process and the token directory lives until ``cleanup``.
    """

    def __init__(self, label, pin, so_pin="87654321"):
        self.label, self.pin, self.so_pin = label, pin, so_pin
        self.directory = tempfile.mkdtemp(prefix="ubnd-softhsm-")
        os.makedirs(os.path.join(self.directory, "tokens"))
        self.conf = os.path.join(self.directory, "softhsm2.conf")
        with open(self.conf, "w", encoding="utf-8") as conf:
            conf.write("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n"
                       % os.path.join(self.directory, "tokens"))
        self.module = softhsm_module()
        os.environ["SOFTHSM2_CONF"] = self.conf
        self._run("--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", so_pin)

    def _run(self, *args):
        subprocess.run(["softhsm2-util", *args], check=True, capture_output=True,
                       env=dict(os.environ, SOFTHSM2_CONF=self.conf))

    def import_key(self, key, key_label, key_id="01"):
        path = os.path.join(self.directory, key_label + ".pem")
        with open(path, "wb") as out:
            out.write(key_pem(key))
        try:
            self._run("--import", path, "--token", self.label, "--label", key_label, "--id", key_id,
                      "--pin", self.pin)
        finally:
            os.remove(path)

    def cleanup(self):
        shutil.rmtree(self.directory, ignore_errors=True)
