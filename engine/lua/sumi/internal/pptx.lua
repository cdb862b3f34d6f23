-- PowerPoint decks (PresentationML, ECMA-376 Part 1 §19, packed as Part 2
-- describes) from slides that the export module and documents lay out:
-- titles and text as real text in the deck's fonts, pictures as SVG with a
-- PNG fallback (the Office 2016 svgBlip extension: PowerPoint 2016 and later
-- show the SVG, older viewers and Google Slides the PNG), notes as text.
-- The XML is written here; sumi.internal.zip packs it.
--
--   pptx.write(path, {aspect = "16:9" (or size = {width, height}), lang = "ja", title = "...", slides = {
--     {title = {text = "...", x = 36, y = 20, width = 888, height = 60, size = 28},
--      pictures = {{svg = bytes, png = bytes, x =, y =, width =, height =, name =, alt =}},
--      texts = {{paragraphs = {{runs = {{text =, size =, color =, bold =}}}}, x =, ...}},
--      notes = "..."}}})
--
-- Positions and sizes are in points from the slide's top left corner.
local color = require "sumi.internal.color"
local fonts = require "sumi.fonts"
local runtime = require "sumi.runtime"
local zip = require "sumi.internal.zip"

local pptx = {}

local EMU_PER_POINT = 12700

-- Slide sizes in points: 16:9 is PowerPoint's default widescreen slide
-- (13.333 x 7.5 in), 4:3 its older default (10 x 7.5 in).
pptx.sizes = {["16:9"] = {960, 540}, ["4:3"] = {720, 540}}

-- The language of runs and the package, as Office writes it.
local office_lang = {ja = "ja-JP", ["zh-Hans"] = "zh-CN", ["zh-Hant"] = "zh-TW", ["zh-HK"] = "zh-HK",
  ko = "ko-KR", en = "en-US"}

local NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
local NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
local NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
local NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
local REL = NS_R .. "/"
local CT = "application/vnd.openxmlformats-officedocument.presentationml."
local SVG_BLIP_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
local NS_SVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
local XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
local ROOT_NS = ('xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"'):format(NS_A, NS_R, NS_P)

-- XML 1.0 §2.2 has no place for most C0 controls, nor for U+FFFE and
-- U+FFFF: they are dropped (the text was checked as UTF-8 where it entered
-- the engine), and so is a carriage return, which a line break carries.
local function escape(text)
  return (tostring(text):gsub("[%z\1-\8\11\12\13\14-\31]", ""):gsub("\239\191[\190\191]", "")
    :gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end
-- An attribute keeps its line breaks as character references.
local function escape_attribute(text)
  return (escape(text):gsub("\r?\n", "&#10;"):gsub("\t", "&#9;"))
end

local function emu(points) return math.floor(points * EMU_PER_POINT + 0.5) end

local function xfrm(box)
  return ('<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>'):format(emu(box.x), emu(box.y),
    emu(box.width), emu(box.height))
end

-- A colour as the canvas reads it ("#b3261e", "#c00", "red") -> "B3261E".
-- Colours reach here from themes and markup, which checked them.
local function rgb(text)
  local r, g, b = color.parse(tostring(text or "#000000"))
  if not r then return "000000" end
  return color.hex(r, g, b):sub(2):upper()
end

-- {type, target [, "External"]} each, numbered rId1, rId2, ... in order.
local function relationships(list)
  local out = {XML_HEAD, ('<Relationships xmlns="%s">'):format(NS_PKG_REL)}
  for i, rel in ipairs(list) do
    out[#out + 1] = ('<Relationship Id="rId%d" Type="%s" Target="%s"%s/>'):format(i, rel[1],
      escape_attribute(rel[2]), rel[3] and (' TargetMode="%s"'):format(rel[3]) or "")
  end
  out[#out + 1] = "</Relationships>"
  return table.concat(out)
end

-- ---- text

-- A run's size in hundredths of a point, in the range ST_TextFontSize allows.
local function size_attribute(points)
  if not points then return "" end
  return (' sz="%d"'):format(math.max(100, math.min(400000, math.floor(points * 100 + 0.5))))
end

-- One run: its text and look. A run's size is in points (Office: 1/100 pt).
-- Bold and italic are always written: a run in the title placeholder would
-- otherwise take the master's bold title style. run.href is a link's URL,
-- its relationship made by deck.link.
local function run_xml(run, deck)
  local underline = run.underline and ' u="sng"' or ""
  local baseline = run.baseline and (' baseline="%d"'):format(run.baseline * 1000) or ""
  local fill = run.color and ('<a:solidFill><a:srgbClr val="%s"/></a:solidFill>'):format(rgb(run.color)) or ""
  local face = escape_attribute(run.font or deck.font)
  local link = run.href and deck.link and ('<a:hlinkClick r:id="rId%d"/>'):format(deck.link(run.href)) or ""
  return ('<a:r><a:rPr lang="%s" altLang="en-US"%s b="%d" i="%d"%s%s dirty="0">%s<a:latin typeface="%s"/>'
    .. '<a:ea typeface="%s"/><a:cs typeface="%s"/>%s</a:rPr><a:t>%s</a:t></a:r>'):format(deck.office_lang,
    size_attribute(run.size), run.bold and 1 or 0, run.italic and 1 or 0, underline, baseline, fill, face,
    face, face, link, escape(run.text))
end

-- Paragraphs: {runs, align ("l", "ctr", "r", "just"), bullet (a character),
-- level, margin and hanging (points), line_spacing, space_after (points)}.
-- A run's "\n" starts a line break.
local function paragraphs_xml(paragraphs, deck)
  local out = {}
  for _, para in ipairs(paragraphs) do
    local attrs = {}
    if para.align then attrs[#attrs + 1] = ('algn="%s"'):format(para.align) end
    if para.bullet then
      local indent = 18 * (1 + (para.level or 0))
      attrs[#attrs + 1] = ('marL="%d" indent="%d"'):format(emu(indent), -emu(18))
    elseif (para.margin or 0) > 0 or para.hanging then
      -- margin: where the text's lines start; hanging: how far before it
      -- the first line's marker starts (a tab then reaches the margin).
      attrs[#attrs + 1] = ('marL="%d" indent="%d"'):format(emu(para.margin or 0), -emu(para.hanging or 0))
    end
    local inner = {}
    if para.line_spacing then
      inner[#inner + 1] = ('<a:lnSpc><a:spcPct val="%d"/></a:lnSpc>')
        :format(math.floor(para.line_spacing * 100000))
    end
    if para.space_after then
      inner[#inner + 1] = ('<a:spcAft><a:spcPts val="%d"/></a:spcAft>')
        :format(math.floor(para.space_after * 100))
    end
    inner[#inner + 1] = para.bullet and ('<a:buFont typeface="%s"/><a:buChar char="%s"/>')
      :format(escape_attribute(deck.font), escape_attribute(para.bullet)) or "<a:buNone/>"
    local runs = {}
    for _, run in ipairs(para.runs) do
      local first = true
      for line in (run.text .. "\n"):gmatch("(.-)\n") do
        if not first then runs[#runs + 1] = ('<a:br><a:rPr lang="%s"/></a:br>'):format(deck.office_lang) end
        first = false
        if line ~= "" then
          local copy = setmetatable({text = line}, {__index = run})
          runs[#runs + 1] = run_xml(copy, deck)
        end
      end
    end
    local last = para.runs[#para.runs] or {}
    local end_size = size_attribute(last.size)
    out[#out + 1] = ('<a:p><a:pPr %s>%s</a:pPr>%s<a:endParaRPr lang="%s"%s dirty="0"/></a:p>'):format(
      table.concat(attrs, " "), table.concat(inner), table.concat(runs), deck.office_lang, end_size)
  end
  return table.concat(out)
end

local function text_body(box, deck, anchor)
  return ('<p:txBody><a:bodyPr wrap="%s" lIns="0" tIns="0" rIns="0" bIns="0" anchor="%s">'
    .. '<a:noAutofit/></a:bodyPr><a:lstStyle/>%s</p:txBody>'):format(box.no_wrap and "none" or "square",
    anchor or "t", paragraphs_xml(box.paragraphs, deck))
end

-- A text given as one string with one look: the paragraphs of its lines.
function pptx.plain(text, look)
  local paragraphs = {}
  for line in (tostring(text) .. "\n"):gmatch("(.-)\n") do
    paragraphs[#paragraphs + 1] = {runs = {setmetatable({text = line}, {__index = look})}, align = look.align}
  end
  return paragraphs
end

-- ---- parts

local function shape_tree(inner)
  return '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    .. '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
    .. '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' .. inner .. "</p:spTree>"
end

local function placeholder(id, name, kind, box, body)
  local geometry = box and (xfrm(box) .. '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>') or ""
  return ('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
    .. '<p:nvPr><p:ph %s/></p:nvPr></p:nvSpPr><p:spPr>%s</p:spPr>%s</p:sp>'):format(id,
      escape_attribute(name),
    kind, geometry, body or "")
end

local function text_box(id, name, box, deck)
  return ('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
    .. '<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>%s</p:sp>'):format(id,
    escape_attribute(name), xfrm(box), text_body(box, deck, box.anchor))
end

-- A filled rectangle without an outline: a heading's rule.
local function rectangle(id, box)
  return ('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Rule %d"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>%s'
    .. '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="%s"/></a:solidFill>'
    .. '<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'):format(id, id, xfrm(box), rgb(box.color))
end

local function picture(id, pic, png_rel, svg_rel)
  local svg = svg_rel and ('<a:extLst><a:ext uri="%s"><asvg:svgBlip xmlns:asvg="%s" r:embed="rId%d"/>'
    .. '</a:ext></a:extLst>'):format(SVG_BLIP_EXT, NS_SVG, svg_rel) or ""
  return ('<p:pic><p:nvPicPr><p:cNvPr id="%d" name="%s" descr="%s"/><p:cNvPicPr><a:picLocks'
    .. ' noChangeAspect="1"/>'
    .. '</p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId%d">%s</a:blip><a:stretch>'
      .. '<a:fillRect/>'
    .. '</a:stretch></p:blipFill><p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    :format(id, escape_attribute(pic.name or ("Picture " .. id)), escape_attribute(pic.alt or ""), png_rel,
      svg,
      xfrm(pic))
end

local function theme(deck)
  local face = escape_attribute(deck.font)
  local fonts_xml = ('<a:latin typeface="%s"/><a:ea typeface="%s"/><a:cs typeface=""/>'):format(face, face)
  local colors = {dk1 = "1B1F24", lt1 = "FFFFFF", dk2 = "44546A", lt2 = "E7E6E6", accent1 = "B3261E",
    accent2 = "4472C4", accent3 = "A5A5A5", accent4 = "FFC000", accent5 = "5B9BD5", accent6 = "70AD47",
    hlink = "0563C1", folHlink = "954F72"}
  local scheme = {}
  for _, name in ipairs({"dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                         "accent6", "hlink", "folHlink"}) do
    scheme[#scheme + 1] = ('<a:%s><a:srgbClr val="%s"/></a:%s>'):format(name, colors[name], name)
  end
  local solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
  local line = '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
  local effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
  return XML_HEAD .. ('<a:theme xmlns:a="%s" name="sumi"><a:themeElements><a:clrScheme name="sumi">%s'
    .. '</a:clrScheme><a:fontScheme name="sumi"><a:majorFont>%s</a:majorFont><a:minorFont>%s</a:minorFont>'
    .. '</a:fontScheme><a:fmtScheme name="sumi"><a:fillStyleLst>%s</a:fillStyleLst><a:lnStyleLst>%s'
    .. '</a:lnStyleLst><a:effectStyleLst>%s</a:effectStyleLst><a:bgFillStyleLst>%s</a:bgFillStyleLst>'
    .. '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'):format(NS_A,
    table.concat(scheme), fonts_xml, fonts_xml, solid:rep(3), line:rep(3), effect:rep(3), solid:rep(3))
end

local COLOR_MAP = '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
  .. 'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink"'
    .. ' folHlink="folHlink"/>'

local function level_style(tag, size, bold)
  return ('<a:%s><a:defRPr sz="%d"%s><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
    .. '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:%s>')
    :format(tag, size, bold and ' b="1"' or "", tag)
end

local function slide_master(deck)
  local title_box = deck.title_box
  local title = placeholder(2, "Title Placeholder 1", 'type="title"', title_box,
    '<p:txBody><a:bodyPr anchor="b"/><a:lstStyle/><a:p><a:endParaRPr lang="' .. deck.office_lang
    .. '"/></a:p></p:txBody>')
  local title_style = ('<a:lvl1pPr algn="l"><a:defRPr sz="%d" b="1"><a:solidFill><a:schemeClr val="tx1"/>'
    .. '</a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/>'
    .. '</a:defRPr></a:lvl1pPr>'):format(math.floor(deck.title_size * 100))
  return XML_HEAD .. ('<p:sldMaster %s><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef>'
    .. '</p:bg>%s</p:cSld>%s<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>'
    .. '<p:txStyles><p:titleStyle>%s</p:titleStyle><p:bodyStyle>%s</p:bodyStyle><p:otherStyle>%s'
    .. '</p:otherStyle></p:txStyles></p:sldMaster>'):format(ROOT_NS, shape_tree(title), COLOR_MAP,
      title_style,
    level_style("lvl1pPr", 1800), level_style("lvl1pPr", 1800))
end

local function slide_layout(deck)
  local title = placeholder(2, "Title 1", 'type="title"', nil,
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="' .. deck.office_lang
      .. '"/></a:p></p:txBody>')
  return XML_HEAD .. ('<p:sldLayout %s type="titleOnly" preserve="1"><p:cSld name="Title Only">%s</p:cSld>'
    .. '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'):format(ROOT_NS, shape_tree(title))
end

local function notes_master(deck)
  local w, h = 540, 720 -- a portrait page, as PowerPoint's notes pages are
  local image = placeholder(2, "Slide Image Placeholder 1", 'type="sldImg" idx="2"',
    {x = 54, y = 54, width = w - 108, height = (w - 108) * deck.height / deck.width})
  local body = placeholder(3, "Notes Placeholder 2", 'type="body" idx="1"',
    {x = 54, y = h / 2, width = w - 108, height = h / 2 - 72},
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="' .. deck.office_lang
      .. '"/></a:p></p:txBody>')
  return XML_HEAD .. ('<p:notesMaster %s><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef>'
    .. '</p:bg>%s</p:cSld>%s<p:notesStyle>%s</p:notesStyle></p:notesMaster>'):format(ROOT_NS,
    shape_tree(image .. body), COLOR_MAP, level_style("lvl1pPr", 1200))
end

local function notes_slide(deck, text)
  local image = placeholder(2, "Slide Image Placeholder 1", 'type="sldImg"')
  local body = placeholder(3, "Notes Placeholder 2", 'type="body" idx="1"', nil,
    ('<p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody>'):format(paragraphs_xml(pptx.plain(text, {}), deck)))
  return XML_HEAD
    .. ('<p:notes %s><p:cSld>%s</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')
    :format(ROOT_NS, shape_tree(image .. body))
end

-- A slide and its relationships: the layout, the notes, then each
-- picture's PNG and SVG (media named by the caller, added once each).
local function slide_xml(deck, slide, n, media)
  local rels = {{REL .. "slideLayout", "../slideLayouts/slideLayout1.xml"}}
  if slide.notes then rels[#rels + 1] = {REL .. "notesSlide",
    ("../notesSlides/notesSlide%d.xml"):format(n)} end
  local shapes, id = {}, 2
  -- Links of the slide's text: one external relationship per URL.
  local linked = {}
  deck.link = function(url)
    if not linked[url] then
      rels[#rels + 1] = {REL .. "hyperlink", url, "External"}
      linked[url] = #rels
    end
    return linked[url]
  end
  local function add_picture(pic)
    local png = media(pic.png, "png")
    rels[#rels + 1] = {REL .. "image", "../media/" .. png}
    local png_rel = #rels
    local svg_rel
    if pic.svg then
      rels[#rels + 1] = {REL .. "image", "../media/" .. media(pic.svg, "svg")}
      svg_rel = #rels
    end
    shapes[#shapes + 1] = picture(id, pic, png_rel, svg_rel)
    id = id + 1
  end
  -- Back to front: what the page draws behind its blocks, the title, the
  -- rest.
  for _, pic in ipairs(slide.pictures or {}) do
    if pic.background then add_picture(pic) end
  end
  if slide.title then
    local t = slide.title
    shapes[#shapes + 1] = placeholder(id, "Title " .. (id - 1), 'type="title"', t,
      text_body({paragraphs = t.paragraphs or pptx.plain(t.text, t), no_wrap = t.no_wrap}, deck, t.anchor
        or "b"))
    id = id + 1
  end
  for _, pic in ipairs(slide.pictures or {}) do
    if not pic.background then add_picture(pic) end
  end
  for _, box in ipairs(slide.texts or {}) do
    shapes[#shapes + 1] = text_box(id, box.name or ("TextBox " .. id), box, deck)
    id = id + 1
  end
  for _, box in ipairs(slide.rules or {}) do
    shapes[#shapes + 1] = rectangle(id, box)
    id = id + 1
  end
  deck.link = nil
  local xml = XML_HEAD
    .. ('<p:sld %s><p:cSld>%s</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')
    :format(ROOT_NS, shape_tree(table.concat(shapes)))
  return xml, relationships(rels)
end

local function iso_date(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", math.floor(epoch))
end

--- pptx.write(path, deck): writes the deck (see the top of this file) to
--- path (nil: the run's default .pptx output). deck: aspect ("16:9" or
--- "4:3"), lang, title, author, subject, date (seconds since 1970),
--- slides.
function pptx.write(path, deck)
  local size = deck.size or pptx.sizes[deck.aspect or "16:9"]
  local lang = deck.lang or "ja"
  local font = deck.font
  if not font then
    local match = fonts.resolve("sans", lang)
    font = match and match.family or "Noto Sans CJK JP"
  end
  local d = {width = size[1], height = size[2], office_lang = office_lang[lang] or "en-US", font = font,
    title_size = deck.title_size or 28,
    title_box = deck.title_box or {x = 36, y = 18, width = size[1] - 72, height = 58}}
  local pkg = zip.package(path, "pptx")
  local parts, overrides = {}, {}
  local function part(name, xml, content_type)
    parts[#parts + 1] = {name, xml}
    if content_type then overrides[#overrides + 1] = {name, content_type} end
  end
  -- Media by content: a picture shown twice is stored once.
  local media_names, media_parts = {}, {}
  local function media(bytes, ext)
    local name = media_names[bytes]
    if not name then
      name = ("image%d.%s"):format(#media_parts + 1, ext)
      media_names[bytes] = name
      media_parts[#media_parts + 1] = {"ppt/media/" .. name, bytes, ext == "png"}
    end
    return name
  end
  local pres_rels = {{REL .. "slideMaster", "slideMasters/slideMaster1.xml"},
    {REL .. "notesMaster", "notesMasters/notesMaster1.xml"}, {REL .. "theme", "theme/theme1.xml"},
    {REL .. "presProps", "presProps.xml"}, {REL .. "viewProps", "viewProps.xml"},
    {REL .. "tableStyles", "tableStyles.xml"}}
  local slide_ids, notes_count = {}, 0
  for n, slide in ipairs(deck.slides) do
    if slide.notes then notes_count = notes_count + 1 end
    local xml, rels = slide_xml(d, slide, n, media)
    part(("ppt/slides/slide%d.xml"):format(n), xml, CT .. "slide+xml")
    part(("ppt/slides/_rels/slide%d.xml.rels"):format(n), rels)
    if slide.notes then
      part(("ppt/notesSlides/notesSlide%d.xml"):format(n), notes_slide(d, slide.notes), CT
        .. "notesSlide+xml")
      part(("ppt/notesSlides/_rels/notesSlide%d.xml.rels"):format(n), relationships({
        {REL .. "notesMaster", "../notesMasters/notesMaster1.xml"},
        {REL .. "slide", ("../slides/slide%d.xml"):format(n)}}))
    end
    pres_rels[#pres_rels + 1] = {REL .. "slide", ("slides/slide%d.xml"):format(n)}
    slide_ids[#slide_ids + 1] = ('<p:sldId id="%d" r:id="rId%d"/>'):format(255 + n, #pres_rels)
  end
  part("ppt/presentation.xml", XML_HEAD .. ('<p:presentation %s saveSubsetFonts="1"><p:sldMasterIdLst>'
    .. '<p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst>'
    .. '<p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>%s</p:sldIdLst>'
    .. '<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>'):format(ROOT_NS,
    table.concat(slide_ids), emu(d.width), emu(d.height)), CT .. "presentation.main+xml")
  part("ppt/_rels/presentation.xml.rels", relationships(pres_rels))
  part("ppt/slideMasters/slideMaster1.xml", slide_master(d), CT .. "slideMaster+xml")
  part("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships({
    {REL .. "slideLayout", "../slideLayouts/slideLayout1.xml"}, {REL .. "theme", "../theme/theme1.xml"}}))
  part("ppt/slideLayouts/slideLayout1.xml", slide_layout(d), CT .. "slideLayout+xml")
  part("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships({
    {REL .. "slideMaster", "../slideMasters/slideMaster1.xml"}}))
  part("ppt/notesMasters/notesMaster1.xml", notes_master(d), CT .. "notesMaster+xml")
  part("ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships({{REL .. "theme",
    "../theme/theme2.xml"}}))
  local theme_xml = theme(d)
  part("ppt/theme/theme1.xml", theme_xml, "application/vnd.openxmlformats-officedocument.theme+xml")
  part("ppt/theme/theme2.xml", theme_xml, "application/vnd.openxmlformats-officedocument.theme+xml")
  part("ppt/presProps.xml", XML_HEAD .. ("<p:presentationPr %s/>"):format(ROOT_NS), CT .. "presProps+xml")
  part("ppt/viewProps.xml", XML_HEAD .. ("<p:viewPr %s/>"):format(ROOT_NS), CT .. "viewProps+xml")
  part("ppt/tableStyles.xml", XML_HEAD
    .. ('<a:tblStyleLst xmlns:a="%s" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>')
    :format(NS_A), CT .. "tableStyles+xml")
  local date = iso_date(deck.date or runtime.epoch())
  part("docProps/core.xml", XML_HEAD
    .. ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    .. 'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
      .. ' xmlns:dcterms="http://purl.org/dc/'
    .. 'terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title>%s%s'
      .. '<dc:language>%s'
    .. '</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified '
    .. 'xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>'):format(escape(deck.title or ""),
    deck.subject and ("<dc:subject>" .. escape(deck.subject) .. "</dc:subject>") or "",
    deck.author and ("<dc:creator>" .. escape(deck.author) .. "</dc:creator>") or "", d.office_lang, date,
      date),
    "application/vnd.openxmlformats-package.core-properties+xml")
  part("docProps/app.xml", XML_HEAD
    .. ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    .. 'extended-properties"><Application>sumi</Application><Slides>%d</Slides><Notes>%d</Notes>'
      .. '</Properties>')
    :format(#deck.slides, notes_count),
      "application/vnd.openxmlformats-officedocument.extended-properties+xml")
  part("_rels/.rels", relationships({{REL .. "officeDocument", "ppt/presentation.xml"},
    {NS_PKG_REL .. "/metadata/core-properties", "docProps/core.xml"},
    {REL .. "extended-properties", "docProps/app.xml"}}))
  -- [Content_Types].xml first, as Office writes it.
  local types = {XML_HEAD, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Default Extension="png" ContentType="image/png"/>',
    '<Default Extension="svg" ContentType="image/svg+xml"/>'}
  for _, o in ipairs(overrides) do
    types[#types + 1] = ('<Override PartName="/%s" ContentType="%s"/>'):format(o[1], o[2])
  end
  types[#types + 1] = "</Types>"
  pkg:add("[Content_Types].xml", table.concat(types))
  for _, p in ipairs(parts) do pkg:add(p[1], p[2]) end
  for _, m in ipairs(media_parts) do pkg:add(m[1], m[2], m[3]) end
  pkg:close()
end

return pptx
