-- Reads a batch manifest (the table a manifest file returns) into the jobs
-- `sumi batch` runs: defaults applied, the matrix expanded, names and
-- outputs filled in from their templates, paths taken from the manifest's
-- folder. The manifest is data written by hand, so every mistake is an
-- error naming its key: "jobs[3]: unknown key 'outptu' (valid keys: ...)".
local options = require "sumi.internal.options"
local sorted_keys = options.sorted_keys

local manifest = {}

local TOP_KEYS = {date = true, defaults = true, jobs = true, matrix = true}
local JOB_KEYS = {name = true, script = true, params = true, output = true}
local TOP_LIST = "date, defaults, jobs, matrix"
local JOB_LIST = "name, output, params, script"

-- A matrix of 10 languages x 12 months x 50 regions is 6,000 jobs; a limit
-- far above that stops a typo (a list repeated by mistake) before it
-- allocates millions.
local MAX_JOBS = 100000

local function fail(where, fmt, ...)
  local msg = fmt:format(...)
  if where then msg = where .. ": " .. msg end
  error(msg, 0)
end

local function check_keys(t, allowed, list, where)
  local key = options.unknown_key(t, allowed)
  if key ~= nil then fail(where, "unknown key '%s' (valid keys: %s)", tostring(key), list) end
end

local function check_list(t, where)
  local n = #t
  for key in pairs(t) do
    if math.type(key) ~= "integer" or key < 1 or key > n then
      fail(where, "a list of values expected, but it has the key '%s'", tostring(key))
    end
  end
  return n
end

-- Parameters are strings, as on the command line (-p key=value).
local function scalar(v, where)
  local kind = type(v)
  if kind == "string" then return v end
  if kind == "number" then
    if math.type(v) == "integer" then return ("%d"):format(v) end
    if v ~= v or v == math.huge or v == -math.huge then fail(where, "not a finite number") end
    return ("%.14g"):format(v)
  end
  if kind == "boolean" then return tostring(v) end
  fail(where, "a string, number or boolean expected, got %s", kind)
end

local function param_name(key, where)
  if type(key) ~= "string" or not key:match("^[%a_][%w_]*$") then
    fail(where, "bad parameter name '%s' (letters, digits and _, not starting with a digit)",
      tostring(key))
  end
  return key
end


local function read_params(t, where, into)
  if t == nil then return into end
  if type(t) ~= "table" then fail(where, "a table of parameters expected, got %s", type(t)) end
  for _, key in ipairs(sorted_keys(t)) do
    param_name(key, where)
    into[key] = scalar(t[key], where .. "." .. key)
  end
  return into
end

local function optional_string(t, key, where)
  local v = t[key]
  if v ~= nil and (type(v) ~= "string" or v == "") then
    fail(where, "'%s' must be a non-empty string, got %s", key,
      type(v) == "string" and "''" or type(v))
  end
  return v
end

-- "2025-07-28" -> itself, or an error: the date becomes SOURCE_DATE_EPOCH.
local function check_date(date, where)
  if type(date) ~= "string" then fail(where, "'date' must be a string YYYY-MM-DD, got %s", type(date)) end
  local y, m, d = date:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local leap = y and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0))
  local days = {31, leap and 29 or 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
  if not y or y < 1970 or m < 1 or m > 12 or d < 1 or d > days[m] then
    fail(where, "bad date '%s' (YYYY-MM-DD from 1970 on expected)", date)
  end
  return date
end

-- Fills {name}, {date} and {param.KEY} in a template; vars holds the
-- placeholders this field may use.
local function fill(template, where, field, vars, params)
  return (template:gsub("{([^{}]*)}", function(key)
    if vars[key] then return vars[key] end
    local param = key:match("^param%.(.+)$")
    if param then
      local v = params[param]
      if v == nil then fail(where, "%s: {%s} names no parameter of this job", field, key) end
      return v
    end
    local valid = {}
    for k in pairs(vars) do valid[#valid + 1] = "{" .. k .. "}" end
    table.sort(valid)
    valid[#valid + 1] = "{param.KEY}"
    fail(where, "%s: unknown placeholder '{%s}' (%s)", field, key, table.concat(valid, ", "))
  end))
end

-- Names become file names and --only patterns: no spaces, no slashes.
local function check_name(name, where)
  if not name:match("^[%w_\128-\255][%w._+@=,%-\128-\255]*$") then
    fail(where, "bad job name '%s' (letters, digits and . _ - + @ = , expected, starting with a "
      .. "letter, digit or _)", name)
  end
  return name
end

-- dir/path with "." parts dropped and "x/.." folded, so that two spellings
-- of one output are seen as one.
local function join(dir, path)
  if path:sub(1, 1) ~= "/" and dir ~= "." then path = dir .. "/" .. path end
  local absolute = path:sub(1, 1) == "/"
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." and #parts > 0 and parts[#parts] ~= ".." then
      parts[#parts] = nil
    elseif part ~= "." and not (part == ".." and absolute) then
      parts[#parts + 1] = part
    end
  end
  local joined = table.concat(parts, "/")
  if absolute then return "/" .. joined end
  return joined ~= "" and joined or "."
end

-- The matrix as {keys = {...}, combinations = {{key = value}, ...}}: keys
-- in alphabetical order, the first varying slowest.
local function expand_matrix(matrix)
  local combinations = {{}}
  if matrix == nil then return {}, combinations end
  if type(matrix) ~= "table" then fail(nil, "'matrix' must be a table, got %s", type(matrix)) end
  local keys = sorted_keys(matrix)
  if #keys == 0 then fail(nil, "'matrix' is empty") end
  for _, key in ipairs(keys) do
    local where = "matrix." .. tostring(key)
    param_name(key, "matrix")
    local values = matrix[key]
    if type(values) ~= "table" then fail(where, "a list of values expected, got %s", type(values)) end
    local n = check_list(values, where)
    if n == 0 then fail(where, "the list is empty") end
    local grown = {}
    for _, combination in ipairs(combinations) do
      for i = 1, n do
        local c = {}
        for k, v in pairs(combination) do c[k] = v end
        c[key] = scalar(values[i], ("%s[%d]"):format(where, i))
        grown[#grown + 1] = c
      end
      if #grown > MAX_JOBS then fail(nil, "the matrix makes more than %d jobs", MAX_JOBS) end
    end
    combinations = grown
  end
  return keys, combinations
end

--- Expands manifest m. o.dir is the manifest's folder; o.env_date the date
--- of SOURCE_DATE_EPOCH (or nil), o.today today's date in UTC. Returns the
--- date of the run and the jobs, each {name, script, output, params, where},
--- params a sorted list of "key=value" strings. Raises an error naming the
--- key on any mistake.
function manifest.expand(m, o)
  if type(m) ~= "table" then fail(nil, "the manifest must return a table, got %s", type(m)) end
  check_keys(m, TOP_KEYS, TOP_LIST, nil)
  if m.date ~= nil then check_date(m.date, nil) end
  local date = o.env_date or m.date or o.today
  local defaults = m.defaults or {}
  if type(defaults) ~= "table" then fail(nil, "'defaults' must be a table, got %s", type(defaults)) end
  check_keys(defaults, JOB_KEYS, JOB_LIST, "defaults")
  for _, key in ipairs({"name", "script", "output"}) do optional_string(defaults, key, "defaults") end
  local base_params = read_params(defaults.params, "defaults.params", {})
  local matrix_keys, combinations = expand_matrix(m.matrix)

  local entries = m.jobs
  if entries == nil then
    if m.matrix == nil then
      fail(nil, "no jobs (give 'jobs', or a 'matrix' and the job in 'defaults')")
    end
    entries = {{}}
  elseif type(entries) ~= "table" then
    fail(nil, "'jobs' must be a list of tables, got %s", type(entries))
  end
  local count = check_list(entries, "jobs")
  if count == 0 then fail(nil, "'jobs' is empty") end

  local jobs, by_name, by_output = {}, {}, {}
  for i = 1, count do
    local job = entries[i]
    local where = m.jobs and ("jobs[%d]"):format(i) or "defaults"
    if type(job) ~= "table" then fail(where, "a table expected, got %s", type(job)) end
    check_keys(job, JOB_KEYS, JOB_LIST, where)
    for _, key in ipairs({"name", "script", "output"}) do optional_string(job, key, where) end
    local script = job.script or defaults.script
    if not script then fail(where, "no script (give 'script' here or in 'defaults')") end
    local output = job.output or defaults.output
    if not output then fail(where, "no output (give 'output' here or in 'defaults')") end
    if output:sub(-1) == "/" then fail(where, "output '%s' names a folder, not a file", output) end
    local name_template = job.name or defaults.name
    if not name_template then fail(where, "no name (give 'name' here or a template in 'defaults')") end
    local params = {}
    for k, v in pairs(base_params) do params[k] = v end
    read_params(job.params, where .. ".params", params)
    for _, combination in ipairs(combinations) do
      local p, label = {}, {}
      for k, v in pairs(params) do p[k] = v end
      for _, key in ipairs(matrix_keys) do
        p[key] = combination[key]
        label[#label + 1] = key .. "=" .. combination[key]
      end
      local at = #label > 0 and ("%s (%s)"):format(where, table.concat(label, ", ")) or where
      local name = check_name(fill(name_template, at, "name", {}, p), at)
      local path = join(o.dir, fill(output, at, "output", {name = name, date = date}, p))
      if by_name[name] then fail(nil, "two jobs are named '%s' (%s and %s)", name, by_name[name], at) end
      if by_output[path] then
        fail(nil, "jobs '%s' and '%s' both write '%s'", by_output[path], name, path)
      end
      by_name[name], by_output[path] = at, name
      local list = {}
      for _, key in ipairs(sorted_keys(p)) do list[#list + 1] = key .. "=" .. p[key] end
      jobs[#jobs + 1] = {name = name, script = join(o.dir, script), output = path,
        params = list, where = at}
      if #jobs > MAX_JOBS then fail(nil, "the manifest makes more than %d jobs", MAX_JOBS) end
    end
  end
  return date, jobs
end

return manifest
