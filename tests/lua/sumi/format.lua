-- A decoy: require "sumi.format" must load the engine's module, never this
-- file beside the script (require_finds_engine_and_script_modules.lua).
return {decoy = true}
