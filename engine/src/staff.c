/* Loan officers: assignment, caseloads, fraud by dishonest officers, and internal audits. */
#include "sim_internal.h"

double staff_capacity(const ud_officer *o) {
    return 100.0 + 20.0 * o->training; /* training raises what an officer can handle */
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
        double ratio = sim->officer_load[i] / staff_capacity(o);
        if (ratio < best_ratio) {
            best_ratio = ratio;
            best = i;
        }
    }
    return best;
}

static double load_of(const ud_sim *sim, const loan_slot *slot) {
    return sim->products[slot->product].group_liability ? 0.4 : 1.0;
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
            off->employed = false; /* dismissed */
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
        if (!off->honest && !off->stealing && off->months_since_audit >= 4 &&
            ud_rng_chance(rng, 0.25)) {
            off->stealing = true;
        }
        if (off->stealing && ud_rng_chance(rng, 0.5)) {
            make_ghost_loan(sim, o);
        }
    }
}
