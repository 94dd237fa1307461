/* UTF-8 checks for texts read from files (see ud/utf8.h). */
#include "ud/utf8.h"

/* The length of the well-formed sequence at u (at most `left` bytes), or 0 if there is none:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t sequence(const unsigned char *u, size_t left) {
    if (u[0] < 0x80) {
        return 1;
    }
    size_t len = (u[0] & 0xE0) == 0xC0   ? 2
                 : (u[0] & 0xF0) == 0xE0 ? 3
                 : (u[0] & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (len == 0 || len > left) {
        return 0;
    }
    unsigned long c = u[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    return len;
}

static size_t length_within(const char *s, size_t n) {
    size_t len = 0;
    while (len < n && s[len] != '\0') {
        len++;
    }
    return len;
}

bool ud_utf8_valid(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t len = length_within(s, n);
    for (size_t i = 0; i < len;) {
        size_t k = sequence(u + i, len - i);
        if (k == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

void ud_utf8_clean(char *s) {
    unsigned char *u = (unsigned char *)s;
    size_t len = length_within(s, (size_t)-1);
    for (size_t i = 0; i < len;) {
        size_t k = sequence(u + i, len - i);
        if (k == 0) {
            u[i] = '?';
            k = 1;
        }
        i += k;
    }
}

void ud_utf8_plain(char *s, bool keep_line_breaks, char replacement) {
    ud_utf8_clean(s);
    for (unsigned char *c = (unsigned char *)s; *c != '\0'; c++) {
        if ((*c < 0x20 && !(keep_line_breaks && *c == '\n')) || *c == 0x7f) {
            *c = (unsigned char)replacement;
        }
    }
}

void ud_utf8_copy(char *dst, size_t size, const char *src) {
    if (size == 0) {
        return;
    }
    size_t len = length_within(src, size - 1);
    /* the last character must be whole: find where it starts (continuation bytes are
     * 10xxxxxx) and leave it out if its lead byte asks for more bytes than are kept */
    size_t start = len;
    while (start > 0 && ((unsigned char)src[start - 1] & 0xC0) == 0x80) {
        start--;
    }
    if (start > 0) {
        unsigned char lead = (unsigned char)src[start - 1];
        size_t need = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
        if (lead >= 0x80 && start - 1 + need > len) {
            len = start - 1;
        }
    }
    for (size_t i = 0; i < len; i++) {
        dst[i] = src[i];
    }
    dst[len] = '\0';
}
