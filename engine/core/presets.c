#include "presets.h"

#include <string.h>

const struct sumi_preset sumi_presets[] = {
    {"slides", 720, 405, 192},      /* 1920 x 1080 px */
    {"slides-720", 720, 405, 128},  /* 1280 x 720 px */
    {"4:3", 720, 540, 144},         /* 1440 x 1080 px */
    {"print", 453.54, 255.12, 300}, /* 160 x 90 mm */
    {NULL, 0, 0, 0},
};

const struct sumi_preset *sumi_preset_find(const char *name) {
    for (const struct sumi_preset *p = sumi_presets; p->name != NULL; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

const char *sumi_preset_list(void) {
    static char list[128];
    if (list[0] == '\0') {
        size_t count = 0;
        while (sumi_presets[count].name != NULL)
            count++;
        for (size_t i = 0; i < count; i++) {
            const char *sep = i == 0 ? "" : i + 1 == count ? " or " : ", ";
            strncat(list, sep, sizeof list - strlen(list) - 1);
            strncat(list, sumi_presets[i].name, sizeof list - strlen(list) - 1);
        }
    }
    return list;
}
