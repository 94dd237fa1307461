/* UTF-8 checks for texts that come from files a user hands the program (saves, result files,
 * team names, catalogs): shown on screen and written into UTF-8 reports, they must be text. */
#ifndef UD_UTF8_H
#define UD_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the first `n` bytes of s (or up to its end, whichever comes first) are whole,
 * well-formed UTF-8 sequences. */
bool ud_utf8_valid(const char *s, size_t n);

/* Replaces each byte that is not part of a well-formed sequence with '?', in place: a text
 * cut to fit a field may end inside a sequence. */
void ud_utf8_clean(char *s);

/* ud_utf8_clean, and each control character (a tab, and a line break unless
 * `keep_line_breaks`, included) replaced with `replacement`: a text that reaches a terminal or
 * a one-line field carries no escape sequence and no stray line. */
void ud_utf8_plain(char *s, bool keep_line_breaks, char replacement);

/* Copies src into dst (size bytes, ending NUL included), cut if it must be on a character's
 * boundary, never inside one; what the copy holds is well-formed if src was. */
void ud_utf8_copy(char *dst, size_t size, const char *src);

#endif
