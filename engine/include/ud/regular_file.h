/* Opening the files a user hands the program (scenarios, helpers, saves, result files,
 * settings) so that a FIFO, a device or a folder in their place is refused, never waited on. */
#ifndef UD_REGULAR_FILE_H
#define UD_REGULAR_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Opens `path` for reading only if it is a regular file of at most max_bytes: never a
 * device, a FIFO or a folder (a FIFO would block until some other program wrote to it; a
 * device could never end). The open itself never blocks. On failure returns NULL with
 * "PATH: why" in err ("PATH: not a regular file", "PATH: cannot open the file: No such
 * file or directory", "PATH: too large (...)"); errno is left as the open set it (ENOENT
 * for a file that is not there). The caller closes the FILE. */
FILE *ud_open_regular(const char *path, size_t max_bytes, char *err, size_t err_size);

/* The whole of such a file as a NUL-terminated text the caller frees (*size: its length,
 * which may be NULL). NULL with "PATH: why" in err, as ud_open_regular. */
char *ud_read_regular(const char *path, size_t max_bytes, size_t *size, char *err, size_t err_size);

/* Creates `path` afresh for writing (a temporary file the program renames over the real
 * one afterwards): whatever had that name is removed first and the new file is created
 * exclusively, so a FIFO or a link left there is never opened (opening a FIFO to write
 * waits for a reader). NULL with errno set if it cannot be created. */
FILE *ud_create_fresh(const char *path);

/* Whether `path` names a regular file (following links); never opens it. */
bool ud_is_regular_file(const char *path);

#endif
