/* Colours as analysts write them: "#rgb", "#rrggbb", "#rrggbbaa", names. */
#ifndef SUMI_COLOR_H
#define SUMI_COLOR_H

struct sumi_rgba {
    double r, g, b, a; /* each in [0, 1] */
};

/* 1 on success; 0 when text is not a colour. Names are the X11/CSS names that
 * Pango knows, plus "transparent". */
int sumi_color_parse(const char *text, struct sumi_rgba *out);

#endif
