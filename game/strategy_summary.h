/* What a strategy does, in its author's words: the first sentence of its header comment. */
#ifndef UD_STRATEGY_SUMMARY_H
#define UD_STRATEGY_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

/* The first sentence of the comment at the top of strategy file `path`, without a leading
 * "Sound strategy for m4: " label ("train officers, audit twice a year, hire as caseloads
 * grow."). False (out empty) when the file cannot be read or starts with no comment. */
bool ud_strategy_summary(const char *path, char *out, size_t size);

#endif
