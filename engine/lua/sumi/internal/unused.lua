-- What a script made and never used: a document never saved is a report
-- that silently does not exist, a chart never drawn a figure missing from
-- it. Each is recorded with the line that made
-- it; the runtime asks, when the script has succeeded, for what is left,
-- and warns at those lines.
local runtime = require "sumi.runtime"

local unused = {}

local made = {}   -- object -> {what, where}
local order = {}  -- the objects in the order they were made

--- unused.track(object, what, where [, filled [, lost]]): object, made at
--- `where` ("report.lua:12: "), is `what` ("document.new") until
--- unused.used; filled(object), when given, says whether it holds anything
--- (an empty document left unsaved loses nothing, and is not reported);
--- lost says what the warning says after "<what> made here" (default: "is
--- never saved: it writes nothing").
function unused.track(object, what, where, filled, lost)
  if where == nil or where == "" or made[object] then return end
  made[object] = {what = what, where = where, filled = filled,
                  lost = lost or "is never saved: it writes nothing"}
  order[#order + 1] = object
end

function unused.used(object)
  made[object] = nil
end

--- unused.report(): a warning for each object made and never used, at
--- the line that made it. Called by the runtime after the script.
function unused.report()
  for _, object in ipairs(order) do
    local m = made[object]
    if m and (not m.filled or m.filled(object)) then
      runtime.blame(m.where, runtime.warn, ("%s made here %s"):format(m.what, m.lost))
      made[object] = nil
    end
  end
  order = {}
end

return unused
