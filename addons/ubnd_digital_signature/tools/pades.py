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
from pyhanko import stamp
from pyhanko.pdf_utils import content, images, layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from . import appearance as appearance_tools

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


# ---------------------------------------------------------------------------------------------- appearance
TIME_ZONE = "Asia/Ho_Chi_Minh"
_ISO = "%Y-%m-%dT%H:%M:%S%z"


class _InMemoryPdfPage(content.ImportedPdfPage):
    """pyHanko's imported page, read from bytes instead of a file."""

    def __init__(self, pdf_bytes):
        super().__init__(file_name=None)
        self.pdf_bytes = pdf_bytes

    def render(self):
        import binascii
        import uuid
        xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(BytesIO(self.pdf_bytes), strict=False))
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


_FILL = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                   margins=layout.Margins.uniform(0))


@dataclasses.dataclass(frozen=True)
class SerifTextStampStyle(stamp.TextStampStyle):
    """A line of text in the document's serif font (Times New Roman / Liberation Serif), no border, where
    ``%(ts)s`` is the signing time pyHanko puts in the signature, in Vietnam time with its offset:
    ``23/10/2025 14:05:09 +07:00`` (ND30 PL I §II.8.b)."""

    text: str = ""
    color: tuple = (0, 0, 0)
    align: str = "right"
    timestamp_format: str = _ISO
    border_width: int = 0

    def create_stamp(self, writer, box, text_params):
        import pytz
        moment = datetime.datetime.strptime(text_params["ts"], _ISO).astimezone(pytz.timezone(TIME_ZONE))
        offset = moment.strftime("%z")
        shown = self.text % {"ts": "%s %s:%s" % (moment.strftime("%d/%m/%Y %H:%M:%S"), offset[:3], offset[3:])}
        page = appearance_tools.render_text(shown, box.width, box.height, self.color, self.align)
        style = stamp.StaticStampStyle(background=_InMemoryPdfPage(page), background_opacity=1.0, border_width=0,
                                       background_layout=_FILL)
        return stamp.StaticContentStamp(writer, style, box)


def stamp_style(placement):
    """pyHanko's appearance of a ``appearance.Placement``: the PNG (transparency kept) or the line of text."""
    if placement.image:
        from PIL import Image
        picture = Image.open(BytesIO(placement.image))
        picture.load()
        return stamp.StaticStampStyle(background=images.PdfImage(picture), background_opacity=1.0, border_width=0,
                                      background_layout=_FILL)
    return SerifTextStampStyle(text=placement.text or "", color=placement.color, align=placement.align)


def _pdf_signer(field_name, signer, reason=None, location=None, placement=None):
    if not placement:
        return signers.PdfSigner(signature_metadata(field_name, reason, location), signer=signer)
    spec = fields.SigFieldSpec(field_name, on_page=placement.page, box=tuple(round(v, 2) for v in placement.box))
    return signers.PdfSigner(signature_metadata(field_name, reason, location), signer=signer,
                             stamp_style=stamp_style(placement), new_field_spec=spec)


def is_pdf(data):
    """Whether pyHanko can read ``data`` as a PDF (a file named .pdf may be anything)."""
    try:
        PdfFileReader(BytesIO(data or b""), strict=False).root  # noqa: B018 - reading the catalogue is the check
        return True
    except Exception:  # noqa: BLE001 - whatever the reason, not a PDF we can sign
        return False


def sign_pdf(pdf_bytes, signer, field_name, reason=None, location=None, placement=None):
    """Sign ``pdf_bytes`` with a pyHanko ``Signer`` (software key or PKCS#11 token); an incremental update.
    With a ``placement`` (``tools/appearance.py``) the signature is visible there; else it is invisible."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    out = _pdf_signer(field_name, signer, reason, location, placement).sign_pdf(writer)
    return out.getvalue()


@dataclasses.dataclass
class PreparedSignature:
    """The state of an interrupted signature: the PDF with its empty signature and the digest to sign."""

    pdf: bytes
    digest: bytes
    region_start: int
    region_end: int


def prepare_external(pdf_bytes, signing_cert, field_name, reason=None, location=None, placement=None):
    """Allocate the signature field of an external signer (visible at ``placement`` if given); return the PDF
    and the ``/ByteRange`` digest."""
    signer = signers.ExternalSigner(signing_cert=signing_cert, cert_registry=None, signature_value=bytes(512))
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    pdf_signer = _pdf_signer(field_name, signer, reason, location, placement)
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
