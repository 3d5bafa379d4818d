"""The font of visible signature stamps: a tiny TrueType subset of the CJK font, made once per
character set and cached, embedded by a minimal pyHanko font engine.

pyHanko's own engine needs HarfBuzz, re-reads the font file on every signature and cannot open
a .ttc. Here the subset is cut from the face ReportLab has already parsed (no second copy of a
16 MB font in memory), and Chinese and Latin stamp text needs no shaping: one glyph per character.
"""
import string
import zlib
from dataclasses import dataclass
from functools import lru_cache

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngine, FontEngineFactory, ShapeResult
from reportlab.pdfbase import pdfmetrics

from hrapp.blueprints.reports.pdf.fonts import FONT_LOCK, register_font

# Always in the subset, so that stamps that differ only in dates and digits share one subset.
BASE_CHARS = string.printable.strip() + " 签名人角色时间事由"
_name = generic.NameObject


@dataclass(frozen=True)
class SubsetFont:
    """A compiled subset: font program, char → glyph id, advance widths (1/1000 em) and metrics."""

    ps_name: str
    program: bytes
    gid_of: dict
    widths: dict
    ascent: int
    descent: int
    bbox: tuple[int, int, int, int]


@lru_cache(maxsize=64)
def _subset(chars: str) -> SubsetFont:
    face = pdfmetrics.getFont(register_font()).face
    codes = [ord(ch) for ch in chars if ord(ch) in face.charToGlyph]
    with FONT_LOCK:  # the face reads its font data through a shared file position
        program = face.makeSubset(codes)
    # makeSubset numbers glyphs 0 (.notdef), then each new glyph in the order of `codes`.
    new_gid: dict[int, int] = {0: 0}
    gid_of, widths = {}, {}
    for code in codes:
        gid = new_gid.setdefault(face.charToGlyph[code], len(new_gid))
        gid_of[chr(code)] = gid
        widths[gid] = round(face.charWidths.get(code, face.defaultWidth))
    ps_name = face.name.decode("latin-1") if isinstance(face.name, bytes) else face.name
    return SubsetFont(ps_name.replace(" ", ""), program, gid_of, widths, round(face.ascent),
                      round(face.descent), tuple(round(v) for v in face.bbox))


def stamp_font(text: str) -> SubsetFont:
    """The cached subset covering `text` (plus digits, ASCII and stamp labels)."""
    return _subset("".join(sorted(set(text) | set(BASE_CHARS))))


class StampFontEngine(FontEngine):
    """Identity-H CID font over a SubsetFont; text is not shaped, each character maps to one glyph."""

    def __init__(self, writer, font: SubsetFont, obj_stream=None):
        super().__init__(writer, font.ps_name, embedded_subset=True, obj_stream=obj_stream)
        self.font = font
        self._ref = writer.allocate_placeholder()
        self._used: dict[int, str] = {}
        self._written = False

    @property
    def uses_complex_positioning(self):
        return False

    def shape(self, txt: str) -> ShapeResult:
        gids = [self.font.gid_of.get(ch, 0) for ch in txt]
        for gid, ch in zip(gids, txt, strict=True):
            if gid:
                self._used.setdefault(gid, ch)
        ops = b"<" + "".join(f"{gid:04x}" for gid in gids).encode("ascii") + b"> Tj"
        advance = sum(self.font.widths.get(gid, 1000) for gid in gids) / 1000
        return ShapeResult(graphics_ops=ops, x_advance=advance, y_advance=0)

    def as_resource(self):
        return self._ref

    def _to_unicode(self) -> generic.StreamObject:
        pairs = sorted(self._used.items())
        body = []
        for start in range(0, len(pairs), 100):
            chunk = pairs[start:start + 100]
            body.append(f"{len(chunk)} beginbfchar")
            body += [f"<{gid:04x}> <{ch.encode('utf-16-be').hex()}>" for gid, ch in chunk]
            body.append("endbfchar")
        cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                + "\n".join(body) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
        data = cmap.encode("ascii")
        return generic.StreamObject({_name("/Filter"): _name("/FlateDecode")}, encoded_data=zlib.compress(data))

    def prepare_write(self):
        if self._written:
            return
        self._written = True
        font, writer = self.font, self.writer
        name = f"{self.subset_prefix}+{font.ps_name}"
        program = generic.StreamObject(
            {_name("/Filter"): _name("/FlateDecode"), _name("/Length1"): generic.NumberObject(len(font.program))},
            encoded_data=zlib.compress(font.program, 6))
        descriptor = generic.DictionaryObject({
            _name("/Type"): _name("/FontDescriptor"), _name("/FontName"): _name("/" + name),
            _name("/Flags"): generic.NumberObject(4), _name("/ItalicAngle"): generic.NumberObject(0),
            _name("/Ascent"): generic.NumberObject(font.ascent), _name("/Descent"): generic.NumberObject(font.descent),
            _name("/CapHeight"): generic.NumberObject(font.ascent), _name("/StemV"): generic.NumberObject(80),
            _name("/FontBBox"): generic.ArrayObject(generic.NumberObject(v) for v in font.bbox),
            _name("/FontFile2"): writer.add_object(program),
        })
        widths = generic.ArrayObject()
        for gid in sorted(self._used):
            widths += [generic.NumberObject(gid), generic.ArrayObject([generic.NumberObject(font.widths.get(gid, 1000))])]
        cid_font = generic.DictionaryObject({
            _name("/Type"): _name("/Font"), _name("/Subtype"): _name("/CIDFontType2"),
            _name("/BaseFont"): _name("/" + name),
            _name("/CIDSystemInfo"): generic.DictionaryObject({
                _name("/Registry"): generic.pdf_string("Adobe"), _name("/Ordering"): generic.pdf_string("Identity"),
                _name("/Supplement"): generic.NumberObject(0)}),
            _name("/FontDescriptor"): writer.add_object(descriptor),
            _name("/CIDToGIDMap"): _name("/Identity"), _name("/DW"): generic.NumberObject(1000),
            _name("/W"): widths,
        })
        type0 = generic.DictionaryObject({
            _name("/Type"): _name("/Font"), _name("/Subtype"): _name("/Type0"),
            _name("/BaseFont"): _name("/" + name), _name("/Encoding"): _name("/Identity-H"),
            _name("/DescendantFonts"): generic.ArrayObject([writer.add_object(cid_font)]),
            _name("/ToUnicode"): writer.add_object(self._to_unicode()),
        })
        writer.add_object(type0, idnum=self._ref.idnum)


class StampFontFactory(FontEngineFactory):
    """Hands pyHanko's text box a StampFontEngine for one cached subset."""

    def __init__(self, font: SubsetFont):
        self.font = font

    def create_font_engine(self, writer, obj_stream=None):
        return StampFontEngine(writer, self.font, obj_stream)
