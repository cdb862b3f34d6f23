---@meta sumi.canvas
-- Editor annotations for sumi.canvas (docs/API.md §6 to §13): the canvas
-- constructors, gradients, and every method of a canvas. They describe;
-- they do not run.

---A colour: "#rrggbb", "#rgb", "#rrggbbaa" (with alpha), a colour name ("red",
---"steelblue", the X11/CSS names), or "transparent" (also "none").
---@alias sumi.Color string

---What fills or strokes: a colour or a gradient.
---@alias sumi.Paint sumi.Color|sumi.Gradient

---A gradient made by `sumi.canvas.linear_gradient` or `radial_gradient`: usable wherever
---a colour is (fill, stroke, paint, text `color`), many times, on any canvas. Its
---coordinates are the canvas's when it is used (they follow the current transform).
---@class sumi.Gradient

---A page's size (`c:new_page`; `sumi.canvas.pdf` takes these too), starting from A4 for a
---new PDF and from the current page for `new_page`: `size` then `width`, `height` and
---`orientation` apply in turn.
---@class sumi.CanvasPageOptions
---@field size? "A3"|"A4"|"A5"|"B4"|"B5"|"letter"|"legal"|"16:9"|"4:3" Paper size (B sizes are JIS); 16:9 and 4:3 are slides 10 inches wide.
---@field width? number Page width in points, 1 to 14400 (200 inches); overrides that side of `size`.
---@field height? number Page height in points, 1 to 14400; overrides that side of `size`.
---@field orientation? "portrait"|"landscape" Swaps width and height when needed.

---Options of `sumi.canvas.pdf`.
---@class sumi.CanvasPdfOptions : sumi.CanvasPageOptions
---@field title? string Document title (UTF-8); required when `tagged`.
---@field author? string Document author (UTF-8).
---@field subject? string Document subject (UTF-8).
---@field keywords? string Document keywords (UTF-8).
---@field tagged? boolean A tagged PDF (PDF/UA-1) keeping the structure of `c:begin_tag`; needs `title` and `lang`. Default false.
---@field lang? string The document's language tag ("ja", "zh-Hans", "zh-Hant", "zh-HK", "ko", "en" or one defined with sumi.locale.define); only with `tagged` or `pdfa`.
---@field pdfa? boolean A PDF/A-2 file (level a when tagged, b otherwise). Default false, or true under `sumi render --pdfa`.

---Options of `sumi.canvas.png`: the size in pixels (`width`, `height`) or in millimetres
---(`width_mm`, `height_mm`, `dpi`), not both.
---@class sumi.CanvasPngOptions
---@field width? number Width in pixels, 1 to 32767 (fractions are dropped); user units are pixels.
---@field height? number Height in pixels, 1 to 32767.
---@field width_mm? number Width in millimetres, 1 to 5000; user units are then points.
---@field height_mm? number Height in millimetres, 1 to 5000.
---@field dpi? number Pixels per inch, 10 to 2400 (default 300); only with `width_mm` and `height_mm`.
---@field background? sumi.Color Default "white"; "transparent" for a see-through PNG.

---Options of `sumi.canvas.trace`.
---@class sumi.CanvasTraceOptions
---@field width number Page width in points, 1 to 1000000.
---@field height number Page height in points, 1 to 1000000.
---@field background? sumi.Color Default "transparent".

---Options of `sumi.canvas.svg`.
---@class sumi.CanvasSvgOptions : sumi.CanvasTraceOptions
---@field text? "text"|"outline" "text" (default): every text an SVG <text> element; "outline": cairo's SVG, every glyph a path.

---Options of `c:fill`.
---@class sumi.CanvasFillOptions
---@field color? sumi.Paint Colour or gradient; default "black".
---@field rule? "winding"|"even_odd" Which parts of a self-crossing path are inside; default "winding".
---@field preserve? boolean Keep the path for another fill or stroke; default false.

---How a line is drawn (`c:stroke`, `c:fill_stroke`).
---@class sumi.CanvasLineStyle
---@field color? sumi.Paint The line's colour or gradient; default "black".
---@field width? number Line width, 0 to 1000 user units (scaled by the current transform); default 1.
---@field dash? number[] Lengths of dashes and gaps, e.g. {4, 2}; at most 64, each >= 0, not all 0. Default solid.
---@field dash_offset? number How far into the dash pattern the line starts; default 0.
---@field cap? "butt"|"round"|"square" Line ends; default "butt".
---@field join? "miter"|"round"|"bevel" Corners; default "miter".
---@field miter_limit? number 1 to 100: sharper miter corners than this are bevelled; default 10.

---Options of `c:stroke`.
---@class sumi.CanvasStrokeOptions : sumi.CanvasLineStyle
---@field preserve? boolean Keep the path; default false.

---Options of `c:fill_stroke`: fills the path, then strokes its outline.
---@class sumi.CanvasFillStrokeOptions : sumi.CanvasLineStyle
---@field fill sumi.Paint The fill's colour or gradient (required); `color` is the outline's.
---@field rule? "winding"|"even_odd" Fill rule; default "winding".

---Options of `c:image`.
---@class sumi.CanvasImageOptions
---@field fit? "contain"|"cover"|"fill" "contain" (default): whole image, proportions kept, centred; "cover": box filled, overflow cut; "fill": stretched.

---Options of `c:text` and `c:measure_text` (and sumi.text.draw and measure). Sizes are in
---user units: points, or pixels on pixel-sized PNGs.
---@class sumi.CanvasTextOptions
---@field font? string "sans" (default), "serif", "mono", or a family name such as "DejaVu Serif".
---@field size? number Font size, 0.5 to 2000; default 10.
---@field weight? "thin"|"light"|"normal"|"medium"|"semibold"|"bold"|"heavy"|number Default "normal"; a number 100 to 1000 (400 normal, 700 bold).
---@field style? "normal"|"italic"|"oblique" Default "normal"; a font without an italic face is slanted.
---@field color? sumi.Paint Colour or gradient; default "black".
---@field markup? boolean Read the text as Pango markup (<b>, <span foreground=...>, ...); default false.
---@field width? number Wrap lines to this width (at least 1); the box is then at least this wide.
---@field align? "left"|"center"|"right"|"justify" How lines sit within `width`; default "left".
---@field wrap? "word"|"char"|"word-char" With `width`: where lines break; default "word-char".
---@field line_spacing? number Line height as a multiple of the font's, 0 to 10; 0 (default) keeps the font's own.
---@field letter_spacing? number Extra space between letters, -100 to 100; default 0.
---@field features? string|string[] OpenType features: "palt", "tnum palt", "liga=0", or a list {"tnum", "palt"}.
---@field angle? number Rotation in degrees about the anchor point, clockwise, -3600 to 3600; default 0.
---@field vertical? boolean Vertical text: lines top to bottom, columns right to left; default false.
---@field anchor? "top-left"|"top"|"top-right"|"left"|"center"|"right"|"bottom-left"|"bottom"|"bottom-right"|"baseline-left"|"baseline"|"baseline-right" Which point of the box is put at (x, y); default "top-left".
---@field lang? string Language tag: "ja" (default), "zh-Hans", "zh-Hant", "zh-HK", "ko", "en", or one defined with sumi.locale.define; chooses fonts, glyph forms and line breaking.
---@field keep_words? boolean With `width`: no line break inside a word that fits on a line; default false.

---What `c:measure_text` returns.
---@class sumi.TextMeasure
---@field width number The text's box, as `c:text` returns it (vertical text: the column's width).
---@field height number The box's height (vertical text: the text's length).
---@field baseline number From the top of the box to the first line's baseline (vertical text: half the width).
---@field lines integer Lines (columns, for vertical text).
---@field line_starts integer[] Where each line begins: 1-based byte positions in the text (without markup tags).
---@field ink sumi.TextInk The area the glyphs cover, relative to the unrotated layout's top-left corner.

---The area the glyphs of a measured text cover.
---@class sumi.TextInk
---@field x number
---@field y number
---@field width number
---@field height number

---Options of `c:link`: exactly one of `uri` and `dest`.
---@class sumi.CanvasLinkOptions
---@field uri? string The URI the link opens (1 to 2000 characters, no spaces or control characters).
---@field dest? string The destination the link jumps to (made with `c:destination`, maybe later).
---@field text? string What the link leads to, in words, for screen readers (default: the URI or the destination's name).

---Options of `c:outline`.
---@class sumi.CanvasOutlineOptions
---@field dest string The destination the entry jumps to (required).
---@field parent? integer The id of the entry it sits under; 0 (default) is the top level.
---@field open? boolean Show the entry's children unfolded; default false.

---Options of `c:begin_tag`.
---@class sumi.CanvasTagOptions
---@field alt? string A Figure's alternative text (required for a Figure, for it only).
---@field lang? string The element's language tag, when it is not the document's.
---@field scope? "row"|"column"|"both" A header cell's (TH) scope: the cells it heads.
---@field colspan? integer The columns a table cell (TH or TD) spans, 1 to 10000 (default 1).
---@field rowspan? integer The rows a table cell (TH or TD) spans, 1 to 10000 (default 1).
---@field box? number[] {x, y, width, height}: where a Figure lies, where a Link is clicked (required for a Link).
---@field uri? string A Link's URI, as `c:link` takes it (a Link takes `uri` or `dest`).
---@field dest? string A Link's destination name.
---@field text? string A Link's description for screen readers.

---The canvases: `local canvas = require "sumi.canvas"` (also `sumi.canvas`). A canvas is
---one output file: a PDF (any number of pages), a PNG or SVG (one page), or a trace (a
---text list of what is drawn, for tests).
---@class sumi.canvas
local canvas = {}

---A PDF canvas, A4 unless the options say otherwise. Lengths are points.
---@param path? string The file to write; nil: the `-o` path or reports/<script name>.pdf.
---@param options? sumi.CanvasPdfOptions
---@return sumi.Canvas canvas
function canvas.pdf(path, options) end

---A PNG canvas, sized in pixels (user units are pixels) or millimetres (user units are points).
---@param path string|false|nil The file to write; false: no file, `c:close()` returns the PNG's bytes; nil: the `-o` path or reports/<script name>.png.
---@param options sumi.CanvasPngOptions
---@return sumi.Canvas canvas
function canvas.png(path, options) end

---An SVG canvas; text stays text (<text> elements) unless `text = "outline"`.
---@param path string|false|nil The file to write; false: no file, `c:close()` returns the SVG's text (not with `text = "outline"`); nil: the `-o` path or reports/<script name>.svg.
---@param options sumi.CanvasSvgOptions
---@return sumi.Canvas canvas
function canvas.svg(path, options) end

---A trace canvas: draws nothing, writes one line of text per operation, in page
---coordinates; `c:close()` returns the trace.
---@param path string|false|nil The file to write; false: no file, only what `c:close()` returns; nil: the `-o` path or reports/<script name>.trace.
---@param options sumi.CanvasTraceOptions
---@return sumi.Canvas canvas
function canvas.trace(path, options) end

---A linear gradient from (x0, y0) to (x1, y1).
---@param x0 number
---@param y0 number
---@param x1 number
---@param y1 number
---@param stops {[1]: number, [2]: sumi.Color}[] At least two {offset, colour} pairs, offsets from 0 to 1.
---@return sumi.Gradient gradient
function canvas.linear_gradient(x0, y0, x1, y1, stops) end

---A radial gradient from the centre (cx, cy) out to radius r.
---@param cx number
---@param cy number
---@param r number Radius, >= 0.
---@param stops {[1]: number, [2]: sumi.Color}[] At least two {offset, colour} pairs, offsets from 0 to 1.
---@return sumi.Gradient gradient
function canvas.radial_gradient(cx, cy, r, stops) end

---Millimetres to points (as `sumi.mm`): `canvas.mm(210)` is 595.28, the width of A4.
---@param millimetres number
---@return number points
function canvas.mm(millimetres) end

---A canvas, made by `sumi.canvas.pdf`, `png`, `svg` or `trace`. Lengths are user units
---(points; pixels on pixel-sized PNGs), angles degrees, y grows downwards. After `close`
---or `discard` every other method raises "attempt to use a closed canvas".
---@class sumi.Canvas
local Canvas = {}

-- ---- life cycle and information

---Finishes the drawing and frees its memory; the file is published when the script has
---succeeded. A second close is an error.
---@return string? trace A trace canvas's trace; nothing for other kinds.
function Canvas:close() end

---Throws the file away, even after `close()`; harmless when called twice.
function Canvas:discard() end

---The size of the current page, in user units.
---@return number width
---@return number height
function Canvas:size() end

---The canvas's kind.
---@return "pdf"|"png"|"svg"|"trace" kind
function Canvas:kind() end

---The number of pages begun so far (1 for a new canvas).
---@return integer pages
function Canvas:page_count() end

---Ends the current page and begins the next (PDF and trace canvases only; not inside an
---unfinished `save()`). The new page has the current page's size, changed by the options:
---`{orientation = "landscape"}` turns it, `{size = "A4"}` replaces it.
---@param options? sumi.CanvasPageOptions
function Canvas:new_page(options) end

-- ---- drawing state

---Remembers the transform and clip, until the matching `restore()`.
function Canvas:save() end

---Returns to the state of the matching `save()`; an error without one.
function Canvas:restore() end

---Moves the origin by (dx, dy).
---@param dx number
---@param dy number
function Canvas:translate(dx, dy) end

---Scales by sx and sy; each must be between 1e-4 and 1e4 in size, negative to mirror.
---@param sx number
---@param sy? number Default sx.
function Canvas:scale(sx, sy) end

---Rotates; positive angles turn clockwise on the page.
---@param degrees number
function Canvas:rotate(degrees) end

---Restricts drawing to the inside of the current path (intersected with any clip so
---far), and clears the path.
function Canvas:clip() end

---Removes all clipping.
function Canvas:reset_clip() end

-- ---- paths

---Starts a new piece of path at (x, y).
---@param x number
---@param y number
function Canvas:move_to(x, y) end

---A straight line from the current point to (x, y).
---@param x number
---@param y number
function Canvas:line_to(x, y) end

---A cubic Bézier curve from the current point to (x3, y3), with control points (x1, y1)
---and (x2, y2).
---@param x1 number
---@param y1 number
---@param x2 number
---@param y2 number
---@param x3 number
---@param y3 number
function Canvas:curve_to(x1, y1, x2, y2, x3, y3) end

---An arc of the circle centred at (cx, cy), from angle a1 to a2 in degrees, clockwise on
---the page (0° points right, 90° down); a line joins the current point, if any, to its start.
---@param cx number
---@param cy number
---@param r number Radius, >= 0.
---@param a1 number Start angle, degrees.
---@param a2 number End angle, degrees.
function Canvas:arc(cx, cy, r, a1, a2) end

---As `arc`, counter-clockwise.
---@param cx number
---@param cy number
---@param r number Radius, >= 0.
---@param a1 number Start angle, degrees.
---@param a2 number End angle, degrees.
function Canvas:arc_negative(cx, cy, r, a1, a2) end

---A closed rectangle; w and h may be negative.
---@param x number
---@param y number
---@param w number
---@param h number
function Canvas:rect(x, y, w, h) end

---A closed rectangle with corners of radius r (at most half the shorter side).
---@param x number
---@param y number
---@param w number
---@param h number
---@param r number Corner radius, >= 0.
function Canvas:rounded_rect(x, y, w, h, r) end

---A line through many points in one call, starting a new piece of path at the first.
---@param points number[] {x1, y1, x2, y2, ...}
---@param close? boolean Close the piece; default false.
function Canvas:polyline(points, close) end

---A line back to the start of the current piece, closing it.
function Canvas:close_path() end

---Forgets the current path.
function Canvas:new_path() end

-- ---- paint

---Fills the current path, then clears it (unless `preserve`). Takes a paint (colour or
---gradient; default black) or the options.
---@param options? sumi.CanvasFillOptions
---@overload fun(self: sumi.Canvas, paint: sumi.Paint)
function Canvas:fill(options) end

---Strokes the current path, then clears it (unless `preserve`). Takes a paint (colour or
---gradient; default black) or the options.
---@param options? sumi.CanvasStrokeOptions
---@overload fun(self: sumi.Canvas, paint: sumi.Paint)
function Canvas:stroke(options) end

---Fills the current path, then strokes its outline, then clears it.
---@param options sumi.CanvasFillStrokeOptions
function Canvas:fill_stroke(options) end

---Covers the whole page (or the clip area) with a colour or gradient, e.g. a background.
---@param paint sumi.Paint
function Canvas:paint(paint) end

-- ---- images and text

---Draws a PNG file into the box (x, y, w, h). On a tagged PDF it must be inside a Figure
---or an Artifact.
---@param path string The PNG file, relative to the script's folder.
---@param x number
---@param y number
---@param w number Box width, > 0.
---@param h number Box height, > 0.
---@param options? sumi.CanvasImageOptions
---@return number drawn_width The size the image was drawn at (with "cover", before it is cut).
---@return number drawn_height
function Canvas:image(path, x, y, w, h, options) end

---Sets s with Pango and HarfBuzz and draws it with its anchor point (default the top-left
---corner of its box) at (x, y). s must be valid UTF-8; "\n" starts a new line.
---@param s string
---@param x number
---@param y number
---@param options? sumi.CanvasTextOptions
---@return number width The text's box, before any rotation.
---@return number height
function Canvas:text(s, x, y, options) end

---Lays s out exactly as `c:text` would, without drawing it (`angle` and `anchor` change
---nothing).
---@param s string
---@param options? sumi.CanvasTextOptions
---@return sumi.TextMeasure measure
function Canvas:measure_text(s, options) end

-- ---- links, destinations, outline

---A link area over the box (x, y, w, h), opening a URI or jumping to a destination. Only
---a PDF holds it; a trace records it; PNG and SVG canvases ignore it.
---@param x number
---@param y number
---@param w number Width, >= 0.
---@param h number Height, >= 0.
---@param options sumi.CanvasLinkOptions
function Canvas:link(x, y, w, h, options) end

---Names the point (x, y) of the current page, for links and outline entries.
---@param name string Letters, digits and - _ . : only, 1 to 200 characters.
---@param x number
---@param y number
function Canvas:destination(name, x, y) end

---An outline entry (a bookmark beside the pages) jumping to `options.dest`.
---@param title string UTF-8.
---@param options sumi.CanvasOutlineOptions
---@return integer id The entry's id (from 1, in the order of the calls), for `parent`.
function Canvas:outline(title, options) end

-- ---- tagged PDF

---Begins an element of the document's structure: what is drawn until the matching
---`end_tag` belongs to it, inside the element open before it. Only a tagged PDF keeps it;
---other canvases check the call the same way.
---@param role "Document"|"Part"|"Sect"|"Div"|"H1"|"H2"|"H3"|"H4"|"H5"|"H6"|"P"|"L"|"LI"|"Lbl"|"LBody"|"Table"|"THead"|"TBody"|"TFoot"|"TR"|"TH"|"TD"|"Caption"|"TOC"|"TOCI"|"Figure"|"Span"|"Quote"|"Note"|"BlockQuote"|"Link"|"Artifact" A PDF standard structure type; "Artifact" for what is drawn only to look right.
---@param options? sumi.CanvasTagOptions
function Canvas:begin_tag(role, options) end

---Ends the innermost open element, which must be `role`.
---@param role string
function Canvas:end_tag(role) end

-- ---- font subsets

---From now on the canvas notes the faces and glyphs of the text it draws or measures (for
---`subset_fonts` on another canvas).
function Canvas:record_fonts() end

---From now on the canvas draws its text's glyphs from HarfBuzz subsets of the faces
---`recorded` noted (with `record_fonts`); the layout is unchanged.
---@param recorded sumi.Canvas A canvas that recorded its fonts and uses the engine's own.
---@return integer? faces The number of faces cut (0 when `recorded` drew no text); nil when the subsets cannot be made: the canvas keeps the full fonts.
---@return string? message Why, when faces is nil.
function Canvas:subset_fonts(recorded) end

return canvas
