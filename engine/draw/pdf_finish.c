#define _POSIX_C_SOURCE 200809L
#include "pdf_finish.h"

#include <cairo.h>
#include <ctype.h>
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "embedded.h"

/* The structure type an Artifact's content is marked with until it is
 * finished (sumi_pdf_cairo_role). */
#define ARTIFACT_CARRIER "Private"

const char *sumi_pdf_cairo_role(const char *role) {
    return strcmp(role, "Artifact") == 0 ? ARTIFACT_CARRIER : role;
}

/* ---- the file and its objects ---- */

struct pdf {
    char *buf; /* the whole file as cairo and the repair left it */
    size_t size;
    long *offsets; /* per object number; 0 when free */
    long count;    /* /Size */
    long xref_at;
    long root, info;
    GString *out;        /* the update */
    long *written;       /* offset of each object the update writes, or 0 */
    long next_number;    /* the next new object's number */
    unsigned char *dead; /* per object number: an Artifact element taken out */
    int artifacts;       /* whether any element is an Artifact */
    int bad_content;     /* a page's content could not be read or written */
};

/* A lexer over PDF syntax: enough of it to read the dictionaries and
 * arrays cairo writes (PDF 32000-1 7.2, 7.3). */
struct lex {
    const char *p, *end;
};

enum kind { V_NONE, V_DICT, V_ARRAY, V_NAME, V_NUMBER, V_REF, V_STRING, V_KEYWORD };

struct val {
    enum kind kind;
    const char *start, *end; /* the value's text */
    long num;                /* V_REF: the object number; V_NUMBER: its integer part */
};

static int is_delim(char ch) { return strchr("()<>[]{}/%", ch) != NULL; }
static int is_space(char ch) {
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == '\0';
}

static void skip_space(struct lex *x) {
    while (x->p < x->end) {
        if (is_space(*x->p)) {
            x->p++;
        } else if (*x->p == '%') {
            while (x->p < x->end && *x->p != '\n' && *x->p != '\r')
                x->p++;
        } else {
            break;
        }
    }
}

static void skip_regular(struct lex *x) {
    while (x->p < x->end && !is_space(*x->p) && !is_delim(*x->p))
        x->p++;
}

static int read_value(struct lex *x, struct val *v);

/* Reads an integer if one comes next; the lexer moves only if it does. */
static int read_integer(struct lex *x, long *out) {
    struct lex t = *x;
    skip_space(&t);
    const char *s = t.p;
    if (t.p < t.end && (*t.p == '+' || *t.p == '-'))
        t.p++;
    if (t.p >= t.end || !isdigit((unsigned char)*t.p))
        return 0;
    while (t.p < t.end && isdigit((unsigned char)*t.p))
        t.p++;
    if (t.p < t.end && !is_space(*t.p) && !is_delim(*t.p))
        return 0; /* a real number */
    *out = strtol(s, NULL, 10);
    *x = t;
    return 1;
}

/* The next value, or V_NONE at the end or before a closing ] or >>. */
static int read_value(struct lex *x, struct val *v) {
    skip_space(x);
    v->kind = V_NONE;
    v->start = x->p;
    v->num = 0;
    if (x->p >= x->end || *x->p == ']' || (*x->p == '>' && x->p + 1 < x->end && x->p[1] == '>'))
        return 0;
    char ch = *x->p;
    if (ch == '<' && x->p + 1 < x->end && x->p[1] == '<') {
        x->p += 2;
        struct val k, item;
        while (read_value(x, &k) && read_value(x, &item)) {
        }
        skip_space(x);
        x->p = x->p + 2 <= x->end ? x->p + 2 : x->end;
        v->kind = V_DICT;
    } else if (ch == '[') {
        x->p++;
        struct val item;
        while (read_value(x, &item)) {
        }
        skip_space(x);
        if (x->p < x->end)
            x->p++;
        v->kind = V_ARRAY;
    } else if (ch == '(') {
        int depth = 0;
        for (; x->p < x->end; x->p++) {
            if (*x->p == '\\')
                x->p++;
            else if (*x->p == '(')
                depth++;
            else if (*x->p == ')' && --depth == 0)
                break;
        }
        if (x->p < x->end)
            x->p++;
        v->kind = V_STRING;
    } else if (ch == '<') {
        while (x->p < x->end && *x->p != '>')
            x->p++;
        if (x->p < x->end)
            x->p++;
        v->kind = V_STRING;
    } else if (ch == '/') {
        x->p++;
        skip_regular(x);
        v->kind = V_NAME;
    } else if (ch == '+' || ch == '-' || ch == '.' || isdigit((unsigned char)ch)) {
        long a, b;
        struct lex t = *x;
        if (read_integer(&t, &a) && read_integer(&t, &b)) {
            skip_space(&t);
            if (t.p < t.end && *t.p == 'R' &&
                (t.p + 1 == t.end || is_space(t.p[1]) || is_delim(t.p[1]))) {
                x->p = t.p + 1;
                v->kind = V_REF;
                v->num = a;
                v->end = x->p;
                return 1;
            }
        }
        v->num = strtol(x->p, NULL, 10);
        x->p++;
        skip_regular(x);
        v->kind = V_NUMBER;
    } else if (is_delim(ch)) {
        x->p++; /* a stray delimiter: taken as a keyword of its own */
        v->kind = V_KEYWORD;
    } else {
        skip_regular(x);
        v->kind = V_KEYWORD;
    }
    v->end = x->p;
    return 1;
}

static int name_is(const struct val *v, const char *name) {
    size_t n = strlen(name);
    return v->kind == V_NAME && (size_t)(v->end - v->start) == n + 1 &&
           memcmp(v->start + 1, name, n) == 0;
}

/* The value of key in the dictionary d. */
static int dict_get(const struct val *d, const char *key, struct val *out) {
    if (d->kind != V_DICT)
        return 0;
    struct lex x = {d->start + 2, d->end - 2};
    struct val k;
    while (read_value(&x, &k) && read_value(&x, out))
        if (name_is(&k, key))
            return 1;
    return 0;
}

/* The dictionary (or other value) object number n holds. */
static int object(const struct pdf *f, long n, struct val *out) {
    if (n <= 0 || n >= f->count || f->offsets[n] <= 0)
        return 0;
    struct lex x = {f->buf + f->offsets[n], f->buf + f->size};
    long a, b;
    struct val kw;
    if (!read_integer(&x, &a) || a != n || !read_integer(&x, &b) || !read_value(&x, &kw))
        return 0;
    return read_value(&x, out);
}

/* ---- writing ---- */

/* A text string (PDF 32000-1 7.9.2.2): printable ASCII as a literal, anything
 * else as UTF-16BE with its byte order mark. */
static void put_text(GString *o, const char *utf8) {
    int ascii = 1;
    for (const char *s = utf8; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
            ascii = 0;
    if (ascii) {
        g_string_append_c(o, '(');
        for (const char *s = utf8; *s; s++) {
            if (*s == '(' || *s == ')' || *s == '\\')
                g_string_append_c(o, '\\');
            g_string_append_c(o, *s);
        }
        g_string_append_c(o, ')');
        return;
    }
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    g_string_append(o, "<FEFF");
    for (glong i = 0; u != NULL && i < n; i++)
        g_string_append_printf(o, "%04X", u[i]);
    g_string_append_c(o, '>');
    g_free(u);
}

static void begin_object(struct pdf *f, long n) {
    f->written[n] = (long)(f->size + f->out->len);
    g_string_append_printf(f->out, "%ld 0 obj\n", n);
}

static long new_object(struct pdf *f) {
    long n = f->next_number++;
    begin_object(f, n);
    return n;
}

static void end_object(struct pdf *f) { g_string_append(f->out, "\nendobj\n"); }

/* A dictionary's text without its closing >>, for keys to be added to. */
static void put_dict_open(GString *o, const struct val *d) {
    g_string_append_len(o, d->start, d->end - d->start - 2);
}

/* The value v with every reference to a removed artifact taken out (in
 * an array) or made null (elsewhere). */
static void put_without_dead(struct pdf *f, GString *o, const struct val *v, int in_array) {
    if (v->kind == V_REF && f->dead[v->num]) {
        if (!in_array)
            g_string_append(o, "null");
        return;
    }
    if (v->kind != V_ARRAY && v->kind != V_DICT) {
        g_string_append_len(o, v->start, v->end - v->start);
        return;
    }
    int dict = v->kind == V_DICT;
    g_string_append(o, dict ? "<< " : "[ ");
    struct lex x = {v->start + (dict ? 2 : 1), v->end - (dict ? 2 : 1)};
    struct val item;
    while (read_value(&x, &item)) {
        put_without_dead(f, o, &item, !dict);
        g_string_append_c(o, ' ');
    }
    g_string_append(o, dict ? ">>" : "]");
}

static int holds_dead(const struct pdf *f, const struct val *v) {
    if (v->kind == V_REF)
        return f->dead[v->num];
    if (v->kind != V_ARRAY && v->kind != V_DICT)
        return 0;
    int dict = v->kind == V_DICT;
    struct lex x = {v->start + (dict ? 2 : 1), v->end - (dict ? 2 : 1)};
    struct val item;
    while (read_value(&x, &item))
        if (holds_dead(f, &item))
            return 1;
    return 0;
}

/* ---- the structure tree ---- */

struct walk {
    long *elements; /* object numbers, depth first */
    size_t count, capacity;
    int failed;
};

static void walk_element(const struct pdf *f, long n, struct walk *w, int depth) {
    struct val d, s;
    if (depth > 200 || !object(f, n, &d) || !dict_get(&d, "S", &s)) {
        w->failed = 1;
        return;
    }
    if (w->count == w->capacity) {
        w->capacity = w->capacity ? w->capacity * 2 : 64;
        w->elements = g_renew(long, w->elements, w->capacity);
    }
    w->elements[w->count++] = n;
    struct val k;
    if (!dict_get(&d, "K", &k))
        return;
    if (k.kind == V_REF) {
        walk_element(f, k.num, w, depth + 1);
    } else if (k.kind == V_ARRAY) {
        struct lex x = {k.start + 1, k.end - 1};
        struct val item;
        /* Marked-content ids, MCR and OBJR dictionaries are not elements. */
        while (read_value(&x, &item))
            if (item.kind == V_REF)
                walk_element(f, item.num, w, depth + 1);
    }
}

static int table_attrs(const struct sumi_pdf_element *e) {
    return e->scope != SUMI_SCOPE_NONE || e->colspan > 1 || e->rowspan > 1;
}

/* The attribute objects of an element (PDF 32000-1 14.8.5): the Table
 * owner's Scope, ColSpan and RowSpan, the Layout owner's BBox. */
static void put_scope_and_bbox(GString *o, const struct sumi_pdf_element *e) {
    static const char *const scopes[] = {NULL, "Row", "Column", "Both"};
    int n = table_attrs(e) + e->has_bbox;
    if (n == 0)
        return;
    g_string_append(o, "\n   /A ");
    if (n > 1)
        g_string_append(o, "[ ");
    if (table_attrs(e)) {
        g_string_append(o, "<< /O /Table ");
        if (e->scope != SUMI_SCOPE_NONE)
            g_string_append_printf(o, "/Scope /%s ", scopes[e->scope]);
        if (e->colspan > 1)
            g_string_append_printf(o, "/ColSpan %d ", e->colspan);
        if (e->rowspan > 1)
            g_string_append_printf(o, "/RowSpan %d ", e->rowspan);
        g_string_append(o, ">> ");
    }
    if (e->has_bbox)
        g_string_append_printf(o, "<< /O /Layout /BBox [ %.2f %.2f %.2f %.2f ] >> ", e->bbox[0],
                               e->bbox[1], e->bbox[2], e->bbox[3]);
    if (n > 1)
        g_string_append(o, "]");
}

/* Each element's attributes, artifacts out of the tree. Fills link_alt:
 * the text of each Link element, by object number, for its annotation. */
static int finish_structure(struct pdf *f, const struct sumi_pdf_meta *m, long tree_root,
                            const char **link_alt, char *err, size_t errlen) {
    struct val root, k, parent_tree;
    if (!object(f, tree_root, &root) || !dict_get(&root, "K", &k)) {
        snprintf(err, errlen, "the structure tree root cannot be read");
        return -1;
    }
    struct walk w = {0};
    if (k.kind == V_REF) {
        walk_element(f, k.num, &w, 0);
    } else {
        struct lex x = {k.start + 1, k.end - 1};
        struct val item;
        while (k.kind == V_ARRAY && read_value(&x, &item))
            if (item.kind == V_REF)
                walk_element(f, item.num, &w, 0);
    }
    if (w.failed || w.count != m->count) {
        snprintf(err, errlen, "the structure tree has %zu elements where %zu tags were begun",
                 w.count, m->count);
        g_free(w.elements);
        return -1;
    }
    for (size_t i = 0; i < w.count; i++) {
        struct val d, s;
        object(f, w.elements[i], &d);
        dict_get(&d, "S", &s);
        if (!name_is(&s, sumi_pdf_cairo_role(m->elements[i].role))) {
            snprintf(err, errlen, "structure element %zu is not the '%s' begun", i + 1,
                     m->elements[i].role);
            g_free(w.elements);
            return -1;
        }
        if (strcmp(m->elements[i].role, "Artifact") == 0)
            f->dead[w.elements[i]] = f->artifacts = 1;
        if (strcmp(m->elements[i].role, "Link") == 0)
            link_alt[w.elements[i]] = m->elements[i].alt;
    }
    for (size_t i = 0; i < w.count; i++) {
        const struct sumi_pdf_element *e = &m->elements[i];
        struct val d, kids;
        object(f, w.elements[i], &d);
        int has_kids = dict_get(&d, "K", &kids);
        int cut = has_kids && holds_dead(f, &kids);
        int attrs = (e->alt != NULL && strcmp(e->role, "Link") != 0) || e->lang != NULL ||
                    table_attrs(e) || e->has_bbox;
        if (f->dead[w.elements[i]] || (!cut && !attrs))
            continue;
        begin_object(f, w.elements[i]);
        if (cut) {
            /* The dictionary again, its /K without the artifacts. */
            g_string_append(f->out, "<< ");
            struct lex x = {d.start + 2, d.end - 2};
            struct val key, value;
            while (read_value(&x, &key) && read_value(&x, &value)) {
                g_string_append_len(f->out, key.start, key.end - key.start);
                g_string_append_c(f->out, ' ');
                if (name_is(&key, "K"))
                    put_without_dead(f, f->out, &value, 0);
                else
                    g_string_append_len(f->out, value.start, value.end - value.start);
                g_string_append(f->out, "\n   ");
            }
        } else {
            put_dict_open(f->out, &d);
        }
        if (e->alt != NULL && strcmp(e->role, "Link") != 0) {
            g_string_append(f->out, "   /Alt ");
            put_text(f->out, e->alt);
        }
        if (e->lang != NULL) {
            g_string_append(f->out, "\n   /Lang ");
            put_text(f->out, e->lang);
        }
        put_scope_and_bbox(f->out, e);
        g_string_append(f->out, "\n>>");
        end_object(f);
    }
    if (holds_dead(f, &k)) {
        begin_object(f, tree_root);
        put_without_dead(f, f->out, &root, 0);
        end_object(f);
    }
    /* The parent tree maps marked content to elements: an artifact's
     * entries become null. */
    if (dict_get(&root, "ParentTree", &parent_tree) && parent_tree.kind == V_REF) {
        struct val pt;
        if (object(f, parent_tree.num, &pt) && holds_dead(f, &pt)) {
            begin_object(f, parent_tree.num);
            put_without_dead(f, f->out, &pt, 0);
            end_object(f);
        }
    }
    g_free(w.elements);
    return 0;
}

/* ---- artifacts in the pages' content ---- */

/* The data of stream object n, as the file holds it. */
static int stream_data(const struct pdf *f, long n, struct val *dict, const char **data,
                       size_t *len) {
    struct val length, v;
    if (!object(f, n, dict) || dict->kind != V_DICT || !dict_get(dict, "Length", &length))
        return 0;
    long bytes = length.num;
    if (length.kind == V_REF) {
        if (!object(f, length.num, &v) || v.kind != V_NUMBER)
            return 0;
        bytes = v.num;
    } else if (length.kind != V_NUMBER) {
        return 0;
    }
    const char *p = dict->end, *end = f->buf + f->size;
    while (p < end && is_space(*p))
        p++;
    if (end - p < 7 || memcmp(p, "stream", 6) != 0)
        return 0;
    p += 6;
    p += *p == '\r' ? 2 : 1; /* "stream" ends with CRLF or LF (7.3.8.1) */
    if (bytes < 0 || bytes > end - p)
        return 0;
    *data = p;
    *len = (size_t)bytes;
    return 1;
}

static int inflate_all(const char *data, size_t len, GString *out) {
    z_stream z = {0};
    if (inflateInit(&z) != Z_OK)
        return 0;
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    char chunk[16384];
    int rc;
    do {
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        g_string_append_len(out, chunk, (gssize)(sizeof chunk - z.avail_out));
    } while (rc != Z_STREAM_END);
    inflateEnd(&z);
    return rc == Z_STREAM_END;
}

/* cairo marks an Artifact's content "/Private << /MCID n >> BDC"; an
 * artifact is "/Artifact BMC" (PDF 32000-1 14.8.2.2), outside the tree.
 * Returns how many were changed. */
static int mark_artifacts(const GString *in, GString *out) {
    static const char head[] = "/" ARTIFACT_CARRIER " << /MCID ";
    const size_t head_len = sizeof head - 1;
    int changed = 0;
    size_t i = 0, copied = 0;
    while (i + head_len < in->len) {
        const char *hit = memchr(in->str + i, '/', in->len - i);
        if (hit == NULL)
            break;
        i = (size_t)(hit - in->str);
        if (i + head_len < in->len && memcmp(hit, head, head_len) == 0) {
            size_t j = i + head_len;
            while (j < in->len && g_ascii_isdigit(in->str[j]))
                j++;
            if (j + 7 <= in->len && memcmp(in->str + j, " >> BDC", 7) == 0) {
                g_string_append_len(out, in->str + copied, (gssize)(i - copied));
                g_string_append(out, "/Artifact BMC");
                i = copied = j + 7;
                changed++;
                continue;
            }
        }
        i++;
    }
    g_string_append_len(out, in->str + copied, (gssize)(in->len - copied));
    return changed;
}

static int rewrite_content(struct pdf *f, long n) {
    struct val dict, filter;
    const char *data;
    size_t len;
    if (f->written[n] != 0 || !stream_data(f, n, &dict, &data, &len))
        return 0;
    int flate = dict_get(&dict, "Filter", &filter);
    if (flate && !name_is(&filter, "FlateDecode"))
        return 0;
    GString *plain = g_string_sized_new(len * 4 + 64), *marked = g_string_sized_new(len * 4 + 64);
    int ok =
        flate ? inflate_all(data, len, plain) : (g_string_append_len(plain, data, (gssize)len), 1);
    if (ok && mark_artifacts(plain, marked) > 0) {
        uLongf packed_len = compressBound((uLong)marked->len);
        Bytef *packed = g_malloc(packed_len);
        if (compress2(packed, &packed_len, (const Bytef *)marked->str, (uLong)marked->len, 6) ==
            Z_OK) {
            begin_object(f, n);
            g_string_append_printf(f->out, "<< /Length %lu /Filter /FlateDecode >>\nstream\n",
                                   (unsigned long)packed_len);
            g_string_append_len(f->out, (const char *)packed, (gssize)packed_len);
            g_string_append(f->out, "\nendstream");
            end_object(f);
        } else {
            ok = 0;
        }
        g_free(packed);
    }
    g_string_free(plain, TRUE);
    g_string_free(marked, TRUE);
    return ok ? 0 : -1;
}

/* The element a /StructParent key names, through the parent tree. */
static long parent_tree_lookup(const struct val *nums, long key) {
    struct lex x = {nums->start + 1, nums->end - 1};
    struct val k, v;
    while (read_value(&x, &k) && read_value(&x, &v))
        if (k.kind == V_NUMBER && k.num == key)
            return v.kind == V_REF ? v.num : 0;
    return 0;
}

/* Each page: its artifacts marked as such; its link annotations with the
 * print flag PDF/A asks for (/F 4) and the description PDF/UA asks for
 * (/Contents), and /Tabs /S when it has any. */
static void finish_pages(struct pdf *f, const struct sumi_pdf_meta *m, const struct val *pages,
                         const struct val *nums, const char **link_alt, int depth) {
    struct val kids;
    if (depth > 50 || !dict_get(pages, "Kids", &kids) || kids.kind != V_ARRAY)
        return;
    struct lex x = {kids.start + 1, kids.end - 1};
    struct val ref;
    while (read_value(&x, &ref)) {
        struct val page, type, annots;
        if (ref.kind != V_REF || !object(f, ref.num, &page))
            continue;
        if (dict_get(&page, "Type", &type) && name_is(&type, "Pages")) {
            finish_pages(f, m, &page, nums, link_alt, depth + 1);
            continue;
        }
        struct val contents;
        if (f->artifacts && dict_get(&page, "Contents", &contents)) {
            if (contents.kind == V_REF) {
                f->bad_content |= rewrite_content(f, contents.num) != 0;
            } else if (contents.kind == V_ARRAY) {
                struct lex c = {contents.start + 1, contents.end - 1};
                struct val part;
                while (read_value(&c, &part))
                    if (part.kind == V_REF)
                        f->bad_content |= rewrite_content(f, part.num) != 0;
            }
        }
        if (!dict_get(&page, "Annots", &annots) || annots.kind != V_ARRAY)
            continue;
        struct val tabs;
        if (m->tagged && !dict_get(&page, "Tabs", &tabs)) {
            begin_object(f, ref.num);
            put_dict_open(f->out, &page);
            g_string_append(f->out, "   /Tabs /S\n>>");
            end_object(f);
        }
        struct lex a = {annots.start + 1, annots.end - 1};
        struct val aref;
        while (read_value(&a, &aref)) {
            struct val annot, flags, described, sp;
            if (aref.kind != V_REF || !object(f, aref.num, &annot))
                continue;
            int add_flags = m->pdfa && !dict_get(&annot, "F", &flags);
            const char *text = NULL;
            if (m->tagged && !dict_get(&annot, "Contents", &described) && nums != NULL &&
                dict_get(&annot, "StructParent", &sp) && sp.kind == V_NUMBER) {
                long elem = parent_tree_lookup(nums, sp.num);
                if (elem > 0 && elem < f->count)
                    text = link_alt[elem];
            }
            if (!add_flags && text == NULL)
                continue;
            begin_object(f, aref.num);
            put_dict_open(f->out, &annot);
            if (add_flags)
                g_string_append(f->out, "   /F 4\n");
            if (text != NULL) {
                g_string_append(f->out, "   /Contents ");
                put_text(f->out, text);
                g_string_append_c(f->out, '\n');
            }
            g_string_append(f->out, ">>");
            end_object(f);
        }
    }
}

/* ---- metadata ---- */

static void put_xml(GString *o, const char *s) {
    gchar *e = g_markup_escape_text(s, -1);
    g_string_append(o, e);
    g_free(e);
}

static const char *producer(void) {
    static char text[96];
    if (text[0] == '\0')
        snprintf(text, sizeof text, "sumi " SUMI_VERSION " (cairo %s)", cairo_version_string());
    return text;
}

static void put_info_entry(GString *o, const char *key, const char *value) {
    if (value == NULL)
        return;
    g_string_append_printf(o, "   /%s ", key);
    put_text(o, value);
    g_string_append_c(o, '\n');
}

static void write_info(struct pdf *f, const struct sumi_pdf_meta *m, const struct tm *date) {
    if (f->info > 0)
        begin_object(f, f->info);
    else
        f->info = new_object(f);
    GString *o = f->out;
    g_string_append(o, "<< ");
    put_info_entry(o, "Title", m->title);
    put_info_entry(o, "Author", m->author);
    put_info_entry(o, "Subject", m->subject);
    put_info_entry(o, "Keywords", m->keywords);
    put_info_entry(o, "Creator", "sumi " SUMI_VERSION);
    put_info_entry(o, "Producer", producer());
    if (date != NULL) {
        char when[40];
        strftime(when, sizeof when, "D:%Y%m%d%H%M%S+00'00'", date);
        g_string_append_printf(o, "   /CreationDate (%s)\n   /ModDate (%s)\n", when, when);
    }
    g_string_append(o, ">>");
    end_object(f);
}

/* The XMP packet (ISO 16684-1) that says what the information dictionary
 * says, and which parts of PDF/A and PDF/UA the file claims. */
static long write_xmp(struct pdf *f, const struct sumi_pdf_meta *m, const struct tm *date) {
    GString *x =
        g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                     "<rdf:Description rdf:about=\"\"\n"
                     "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                     "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                     "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
    if (m->pdfa)
        g_string_append(x, "\n  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    if (m->tagged)
        g_string_append(x, "\n  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    g_string_append(x, ">\n<dc:format>application/pdf</dc:format>\n");
    if (m->title != NULL) {
        g_string_append(x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        put_xml(x, m->title);
        g_string_append(x, "</rdf:li></rdf:Alt></dc:title>\n");
    }
    if (m->author != NULL) {
        g_string_append(x, "<dc:creator><rdf:Seq><rdf:li>");
        put_xml(x, m->author);
        g_string_append(x, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (m->subject != NULL) {
        g_string_append(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        put_xml(x, m->subject);
        g_string_append(x, "</rdf:li></rdf:Alt></dc:description>\n");
    }
    if (m->lang != NULL) {
        g_string_append(x, "<dc:language><rdf:Bag><rdf:li>");
        put_xml(x, m->lang);
        g_string_append(x, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    if (m->keywords != NULL) {
        g_string_append(x, "<pdf:Keywords>");
        put_xml(x, m->keywords);
        g_string_append(x, "</pdf:Keywords>\n");
    }
    g_string_append_printf(x, "<pdf:Producer>%s</pdf:Producer>\n", producer());
    g_string_append(x, "<xmp:CreatorTool>sumi " SUMI_VERSION "</xmp:CreatorTool>\n");
    if (date != NULL) {
        char when[40];
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S+00:00", date);
        g_string_append_printf(x,
                               "<xmp:CreateDate>%s</xmp:CreateDate>\n"
                               "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                               "<xmp:MetadataDate>%s</xmp:MetadataDate>\n",
                               when, when, when);
    }
    if (m->pdfa)
        g_string_append_printf(
            x, "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>%s</pdfaid:conformance>\n",
            m->tagged ? "A" : "B");
    if (m->tagged)
        g_string_append(x, "<pdfuaid:part>1</pdfuaid:part>\n");
    g_string_append(x, "</rdf:Description>\n");
    if (m->pdfa && m->tagged) {
        /* PDF/A-2 6.6.2.3: a property outside the schemas XMP predefines is
         * described by an extension schema, pdfuaid:part included. */
        g_string_append(
            x,
            "<rdf:Description rdf:about=\"\"\n"
            "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
            "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
            "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
            "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
            "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
            "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
            "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
            "<pdfaProperty:name>part</pdfaProperty:name>\n"
            "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
            "<pdfaProperty:category>internal</pdfaProperty:category>\n"
            "<pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>\n"
            "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
            "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
            "</rdf:Description>\n");
    }
    g_string_append(x, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    /* Not compressed: PDF/A-2 6.6.2.1 wants metadata any reader can find. */
    long n = new_object(f);
    g_string_append_printf(f->out, "<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n",
                           x->len);
    g_string_append_len(f->out, x->str, (gssize)x->len);
    g_string_append(f->out, "\nendstream");
    end_object(f);
    g_string_free(x, TRUE);
    return n;
}

/* The output intent of PDF/A (6.2.3): sRGB, the colour space every colour
 * cairo writes is meant in, with the ICC profile of Debian's
 * icc-profiles-free compiled into the engine (CMakeLists.txt). */
static long write_output_intent(struct pdf *f) {
    const struct sumi_embedded_file *icc = sumi_embedded_find("sRGB.icc");
    long profile = new_object(f);
    g_string_append_printf(f->out, "<< /N 3 /Length %zu >>\nstream\n", icc->size);
    g_string_append_len(f->out, icc->data, (gssize)icc->size);
    g_string_append(f->out, "\nendstream");
    end_object(f);
    long intent = new_object(f);
    g_string_append_printf(f->out,
                           "<< /Type /OutputIntent /S /GTS_PDFA1\n"
                           "   /OutputConditionIdentifier (sRGB IEC61966-2.1)\n"
                           "   /Info (sRGB IEC61966-2.1)\n"
                           "   /RegistryName (http://www.color.org)\n"
                           "   /DestOutputProfile %ld 0 R >>",
                           profile);
    end_object(f);
    return intent;
}

/* ---- the pass ---- */

static int read_file(struct pdf *f, int fd) {
    off_t size = lseek(fd, 0, SEEK_END);
    if (size <= 0)
        return -1;
    f->size = (size_t)size;
    f->buf = malloc(f->size + 1);
    if (f->buf == NULL)
        return -1;
    size_t got = 0;
    while (got < f->size) {
        ssize_t n = pread(fd, f->buf + got, f->size - got, (off_t)got);
        if (n <= 0)
            return -1;
        got += (size_t)n;
    }
    f->buf[f->size] = '\0';
    return 0;
}

/* The one cross-reference table cairo writes and its trailer. */
static int read_xref(struct pdf *f) {
    const char *tail = f->size > 128 ? f->buf + f->size - 128 : f->buf;
    const char *start = g_strstr_len(tail, f->buf + f->size - tail, "startxref");
    if (start == NULL)
        return -1;
    f->xref_at = strtol(start + 9, NULL, 10);
    long first, count;
    if (f->xref_at <= 0 || (size_t)f->xref_at >= f->size ||
        sscanf(f->buf + f->xref_at, "xref %ld %ld", &first, &count) != 2 || first != 0 ||
        count <= 0 || count > 10000000)
        return -1;
    const char *entries = strchr(strchr(f->buf + f->xref_at, '\n') + 1, '\n');
    if (entries == NULL || (size_t)(entries + 1 - f->buf) + (size_t)count * 20 > f->size)
        return -1;
    entries++;
    f->count = count;
    f->offsets = g_new0(long, count);
    for (long k = 0; k < count; k++)
        if (entries[k * 20 + 17] == 'n')
            f->offsets[k] = strtol(entries + k * 20, NULL, 10);
    const char *trailer =
        g_strstr_len(entries + count * 20, f->buf + f->size - (entries + count * 20), "trailer");
    if (trailer == NULL)
        return -1;
    struct lex x = {trailer + 7, f->buf + f->size};
    struct val d, v;
    if (!read_value(&x, &d) || d.kind != V_DICT || !dict_get(&d, "Root", &v) || v.kind != V_REF)
        return -1;
    f->root = v.num;
    f->info = dict_get(&d, "Info", &v) && v.kind == V_REF ? v.num : 0;
    return 0;
}

static void write_xref(struct pdf *f) {
    long xref = (long)(f->size + f->out->len);
    GString *o = f->out;
    g_string_append(o, "xref\n");
    for (long n = 0; n < f->next_number;) {
        if (f->written[n] == 0) {
            n++;
            continue;
        }
        long run = n;
        while (run < f->next_number && f->written[run] != 0)
            run++;
        g_string_append_printf(o, "%ld %ld\n", n, run - n);
        for (; n < run; n++)
            g_string_append_printf(o, "%010ld 00000 n \n", f->written[n]);
    }
    gchar *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)f->buf, f->size);
    g_string_append_printf(
        o,
        "trailer\n<< /Size %ld\n   /Root %ld 0 R\n   /Info %ld 0 R\n   /Prev %ld\n"
        "   /ID [ <%s> <%s> ]\n>>\nstartxref\n%ld\n%%%%EOF\n",
        f->next_number, f->root, f->info, f->xref_at, id, id, xref);
    g_free(id);
}

static int finish(struct pdf *f, const struct sumi_pdf_meta *m, char *err, size_t errlen) {
    struct val catalog, v;
    if (read_xref(f) != 0 || !object(f, f->root, &catalog) || catalog.kind != V_DICT) {
        snprintf(err, errlen, "its cross-reference table or catalog cannot be read");
        return -1;
    }
    /* Room for the objects the update adds: at most a handful. */
    f->written = g_new0(long, f->count + 8);
    f->dead = g_new0(unsigned char, f->count + 8);
    f->next_number = f->count;
    f->out = g_string_sized_new(8192);
    time_t when = (time_t)m->date;
    struct tm tm, *date = m->date >= 0 && gmtime_r(&when, &tm) != NULL ? &tm : NULL;

    int has_tree = dict_get(&catalog, "StructTreeRoot", &v) && v.kind == V_REF;
    const char **link_alt = g_new0(const char *, f->count);
    struct val nums = {0}, *nums_p = NULL;
    if (m->tagged && has_tree) {
        if (finish_structure(f, m, v.num, link_alt, err, errlen) != 0) {
            g_free(link_alt);
            return -1;
        }
        struct val root, pt_ref, pt;
        if (object(f, v.num, &root) && dict_get(&root, "ParentTree", &pt_ref) &&
            pt_ref.kind == V_REF && object(f, pt_ref.num, &pt) && dict_get(&pt, "Nums", &nums) &&
            nums.kind == V_ARRAY)
            nums_p = &nums;
    }
    /* With tags but nothing drawn in them cairo writes no tree: there is
     * then no content to describe, and the file is left untagged. */
    struct val pages;
    if (dict_get(&catalog, "Pages", &v) && v.kind == V_REF && object(f, v.num, &pages))
        finish_pages(f, m, &pages, nums_p, link_alt, 0);
    g_free(link_alt);
    if (f->bad_content) {
        snprintf(err, errlen, "a page's content cannot be read back to mark its artifacts");
        return -1;
    }

    write_info(f, m, date);
    long metadata = m->tagged || m->pdfa ? write_xmp(f, m, date) : 0;
    long intent = m->pdfa ? write_output_intent(f) : 0;

    begin_object(f, f->root);
    put_dict_open(f->out, &catalog);
    if (m->lang != NULL) {
        g_string_append(f->out, "   /Lang ");
        put_text(f->out, m->lang);
        g_string_append_c(f->out, '\n');
    }
    if (m->title != NULL)
        g_string_append(f->out, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
    if (m->tagged && has_tree && !dict_get(&catalog, "MarkInfo", &v))
        g_string_append(f->out, "   /MarkInfo << /Marked true >>\n");
    if (metadata > 0)
        g_string_append_printf(f->out, "   /Metadata %ld 0 R\n", metadata);
    if (intent > 0)
        g_string_append_printf(f->out, "   /OutputIntents [ %ld 0 R ]\n", intent);
    g_string_append(f->out, ">>");
    end_object(f);
    write_xref(f);
    return 0;
}

int sumi_pdf_finish(FILE *file, const char *path, const struct sumi_pdf_meta *meta, char *err,
                    size_t errlen) {
    if (fflush(file) != 0) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        return -1;
    }
    int fd = fileno(file);
    struct pdf f = {0};
    char why[256] = "";
    int status = 0;
    if (read_file(&f, fd) != 0) {
        snprintf(err, errlen, "cannot read back '%s': %s", path, strerror(errno));
        status = -1;
    } else if (finish(&f, meta, why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot finish the PDF '%s': %s", path, why);
        status = -1;
    } else if (pwrite(fd, f.out->str, f.out->len, (off_t)f.size) != (ssize_t)f.out->len) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        status = -1;
    }
    free(f.buf);
    g_free(f.offsets);
    g_free(f.written);
    g_free(f.dead);
    if (f.out != NULL)
        g_string_free(f.out, TRUE);
    return status;
}

/* ---- the record the canvas keeps ---- */

struct sumi_pdf_element *sumi_pdf_meta_add(struct sumi_pdf_meta *m, const char *role) {
    if (m->count == m->capacity) {
        size_t cap = m->capacity ? m->capacity * 2 : 64;
        struct sumi_pdf_element *e = realloc(m->elements, cap * sizeof *e);
        if (e == NULL)
            return NULL;
        m->elements = e;
        m->capacity = cap;
    }
    struct sumi_pdf_element *e = &m->elements[m->count++];
    memset(e, 0, sizeof *e);
    g_strlcpy(e->role, role, sizeof e->role);
    return e;
}

void sumi_pdf_meta_free(struct sumi_pdf_meta *m) {
    for (size_t i = 0; i < m->count; i++) {
        free(m->elements[i].alt);
        free(m->elements[i].lang);
    }
    free(m->elements);
    free(m->title);
    free(m->author);
    free(m->subject);
    free(m->keywords);
    free(m->lang);
    memset(m, 0, sizeof *m);
    m->date = -1;
}
