/* The `sumi` command line. Exit codes: 0 success, 1 the report failed,
 * 2 bad command-line usage. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fonts.h"
#include "runtime.h"

#define EXIT_USAGE 2

static const char main_usage[] =
    "usage: sumi COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  render SCRIPT [-o OUT] [-p KEY=VALUE]...   run a report script\n"
    "  fonts                                      show the fonts sumi resolves\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help (sumi COMMAND --help for a command)\n"
    "  -V, --version   show the version\n"
    "\n"
    "Exit codes: 0 success, 1 the report failed, 2 bad command-line usage.\n";

static const char render_usage[] =
    "usage: sumi render SCRIPT [-o OUT] [-p KEY=VALUE]...\n"
    "\n"
    "Runs the Lua report script SCRIPT. Its outputs are published only when the\n"
    "script succeeds; on failure no output is written or replaced.\n"
    "\n"
    "  -o, --output OUT     path that the script's outputs use when they name none\n"
    "                       (default: reports/SCRIPT-NAME.EXT)\n"
    "  -p, --param KEY=VALUE  a parameter for the script, in sumi.params.KEY\n"
    "                       (repeatable; values are strings)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Relative paths that a script reads are taken from the script's folder.\n";

static const char fonts_usage[] =
    "usage: sumi fonts\n"
    "\n"
    "Lists the fonts that the families sans, serif and mono resolve to under\n"
    "sumi's own font configuration, and whether each covers Japanese and\n"
    "Chinese. Exits 1 when a family does not resolve or sans lacks CJK.\n";

static int usage_error(const char *usage, const char *fmt, const char *arg) {
    fprintf(stderr, "sumi: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%.*s", (int)strcspn(usage, "\n") + 1, usage);
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

static int command_render(int argc, char **argv) {
    const char *script = NULL, *output = NULL;
    const char **params = calloc((size_t)argc, sizeof *params);
    int nparams = 0;
    if (params == NULL)
        return 1;
    int status = 0;
    for (int i = 0; i < argc && status == 0; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(render_usage, stdout);
            free(params);
            return 0;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc)
                status = usage_error(render_usage, "option '%s' needs a path", a);
            else if (output != NULL)
                status = usage_error(render_usage, "option '%s' given twice", a);
            else
                output = argv[++i];
        } else if (strcmp(a, "-p") == 0 || strcmp(a, "--param") == 0) {
            if (i + 1 >= argc)
                status = usage_error(render_usage, "option '%s' needs KEY=VALUE", a);
            else if (!valid_param(argv[i + 1]))
                status =
                    usage_error(render_usage, "bad parameter '%s' (KEY=VALUE expected, KEY a name)",
                                argv[i + 1]);
            else
                params[nparams++] = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            status = usage_error(render_usage, "unknown option '%s'", a);
        } else if (script != NULL) {
            status = usage_error(render_usage, "unexpected argument '%s' (one script per run)", a);
        } else {
            script = a;
        }
    }
    if (status == 0 && script == NULL)
        status = usage_error(render_usage, "%s", "no script given");
    if (status == 0 && access(script, R_OK) != 0) {
        fprintf(stderr, "sumi: cannot open script '%s'\n", script);
        status = EXIT_USAGE;
    }
    if (status != 0) {
        free(params);
        return status;
    }
    struct sumi_run_options options = {
        .script_path = script,
        .output_path = output,
        .params = params,
        .param_count = nparams,
    };
    int code = sumi_run_script(&options);
    free(params);
    return code;
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
    if (strcmp(cmd, "fonts") == 0)
        return command_fonts(argc - 2, argv + 2);
    return usage_error(main_usage, "unknown command '%s'", cmd);
}

int main(int argc, char **argv) {
    int code = dispatch(argc, argv);
    sumi_fonts_shutdown();
    return code;
}
