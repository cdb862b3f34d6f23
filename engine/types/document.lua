---@meta sumi.document
-- Editor annotations for sumi.document: multi-page reports (docs/API.md,
-- "17. Documents"). They describe; they do not run.

---Multi-page documents: `local doc = sumi.document.new{title = "..."}`, then blocks in
---reading order (headings, paragraphs, lists, callouts, KPI tiles, figures, tables) that flow
---onto pages, and `doc:save()`.
---@class sumi.document
local document = {}

---Options of `sumi.document.new`.
---@class sumi.DocumentOptions
---@field size? "A3"|"A4"|"A5"|"B4"|"B5"|"Letter"|"letter"|"legal"|"16:9"|"4:3"|number[]|{width: number, height: number} The page size (default "A4"), or `{width, height}` in points (72 to 14400).
---@field margins? number|sumi.DocumentMargins One number in points for all sides, or `{top, right, bottom, left}`; default 22 mm top, 20 mm elsewhere (36 to 40 pt on slides).
---@field title? string The PDF's title (required for a tagged PDF); also heads every page.
---@field author? string The PDF's author.
---@field subject? string The PDF's subject.
---@field keywords? string The PDF's keywords.
---@field lang? string A language tag (default "ja"): the language of every text, and the words the document adds (目次, 図1, 出典, page numbers, dates).
---@field header? boolean|sumi.DocumentBand|fun(canvas: sumi.Canvas, info: sumi.DocumentBandInfo) The page header: true (default: title left, current section right), false (none), `{left, center, right}` texts with placeholders, or a function that draws it.
---@field footer? boolean|sumi.DocumentBand|fun(canvas: sumi.Canvas, info: sumi.DocumentBandInfo) The page footer: true (default: confidential line, date, `{page} / {pages}`), false, texts or a function.
---@field first_page? sumi.DocumentFirstPage What the first page has instead of the header and footer: `{header = false}`.
---@field date? integer|string The date printed in the footer: seconds since 1970 (default `sumi.epoch()`) or a string.
---@field confidential? string A confidentiality line: the `{confidential}` placeholder, the default footer's left.
---@field logo? string A PNG at the left of the header, fitted in a slot 1.8 x the header's text size high and 7 x wide.
---@field numbering? boolean Number the headings 1, 1.1, 1.1.1 (default true).
---@field style? sumi.DocumentStyle Changes to the look, merged key by key into the defaults.
---@field tagged? boolean A PDF tagged for screen readers, PDF/UA-1 (default true): then `title` is required.
---@field pdfa? boolean A PDF/A-2 file (default false, or true under `sumi render --pdfa`).
---@field workbook? boolean|string An Excel workbook of every `doc:table` too, one sheet each, written at `doc:save`: true puts it beside the saved file with the same stem (`.xlsx`), a string is its path (default false). An error when the document has no table.

---Margins in points, from 0 to a third of the page's shorter side.
---@class sumi.DocumentMargins
---@field top? number
---@field right? number
---@field bottom? number
---@field left? number

---A page header or footer as three texts. Placeholders: `{page}`, `{pages}`, `{title}`, `{date}`,
---`{section}`, `{confidential}`; any other is an error.
---@class sumi.DocumentBand
---@field left? string|false The text at the left edge.
---@field center? string|false The text in the middle.
---@field right? string|false The text at the right edge.

---What a function header or footer is given, with the canvas.
---@class sumi.DocumentBandInfo
---@field page integer This page's number.
---@field pages integer The number of pages.
---@field title string The document's title ("" for none).
---@field date string The date as printed.
---@field section string The current level-1 heading.
---@field confidential string The confidentiality line ("" for none).
---@field x number The band's left edge, in points.
---@field y number The band's top, in points.
---@field width number The band's width, in points.

---The first page's own header and footer; one not given is the document's.
---@class sumi.DocumentFirstPage
---@field header? boolean|sumi.DocumentBand|fun(canvas: sumi.Canvas, info: sumi.DocumentBandInfo)
---@field footer? boolean|sumi.DocumentBand|fun(canvas: sumi.Canvas, info: sumi.DocumentBandInfo)

---Changes to a document's look, merged key by key into the defaults
---(engine/lua/sumi/internal/layout/style.lua); a key that is not there is an error. Sizes and
---spaces in points (defaults for A4: body 10 pt; slides 11 pt).
---@class sumi.DocumentStyle
---@field font? string The font family of every text (default "sans").
---@field orphans? integer Lines a paragraph leaves at least at the foot of a page (default 2).
---@field widows? integer Lines a paragraph carries at least to the top of the next (default 2).
---@field body? sumi.DocumentTextStyle Paragraphs and lists.
---@field heading? sumi.DocumentHeadingStyle[] Headings by level, 1 to 3: `{[1] = {color = "#000"}}`.
---@field link? string Pango span attributes of links (default 'foreground="#1f5fbf" underline="single"').
---@field callout? sumi.DocumentTextStyle Callouts (with `padding`).
---@field figure? sumi.DocumentTextStyle Figures' captions (with `caption_gap`).
---@field caption_above? sumi.DocumentTextStyle Tables' captions.
---@field table? sumi.DocumentTableStyle Tables.
---@field contents? sumi.DocumentTextStyle The table of contents (with `leader`, the dotted leader's colour).
---@field page? sumi.DocumentTextStyle Headers and footers (with `rule`, their rule's colour).

---The look of one kind of text block; each kind has only some of these keys (style.lua).
---@class sumi.DocumentTextStyle
---@field size? number Text size in points.
---@field line_spacing? number Line height as a multiple of the size (body 1.55).
---@field color? string Text colour, "#rrggbb".
---@field space_before? number Space above the block.
---@field space_after? number Space below the block.
---@field padding? number (callout) Space inside the box.
---@field caption_gap? number (figure) Space between a figure and its caption.
---@field leader? string (contents) The dotted leader's colour.
---@field rule? string (page) The colour of the rule under the header and above the footer.

---The look of one level of heading.
---@class sumi.DocumentHeadingStyle
---@field size? number Text size in points (level 1: 1.7 x the body's).
---@field weight? string Font weight (default "bold").
---@field color? string Text colour.
---@field space_before? number Space above.
---@field space_after? number Space below.
---@field rule? number (level 1 only) Width of the rule under the heading.
---@field rule_color? string (level 1 only) Colour of that rule.

---The look of tables.
---@class sumi.DocumentTableStyle
---@field size? number Text size in points (0.85 x the body's).
---@field color? string Text colour.
---@field padding? number Space inside each cell.
---@field header_fill? string The header row's background.
---@field header_color? string The header row's text colour.
---@field zebra? boolean Shade every other body row unless `doc:table` says otherwise (default true).
---@field zebra_fill? string Every other row's background.
---@field rule? string The colour of the rules between rows.
---@field group_rule? string The colour of the rule under a column group's title.
---@field subtotal_fill? string A subtotal row's background.
---@field space_before? number Space above.
---@field space_after? number Space below.
---@field totals_label? string|false The totals row's label (default the language's "total": 合計).
---@field subtotals_label? string|false A subtotal row's label (default the language's "subtotal": 小計).

---A new document. Blocks are added in reading order and laid out when it is saved; a document
---that holds blocks and is neither saved nor discarded gets a warning at this line.
---@param options? sumi.DocumentOptions
---@return sumi.Document doc
function document.new(options) end

---A document: blocks added in reading order, laid out on pages by `doc:save`.
---@class sumi.Document
local Document = {}

---Options of `doc:heading`.
---@class sumi.DocumentHeadingOptions
---@field numbered? boolean Number this heading (default: the document's `numbering`, true).

---A heading, level 1 to 3, numbered `1`, `1.1`, `1.1.1` unless told otherwise; never the last
---thing on a page. Returns its destination name for links: `<a href="#section-3">`.
---@param text string The heading's text (plain, not markup).
---@param level? 1|2|3 Default 1.
---@param options? sumi.DocumentHeadingOptions
---@return string destination e.g. "section-3".
function Document:heading(text, level, options) end

---Options of `doc:paragraph`.
---@class sumi.DocumentParagraphOptions
---@field size? number Text size in points (default the body's, 10).
---@field color? string Text colour, "#rrggbb".
---@field align? "left"|"center"|"right"|"justify" Default "left".
---@field weight? "thin"|"light"|"normal"|"medium"|"semibold"|"bold"|"heavy" Default "normal".
---@field markup? boolean false takes the text as it is, no markup (default true).
---@field lang? string A language tag for a paragraph in another language than the document's: its fonts, line breaking and `/Lang`.

---A paragraph of Pango markup with one addition: `<a href="URL">text</a>` makes a link
---(`href="#name"` links to a heading's destination). Bad markup is an error at this line. Split
---between lines at page ends, leaving 2 lines at least on each side.
---@param text string Markup, or plain text with `markup = false`.
---@param options? sumi.DocumentParagraphOptions
function Document:paragraph(text, options) end

---Options of `doc:list`, and of a nested list inside its items.
---@class sumi.DocumentListOptions
---@field numbered? boolean Number the items (default false: bullets).
---@field start? integer The first number (default 1).
---@field marker? string The bullet (default "・"; nested lists "◦" then "▪").

---A nested list: its items, and its own `numbered`, `start` and `marker`.
---@class sumi.DocumentNestedList : sumi.DocumentListOptions
---@field [integer] string|sumi.DocumentNestedList

---A list: one paragraph per item, its bullet or number hanging in the margin. An item that is
---itself a table is a list nested under the item before it (up to 3 deep), with its own options:
---`doc:list({"企業", {numbered = true, "上場", "未上場"}})`.
---@param items (string|sumi.DocumentNestedList)[] Markup texts and nested lists.
---@param options? sumi.DocumentListOptions
function Document:list(items, options) end

---Options of `doc:callout`.
---@class sumi.DocumentCalloutOptions
---@field title? string A bold title above the text.
---@field tone? "note"|"key"|"warning" Blue, green or amber (default "note").

---A boxed note in a tinted box with a coloured bar; never split between pages.
---@param text string Markup.
---@param options? sumi.DocumentCalloutOptions
function Document:callout(text, options) end

---Options of `doc:kpis`.
---@class sumi.DocumentKpisOptions
---@field height? number The tiles' height in points (default 86).
---@field gap? number The space between tiles in points (default 10).
---@field border? string The tiles' border colour (default "#d5dbe3").

---KPI tiles side by side in equal shares of the width, every figure at one size (the largest
---at which each fits its tile); never split.
---@param tiles (sumi.Chart|sumi.ChartKpiOptions)[] Each a `chart.kpi` or the options for one.
---@param options? sumi.DocumentKpisOptions
function Document:kpis(tiles, options) end

---Options of `doc:figure`.
---@class sumi.DocumentFigureOptions
---@field caption? string The caption, under the figure (`図N　` before it unless `numbered = false`).
---@field height? number The height in points (default half the width); a figure taller than the text area shrinks to fit.
---@field numbered? boolean Number the caption (default true).
---@field alt? string What a screen reader says for it (default: a chart's `alt_text()`); a PNG in a tagged document needs it.
---@field decorative? boolean A picture that says nothing: an artifact, not read (default false).

---A figure: a chart (drawn as vectors; its source goes to the sources list) or a PNG file (path
---relative to the script), its caption kept on its page. Never split.
---@param chart_or_png sumi.Chart|string
---@param options? sumi.DocumentFigureOptions
function Document:figure(chart_or_png, options) end

---A column of `doc:table`: a key, or this table.
---@class sumi.TableColumn
---@field key string|integer The column name (an index for rows that are arrays).
---@field title? string|number The header text (default the key).
---@field format? string|fun(value: any): string A name of `sumi.template.formats` ("int", "pct1", "ja_units", ...) or a function; default integers with separators, other numbers with one decimal.
---@field width? number A fixed width in points (default automatic).
---@field align? "left"|"center"|"right"|"decimal" Default "decimal" for numbers (lined up on the decimal point, in tabular digits), "left" for the rest.
---@field markup? boolean The cells' text (what `format` gives) is Pango markup, checked at the `doc:table` line (default false: shown as written).

---The totals row of `doc:table` when chosen: `{label = "3社計", columns = {"models"}}`.
---@class sumi.TableTotals
---@field label? string The first cell (default the language's "total": 合計).
---@field columns? (string|integer)[] The columns summed (default every number column but the first).

---Subtotal rows of `doc:table`: `{by = "region", label = "小計"}`. The rows must come in groups
---of the same `by` value (sorted by it).
---@class sumi.TableSubtotals
---@field by string|integer The column (or row field) whose runs of equal values are summed.
---@field label? string|fun(value: any): string The first cell: a text, or a function of the group's value (default the language's "subtotal": 小計).
---@field columns? (string|integer)[] The columns summed (default every number column but the first).

---A column group of `doc:table`: a title over the columns it spans, in the header.
---@class sumi.TableGroup
---@field title string|number The group's title.
---@field columns (string|integer)[] Its columns, side by side in the table.

---What a `doc:table` style function gives for a body cell (or nil: as it is).
---@class sumi.TableCellStyle
---@field color? string The text's colour (default the table's, or white on a dark background).
---@field weight? "thin"|"light"|"normal"|"medium"|"semibold"|"bold"|"heavy" The text's weight.
---@field background? string The cell's background colour.

---Options of `doc:table`.
---@class sumi.DocumentTableOptions
---@field columns? (string|integer|sumi.TableColumn)[] The columns shown, in order (required for rows that are records; default all).
---@field zebra? boolean Shade every other row (default the style's `table.zebra`, true).
---@field totals? boolean|sumi.TableTotals A row summing every number column but the first (default false).
---@field subtotals? sumi.TableSubtotals A subtotal row after each group of rows (default none).
---@field groups? sumi.TableGroup[] Titles over groups of columns, a second header row (default none).
---@field style? fun(value: any, row: table, key: string|integer, index: integer): sumi.TableCellStyle? Each body cell's colour, weight and background, from its value, its row, its column's key and the row's number.
---@field repeat_header? boolean Print the header again on each page the table runs onto (default true).
---@field caption? string A bold line above the table, kept with it.
---@field size? number Text size in points, 1 to 200 (default 0.85 x the body's); a table too wide shrinks it down to 6 pt.

---A table from a dataset (its source goes to the sources list), a list of records or a list of
---arrays; split between rows (at least 2 on each side), its header repeated on every page. A
---column key that names no column, a style function's bad colour or a format's bad markup is an
---error at this line.
---@param data sumi.Dataset|table[]
---@param options? sumi.DocumentTableOptions
function Document:table(data, options) end

---What follows starts on a new page.
function Document:page_break() end

---Options of `doc:columns`.
---@class sumi.DocumentColumnsOptions
---@field gap? number The space between columns in points (default 18).
---@field balance? boolean End the columns level when the section fits on its page (default true).

---What follows flows in columns, down the first, then the next, then onto the next page, until
---`doc:end_columns()` or until `fn`, when given, returns.
---@overload fun(self: sumi.Document, count: integer, fn: fun())
---@param count 1|2|3|4 The number of columns.
---@param options? sumi.DocumentColumnsOptions
---@param fn? fun() Adds the blocks that go in the columns; `doc:end_columns()` is implied after it.
function Document:columns(count, options, fn) end

---Ends the columns `doc:columns(count)` started: what follows spans the text width again.
function Document:end_columns() end

---Adds a line to the list of sources `doc:sources()` prints (datasets' and charts' sources are
---added by `doc:table` and `doc:figure`); each source is listed once.
---@param text string
---@param url? string Printed after the text, as a link.
function Document:source(text, url) end

---Records an end note, printed numbered after the sources, and returns its marker to put in a
---paragraph: `doc:paragraph("約70%" .. doc:note("上場企業の合計"))`.
---@param text string Markup.
---@return string marker e.g. "<sup>注1</sup>".
function Document:note(text) end

---Options of `doc:contents`.
---@class sumi.DocumentContentsOptions
---@field title? string|false The heading above it (default the language's: 目次, Contents); false for none.
---@field levels? 1|2|3 The heading levels listed (default 2).

---The table of contents, here: each heading down to `levels` with a dotted leader, its page
---number and a link to it.
---@param options? sumi.DocumentContentsOptions
function Document:contents(options) end

---Options of `doc:sources`.
---@class sumi.DocumentSourcesOptions
---@field title? string|false The heading above it (default the language's: 出典, Sources); false for none.

---The numbered list of every source (added, and of each dataset and chart given), then the notes.
---@param options? sumi.DocumentSourcesOptions
function Document:sources(options) end

---Options of `doc:save`.
---@class sumi.DocumentSaveOptions
---@field dpi? number PNG pages' resolution (default 96).
---@field format? "pdf"|"png"|"trace"|"pptx" The output type (default: the path's extension, or the `-o` type); pptx for 16:9 and 4:3 documents.
---@field fonts? "subset"|"full" "subset" (a PDF's default) embeds HarfBuzz subsets of the faces used; "full" (the default for a trace, the only choice for PNG).

---What `doc:save` wrote.
---@class sumi.DocumentSaved
---@field pages integer The number of pages.
---@field files string[] The files written (PNG pages: x-1.png, x-2.png, ...).
---@field headings sumi.DocumentSavedHeading[] Every heading and its page.
---@field placed sumi.DocumentPlacedBlock[] Every block (or piece of one) placed.
---@field trace? string The trace's text, for a `.trace`.

---A heading as `doc:save` placed it.
---@class sumi.DocumentSavedHeading
---@field title string
---@field label string The title with its number.
---@field level integer
---@field destination string
---@field page integer

---A block (or a piece of one) as `doc:save` placed it, in points from the page's top left.
---@class sumi.DocumentPlacedBlock
---@field page integer
---@field kind string "heading", "paragraph", "table", "figure", ...
---@field x number
---@field y number
---@field width number
---@field height number
---@field label? string A heading's label.
---@field continued boolean A piece after the first of a block split between pages.
---@field frame? integer The column it is in.

---Writes the document: a PDF (fonts embedded as subsets, outline, links), PNG pages (`x.png`
---gives x-1.png, x-2.png, ...), a trace or, for 16:9 and 4:3 pages, a PowerPoint deck (a slide
---per page, headings and paragraphs as text, charts, tiles and tables as SVG pictures with PNG
---fallbacks), by the path's extension; a nil path writes reports/<script>.pdf or the `-o` path.
---A document can be saved more than once.
---@overload fun(self: sumi.Document, options: sumi.DocumentSaveOptions): sumi.DocumentSaved
---@param path? string
---@param options? sumi.DocumentSaveOptions
---@return sumi.DocumentSaved saved
function Document:save(path, options) end

---Drops the document: nothing is written, and the end of the run does not warn that it was
---never saved.
function Document:discard() end

return document
