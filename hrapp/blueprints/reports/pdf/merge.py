"""One PDF of many, for printing (pypdf): the pages of each document in order. The result carries no
signature — the signed originals stay the documents of record — and its title says it is a print copy."""
import io
from collections.abc import Iterable

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject


def merged_print_copy(documents: Iterable[bytes], title: str) -> bytes:
    """Every page of `documents` (PDF bytes), in order, in one unsigned PDF titled `title`.

    Signature fields become plain drawing: each visible stamp is painted onto its page and the field is
    dropped, so the print shows the stamps while no reader presents the copy as signed.
    """
    writer = PdfWriter()
    for data in documents:
        writer.append(PdfReader(io.BytesIO(data)), import_outline=False)
    for page in writer.pages:
        _flatten_signature_fields(page)
    if "/AcroForm" in writer.root_object:
        del writer.root_object["/AcroForm"]
    writer.add_metadata({"/Title": title, "/Producer": "hrapp"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flatten_signature_fields(page: PageObject) -> None:
    if "/Annots" not in page:
        return
    kept = ArrayObject()
    for ref in page["/Annots"]:
        annotation = ref.get_object()
        if annotation.get("/FT") != "/Sig":
            kept.append(ref)
            continue
        appearance = annotation.get("/AP", {}).get("/N")
        if appearance is not None:
            _paint(page, appearance.get_object(), [float(v) for v in annotation["/Rect"]])
    page[NameObject("/Annots")] = kept


def _paint(page: PageObject, appearance, rect: list[float]) -> None:
    """Draw a form XObject (an annotation's normal appearance) into `rect` on `page`."""
    left, right = sorted(rect[0::2])  # a rectangle may name any two opposite corners
    bottom, top = sorted(rect[1::2])
    box = [float(v) for v in appearance.get("/BBox", [0, 0, right - left, top - bottom])]
    x0, x1 = sorted(box[0::2])
    y0, y1 = sorted(box[1::2])
    if x1 == x0 or y1 == y0:
        return
    stamp = PageObject.create_blank_page(width=x1 - x0, height=y1 - y0)
    if "/Resources" in appearance:
        stamp[NameObject("/Resources")] = appearance["/Resources"]
    content = DecodedStreamObject()
    content.set_data(appearance.get_data())
    stamp.replace_contents(content)
    fit = (Transformation().translate(-x0, -y0)
           .scale((right - left) / (x1 - x0), (top - bottom) / (y1 - y0)).translate(left, bottom))
    page.merge_transformed_page(stamp, fit)
