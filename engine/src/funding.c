/* Funding and costs: borrowings and credit lines, offers and grants, savings interest,
 * salaries, office costs and depreciation. */
#include "sim_internal.h"

#define DEPOSIT_SERVICE_COST UD_RATE_PERCENT(3) /* a year, of deposit balances */

/* The MFI pays an obligation; if cash falls short it pays what it can and is insolvent. */
static void pay_obligation(ud_sim *sim, const char *memo, ud_cost_line line, ud_money amount) {
    ud_money cash = sim_cash(sim);
    if (amount > cash) {
        sim->obligation_missed = true;
        amount = cash > 0 ? cash : 0;
    }
    sim_pay_cost(sim, memo, line, amount);
}

static bool concessional(const ud_sim *sim, const ud_borrowing *b) {
    return b->lender != UD_LENDER_COMMERCIAL && b->annual_rate < sim->setup.mfi.market_rate;
}

ud_money funding_concessional_debt(const ud_sim *sim) {
    ud_money sum = 0;
    for (int i = 0; i < sim->borrowing_count; i++) {
        const ud_borrowing *b = &sim->borrowings[i];
        if (b->active && concessional(sim, b)) {
            sum += b->outstanding;
        }
    }
    return sum;
}

void funding_month(ud_sim *sim) {
    for (int i = 0; i < sim->borrowing_count; i++) {
        ud_borrowing *b = &sim->borrowings[i];
        if (!b->active) {
            continue;
        }
        ud_money interest =
            ud_div_round_half_even((__int128)b->outstanding * b->annual_rate, UD_RATE_SCALE * 12);
        pay_obligation(sim, "interest on borrowed funds", UD_COST_BORROWING_INTEREST, interest);
        if (concessional(sim, b)) {
            sim->month_concessional_interest += interest;
        }
        if (sim->month + 1 >= b->maturity_month) {
            ud_money cash = sim_cash(sim);
            ud_money pay = b->outstanding <= cash ? b->outstanding : (cash > 0 ? cash : 0);
            sim_mfi_pays(sim, "borrowing repaid at maturity", UD_ACC_BORROWINGS, pay);
            b->outstanding -= pay;
            if (b->outstanding == 0) {
                b->active = false;
                sim_event(sim, UD_EV_BORROWING_REPAID, i, 0, pay);
            } else {
                sim->obligation_missed = true;
            }
        }
    }
}

/* Idle cash is placed with a bank at the scenario's deposit rate (a few percent a year): it
 * earns less than the MFI pays on most of its funds, so money that is not lent is a cost. */
void funding_treasury(ud_sim *sim) {
    ud_money cash = sim_cash(sim);
    if (cash <= 0) {
        return;
    }
    ud_money earned = ud_div_round_half_even((__int128)cash * sim->setup.mfi.bank_deposit_rate,
                                             UD_RATE_SCALE * 12);
    sim_mfi_receives(sim, "interest on cash placed with a bank", UD_ACC_INVESTMENT_INCOME, earned);
}

void funding_savings_interest(ud_sim *sim) {
    if (sim->savings_rate <= 0) {
        return;
    }
    ud_money total = 0;
    for (int i = 0; i < sim->household_count; i++) {
        household *h = &sim->households[i];
        if (h->savings <= 0) {
            continue;
        }
        ud_money interest =
            ud_div_round_half_even((__int128)h->savings * sim->savings_rate, UD_RATE_SCALE * 12);
        h->savings += interest;
        total += interest;
    }
    if (ud_books_transfer(&sim->books, "interest credited on savings", UD_ACC_FINANCIAL_EXPENSE,
                          UD_ACC_CLIENT_SAVINGS, total) == UD_POST_OK) {
        sim->cost_line[UD_COST_SAVINGS_INTEREST] += total;
    }
}

void funding_costs(ud_sim *sim) {
    const ud_costs *c = &sim->setup.mfi.costs;
    ud_money salaries = 0;
    for (int i = 0; i < sim->officer_count; i++) {
        if (sim->officers[i].employed) {
            salaries += sim->officers[i].salary;
        }
    }
    int clients = sim->active_clients; /* counted at the last close */
    pay_obligation(sim, "salaries of loan officers", UD_COST_SALARIES, salaries);
    pay_obligation(sim, "office rent and running costs", UD_COST_OFFICE, c->office_per_month);
    pay_obligation(sim, "transport and stationery for client visits", UD_COST_CLIENT_VISITS,
                   c->per_client_per_month * clients);
    /* Small deposits cost money to serve: counters, passbooks, cash handling. CGAP's
     * activity-based costing of five deposit-taking MFIs found 1.2% to 16.7% of balances a
     * year (Deshpande and Glisovic-Mezieres 2007); the efficient end is taken. */
    ud_money savings = ud_books_normal_balance(&sim->books, UD_ACC_CLIENT_SAVINGS);
    pay_obligation(
        sim, "serving savers: counter, passbooks and cash handling", UD_COST_SAVINGS_SERVICE,
        ud_div_round_half_even((__int128)savings * DEPOSIT_SERVICE_COST, UD_RATE_SCALE * 12));
    ud_money fixed = ud_books_normal_balance(&sim->books, UD_ACC_FIXED_ASSETS);
    if (fixed > 0 && c->depreciation_months > 0) {
        ud_money dep = sim->setup.mfi.fixed_assets / c->depreciation_months;
        dep = dep > fixed ? fixed : (dep < 1 ? fixed : dep);
        if (ud_books_transfer(&sim->books, "depreciation of fixed assets", UD_ACC_OPERATING_EXPENSE,
                              UD_ACC_FIXED_ASSETS, dep) == UD_POST_OK) {
            sim->cost_line[UD_COST_DEPRECIATION] += dep;
        }
    }
}

/* Accepting a capped line reprices every product so that its APR, fees included, is within
 * the cap: fees go first, then the nominal rate comes down (by bisection, so the result is
 * exact and the same on every machine). */
/* Grants of goods and services count as subsidy in FSS and the SDI at their value (CGAP
 * 2003 adjustments: in-kind subsidies at market value). */
static void count_in_kind(ud_sim *sim, ud_money amount) {
    sim->month_grants += amount;
    sim->month_in_kind += amount;
}

static void cap_product_rates(ud_sim *sim, ud_rate cap) {
    double cap_pct = ud_rate_to_percent(cap);
    for (int p = 0; p < sim->product_count; p++) {
        ud_product *prod = &sim->products[p];
        if (ud_product_apr(prod) <= cap_pct) {
            continue;
        }
        prod->terms.fee_kind = UD_FEE_NONE;
        prod->terms.fee_rate = 0;
        prod->terms.fee_flat = 0;
        ud_rate lo = 0, hi = prod->terms.annual_rate;
        while (hi - lo > 1000) { /* to a thousandth of a percent */
            ud_rate mid = lo + (hi - lo) / 2;
            prod->terms.annual_rate = mid;
            if (ud_product_apr(prod) <= cap_pct) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        prod->terms.annual_rate = lo;
    }
}

bool funding_accept_offer(ud_sim *sim, int index, char *err, size_t err_size) {
    ud_offer *o = &sim->offers[index];
    switch (o->kind) {
    case UD_OFFER_CREDIT_LINE: {
        if (sim->borrowing_count >= UD_MAX_BORROWINGS) {
            snprintf(err, err_size, "index: the MFI already has %d borrowings", UD_MAX_BORROWINGS);
            return false;
        }
        ud_borrowing *b = &sim->borrowings[sim->borrowing_count++];
        b->lender = o->lender;
        b->outstanding = o->amount;
        b->annual_rate = o->annual_rate;
        b->maturity_month = sim->month + 1 + o->term_months;
        b->client_rate_cap = o->client_rate_cap;
        b->active = true;
        sim_mfi_receives(sim, "credit line drawn", UD_ACC_BORROWINGS, o->amount);
        if (o->client_rate_cap > 0) {
            cap_product_rates(sim, o->client_rate_cap);
        }
        break;
    }
    case UD_OFFER_GRANT_INFRASTRUCTURE:
        /* Built for the village, not given to the MFI: returns rise, prices stay honest. The
         * effect is held within the evidence (engine/MODEL.md, "Grants"). */
        for (int h = 0; h < sim->setup.village.hamlets; h++) {
            if (o->hamlet_mask == 0 || ((o->hamlet_mask >> h) & 1u)) {
                double e =
                    o->effect < MAX_INFRASTRUCTURE_EFFECT ? o->effect : MAX_INFRASTRUCTURE_EFFECT;
                sim->hamlets[h].infrastructure *= 1.0 + e;
                if (sim->hamlets[h].infrastructure > 1.0 + MAX_INFRASTRUCTURE_TOTAL) {
                    sim->hamlets[h].infrastructure = 1.0 + MAX_INFRASTRUCTURE_TOTAL;
                }
            }
        }
        count_in_kind(sim, o->amount);
        break;
    case UD_OFFER_GRANT_MENTORING:
        for (int h = 0; h < sim->setup.village.hamlets; h++) {
            if (o->hamlet_mask == 0 || ((o->hamlet_mask >> h) & 1u)) {
                sim->hamlets[h].mentoring = true;
            }
        }
        count_in_kind(sim, o->amount);
        break;
    case UD_OFFER_GRANT_TRAINING:
        /* Business training raises trained clients' profits by 5-10% (McKenzie 2020): the
         * hamlet's effect is held at the top of that range, however large the offer says. */
        for (int h = 0; h < sim->setup.village.hamlets; h++) {
            if (o->hamlet_mask == 0 || ((o->hamlet_mask >> h) & 1u)) {
                sim->hamlets[h].training += o->effect;
                if (sim->hamlets[h].training > MAX_TRAINING_EFFECT) {
                    sim->hamlets[h].training = MAX_TRAINING_EFFECT;
                }
            }
        }
        count_in_kind(sim, o->amount);
        for (int i = 0; i < sim->household_count; i++) {
            household *h = &sim->households[i];
            if ((o->hamlet_mask == 0 || ((o->hamlet_mask >> h->hamlet) & 1u)) &&
                h->loan != NO_INDEX) {
                h->trained = 1; /* clients attend: their business skills improve */
            }
        }
        break;
    case UD_OFFER_GRANT_TA:
        for (int i = 0; i < sim->officer_count; i++) {
            if (sim->officers[i].employed && sim->officers[i].training < 3) {
                sim->officers[i].training++;
            }
        }
        count_in_kind(sim, o->amount);
        break;
    case UD_OFFER_GRANT_CASH:
        sim_mfi_receives(sim, "donor grant received", UD_ACC_DONATED_EQUITY, o->amount);
        sim->month_grants += o->amount;
        break;
    case UD_OFFER_KIND_COUNT:
        break;
    }
    return true;
}

/* The highest client rate any active credit line allows (0: no cap). */
ud_rate funding_rate_cap(const ud_sim *sim) {
    ud_rate cap = 0;
    for (int i = 0; i < sim->borrowing_count; i++) {
        const ud_borrowing *b = &sim->borrowings[i];
        if (b->active && b->client_rate_cap > 0 && (cap == 0 || b->client_rate_cap < cap)) {
            cap = b->client_rate_cap;
        }
    }
    return cap;
}

bool ud_sim_recall_credit_line(ud_sim *sim, int index, char *err, size_t err_size) {
    if (index < 0 || index >= sim->borrowing_count || !sim->borrowings[index].active) {
        snprintf(err, err_size, "borrowing: no active borrowing %lld", (long long)index + 1);
        return false;
    }
    ud_borrowing *b = &sim->borrowings[index];
    ud_money cash = sim_cash(sim);
    ud_money pay = b->outstanding <= cash ? b->outstanding : (cash > 0 ? cash : 0);
    sim_mfi_pays(sim, "credit line recalled", UD_ACC_BORROWINGS, pay);
    b->outstanding -= pay;
    sim_event(sim, UD_EV_CREDIT_LINE_RECALLED, index, 0, pay);
    if (b->outstanding == 0) {
        b->active = false;
    } else {
        /* What cannot be repaid at once is converted to a commercial loan. */
        b->lender = UD_LENDER_COMMERCIAL;
        b->annual_rate = sim->setup.mfi.market_rate;
        b->client_rate_cap = 0;
    }
    return true;
}

int ud_sim_add_offer(ud_sim *sim, const ud_offer *offer, char *err, size_t err_size) {
    if (sim->offer_count >= UD_MAX_OFFERS) {
        snprintf(err, err_size, "offers: at most %d offers in one game", UD_MAX_OFFERS);
        return -1;
    }
    if ((unsigned)offer->kind >= UD_OFFER_KIND_COUNT) {
        snprintf(err, err_size, "kind: unknown offer kind %d", (int)offer->kind);
        return -1;
    }
    if (offer->amount < 0 || offer->amount > INT64_C(1000000000000000)) {
        snprintf(err, err_size, "amount: must be between 0 and 10^15 minor units");
        return -1;
    }
    if (offer->kind == UD_OFFER_CREDIT_LINE) {
        if (offer->amount <= 0) {
            snprintf(err, err_size, "amount: a credit line must lend something");
            return -1;
        }
        if (offer->term_months < 1 || offer->term_months > 240) {
            snprintf(err, err_size, "term_months: must be 1 to 240 (got %d)", offer->term_months);
            return -1;
        }
        if (offer->annual_rate < 0 || offer->annual_rate > UD_MAX_ANNUAL_RATE ||
            offer->client_rate_cap < 0 || offer->client_rate_cap > UD_MAX_ANNUAL_RATE) {
            snprintf(err, err_size, "rate: rates must be between 0%% and 1000%%");
            return -1;
        }
    }
    if (offer->effect < 0 || offer->effect > 2.0) {
        snprintf(err, err_size, "effect: must be between 0 and 2 (got %g)", offer->effect);
        return -1;
    }
    int index = sim->offer_count++;
    sim->offers[index] = *offer;
    sim->offers[index].answered = false;
    sim->offers[index].accepted = false;
    if (sim->offers[index].expires_month <= sim->month) {
        sim->offers[index].expires_month = sim->month + 3;
    }
    sim_event(sim, UD_EV_OFFER_MADE, index, (int)offer->kind, offer->amount);
    return index;
}

ud_rate ud_sim_rate_cap(const ud_sim *sim) {
    return funding_rate_cap(sim);
}
