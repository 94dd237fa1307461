/* The month's explanation: arrears by cause, money by line, and what each decision did. */
#include "sim_internal.h"
#include "ud/explain.h"

#include <string.h>

static bool policy_reason(int reason) {
    return reason == UD_REJECT_POLICY_WOMEN_ONLY || reason == UD_REJECT_POLICY_PAST_ARREARS ||
           reason == UD_REJECT_POLICY_GROUPS_ONLY || reason == UD_REJECT_NO_GROUP ||
           reason == UD_REJECT_POLICY_BELOW_MINIMUM;
}

static void read_events(ud_month_explanation *out, const ud_event *ev, int n) {
    for (int i = 0; i < n; i++) {
        const ud_event *e = &ev[i];
        switch (e->type) {
        case UD_EV_INSTALMENT_MISSED: {
            int cause =
                e->cause >= 0 && e->cause < UD_MISS_CAUSE_COUNT ? e->cause : UD_MISS_UNWILLING;
            out->new_arrears++;
            out->new_arrears_by_cause[cause]++;
            out->overdue_by_cause[cause] += e->amount;
            if (out->fell_behind_count < UD_EXPLAIN_LISTED) {
                out->fell_behind[out->fell_behind_count] = e->subject;
                out->fell_behind_cause[out->fell_behind_count] = (ud_miss_cause)cause;
                out->fell_behind_count++;
            }
            break;
        }
        case UD_EV_GROUP_COLLAPSED:
            out->groups_collapsed++;
            break;
        case UD_EV_GROUP_COVERED:
            out->groups_covered++;
            break;
        case UD_EV_OFFICER_QUIT:
            if (out->officers_quit < UD_EXPLAIN_QUITS_NAMED) {
                out->quit_officer[out->officers_quit] = e->subject;
            }
            out->officers_quit++;
            break;
        case UD_EV_OFFICER_FRAUD_FOUND:
            out->ghost_loans_found += e->object;
            out->fraud_lost += e->amount;
            break;
        case UD_EV_LOAN_WRITTEN_OFF:
            out->written_off++;
            out->written_off_amount += e->amount;
            if (e->subject >= 0 && out->written_off_listed < UD_EXPLAIN_LISTED) {
                out->written_off_household[out->written_off_listed++] = e->subject;
            }
            break;
        case UD_EV_LOAN_DISBURSED:
            out->disbursed++;
            break;
        case UD_EV_LOAN_REPAID:
            out->repaid++;
            break;
        case UD_EV_APPLICATION_REJECTED:
            out->refused_by_policy += policy_reason(e->object);
            out->left_undecided += e->object == UD_REJECT_UNDECIDED;
            break;
        case UD_EV_SHOCK_STARTED:
            out->shocks_started++;
            break;
        default:
            break;
        }
    }
}

/* The product as it was before command `upto` of the log changed it. */
static ud_product product_before(const ud_sim *sim, int index, int upto) {
    ud_product p = sim->setup.mfi.product[index];
    for (int i = 0; i < upto; i++) {
        const ud_command *c = &sim->log[i].command;
        if (c->index != index) {
            continue;
        }
        if (c->type == UD_CMD_SET_PRODUCT) {
            char name[UD_NAME_LEN];
            memcpy(name, p.name, sizeof name);
            p = c->product;
            memcpy(p.name, name, sizeof name);
        } else if (c->type == UD_CMD_OPEN_PRODUCT || c->type == UD_CMD_CLOSE_PRODUCT) {
            p.open = c->type == UD_CMD_OPEN_PRODUCT;
        }
    }
    return p;
}

static ud_credit_policy policy_before(const ud_sim *sim, int upto) {
    ud_credit_policy p = sim->setup.mfi.policy;
    for (int i = 0; i < upto; i++) {
        if (sim->log[i].command.type == UD_CMD_SET_POLICY) {
            p = sim->log[i].command.policy;
        }
    }
    return p;
}

static bool same_policy(const ud_credit_policy *a, const ud_credit_policy *b) {
    return a->women_only == b->women_only && a->groups_only == b->groups_only &&
           a->first_loan_cap == b->first_loan_cap && a->repeat_step_up == b->repeat_step_up &&
           a->loan_to_income_cap == b->loan_to_income_cap &&
           a->max_past_arrears_days == b->max_past_arrears_days &&
           a->manual_review == b->manual_review && a->hide_apr == b->hide_apr;
}

/* Field by field: memcmp also compared the struct's padding and the unused principal, so a
 * rate or a savings share set and set back still read as a change to a trainee. */
static bool same_terms(const ud_loan_terms *a, const ud_loan_terms *b) {
    return a->annual_rate == b->annual_rate && a->installments == b->installments &&
           a->grace == b->grace && a->frequency == b->frequency && a->method == b->method &&
           a->fee_kind == b->fee_kind && a->fee_rate == b->fee_rate && a->fee_flat == b->fee_flat;
}

static bool same_product(const ud_product *a, const ud_product *b) {
    return a->open == b->open && same_terms(&a->terms, &b->terms) &&
           a->min_amount == b->min_amount && a->max_amount == b->max_amount &&
           a->compulsory_savings == b->compulsory_savings && a->group_min == b->group_min &&
           a->group_max == b->group_max;
}

static double follow_up_before(const ud_sim *sim, int upto) {
    double f = sim->setup.mfi.follow_up;
    for (int i = 0; i < upto; i++) {
        if (sim->log[i].command.type == UD_CMD_SET_FOLLOW_UP) {
            f = sim->log[i].command.share;
        }
    }
    return f;
}

static ud_rate savings_rate_before(const ud_sim *sim, int upto) {
    ud_rate r = sim->setup.mfi.savings_rate;
    for (int i = 0; i < upto; i++) {
        if (sim->log[i].command.type == UD_CMD_SET_SAVINGS_RATE) {
            r = sim->log[i].command.rate;
        }
    }
    return r;
}

/* The effect line of this kind and index already started, or a new one (NULL when full). */
static ud_effect *effect_for(ud_month_explanation *out, ud_effect_kind kind, int index) {
    for (int i = 0; i < out->effect_count; i++) {
        if (out->effects[i].kind == kind && out->effects[i].index == index) {
            return &out->effects[i];
        }
    }
    if (out->effect_count >= UD_EXPLAIN_EFFECTS) {
        return NULL;
    }
    ud_effect *e = &out->effects[out->effect_count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->index = index;
    return e;
}

static void product_effect(ud_month_explanation *out, const ud_month_explanation *prev,
                           const ud_product *was, const ud_product *now, int index) {
    ud_effect_kind kind = UD_EFFECT_TERMS;
    double before = 0, after = 0;
    if (was->terms.annual_rate != now->terms.annual_rate) {
        kind = UD_EFFECT_RATE;
        before = ud_rate_to_percent(was->terms.annual_rate);
        after = ud_rate_to_percent(now->terms.annual_rate);
    } else if (was->terms.method != now->terms.method) {
        kind = UD_EFFECT_METHOD;
        before = was->terms.method;
        after = now->terms.method;
    } else if (was->open != now->open) {
        kind = now->open ? UD_EFFECT_OPENED : UD_EFFECT_CLOSED;
    } else if (memcmp(&was->terms, &now->terms, sizeof was->terms) == 0 &&
               was->min_amount == now->min_amount && was->max_amount == now->max_amount &&
               was->compulsory_savings == now->compulsory_savings &&
               was->group_min == now->group_min && was->group_max == now->group_max) {
        return; /* set to what it already was */
    }
    ud_effect *e = effect_for(out, kind, index);
    if (e == NULL) {
        return;
    }
    if (e->count == 0) {
        e->before = before; /* several changes in one month: from the first to the last */
    }
    e->after = after;
    e->count++;
    e->measure_before = prev != NULL ? prev->applications_by_product[index] : 0;
    e->measure_after = out->applications_by_product[index];
}

/* A rate, method, follow-up or savings rate changed and changed back within the month ends
 * where it began: no decision to report ("from declining balance to declining balance", a
 * trainee read after trying the three methods). */
static void drop_round_trips(const ud_sim *sim, int first, int end, ud_month_explanation *out) {
    /* the credit policy and each product as the month's decisions found and left them: a
     * rule switched on and off again ("review every loan"), or terms changed and changed
     * back, is no change (a trainee read "you changed the credit policy") */
    ud_credit_policy policy_from = policy_before(sim, first), policy_to = policy_before(sim, end);
    bool policy_same = same_policy(&policy_from, &policy_to);
    int kept = 0;
    for (int i = 0; i < out->effect_count; i++) {
        const ud_effect *e = &out->effects[i];
        bool valued = e->kind == UD_EFFECT_RATE || e->kind == UD_EFFECT_METHOD ||
                      e->kind == UD_EFFECT_FOLLOW_UP || e->kind == UD_EFFECT_SAVINGS_RATE;
        if (valued && e->before == e->after) {
            continue;
        }
        if (e->kind == UD_EFFECT_POLICY && policy_same) {
            continue;
        }
        bool of_product = e->kind == UD_EFFECT_TERMS || e->kind == UD_EFFECT_RATE ||
                          e->kind == UD_EFFECT_METHOD || e->kind == UD_EFFECT_OPENED ||
                          e->kind == UD_EFFECT_CLOSED;
        if (of_product && e->index >= 0 && e->index < sim->product_count) {
            ud_product from = product_before(sim, e->index, first);
            ud_product to = product_before(sim, e->index, end);
            if (same_product(&from, &to)) {
                continue;
            }
        }
        out->effects[kept++] = *e;
    }
    out->effect_count = kept;
}

static void read_commands(const ud_sim *sim, ud_month_explanation *out,
                          const ud_month_explanation *prev) {
    int decided_month = out->month - 1; /* commands applied before this month was played */
    int approved = 0, resized = 0, rejected = 0;
    int first = -1, end = 0; /* the month's commands: log[first .. end-1] */
    for (int i = 0; i < sim->log_count; i++) {
        if (sim->log[i].month != decided_month) {
            continue;
        }
        first = first < 0 ? i : first;
        end = i + 1;
        const ud_command *c = &sim->log[i].command;
        ud_effect *e = NULL;
        switch (c->type) {
        case UD_CMD_SET_PRODUCT:
        case UD_CMD_OPEN_PRODUCT:
        case UD_CMD_CLOSE_PRODUCT: {
            if (c->index < 0 || c->index >= sim->product_count) {
                break;
            }
            ud_product was = product_before(sim, c->index, i);
            ud_product now = product_before(sim, c->index, i + 1);
            product_effect(out, prev, &was, &now, c->index);
            break;
        }
        case UD_CMD_SET_POLICY:
            e = effect_for(out, UD_EFFECT_POLICY, 0);
            if (e != NULL) {
                e->count++;
                e->measure_before = prev != NULL ? prev->refused_by_policy : 0;
                e->measure_after = out->refused_by_policy;
            }
            break;
        case UD_CMD_APPROVE:
            approved++;
            break;
        case UD_CMD_RESIZE:
            resized++;
            break;
        case UD_CMD_REJECT:
            rejected++;
            break;
        case UD_CMD_HIRE:
        case UD_CMD_FIRE: {
            bool hire = c->type == UD_CMD_HIRE;
            e = effect_for(out, hire ? UD_EFFECT_HIRED : UD_EFFECT_FIRED, 0);
            if (e != NULL) {
                e->count += hire ? c->count : 1;
                e->amount = out->cost_line[UD_COST_HIRING];
                e->measure_before = prev != NULL ? prev->borrowers_per_officer : 0;
                e->measure_after = out->borrowers_per_officer;
            }
            break;
        }
        case UD_CMD_TRAIN:
            e = effect_for(out, UD_EFFECT_TRAINED, 0);
            if (e != NULL) {
                e->amount = out->cost_line[UD_COST_TRAINING];
                ud_money each = sim->setup.mfi.costs.training_cost;
                e->count = each > 0 ? (int)(e->amount / each) : e->count + 1;
            }
            break;
        case UD_CMD_SET_SALARY:
            e = effect_for(out, UD_EFFECT_PAY, 0);
            if (e != NULL) {
                e->count++;
                e->amount = out->cost_line[UD_COST_SALARIES];
                e->measure_before = prev != NULL ? (double)prev->cost_line[UD_COST_SALARIES] : 0;
                e->measure_after = (double)out->cost_line[UD_COST_SALARIES];
            }
            break;
        case UD_CMD_AUDIT:
            e = effect_for(out, UD_EFFECT_AUDIT, 0);
            if (e != NULL) {
                e->amount = out->cost_line[UD_COST_AUDIT];
                e->count = out->ghost_loans_found;
            }
            break;
        case UD_CMD_SET_FOLLOW_UP:
            e = effect_for(out, UD_EFFECT_FOLLOW_UP, 0);
            if (e != NULL) {
                if (e->count++ == 0) {
                    e->before = 100.0 * follow_up_before(sim, i);
                }
                e->after = 100.0 * c->share;
                e->measure_before = prev != NULL ? prev->new_arrears : 0;
                e->measure_after = out->new_arrears;
            }
            break;
        case UD_CMD_SET_SAVINGS_RATE:
            e = effect_for(out, UD_EFFECT_SAVINGS_RATE, 0);
            if (e != NULL) {
                if (e->count++ == 0) {
                    e->before = ud_rate_to_percent(savings_rate_before(sim, i));
                }
                e->after = ud_rate_to_percent(c->rate);
                e->measure_before = prev != NULL ? (double)prev->deposits : 0;
                e->measure_after = (double)out->deposits;
            }
            break;
        case UD_CMD_ACCEPT_OFFER:
        case UD_CMD_DECLINE_OFFER:
            e = effect_for(out, UD_EFFECT_OFFER, c->index);
            if (e != NULL && c->index >= 0 && c->index < sim->offer_count) {
                e->count = c->type == UD_CMD_ACCEPT_OFFER;
                e->amount = sim->offers[c->index].amount;
                e->before = sim->offers[c->index].kind;
            }
            break;
        case UD_CMD_BORROW:
        case UD_CMD_REPAY:
            e = effect_for(out, c->type == UD_CMD_BORROW ? UD_EFFECT_BORROWED : UD_EFFECT_REPAID,
                           0);
            if (e != NULL) {
                e->count++;
                e->amount += c->amount;
            }
            break;
        case UD_CMD_RESCHEDULE:
        case UD_CMD_WRITE_OFF:
            e = effect_for(
                out, c->type == UD_CMD_RESCHEDULE ? UD_EFFECT_RESCHEDULED : UD_EFFECT_WRITTEN_OFF,
                0);
            if (e != NULL) {
                e->count++;
            }
            break;
        case UD_CMD_TYPE_COUNT:
            break;
        }
    }
    if (approved + resized + rejected > 0) {
        ud_effect *e = effect_for(out, UD_EFFECT_DECIDED, 0);
        if (e != NULL) {
            e->count = approved;
            e->amount = resized;
            e->index = rejected;
            e->measure_after = out->disbursed;
        }
    }
    drop_round_trips(sim, first < 0 ? 0 : first, end, out);
}

void ud_month_explain(const ud_sim *sim, int month, const ud_event *events, int event_count,
                      const ud_month_explanation *previous, ud_month_explanation *out) {
    memset(out, 0, sizeof *out);
    out->month = month;
    const ud_month_record *r = ud_sim_month_record(sim, month);
    const ud_indicators *now = ud_sim_indicators(sim, month);
    const ud_indicators *before = ud_sim_indicators(sim, month - 1);
    if (r == NULL || now == NULL || before == NULL) {
        return;
    }
    if (previous != NULL && previous->month != month - 1) {
        previous = NULL; /* not the month before: nothing to compare with */
    }
    read_events(out, events, event_count);
    out->applications = r->applications;
    if (month == sim->month) {
        /* right after the step the month's applications are still on the desk */
        for (int i = 0; i < sim->app_count; i++) {
            int p = sim->apps[i].product;
            if (p >= 0 && p < UD_MAX_PRODUCTS) {
                out->applications_by_product[p]++;
            }
        }
    }
    out->deposits = now->deposits;
    out->borrowers_per_officer = now->borrowers_per_officer;
    out->par30_before = before->par30;
    out->par30_after = now->par30;
    out->statement = r->statement;
    memcpy(out->cost_line, r->cost_line, sizeof out->cost_line);
    const ud_month_record *last = ud_sim_month_record(sim, month - 1);
    if (last != NULL) {
        memcpy(out->cost_line_before, last->cost_line, sizeof out->cost_line_before);
    }
    read_commands(sim, out, previous);
}

int ud_explain_biggest_cost_rise(const ud_month_explanation *e) {
    int best = -1;
    ud_money rise = 0;
    for (int i = 0; i < UD_COST_LINE_COUNT; i++) {
        ud_money d = e->cost_line[i] - e->cost_line_before[i];
        if (d > rise) {
            rise = d;
            best = i;
        }
    }
    return best;
}
