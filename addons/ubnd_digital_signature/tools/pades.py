"""PAdES signing and validation with pyHanko, free of Odoo.

Every function takes and returns bytes and plain values so that the Odoo layer (models/) only decides *who* may
sign *what* and *which* certificates count; the cryptography stays in pyHanko.
"""
import asyncio
import dataclasses
import datetime
import base64
import hashlib
from io import BytesIO

from asn1crypto import cms, pem, x509 as asn1_x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

DIGEST_ALGORITHM = "sha256"
# Room for the CMS of an external signer (hex-encoded in the file): a 4096-bit RSA signature with a chain of
# a few certificates fits well inside.
EXTERNAL_BYTES_RESERVED = 32768


def load_certificate(data):
    """An asn1crypto certificate from DER or PEM bytes."""
    if pem.detect(data):
        _type, _headers, data = pem.unarmor(data)
    return asn1_x509.Certificate.load(data)


def fingerprint(certificate):
    """SHA-256 of the certificate's DER encoding, hex."""
    return hashlib.sha256(certificate.dump()).hexdigest()


def signature_metadata(field_name, reason=None, location=None):
    return signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm=DIGEST_ALGORITHM,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )


def sign_pdf(pdf_bytes, signer, field_name, reason=None, location=None):
    """Sign ``pdf_bytes`` with a pyHanko ``Signer`` (software key or PKCS#11 token); an incremental update."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    out = signers.PdfSigner(signature_metadata(field_name, reason, location), signer=signer).sign_pdf(writer)
    return out.getvalue()


@dataclasses.dataclass
class PreparedSignature:
    """The state of an interrupted signature: the PDF with its empty signature and the digest to sign."""

    pdf: bytes
    digest: bytes
    region_start: int
    region_end: int


def prepare_external(pdf_bytes, signing_cert, field_name, reason=None, location=None):
    """Allocate the signature field of an external signer; return the PDF and the ``/ByteRange`` digest."""
    signer = signers.ExternalSigner(signing_cert=signing_cert, cert_registry=None, signature_value=bytes(512))
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    pdf_signer = signers.PdfSigner(signature_metadata(field_name, reason, location), signer=signer)
    prepared, _tbs, output = asyncio.run(
        pdf_signer.async_digest_doc_for_signing(writer, bytes_reserved=EXTERNAL_BYTES_RESERVED)
    )
    return PreparedSignature(
        pdf=output.getvalue(),
        digest=prepared.document_digest,
        region_start=prepared.reserved_region_start,
        region_end=prepared.reserved_region_end,
    )


def finish_external(prepared, cms_bytes):
    """Embed the CMS returned by the external signer into the prepared PDF; the signed PDF."""
    signed_data = cms.ContentInfo.load(cms_bytes)
    if signed_data["content_type"].native != "signed_data":
        raise ValueError("not a CMS SignedData")
    output = BytesIO(prepared.pdf)
    digest = PreparedByteRangeDigest(
        document_digest=prepared.digest,
        reserved_region_start=prepared.region_start,
        reserved_region_end=prepared.region_end,
    )
    if len(signed_data.dump()) * 2 > prepared.region_end - prepared.region_start - 2:
        raise ValueError("the CMS does not fit in the space reserved for it")
    PdfTBSDocument.finish_signing(output, digest, signed_data)
    return output.getvalue()


@dataclasses.dataclass
class SignatureCheck:
    """What pyHanko found about one embedded signature; ``problems`` empty means cryptographically valid.

    Problem codes: ``unsigned``, ``broken`` (integrity), ``modified`` (changes after signing), ``untrusted`` (no
    chain to a trust anchor), ``expired`` (certificate outside its validity at the validation time or at the
    signing time).
    """

    field_name: str = ""
    problems: list = dataclasses.field(default_factory=list)
    signing_cert: object = None
    signing_time: datetime.datetime = None
    signer_name: str = ""
    fingerprint: str = ""

    @property
    def ok(self):
        return not self.problems


def _validation_context(trust_roots, moment):
    return ValidationContext(
        trust_roots=list(trust_roots),
        other_certs=list(trust_roots),
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=moment,
    )


def _within(cert, moment):
    validity = cert["tbs_certificate"]["validity"]
    return validity["not_before"].native <= moment <= validity["not_after"].native


def validate_pdf(pdf_bytes, trust_roots, moment=None):
    """Check every signature of ``pdf_bytes`` against ``trust_roots`` (asn1crypto certificates).

    ``moment`` (aware datetime, default now) is when the certificates must be valid. Returns a list of
    ``SignatureCheck``, in the order of the signatures in the file (the last one covers the whole file).
    """
    moment = moment or datetime.datetime.now(datetime.timezone.utc)
    try:
        reader = PdfFileReader(BytesIO(pdf_bytes), strict=False)
        embedded = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - any parse failure of a PDF means "not a signed PDF we can read"
        return [SignatureCheck(problems=["unsigned"])]
    if not embedded:
        return [SignatureCheck(problems=["unsigned"])]
    return [_check_one(sig, trust_roots, moment) for sig in embedded]


def _check_one(embedded, trust_roots, moment):
    check = SignatureCheck(field_name=embedded.field_name)
    try:
        status = validate_pdf_signature(embedded, signer_validation_context=_validation_context(trust_roots, moment))
    except Exception:  # noqa: BLE001 - a malformed signature dictionary or CMS is a broken signature
        check.problems.append("broken")
        return check
    cert = status.signing_cert
    check.signing_cert = cert
    check.fingerprint = fingerprint(cert)
    check.signer_name = cert.subject.native.get("common_name", "")
    check.signing_time = status.signer_reported_dt or _dictionary_time(embedded)
    if not (status.intact and status.valid):
        check.problems.append("broken")
    elif not status.docmdp_ok or (status.modification_level is not None
                                  and status.modification_level > ModificationLevel.FORM_FILLING):
        check.problems.append("modified")
    if not _within(cert, moment) or (check.signing_time and not _within(cert, check.signing_time)):
        check.problems.append("expired")
    elif not status.trusted:
        check.problems.append("untrusted")
    return check


def _dictionary_time(embedded):
    """The ``/M`` time of the signature dictionary (PAdES puts the claimed signing time there)."""
    return embedded.self_reported_timestamp


def b64encode(data):
    return base64.b64encode(data)
