-- The WAIC 2025 figures the briefing and the slide deck share: the
-- headline CSV, the SQLite database built from data/waic2025.sql, and the
-- comparisons computed from them (never typed).
--
--   local waic = require "waic_data"
--   local models = waic.compared("large_ai_models")  -- value, world, share, rest
local sumi = require "sumi"

local data = sumi.data
local waic = {}

--- waic.query(sql [, params]) -> dataset from data/waic2025.db; a missing
--- or stale database says how to build it (at the caller's line).
function waic.query(sql, params)
  local ok, result = pcall(data.query_sqlite, "../data/waic2025.db", sql, params)
  if not ok then
    error(("%s (build the database with: sqlite3 data/waic2025.db < data/waic2025.sql)")
      :format(result), 2)
  end
  return result
end

local figures, versus

--- waic.figures() -> the headline figures: one row per figure, with who
--- reported it (read once).
function waic.figures()
  if not figures then
    figures = data.read_csv("../data/waic2025_headline.csv", {
      title = "WAIC 2025 headline figures",
      columns = {value = {notes = "as reported; shares in percent"}},
    })
  end
  return figures
end

--- waic.figure(metric [, scope]) -> the one row of metric for scope
--- ("china" by default).
function waic.figure(metric, scope)
  local rows = waic.figures():where("metric", "==", metric):where("scope", "==", scope or "china")
  if #rows ~= 1 then
    error(("data/waic2025_headline.csv has %d rows for '%s' (%s)"):format(#rows, metric, scope), 2)
  end
  return rows:row(1)
end

--- waic.versus() -> China beside the world, one row per figure reported
--- for both: metric, value, world, share, rest (computed once).
function waic.versus()
  if not versus then
    local all = waic.figures()
    local world = all:where("scope", "==", "world"):select("metric", "value"):rename{value = "world"}
    versus = all:where("scope", "==", "china"):select("metric", "value")
      :join(world, "metric")
      :calc("share", "value", "/", "world")
      :calc("rest", "world", "-", "value")
  end
  return versus
end

--- waic.compared(metric) -> the row of waic.versus() for metric.
function waic.compared(metric)
  return waic.versus():where("metric", "==", metric):row(1)
end

-- Japanese for the qualifiers the sources use: "about 15" -> 約15,
-- "more than 5,100" -> 5,100超.
local qualifier_ja = {["more than"] = {after = "超"}, above = {after = "超"}, about = {before = "約"},
                      ["at least"] = {after = "以上"}}

--- waic.approx(row, text [, qualifiers]) -> text with the row's qualifier
--- in words: qualifiers maps each qualifier of the data to the word put
--- {before = ...} or {after = ...} the figure (default: Japanese).
function waic.approx(row, text, qualifiers)
  local q = (qualifiers or qualifier_ja)[row.qualifier or ""]
  if not q then return text end
  return (q.before or "") .. text .. (q.after or "")
end

return waic
