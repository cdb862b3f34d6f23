/* Words in text, as ICU's dictionary-based word break finds them: Japanese
 * and Chinese are written without spaces, so where a word ends is a matter
 * of a dictionary ("フランス" is one word, "人工智能产业" two). text.c keeps
 * such words whole on a line when the script asks it to (keep_words).
 *
 * ICU is opened the first time a word is asked for, not at start-up: most
 * runs never ask, and loading it costs every process that links it. */
#ifndef SUMI_WORDS_H
#define SUMI_WORDS_H

#include <stddef.h>

/* Calls found(start, end, data) for each word of min_chars characters or
 * more in text (UTF-8, len bytes), with byte offsets; icu_locale is ICU's
 * name of the language ("ja", "zh_Hans", "ko"). Spaces and punctuation are
 * not words. Returns 0, or -1 with a message in err when ICU cannot be
 * opened or fails. */
int sumi_words_each(const char *text, size_t len, const char *icu_locale, int min_chars,
                    void (*found)(size_t start, size_t end, void *data), void *data, char *err,
                    size_t errlen);

#endif
