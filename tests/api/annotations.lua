-- Reads sumi's Lua language server annotation files (engine/types/*.lua)
-- and writes what they declare as two CSV files a sumi script can read:
--
--   functions.csv  owner,call,name,options_arg,options_class
--     owner: the module ("sumi.canvas") or class ("sumi.Canvas") the
--     function belongs to; call: "." for a module function, ":" for a
--     method; options_arg: the position of its options parameter (counting
--     from 1, self not counted), empty when it has none.
--   fields.csv     class,field
--     every field of every options class (a name ending in "Options"),
--     inherited fields included.
--
-- It also fails, naming file:line, on annotations the language server
-- would read differently from what the test assumes: a function without a
-- declared table, a ---@param naming no parameter, a parameter without a
-- ---@param, a class used but never declared.
--
-- usage: lua annotations.lua OUTDIR FILE.lua...
-- Plain Lua (5.1 to 5.4): it runs under the interpreter lua-check brings.

local outdir = arg[1]
local failures = {}
local function fail(where, message)
  failures[#failures + 1] = where .. ": " .. message
end

local classes = {}          -- name -> {parents = {...}, fields = {name = true}, where}
local functions = {}        -- list of {owner, call, name, options_arg, options_class, where}
local used_classes = {}     -- class name -> where first used

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local function note_types(text, where)
  for name in text:gmatch("sumi%.[%w_%.]+") do
    name = name:gsub("%.$", "")
    if not used_classes[name] then used_classes[name] = where end
  end
end

for i = 2, #arg do
  local path = arg[i]
  local chunk, syntax_error = loadfile(path)
  if not chunk then fail(path, "not valid Lua: " .. tostring(syntax_error)) end
  local file = assert(io.open(path, "r"))
  local lineno = 0
  local vars = {}           -- local table name -> class
  local current_class       -- the class ---@field lines add to
  local pending_class       -- a ---@class waiting for its `local x = {}`
  local params = {}         -- ---@param lines before a function: list of {name, type}
  for line in file:lines() do
    lineno = lineno + 1
    local where = path:match("[^/]+/[^/]+$") .. ":" .. lineno
    if lineno == 1 then
      if not line:match("^%-%-%-@meta") then fail(where, "an annotation file starts with ---@meta") end
    end
    local alias = line:match("^%-%-%-@alias%s+([%w_%.]+)")
    if alias then classes[alias] = classes[alias] or {parents = {}, fields = {}, where = where} end
    local class_decl = line:match("^%-%-%-@class%s+(.+)$")
    local field_name, field_rest = line:match("^%-%-%-@field%s+([%w_]+)%??%s+(.+)$")
    local param_name, param_rest = line:match("^%-%-%-@param%s+([%w_%.]+)%??%s+(.+)$")
    local local_table = line:match("^local%s+([%w_]+)%s*=%s*{}")
    local fn_owner, fn_call, fn_name, fn_params =
      line:match("^function%s+([%w_]+)([%.:])([%w_]+)%s*%(([^)]*)%)")
    if class_decl then
      local name, parents = class_decl:match("^([%w_%.]+)%s*:%s*(.+)$")
      if not name then name = class_decl:match("^([%w_%.]+)") end
      local c = classes[name] or {parents = {}, fields = {}, where = where}
      classes[name] = c
      if parents then
        for parent in parents:gmatch("[%w_%.]+") do c.parents[#c.parents + 1] = parent end
      end
      current_class, pending_class = name, name
    elseif field_name then
      if not current_class then
        fail(where, "---@field outside a ---@class")
      else
        classes[current_class].fields[field_name] = true
      end
      note_types(field_rest, where)
    elseif param_name then
      params[#params + 1] = {name = param_name, type = trim(param_rest):match("^(%S+)")}
      note_types(param_rest, where)
    elseif line:match("^%-%-%-@return") then
      note_types(line, where)
    elseif local_table then
      if pending_class then vars[local_table] = pending_class end
      pending_class, current_class = nil, nil
    elseif fn_owner then
      local owner = vars[fn_owner]
      if not owner then fail(where, "function on '" .. fn_owner .. "', a table no ---@class declares") end
      local names = {}
      for p in fn_params:gmatch("[%w_%.]+") do names[#names + 1] = p end
      local options_arg, options_class
      for k, p in ipairs(params) do
        if names[k] ~= p.name then
          fail(where, ("---@param %s does not match parameter %d (%s)"):format(
            p.name, k, tostring(names[k])))
        end
        local class = p.type:match("^(sumi%.[%w_]*Options)%??$")
        if class then options_arg, options_class = k, class end
      end
      if #names ~= #params then
        fail(where, ("%d parameters, %d ---@param lines"):format(#names, #params))
      end
      functions[#functions + 1] = {owner = owner or "?", call = fn_call, name = fn_name,
                                   options_arg = options_arg, options_class = options_class,
                                   where = where}
      params, current_class, pending_class = {}, nil, nil
    elseif not line:match("^%-%-%-") then
      if trim(line) ~= "" and not line:match("^return ") and not line:match("^%-%-") then
        -- anything else is a statement the language server would not read as a declaration
        if not line:match("^local ") then fail(where, "unexpected line: " .. line) end
      end
      if trim(line) == "" then current_class = nil end
      params = {}
    end
  end
  file:close()
end

for name, where in pairs(used_classes) do
  if not classes[name] and not name:match("^sumi%.[a-z_%.]+$") then
    fail(where, "class " .. name .. " is used but not declared")
  end
end

-- Fields with those of the parents, and their parents'.
local function all_fields(name, into, depth)
  local c = classes[name]
  if not c or depth > 10 then return into end
  for f in pairs(c.fields) do into[f] = true end
  for _, parent in ipairs(c.parents) do all_fields(parent, into, depth + 1) end
  return into
end

if #failures > 0 then
  table.sort(failures)
  io.stderr:write(table.concat(failures, "\n"), "\n")
  os.exit(1)
end

local out = assert(io.open(outdir .. "/functions.csv", "w"))
out:write("owner,call,name,options_arg,options_class,where\n")
table.sort(functions, function(a, b)
  return a.owner .. a.call .. a.name < b.owner .. b.call .. b.name
end)
for _, f in ipairs(functions) do
  out:write(("%s,%s,%s,%s,%s,%s\n"):format(f.owner, f.call, f.name, f.options_arg or "",
                                          f.options_class or "", f.where))
end
out:close()

out = assert(io.open(outdir .. "/fields.csv", "w"))
out:write("class,field\n")
local names = {}
for name in pairs(classes) do
  if name:match("Options$") then names[#names + 1] = name end
end
table.sort(names)
for _, name in ipairs(names) do
  local fields = {}
  for f in pairs(all_fields(name, {}, 0)) do fields[#fields + 1] = f end
  table.sort(fields)
  for _, f in ipairs(fields) do out:write(name, ",", f, "\n") end
end
out:close()
