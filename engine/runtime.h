/* The Lua state a report script runs in, and the services the C modules ask
 * of it: where relative paths point, the default output, and the list of
 * outputs still open (published on success, discarded on failure). All of it
 * hangs off the lua_State's registry, so jobs never share state. */
#ifndef SUMI_RUNTIME_H
#define SUMI_RUNTIME_H

#include <lua.h>

struct sumi_child_watch; /* runlimits.h */

/* `sumi chart`: what to export of every chart a script creates. The caller
 * owns the strings, which must outlive the run. */
struct sumi_chart_export {
    const char *directory;      /* DIR: each chart goes to DIR/<name>.<format> */
    const char *const *formats; /* "png", "svg", "pdf" */
    int format_count;
    const char *preset;     /* a chart:save preset, or NULL for "slides" */
    int width, height;      /* --size in pixels, or 0 for the preset's */
    int dpi;                /* 0: the preset's */
    const char *background; /* NULL: white */
};

struct sumi_run_options {
    const char *script_path;   /* as given on the command line */
    const char *output_path;   /* -o, or NULL */
    const char *const *params; /* "key=value" strings from -p */
    int param_count;
    /* Non-NULL in `sumi chart`: the script's own outputs are discarded and
     * every chart it created is saved instead. */
    const struct sumi_chart_export *export;
    /* --strict-glyphs: a character no font has is an error, not a warning. */
    int strict_glyphs;
    /* --previews: a document saved as PDF also writes its pages as PNGs. */
    int previews;
    /* Limits (see limits.h): Lua memory in MiB and run time in seconds,
     * each 0 for none. A time limit runs the script in a child process. */
    long max_memory_mib;
    long timeout;
    /* --max-input-size: the largest file a reader takes, in MiB; 0: none. */
    long max_input_mib;
    /* Folders the script may read or write besides its own (--allow-read,
     * --allow-write); the caller owns the strings. */
    const char *const *allow_read;
    int allow_read_count;
    const char *const *allow_write;
    int allow_write_count;
    int trusted; /* --trusted: no file rules at all */
    /* Non-NULL under `--watch`: the run always happens in a child process,
     * which reports the files it read to the watcher. */
    const struct sumi_child_watch *watch;
    /* The run's process ends right after it (a batch job): the state is
     * left for the kernel to free, which is most of a small job's cost.
     * Sanitizer builds free it all the same, to check it for leaks. */
    int leave_state;
};

/* A fresh state with the standard libraries the sandbox allows, the engine's
 * `require` and its modules. NULL when out of memory. Close it with
 * sumi_state_close, which also frees its allocator's data. */
lua_State *sumi_state_new(void);
void sumi_state_close(lua_State *L);

/* Runs one report script; prints errors on stderr. Returns the exit code:
 * 0 success, 1 the report failed. With options->export, publishes the
 * charts the script created (their paths printed on stdout) instead of its
 * own outputs. */
int sumi_run_script(const struct sumi_run_options *options);

/* A fresh state that has already required every module of the engine's Lua
 * library but `sumi` itself (which reads the run's parameters as it loads):
 * `sumi batch` makes it once, and each job's forked process starts from a
 * copy instead of compiling the library again. */
lua_State *sumi_state_preloaded(void);
/* Runs one report script in L (from sumi_state_new or sumi_state_preloaded;
 * NULL when making it failed) in this process, announcing temporary outputs
 * on notify_fd (-1: none), and closes L. Returns the exit code, as
 * sumi_run_script. Limits beyond the Lua state's are the caller's. */
int sumi_run_in_state(lua_State *L, const struct sumi_run_options *options, int notify_fd);

/* Pushes the path a script-relative input path resolves to: absolute paths
 * stay, relative ones are taken from the script's folder. */
const char *sumi_resolve_input(lua_State *L, const char *path);

/* sumi_resolve_input, then the file rules of the run (access.c): raises an
 * error naming call, the path and --allow-read when the script may not read
 * it. A state without rules (a C test's) reads anywhere. */
const char *sumi_resolve_read(lua_State *L, const char *path, const char *call);
/* Refuses what a reader that takes a whole file (read_csv, read_json,
 * image) must not start on: anything but a regular file (a FIFO or
 * /dev/zero never ends), and a file past the run's --max-input-size.
 * A file that cannot be examined is left to the reader's own message. */
void sumi_check_input_file(lua_State *L, const char *file, const char *given, const char *call);
/* Raises an error naming call, the path and --allow-write when the script
 * may not write path. */
void sumi_check_write(lua_State *L, const char *path, const char *call);
/* Records the run's file rules in the registry (called by the runner). */
void sumi_access_setup(lua_State *L, const struct sumi_run_options *o);

/* Pushes the default output path for a file of the given extension ("pdf"):
 * -o when given, else reports/<script name>.<ext>. Raises an error when -o
 * names a file of another type. */
const char *sumi_default_output(lua_State *L, const char *extension);

/* The value at idx (a userdata whose metatable has __publish and __discard)
 * is published when the whole script succeeds, or discarded when it fails:
 * a report is all or nothing, even for outputs the script closed early. */
void sumi_pending_add(lua_State *L, int idx);
void sumi_pending_remove(lua_State *L, int idx);
/* True inside `sumi render`: closing an output defers its publication to the
 * end of the run. Elsewhere (a bare state in a C test) close publishes. */
int sumi_publish_deferred(lua_State *L);

/* True when a character no configured font has must fail the run
 * (--strict-glyphs, or sumi.runtime.strict_glyphs(true)). */
int sumi_strict_glyphs(lua_State *L);

/* Pushes "file:line: " of the innermost frame of the script (or of one of
 * its own modules): a label drawn by sumi.chart is reported where the
 * script made the chart, not inside the engine's Lua library. */
void sumi_where_script(lua_State *L);

/* Writes a warning on stderr, prefixed with the script position. */
void sumi_warn(lua_State *L, const char *fmt, ...);

int luaopen_sumi_runtime(lua_State *L);

#endif
