-- The flagship briefing for each recipient, at the month-end dates of a
-- quarter: 4 recipients x 2 dates = 8 PDFs under reports/briefings/.
--
--   sumi batch scripts/briefings.manifest.lua -j 2 --report reports/briefings/report.jsonl
--
-- Paths are taken from this file's folder (scripts/). The matrix expands
-- every entry of `jobs` once per date; its values become the parameter
-- `date` of that job, and {param.date} in its name and output.
return {
  -- The PDFs' creation date (SOURCE_DATE_EPOCH, unless the environment
  -- sets one), so that every rerun writes the same bytes.
  date = "2025-08-29",
  defaults = {
    script = "china_ai_briefing.lua",
    output = "../reports/briefings/{name}.pdf",
    params = {confidential = "社外秘"},
  },
  matrix = {
    date = {"2025-07-31", "2025-08-29"},
  },
  jobs = {
    {name = "tokyo-{param.date}", params = {recipient = "東京本社 投資戦略部"}},
    {name = "osaka-{param.date}", params = {recipient = "大阪支社 法人営業部"}},
    {name = "singapore-{param.date}", params = {recipient = "シンガポール拠点 アジア株式チーム"}},
    {name = "board-{param.date}", params = {recipient = "取締役会", confidential = "取締役会限り"}},
  },
}
