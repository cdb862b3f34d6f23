-- Probes for sumi.date (engine/types/date.lua). Calls are statements, not
-- `return f(...)`: a tail call would leave no line of this file to blame.
local date = require "sumi.date"

return {
  calls = {
    ["sumi.date.parse"] = function() date.parse("2025-02-30") end,
    ["sumi.date.kind"] = "never raises: it answers nil for what is not a date, month or quarter",
    ["sumi.date.date"] = function() date.date(2025, 13, 1) end,
    ["sumi.date.month"] = function() date.month(2025, 0) end,
    ["sumi.date.quarter"] = function() date.quarter(2025, 5) end,
    ["sumi.date.parts"] = function() date.parts("soon") end,
    ["sumi.date.days"] = function() date.days({}) end,
    ["sumi.date.from_days"] = function() date.from_days("ten") end,
    ["sumi.date.from_epoch"] = function() date.from_epoch(0 / 0) end,
    ["sumi.date.add_days"] = function() date.add_days("2025-01-31", 1.5) end,
    ["sumi.date.add_months"] = function() date.add_months("2025-01-31", "one") end,
    ["sumi.date.add_quarters"] = function() date.add_quarters("2025Q5", 1) end,
    ["sumi.date.add_years"] = function() date.add_years(nil, 1) end,
    ["sumi.date.days_between"] = function() date.days_between("2025-03", "2025-04-01") end,
    ["sumi.date.months_between"] = function() date.months_between("2025-03", "2025Q2") end,
    ["sumi.date.weekday"] = function() date.weekday("2025-02-29") end,
    ["sumi.date.week_start"] = function(o) date.week_start("2025-03-05", o) end,
    ["sumi.date.iso_week"] = function() date.iso_week(20250305) end,
    ["sumi.date.fiscal_year"] = function(o) date.fiscal_year("2025-03-05", o) end,
    ["sumi.date.fiscal_quarter"] = function(o) date.fiscal_quarter("2025-03-05", o) end,
    ["sumi.date.fiscal_year_label"] = function(o) date.fiscal_year_label("2025-03-05", o) end,
    ["sumi.date.fiscal_quarter_label"] = function(o) date.fiscal_quarter_label(2025, 1, o) end,
    ["sumi.date.first_day"] = function(o) date.first_day("2025-03-05", "fiscal_year", o) end,
    ["sumi.date.last_day"] = function(o) date.last_day("2025-03-05", "week", o) end,
    ["sumi.date.range"] = function() date.range("2025-01", "2025-03-01") end,
    ["sumi.date.era_year"] = function() date.era_year("1850-01-01") end,
    ["sumi.date.era"] = function(o) date.era("2025-03-05", o) end,
  },
}
