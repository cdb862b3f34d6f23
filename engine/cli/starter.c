/* sumi new NAME: a starter report folder, from the files under
 * engine/cli/starter/ compiled into the binary (CMakeLists.txt). What it
 * writes renders as it is and passes `sumi check`; the tests hold it to
 * that. */
#define _XOPEN_SOURCE 700
#include "starter.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embedded.h"
#include "output.h"

static const char new_usage[] =
    "usage: sumi new NAME\n"
    "\n"
    "Makes the folder NAME with a starter report: report.lua (a chart and a\n"
    "short document from data/sales.csv), sales.manifest.lua (a manifest for\n"
    "sumi batch), .luarc.json (settings for editors that use the Lua language\n"
    "server: it points them at sumi's annotations, for completion and hover\n"
    "docs) and a README. The folder must not exist, or be empty.\n"
    "\n"
    "  -h, --help   show this help\n";

/* Embedded name, and the name in the new folder. */
static const char *const files[][2] = {
    {"starter/report.lua", "report.lua"},
    {"starter/data/sales.csv", "data/sales.csv"},
    {"starter/sales.manifest.lua", "sales.manifest.lua"},
    {"starter/luarc.json", ".luarc.json"},
    {"starter/README.md", "README.md"},
};

static int has_annotations(const char *dir) {
    char path[PATH_MAX + 16];
    struct stat st;
    return snprintf(path, sizeof path, "%s/sumi.lua", dir) < (int)sizeof path &&
           stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The editor annotation files (engine/types) this sumi was installed with:
 * share/sumi/types beside the binary's bin/, so a .deb, a /usr/local
 * install and a relocated tree each point at their own; a binary run from
 * its build folder uses the sources it was built from. Without /proc (a
 * bare chroot) the binary cannot see where it is: the install prefix it
 * was built for, then the Debian package's place, stand in. NULL when none
 * has them. */
static const char *annotations_dir(char *buf, size_t size) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            char joined[PATH_MAX + 32];
            snprintf(joined, sizeof joined, "%s/../share/sumi/types", exe);
            if (realpath(joined, buf) != NULL && strlen(buf) < size && has_annotations(buf))
                return buf;
        }
    }
    static const char *const fallbacks[] = {
#ifdef SUMI_SOURCE_TYPES_DIR
        SUMI_SOURCE_TYPES_DIR,
#endif
#ifdef SUMI_INSTALL_TYPES_DIR
        SUMI_INSTALL_TYPES_DIR,
#endif
        "/usr/share/sumi/types",
    };
    for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
        if (has_annotations(fallbacks[i])) {
            snprintf(buf, size, "%s", fallbacks[i]);
            return buf;
        }
    }
    return NULL;
}

/* The embedded .luarc.json with its @SUMI_TYPES@ made the annotations'
 * folder, or the library line left out when there is none. */
static char *editor_settings(const struct sumi_embedded_file *f, const char *types) {
    static const char mark[] = "@SUMI_TYPES@";
    char *text = malloc(f->size + PATH_MAX + 1);
    if (text == NULL)
        return NULL;
    memcpy(text, f->data, f->size);
    text[f->size] = '\0';
    char *at = strstr(text, mark);
    if (at == NULL)
        return text;
    if (types != NULL) {
        memmove(at + strlen(types), at + strlen(mark), strlen(at + strlen(mark)) + 1);
        memcpy(at, types, strlen(types));
    } else {
        char *line = at;
        while (line > text && line[-1] != '\n')
            line--;
        char *end = strchr(at, '\n');
        memmove(line, end != NULL ? end + 1 : at + strlen(at),
                strlen(end != NULL ? end + 1 : at) + 1);
    }
    return text;
}

static int is_empty_folder(const char *path) {
    DIR *d = opendir(path);
    if (d == NULL)
        return 0;
    struct dirent *e;
    int empty = 1;
    while (empty && (e = readdir(d)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    return empty;
}

int sumi_new_main(int argc, char **argv) {
    const char *name = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(new_usage, stdout);
            return 0;
        }
        if (argv[i][0] == '-' || name != NULL) {
            fprintf(stderr, "sumi new: %s '%s'\n%s",
                    argv[i][0] == '-' ? "unknown option" : "one folder at a time, not", argv[i],
                    new_usage);
            return 2;
        }
        name = argv[i];
    }
    if (name == NULL || name[0] == '\0') {
        fprintf(stderr, "sumi new: give the folder to make\n%s", new_usage);
        return 2;
    }
    struct stat st;
    if (stat(name, &st) == 0 && !(S_ISDIR(st.st_mode) && is_empty_folder(name))) {
        fprintf(stderr, "sumi new: '%s' already exists%s; give a new name\n", name,
                S_ISDIR(st.st_mode) ? " and is not empty" : "");
        return 1;
    }
    char types_buf[PATH_MAX];
    const char *types = annotations_dir(types_buf, sizeof types_buf);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const struct sumi_embedded_file *f = sumi_embedded_find(files[i][0]);
        char path[1024], err[1200];
        struct sumi_output out;
        if (f == NULL ||
            snprintf(path, sizeof path, "%s/%s", name, files[i][1]) >= (int)sizeof path) {
            fprintf(stderr, "sumi new: cannot make '%s/%s'\n", name, files[i][1]);
            return 1;
        }
        char *settings = NULL;
        const char *data = (const char *)f->data;
        size_t size = f->size;
        if (strcmp(files[i][1], ".luarc.json") == 0) {
            settings = editor_settings(f, types);
            if (settings == NULL) {
                fprintf(stderr, "sumi new: out of memory\n");
                return 1;
            }
            data = settings;
            size = strlen(settings);
        }
        int failed = sumi_output_open(&out, path, err, sizeof err) != 0 ||
                     fwrite(data, 1, size, out.file) != size ||
                     sumi_output_commit(&out, err, sizeof err) != 0;
        free(settings);
        if (failed) {
            if (out.file != NULL) {
                snprintf(err, sizeof err, "cannot write '%s': %s", path, strerror(errno));
                sumi_output_abort(&out);
            }
            fprintf(stderr, "sumi new: %s\n", err);
            return 1;
        }
    }
    printf("made %s/: report.lua, data/sales.csv, sales.manifest.lua, .luarc.json, README.md\n"
           "next:\n"
           "  cd %s\n"
           "  sumi render report.lua               # reports/report.pdf\n"
           "  sumi check report.lua                # mistakes, without writing anything\n"
           "  sumi batch sales.manifest.lua -j 2   # the report for every region\n",
           name, name);
    if (types == NULL)
        fprintf(stderr, "sumi new: warning: sumi's editor annotations are not installed "
                        "(share/sumi/types beside bin/sumi); .luarc.json does without them\n");
    return 0;
}
