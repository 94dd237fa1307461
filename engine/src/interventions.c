/* What scenarios do to the village and the MFI from outside: shocks and political events. */
#include "sim_internal.h"

int ud_sim_add_shock(ud_sim *sim, const ud_shock *shock, char *err, size_t err_size) {
    if (sim->shock_count >= UD_MAX_SHOCKS) {
        snprintf(err, err_size, "shocks: at most %d shocks in one game", UD_MAX_SHOCKS);
        return -1;
    }
    if ((unsigned)shock->kind >= UD_SHOCK_COUNT) {
        snprintf(err, err_size, "kind: unknown shock kind %d", (int)shock->kind);
        return -1;
    }
    if (shock->start_month <= sim->month) {
        snprintf(err, err_size, "start_month: must be after month %d (got %d)", sim->month,
                 shock->start_month);
        return -1;
    }
    if (shock->months < 1 || shock->months > 120) {
        snprintf(err, err_size, "months: must be 1 to 120 (got %d)", shock->months);
        return -1;
    }
    if (!(shock->share >= 0.0 && shock->share <= 1.0)) {
        snprintf(err, err_size, "share: must be between 0 and 1 (got %g)", shock->share);
        return -1;
    }
    if (!(shock->severity >= 0.0 && shock->severity <= 1.0)) {
        snprintf(err, err_size, "severity: must be between 0 and 1 (got %g)", shock->severity);
        return -1;
    }
    int index = sim->shock_count++;
    sim->shocks[index].shock = *shock;
    sim->shocks[index].announced = 0;
    sim->shocks[index].ended = 0;
    return index;
}

bool ud_sim_political(ud_sim *sim, ud_political_kind kind, int hamlet, int months, double strength,
                      char *err, size_t err_size) {
    if (months < 1 || months > 120) {
        snprintf(err, err_size, "months: must be 1 to 120 (got %d)", months);
        return false;
    }
    if (!(strength >= 0.0 && strength <= 1.0)) {
        snprintf(err, err_size, "strength: must be between 0 and 1 (got %g)", strength);
        return false;
    }
    switch (kind) {
    case UD_POLITICAL_WAIVER_PROMISE:
        sim->waiver_until = sim->month + months;
        sim->waiver_residual_until = sim->waiver_until + 6;
        sim->waiver_strength = strength;
        lending_damage_culture(sim, -1, 0.05 * strength);
        /* A promise of forgiveness lingers: the MFI's name for enforcing suffers. */
        sim->reputation -= 0.2 * strength;
        if (sim->reputation < 0) {
            sim->reputation = 0;
        }
        break;
    case UD_POLITICAL_DIRECTED_LENDING:
        if (hamlet < 0 || hamlet >= sim->setup.village.hamlets) {
            snprintf(err, err_size, "hamlet: must be 0 to %d (got %d)",
                     sim->setup.village.hamlets - 1, hamlet);
            return false;
        }
        sim->hamlets[hamlet].directed_until = sim->month + months;
        sim->hamlets[hamlet].directed_strength = strength;
        break;
    case UD_POLITICAL_WAIVER_DISAVOWED:
        /* Said clearly by those who promised: most stop waiting for the waiver. */
        if (sim->waiver_until > sim->month) {
            sim->waiver_until = sim->month;
            sim->waiver_residual_until = sim->month + 3;
        }
        break;
    default:
        snprintf(err, err_size, "kind: unknown political event %d", (int)kind);
        return false;
    }
    sim_event(sim, UD_EV_POLITICAL, hamlet, (int)kind, 0);
    return true;
}

static const char *const event_names[UD_EV_TYPE_COUNT] = {
    [UD_EV_MONTH_CLOSED] = "month_closed",
    [UD_EV_LOAN_DISBURSED] = "loan_disbursed",
    [UD_EV_APPLICATION_REJECTED] = "application_rejected",
    [UD_EV_INSTALMENT_MISSED] = "instalment_missed",
    [UD_EV_LOAN_REPAID] = "loan_repaid",
    [UD_EV_GROUP_COVERED] = "group_covered",
    [UD_EV_GROUP_COLLAPSED] = "group_collapsed",
    [UD_EV_LOAN_WRITTEN_OFF] = "loan_written_off",
    [UD_EV_RECOVERY] = "recovery",
    [UD_EV_OFFICER_FRAUD_FOUND] = "officer_fraud_found",
    [UD_EV_AUDIT_CLEAN] = "audit_clean",
    [UD_EV_OFFICER_HIRED] = "officer_hired",
    [UD_EV_OFFICER_FIRED] = "officer_fired",
    [UD_EV_OFFICER_TRAINED] = "officer_trained",
    [UD_EV_SHOCK_STARTED] = "shock_started",
    [UD_EV_SHOCK_ENDED] = "shock_ended",
    [UD_EV_OFFER_MADE] = "offer_made",
    [UD_EV_OFFER_ACCEPTED] = "offer_accepted",
    [UD_EV_OFFER_DECLINED] = "offer_declined",
    [UD_EV_CREDIT_LINE_RECALLED] = "credit_line_recalled",
    [UD_EV_BORROWING_REPAID] = "borrowing_repaid",
    [UD_EV_POLITICAL] = "political",
    [UD_EV_PAR_THRESHOLD] = "par_threshold",
    [UD_EV_CASH_SHORT] = "cash_short",
    [UD_EV_INSOLVENT] = "insolvent",
    [UD_EV_OFFICER_QUIT] = "officer_quit",
    [UD_EV_GROUP_FORMED] = "group_formed",
};

static const char *const miss_cause_names[UD_MISS_CAUSE_COUNT] = {
    [UD_MISS_SHOCK] = "shock",
    [UD_MISS_GROUP_COLLAPSE] = "group_collapse",
    [UD_MISS_CAPTURED] = "captured",
    [UD_MISS_WAIVER_RUMOUR] = "waiver_rumour",
    [UD_MISS_OVERLOADED_OFFICER] = "overloaded_officer",
    [UD_MISS_HARDSHIP] = "hardship",
    [UD_MISS_CHEAP_LOAN] = "cheap_loan",
    [UD_MISS_UNWILLING] = "unwilling",
};

const char *ud_miss_cause_name(ud_miss_cause cause) {
    return (unsigned)cause < UD_MISS_CAUSE_COUNT ? miss_cause_names[cause] : "?";
}

const char *ud_event_name(ud_event_type type) {
    return (unsigned)type < UD_EV_TYPE_COUNT ? event_names[type] : "?";
}
