-- The sandbox: what DESIGN.md says scripts must not reach is absent, and
-- load() takes text only (CVE-2022-0543 came from a reachable package).
local check = require "check"
local test = check.test

test("io, package and debug are absent", function()
  check.equal(io, nil, "io")
  check.equal(package, nil, "package")
  check.equal(debug, nil, "debug")
end)

test("os keeps no way to run programs, touch files or read the environment", function()
  for _, name in ipairs{"execute", "remove", "rename", "tmpname", "getenv", "setlocale"} do
    check.equal(os[name], nil, "os." .. name)
  end
end)

test("os keeps its clock and date functions", function()
  for _, name in ipairs{"clock", "date", "difftime", "time", "exit"} do
    check.equal(type(os[name]), "function", "os." .. name)
  end
end)

test("string.dump, dofile and loadfile are absent", function()
  check.equal(string.dump, nil, "string.dump")
  check.equal(dofile, nil, "dofile")
  check.equal(loadfile, nil, "loadfile")
end)

test("load of a binary chunk fails", function()
  local chunk, message = load("\27Lua\84\0junk")
  check.equal(chunk, nil, "load(binary) result")
  check.is_true(tostring(message):find("binary chunk", 1, true), "load(binary) message")
end)

test("load refuses a binary mode", function()
  check.errors(function() load("return 1", "x", "b") end, "only text chunks", "mode 'b'")
  check.errors(function() load("return 1", "x", "bt") end, "only text chunks", "mode 'bt'")
end)

test("load of text works, with a chunk name, mode 't' and an environment", function()
  check.equal(load("return 6 * 7")(), 42, "load(text)")
  check.equal(load("return x", "=chunk", "t", {x = 5})(), 5, "load with env")
  local parts, i = {"return ", "1 + ", "2"}, 0
  local reader = function() i = i + 1; return parts[i] end
  check.equal(load(reader)(), 3, "load(reader function)")
end)

test("a syntax error in loaded text is returned, not raised", function()
  local chunk, message = load("return +")
  check.equal(chunk, nil, "chunk")
  check.is_true(message:find("unexpected symbol", 1, true), "message")
end)

test("collectgarbage counts and collects but cannot retune or stop the collector", function()
  check.equal(type(collectgarbage("count")), "number", "count")
  collectgarbage()
  collectgarbage("collect")
  collectgarbage("step")
  check.equal(collectgarbage("isrunning"), true, "isrunning")
  for _, option in ipairs({"stop", "restart", "incremental", "generational", "setpause", "setstepmul"}) do
    check.errors(function() collectgarbage(option) end, "is not available in the sandbox", option)
  end
  check.equal(collectgarbage("isrunning"), true, "still running")
end)

check.done()
