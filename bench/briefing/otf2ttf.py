"""Convert one font of an OpenType/CFF collection to TrueType outlines.

ReportLab's TTFont reads only TrueType (glyf) outlines, and Debian's Noto
Sans CJK is CFF. briefing.sh runs this once, untimed, before the benchmark:

    /usr/bin/python3 otf2ttf.py NotoSansCJK-Regular.ttc 0 out.ttf

Based on fontTools' Snippets/otf2ttf.py (cu2qu, max error 1 unit).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable


def convert(font, max_err=1.0):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: format 2 cannot index 65,535 of them
    font.sfntVersion = "\000\001\000\000"


def main():
    path, index, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if path.lower().endswith((".ttc", ".otc")):
        font = TTCollection(path).fonts[index]
    else:
        font = TTFont(path)
    convert(font)
    font.save(out)


if __name__ == "__main__":
    main()
