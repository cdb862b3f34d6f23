-- Arrays of records (Lua tables, one a row) read as columns: what the
-- charts take besides datasets.
local errors = require "sumi.internal.errors"
local records = {}

--- records.columns(rows, names, fn) -> columns, n: columns[name] is
--- an array of the rows' values ({n = n}, nil where a row has none). A row
--- that is not a table, or a name no row has, is an error naming fn, raised
--- at `level` counted from the caller of records.columns.
function records.columns(rows, names, fn)
  local n, seen = #rows, {}
  for i, row in ipairs(rows) do
    if type(row) ~= "table" then
      errors.raise(("%s: record %d is a %s, not a table"):format(fn, i, type(row)))
    end
    for k in pairs(row) do seen[k] = true end
  end
  local columns = {}
  for _, name in ipairs(names) do
    if n > 0 and not seen[name] then
      local keys = {}
      for k in pairs(seen) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      errors.raise(("%s: no field '%s' in the records (fields: %s)"):format(fn, name, table.concat(keys,
        ", ")))
    end
    local values = {n = n}
    for i, row in ipairs(rows) do values[i] = row[name] end
    columns[name] = values
  end
  return columns, n
end

return records
