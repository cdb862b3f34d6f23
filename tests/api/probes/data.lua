-- Probes for sumi.data, datasets and column views (engine/types/data.lua).
-- Each call is wrapped in parentheses: a tail call would leave no frame of
-- this file for the error to name.
local data = require "sumi.data"

local function dataset()
  return data.from_columns({"k", "v"}, {k = {"a", "b"}, v = {1, 2}})
end

return {
  objects = {
    ["sumi.Dataset"] = dataset,
    ["sumi.Column"] = function() return dataset():view("v") end,
  },
  calls = {
    ["sumi.data.from_rows"] = function(o) return (data.from_rows({}, o)) end,
    ["sumi.data.from_columns"] = function(o) return (data.from_columns({}, {}, o)) end,
    ["sumi.data.read_csv"] = function(o) return (data.read_csv("probe.csv", o)) end,
    ["sumi.data.read_json"] = function(o) return (data.read_json("probe.json", o)) end,
    ["sumi.data.query_sqlite"] = function(o) return (data.query_sqlite("probe.db", "SELECT 1", nil, o)) end,
    ["sumi.data.query_postgres"] = function(o)
      return (data.query_postgres("host=probe.invalid", "SELECT 1", nil, o))
    end,

    ["sumi.Dataset:meta"] = function(ds) return (ds:meta("nope")) end,
    ["sumi.Dataset:with_meta"] = function(ds, o) return (ds:with_meta(o)) end,
    ["sumi.Dataset:nrows"] = "takes no arguments besides the dataset: nothing to get wrong",
    ["sumi.Dataset:names"] = "takes no arguments besides the dataset: nothing to get wrong",
    ["sumi.Dataset:type"] = function(ds) return (ds:type("nope")) end,
    ["sumi.Dataset:column"] = function(ds) return (ds:column("nope")) end,
    ["sumi.Dataset:rows"] = "takes no arguments besides the dataset: nothing to get wrong",
    ["sumi.Dataset:row"] = function(ds) return (ds:row(3)) end,
    ["sumi.Dataset:view"] = function(ds) return (ds:view("nope")) end,
    ["sumi.Dataset:select"] = function(ds) return (ds:select("nope")) end,
    ["sumi.Dataset:rename"] = function(ds) return (ds:rename({nope = "x"})) end,
    ["sumi.Dataset:head"] = function(ds) return (ds:head(-1)) end,
    ["sumi.Dataset:tail"] = function(ds) return (ds:tail("two")) end,
    ["sumi.Dataset:filter"] = function(ds) return (ds:filter("v > 1")) end,
    ["sumi.Dataset:where"] = function(ds) return (ds:where("v", "=>", 1)) end,
    ["sumi.Dataset:sort"] = function(ds, o) return (ds:sort("v", o)) end,
    ["sumi.Dataset:save_xlsx"] = function(ds, o) return (ds:save_xlsx("probe.xlsx", o)) end,
    ["sumi.Dataset:group_by"] = function(ds) return (ds:group_by("k", {{"total", "total", "v"}})) end,
    ["sumi.Dataset:derive"] = function(ds) return (ds:derive("w", nil)) end,
    ["sumi.Dataset:calc"] = function(ds) return (ds:calc("w", "v", "%", 2)) end,
    ["sumi.Dataset:join"] = function(ds, o) return (ds:join(ds, "k", o)) end,
    ["sumi.Dataset:distinct"] = function(ds) return (ds:distinct("nope")) end,
    ["sumi.Dataset:append"] = function(ds) return (ds:append({})) end,
    ["sumi.Dataset:pivot_wider"] = function(ds, o) return (ds:pivot_wider("k", "v", o)) end,
    ["sumi.Dataset:pivot_longer"] = function(ds, o) return (ds:pivot_longer("v", "name", "value", o)) end,
    ["sumi.Dataset:cumsum"] = function(ds, o) return (ds:cumsum("v", o)) end,
    ["sumi.Dataset:rolling"] = function(ds, o) return (ds:rolling("v", 2, o)) end,
    ["sumi.Dataset:change"] = function(ds, o) return (ds:change("v", o)) end,
    ["sumi.Dataset:rank"] = function(ds, o) return (ds:rank("v", o)) end,

    ["sumi.Column:type"] = "takes no arguments besides the view: nothing to get wrong",
  },
}
