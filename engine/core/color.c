#include "color.h"

#include <pango/pango.h>
#include <string.h>

int sumi_color_parse(const char *text, struct sumi_rgba *out) {
    if (text == NULL || text[0] == '\0')
        return 0;
    if (strcmp(text, "transparent") == 0 || strcmp(text, "none") == 0) {
        *out = (struct sumi_rgba){0, 0, 0, 0};
        return 1;
    }
    PangoColor color;
    guint16 alpha = 0xffff;
    if (!pango_color_parse_with_alpha(&color, &alpha, text))
        return 0;
    out->r = color.red / 65535.0;
    out->g = color.green / 65535.0;
    out->b = color.blue / 65535.0;
    out->a = alpha / 65535.0;
    return 1;
}
