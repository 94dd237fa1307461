/* A strategy's own description, read from its header comment (for the debrief). */
#include "strategy_summary.h"

#include "ud/regular_file.h"

#include <stdio.h>
#include <string.h>

/* Strategies are short; a header comment longer than this is cut. */
#define HEADER_MAX 2048

bool ud_strategy_summary(const char *path, char *out, size_t size) {
    if (size == 0) {
        return false;
    }
    out[0] = '\0';
    char why[512];
    FILE *f = ud_open_regular(path, 1u << 20, why, sizeof why);
    if (f == NULL) {
        return false;
    }
    /* the comment lines at the top, joined with spaces */
    char header[HEADER_MAX] = "", line[512];
    size_t used = 0;
    while (fgets(line, sizeof line, f) != NULL && strncmp(line, "--", 2) == 0) {
        const char *text = line + 2;
        while (*text == ' ' || *text == '-') {
            text++;
        }
        size_t n = strcspn(text, "\r\n");
        if (n > 0 && used + n + 2 < sizeof header) {
            if (used > 0) {
                header[used++] = ' ';
            }
            memcpy(header + used, text, n);
            used += n;
            header[used] = '\0';
        }
    }
    fclose(f);
    /* "Sound strategy for m4: train officers..." reads as "train officers..." */
    const char *start = header;
    const char *colon = strstr(header, ": ");
    if (colon != NULL && colon - header < 60) {
        start = colon + 2;
    }
    /* its first sentence: up to a full stop followed by a space, or the end */
    size_t len = strlen(start);
    const char *stop = strstr(start, ". ");
    if (stop != NULL) {
        len = (size_t)(stop - start) + 1;
    }
    if (len == 0) {
        return false;
    }
    snprintf(out, size, "%.*s", (int)len, start);
    return true;
}
