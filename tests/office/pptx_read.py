"""Reads a .pptx as PowerPoint would find its way through it, and prints
what it holds as JSON: the slide size, and per slide its title, texts,
pictures (name, alt text, the PNG and SVG they point at, size), notes,
links and the order its shapes are stacked in.

Exits 1, naming the problem, when the package is not one PowerPoint
opens: a part without a content type, an override naming no part, a
relationship whose target is missing, an r:id or r:embed that no
relationship of the part defines, [Content_Types].xml not first.

    pptx_read.py DECK.pptx
(Debian's python3: the standard library only.)
"""
import json
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
}
R_ID = "{%s}id" % NS["r"]
R_EMBED = "{%s}embed" % NS["r"]
problems = []


def rels_of(zf, part):
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in zf.namelist():
        return {}
    rels = {}
    for rel in ET.fromstring(zf.read(path)).findall("rel:Relationship", NS):
        if rel.get("TargetMode") == "External":
            rels[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], rel.get("Target"))
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
        if target not in zf.namelist():
            problems.append("%s: relationship %s points at missing %s" % (path, rel.get("Id"), target))
        rels[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return rels


def texts(element):
    out = []
    for para in element.findall(".//a:p", NS):
        line = ""
        for node in para:
            if node.tag == "{%s}r" % NS["a"]:
                line += node.findtext("a:t", "", NS)
            elif node.tag == "{%s}br" % NS["a"]:
                line += "\n"
        out.append(line)
    return "\n".join(out)


def main(path):
    zf = zipfile.ZipFile(path)
    names = zf.namelist()
    if names[0] != "[Content_Types].xml":
        problems.append("[Content_Types].xml is not the first entry")
    types = ET.fromstring(zf.read("[Content_Types].xml"))
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    for name in overrides:
        if name not in names:
            problems.append("content type override for missing part /%s" % name)
    for name in names:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        if name not in overrides and name.rsplit(".", 1)[-1] not in defaults:
            problems.append("part /%s has no content type" % name)
        if name.endswith(".xml") or name.endswith(".rels"):
            root = ET.fromstring(zf.read(name))
            ids = rels_of(zf, name)
            for node in root.iter():
                for key in (R_ID, R_EMBED):
                    if node.get(key) and node.get(key) not in ids:
                        problems.append("%s: %s has no relationship" % (name, node.get(key)))
    rels_of(zf, "")  # the package's own
    pres = ET.fromstring(zf.read("ppt/presentation.xml"))
    pres_rels = rels_of(zf, "ppt/presentation.xml")
    size = pres.find("p:sldSz", NS)
    deck = {"width": int(size.get("cx")), "height": int(size.get("cy")), "slides": [],
            "fonts": set(), "langs": set()}
    for sld in pres.findall("p:sldIdLst/p:sldId", NS):
        part = pres_rels[sld.get(R_ID)][1]
        root = ET.fromstring(zf.read(part))
        rels = rels_of(zf, part)
        slide = {"part": part, "title": None, "texts": [], "pictures": [], "notes": None, "order": [],
                 "links": sorted(t for k, t in rels.values() if k == "hyperlink")}
        # The shapes back to front, as the slide stacks them.
        for shape in root.find("p:cSld/p:spTree", NS):
            if shape.tag == "{%s}pic" % NS["p"]:
                slide["order"].append("picture " + shape.find("p:nvPicPr/p:cNvPr", NS).get("name"))
            elif shape.tag == "{%s}sp" % NS["p"]:
                ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
                slide["order"].append("title" if ph is not None and ph.get("type") == "title" else "text")
        for sp in root.iter("{%s}sp" % NS["p"]):
            ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph is not None and ph.get("type") == "title":
                slide["title"] = texts(sp)
            else:
                slide["texts"].append(texts(sp))
        for pic in root.iter("{%s}pic" % NS["p"]):
            props = pic.find("p:nvPicPr/p:cNvPr", NS)
            blip = pic.find("p:blipFill/a:blip", NS)
            svg = blip.find(".//asvg:svgBlip", NS)
            ext = pic.find("p:spPr/a:xfrm/a:ext", NS)
            entry = {"name": props.get("name"), "alt": props.get("descr"),
                     "png": rels[blip.get(R_EMBED)][1],
                     "svg": rels[svg.get(R_EMBED)][1] if svg is not None else None,
                     "cx": int(ext.get("cx")), "cy": int(ext.get("cy"))}
            for key in ("png", "svg"):
                if entry[key]:
                    head = zf.read(entry[key])[:8]
                    ok = head.startswith(b"\x89PNG") if key == "png" else b"<" in head
                    if not ok:
                        problems.append("%s is not a %s" % (entry[key], key.upper()))
            slide["pictures"].append(entry)
        for rpr in root.iter("{%s}rPr" % NS["a"]):
            if rpr.get("lang"):
                deck["langs"].add(rpr.get("lang"))
            for face in rpr:
                if face.get("typeface"):
                    deck["fonts"].add(face.get("typeface"))
        for rel_type, target in rels.values():
            if rel_type == "notesSlide":
                notes = ET.fromstring(zf.read(target))
                for sp in notes.iter("{%s}sp" % NS["p"]):
                    ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
                    if ph is not None and ph.get("type") == "body":
                        slide["notes"] = texts(sp)
        deck["slides"].append(slide)
    deck["fonts"] = sorted(deck["fonts"])
    deck["langs"] = sorted(deck["langs"])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    json.dump(deck, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
