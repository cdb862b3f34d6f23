#include "lang.h"

#include <string.h>
#include <strings.h>

const char *const sumi_lang_tags[] = {"ja", "zh-Hans", "zh-Hant", "zh-HK", "ko", "en", NULL};

/* fontconfig's orthographies: zh-cn and zh-tw are the simplified and the
 * traditional Han sets, zh-hk Hong Kong's. */
static const char *const fontconfig_names[] = {"ja", "zh-cn", "zh-tw", "zh-hk", "ko", "en"};

/* Other spellings of the same languages. Region subtags follow the usual
 * script of the region: Singapore writes simplified, Macau as Hong Kong. */
static const struct {
    const char *alias, *tag;
} aliases[] = {
    {"ja-JP", "ja"},           {"ja-Jpan", "ja"},         {"ja-Jpan-JP", "ja"},
    {"zh", "zh-Hans"},         {"zh-CN", "zh-Hans"},      {"zh-SG", "zh-Hans"},
    {"zh-Hans-CN", "zh-Hans"}, {"zh-Hans-SG", "zh-Hans"}, {"zh-TW", "zh-Hant"},
    {"zh-Hant-TW", "zh-Hant"}, {"zh-MO", "zh-HK"},        {"zh-Hant-HK", "zh-HK"},
    {"zh-Hant-MO", "zh-HK"},   {"ko-KR", "ko"},           {"ko-Kore", "ko"},
    {"ko-Kore-KR", "ko"},
};

/* en and en-<anything>: an English report reads the same in any region. */
static int is_english(const char *tag) {
    if (strncasecmp(tag, "en", 2) != 0)
        return 0;
    if (tag[2] == '\0')
        return 1;
    if (tag[2] != '-' || tag[3] == '\0')
        return 0;
    for (const char *p = tag + 3; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              (*p == '-' && p[1] != '-' && p[1] != '\0')))
            return 0;
    return 1;
}

const char *sumi_lang_canonical(const char *tag) {
    if (tag == NULL)
        return NULL;
    for (size_t i = 0; sumi_lang_tags[i] != NULL; i++)
        if (strcasecmp(tag, sumi_lang_tags[i]) == 0)
            return sumi_lang_tags[i];
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(tag, aliases[i].alias) == 0)
            return sumi_lang_canonical(aliases[i].tag);
    if (is_english(tag))
        return "en";
    return NULL;
}

const char *sumi_lang_fontconfig(const char *canonical) {
    for (size_t i = 0; sumi_lang_tags[i] != NULL; i++)
        if (canonical == sumi_lang_tags[i] || strcmp(canonical, sumi_lang_tags[i]) == 0)
            return fontconfig_names[i];
    return NULL;
}

const char *sumi_lang_from_fontconfig(const char *name) {
    if (name == NULL)
        return "";
    for (size_t i = 0; sumi_lang_tags[i] != NULL; i++)
        if (strcasecmp(name, fontconfig_names[i]) == 0)
            return sumi_lang_tags[i];
    return name;
}
