-- Colours read as the canvas reads them ("#rgb", "#rrggbb", "#rrggbbaa",
-- the X11/CSS names, "transparent"), for Lua that must check a colour
-- before anything is drawn (a table cell's style, at the doc:table line)
-- or compute with one (scale.color mixes colours). The canvas's own parser
-- answers: a colour is filled on a scratch trace canvas, which writes
-- nothing and gives it back as #RRGGBBAA.
local canvas = require "sumi.canvas"

local color = {}

-- text -> {r, g, b, a} (each 0 to 255), or false: not a colour. One
-- scratch canvas per new spelling, for the run (each run has its own
-- Lua state, so this is the job's, not the process's).
local known = {}

--- color.parse(text) -> r, g, b, a (each 0 to 255), or nil when text is
--- not a colour the canvas takes.
function color.parse(text)
  if type(text) ~= "string" then return nil end
  local hit = known[text]
  if hit == nil then
    local scratch <close> = canvas.trace(false, {width = 1, height = 1})
    scratch:rect(0, 0, 1, 1)
    hit = false
    if pcall(scratch.fill, scratch, text) then
      local r, g, b, a = scratch:close():match("paint=#(%x%x)(%x%x)(%x%x)(%x%x)")
      if r then hit = {tonumber(r, 16), tonumber(g, 16), tonumber(b, 16), tonumber(a, 16)} end
    end
    known[text] = hit
  end
  if not hit then return nil end
  return hit[1], hit[2], hit[3], hit[4]
end

--- color.hex(r, g, b [, a]) -> "#rrggbb", or "#rrggbbaa" when a (0 to
--- 255) is below 255; each channel rounded and kept in 0 to 255.
function color.hex(r, g, b, a)
  local function byte(v) return math.max(0, math.min(255, math.floor(v + 0.5))) end
  if a and byte(a) < 255 then
    return ("#%02x%02x%02x%02x"):format(byte(r), byte(g), byte(b), byte(a))
  end
  return ("#%02x%02x%02x"):format(byte(r), byte(g), byte(b))
end

--- color.luminance(r, g, b) -> the relative luminance (WCAG 2.1), 0 for
--- black to 1 for white, of a colour whose channels are 0 to 255.
function color.luminance(r, g, b)
  local function linear(v)
    v = v / 255
    return v <= 0.04045 and v / 12.92 or ((v + 0.055) / 1.055) ^ 2.4
  end
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
end

return color
