/* Many seeds of one scenario and strategy, played on several threads: the core of sweep,
 * compare and tournament. */
#ifndef UD_BATCH_H
#define UD_BATCH_H

#include "runner.h"

/* Plays seeds 1..runs of base (its seed is ignored) on `jobs` threads into results[0..runs).
 * Returns false, with the first load error printed as "unitdesa COMMAND: ...", if any run
 * could not be played. With progress, a count of runs done goes to standard error. */
bool ud_batch_run(const ud_run_request *base, int runs, int jobs, ud_run_result *results,
                  const char *command, bool progress);

/* The processors online, 1..64. */
int ud_batch_default_jobs(void);

#endif
