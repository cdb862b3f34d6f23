/* Limits on what one report script may take: memory (a counting allocator),
 * time (an instruction-count hook that looks at a monotonic clock, and a
 * parent process that kills a child stuck in one long C call). */
#ifndef SUMI_RUNLIMITS_H
#define SUMI_RUNLIMITS_H

#include <lua.h>
#include <signal.h>
#include <stddef.h>

#include "job.h"

/* Defaults of `sumi render` and `sumi chart`: far above what the flagship
 * takes (about 10 MiB of Lua memory, under 2 s), low enough that a runaway
 * script on a cron host ends in minutes rather than never. */
#define SUMI_DEFAULT_MAX_MEMORY_MIB 1024
#define SUMI_DEFAULT_TIMEOUT_S 300
/* The largest file read_csv, read_json and image take, in MiB: a CSV
 * streams, but a JSON file is held whole, and a log or dump given by mistake
 * should fail at once with a message, not after minutes of parsing. */
#define SUMI_DEFAULT_MAX_INPUT_MIB 1024

/* The state's allocator data. Created by sumi_limits_state_new with the
 * state, destroyed by sumi_limits_state_close after lua_close. */
struct sumi_limits {
    size_t used;         /* bytes the Lua state holds now */
    size_t max_memory;   /* in bytes; 0: no limit */
    long max_memory_mib; /* as given, for messages */
    int memory_hit;      /* sticky: once set, the run fails */
    int refused;         /* the allocator refused a block at least once */
    /* The last request the allocator refused, until the same request
     * succeeds (Lua collects garbage and asks once more for the block:
     * then the refusal was only garbage counted). While it is pending, the
     * hook ends the run at the script's next instruction: a refusal is
     * final, whether Lua raised it or lauxlib (which does not retry), and
     * whether or not the script catches the error. */
    void *refused_ptr;
    size_t refused_size;
    int refusal_pending;
    lua_State *main; /* the state, whose hook a refusal arms */
    /* The run's clock and its pipe to a watching parent: the job the data
     * and drawing modules see (sumi_job_of), attached to the state. */
    struct sumi_job job;
};

/* A new Lua state whose allocator counts against a limit set later with
 * sumi_limits_arm; NULL when out of memory. */
lua_State *sumi_limits_state_new(void);
/* lua_close, then frees the allocator data. */
void sumi_limits_state_close(lua_State *L);
/* The state's limits (never NULL for a state made by sumi_limits_state_new;
 * NULL for any other). */
struct sumi_limits *sumi_limits_of(lua_State *L);

/* Starts the clock and installs the hook on L; coroutines created later
 * inherit it (lua_newthread copies the creator's hook). */
void sumi_limits_arm(lua_State *L, long max_memory_mib, long timeout);

/* Removes the hook from L and the memory cap, so that discarding outputs
 * after a limit was hit cannot fail for want of memory. */
void sumi_limits_disarm(lua_State *L);

/* The message to print for an error that ended the run: a plain "not enough
 * memory" becomes the limit and the option that raises it. Returns msg
 * unchanged when no limit explains it. */
const char *sumi_limits_explain(lua_State *L, const char *msg);

/* Tells the watching parent (if any) that publication starts: a "P" line
 * on the job's pipe (temporary outputs and files read are announced by
 * core/job.c). */
void sumi_limits_notify_publish(lua_State *L);

/* What a watching parent (`sumi render --watch`) wants of a child besides
 * its exit code. The caller owns it; it must outlive the run. */
struct sumi_child_watch {
    /* Called in the parent with each file the child read, as the child
     * named it (relative paths are from the working folder). */
    void (*on_read)(void *ud, const char *path);
    /* Called with each temporary output file the child announced. */
    void (*on_temp)(void *ud, const char *temp_path);
    void *ud;
};

/* Runs run(arg) in a forked child with RLIMIT_AS and RLIMIT_CPU set, and
 * waits at most timeout seconds plus a grace for it (a timeout of 0: no
 * time limit). A child killed for time leaves no temporary output behind:
 * the parent removes every one the child announced. Returns the exit code
 * (1 when killed). The child calls run with the pipe's write end, which it
 * must store in its state's notify_fd. With a watch (NULL for none), the
 * parent reports the files the child read, and the child takes the default
 * action for SIGINT and SIGTERM whatever the parent's handlers. */
int sumi_limits_run_child_watched(long max_memory_mib, long timeout, const char *script,
                                  int (*run)(void *arg, int notify_fd), void *arg,
                                  const struct sumi_child_watch *watch);

/* The pieces of sumi_limits_run_child_watched for a parent that watches many
 * children at once (`sumi batch`). */

/* In a forked child: RLIMIT_AS from the memory limit and RLIMIT_CPU as a
 * backstop to the parent's own timer. */
void sumi_limits_child_setup(long max_memory_mib, long timeout);
/* Seconds past timeout the parent waits before it kills a child (which
 * stops itself at the limit unless stuck inside one long C call). */
long sumi_limits_grace(long timeout);
/* Why a child that did not exit by itself ended, as `sumi render` and
 * `sumi batch` both say it: killed at the time limit (killed_at_limit),
 * the CPU-time backstop (SIGXCPU) or another signal; `process` names it
 * ("script's", "job's"). Returns 0, with msg untouched, when the child
 * exited on its own. */
int sumi_limits_describe_end(char *msg, size_t size, const char *script, const char *process,
                             int status, int killed_at_limit, long timeout);
/* The temporary outputs a child announced on its notify pipe. */
struct sumi_temp_list;
struct sumi_temp_list *sumi_temps_new(void); /* NULL when out of memory */
void sumi_temps_feed(struct sumi_temp_list *t, const char *buf, size_t n);
/* 1 once the child said that publication started. */
int sumi_temps_publishing(const struct sumi_temp_list *t);
/* The SHA-256 (hex) of its output a `sumi batch` job sent as "H <hex>",
 * or NULL. */
const char *sumi_temps_sha256(const struct sumi_temp_list *t);
/* Frees the list; with remove, first unlinks every file announced. */
void sumi_temps_free(struct sumi_temp_list *t, int remove);

#endif
