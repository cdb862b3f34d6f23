-- What each function made by sumi.format.formatter was made of, so that a
-- document's workbook can give a table column the Excel format that shows
-- what the PDF shows (sumi.internal.document.workbook). Keys are weak: a
-- formatter the script drops is forgotten.
local formatters = {}

local made = setmetatable({}, {__mode = "k"})

--- formatters.record(fn, name, args): fn is format[name] with args (a
--- table.pack) after the value.
function formatters.record(fn, name, args)
  made[fn] = {name = name, args = args}
end

--- formatters.of(fn) -> {name, args}, or nil for a function of another maker.
function formatters.of(fn)
  return made[fn]
end

return formatters
