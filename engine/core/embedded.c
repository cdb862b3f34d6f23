#include "embedded.h"

#include <string.h>

const struct sumi_embedded_file *sumi_embedded_find(const char *name) {
    for (const struct sumi_embedded_file *f = sumi_embedded_files; f->name != NULL; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}
