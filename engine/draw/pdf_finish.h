/* What cairo 1.16 cannot write into a PDF, added after it has finished:
 * the attributes of structure elements (/Alt, /Lang, a header cell's
 * /Scope, a figure's /BBox), artifacts taken out of the structure tree,
 * the catalog's /Lang, /ViewerPreferences and /Metadata, link annotations'
 * /Contents and print flag, /Tabs on pages with links, an information
 * dictionary and XMP metadata that agree, the trailer's /ID and, for
 * PDF/A-2, an sRGB output intent.
 *
 * cairo makes the structure tree from the tags a canvas begins
 * (canvas_tags.c); its element names are all it keeps. The canvas records
 * every tag it begins, in order, with the attributes cairo drops; the
 * tree cairo wrote, walked depth first, visits its elements in that same
 * order, which is how each element finds its attributes.
 *
 * Everything is added as an incremental update (PDF 32000-1 7.5.6): new
 * versions of the objects that change and the new ones, appended with a
 * cross-reference section of their own. cairo's bytes stay as they were and
 * fonts are not copied; the pages' content streams are (inflated, their
 * artifacts marked, deflated again), which for the flagship is 45 KB of
 * drawing. PDF/A-2 allows incremental updates. */
#ifndef SUMI_PDF_FINISH_H
#define SUMI_PDF_FINISH_H

#include <stddef.h>
#include <stdio.h>

enum sumi_pdf_scope { SUMI_SCOPE_NONE, SUMI_SCOPE_ROW, SUMI_SCOPE_COLUMN, SUMI_SCOPE_BOTH };

/* One structure element, in the order its tag began. */
struct sumi_pdf_element {
    char role[16];             /* PDF standard structure type, or "Artifact" */
    char *alt;                 /* Figure: /Alt; Link: its annotation's /Contents */
    char *lang;                /* /Lang, when it is not the document's */
    enum sumi_pdf_scope scope; /* TH only */
    int colspan, rowspan;      /* TH, TD: the columns and rows the cell spans (0 or 1: one) */
    int has_bbox;
    double bbox[4]; /* x0 y0 x1 y1, PDF space (origin bottom left) */
};

struct sumi_pdf_meta {
    char *title, *author, *subject, *keywords, *lang; /* owned; NULL when not given */
    long long date;                                   /* seconds since 1970, or -1: no date */
    int tagged;                                       /* a structure tree for PDF/UA-1 */
    int pdfa;                                         /* PDF/A-2 (level a when tagged, else b) */
    struct sumi_pdf_element *elements;
    size_t count, capacity;
};

/* The name cairo is given for a role. cairo 1.16 takes only structure
 * types, so an Artifact goes through as "Private" (a type sumi never uses
 * otherwise) and is made an artifact when the file is finished. */
const char *sumi_pdf_cairo_role(const char *role);

/* The element to fill for the next tag begun, or NULL when out of memory. */
struct sumi_pdf_element *sumi_pdf_meta_add(struct sumi_pdf_meta *m, const char *role);

void sumi_pdf_meta_free(struct sumi_pdf_meta *m);

/* Finishes the PDF at path, open as file, whose cross-reference table is
 * sound (pdf_repair.c). 0, or -1 with a message in err (the file is then
 * not to be published). */
int sumi_pdf_finish(FILE *file, const char *path, const struct sumi_pdf_meta *meta, char *err,
                    size_t errlen);

#endif
