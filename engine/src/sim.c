/* The simulation object: creation, the monthly step's order of phases, and read-only views. */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static void *default_alloc(void *ud, size_t size) {
    (void)ud;
    return calloc(1, size);
}

static void default_free(void *ud, void *ptr) {
    (void)ud;
    free(ptr);
}

void *sim_alloc(ud_sim *sim, size_t size) {
    return sim->alloc.alloc(sim->alloc.ud, size);
}

void sim_free(ud_sim *sim, void *ptr) {
    if (ptr != NULL) {
        sim->alloc.free(sim->alloc.ud, ptr);
    }
}

bool sim_reserve(ud_sim *sim, void **array, int *capacity, int need, size_t elem_size) {
    if (need <= *capacity) {
        return true;
    }
    int cap = *capacity > 0 ? *capacity : 16;
    while (cap < need) {
        cap *= 2;
    }
    return sim_resize(sim, array, capacity, cap, elem_size);
}

bool sim_resize(ud_sim *sim, void **array, int *capacity, int cap, size_t elem_size) {
    void *grown = sim_alloc(sim, (size_t)cap * elem_size);
    if (grown == NULL) {
        return false;
    }
    if (*array != NULL) {
        memcpy(grown, *array, (size_t)*capacity * elem_size);
        sim_free(sim, *array);
    }
    *array = grown;
    *capacity = cap;
    return true;
}

ud_event *sim_event(ud_sim *sim, ud_event_type type, int subject, int object, ud_money amount) {
    if (!sim_reserve(sim, (void **)&sim->events, &sim->event_capacity, sim->event_count + 1,
                     sizeof(ud_event))) {
        return NULL; /* out of memory: the event is lost, the simulation is not */
    }
    ud_event *e = &sim->events[sim->event_count++];
    e->type = type;
    e->month = sim->month + 1;
    e->subject = subject;
    e->object = object;
    e->cause = 0;
    e->amount = amount;
    return e;
}

int32_t sim_today(const ud_sim *sim) {
    return (sim->month + 1) * DAYS_PER_MONTH;
}

void sim_pay_outside(ud_sim *sim, household *h, ud_money amount) {
    h->cash -= amount;
    sim->outside += amount;
}

void sim_receive_outside(ud_sim *sim, household *h, ud_money amount) {
    h->cash += amount;
    sim->outside -= amount;
}

void sim_mfi_pays(ud_sim *sim, const char *memo, ud_account debit, ud_money amount) {
    if (amount > 0 &&
        ud_books_transfer(&sim->books, memo, debit, UD_ACC_CASH, amount) == UD_POST_OK) {
        sim->outside += amount;
    }
}

void sim_pay_cost(ud_sim *sim, const char *memo, ud_cost_line line, ud_money amount) {
    ud_money before = ud_books_normal_balance(&sim->books, UD_ACC_CASH);
    ud_account account =
        line >= UD_COST_SAVINGS_INTEREST ? UD_ACC_FINANCIAL_EXPENSE : UD_ACC_OPERATING_EXPENSE;
    sim_mfi_pays(sim, memo, account, amount);
    sim->cost_line[line] += before - ud_books_normal_balance(&sim->books, UD_ACC_CASH);
}

void sim_mfi_receives(ud_sim *sim, const char *memo, ud_account credit, ud_money amount) {
    if (amount > 0 &&
        ud_books_transfer(&sim->books, memo, UD_ACC_CASH, credit, amount) == UD_POST_OK) {
        sim->outside -= amount;
    }
}

ud_money sim_cash(const ud_sim *sim) {
    return ud_books_normal_balance(&sim->books, UD_ACC_CASH);
}

static ud_money total_money(const ud_sim *sim) {
    ud_money sum = sim_cash(sim) + sim->outside;
    for (int i = 0; i < sim->household_count; i++) {
        sum += sim->households[i].cash;
    }
    return sum;
}

static void open_books(ud_sim *sim) {
    const ud_mfi_setup *m = &sim->setup.mfi;
    ud_books *b = &sim->books;
    ud_books_transfer(b, "opening: paid-in equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY,
                      m->paid_in_equity);
    ud_books_transfer(b, "opening: donated equity", UD_ACC_CASH, UD_ACC_DONATED_EQUITY,
                      m->donated_equity);
    ud_books_transfer(b, "opening: fixed assets bought", UD_ACC_FIXED_ASSETS, UD_ACC_CASH,
                      m->fixed_assets);
    for (int i = 0; i < m->borrowings; i++) {
        sim->borrowings[i] = m->borrowing[i];
        sim->borrowings[i].active = m->borrowing[i].outstanding > 0;
        ud_books_transfer(b, "opening: borrowed funds", UD_ACC_CASH, UD_ACC_BORROWINGS,
                          m->borrowing[i].outstanding);
    }
    sim->borrowing_count = m->borrowings;
    /* Cash beyond what equity and borrowings explain came from the outside as equity. */
    ud_money gap = m->cash - sim_cash(sim);
    if (gap > 0) {
        ud_books_transfer(b, "opening: further paid-in equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY,
                          gap);
    }
    sim->outside = -sim_cash(sim); /* all of it came in from outside */
}

ud_sim *ud_sim_create(const ud_setup *setup, const ud_allocator *alloc, char *err,
                      size_t err_size) {
    if (!ud_setup_validate(setup, err, err_size)) {
        return NULL;
    }
    ud_allocator a = {default_alloc, default_free, NULL};
    if (alloc != NULL) {
        a = *alloc;
    }
    ud_sim *sim = a.alloc(a.ud, sizeof *sim);
    if (sim == NULL) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    sim->alloc = a;
    sim->setup = *setup;
    for (int s = 0; s < STREAM_COUNT; s++) {
        ud_rng_seed(&sim->rng[s], setup->seed, (uint64_t)s);
    }
    ud_books_init(&sim->books);
    memcpy(sim->products, setup->mfi.product, sizeof sim->products);
    sim->product_count = setup->mfi.products;
    sim->policy = setup->mfi.policy;
    sim->policy_as_opened = sim->policy;
    sim->savings_rate = setup->mfi.savings_rate;
    sim->follow_up = setup->mfi.follow_up;
    sim->reputation = setup->mfi.reputation;
    sim->loan_free = NO_INDEX;
    for (int h = 0; h < UD_MAX_HAMLETS; h++) {
        sim->hamlets[h].infrastructure = 1.0;
        sim->hamlets[h].training = 0.0;
        sim->hamlets[h].directed_until = -1;
    }
    const ud_officer_setup *os = &setup->mfi.officers;
    for (int i = 0; i < os->count; i++) {
        ud_officer *o = &sim->officers[sim->officer_count++];
        o->employed = true;
        o->training = (uint8_t)os->training;
        o->salary = os->salary;
        o->hired_month = -os->experience_months;
        o->course_month = -1;
        o->honest = staff_draw_honest(sim, os->salary, os->training);
    }
    open_books(sim);
    if (!village_generate(sim) || !loan_pool_init(sim) ||
        !sim_reserve(sim, (void **)&sim->records, &sim->history_capacity, 64,
                     sizeof(ud_month_record))) {
        ud_sim_destroy(sim);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    sim->indicators = sim_alloc(sim, (size_t)sim->history_capacity * sizeof(ud_indicators));
    if (sim->indicators == NULL) {
        ud_sim_destroy(sim);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    if (!lending_open_portfolio(sim, err, err_size)) {
        ud_sim_destroy(sim);
        return NULL;
    }
    if (sim->setup.mfi.opening.clients > 0) {
        /* an opening portfolio with loans in arrears opens with their provisions, booked in
         * the opening period (a trainee saw a reserve of 0 beside loans 60 days late) */
        lending_provision_and_write_off(sim);
        /* a unit that has lent for years opens with this month's applications on its desk,
         * as any month would: a trainee saw a well-run unit disburse nothing in month 1 and
         * lose a tenth of its clients */
        lending_take_applications(sim);
    }
    sim_record_month(sim, 0, &sim->opening); /* records[0]: the opening position */
    sim->opening_money = total_money(sim);
    return sim;
}

void ud_sim_destroy(ud_sim *sim) {
    if (sim == NULL) {
        return;
    }
    sim_free(sim, sim->households);
    sim_free(sim, sim->loans);
    sim_free(sim, sim->groups);
    sim_free(sim, sim->apps);
    sim_free(sim, sim->forming);
    sim_free(sim, sim->events);
    sim_free(sim, sim->log);
    sim_free(sim, sim->records);
    sim_free(sim, sim->indicators);
    ud_allocator a = sim->alloc;
    a.free(a.ud, sim);
}

static bool grow_history(ud_sim *sim) {
    int need = sim->month + 2;
    if (need <= sim->history_capacity) {
        return true;
    }
    int old = sim->history_capacity;
    int cap_records = old, cap_ind = old;
    if (!sim_reserve(sim, (void **)&sim->records, &cap_records, need, sizeof(ud_month_record)) ||
        !sim_reserve(sim, (void **)&sim->indicators, &cap_ind, cap_records,
                     sizeof(ud_indicators))) {
        return false;
    }
    sim->history_capacity = cap_records < cap_ind ? cap_records : cap_ind;
    return true;
}

bool ud_sim_step(ud_sim *sim) {
    if (sim->insolvent || !grow_history(sim)) {
        return false;
    }
    sim->books.today = sim_today(sim);
    sim->obligation_missed = false;
    sim->policy_as_opened = sim->policy; /* the coming month's applications are decided by it */

    if (sim->month == 0) {
        village_snapshot_start(sim); /* after any household the scenario described */
    }
    village_incomes(sim);              /* 1. incomes, with seasons and shocks */
    lending_disburse_queue(sim);       /* 2. last month's approved applications */
    lending_take_applications(sim);    /*    and this month's queue */
    lending_collect(sim);              /* 3. repayments and joint liability */
    village_spending_and_savings(sim); /* 4. savings deposits, withdrawals, spending */
    funding_savings_interest(sim);
    funding_treasury(sim);
    funding_costs(sim);                   /* 5. salaries, office, depreciation */
    funding_month(sim);                   /*    borrowings: interest and maturities */
    lending_provision_and_write_off(sim); /* 6. provisioning, write-off, recoveries */
    staff_fraud(sim);                     /* 7. fraud and audits */

    /* 8. close the books, 9. indicators: recorded under the month just completed */
    ud_indicators *ind = &sim->indicators[sim->month];
    sim_record_month(sim, sim->month + 1, ind);
    sim_event(sim, UD_EV_MONTH_CLOSED, sim->month + 1, 0, ind->net_result);
    /* The month's flows start again from zero only now: write-offs and grants that commands
     * book between months belong to the month that follows them. */
    sim->month_write_offs = 0;
    sim->month_departures = 0;
    sim->month_grants = sim->month_in_kind = sim->month_concessional_interest = 0;
    if (sim->insolvent) {
        sim_event(sim, UD_EV_INSOLVENT, 0, 0, sim_cash(sim));
    }
    sim->month++;
    return !sim->insolvent;
}

int ud_sim_month(const ud_sim *sim) {
    return sim->month;
}

bool ud_sim_insolvent(const ud_sim *sim) {
    return sim->insolvent;
}

const ud_books *ud_sim_books(const ud_sim *sim) {
    return &sim->books;
}

const ud_setup *ud_sim_setup(const ud_sim *sim) {
    return &sim->setup;
}

const ud_indicators *ud_sim_indicators(const ud_sim *sim, int month) {
    if (month == 0) {
        return &sim->opening;
    }
    if (month < 1 || month > sim->month) {
        return NULL;
    }
    return &sim->indicators[month - 1];
}

const ud_event *ud_sim_events(const ud_sim *sim, int *count) {
    *count = sim->event_count;
    return sim->events;
}

void ud_sim_clear_events(ud_sim *sim) {
    sim->event_count = 0;
}

void ud_sim_drop_events(ud_sim *sim, int count) {
    if (count <= 0) {
        return;
    }
    if (count >= sim->event_count) {
        sim->event_count = 0;
        return;
    }
    memmove(sim->events, sim->events + count,
            (size_t)(sim->event_count - count) * sizeof *sim->events);
    sim->event_count -= count;
}

int ud_sim_household_count(const ud_sim *sim) {
    return sim->household_count;
}

bool ud_sim_household(const ud_sim *sim, int id, ud_household_view *out) {
    if (id < 0 || id >= sim->household_count) {
        return false;
    }
    const household *h = &sim->households[id];
    memset(out, 0, sizeof *out);
    out->id = id;
    out->hamlet = h->hamlet;
    out->members = h->members;
    out->woman = h->woman;
    out->business = (ud_business)h->business;
    out->cash = h->cash;
    out->capital = h->capital;
    out->savings = h->savings + h->compulsory;
    out->moneylender_debt = h->moneylender_debt;
    out->monthly_income = h->income_smooth;
    out->monthly_interest = h->interest_smooth;
    out->poor = household_poor(sim, h);
    out->loans_repaid = h->loans_repaid;
    out->defaults = h->defaults;
    out->group = h->group;
    out->trained = h->trained;
    out->last_loan = h->last_loan;
    out->last_arrears_days = h->last_arrears_days;
    out->poverty_line_month = household_poverty_line_month(sim, h);
    out->status = UD_HH_NOT_CLIENT;
    out->loan_product = -1;
    if (h->loan != NO_INDEX) {
        const ud_loan *l = &sim->loans[h->loan].account;
        if (l->status == UD_LOAN_ACTIVE) {
            out->loan = l;
            out->loan_product = sim->loans[h->loan].product;
            out->loan_captured = sim->loans[h->loan].captured;
            out->status = ud_loan_days_in_arrears(l, sim->month * DAYS_PER_MONTH) > 0
                              ? UD_HH_IN_ARREARS
                              : UD_HH_CLIENT;
        } else if (l->status == UD_LOAN_WRITTEN_OFF) {
            out->status = UD_HH_DEFAULTED;
        }
    } else if (h->defaults > 0) {
        out->status = UD_HH_DEFAULTED;
    }
    return true;
}

int ud_sim_group_count(const ud_sim *sim) {
    return sim->group_count;
}

int ud_sim_group(const ud_sim *sim, int g, int *hamlet, bool *collapsed, int *members, int max) {
    if (g < 0 || g >= sim->group_count) {
        return -1;
    }
    const group *grp = &sim->groups[g];
    if (hamlet != NULL) {
        *hamlet = grp->hamlet;
    }
    if (collapsed != NULL) {
        *collapsed = grp->collapsed;
    }
    for (int m = 0; m < grp->members && m < max; m++) {
        members[m] = grp->member[m];
    }
    return grp->members;
}

const ud_application *ud_sim_applications(const ud_sim *sim, int *count) {
    *count = sim->app_count;
    return sim->apps;
}

ud_money ud_sim_market_wage(const ud_sim *sim, int level) {
    return staff_market_wage(sim, level < 0 ? 0 : (level > 3 ? 3 : level));
}

ud_money ud_sim_severance(const ud_sim *sim, int index) {
    if (index < 0 || index >= sim->officer_count || !sim->officers[index].employed) {
        return 0;
    }
    return staff_severance(sim, &sim->officers[index]);
}

const ud_officer *ud_sim_officers(const ud_sim *sim, int *count) {
    *count = sim->officer_count;
    return sim->officers;
}

const ud_product *ud_sim_products(const ud_sim *sim, int *count) {
    *count = sim->product_count;
    return sim->products;
}

double ud_sim_follow_up(const ud_sim *sim) {
    return sim->follow_up;
}

const ud_credit_policy *ud_sim_policy(const ud_sim *sim) {
    return &sim->policy;
}

ud_credit_policy ud_sim_policy_as_month_opened(const ud_sim *sim) {
    return sim->policy_as_opened; /* kept as each month is stepped: asked by every frame */
}

const ud_borrowing *ud_sim_borrowings(const ud_sim *sim, int *count) {
    *count = sim->borrowing_count;
    return sim->borrowings;
}

const ud_offer *ud_sim_offers(const ud_sim *sim, int *count) {
    *count = sim->offer_count;
    return sim->offers;
}

ud_money ud_sim_money_total(const ud_sim *sim) {
    return total_money(sim);
}

ud_money ud_sim_money_opening(const ud_sim *sim) {
    return sim->opening_money;
}

ud_money ud_sim_portfolio_total(const ud_sim *sim) {
    ud_money sum = 0;
    for (int i = 0; i < sim->loan_capacity; i++) {
        if (sim->loans[i].in_use) {
            sum += sim->loans[i].account.principal_outstanding;
        }
    }
    return sum;
}
