-- sumi check, read without running: every `sumi.chart.barr` in a script,
-- on any line, reached by the run or not. luacheck cannot see it: the sumi
-- modules reach a script through `local sumi = require "sumi"`, not as
-- globals. So the script's tokens are read here, the names bound to a sumi
-- module followed (`local chart = require "sumi.chart"`, `local fmt =
-- sumi.format`), and each field read from one of them looked up in the
-- module itself:
--
--   report.lua:12:9: sumi.chart has no 'barr'; did you mean 'bar'?
--
-- Only modules are looked into (a data table such as sumi.params or a
-- theme holds what the script puts there), and a name declared again for
-- something else stops being followed from there on.
local members = {}

-- The public modules a name can be bound to (engine/lua/sumi/*.lua and the
-- modules made in C; tests/api checks the list against them).
members.modules = {
  "sumi", "sumi.axis", "sumi.canvas", "sumi.chart", "sumi.data", "sumi.date", "sumi.document",
  "sumi.fonts", "sumi.format", "sumi.legend", "sumi.locale", "sumi.numeric", "sumi.path",
  "sumi.runtime", "sumi.scale", "sumi.stats", "sumi.subset", "sumi.template", "sumi.text",
  "sumi.theme",
}

-- ---- tokens: names and punctuation with their line and column; strings,
-- numbers and comments reduced to what they are.

local function long_bracket(source, i)
  local level = source:match("^%[(=*)%[", i)
  if not level then return nil end
  local close = "]" .. level .. "]"
  local _, stop = source:find(close, i + #level + 2, true)
  return stop or #source
end

local function tokens(source)
  local list, i, n, line, line_start = {}, 1, #source, 1, 1
  local function advance_to(stop)
    for _ in source:sub(i, stop):gmatch("\n") do line = line + 1 end
    local last_newline = source:sub(i, stop):match(".*()\n")
    if last_newline then line_start = i + last_newline end
    i = stop + 1
  end
  local function add(kind, value, stop)
    list[#list + 1] = {kind = kind, value = value, line = line, col = i - line_start + 1}
    advance_to(stop)
  end
  while i <= n do
    local c = source:sub(i, i)
    if c == "\n" or c:match("%s") then
      advance_to(i)
    elseif source:sub(i, i + 1) == "--" then
      local stop = long_bracket(source, i + 2)
      if not stop then stop = (source:find("\n", i, true) or n + 1) - 1 end
      advance_to(stop)
    elseif c == "\"" or c == "'" then
      local j = i + 1
      while j <= n do
        local d = source:sub(j, j)
        if d == "\\" then j = j + 2
        elseif d == c or d == "\n" then break
        else j = j + 1 end
      end
      add("string", source:sub(i + 1, j - 1), math.min(j, n))
    elseif c == "[" and source:match("^%[=*%[", i) then
      add("string", nil, long_bracket(source, i))
    elseif c:match("[%a_]") then
      local name = source:match("^[%w_]+", i)
      add("name", name, i + #name - 1)
    elseif c:match("%d") or (c == "." and source:sub(i + 1, i + 1):match("%d")) then
      local number = source:match("^0[xX][%x%.]*[pP]?[+-]?%x*", i) or source:match("^[%d%.]+[eE][+-]?%d+", i)
        or source:match("^[%d%.]+", i)
      add("number", number, i + #number - 1)
    else
      local op = source:match("^%.%.%.", i) or source:match("^[=~<>]=", i) or source:match("^::", i)
        or source:match("^%.%.", i) or source:match("^//", i) or source:match("^<<", i)
        or source:match("^>>", i) or c
      add("op", op, i + #op - 1)
    end
  end
  return list
end

-- ---- suggestions

local function distance(a, b)
  if #a > 40 or #b > 40 then return math.huge end
  local row = {}
  for j = 0, #b do row[j] = j end
  for i = 1, #a do
    local diagonal = row[0]
    row[0] = i
    for j = 1, #b do
      local above = row[j]
      local cost = a:sub(i, i) == b:sub(j, j) and 0 or 1
      row[j] = math.min(row[j] + 1, row[j - 1] + 1, diagonal + cost)
      diagonal = above
    end
  end
  return row[#b]
end

local function suggestion(module, key)
  local best, best_distance = nil, math.max(2, #key // 3) + 1
  for name in pairs(module) do
    if type(name) == "string" then
      local d = distance(key, name)
      if d < best_distance or (d == best_distance and best and name < best) then
        best, best_distance = name, d
      end
    end
  end
  return best
end

-- ---- the check

-- A field of a module, without tripping sumi check's strict access (which
-- raises on a missing field): nil when there is none.
local function field(module, key)
  local ok, value = pcall(function() return module[key] end)
  if ok then return value end
  return nil
end

--- members.find(source, name) -> a list of messages "name:line:col: ...",
--- one for each field read from a sumi module that the module lacks.
--- name is the script's path as messages show it.
function members.find(source, name)
  local by_table, by_name = {}, {}
  for _, module_name in ipairs(members.modules) do
    local ok, module = pcall(require, module_name)
    if ok and type(module) == "table" then
      by_table[module] = module_name
      by_name[module_name] = module
    end
  end
  local list = tokens(source)
  local bound = {}   -- local name -> module table
  local found = {}
  local function at(k) return list[k] or {} end

  -- The module an expression starting at token k stands for, and the token
  -- after it: require "sumi.x", require("sumi.x"), or a bound name with
  -- fields that are modules (sumi.chart).
  local function module_expression(k)
    local t = at(k)
    if t.kind == "name" and t.value == "require" then
      local s = at(k + 1)
      if s.kind == "string" then return by_name[s.value], k + 2 end
      if s.value == "(" and at(k + 2).kind == "string" and at(k + 3).value == ")" then
        return by_name[at(k + 2).value], k + 4
      end
      return nil, k + 1
    end
    if t.kind == "name" and bound[t.value] and at(k - 1).value ~= "." and at(k - 1).value ~= ":" then
      local module, j = bound[t.value], k + 1
      while at(j).value == "." and at(j + 1).kind == "name" do
        local value = field(module, at(j + 1).value)
        if type(value) ~= "table" or not by_table[value] then break end
        module, j = value, j + 2
      end
      return module, j
    end
    return nil, k + 1
  end

  local k = 1
  while k <= #list do
    local t = list[k]
    local declares = t.kind == "name" and t.value == "local"
    if declares and at(k + 1).kind == "name" and at(k + 1).value ~= "function" then
      -- local a [, b ...] = expr [, expr ...]: a name bound to a module
      -- expression is followed; any other declaration ends following it.
      local names, j = {}, k + 1
      while at(j).kind == "name" do
        names[#names + 1] = at(j).value
        if at(j + 1).value == "<" then j = j + 3 end -- <const>, <close>
        if at(j + 1).value ~= "," then break end
        j = j + 2
      end
      for _, local_name in ipairs(names) do bound[local_name] = nil end
      if at(j + 1).value == "=" then
        local e = j + 2
        for _, local_name in ipairs(names) do
          local module, after = module_expression(e)
          local ends = at(after).value == "," or at(after).kind ~= "op" or at(after).value == ";"
          if module and ends then bound[local_name] = module end
          if at(after).value ~= "," then break end
          e = after + 1
        end
      end
      k = k + 1
    elseif t.kind == "name" and bound[t.value] and at(k - 1).value ~= "." and at(k - 1).value ~= ":" then
      local module, j = bound[t.value], k + 1
      while at(j).value == "." and at(j + 1).kind == "name" do
        local key_token = at(j + 1)
        local assigned = at(j + 2).value == "="
        local value = field(module, key_token.value)
        if value == nil and not assigned then
          local hint = suggestion(module, key_token.value)
          found[#found + 1] = ("%s:%d:%d: %s has no '%s'%s"):format(name, key_token.line, key_token.col,
            by_table[module], key_token.value, hint and ("; did you mean '" .. hint .. "'?") or "")
          break
        end
        if type(value) ~= "table" or not by_table[value] then break end
        module, j = value, j + 2
      end
      k = j
    else
      k = k + 1
    end
  end
  return found
end

return members
