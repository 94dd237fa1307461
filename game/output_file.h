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
 * "-" (standard output) is always allowed. False with "--csv: what is wrong" in err. */
bool ud_output_check(const char *option, const char *path, const char *const *inputs, int count,
                     bool replaced, char *err, size_t err_size);

/* Closes an output opened with fopen, and says whether everything reached it (a full disk
 * shows only here). Standard output is flushed, not closed. */
bool ud_output_close(FILE *f);

#endif
