/* Which files a report script may read and write (access.c). The rules
 * live in the lua_State's registry; a state without rules (a C test's)
 * reads and writes anywhere. */
#ifndef SUMI_ACCESS_H
#define SUMI_ACCESS_H

#include <lua.h>

/* What the runner knows of a run's file rules. The caller owns the strings. */
struct sumi_access_rules {
    const char *script_path;       /* its folder and ../data are readable */
    const char *output_path;       /* -o, or NULL: its folder is writable */
    const char *export_directory;  /* `sumi chart`'s folder, or NULL */
    const char *const *allow_read; /* --allow-read folders */
    int allow_read_count;
    const char *const *allow_write; /* --allow-write folders */
    int allow_write_count;
    int trusted;        /* --trusted: no file rules at all */
    long max_input_mib; /* --max-input-size; 0: none */
};

/* Records the run's file rules in the registry (called by the runner). */
void sumi_access_setup(lua_State *L, const struct sumi_access_rules *rules);

/* sumi_resolve_input, then the file rules of the run: raises an error
 * naming call, the path and --allow-read when the script may not read it.
 * Announces the file to a watching parent. */
const char *sumi_resolve_read(lua_State *L, const char *path, const char *call);
/* Refuses what a reader that takes a whole file (read_csv, read_json,
 * image) must not start on: anything but a regular file (a FIFO or
 * /dev/zero never ends), and a file past the run's --max-input-size.
 * A file that cannot be examined is left to the reader's own message. */
void sumi_check_input_file(lua_State *L, const char *file, const char *given, const char *call);
/* Raises an error naming call, the path and --allow-write when the script
 * may not write path. */
void sumi_check_write(lua_State *L, const char *path, const char *call);

#endif
