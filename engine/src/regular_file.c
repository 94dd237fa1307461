/* Opening user-supplied files without ever blocking: only regular files are read. */
#define _POSIX_C_SOURCE 200809L /* open flags, fstat, fdopen */

#include "ud/regular_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *ud_open_regular(const char *path, size_t max_bytes, char *err, size_t err_size) {
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the
     * descriptor itself, so the file cannot be swapped between the check and the read. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        int saved = errno;
        snprintf(err, err_size, "%s: cannot open the file: %s", path, strerror(saved));
        errno = saved;
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        snprintf(err, err_size, "%s: not a regular file", path);
        errno = EINVAL;
        return NULL;
    }
    if ((unsigned long long)st.st_size > (unsigned long long)max_bytes) {
        close(fd);
        snprintf(err, err_size, "%s: too large (%lld bytes; at most %zu)", path,
                 (long long)st.st_size, max_bytes);
        errno = EFBIG;
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) {
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        int saved = errno;
        close(fd);
        snprintf(err, err_size, "%s: cannot open the file: %s", path, strerror(saved));
        errno = saved;
    }
    return f;
}

char *ud_read_regular(const char *path, size_t max_bytes, size_t *size, char *err,
                      size_t err_size) {
    FILE *f = ud_open_regular(path, max_bytes, err, err_size);
    if (f == NULL) {
        return NULL;
    }
    /* Read up to one byte more than allowed: a file that grew since it was opened is
     * refused, not cut. */
    char *text = malloc(max_bytes + 2);
    size_t n = text != NULL ? fread(text, 1, max_bytes + 1, f) : 0;
    bool failed = text != NULL && ferror(f);
    fclose(f);
    if (text == NULL || failed || n > max_bytes) {
        snprintf(err, err_size, "%s: %s", path,
                 text == NULL ? "out of memory"
                 : failed     ? "cannot read the file"
                              : "too large (it grew while it was read)");
        free(text);
        return NULL;
    }
    text[n] = '\0';
    if (size != NULL) {
        *size = n;
    }
    return text;
}

FILE *ud_create_fresh(const char *path) {
    if (unlink(path) != 0 && errno != ENOENT) {
        return NULL;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY, 0644);
    if (fd < 0) {
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    if (f == NULL) {
        int saved = errno;
        close(fd);
        unlink(path);
        errno = saved;
    }
    return f;
}

bool ud_is_regular_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
