#include "pdf_rewrite.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <qpdf/qpdf-c.h>
#include <string.h>
#include <unistd.h>

/* The qpdf C API functions used, opened from libqpdf on first use. Its
 * soname comes from the build (CMakeLists.txt reads it off the library). */
#define QPDF_FUNCTIONS(X)                                                                          \
    X(qpdf_init)                                                                                   \
    X(qpdf_cleanup)                                                                                \
    X(qpdf_silence_errors)                                                                         \
    X(qpdf_set_suppress_warnings)                                                                  \
    X(qpdf_read)                                                                                   \
    X(qpdf_init_write_memory)                                                                      \
    X(qpdf_set_object_stream_mode)                                                                 \
    X(qpdf_set_stream_data_mode)                                                                   \
    X(qpdf_set_deterministic_ID)                                                                   \
    X(qpdf_write)                                                                                  \
    X(qpdf_get_buffer_length)                                                                      \
    X(qpdf_get_buffer)                                                                             \
    X(qpdf_has_error)                                                                              \
    X(qpdf_get_error)                                                                              \
    X(qpdf_get_error_full_text)

static struct {
#define QPDF_POINTER(f) __typeof__(f) *f;
    QPDF_FUNCTIONS(QPDF_POINTER)
#undef QPDF_POINTER
} q;

static int qpdf_open(char *err, size_t errlen) {
    static void *lib;
    if (lib != NULL)
        return 0;
    void *handle = dlopen(SUMI_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(err, errlen, "writing a PDF needs libqpdf: %s", dlerror());
        return -1;
    }
    const char *missing = NULL;
#define QPDF_LOAD(f)                                                                               \
    if (missing == NULL && (q.f = (__typeof__(f) *)dlsym(handle, #f)) == NULL)                     \
        missing = #f;
    QPDF_FUNCTIONS(QPDF_LOAD)
#undef QPDF_LOAD
    if (missing != NULL) {
        dlclose(handle);
        snprintf(err, errlen, "writing a PDF needs libqpdf: " SUMI_QPDF_SONAME " has no %s",
                 missing);
        return -1;
    }
    lib = handle;
    return 0;
}

int sumi_pdf_rewrite(FILE *file, const char *path, char *err, size_t errlen) {
    if (fflush(file) != 0) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        return -1;
    }
    if (qpdf_open(err, errlen) != 0)
        return -1;
    qpdf_data pdf = q.qpdf_init();
    q.qpdf_silence_errors(pdf);
    /* cairo's damage is what the pass is for: reading it warns, by design */
    q.qpdf_set_suppress_warnings(pdf, QPDF_TRUE);
    int failed = QPDF_ERRORS & q.qpdf_read(pdf, path, NULL);
    if (!failed) {
        failed = QPDF_ERRORS & q.qpdf_init_write_memory(pdf);
        if (!failed) {
            q.qpdf_set_object_stream_mode(pdf, qpdf_o_generate);
            /* cairo's compressed streams as they are: recompressing costs time
             * and gains next to nothing */
            q.qpdf_set_stream_data_mode(pdf, qpdf_s_preserve);
            q.qpdf_set_deterministic_ID(pdf, QPDF_TRUE);
            failed = QPDF_ERRORS & q.qpdf_write(pdf);
        }
    }
    if (failed) {
        qpdf_error e = q.qpdf_has_error(pdf) ? q.qpdf_get_error(pdf) : NULL;
        snprintf(err, errlen, "cannot finish the PDF '%s': %s", path,
                 e != NULL ? q.qpdf_get_error_full_text(pdf, e) : "qpdf failed");
        q.qpdf_cleanup(&pdf);
        return -1;
    }
    size_t len = q.qpdf_get_buffer_length(pdf);
    const unsigned char *bytes = q.qpdf_get_buffer(pdf);
    int ok = fseek(file, 0, SEEK_SET) == 0 && ftruncate(fileno(file), 0) == 0 &&
             fwrite(bytes, 1, len, file) == len && fflush(file) == 0;
    if (!ok)
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    q.qpdf_cleanup(&pdf);
    return ok ? 0 : -1;
}
