/* A repair of every PDF cairo writes, before it is published. Debian 12's
 * cairo (1.16) writes cross-reference entries for objects it never writes
 * whenever a page has a link: they hold the offset of another object, so
 * `qpdf --check` calls the file damaged and strict readers refuse it. The
 * wrong entries are made free, in place (pdf_repair.c says how); a file
 * without the fault is left as it is, and a rerun still writes the same
 * bytes.
 *
 * A pass through libqpdf, which reads the file and writes it anew, was
 * tried first: it gave smaller files (object streams) but cost 12 ms of the
 * flagship's 100 (4 ms of them loading libqpdf and GnuTLS), past the 10%
 * the briefing may lose. This repair costs a few reads and one write. */
#ifndef SUMI_PDF_REPAIR_H
#define SUMI_PDF_REPAIR_H

#include <stddef.h>
#include <stdio.h>

/* Repairs the PDF at path, open as file (flushed here). 0, or -1 with a
 * message in err (the file is then not to be published). */
int sumi_pdf_repair_xref(FILE *file, const char *path, char *err, size_t errlen);

#endif
