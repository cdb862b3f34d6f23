-- A document's workbook (document.new{workbook = true | "path.xlsx"}): at
-- doc:save, one sheet per doc:table with the table's own values (numbers
-- as numbers, not the text the PDF shows), its column titles, and the
-- Excel format that shows what each column's format shows in the PDF.
-- sumi.internal.xlsx writes the file and holds the one table of named
-- formats; this module says which format a column's function is.
--
-- Sheet names come from the table's caption, else the heading it follows,
-- else "表1" (the language's table word): made names Excel takes
-- (forbidden characters replaced, cut to 31 UTF-16 units) and told apart
-- with " (2)". That is a fix-up, documented, not an error: a heading is
-- written for the PDF, not for Excel.
local data = require "sumi.data"
local errors = require "sumi.internal.errors"
local format = require "sumi.format"
local formatters = require "sumi.internal.formatters"
local markup = require "sumi.internal.layout.markup"
local template = require "sumi.template"
local xlsx = require "sumi.internal.xlsx"

local workbook = {}

-- What each document's workbook last wrote: doc:save writes the PNG
-- previews through a second save, which must not write the workbook again.
local written = setmetatable({}, {__mode = "k"})

-- The description sumi.internal.xlsx reads of a function format.formatter
-- made, or nil for a function of the script's own (General).
local function formatter_spec(fn)
  local made = formatters.of(fn)
  if not made then return nil end
  local args = made.args
  local opts = args[1]
  local spec = {name = made.name}
  if made.name == "currency" then
    opts = args[2]
    -- the symbol and places as format.currency writes them: $0.00, ¥0
    local sample = format.currency(0, args[1], {symbol = opts and opts.symbol or nil})
    spec.symbol = sample:match("^(.-)0")
    spec.decimals = #(sample:match("%.(0+)$") or "")
  end
  if type(opts) == "table" then
    for _, key in ipairs({"decimals", "digits", "negative", "sign", "separator", "compact", "lang", "day"}) do
      if opts[key] ~= nil then spec[key] = opts[key] end
    end
  end
  return spec
end

-- The column entry of sumi.internal.xlsx for a table column c whose
-- values have the type `kind` (a dataset's type name).
local function column_entry(c, name, kind, named)
  local entry = {key = name, title = tostring(c.title)}
  local fn = c.format
  if fn == nil then
    -- the PDF's own default: a number with one place
    if kind == "number" then entry.excel = "#,##0.0" end
  elseif named[fn] then
    entry.format = named[fn]
  else
    entry.format = formatter_spec(fn) or nil
    if not entry.format then entry.excel = "General" end
  end
  return entry
end

-- A dataset of Lua rows as the table shows them: figures stay numbers, the
-- rest text (a column of mixed values is text in Excel too).
local function rows_dataset(rows, columns)
  local names, records = {}, {}
  for k = 1, #columns do names[k] = ("c%d"):format(k) end
  for r, row in ipairs(rows) do
    local record = {}
    for k, c in ipairs(columns) do
      local v = row[c.key]
      if v ~= nil and not c.numeric then v = tostring(v) end
      record[names[k]] = v
    end
    records[r] = record
  end
  return data.from_rows(records, {order = names}), names
end

-- The text a caption or heading gives a sheet name.
local function plain(text)
  return (markup.plain(text):gsub("^%s+", ""):gsub("%s+$", ""))
end

-- The tables of the document, each with the name its sheet gets before
-- the fix-ups.
local function tables_of(doc)
  local found, heading, previous = {}, nil, nil
  for _, b in ipairs(doc.items) do
    if b.kind == "heading" then
      heading = b.title
    elseif b.kind == "table" then
      local caption = previous and previous.kind == "paragraph" and previous.role == "Caption" and
        plain(previous.text) or nil
      local n = #found + 1
      local fallback = doc.words.table:format(n):gsub("[%s　.]+$", "")
      local name = caption ~= "" and caption or heading or fallback
      found[n] = {block = b, name = name}
    end
    previous = b
  end
  return found
end

-- Names Excel takes, each once (Excel does not tell case apart, in any
-- script: "Äpfel" and "äpfel" are one name).
local function unique_names(found)
  local used = {}
  for _, t in ipairs(found) do
    local name, n = xlsx.sheet_name(t.name), 1
    while used[xlsx.name_key(name)] do
      n = n + 1
      name = xlsx.sheet_name(t.name, (" (%d)"):format(n))
    end
    used[xlsx.name_key(name)] = true
    t.name = name
  end
end

local function sheet_of(t, named)
  local b = t.block
  local sheet = {name = t.name, columns = {}}
  if type(b.data) == "userdata" then
    local ds = b.data
    sheet.dataset = ds
    local meta = ds:meta()
    sheet.source, sheet.notes = meta.source, meta.notes
    for k, c in ipairs(b.columns) do
      sheet.columns[k] = column_entry(c, c.key, ds:type(c.key), named)
    end
  else
    local ds, names = rows_dataset(b.data, b.columns)
    sheet.dataset = ds
    for k, c in ipairs(b.columns) do
      sheet.columns[k] = column_entry(c, names[k], ds:type(names[k]), named)
    end
  end
  return sheet
end

--- workbook.save(doc, document_path): writes the workbook the document's
--- `workbook` option asks for, if any: beside document_path with its stem
--- (true) or at the path given. Returns the path written, or nil.
function workbook.save(doc, document_path)
  local option = doc.options.workbook
  if not option then return nil end
  local path = option
  if option == true then path = document_path:gsub("%.[^./]*$", "") .. ".xlsx" end
  local last = written[doc]
  if last and last.path == path and last.items == #doc.items then return nil end
  local found = tables_of(doc)
  if #found == 0 then
    errors.raise("document:save: workbook = %s but the document has no table (doc:table); leave the "
      .. "option out", option == true and "true" or ("%q"):format(option))
  end
  unique_names(found)
  local named = {}
  for name, fn in pairs(template.formats) do named[fn] = name end
  local sheets = {}
  for i, t in ipairs(found) do sheets[i] = sheet_of(t, named) end
  xlsx.write(path, sheets)
  written[doc] = {path = path, items = #doc.items}
  return path
end

return workbook
