#define _POSIX_C_SOURCE 200809L
#include "pdf_repair.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* cairo 1.16 writes a classic cross-reference table ("xref", one section
 * from object 0, entries of 20 bytes) found through "startxref" at the end.
 * An entry of an object it never wrote holds the offset of another object
 * (with links on a page: the link tags' placeholders). Each entry is
 * checked against what its offset holds; a wrong one becomes free, in
 * place, and the free entries are chained as the PDF standard asks (entry
 * 0 heads the list, the last points back to 0). Nothing else of the file
 * changes, and a file without the fault is left byte for byte as it was. */

#define ENTRY_BYTES 20

static int read_at(int fd, char *buf, size_t size, long offset) {
    ssize_t n = pread(fd, buf, size, offset);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return (int)n;
}

/* 1 when the text at offset begins object number `number`. */
static int holds_object(int fd, long offset, long number) {
    char buf[48], want[32];
    if (offset <= 0 || read_at(fd, buf, sizeof buf - 1, offset) <= 0)
        return 0;
    int n = snprintf(want, sizeof want, "%ld 0 obj", number);
    return strncmp(buf, want, (size_t)n) == 0;
}

int sumi_pdf_repair_xref(FILE *file, const char *path, char *err, size_t errlen) {
    if (fflush(file) != 0)
        goto io_error;
    int fd = fileno(file);
    long size = lseek(fd, 0, SEEK_END);
    if (size < 0)
        goto io_error;
    char tail[256];
    long tail_at = size > (long)sizeof tail - 1 ? size - (long)sizeof tail + 1 : 0;
    if (read_at(fd, tail, sizeof tail - 1, tail_at) < 0)
        goto io_error;
    const char *start = strstr(tail, "startxref");
    long xref = start != NULL ? strtol(start + 9, NULL, 10) : -1;
    char head[64];
    long count = 0;
    if (xref <= 0 || xref >= size || read_at(fd, head, sizeof head - 1, xref) < 0 ||
        sscanf(head, "xref %*d %ld", &count) != 1 || count <= 0 || count > 10000000)
        return 0; /* not the table cairo 1.16 writes: left as it is */
    const char *entries_at = strchr(strchr(head, '\n') + 1, '\n');
    if (entries_at == NULL)
        return 0;
    long first = xref + (entries_at + 1 - head);
    size_t bytes = (size_t)count * ENTRY_BYTES;
    char *table = malloc(bytes + 1);
    if (table == NULL) {
        snprintf(err, errlen, "cannot finish the PDF '%s': out of memory", path);
        return -1;
    }
    if (read_at(fd, table, bytes, first) != (int)bytes) {
        free(table);
        return 0;
    }
    /* Which entries are wrong; then the free list through all free ones. */
    int changed = 0;
    for (long k = 1; k < count; k++) {
        char *e = table + k * ENTRY_BYTES;
        if (e[17] == 'n' && !holds_object(fd, strtol(e, NULL, 10), k)) {
            e[17] = 'f';
            changed = 1;
        }
    }
    if (changed) {
        long previous = 0;
        for (long k = count - 1; k >= 0; k--) {
            char *e = table + k * ENTRY_BYTES;
            if (e[17] != 'f')
                continue;
            char entry[32];
            snprintf(entry, sizeof entry, "%010ld 65535 f", previous);
            memcpy(e, entry, 18); /* the line end (the last 2 bytes) stays */
            previous = k;
        }
        if (pwrite(fd, table, bytes, first) != (ssize_t)bytes) {
            free(table);
            goto io_error;
        }
    }
    free(table);
    return 0;
io_error:
    snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    return -1;
}
