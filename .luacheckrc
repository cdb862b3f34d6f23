-- luacheck configuration: Lua 5.4, the engine's sandbox (no io, package, debug).
std = "lua54"
max_line_length = 110
exclude_files = {"build", "build-*"}
