/* The chart sizes `sumi chart --preset` and chart:save({preset = ...}) know,
 * defined once: the command line checks a name before any Lua runs, and the
 * Lua export module (sumi.internal.export) reads the same table through
 * sumi.runtime. */
#ifndef SUMI_PRESETS_H
#define SUMI_PRESETS_H

struct sumi_preset {
    const char *name;
    double width, height; /* the page, in points */
    int dpi;              /* a PNG's resolution */
};

/* In the order messages list them; ends with a NULL name. */
extern const struct sumi_preset sumi_presets[];
/* The preset `sumi chart` uses when none is given (run/runtime.c hands it
 * to the export module). */
#define SUMI_DEFAULT_EXPORT_PRESET "slides"

/* The preset called name, or NULL. */
const struct sumi_preset *sumi_preset_find(const char *name);
/* "slides, slides-720, 4:3 or print": the names for a message. */
const char *sumi_preset_list(void);

#endif
