"""Small real PDFs in Vietnamese for the demo dossiers: files a user can open and read, not byte stubs."""

import io
import os

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

# Fonts with the Vietnamese glyphs, Times New Roman's metric twin first (Decree 30/2020 prints in Times).
FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
]


def _fonts():
    """(regular, bold) font names registered with reportlab; its built-in Times if no Vietnamese font is installed."""
    if "UbndSerif" in pdfmetrics.getRegisteredFontNames():
        return "UbndSerif", "UbndSerif-Bold"
    for regular, bold in FONT_CANDIDATES:
        if os.path.exists(regular) and os.path.exists(bold):
            pdfmetrics.registerFont(TTFont("UbndSerif", regular))
            pdfmetrics.registerFont(TTFont("UbndSerif-Bold", bold))
            pdfmetrics.registerFontFamily("UbndSerif", normal="UbndSerif", bold="UbndSerif-Bold")
            return "UbndSerif", "UbndSerif-Bold"
    return "Times-Roman", "Times-Bold"


def demo_pdf(header, title, subtitle, pages):
    """A4 PDF: ``header`` lines centred in bold, ``title`` and ``subtitle``, then ``pages`` (lists of paragraphs),
    one page each."""
    regular, bold = _fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=13, leading=18, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=6)
    centre = ParagraphStyle("centre", parent=base, fontName=bold, alignment=TA_CENTER, firstLineIndent=0)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=title, author="UBND")
    story = [Paragraph(line, centre) for line in header]
    story += [Spacer(1, 8 * mm), Paragraph(title, ParagraphStyle("title", parent=centre, fontSize=14)),
              Paragraph(subtitle, ParagraphStyle("subtitle", parent=centre, fontName=regular)), Spacer(1, 6 * mm)]
    for index, paragraphs in enumerate(pages):
        if index:
            story.append(PageBreak())
        story += [Paragraph(text, base) for text in paragraphs]
    doc.build(story)
    return buffer.getvalue()
