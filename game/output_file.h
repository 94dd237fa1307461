/* Files the command line writes (--csv, --result, --output): checked before anything is
 * played, so that a mistake costs nothing, and never one of the files being read. */
#ifndef UD_OUTPUT_FILE_H
#define UD_OUTPUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Whether `path` may be written as the output of `option` ("--csv"): not a folder; not a
 * ".lua" file (a script); not the same file as any of the `count` inputs (a scenario, a
 * strategy, a result file read), which writing would destroy; and, when `replaced` (written
 * elsewhere and renamed over the path), a regular file or nothing yet, since renaming over a device
 * or a link would replace it.
 * A named pipe or a socket is refused (nothing may be reading it: the command would wait for
 * ever). "-" (standard output) is always allowed. False with "--csv: what is wrong" in err. */
bool ud_output_check(const char *option, const char *path, const char *const *inputs, int count,
                     bool replaced, char *err, size_t err_size);

/* Opens an output for writing ("-" is standard output). A regular file, or a new one, is
 * written beside itself under a temporary name and put in place by ud_output_close, so that
 * a run that fails, or is stopped, leaves the file that was there (a failed run had emptied a
 * trainer's earlier CSV); a device such as /dev/null is written in place. NULL with errno set
 * if it cannot be opened. */
FILE *ud_output_open(const char *path);

/* Closes an output, and says whether everything reached it (a full disk shows only here); a
 * staged file then replaces the one at its path. Standard output is flushed, not closed. */
bool ud_output_close(FILE *f);

/* Closes an output whose writing failed: a staged file is removed and the one at its path is
 * left as it was. */
void ud_output_discard(FILE *f);

#endif
