-- Errors that name the script's line. An engine function may be called
-- from a script, from another engine function or from a callback, so no
-- fixed error level is right: errors.raise walks up the stack to the first
-- frame that is neither one of the engine's own Lua modules (chunks named
-- "@sumi/<module>.lua", short source "sumi/<module>.lua") nor a C function,
-- and raises the message there, as C's sumi_where_script does for the C
-- modules. With no such frame (`sumi chart` exporting after the script
-- ended) the message carries no position.
--
-- The engine's modules run without the debug library, so the frames are
-- read through error() itself: pcall(error, "", n) gives the "file:line: "
-- prefix of stack level n, or "" for a C function or past the stack's top.
local errors = {}

local DEEPEST = 64 -- engine frames above a raise; far more than any call chain

local function engine_frame(where)
  return where:find("^sumi/[%w_/]+%.lua:%d+: $") ~= nil
end

-- The first frame outside the engine, counted from the function calling
-- find's caller (1), and its "file:line: "; 0 and "" when there is none.
local function find()
  -- k counts from find itself (1); pcall and error add one level
  for k = 3, DEEPEST do
    local _, where = pcall(error, "", k + 1)
    if where ~= "" and not engine_frame(where) then return k - 2, where end
  end
  return 0, ""
end

--- errors.level() -> the level, as error() counts from the function calling
--- errors.level, of the first frame outside the engine; 0 when none.
function errors.level()
  return (find())
end

--- errors.where() -> the "file:line: " errors.raise would put before a
--- message raised by the function calling errors.where ("" for none). A
--- caller that catches an engine error (pcall) strips it with this.
function errors.where()
  return select(2, find())
end

--- errors.raise(message, ...) raises message (formatted with the extra
--- arguments, if any) at the script's line.
function errors.raise(message, ...)
  if select("#", ...) > 0 then message = message:format(...) end
  error(message, errors.level())
end

--- errors.show(value) -> a value as messages describe it: its type, then
--- the value itself when that is the same on every run: `string "12"`
--- (%q), `number 3`, `number nan` (not "-nan", whatever C's printf
--- says), `boolean false`, `nil`; a table, function or userdata by its type
--- alone (an address would change from run to run). So "12" given for a
--- number reads `got string "12"`, not `got 12`. The C modules show values
--- the same way (core/options.c, opt_push_shown).
function errors.show(value)
  local t = type(value)
  -- a line break as \10, as C writes it, not %q's backslash and new line
  if t == "string" then return "string " .. ("%q"):format(value):gsub("\\\n", "\\10") end
  if t == "number" then return value ~= value and "number nan" or "number " .. tostring(value) end
  if t == "boolean" then return "boolean " .. tostring(value) end
  return t
end

return errors
