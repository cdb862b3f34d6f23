-- Stage "start-up" of bench/briefing.sh: the process and the Lua state,
-- nothing drawn.
local sumi = require "sumi" -- luacheck: ignore
