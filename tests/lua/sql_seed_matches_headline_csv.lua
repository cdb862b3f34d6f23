-- data/waic2025.sql, built into a SQLite database (-p waic=PATH): its
-- headline view holds the same rows as data/waic2025_headline.csv, every
-- figure cites a source, and the players and unicorn fields are there.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test = check.test

local db = assert(sumi.params.waic, "run with -p waic=PATH")

test("the headline view equals the CSV, value by value", function()
  local csv = data.read_csv("../../data/waic2025_headline.csv")
  local sql = data.query_sqlite(db, "SELECT * FROM headline")
  check.equal(table.concat(sql:names(), ","), table.concat(csv:names(), ","), "columns")
  check.equal(#sql, #csv, "rows")
  for r = 1, #csv do
    local a, b = csv:row(r), sql:row(r)
    for _, name in ipairs(csv:names()) do
      check.equal(b[name], a[name], ("row %d %s"):format(r, name))
    end
  end
end)

test("figures are integers, 700 billion yuan included", function()
  local ds = data.query_sqlite(db, "SELECT value FROM figures WHERE metric = ?", {"ai_industry_size"})
  check.equal(ds:type("value"), "integer", "type")
  check.equal(ds:row(1).value, 700000000000, "industry size")
end)

test("China's shares are computed from the figures", function()
  local ds = data.query_sqlite(db, [[
    SELECT c.metric, c.value AS china, w.value AS world
    FROM figures c JOIN figures w ON w.metric = c.metric AND w.scope = 'world'
    WHERE c.scope = 'china' ORDER BY c.position]])
  check.equal(#ds, 2, "metrics with a world figure")
  local models, unicorns = ds:row(1), ds:row(2)
  check.equal(("%.1f%%"):format(100 * models.china / models.world), "40.2%", "models")
  check.equal(("%.1f%%"):format(100 * unicorns.china / unicorns.world), "26.2%", "unicorns")
  check.equal(models.world - models.china, 2246, "models outside China")
  check.equal(unicorns.world - unicorns.china, 200, "unicorns outside China")
end)

test("every figure cites a source with a publisher", function()
  local ds = data.query_sqlite(db, [[
    SELECT count(*) AS missing FROM figures f LEFT JOIN sources s ON s.id = f.source_id
    WHERE s.publisher IS NULL]])
  check.equal(ds:row(1).missing, 0, "figures without a source")
end)

test("players hold the companies of FACTS.md, founded only where reported", function()
  local ds = data.query_sqlite(db, "SELECT company, models, founded FROM players ORDER BY company")
  check.equal(#ds, 10, "players")
  check.equal(ds:type("founded"), "integer", "founded")
  local deepseek = data.query_sqlite(db, "SELECT * FROM players WHERE company = :c", {c = "DeepSeek"})
  check.equal(deepseek:row(1).founded, 2023, "DeepSeek founded")
  local alibaba = data.query_sqlite(db, "SELECT * FROM players WHERE company = :c", {c = "Alibaba"})
  check.equal(alibaba:row(1).founded, nil, "Alibaba: not reported")
  check.is_true(alibaba:row(1).models:find("通義千問", 1, true) ~= nil, "Qwen's Chinese name")
end)

test("the five unicorn fields are listed without counts", function()
  local ds = data.query_sqlite(db, "SELECT * FROM unicorn_fields ORDER BY position")
  check.equal(#ds, 5, "fields")
  check.equal(table.concat(ds:names(), ","), "position,field,source_id", "columns: no count")
end)

check.done()
