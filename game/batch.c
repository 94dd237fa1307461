/* Many seeds of one scenario and strategy, played on several threads. */
#define _POSIX_C_SOURCE 200809L /* sysconf */

#include "batch.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct sweep_job {
    ud_run_request base;
    int runs;
    ud_run_result *results;
    bool *ok;
    char first_error[4096];
    pthread_mutex_t lock;
    int next, done;
    bool progress;
    time_t started, last_report;
} sweep_job;

static void *worker(void *arg) {
    sweep_job *job = arg;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        int i = job->next++;
        pthread_mutex_unlock(&job->lock);
        if (i >= job->runs) {
            return NULL;
        }
        ud_run_request req = job->base;
        req.seed_set = true;
        req.seed = (uint64_t)i + 1;
        char err[4096];
        job->ok[i] = ud_run_scenario(&req, &job->results[i], err, sizeof err);
        pthread_mutex_lock(&job->lock);
        if (!job->ok[i] && job->first_error[0] == '\0') {
            snprintf(job->first_error, sizeof job->first_error, "%s", err);
        }
        job->done++;
        time_t now = time(NULL);
        if (job->progress && now != job->last_report) {
            job->last_report = now;
            fprintf(stderr, "\r%d/%d runs", job->done, job->runs);
            fflush(stderr);
        }
        pthread_mutex_unlock(&job->lock);
    }
}

bool ud_batch_run(const ud_run_request *base, int runs, int jobs, ud_run_result *results,
                  const char *command, bool progress) {
    sweep_job job;
    memset(&job, 0, sizeof job);
    job.base = *base;
    job.runs = runs;
    job.results = results;
    job.ok = calloc((size_t)runs, sizeof(bool));
    /* a progress line redrawn in place is for a person watching a terminal, not for a log */
    job.progress = progress && isatty(STDERR_FILENO);
    pthread_mutex_init(&job.lock, NULL);
    pthread_t threads[64];
    int started = 0;
    for (int t = 0; t < jobs && t < 64; t++) {
        if (pthread_create(&threads[t], NULL, worker, &job) == 0) {
            started++;
        }
    }
    if (started == 0) {
        worker(&job); /* no threads: do the work here */
    }
    for (int t = 0; t < started; t++) {
        pthread_join(threads[t], NULL);
    }
    if (job.progress) {
        fprintf(stderr, "\r%d/%d runs\n", job.done, job.runs);
    }
    pthread_mutex_destroy(&job.lock);
    bool all = true;
    for (int i = 0; i < runs; i++) {
        all &= job.ok[i];
    }
    free(job.ok);
    if (!all) {
        fprintf(stderr, "unitdesa %s: %s\n", command, job.first_error);
    }
    return all;
}

int ud_batch_default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > 64 ? 64 : (int)n);
}
