-- The report for every region at once:  sumi batch sales.manifest.lua -j 2
-- Every job checked, nothing written:    sumi check sales.manifest.lua
return {
  defaults = {script = "report.lua", output = "reports/{name}.pdf"},
  jobs = {
    {name = "sales-all", params = {region = "全国"}},
    {name = "sales-kanto", params = {region = "関東"}},
    {name = "sales-kansai", params = {region = "関西"}},
  },
}
