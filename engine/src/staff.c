/* Loan officers: assignment, caseloads, fraud by dishonest officers, and internal audits. */
#include "sim_internal.h"

/* Clients an officer can follow properly, in individual loans: 120 untrained, 160 trained,
 * 200 and 240 beyond (a group loan weighs GROUP_LOAD, so 240-480 group clients). Field norms:
 * engine/MODEL.md, "Officers". */
double staff_capacity(const ud_officer *o) {
    return 120.0 + 40.0 * o->training;
}

/* The market wage for an officer of a training level: the village's officer wage is for a
 * trained officer (level 1); an expert costs what an expert costs. */
static const double wage_by_level[4] = {0.85, 1.0, 1.15, 1.3};

ud_money staff_market_wage(const ud_sim *sim, int level) {
    return (ud_money)((double)sim->setup.village.officer_wage * wage_by_level[level]);
}

double staff_wage_ratio(const ud_sim *sim, const ud_officer *o) {
    return (double)o->salary / (double)staff_market_wage(sim, o->training);
}

/* Effort and care answer pay: below the market wage an officer works less and cuts
 * corners (efficiency wages); far above it, little more is gained. */
double staff_motivation(const ud_sim *sim, const ud_officer *o) {
    double w = staff_wage_ratio(sim, o);
    if (w >= 1.0) {
        return 1.0 + 0.05 * (w > 2.0 ? 1.0 : w - 1.0);
    }
    return 0.2 + 0.8 * w;
}

/* An underpaid officer gets through less work in a month: capacity scales with effort. */
double staff_effective_capacity(const ud_sim *sim, const ud_officer *o) {
    double m = staff_motivation(sim, o);
    return staff_capacity(o) * (m < 1.0 ? m : 1.0);
}

/* A new officer learns the village over a year: 80% of full effectiveness at first. */
double staff_experience(const ud_sim *sim, const ud_officer *o) {
    int months = sim->month - o->hired_month;
    return 0.8 + 0.2 * (months >= 12 ? 1.0 : (months <= 0 ? 0.0 : months / 12.0));
}

/* Monthly chance that an officer leaves: 2% a month at the market wage (about 22% a year),
 * up to 10% a month at half of it. */
double staff_quit_chance(const ud_sim *sim, const ud_officer *o) {
    double w = staff_wage_ratio(sim, o);
    return 0.02 + (w < 1.0 ? 0.16 * (1.0 - w) : 0.0);
}

/* Honesty answers pay too: an underpaid officer is likelier to steal. */
bool staff_draw_honest(ud_sim *sim, ud_money salary, int level) {
    double w = (double)salary / (double)staff_market_wage(sim, level);
    double keep = w >= 1.0 ? 1.0 : 0.5 + 0.5 * w;
    return ud_rng_chance(&sim->rng[STREAM_STAFF], sim->setup.mfi.officers.honesty * keep);
}

ud_money staff_severance(const ud_sim *sim, const ud_officer *o) {
    int service = sim->month - o->hired_month;
    int months = 1 + (service > 0 ? service / 12 : 0);
    return o->salary * (months > 9 ? 9 : months);
}

int staff_employed(const ud_sim *sim) {
    int n = 0;
    for (int i = 0; i < sim->officer_count; i++) {
        n += sim->officers[i].employed;
    }
    return n;
}

/* The employed officer with the lightest load; NO_INDEX if none or all are at twice their
 * capacity (beyond that no officer takes a new client). */
int staff_pick_officer(const ud_sim *sim) {
    int best = NO_INDEX;
    double best_ratio = 2.0;
    for (int i = 0; i < sim->officer_count; i++) {
        const ud_officer *o = &sim->officers[i];
        if (!o->employed) {
            continue;
        }
        double ratio = sim->officer_load[i] / staff_effective_capacity(sim, o);
        if (ratio < best_ratio) {
            best_ratio = ratio;
            best = i;
        }
    }
    return best;
}

static double load_of(const ud_sim *sim, const loan_slot *slot) {
    return sim->products[slot->product].group_liability ? GROUP_LOAD : 1.0;
}

void staff_assign(ud_sim *sim, loan_slot *slot, int officer) {
    slot->officer = officer;
    if (officer != NO_INDEX) {
        sim->officer_load[officer] += load_of(sim, slot);
        sim->officers[officer].caseload++;
    }
}

void staff_unassign(ud_sim *sim, loan_slot *slot) {
    int o = slot->officer;
    if (o != NO_INDEX) {
        sim->officer_load[o] -= load_of(sim, slot);
        if (sim->officer_load[o] < 1e-9) {
            sim->officer_load[o] = 0; /* no drift below zero from float sums */
        }
        sim->officers[o].caseload--;
    }
    slot->officer = NO_INDEX;
}

void staff_update_caseloads(ud_sim *sim) {
    for (int i = 0; i < sim->officer_count; i++) {
        sim->officer_load[i] = 0;
        sim->officers[i].caseload = 0;
    }
    for (int i = 0; i < sim->loan_capacity; i++) {
        const loan_slot *slot = &sim->loans[i];
        if (!slot->in_use || slot->account.status != UD_LOAN_ACTIVE || slot->officer < 0) {
            continue;
        }
        sim->officer_load[slot->officer] += load_of(sim, slot);
        sim->officers[slot->officer].caseload++;
    }
}

/* A dishonest officer who has gone unaudited for a while starts booking ghost loans: the
 * cash leaves, the books show a loan that nobody will ever repay. */
static void make_ghost_loan(ud_sim *sim, int officer) {
    ud_money size = 0;
    int product = 0;
    for (int p = 0; p < sim->product_count; p++) {
        if (sim->products[p].open) {
            size = (sim->products[p].min_amount + sim->products[p].max_amount) / 2;
            product = p;
            break;
        }
    }
    if (size <= 0 || size > lending_capacity(sim)) {
        return;
    }
    int index = loan_alloc(sim);
    if (index == NO_INDEX) {
        return;
    }
    loan_slot *slot = &sim->loans[index];
    ud_loan_terms t = sim->products[product].terms;
    t.principal = size;
    t.fee_kind = UD_FEE_NONE;
    ud_money cash_before = sim_cash(sim);
    if (ud_loan_disburse(&slot->account, &sim->books, &t, sim_today(sim)) != UD_TERMS_OK) {
        loan_release(sim, index);
        return;
    }
    sim->outside += cash_before - sim_cash(sim); /* the officer pockets it */
    slot->product = product;
    staff_assign(sim, slot, officer);
}

void staff_hand_over(ud_sim *sim, loan_slot *slot) {
    slot->handed_over = 1;
    slot->handover_month = (uint8_t)sim->month;
}

void staff_reassign(ud_sim *sim, int officer) {
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (slot->in_use && slot->officer == officer) {
            slot->officer = NO_INDEX;
        }
    }
    staff_update_caseloads(sim);
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (slot->in_use && slot->officer == NO_INDEX && slot->account.status == UD_LOAN_ACTIVE) {
            int to = staff_pick_officer(sim);
            if (to == NO_INDEX) {
                return; /* nobody left: the loans go unattended */
            }
            staff_assign(sim, slot, to);
            staff_hand_over(sim, slot);
        }
    }
}

void staff_run_audit(ud_sim *sim) {
    int ghosts[UD_MAX_OFFICERS] = {0};
    ud_money lost[UD_MAX_OFFICERS] = {0};
    bool found = false;
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (!slot->in_use || slot->household != NO_INDEX ||
            slot->account.status != UD_LOAN_ACTIVE) {
            continue;
        }
        int o = slot->officer;
        ghosts[o]++;
        lost[o] += slot->account.principal_outstanding;
        ud_money amount = ud_loan_write_off(&slot->account, &sim->books);
        sim->month_write_offs += amount;
        staff_unassign(sim, slot);
        loan_release(sim, i);
        found = true;
    }
    for (int o = 0; o < sim->officer_count; o++) {
        ud_officer *off = &sim->officers[o];
        if (off->stealing || ghosts[o] > 0) {
            sim_event(sim, UD_EV_OFFICER_FRAUD_FOUND, o, ghosts[o], lost[o]);
            off->stealing = false;
            /* dismissed for misconduct: no severance, and not counted in staff turnover (a
             * thief caught is internal control working, not a unit failing to keep people) */
            off->employed = false;
            sim_event(sim, UD_EV_OFFICER_FIRED, o, 0, 0);
            staff_reassign(sim, o);
            found = true;
        }
        off->months_since_audit = 0;
    }
    if (!found) {
        sim_event(sim, UD_EV_AUDIT_CLEAN, 0, 0, 0);
    }
}

bool staff_can_take_a_course_now(const ud_sim *sim, const ud_officer *o) {
    return o->employed && o->training < 3 && o->course_month != sim->month;
}

int staff_can_take_a_course(const ud_sim *sim) {
    int n = 0;
    for (int i = 0; i < sim->officer_count; i++) {
        n += staff_can_take_a_course_now(sim, &sim->officers[i]);
    }
    return n;
}

/* An officer leaves for a better-paid job. The post is filled at once at the same salary by
 * an untrained recruit, who takes over the caseload: the MFI pays the recruiting cost, loses
 * the training and the experience that walked out of the door, and the clients lose the
 * officer who knew them (staff_hand_over). */
static void replace_officer(ud_sim *sim, int o) {
    ud_officer *off = &sim->officers[o];
    sim_event(sim, UD_EV_OFFICER_QUIT, o, off->training, off->salary);
    sim->month_departures++;
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (slot->in_use && slot->officer == o && slot->account.status == UD_LOAN_ACTIVE) {
            staff_hand_over(sim, slot);
        }
    }
    off->training = 0;
    off->hired_month = sim->month;
    off->course_month = -1;
    off->stealing = false;
    off->months_since_audit = 0;
    off->honest = staff_draw_honest(sim, off->salary, 0);
    sim_pay_cost(sim, "recruiting a loan officer to replace one who left", UD_COST_HIRING,
                 sim->setup.mfi.costs.hire_cost);
}

void staff_fraud(ud_sim *sim) {
    if (sim->audit_ordered) {
        staff_run_audit(sim);
        sim->audit_ordered = false;
    }
    ud_rng *rng = &sim->rng[STREAM_STAFF];
    for (int o = 0; o < sim->officer_count; o++) {
        ud_officer *off = &sim->officers[o];
        if (!off->employed) {
            continue;
        }
        off->months_since_audit++;
        if (ud_rng_chance(rng, staff_quit_chance(sim, off))) {
            replace_officer(sim, o);
            continue;
        }
        if (!off->honest && !off->stealing && off->months_since_audit >= 4 &&
            ud_rng_chance(rng, 0.25)) {
            off->stealing = true;
        }
        if (off->stealing && ud_rng_chance(rng, 0.5)) {
            make_ghost_loan(sim, o);
        }
    }
}
