/* A pass over every PDF cairo writes, before it is published: qpdf reads
 * the file and writes it again. Debian 12's cairo (1.16) writes
 * cross-reference entries for objects it never writes, and an
 * unreferenced array of them, whenever a page has a link: `qpdf --check`
 * calls such a file damaged, and strict readers refuse it. qpdf's reading
 * recovers the structure (every object cairo did write, links included),
 * and its writing gives a clean cross-reference table, object streams (a
 * smaller file) and an /ID computed from the content, so a rerun still
 * writes the same bytes.
 *
 * libqpdf is opened the first time a PDF is finished, not at start-up: runs
 * that write no PDF do not load it (nor the C++ library under it). */
#ifndef SUMI_PDF_REWRITE_H
#define SUMI_PDF_REWRITE_H

#include <stddef.h>
#include <stdio.h>

/* Rewrites the PDF at path, open as file (flushed here; left open at its
 * end). 0, or -1 with a message in err (the file is then not to be
 * published). */
int sumi_pdf_rewrite(FILE *file, const char *path, char *err, size_t errlen);

#endif
