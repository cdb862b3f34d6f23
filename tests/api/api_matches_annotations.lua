-- The annotation files (engine/types) against the running engine:
--   1. every function of every public module, and every method of every
--      object a script gets, is annotated, and everything annotated exists;
--   2. every annotated options class lists exactly the options the function
--      accepts: the function is called with an unknown option, and the list
--      of valid options in its error is compared with the class's fields;
--   3. every public function, given a bad argument or option, raises an
--      error whose first location is the caller's line (here, a line of a
--      probe module), never a file of the engine.
-- run.sh writes data/functions.csv and data/fields.csv from the annotation
-- files, data/modules.csv (the public modules) and data/c_names.csv (the
-- names of C functions, candidates for methods of objects made in C).
-- The calls are in probes/*.lua: each returns {objects = {class = make},
-- calls = {["owner.name" or "Class:name"] = function(options) or a reason}}.
local sumi = require "sumi"

local failures = {}
local function expect(ok, what)
  if not ok then failures[#failures + 1] = what end
end

local function read(name)
  local ds = sumi.data.read_csv("data/" .. name)
  local rows = {}
  for _, row in ipairs(ds:rows()) do rows[#rows + 1] = row end
  return rows
end

local annotated = {}        -- "owner.name" / "Class:name" -> row
for _, row in ipairs(read("functions.csv")) do
  annotated[row.owner .. row.call .. row.name] = row
end
local fields = {}           -- class -> set of fields
for _, row in ipairs(read("fields.csv")) do
  fields[row.class] = fields[row.class] or {}
  fields[row.class][row.field] = true
end

local probes = {"sumi", "canvas", "data", "chart", "document", "misc", "date"}
local objects, calls = {}, {}
for _, name in ipairs(probes) do
  local ok, probe = pcall(require, "probes." .. name)
  if ok then
    for k, v in pairs(probe.objects or {}) do objects[k] = v end
    for k, v in pairs(probe.calls or {}) do
      expect(calls[k] == nil, "one probe for " .. k)
      calls[k] = v
    end
  else
    expect(false, "probe module probes/" .. name .. ".lua loads: " .. tostring(probe))
  end
end

-- 1. The surface.
local runtime_names = {}    -- key -> true
for _, row in ipairs(read("modules.csv")) do
  local module = row.module == "sumi" and sumi or require(row.module)
  for key, value in pairs(module) do
    if type(value) == "function" then runtime_names[row.module .. "." .. key] = true end
  end
end
local c_names = {}
for _, row in ipairs(read("c_names.csv")) do c_names[#c_names + 1] = row.name end

-- An object made only to be probed is dropped afterwards, so that a chart
-- or document never drawn does not warn.
local function drop(object)
  local ok, discard = pcall(function() return object.discard end)
  if ok and type(discard) == "function" then pcall(discard, object) end
end

local object_of = {}
for class, make in pairs(objects) do
  local object = make()
  object_of[class] = object
  drop(object)
  local mt = getmetatable(object)
  local index = type(mt) == "table" and mt.__index or nil
  if type(object) == "table" and type(index) == "table" then
    for key, value in pairs(index) do
      if type(value) == "function" and not key:match("^__") then runtime_names[class .. ":" .. key] = true end
    end
  else
    -- An object made in C hides its metatable: its methods are found by name.
    for _, name in ipairs(c_names) do
      if object[name] ~= nil then runtime_names[class .. ":" .. name] = true end
    end
  end
end
for key in pairs(runtime_names) do
  expect(annotated[key] ~= nil, key .. " is annotated")
end
for key, row in pairs(annotated) do
  local owner_known = row.call == "." or object_of[row.owner] ~= nil
  expect(owner_known, key .. ": probes make a " .. row.owner .. " to try it on")
  if owner_known then expect(runtime_names[key], key .. " (" .. row.where .. ") exists") end
end

-- 2 and 3. Options and blame.
local function first_location(message)
  return tostring(message):match("^([^:\n]+%.lua):%d+:")
end
local unknown = "zz_not_an_option"
for key, row in pairs(annotated) do
  local call = calls[key]
  expect(call ~= nil, key .. " has a probe")
  if type(call) == "function" then
    local args = {}
    if row.options_class ~= "" and row.options_class ~= nil then args[1] = {[unknown] = true} end
    local object = row.call == ":" and objects[row.owner] and objects[row.owner]() or nil
    local ok, message
    if object ~= nil then
      ok, message = pcall(call, object, table.unpack(args))
    else
      ok, message = pcall(call, table.unpack(args))
    end
    if object ~= nil then drop(object) end
    expect(not ok, key .. ": the probe's call fails")
    local where = first_location(message)
    expect(where and where:match("^probes/") ~= nil,
                 key .. ": the error names the caller first: " .. tostring(message):match("^[^\n]*"))
    if row.options_class ~= "" and row.options_class ~= nil then
      local valid = tostring(message):match("unknown option '" .. unknown .. "' %(valid options: ([^)]*)%)")
      expect(valid ~= nil, key .. ": an unknown option is refused with the list of valid ones: "
                   .. tostring(message):match("^[^\n]*"))
      if valid then
        local accepted = {}
        for name in valid:gmatch("[^,%s]+") do
          accepted[name] = true
          expect(fields[row.options_class] and fields[row.options_class][name],
                       key .. ": option '" .. name .. "' is a field of " .. row.options_class)
        end
        for name in pairs(fields[row.options_class] or {}) do
          expect(accepted[name], key .. ": " .. row.options_class .. "." .. name .. " is an option it takes")
        end
      end
    end
  else
    expect(type(call) == "string" and #call > 10, key .. ": a probe or the reason there is none")
  end
end
table.sort(failures)
for _, f in ipairs(failures) do print("not ok - " .. f) end
if #failures > 0 then error(#failures .. " annotation or probe failures", 0) end
print("ok - " .. #(function() local n = {} for k in pairs(annotated) do n[#n + 1] = k end return n end)()
      .. " functions annotated, probed and blamed on the caller")
