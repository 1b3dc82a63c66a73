"""Scanned, image-only PDFs made in the test from text (no binary fixtures): each page is
the text drawn with Pillow's built-in font on a white image, the pages saved as a PDF of
images, so the PDF has no text layer at all."""
from __future__ import annotations

import io
import textwrap

#: 300 dpi US Letter, one-inch margins
DPI = 300
PAGE = (int(8.5 * DPI), 11 * DPI)
MARGIN = DPI
FONT_PX = 42  # about 10 pt at 300 dpi
LINE_PX = 66
WRAP = 88  # characters a line, as a typed page


def wrapped_lines(text: str, width: int = WRAP) -> list[str]:
    """The text's lines, long paragraphs wrapped as a typed page wraps them."""
    out: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            out.append(line.rstrip())
        else:
            out.extend(textwrap.wrap(line, width=width, break_long_words=True))
    return out


def page_images(text: str, *, header: str | None = None):
    """Greyscale page images of ``text`` (``header`` drawn at the top of every page, as a
    CM/ECF stamp is)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=FONT_PX)
    lines = wrapped_lines(text)
    per_page = (PAGE[1] - 2 * MARGIN) // LINE_PX
    pages = []
    for start in range(0, max(len(lines), 1), per_page):
        image = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(image)
        if header:
            draw.text((MARGIN, MARGIN // 2), header, fill=0, font=font)
        for n, line in enumerate(lines[start:start + per_page]):
            draw.text((MARGIN, MARGIN + n * LINE_PX), line, fill=0, font=font)
        pages.append(image)
    return pages


def scanned_pdf(text: str, *, header: str | None = None) -> bytes:
    """An image-only PDF of ``text``: one scanned image a page, no text layer."""
    images = page_images(text, header=header)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=float(DPI), save_all=True, append_images=images[1:])
    return out.getvalue()
