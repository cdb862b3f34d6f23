#include "words.h"

#include <dlfcn.h>
#include <stdio.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* The ICU functions used, opened from libicuuc on first use. ICU renames
 * its symbols by version (ubrk_open is ubrk_open_72): the names are taken
 * from the headers the engine was built with, as is the library's soname. */
#define ICU_FUNCTIONS(X)                                                                           \
    X(ubrk_open)                                                                                   \
    X(ubrk_setUText)                                                                               \
    X(ubrk_first)                                                                                  \
    X(ubrk_next)                                                                                   \
    X(ubrk_getRuleStatus)                                                                          \
    X(ubrk_close)                                                                                  \
    X(utext_openUTF8)                                                                              \
    X(utext_close)

#define ICU_STRING(x) ICU_STRING2(x)
#define ICU_STRING2(x) #x
#define ICU_SONAME "libicuuc.so." ICU_STRING(U_ICU_VERSION_MAJOR_NUM)

static struct {
#define ICU_POINTER(f) __typeof__(f) *f;
    ICU_FUNCTIONS(ICU_POINTER)
#undef ICU_POINTER
} icu;

static int icu_open(char *err, size_t errlen) {
    static void *lib;
    if (lib != NULL)
        return 0;
    void *handle = dlopen(ICU_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(err, errlen, "word breaking needs ICU: %s", dlerror());
        return -1;
    }
    const char *missing = NULL;
    /* ICU_STRING expands the renamed name: "ubrk_open_72" */
#define ICU_LOAD(f)                                                                                \
    if (missing == NULL && (icu.f = (__typeof__(f) *)dlsym(handle, ICU_STRING(f))) == NULL)        \
        missing = ICU_STRING(f);
    ICU_FUNCTIONS(ICU_LOAD)
#undef ICU_LOAD
    if (missing != NULL) {
        dlclose(handle);
        snprintf(err, errlen, "word breaking needs ICU: " ICU_SONAME " has no %s", missing);
        return -1;
    }
    lib = handle;
    return 0;
}

int sumi_words_each(const char *text, size_t len, const char *icu_locale, int min_chars,
                    void (*found)(size_t start, size_t end, void *data), void *data, char *err,
                    size_t errlen) {
    if (icu_open(err, errlen) != 0)
        return -1;
    UErrorCode status = U_ZERO_ERROR;
    UText *ut = icu.utext_openUTF8(NULL, text, (int64_t)len, &status);
    UBreakIterator *bi = icu.ubrk_open(UBRK_WORD, icu_locale, NULL, 0, &status);
    if (U_SUCCESS(status))
        icu.ubrk_setUText(bi, ut, &status);
    if (U_FAILURE(status)) {
        snprintf(err, errlen, "word breaking failed: ICU error %d", (int)status);
        if (bi != NULL)
            icu.ubrk_close(bi);
        if (ut != NULL)
            icu.utext_close(ut);
        return -1;
    }
    /* On UTF-8 text the boundaries are byte offsets. A word is what ICU
     * tags as letters, kana, ideographs or a number; spaces and
     * punctuation are not words. */
    int32_t start = icu.ubrk_first(bi);
    for (int32_t end = icu.ubrk_next(bi); end != UBRK_DONE; start = end, end = icu.ubrk_next(bi)) {
        if (icu.ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT)
            continue;
        int chars = 0;
        for (int32_t i = start; i < end; i++)
            chars += ((unsigned char)text[i] & 0xC0) != 0x80;
        if (chars >= min_chars)
            found((size_t)start, (size_t)end, data);
    }
    icu.ubrk_close(bi);
    icu.utext_close(ut);
    return 0;
}
