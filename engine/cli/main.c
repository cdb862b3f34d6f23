/* The `sumi` command line. Exit codes: 0 success, 1 the report failed,
 * 2 bad command-line usage. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "check.h"
#include "cli.h"
#include "fonts.h"
#include "job.h"
#include "manifest.h"
#include "presets.h"
#include "runlimits.h"
#include "runtime.h"
#include "starter.h"
#include "watch.h"

#define EXIT_USAGE 2

static const char main_usage[] =
    "usage: sumi COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  render SCRIPT [-o OUT] [-p KEY=VALUE]...   run a report script\n"
    "  chart SCRIPT [--format png,svg,pdf,trace,pptx] [--out DIR]...\n"
    "                                             export every chart a script makes\n"
    "  batch MANIFEST [-j N] [--shard K/N] [--report FILE]...\n"
    "                                             run the jobs of a manifest\n"
    "  check SCRIPT [-p KEY=VALUE]...             find a script's mistakes, writing nothing\n"
    "  new NAME                                   make a starter report folder\n"
    "  fonts                                      show the fonts sumi resolves\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help (sumi COMMAND --help for a command)\n"
    "  -V, --version   show the version\n"
    "\n"
    "Exit codes: 0 success, 1 the report failed, 2 bad command-line usage.\n";

/* The sandbox options render and chart share (engine/cli/cli.c); `writes`
 * names the output folder each command writes besides ./reports. */
#define LIMITS_USAGE(writes)                                                                       \
    "Limits and files (see docs/API.md, sections 2 and 4):\n"                                      \
    "      --max-memory MIB   memory the script's Lua data may take (default: 1024)\n"             \
    "      --timeout SECONDS  time the whole run may take (default: 300)\n"                        \
    "      --max-input-size MIB  largest file read_csv, read_json and image read\n"                \
    "                       (default: 1024)\n"                                                     \
    "      --allow-read DIR   let the script read files under DIR too (repeatable);\n"             \
    "                       it reads its own folder, ../data beside it and ./data\n"               \
    "      --allow-write DIR  let the script write files under DIR too (repeatable);\n"            \
    "                       it writes " writes " and ./reports\n"                                  \
    "      --trusted        no file rules, and no limits but those given\n"

static const char render_usage[] =
    "usage: sumi render SCRIPT [-o OUT] [-p KEY=VALUE]... [--strict-glyphs] [--previews]\n"
    "                   [--pdfa] [--watch]\n"
    "\n"
    "Runs the Lua report script SCRIPT. Its outputs are published only when the\n"
    "script succeeds; on failure no output is written or replaced.\n"
    "\n"
    "  -o, --output OUT     path that the script's outputs use when they name none\n"
    "                       (default: reports/SCRIPT-NAME.EXT)\n"
    "  -p, --param KEY=VALUE  a parameter for the script, in sumi.params.KEY\n"
    "                       (repeatable; values are strings)\n"
    "      --strict-glyphs  a character no configured font has is an error\n"
    "                       (exit 1, nothing written), not a warning\n"
    "      --previews       a document saved as PDF also writes its pages as\n"
    "                       PNGs beside it (NAME-1.png, NAME-2.png ...)\n"
    "      --pdfa           every PDF is PDF/A-2 (archival; level a when tagged)\n"
    "                       unless the script sets its pdfa option itself\n"
    "      --watch          render, then render again whenever the script, a module\n"
    "                       it requires or a file it reads changes, until Ctrl-C or\n"
    "                       SIGTERM (exit 0); a failed render keeps the last good\n"
    "                       outputs and the watch goes on\n"
    "  -h, --help           show this help\n"
    "\n" LIMITS_USAGE("the -o file's folder") "\n"
                                              "Relative paths that a script reads are taken from "
                                              "the script's folder.\n";

static const char chart_usage[] =
    "usage: sumi chart SCRIPT [--format png,svg,pdf,trace,pptx] [--size WxH | --preset NAME]\n"
    "                  [--dpi N] [--background transparent|COLOUR] [--out DIR]\n"
    "                  [-p KEY=VALUE]... [--strict-glyphs] [--pdfa] [--watch]\n"
    "\n"
    "Runs the Lua report script SCRIPT as render does, but publishes none of its\n"
    "own outputs: instead every chart it makes with sumi.chart is saved to\n"
    "DIR/NAME.FORMAT, NAME being the chart's 'name' option (default chart-1,\n"
    "chart-2, ... in creation order). The files are written only when the script\n"
    "and every export succeed, and their paths are printed.\n"
    "\n"
    "  -f, --format LIST    png, svg, pdf, trace, pptx or a comma-separated list\n"
    "                       (default: png); trace is a text list of what is drawn;\n"
    "                       pptx is one PowerPoint deck, DIR/SCRIPT-NAME.pptx, with\n"
    "                       a slide per chart (16:9, or 4:3 with --preset 4:3)\n"
    "  -s, --size WxH       size in pixels, e.g. 1920x1080; SVG and PDF get the\n"
    "                       same page in points (pixels * 72 / dpi)\n"
    "      --preset NAME    slides (1920x1080, the default), slides-720, 4:3, print\n"
    "      --dpi N          PNG resolution (default: the preset's, 192 for slides)\n"
    "      --background B   transparent or a colour such as white or #f0f0f0\n"
    "                       (default: white)\n"
    "  -o, --out DIR        folder for the charts (default: reports/charts/SCRIPT-NAME/)\n"
    "  -p, --param KEY=VALUE  a parameter for the script, in sumi.params.KEY\n"
    "      --strict-glyphs  a character no configured font has is an error\n"
    "      --pdfa           PDF charts are PDF/A-2\n"
    "      --watch          export again whenever the script or a file it reads\n"
    "                       changes, as sumi render --watch does\n"
    "  -h, --help           show this help\n"
    "\n" LIMITS_USAGE("the --out folder");

static const char check_usage[] =
    "usage: sumi check SCRIPT [-p KEY=VALUE]... [--strict-glyphs]\n"
    "       sumi check MANIFEST [--manifest] [--strict-glyphs]\n"
    "\n"
    "Checks the Lua report script SCRIPT without writing anything: luacheck\n"
    "(Debian's lua-check) reads it for undefined globals and fields the\n"
    "standard library lacks, while the script runs with every output made in\n"
    "TMPDIR and discarded. A field the sumi library lacks is an error on\n"
    "every line, run or not (\"sumi.chart has no 'barr'; did you mean\n"
    "'bar'?\"): sumi follows the names the script binds to its modules.\n"
    "Every problem is printed with file:line. Exits 0 when there is none\n"
    "(warnings are printed but do not fail), 1 otherwise, 2 on a usage error\n"
    "or a bad manifest.\n"
    "\n"
    "A manifest (a file named *.manifest.lua, or any with --manifest) is\n"
    "checked job by job: each job's script with its parameters.\n"
    "\n"
    "  -p, --param KEY=VALUE  a parameter for the script, as render takes it\n"
    "      --manifest       SCRIPT is a sumi batch manifest\n"
    "      --strict-glyphs  a character no configured font has is an error\n"
    "  -h, --help           show this help\n"
    "\n" LIMITS_USAGE("the script's reports/ folder");

static const char fonts_usage[] =
    "usage: sumi fonts\n"
    "\n"
    "Lists the fonts that the families sans, serif and mono resolve to under\n"
    "sumi's own font configuration, and whether each covers Japanese and\n"
    "Chinese. Exits 1 when a family does not resolve or sans lacks CJK.\n";

/* Prints "sumi: " and the message (fmt NULL: printed already), then the
 * usage line. */
static int usage_error(const char *usage, const char *fmt, const char *arg) {
    if (fmt != NULL) {
        fprintf(stderr, "sumi: ");
        fprintf(stderr, fmt, arg);
        fputc('\n', stderr);
    }
    fprintf(stderr, "%.*s", (int)strcspn(usage, "\n") + 1, usage);
    fprintf(stderr, "Try 'sumi --help' for more information.\n");
    return EXIT_USAGE;
}

static int is_help(const char *arg) { return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0; }

static int valid_param(const char *p) {
    const char *eq = strchr(p, '=');
    if (eq == NULL || eq == p)
        return 0;
    for (const char *q = p; q < eq; q++)
        if (!(*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
              (q > p && *q >= '0' && *q <= '9')))
            return 0;
    return 1;
}

/* Takes argv[*i] when it is a sandbox option (engine/cli.c): returns 1
 * (status set on a usage error), or 0 when the option is another one. */
static int sandbox_option(struct sumi_sandbox_args *s, const char *usage, int argc, char **argv,
                          int *i, int *status) {
    char err[256];
    int taken =
        sumi_sandbox_option(s, argv[*i], *i + 1 < argc ? argv[*i + 1] : NULL, err, sizeof err);
    if (taken == 0)
        return 0;
    if (taken < 0)
        *status = usage_error(usage, "%s", err);
    else if (taken == 2)
        ++*i;
    return 1;
}

/* What render and chart both take: the script, -p, --strict-glyphs,
 * --watch, --pdfa and the sandbox options. */
struct run_args {
    const char *script;
    const char **params; /* argc entries: every argument could be one */
    int nparams, strict_glyphs, watch, pdfa;
    struct sumi_sandbox_args sandbox;
};

static int run_args_init(struct run_args *r, int argc) {
    memset(r, 0, sizeof *r);
    r->params = calloc((size_t)argc + 1, sizeof *r->params);
    if (!sumi_sandbox_init(&r->sandbox, argc) || r->params == NULL) {
        sumi_sandbox_free(&r->sandbox);
        free(r->params);
        return 0;
    }
    return 1;
}

static void run_args_free(struct run_args *r) {
    free(r->params);
    sumi_sandbox_free(&r->sandbox);
}

/* Takes argv[*i] when it is one of the shared arguments: returns 1 (status
 * set on a usage error), or 0 when it is the command's own (or unknown). */
static int run_arg(struct run_args *r, const char *usage, int argc, char **argv, int *i,
                   int *status) {
    const char *a = argv[*i];
    if (sandbox_option(&r->sandbox, usage, argc, argv, i, status))
        return 1;
    if (strcmp(a, "-p") == 0 || strcmp(a, "--param") == 0) {
        if (*i + 1 >= argc)
            *status = usage_error(usage, "option '%s' needs KEY=VALUE", a);
        else if (!valid_param(argv[*i + 1]))
            *status = usage_error(usage, "bad parameter '%s' (KEY=VALUE expected, KEY a name)",
                                  argv[*i + 1]);
        else
            r->params[r->nparams++] = argv[++*i];
    } else if (strcmp(a, "--strict-glyphs") == 0) {
        r->strict_glyphs = 1;
    } else if (strcmp(a, "--watch") == 0) {
        r->watch = 1;
    } else if (strcmp(a, "--pdfa") == 0) {
        r->pdfa = 1;
    } else if (a[0] == '-' && a[1] != '\0') {
        return 0;
    } else if (r->script != NULL) {
        *status = usage_error(usage, "unexpected argument '%s' (one script per run)", a);
    } else {
        r->script = a;
    }
    return 1;
}

/* After the arguments: a script was given and can be read. */
static int check_script(const struct run_args *r, const char *usage) {
    if (r->script == NULL)
        return usage_error(usage, "%s", "no script given");
    if (access(r->script, R_OK) != 0) {
        fprintf(stderr, "sumi: cannot open script '%s'\n", r->script);
        return EXIT_USAGE;
    }
    return 0;
}

static int command_render(int argc, char **argv) {
    const char *output = NULL;
    int previews = 0;
    struct run_args r;
    if (!run_args_init(&r, argc))
        return 1;
    int status = 0;
    for (int i = 0; i < argc && status == 0; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(render_usage, stdout);
            run_args_free(&r);
            return 0;
        } else if (run_arg(&r, render_usage, argc, argv, &i, &status)) {
            continue;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc)
                status = usage_error(render_usage, "option '%s' needs a path", a);
            else if (output != NULL)
                status = usage_error(render_usage, "option '%s' given twice", a);
            else
                output = argv[++i];
        } else if (strcmp(a, "--previews") == 0) {
            previews = 1;
        } else {
            status = usage_error(render_usage, "unknown option '%s'", a);
        }
    }
    if (status == 0)
        status = check_script(&r, render_usage);
    if (status != 0) {
        run_args_free(&r);
        return status;
    }
    struct sumi_run_options options = {
        .script_path = r.script,
        .output_path = output,
        .params = r.params,
        .param_count = r.nparams,
        .strict_glyphs = r.strict_glyphs,
        .previews = previews,
        .pdfa = r.pdfa,
    };
    sumi_sandbox_apply(&r.sandbox, &options);
    int code = r.watch ? sumi_watch(&options) : sumi_run_script(&options);
    run_args_free(&r);
    return code;
}

/* "1920x1080" -> 1920, 1080; each side in [1, 16384] (cairo's image limit
 * is 32767, and a slide needs far less). */
static int parse_size(const char *s, int *width, int *height) {
    char *end;
    long w = strtol(s, &end, 10);
    if (s[0] < '0' || s[0] > '9' || (*end != 'x' && *end != 'X'))
        return 0;
    const char *h_text = end + 1;
    if (*h_text < '0' || *h_text > '9')
        return 0;
    long h = strtol(h_text, &end, 10);
    if (*end != '\0' || w < 1 || w > 16384 || h < 1 || h > 16384)
        return 0;
    *width = (int)w;
    *height = (int)h;
    return 1;
}

static int parse_count(const char *s, long min, long max, int *out) {
    char *end;
    if (*s < '0' || *s > '9')
        return 0;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < min || v > max)
        return 0;
    *out = (int)v;
    return 1;
}

/* Splits "png,svg" into formats[] (each known, each once). */
static int parse_formats(char *list, const char **formats, int *count) {
    static const char *const known[] = {"png", "svg", "pdf", "trace", "pptx"};
    *count = 0;
    char *save = NULL;
    if (list[0] == '\0' || list[0] == ',' || list[strlen(list) - 1] == ',' || strstr(list, ",,"))
        return 0;
    for (char *f = strtok_r(list, ",", &save); f != NULL; f = strtok_r(NULL, ",", &save)) {
        const char *match = NULL;
        for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
            if (strcmp(f, known[k]) == 0)
                match = known[k];
        if (match == NULL)
            return 0;
        int dup = 0;
        for (int k = 0; k < *count; k++)
            dup |= formats[k] == match;
        if (!dup)
            formats[(*count)++] = match;
    }
    return *count > 0;
}

static int valid_background(const char *b) {
    if (b[0] == '\0')
        return 0;
    for (const char *p = b; *p; p++)
        if (!(*p == '#' || *p == '-' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return 0;
    return 1;
}

static const char *option_value(int argc, char **argv, int *i, int *status) {
    if (*i + 1 >= argc) {
        *status = usage_error(chart_usage, "option '%s' needs a value", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

static int command_chart(int argc, char **argv) {
    const char *out = NULL, *size = NULL, *preset = NULL, *dpi = NULL, *background = NULL;
    char *format_list = NULL;
    const char *formats[5];
    int format_count = 0;
    struct run_args r;
    if (!run_args_init(&r, argc))
        return 1;
    int status = 0;
    struct sumi_chart_export e = {0};
    for (int i = 0; i < argc && status == 0; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (is_help(a)) {
            fputs(chart_usage, stdout);
            free(format_list);
            run_args_free(&r);
            return 0;
        } else if (run_arg(&r, chart_usage, argc, argv, &i, &status)) {
            continue;
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
            const char *v = option_value(argc, argv, &i, &status);
            if (v != NULL) {
                free(format_list);
                format_list = strdup(v);
                if (format_list == NULL || !parse_formats(format_list, formats, &format_count))
                    status = usage_error(chart_usage,
                                         "bad format list '%s' (png, svg, pdf, trace, pptx or a "
                                         "comma-separated list of them expected)",
                                         v);
            }
        } else if (strcmp(a, "-s") == 0 || strcmp(a, "--size") == 0) {
            slot = &size;
        } else if (strcmp(a, "--preset") == 0) {
            slot = &preset;
        } else if (strcmp(a, "--dpi") == 0) {
            slot = &dpi;
        } else if (strcmp(a, "--background") == 0) {
            slot = &background;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--out") == 0) {
            slot = &out;
        } else {
            status = usage_error(chart_usage, "unknown option '%s'", a);
        }
        if (slot != NULL) {
            if (*slot != NULL)
                status = usage_error(chart_usage, "option '%s' given twice", a);
            else
                *slot = option_value(argc, argv, &i, &status);
        }
    }
    if (status == 0 && r.script == NULL)
        status = usage_error(chart_usage, "%s", "no script given");
    if (status == 0 && size != NULL && !parse_size(size, &e.width, &e.height))
        status = usage_error(
            chart_usage, "bad size '%s' (WIDTHxHEIGHT in pixels expected, each 1 to 16384)", size);
    int pptx = 0;
    for (int f = 0; f < format_count; f++)
        pptx |= strcmp(formats[f], "pptx") == 0;
    if (status == 0 && size != NULL && pptx && format_count == 1)
        status = usage_error(chart_usage, "%s",
                             "--size does not apply to pptx (a slide is 16:9, or 4:3 with "
                             "--preset 4:3)");
    if (status == 0 && size != NULL && preset != NULL)
        status = usage_error(chart_usage, "%s", "give --size or --preset, not both");
    if (status == 0 && preset != NULL && sumi_preset_find(preset) == NULL) {
        fprintf(stderr, "sumi: unknown preset '%s' (%s expected)\n", preset, sumi_preset_list());
        status = usage_error(chart_usage, NULL, NULL);
    }
    if (status == 0 && dpi != NULL && !parse_count(dpi, 1, 2400, &e.dpi))
        status =
            usage_error(chart_usage, "bad dpi '%s' (a whole number from 1 to 2400 expected)", dpi);
    if (status == 0 && background != NULL && !valid_background(background))
        status = usage_error(chart_usage,
                             "bad background '%s' (transparent or a colour name or #hex expected)",
                             background);
    if (status == 0 && out != NULL && out[0] == '\0')
        status = usage_error(chart_usage, "%s", "empty --out folder");
    if (status == 0)
        status = check_script(&r, chart_usage);
    char *default_out = NULL;
    if (status == 0 && out == NULL) {
        const char *stem;
        size_t len = sumi_script_stem(r.script, &stem);
        default_out = malloc(len + sizeof "reports/charts/");
        if (default_out == NULL)
            status = 1;
        else
            snprintf(default_out, len + sizeof "reports/charts/", "reports/charts/%.*s", (int)len,
                     stem);
        out = default_out;
    }
    if (status != 0) {
        free(format_list);
        free(default_out);
        run_args_free(&r);
        return status;
    }
    if (format_count == 0)
        formats[format_count++] = "png";
    e.directory = out;
    e.formats = formats;
    e.format_count = format_count;
    e.preset = preset;
    e.background = background;
    struct sumi_run_options options = {
        .script_path = r.script,
        .params = r.params,
        .param_count = r.nparams,
        .export = &e,
        .strict_glyphs = r.strict_glyphs,
        .pdfa = r.pdfa,
    };
    sumi_sandbox_apply(&r.sandbox, &options);
    int code = r.watch ? sumi_watch(&options) : sumi_run_script(&options);
    free(format_list);
    free(default_out);
    run_args_free(&r);
    return code;
}

/* One script checked: luacheck beside a run with its outputs discarded.
 * 0 when nothing was found, 1 otherwise. */
static int check_one(struct run_args *r, const char *script, const char *output,
                     const char *const *params, int nparams, int read_statically,
                     int *luacheck_missing) {
    struct sumi_static_check statics;
    int have_static = read_statically && sumi_static_check_start(&statics, script) == 0;
    struct sumi_run_options options = {
        .script_path = script,
        .output_path = output,
        .params = params,
        .param_count = nparams,
        .strict_glyphs = r->strict_glyphs,
        .pdfa = r->pdfa,
        .check = 1,
    };
    sumi_sandbox_apply(&r->sandbox, &options);
    int code = sumi_run_script(&options);
    int syntax_error = 0;
    int findings = have_static ? sumi_static_check_finish(&statics, &syntax_error) : 0;
    *luacheck_missing |= read_statically && !have_static;
    return code != 0 || findings > 0;
}

static int is_manifest_name(const char *path) {
    size_t n = strlen(path), suffix = strlen(".manifest.lua");
    return n > suffix && strcmp(path + n - suffix, ".manifest.lua") == 0;
}

static int command_check(int argc, char **argv) {
    struct run_args r;
    if (!run_args_init(&r, argc))
        return 1;
    int status = 0, manifest = 0;
    for (int i = 0; i < argc && status == 0; i++) {
        if (is_help(argv[i])) {
            fputs(check_usage, stdout);
            run_args_free(&r);
            return 0;
        } else if (strcmp(argv[i], "--manifest") == 0) {
            manifest = 1;
        } else if (!run_arg(&r, check_usage, argc, argv, &i, &status)) {
            status = usage_error(check_usage, "unknown option '%s'", argv[i]);
        }
    }
    if (status == 0 && r.watch)
        status = usage_error(check_usage, "%s", "option '--watch' is for render and chart");
    if (status == 0)
        status = check_script(&r, check_usage);
    manifest |= status == 0 && is_manifest_name(r.script);
    if (status == 0 && manifest && r.nparams > 0)
        status = usage_error(check_usage, "%s",
                             "a manifest gives its jobs their parameters: no -p with it");
    if (status != 0) {
        run_args_free(&r);
        return status;
    }
    int luacheck_missing = 0, failed = 0;
    if (!manifest) {
        failed = check_one(&r, r.script, NULL, r.params, r.nparams, 1, &luacheck_missing);
        if (!failed)
            printf("%s: no problems found\n", r.script);
    } else {
        /* Every job: its script with its parameters and output path. */
        struct sumi_manifest m;
        if (sumi_manifest_load(r.script, &m) != 0) {
            run_args_free(&r);
            return 2;
        }
        for (int j = 0; j < m.count; j++) {
            const struct sumi_batch_job *job = &m.jobs[j];
            /* luacheck reads each script once, with its first job. */
            int first = 1;
            for (int k = 0; k < j && first; k++)
                first = strcmp(m.jobs[k].script, job->script) != 0;
            if (check_one(&r, job->script, job->output, (const char *const *)job->params,
                          job->param_count, first, &luacheck_missing)) {
                fprintf(stderr, "sumi check: job '%s' (%s) has the problems above\n", job->name,
                        job->where);
                failed++;
            }
        }
        if (failed == 0)
            printf("%s: %d jobs, no problems found\n", r.script, m.count);
        else
            fprintf(stderr, "sumi check: %d of %d jobs have problems\n", failed, m.count);
        sumi_manifest_free(&m);
    }
    if (luacheck_missing)
        fprintf(stderr, "sumi check: luacheck (Debian's lua-check) is not installed: undefined "
                        "globals are found only on the lines the run reaches\n");
    run_args_free(&r);
    return failed ? 1 : 0;
}

static int command_fonts(int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(fonts_usage, stdout);
            return 0;
        }
        return usage_error(fonts_usage, "unexpected argument '%s'", argv[i]);
    }
    return sumi_fonts_report(stdout);
}

static int dispatch(int argc, char **argv) {
    /* No setlocale(): the process stays in the "C" locale, so no number the
     * engine writes depends on LC_NUMERIC. */
    if (argc < 2)
        return usage_error(main_usage, "%s", "no command given");
    const char *cmd = argv[1];
    if (is_help(cmd)) {
        fputs(main_usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("sumi %s\n", SUMI_VERSION);
        return 0;
    }
    if (strcmp(cmd, "render") == 0)
        return command_render(argc - 2, argv + 2);
    if (strcmp(cmd, "chart") == 0)
        return command_chart(argc - 2, argv + 2);
    if (strcmp(cmd, "fonts") == 0)
        return command_fonts(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0)
        return command_check(argc - 2, argv + 2);
    if (strcmp(cmd, "new") == 0)
        return sumi_new_main(argc - 2, argv + 2);
    if (strcmp(cmd, "batch") == 0)
        return sumi_batch_main(argc - 2, argv + 2);
    return usage_error(main_usage, "unknown command '%s'", cmd);
}

int main(int argc, char **argv) {
    int code = dispatch(argc, argv);
    sumi_fonts_shutdown();
    return code;
}
