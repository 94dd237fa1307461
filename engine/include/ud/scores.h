/* The two scores of the debrief: the institution's sustainability and the clients' welfare,
 * each 0-100, with their parts. Defined in the trainers' guide (scenarios/README.md,
 * "Scores"); computed only here, from the simulation's monthly indicators, so the debrief,
 * the tournament and a reloaded game always agree.
 *
 * Institution (window: the whole game; ratios of flows: the last twelve months):
 *   self-sufficiency 20  OSS at the end, towards 120%
 *   subsidy-free     15  FSS at the end, towards 120%
 *   portfolio quality 25 the worst month's adjusted PAR: (PAR30 portfolio + write-offs of the
 *                        last twelve months) / gross portfolio, as raters compute it so that
 *                        early write-offs cannot hide arrears, or the loan-loss reserve /
 *                        gross portfolio when that is higher (the expected loss of loans
 *                        beyond their households' capacity); 0 (full) to 25% (nothing)
 *   loan losses      10  net write-offs a year / average gross portfolio, 0 to 10%
 *                        (both quality parts give nothing if nothing was ever lent)
 *   capital          10  equity at the end / equity at the start, towards 100%
 *   money at work    10  average gross portfolio / average total assets, towards 70%
 *   officers kept    10  officers who resigned a year over the game (staff_turnover): full
 *                        up to 25% (about MIX's average), nothing at 85% or more
 *   A unit that became insolvent scores 0 on the institution in its last month: it failed.
 * Clients (window: the whole game):
 *   distress         35  fall in households_in_distress (poor, over-indebted or in default)
 *                        from the start, towards 25% fewer
 *   women            10  the same for women-headed households (women_in_distress)
 *   income           15  poor_client_income_gain (poor clients' income growth less poor
 *                        non-clients', matched by starting quartile), towards +10 points,
 *                        counted as far as the poor were reached (reach / 30%, at most 1)
 *   outreach         20  households poor at the start that borrow, averaged over the last
 *                        twelve months / households poor at the start, towards 30%
 *   protection       20  the worst month's (PAR90 portfolio + write-offs of the last twelve
 *                        months) / gross portfolio: clients in default, written off or not, a
 *                        proxy for over-indebtedness; 0 (full) to 15% or more (nothing) */
#ifndef UD_SCORES_H
#define UD_SCORES_H

#include "ud/sim.h"

#define UD_SCORE_PARTS 7

typedef struct ud_score_part {
    const char *name; /* English, for translation: "self-sufficiency" */
    double weight;    /* points at full marks */
    double value;     /* the measured figure the part is judged on */
    double points;    /* 0..weight */
} ud_score_part;

typedef struct ud_scores {
    double institution, clients; /* 0..100 */
    int institution_parts, client_parts;
    ud_score_part institution_part[UD_SCORE_PARTS], client_part[UD_SCORE_PARTS];
} ud_scores;

/* Computes both scores over months 0..ud_sim_month(sim). Before month 1 both are 0. */
void ud_scores_compute(const ud_sim *sim, ud_scores *out);

/* The same, as if the game had stopped at the end of `month` (1..ud_sim_month). */
void ud_scores_at(const ud_sim *sim, int month, ud_scores *out);

/* (PAR30 portfolio + write-offs of the twelve months to `month`) / gross portfolio at the end
 * of `month`: the adjusted PAR raters use, so that writing off late loans cannot hide them.
 * 0 without a portfolio. */
double ud_adjusted_par30(const ud_sim *sim, int month);

/* Figures by name for a lesson's indicator: "institution_score", "client_score",
 * "holistic_score" (the lower of the two: both the institution and its clients must do
 * well) and "adjusted_par30". False for any other name. */
bool ud_score_value(const ud_sim *sim, const char *name, int month, double *value);

/* Whether month `month` has something for indicator `name` to judge. A share of the portfolio
 * at risk (par30, par90, adjusted_par30) needs a portfolio: an empty book is not a clean one.
 * The adjusted PAR also judges a month whose year wrote loans off (a unit that wrote its whole
 * book off is judged on that). Every other indicator: always true. A window of months none of
 * which has a portfolio is judged all at risk (UD_NO_PORTFOLIO_AT_RISK). */
bool ud_month_judged_on(const ud_sim *sim, const char *name, int month);
/* Whether `name` is such a share of the portfolio at risk. */
bool ud_is_portfolio_quality(const char *name);
#define UD_NO_PORTFOLIO_AT_RISK 1.0

#endif
