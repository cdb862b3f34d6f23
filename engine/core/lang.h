/* The languages a report is set in. A tag follows BCP 47 and is matched
 * without regard to case; its aliases name the same language (zh-CN is
 * zh-Hans, ja-JP is ja, en-GB is en). Each language has the name fontconfig
 * and Pango know it by, which picks its fonts (the JP, SC, TC, HK or KR
 * face of Noto CJK, fonts/sumi-fonts.conf) and its line-breaking rules. */
#ifndef SUMI_LANG_H
#define SUMI_LANG_H

/* The engine's languages, canonical tags in the order messages list them:
 * ja, zh-Hans, zh-Hant, zh-HK, ko, en. */
extern const char *const sumi_lang_tags[];

/* The canonical tag of tag, or NULL when tag is none of the engine's. */
const char *sumi_lang_canonical(const char *tag);

/* The language fontconfig and Pango are given for a canonical tag ("zh-cn"
 * for zh-Hans); a tag of a language a script defined is given as it is,
 * lowercased, by the caller. */
const char *sumi_lang_fontconfig(const char *canonical);

/* The BCP 47 tag of a language as fontconfig and Pango name it ("zh-cn" ->
 * "zh-Hans"); another name as it is, "" for NULL. */
const char *sumi_lang_from_fontconfig(const char *name);

#endif
