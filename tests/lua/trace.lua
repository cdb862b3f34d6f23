-- trace: reads a sumi trace (canvas.trace, docs/API.md "Traces") into
-- records, for tests that assert on what was drawn where.
--
--   local trace = require "trace"
--   local t = trace.parse(c:close())
--   for _, r in ipairs(t:select("text")) do print(r[1], r.x, r.y, r.font) end
--
-- Each line becomes a record {kind = VERB, page = N, [1] = first positional
-- value, ..., key = value}; numbers are Lua numbers, quoted strings are
-- unescaped, other words stay strings.
local trace = {}
trace.__index = trace

local escapes = {n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\"}

-- Reads a quoted string starting at s[i] == '"'; returns it and the index
-- after the closing quote.
local function read_quoted(s, i, line_no)
  local out, j = {}, i + 1
  while true do
    local c = s:sub(j, j)
    if c == "" then error(("trace line %d: unterminated string"):format(line_no), 0) end
    if c == '"' then return table.concat(out), j + 1 end
    if c == "\\" then
      local e = s:sub(j + 1, j + 1)
      if escapes[e] then
        out[#out + 1] = escapes[e]
        j = j + 2
      else
        local digits = s:match("^%d%d%d", j + 1)
        if not digits then error(("trace line %d: bad escape"):format(line_no), 0) end
        out[#out + 1] = string.char(tonumber(digits))
        j = j + 4
      end
    else
      out[#out + 1] = c
      j = j + 1
    end
  end
end

local function value_of(word)
  return tonumber(word) or word
end

local function parse_line(line, line_no)
  local kind, i = line:match("^(%a+)()")
  if not kind then error(("trace line %d: no verb in %q"):format(line_no, line), 0) end
  local record = {kind = kind, line = line_no}
  while i <= #line do
    i = line:match("^ *()", i)
    if i > #line then break end
    local key, after = line:match("^([%a_]+)=()", i)
    local value
    if line:sub(after or i, after or i) == '"' then
      value, i = read_quoted(line, after or i, line_no)
    else
      local word, next_i = line:match("^([^ ]+)()", after or i)
      value, i = value_of(word), next_i
    end
    if key then record[key] = value else record[#record + 1] = value end
  end
  return record
end

--- trace.parse(text) -> t: t.width, t.height, t.records (every record but
--- the header, in order, each with its page number).
function trace.parse(text)
  local t = setmetatable({records = {}}, trace)
  local page, line_no = 0, 0
  for line in text:gmatch("([^\n]*)\n") do
    line_no = line_no + 1
    local r = parse_line(line, line_no)
    if line_no == 1 then
      if r.kind ~= "trace" or r.version ~= 1 then
        error("not a sumi trace (version 1): " .. line, 0)
      end
      t.width, t.height = r.width, r.height
    else
      if r.kind == "page" then page = r[1] end
      r.page = page
      t.records[#t.records + 1] = r
    end
  end
  return t
end

--- t:select(kind [, page]) -> the records of that kind (on that page).
function trace:select(kind, page)
  local out = {}
  for _, r in ipairs(self.records) do
    if r.kind == kind and (page == nil or r.page == page) then out[#out + 1] = r end
  end
  return out
end

--- t:runs_of(block) -> the text records that follow a block record.
function trace:runs_of(block)
  local out = {}
  for i = 1, #self.records do
    if self.records[i] == block then
      for j = i + 1, #self.records do
        if self.records[j].kind ~= "text" then break end
        out[#out + 1] = self.records[j]
      end
    end
  end
  return out
end

--- trace.overlap(a, b [, margin]) -> true when the logical boxes of two
--- text runs drawn at angle 0 share more than margin (default 0.01) in both
--- directions. A run's box: x to x + w, y - ascent to y - ascent + h.
function trace.overlap(a, b, margin)
  margin = margin or 0.01
  local function box(r) return r.x, r.y - r.ascent, r.x + r.w, r.y - r.ascent + r.h end
  local ax0, ay0, ax1, ay1 = box(a)
  local bx0, by0, bx1, by1 = box(b)
  return ax0 < bx1 - margin and bx0 < ax1 - margin and ay0 < by1 - margin and by0 < ay1 - margin
end

return trace
