/* The Lua state a report script runs in: the sandboxed standard library,
 * the engine's `require` and modules, and the run itself (set-up, the
 * script's call, publication or discard of its outputs, `sumi chart`'s
 * export). What the C modules ask of the run is the job's (core/job.h). */
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
    /* --pdfa: every PDF is PDF/A-2 unless the script says otherwise. */
    int pdfa;
    /* sumi check: the script runs, its outputs are made in TMPDIR and
     * discarded; nothing is written where the script says. */
    int check;
    /* Limits (see runlimits.h): Lua memory in MiB and run time in seconds,
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

/* A lua_CFunction: require(name) on behalf of the engine's C code, which
 * may load its internal modules (sumi.internal.*); scripts may not. */
int sumi_require_engine_module(lua_State *L);

/* sumi.runtime: what a script may know about its run. */
int luaopen_sumi_runtime(lua_State *L);

#endif
