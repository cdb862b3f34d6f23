-- Probes for the functions of the sumi table itself (engine/types/sumi.lua).
local sumi = require "sumi"

return {
  calls = {
    ["sumi.mm"] = function() return sumi.mm("ten") end,
    ["sumi.epoch"] = "takes no arguments: nothing to get wrong",
    ["sumi.warn"] = function() return sumi.warn({}) end,
  },
}
