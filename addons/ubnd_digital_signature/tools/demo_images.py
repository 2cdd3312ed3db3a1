"""Stand-in signature and seal images for the demo and the tests (PNG, transparent background).

A real installation uploads the scanned signature of each leader (blue ink) and the committee's seal (red), as
ND30 PL I §II.7.d and §II.8.a require; these are drawn so that the demo's signed documents look like them.
"""
import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

BLUE = (20, 40, 170, 255)
RED = (215, 25, 30, 255)
FONT_BOLD = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
)


def _font(size):
    for path in FONT_BOLD:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def _png(image):
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def signature_png(name, width=600, height=240):
    """A blue handwritten-like flourish, different for each name."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    seed = sum(ord(c) for c in name)
    points = []
    for step in range(181):
        t = step / 180
        x = 40 + t * (width - 80)
        y = height / 2 + math.sin(t * (7 + seed % 5) + seed) * height * 0.22 * (1 - t * 0.4) \
            + math.cos(t * 23 + seed % 7) * height * 0.08
        points.append((x, y))
    draw.line(points, fill=BLUE, width=7, joint="curve")
    loop = [(width * 0.25 + math.cos(a / 20) * 45, height * 0.45 + math.sin(a / 20) * 70) for a in range(0, 126)]
    draw.line(loop, fill=BLUE, width=6, joint="curve")
    draw.line([(width * 0.2, height * 0.78), (width * 0.85, height * 0.7)], fill=BLUE, width=5)
    return _png(image)


def seal_png(name, place, size=720):
    """A red round seal: two rings, the body's name around the top, a star in the centre, the place below."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = size / 2
    draw.ellipse((8, 8, size - 8, size - 8), outline=RED, width=14)
    draw.ellipse((size * 0.2, size * 0.2, size * 0.8, size * 0.8), outline=RED, width=6)
    star = [(c + math.cos(math.radians(-90 + i * 36)) * (size * 0.16 if i % 2 == 0 else size * 0.065),
             c + math.sin(math.radians(-90 + i * 36)) * (size * 0.16 if i % 2 == 0 else size * 0.065))
            for i in range(10)]
    draw.polygon(star, fill=RED)
    _arc_text(image, name.upper(), c, size * 0.385, _font(int(size * 0.075)))
    label = place.upper()
    font = _font(int(size * 0.06))
    width = draw.textlength(label, font=font)
    draw.text((c - width / 2, c + size * 0.2), label, font=font, fill=RED)
    return _png(image)


def _arc_text(image, text, center, radius, font):
    """Letters upright along the upper arc of the seal, from left to right."""
    draw = ImageDraw.Draw(image)
    widths = [draw.textlength(ch, font=font) for ch in text]
    total = sum(widths)
    span = min(total / radius, math.radians(300))
    angle = -math.pi / 2 - span / 2
    for ch, w in zip(text, widths):
        step = span * w / total
        mid = angle + step / 2
        glyph = Image.new("RGBA", (int(w) + 30, font.size + 30), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((15, 8), ch, font=font, fill=RED)
        glyph = glyph.rotate(-math.degrees(mid) - 90, resample=Image.BICUBIC, expand=True)
        x = center + math.cos(mid) * radius - glyph.width / 2
        y = center + math.sin(mid) * radius - glyph.height / 2
        image.alpha_composite(glyph, (int(x), int(y)))
        angle += step
