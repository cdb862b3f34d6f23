/* The per-run context: everything the data and drawing modules need to know
 * about the run they serve, so they never reach up into the runner. A job is
 * the script it runs (its path, its folder, the -o path), the outputs still
 * open (published together on success, discarded on failure), the glyph
 * policy, where a warning comes from, the time the run has left, and the
 * pipe on which a watching parent hears of temporary outputs and files read.
 *
 * The names and outputs live in the lua_State's registry; the clock and the
 * pipe in a struct sumi_job that the runner owns and attaches to the state.
 * A bare state (a C unit test's) has no job: its outputs publish when
 * closed, it has no time limit and announces nothing. */
#ifndef SUMI_JOB_H
#define SUMI_JOB_H

#include <lua.h>

/* Owned by the runner (run/runlimits.c embeds it in the state's allocator
 * data), attached with sumi_job_attach; it must outlive the state. */
struct sumi_job {
    long timeout;     /* seconds; 0: no time limit */
    double start;     /* monotonic clock when the limits were armed */
    int time_hit;     /* sticky: the run's time is up */
    int notify_fd;    /* -1, or the pipe to the watching parent */
    int notify_reads; /* the parent is a --watch: announce every file read */
};

/* Makes job the state's job (the registry keeps the pointer). */
void sumi_job_attach(lua_State *L, struct sumi_job *job);
/* The state's job, or NULL for a state without one. */
struct sumi_job *sumi_job_of(lua_State *L);

/* Names the run: the script (as given), its folder for relative inputs, the
 * -o path (or NULL), and --strict-glyphs. From then on closing an output
 * defers its publication to the end of the run. */
void sumi_job_setup(lua_State *L, const char *script_path, const char *output_path,
                    int strict_glyphs);
/* The script path given to sumi_job_setup, or NULL (kept by the registry). */
const char *sumi_job_script(lua_State *L);

/* ---- time ---- */

/* SOURCE_DATE_EPOCH, the date reproducible builds agree on: 1 with
 * *seconds set when it is a count of seconds up to the end of year 9999,
 * 0 when it is unset or empty, -1 when it is set to anything else. */
int sumi_source_date_epoch(long long *seconds);
/* The moment a report is made: SOURCE_DATE_EPOCH when it is valid, so that
 * reruns give the same bytes; otherwise now. */
long long sumi_report_time(void);
/* Seconds on the monotonic clock (for durations, never dates). */
double sumi_monotonic_now(void);
/* For long calls into a library that can poll (SQLite's progress handler):
 * 1 once the run's time is up (time_hit is then set), else 0; 0 without a
 * time limit or for a NULL job. */
int sumi_job_time_up(struct sumi_job *job);
/* Seconds the run has left: -1 without a time limit, else >= 0. */
double sumi_job_time_left(const struct sumi_job *job);

/* ---- notices to a watching parent ---- */

/* Writes line (one or more "X ...\n" lines) on the job's pipe, if any. */
void sumi_job_notify(struct sumi_job *job, const char *line);
/* A temporary output file ("T path"): a parent that kills the run removes
 * it. */
void sumi_job_announce_temp(lua_State *L, const char *temp_path);
/* A file the script read or required ("R path"), for `sumi render --watch`. */
void sumi_job_announce_read(lua_State *L, const char *path);

/* ---- paths and outputs ---- */

/* The file name of a script without its folder and its ".lua": sets *stem
 * and returns its length ("scripts/q3.lua" -> "q3", 2). */
size_t sumi_script_stem(const char *script, const char **stem);

/* Pushes the path a script-relative input path resolves to: absolute paths
 * stay, relative ones are taken from the script's folder. */
const char *sumi_resolve_input(lua_State *L, const char *path);

/* Pushes the default output path for a file of the given extension ("pdf"):
 * -o when given, else reports/<script name>.<ext>. Raises an error when -o
 * names a file of another type. */
const char *sumi_default_output(lua_State *L, const char *extension);

/* The value at idx (a userdata whose metatable has __publish and __discard)
 * is published when the whole script succeeds, or discarded when it fails:
 * a report is all or nothing, even for outputs the script closed early. */
void sumi_pending_add(lua_State *L, int idx);
void sumi_pending_remove(lua_State *L, int idx);
/* True once the run is set up: closing an output defers its publication to
 * the end of the run. Elsewhere (a bare state in a C test) close publishes. */
int sumi_publish_deferred(lua_State *L);
struct sumi_output;
/* For the userdata (at idx, pending) whose output file is written: finishes
 * the file and leaves it to the end of the run, or publishes it now outside
 * one. Raises what fails, the userdata then no longer pending. */
void sumi_output_written(lua_State *L, int idx, struct sumi_output *out);
/* The __publish of such a userdata, once its file is written: renames it
 * into place; raises what fails. */
void sumi_output_publish_written(lua_State *L, struct sumi_output *out);
/* Publishes (ok) or discards every output still open, and forgets them.
 * Returns 0, or 1 when publishing one failed (its message printed; every
 * other output is then discarded). */
int sumi_job_finish_pending(lua_State *L, int ok);

/* ---- glyphs and warnings ---- */

/* True when a character no configured font has must fail the run
 * (--strict-glyphs, or sumi.runtime.strict_glyphs(true)). */
int sumi_strict_glyphs(lua_State *L);
/* Whether the run is `sumi check`: every output is discarded. */
int sumi_job_checking(lua_State *L);
void sumi_set_job_checking(lua_State *L, int on);
/* Whether PDFs are PDF/A-2 unless a canvas says otherwise (--pdfa). */
int sumi_job_pdfa(lua_State *L);
void sumi_set_job_pdfa(lua_State *L, int on);
void sumi_set_strict_glyphs(lua_State *L, int on);

/* Whether a chunk name ("@sumi/chart.lua") is one of the engine's own Lua
 * modules. */
int sumi_engine_chunk(const char *source);
/* Pushes "file:line: " of the innermost frame of the script (or of one of
 * its own modules): a label drawn by sumi.chart is reported where the
 * script made the chart, not inside the engine's Lua library. */
void sumi_where_script(lua_State *L);
/* The place sumi_where_script gives instead of the stack's while the
 * engine draws what a script added earlier (sumi.runtime.blame): the value
 * at idx, a "file:line: " string or nil. Push: the current one. */
void sumi_set_blame(lua_State *L, int idx);
void sumi_push_blame(lua_State *L);
/* Writes a warning on stderr, prefixed with the script position. */
void sumi_warn(lua_State *L, const char *fmt, ...);

#endif
