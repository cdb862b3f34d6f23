-- Pango markup as the flow layout needs it: cut at a position of the plain
-- text (a paragraph split between pages keeps its bold and colours on both
-- sides), links written <a href="..."> turned into styled spans whose
-- plain-text ranges are kept, and escaping for data put into markup.
--
-- Positions are 1-based byte offsets in the plain text, the text Pango
-- shows once tags are dropped and entities decoded: the positions that
-- canvas:measure_text returns in line_starts.
local markup = {}

local entities = {amp = "&", lt = "<", gt = ">", quot = '"', apos = "'"}

--- markup.escape(s) -> s with &, < and > written as entities.
function markup.escape(s)
  return (tostring(s):gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

-- The decoded length of an entity ("&amp;" is one byte, "&#x4E2D;" three).
local function entity_length(body)
  local name = entities[body]
  if name then return #name end
  local code = body:match("^#x(%x+)$")
  code = code and tonumber(code, 16) or tonumber(body:match("^#(%d+)$") or "")
  if code then return #utf8.char(code) end
  return 1
end

-- Calls visit(kind, token, plain_position) for each token of s: "open"
-- (<b>, <span ...>), "close" (</b>), "empty" (<br/>), "entity" and "text"
-- (one byte). plain_position is where the token's text starts.
local function each_token(s, visit)
  local i, plain = 1, 1
  while i <= #s do
    local c = s:sub(i, i)
    if c == "<" then
      local j = s:find(">", i, true)
      if not j then error("bad markup: '<' without '>'", 0) end
      local tag = s:sub(i, j)
      local kind = tag:sub(2, 2) == "/" and "close" or tag:sub(-2, -2) == "/" and "empty" or "open"
      visit(kind, tag, plain)
      i = j + 1
    elseif c == "&" then
      local j = s:find(";", i, true)
      if not j then error("bad markup: '&' without ';' (write &amp;)", 0) end
      visit("entity", s:sub(i, j), plain)
      plain = plain + entity_length(s:sub(i + 1, j - 1))
      i = j + 1
    else
      visit("text", c, plain)
      plain = plain + 1
      i = i + 1
    end
  end
  return plain
end

local function tag_name(tag)
  return tag:match("^</?([%w_]+)")
end

--- markup.check(s) -> s, or an error "bad markup: ..." for a tag left
--- open, a tag closed out of order or an unknown entity: caught where the
--- text is added, not later when the page is drawn.
function markup.check(s)
  local stack = {}
  each_token(s, function(kind, token)
    if kind == "open" then
      stack[#stack + 1] = tag_name(token)
    elseif kind == "close" then
      local name = tag_name(token)
      if stack[#stack] ~= name then
        error(("bad markup: </%s> without <%s>"):format(tostring(name), tostring(name)), 0)
      end
      stack[#stack] = nil
    elseif kind == "entity" then
      local body = token:sub(2, -2)
      if not entities[body] and not body:match("^#%d+$") and not body:match("^#x%x+$") then
        error(("bad markup: unknown entity %s (write &amp; for &)"):format(token), 0)
      end
    end
  end)
  if #stack > 0 then error(("bad markup: <%s> is not closed"):format(stack[#stack]), 0) end
  return s
end

--- markup.range(s, from [, to]) -> the markup of the plain text from
--- position `from` up to (not including) `to`, its tags balanced: tags open
--- at `from` are opened again, tags still open at `to` are closed.
function markup.range(s, from, to)
  to = to or math.huge
  -- stack: the tags open in s at this point, each marked when it has been
  -- written to out (so that it is closed there too)
  local out, stack, state = {}, {}, "before"
  local function close_written()
    for k = #stack, 1, -1 do
      if stack[k].written then out[#out + 1] = "</" .. tag_name(stack[k].tag) .. ">" end
    end
  end
  each_token(s, function(kind, token, plain)
    local inside = plain >= from and plain < to
    if state == "inside" and plain >= to and (kind == "text" or kind == "entity") then
      close_written()
      state = "after"
    end
    if state == "before" and inside and (kind == "text" or kind == "entity") then
      state = "inside"
      for _, entry in ipairs(stack) do
        out[#out + 1] = entry.tag
        entry.written = true
      end
    end
    if kind == "open" then
      local write = state == "inside" and plain < to
      stack[#stack + 1] = {tag = token, written = write}
      if write then out[#out + 1] = token end
    elseif kind == "close" then
      local entry = stack[#stack]
      stack[#stack] = nil
      if entry and entry.written and state == "inside" then out[#out + 1] = token end
    elseif state == "inside" and (kind ~= "empty" or inside) then
      out[#out + 1] = token
    end
  end)
  if state == "inside" then close_written() end
  return table.concat(out)
end

--- markup.plain(s) -> the plain text of s (tags dropped, entities decoded).
function markup.plain(s)
  local out = {}
  each_token(s, function(kind, token)
    if kind == "text" then
      out[#out + 1] = token
    elseif kind == "entity" then
      local body = token:sub(2, -2)
      local code = body:match("^#x(%x+)$")
      code = code and tonumber(code, 16) or tonumber(body:match("^#(%d+)$") or "")
      out[#out + 1] = entities[body] or (code and utf8.char(code)) or token
    end
  end)
  return table.concat(out)
end

--- markup.links(s, style) -> s with each <a href="TARGET">...</a> turned
--- into a span (style: its attributes, e.g. 'foreground="#1f5fbf"
--- underline="single"'), and the list of links {href, from, to} in plain
--- positions (to excluded).
function markup.links(s, style)
  if not s:find("<a", 1, true) then return s, {} end
  local out, links, open = {}, {}, nil
  each_token(s, function(kind, token, plain)
    if kind == "open" and tag_name(token) == "a" then
      local href = token:match([[href%s*=%s*"([^"]*)"]]) or token:match([[href%s*=%s*'([^']*)']])
      if not href or href == "" then error("bad markup: <a> without href", 0) end
      if open then error("bad markup: <a> inside <a>", 0) end
      open = {href = markup.plain(href), from = plain}
      out[#out + 1] = "<span " .. style .. ">"
    elseif kind == "close" and tag_name(token) == "a" then
      if not open then error("bad markup: </a> without <a>", 0) end
      open.to = plain
      links[#links + 1] = open
      open = nil
      out[#out + 1] = "</span>"
    else
      out[#out + 1] = token
    end
  end)
  if open then error("bad markup: <a> without </a>", 0) end
  return table.concat(out), links
end

-- Pango's size names, relative to the medium size.
local size_names = {["xx-small"] = 0.58, ["x-small"] = 0.69, small = 0.83, medium = 1, large = 1.2,
  ["x-large"] = 1.44, ["xx-large"] = 1.73}

-- What one opening tag changes in a run's look, on top of look.
local function tag_look(tag, look)
  local name = tag_name(tag)
  local new = setmetatable({}, {__index = look})
  local function attr(key)
    return tag:match(key .. [[%s*=%s*"([^"]*)"]]) or tag:match(key .. [[%s*=%s*'([^']*)']])
  end
  if name == "b" then
    new.bold = true
  elseif name == "i" then
    new.italic = true
  elseif name == "big" then
    new.scale = (look.scale or 1) * 1.2
  elseif name == "small" then
    new.scale = (look.scale or 1) * 0.83
  elseif name == "sub" or name == "sup" then
    new.scale = (look.scale or 1) * 0.83
    new.baseline = name == "sub" and -25 or 30 -- percent of the size, as Office shifts them
  elseif name == "u" then
    new.underline = true
  elseif name == "span" then
    local color = attr("foreground") or attr("fgcolor") or attr("color")
    if color then new.color = color end
    local weight = attr("weight") or attr("font_weight")
    if weight then
      new.bold = weight == "bold" or weight == "heavy" or weight == "ultrabold" or weight == "semibold"
        or (tonumber(weight) or 0) >= 600
    end
    local underline = attr("underline")
    if underline then new.underline = underline ~= "none" end
    local style = attr("style") or attr("font_style")
    if style then new.italic = style == "italic" or style == "oblique" end
    local size = attr("size") or attr("font_size")
    if size then
      local percent = size:match("^([%d.]+)%%$")
      if percent then
        new.scale = (look.scale or 1) * tonumber(percent) / 100
      elseif size_names[size] then
        new.scale = size_names[size]
      elseif size == "larger" then
        new.scale = (look.scale or 1) * 1.2
      elseif size == "smaller" then
        new.scale = (look.scale or 1) / 1.2
      elseif tonumber(size) then
        new.points = tonumber(size) / 1024 -- Pango units
      elseif size:match("^[%d.]+pt$") then
        new.points = tonumber(size:sub(1, -3))
      end
    end
  end
  return new
end

--- markup.runs(s) -> the text of s as runs {text, bold, italic, color,
--- underline, baseline (a shift in percent of the size), scale (of the
--- paragraph's size) or points}: what a text box of an
--- Office file holds (sumi.internal.pptx). Tags it does not know keep the
--- look around them.
function markup.runs(s)
  local runs, stack, text = {}, {{}}, {}
  local function flush()
    if #text == 0 then return end
    local look = stack[#stack]
    runs[#runs + 1] = {text = table.concat(text), bold = look.bold, italic = look.italic, color = look.color,
      scale = look.scale, points = look.points, underline = look.underline, baseline = look.baseline}
    text = {}
  end
  each_token(s, function(kind, token)
    if kind == "text" then
      text[#text + 1] = token
    elseif kind == "entity" then
      text[#text + 1] = markup.plain(token)
    elseif kind == "open" then
      flush()
      stack[#stack + 1] = tag_look(token, stack[#stack])
    elseif kind == "close" then
      flush()
      if #stack > 1 then stack[#stack] = nil end
    elseif kind == "empty" and tag_name(token) == "br" then
      text[#text + 1] = "\n"
    end
  end)
  flush()
  return runs
end

return markup
