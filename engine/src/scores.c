/* The institution and client scores of the debrief (definitions in ud/scores.h). */
#include "ud/scores.h"

#include <string.h>

static double clamp01(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
}

static void part(ud_score_part *parts, int *n, double *total, const char *name, double weight,
                 double value, double share) {
    ud_score_part *p = &parts[(*n)++];
    p->name = name;
    p->weight = weight;
    p->value = value;
    p->points = weight * clamp01(share);
    *total += p->points;
}

/* Share of `before` that is gone by `after` (0 when it grew or there was none to lose). */
static double fall(double before, double after) {
    return before > 0 ? (before - after) / before : 0;
}

void ud_scores_compute(const ud_sim *sim, ud_scores *out) {
    ud_scores_at(sim, ud_sim_month(sim), out);
}

/* Loans written off in the twelve months to `month` (fewer at the start of a game). */
static double written_off_in_year(const ud_sim *sim, int month) {
    double written = 0;
    for (int k = month > 12 ? month - 11 : 1; k <= month; k++) {
        written += (double)ud_sim_indicators(sim, k)->write_offs;
    }
    return written;
}

double ud_adjusted_par30(const ud_sim *sim, int month) {
    const ud_indicators *d = ud_sim_indicators(sim, month);
    if (month < 1 || d == NULL) {
        return 0;
    }
    /* the year's write-offs put back in both: at risk, and in the portfolio they left (so the
     * ratio stays within 0..1 when a book shrinks to nothing) */
    double written = written_off_in_year(sim, month);
    double book = (double)d->gross_portfolio + written;
    return book > 0 ? ((double)d->par30_amount + written) / book : 0;
}

bool ud_is_portfolio_quality(const char *name) {
    return strncmp(name, "par", 3) == 0 || strcmp(name, "adjusted_par30") == 0;
}

bool ud_month_judged_on(const ud_sim *sim, const char *name, int month) {
    bool adjusted = strcmp(name, "adjusted_par30") == 0;
    if (!ud_is_portfolio_quality(name)) {
        return true;
    }
    const ud_indicators *d = ud_sim_indicators(sim, month);
    if (d != NULL && d->gross_portfolio > 0) {
        return true;
    }
    return adjusted && month >= 1 && written_off_in_year(sim, month) > 0;
}

bool ud_score_value(const ud_sim *sim, const char *name, int month, double *value) {
    if (strcmp(name, "adjusted_par30") == 0) {
        *value = ud_adjusted_par30(sim, month);
        return true;
    }
    bool inst = strcmp(name, "institution_score") == 0, clients = strcmp(name, "client_score") == 0;
    if (!inst && !clients && strcmp(name, "holistic_score") != 0) {
        return false;
    }
    ud_scores s;
    ud_scores_at(sim, month, &s);
    *value = inst      ? s.institution
             : clients ? s.clients
                       : (s.institution < s.clients ? s.institution : s.clients);
    return true;
}

void ud_scores_at(const ud_sim *sim, int months, ud_scores *out) {
    memset(out, 0, sizeof *out);
    const ud_indicators *start = ud_sim_indicators(sim, 0);
    const ud_indicators *end = ud_sim_indicators(sim, months);
    if (months < 1 || months > ud_sim_month(sim) || start == NULL || end == NULL) {
        return;
    }
    double worst_par30 = 0, worst_par90 = 0, portfolio = 0, assets = 0, net_losses = 0;
    double outreach = 0;
    bool lent = false; /* a month with a portfolio: without one there is no quality to judge */
    int recent = 0;
    for (int m = 1; m <= months; m++) {
        const ud_indicators *d = ud_sim_indicators(sim, m);
        /* Adjusted PAR (PAR30 + the last twelve months' write-offs, as raters compute it):
         * writing off late loans early cannot make a portfolio look healthy. */
        double written = written_off_in_year(sim, m);
        if (d->gross_portfolio > 0) {
            double adjusted = ud_adjusted_par30(sim, m);
            /* or the unit's own expected loss when that is higher: loans beyond what their
             * households can carry are provisioned before they fall behind (engine/MODEL.md,
             * 10), and a book of balloons due after the game is no healthier for being
             * current (a red team's balloon probes topped the institution axis) */
            double reserve = (double)d->loan_loss_reserve / (double)d->gross_portfolio;
            adjusted = reserve > adjusted ? reserve : adjusted;
            worst_par30 = adjusted > worst_par30 ? adjusted : worst_par30;
            lent = true;
        }
        /* Clients in default, written off or not: writing a late loan off does not make
         * its borrower any less over-indebted. */
        double defaulted =
            d->gross_portfolio > 0 ? d->par90 + written / (double)d->gross_portfolio : 0;
        worst_par90 = defaulted > worst_par90 ? defaulted : worst_par90;
        portfolio += (double)d->gross_portfolio;
        assets += (double)d->total_assets;
        net_losses += (double)(d->write_offs - d->recoveries);
        if (m > months - 12) {
            outreach += d->poor_reach;
            recent++;
        }
    }
    double avg_portfolio = portfolio / months;
    double loss_rate = avg_portfolio > 0 ? net_losses / avg_portfolio * 12.0 / months : 0;
    double at_work = assets > 0 ? portfolio / assets : 0;
    double kept = start->equity > 0 ? (double)end->equity / (double)start->equity : 0;

    double *t = &out->institution;
    ud_score_part *ip = out->institution_part;
    int *ni = &out->institution_parts;
    /* Self-sufficiency scores from half the costs covered (no path to sustainability below
     * that) to 120% (MicroBanking Bulletin: sustainable MFIs run at 110-130%). */
    part(ip, ni, t, "self-sufficiency (OSS)", 20, end->oss, (end->oss - 0.5) / 0.7);
    part(ip, ni, t, "without subsidy (FSS)", 15, end->fss, (end->fss - 0.5) / 0.7);
    part(ip, ni, t, "portfolio quality (worst PAR30 + write-offs)", 25, worst_par30,
         lent ? 1 - worst_par30 / 0.25 : 0);
    part(ip, ni, t, "loan losses (a year)", 10, loss_rate, lent ? 1 - loss_rate / 0.10 : 0);
    /* Capital: nothing left once half of it is gone; all points while it is kept. */
    part(ip, ni, t, "capital kept", 10, kept, (kept - 0.5) / 0.5);
    part(ip, ni, t, "money at work (portfolio / assets)", 10, at_work, at_work / 0.7);
    /* Staff kept: an institution that cannot hold its officers loses what they knew of its
     * clients (SPTF Universal Standards, dimension 5, ask providers to watch staff turnover;
     * MIX reported 24% a year on average in 2008-2010). All points up to 25% a year, none
     * once 85% of the officers leave a year. */
    part(ip, ni, t, "officers kept (departures a year)", 10, end->staff_turnover,
         (0.85 - end->staff_turnover) / 0.6);
    /* A unit that cannot pay what it owes has failed: whatever its ratios looked like, its
     * institution scores nothing from the month it became insolvent (the game ends there). */
    if (ud_sim_insolvent(sim) && months == ud_sim_month(sim)) {
        for (int k = 0; k < *ni; k++) {
            ip[k].points = 0;
        }
        *t = 0;
    }

    /* Out of distress, not only above the poverty line: a loan the household cannot carry
     * lifts its income while it lasts, so the over-indebted and the defaulters count as not
     * helped (engine/MODEL.md, "Depth and impact"). */
    double lifted = fall(start->households_in_distress, end->households_in_distress);
    double women_lifted = fall(start->women_in_distress, end->women_in_distress);
    /* Income growth the MFI can claim: its poor clients' against poor households it never
     * lent to (a village that grows on its own earns the MFI nothing). */
    double gain = end->poor_client_income_gain;
    /* Depth of outreach: the share of the households poor at the start that borrow, over the
     * last year (lending only to the better-off reaches no one the mission is about). */
    double reach = recent > 0 ? outreach / recent : 0;

    double *c = &out->clients;
    ud_score_part *cp = out->client_part;
    int *nc = &out->client_parts;
    part(cp, nc, c, "households out of distress", 35, lifted, lifted / 0.25);
    part(cp, nc, c, "women's households out of distress", 10, women_lifted, women_lifted / 0.25);
    /* The gain counts as far as it reached the poor: two poor clients doing well in a unit that
     * lends to the better-off are not the village's poor doing well. */
    double reached = reach < 0.30 ? reach / 0.30 : 1.0;
    part(cp, nc, c, "poor clients' income gain", 15, gain, gain / 0.10 * reached);
    part(cp, nc, c, "poor households reached", 20, reach, reach / 0.30);
    part(cp, nc, c, "protection (worst PAR90 + write-offs)", 20, worst_par90,
         1 - worst_par90 / 0.15);
}
