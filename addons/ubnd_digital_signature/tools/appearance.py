"""Where the signatures of a Decree 30 document are seen on the page (ND30 PL I §II.7.d, §II.8), free of Odoo.

* The signer's signature image (blue PNG, transparent) is centred in box 7c: between the last capacity line
  ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") and the signer's name, found in the rendered PDF by its text.
* The committee's seal (red PNG, at the seal's real size) overlaps about one third of the signer's image, on its
  left (box 8, §II.8.a).
* An attachment in a separate file carries the committee's signature as a text stamp at the top right of its first
  page: number and symbol of the main document and the signing time with its offset, Times New Roman 10, black,
  no image (§II.8.b).

Coordinates are PDF user space (points, origin bottom left). The text of the page is read with poppler's
``pdftotext -bbox-layout`` (the tool the printouts' tests already read PDFs with).
"""
import dataclasses
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from io import BytesIO

MM = 72 / 25.4
SIGNATURE_MAX_WIDTH = 60 * MM       # a handwritten signature is at most about 6 cm wide
SIGNATURE_PADDING = 2               # points kept free above the name and under the capacity line
DEFAULT_BOX_HEIGHT = 75             # the printout's signature space (ubnd_quyche .nd30-sign-space)
DEFAULT_SEAL_MM = 36                # the usual diameter of a People's Committee's seal
STAMP_FONT_SIZE = 10
STAMP_MARGIN_RIGHT = 20 * MM        # the page's right margin (ND30 PL I §I.5: 15-20 mm)
STAMP_MARGIN_TOP = 8 * MM           # inside the top margin (20-25 mm), above the header
FONT_FILES = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
)


@dataclasses.dataclass
class Line:
    page: int
    text: str
    x0: float
    top: float      # PDF user space: top > bottom
    x1: float
    bottom: float

    @property
    def center(self):
        return (self.x0 + self.x1) / 2


@dataclasses.dataclass
class Placement:
    """A visible signature: its page, its box ``(x0, y0, x1, y1)`` and what it shows (a PNG, or a line of text
    whose ``%(ts)s`` becomes the signing time; a literal ``%`` is written ``%%``)."""

    page: int
    box: tuple
    image: bytes = None
    text: str = None
    color: tuple = (0, 0, 0)
    align: str = "right"


def _normalize(text):
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def text_lines(pdf_bytes):
    """Every line of text of the PDF with its position (empty when poppler cannot read it)."""
    try:
        xhtml = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=pdf_bytes, capture_output=True,
                               check=True, timeout=60).stdout
        root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xhtml))
    except (OSError, subprocess.SubprocessError, ET.ParseError):
        return []
    lines = []
    for index, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page")):
        height = float(page.get("height"))
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [word.text or "" for word in line.iter("{http://www.w3.org/1999/xhtml}word")]
            lines.append(Line(index, " ".join(words), float(line.get("xMin")), height - float(line.get("yMin")),
                              float(line.get("xMax")), height - float(line.get("yMax"))))
    return lines


def signature_box(pdf_bytes, signer_name, lines=None):
    """Box 7c: ``(page, (x0, y0, x1, y1))`` between the signer's name (its last occurrence, the signature block
    closes the document) and the capacity line above it in the same column; None when the name is not printed."""
    lines = text_lines(pdf_bytes) if lines is None else lines
    names = _find_text(lines, signer_name)
    if not names:
        return None
    name = max(names, key=lambda line: (line.page, -line.top))
    above = [line for line in lines if line.page == name.page and line.bottom > name.top
             and line.x0 <= name.center <= line.x1]
    top = min((line.bottom for line in above), default=name.top + DEFAULT_BOX_HEIGHT)
    return name.page, (name.center - SIGNATURE_MAX_WIDTH / 2, name.top + SIGNATURE_PADDING,
                       name.center + SIGNATURE_MAX_WIDTH / 2, top - SIGNATURE_PADDING)


def _find_text(lines, text):
    """The lines showing ``text``, also when it wraps over two or three lines of one column (a long name in a
    narrow signature column): each found as one ``Line`` spanning them."""
    wanted = _normalize(text)
    if not wanted:
        return []
    found = []
    for index, first in enumerate(lines):
        group = [first]
        for following in lines[index + 1:index + 3]:
            if _normalize(" ".join(line.text for line in group)) == wanted:
                break
            if following.page != first.page or not following.x0 <= first.center <= following.x1:
                break
            group.append(following)
        if _normalize(" ".join(line.text for line in group)) == wanted:
            found.append(Line(first.page, text, min(line.x0 for line in group), first.top,
                              max(line.x1 for line in group), group[-1].bottom))
    return found


def image_size(png):
    from PIL import Image
    with Image.open(BytesIO(png)) as image:
        return image.size


def is_transparent_png(data):
    """Whether ``data`` is a PNG with an alpha channel (or a transparent colour), as ND30 PL I §II.7.d requires."""
    from PIL import Image
    try:
        with Image.open(BytesIO(data)) as image:
            return image.format == "PNG" and (image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info)
    except Exception:  # noqa: BLE001 - anything PIL cannot read is not a PNG
        return False


def fit_image(box, png):
    """The largest box of the image's proportions centred in ``box``."""
    x0, y0, x1, y1 = box
    width, height = image_size(png)
    scale = min((x1 - x0) / width, (y1 - y0) / height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (cx - width * scale / 2, cy - height * scale / 2, cx + width * scale / 2, cy + height * scale / 2)


def signer_placement(pdf_bytes, signer_name, image=None):
    """The signer's visible signature at box 7c: his image, or his name in blue when no image is registered;
    None when the document does not print his name (then the signature stays invisible)."""
    found = signature_box(pdf_bytes, signer_name)
    if not found:
        return None
    page, box = found
    if image:
        return Placement(page, fit_image(box, image), image=image)
    return Placement(page, box, text=signer_name.replace("%", "%%"), color=(0, 0.2, 0.6), align="center")


def seal_placement(signer_page, signer_rect, seal_image, seal_mm=DEFAULT_SEAL_MM):
    """The seal at its real size (``seal_mm`` across), its right edge one third into the signer's image from the
    left, centred on it vertically (ND30 PL I §II.8.a)."""
    x0, y0, x1, y1 = signer_rect
    width, height = image_size(seal_image)
    seal_w = seal_mm * MM
    seal_h = seal_w * height / width
    right = x0 + (x1 - x0) / 3
    cy = (y0 + y1) / 2
    return Placement(signer_page, (right - seal_w, cy - seal_h / 2, right, cy + seal_h / 2), image=seal_image)


def signature_rects(pdf_bytes):
    """The visible signatures already in the PDF: ``[(field_name, page, rect)]`` in the order of the file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    reader = PdfFileReader(BytesIO(pdf_bytes), strict=False)
    pages = [page.idnum for page in _page_refs(reader)]
    found = []
    for embedded in reader.embedded_signatures:
        field = embedded.sig_field
        widgets = [kid.get_object() for kid in field.get("/Kids", [])] or [field]
        for widget in widgets:
            x0, y0, x1, y1 = (float(v) for v in widget.get("/Rect", (0, 0, 0, 0)))
            if abs(x1 - x0) > 1 and abs(y1 - y0) > 1:
                page_ref = widget.raw_get("/P") if "/P" in widget else None
                page = pages.index(page_ref.idnum) if page_ref is not None and page_ref.idnum in pages else 0
                found.append((embedded.field_name, page, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))))
    return found


def page_size(pdf_bytes, page=0):
    """Width and height of a page (its media box), in points."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    reader = PdfFileReader(BytesIO(pdf_bytes), strict=False)
    page_obj = reader.find_page_for_modification(page)[0].get_object()
    while "/MediaBox" not in page_obj and "/Parent" in page_obj:
        page_obj = page_obj["/Parent"]
    x0, y0, x1, y1 = (float(v) for v in page_obj["/MediaBox"])
    return abs(x1 - x0), abs(y1 - y0)


def _page_refs(reader):
    return [reader.find_page_for_modification(index)[0] for index in range(int(reader.root["/Pages"]["/Count"]))]


def text_width(text, size=STAMP_FONT_SIZE):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, register_font(), size)


def text_stamp_placement(page_size, text):
    """Top right of the first page (ND30 PL I §II.8.b): the stamp's box, right-aligned on the text margin."""
    page_w, page_h = page_size
    width = text_width(text.replace("%(ts)s", "00/00/0000 00:00:00 +00:00")) + 2
    top = page_h - STAMP_MARGIN_TOP
    return Placement(0, (page_w - STAMP_MARGIN_RIGHT - width, top - STAMP_FONT_SIZE * 1.4,
                         page_w - STAMP_MARGIN_RIGHT, top), text=text)


def register_font():
    """Times New Roman when installed, else its metric-compatible Liberation Serif (as the printouts)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    import os
    name = "UbndSerif"
    if name not in pdfmetrics.getRegisteredFontNames():
        path = next(path for path in FONT_FILES if os.path.exists(path))
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def render_text(text, width, height, color=(0, 0, 0), align="right", size=STAMP_FONT_SIZE):
    """A one-page PDF of ``width`` x ``height`` points with ``text`` in the document's serif font, right-aligned
    (or centred) and vertically centred (the signature field's appearance: real text, the font embedded)."""
    from reportlab.pdfgen import canvas
    out = BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height))
    pdf.setFillColorRGB(*color)
    font = register_font()
    while size > 4 and pdf.stringWidth(text, font, size) > width:
        size -= 0.5
    pdf.setFont(font, size)
    baseline = (height - size * 0.7) / 2
    if align == "center":
        pdf.drawCentredString(width / 2, baseline, text)
    else:
        pdf.drawRightString(width - 1, baseline, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
