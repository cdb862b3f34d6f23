-- check: the assertions of sumi's Lua tests. A test script is a list of
-- named cases:
--
--   local check = require "check"
--   check.test("percent rounds to one decimal", function()
--     check.equal(format.percent(1509 / 3755), "40.2%", "1509 / 3755")
--   end)
--   check.done()
--
-- Every case runs even when an earlier one fails; check.done() then raises
-- an error listing the failed cases, so the script (and ctest) fails.
-- Failures print as "not ok - NAME: file:line: WHAT: expected ..., got ...".
local check = {}

local cases, failed = 0, {}

local function show(value)
  if type(value) == "string" then
    return ("%q"):format(value)
  elseif math.type(value) == "float" then
    local short = ("%.14g"):format(value) -- enough digits to tell values apart
    return tonumber(short) == value and short or ("%.17g"):format(value)
  end
  return tostring(value)
end

-- Raises "WHAT: message" at the line of the test that called a check.
local function fail(what, message)
  error(("%s: %s"):format(what or "check", message), 3)
end

--- actual == expected (raw equality: 3 == 3.0, tables by identity).
function check.equal(actual, expected, what)
  if actual ~= expected then
    fail(what, ("expected %s, got %s"):format(show(expected), show(actual)))
  end
  return actual
end

--- |actual - expected| <= tolerance, both numbers.
function check.near(actual, expected, tolerance, what)
  if type(actual) ~= "number" or type(expected) ~= "number" then
    fail(what, ("expected a number near %s, got %s"):format(show(expected), show(actual)))
  end
  local difference = math.abs(actual - expected)
  if difference ~= difference or difference > tolerance then -- NaN fails too
    fail(what, ("expected %s (within %s), got %s"):format(show(expected), show(tolerance),
                                                         show(actual)))
  end
  return actual
end

--- value is truthy.
function check.is_true(value, what)
  if not value then
    fail(what, ("expected a true value, got %s"):format(show(value)))
  end
  return value
end

--- a < b.
function check.less(a, b, what)
  if a ~= a or b ~= b or a >= b then -- NaN fails too
    fail(what, ("expected %s < %s"):format(show(a), show(b)))
  end
end

--- fn() raises an error whose message contains substring (plain text, not a
--- pattern). Returns the message.
function check.errors(fn, substring, what)
  local ok, err = pcall(fn)
  if ok then
    fail(what, ("expected an error containing %s, but none was raised"):format(show(substring)))
  end
  local message = type(err) == "string" and err or tostring(err)
  if not message:find(substring, 1, true) then
    fail(what, ("expected an error containing %s, got %s"):format(show(substring), show(message)))
  end
  return message
end

--- "file:line: " of the line that calls check.here(), to compare with the
--- start of an error message raised on that line.
function check.here()
  local _, where = pcall(error, "", 3)
  return where
end

--- The message of the error fn() raises (an assertion when it raises none).
function check.message_of(fn)
  local ok, message = pcall(fn)
  assert(not ok, "no error was raised")
  return message
end

--- Runs one named case; a failure is recorded and printed, not raised.
function check.test(name, fn)
  cases = cases + 1
  local ok, err = pcall(fn)
  if ok then
    print("ok - " .. name)
  else
    failed[#failed + 1] = name
    print(("not ok - %s: %s"):format(name, tostring(err)))
  end
end

--- Ends the script: an error naming the failed cases, if any.
function check.done()
  if #failed > 0 then
    error(("%d of %d cases failed: %s"):format(#failed, cases, table.concat(failed, "; ")), 0)
  end
  print(("all %d cases passed"):format(cases))
end

return check
