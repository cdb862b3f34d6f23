/* sumi new NAME: a starter report folder, from the files under
 * engine/cli/starter/ compiled into the binary (CMakeLists.txt). What it
 * writes renders as it is and passes `sumi check`; the tests hold it to
 * that. */
#define _POSIX_C_SOURCE 200809L
#include "starter.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "embedded.h"
#include "output.h"

static const char new_usage[] =
    "usage: sumi new NAME\n"
    "\n"
    "Makes the folder NAME with a starter report: report.lua (a chart and a\n"
    "short document from data/sales.csv), sales.manifest.lua (a manifest for\n"
    "sumi batch), .luarc.json (settings for editors that use the Lua language\n"
    "server) and a README. The folder must not exist, or be empty.\n"
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
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const struct sumi_embedded_file *f = sumi_embedded_find(files[i][0]);
        char path[1024], err[1200];
        struct sumi_output out;
        if (f == NULL ||
            snprintf(path, sizeof path, "%s/%s", name, files[i][1]) >= (int)sizeof path) {
            fprintf(stderr, "sumi new: cannot make '%s/%s'\n", name, files[i][1]);
            return 1;
        }
        if (sumi_output_open(&out, path, err, sizeof err) != 0 ||
            fwrite(f->data, 1, f->size, out.file) != f->size ||
            sumi_output_commit(&out, err, sizeof err) != 0) {
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
    return 0;
}
