/* Shared helpers for the simulation tests: invariant checks and averaged indicators. */
#ifndef UD_TEST_SIM_HELPERS_H
#define UD_TEST_SIM_HELPERS_H

#include "ud/sim.h"

#include <stdio.h>

/* Fails the current test unless every invariant of the simulation holds right now:
 * the books balance, the balance sheet balances, the books' portfolio equals the loan
 * accounts, money is conserved, and no household holds negative cash. */
void check_invariants(const ud_sim *sim);

/* Creates a simulation from setup or fails the test. */
ud_sim *make_sim(const ud_setup *setup);

/* Steps to `months`, checking invariants after every month. */
void run_checked(ud_sim *sim, int months);

/* PAR30 of the loans held by households whose business matches (or any, if business < 0). */
double par30_of(const ud_sim *sim, int business);

typedef void (*setup_fn)(ud_setup *setup);
typedef void (*month_fn)(ud_sim *sim);
typedef double (*measure_fn)(const ud_sim *sim);

/* The mean, over seeds 1-4 and over months from..to, of a measure taken after each month
 * (before the month's events are cleared); `each_month` (or NULL) acts before each step.
 * Invariants are checked after every month. */
double mean_over_run(setup_fn configure, month_fn each_month, measure_fn measure, int households,
                     int from, int to);

/* The default setup, unchanged (a setup_fn). */
void no_change(ud_setup *setup);

/* A month_fn: at month 0, a drought that takes 70% of every farming household's business
 * income in months 6 to 14. */
void add_farm_drought(ud_sim *sim);

#endif
