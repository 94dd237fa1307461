/* Exact loan schedules: flat, declining annuity and declining equal principal, with grace and fees.
 */
#include "ud/schedule.h"

#include "bignum.h"

#include <math.h>
#include <string.h>

/* Bounds that keep every intermediate product inside 128 bits and every total inside 64. */
#define MAX_PRINCIPAL INT64_C(1000000000000000) /* 10^15 minor units */

static const struct {
    const char *name;
    int per_year, days;
} frequencies[UD_FREQ_COUNT] = {
    [UD_FREQ_WEEKLY] = {"weekly", 52, 7},
    [UD_FREQ_FORTNIGHTLY] = {"fortnightly", 26, 14},
    [UD_FREQ_MONTHLY] = {"monthly", 12, 30},
};

static const char *const method_names[UD_METHOD_COUNT] = {
    [UD_METHOD_FLAT] = "flat",
    [UD_METHOD_DECLINING_ANNUITY] = "declining-annuity",
    [UD_METHOD_DECLINING_EQUAL_PRINCIPAL] = "declining-equal-principal",
};

int ud_frequency_periods_per_year(ud_frequency f) {
    return (unsigned)f < UD_FREQ_COUNT ? frequencies[f].per_year : 0;
}

int ud_frequency_days(ud_frequency f) {
    return (unsigned)f < UD_FREQ_COUNT ? frequencies[f].days : 0;
}

const char *ud_frequency_name(ud_frequency f) {
    return (unsigned)f < UD_FREQ_COUNT ? frequencies[f].name : "?";
}

const char *ud_method_name(ud_interest_method m) {
    return (unsigned)m < UD_METHOD_COUNT ? method_names[m] : "?";
}

bool ud_frequency_from_name(const char *name, ud_frequency *out) {
    for (int i = 0; i < UD_FREQ_COUNT; i++) {
        if (strcmp(name, frequencies[i].name) == 0) {
            *out = (ud_frequency)i;
            return true;
        }
    }
    return false;
}

bool ud_method_from_name(const char *name, ud_interest_method *out) {
    for (int i = 0; i < UD_METHOD_COUNT; i++) {
        if (strcmp(name, method_names[i]) == 0) {
            *out = (ud_interest_method)i;
            return true;
        }
    }
    return false;
}

const char *ud_terms_error_text(ud_terms_error error) {
    switch (error) {
    case UD_TERMS_OK:
        return "ok";
    case UD_TERMS_PRINCIPAL:
        return "the principal must be positive and at most 10^15 minor units";
    case UD_TERMS_RATE:
        return "the annual rate must be between 0% and 1000%";
    case UD_TERMS_INSTALLMENTS:
        return "the number of instalments must be between 1 and 520";
    case UD_TERMS_GRACE:
        return "the grace period must be at least 0 and fewer than the instalments";
    case UD_TERMS_FREQUENCY:
        return "the repayment frequency must be weekly, fortnightly or monthly";
    case UD_TERMS_METHOD:
        return "the interest method must be flat, declining-annuity or declining-equal-principal";
    case UD_TERMS_FEE:
        return "the fee must be at least 0 and less than the principal";
    case UD_TERMS_TOO_LARGE:
        return "the amounts are too large to compute exactly";
    }
    return "invalid terms";
}

ud_money ud_terms_upfront_fee(const ud_loan_terms *terms) {
    switch (terms->fee_kind) {
    case UD_FEE_PERCENT:
        return ud_money_apply_rate(terms->principal, terms->fee_rate);
    case UD_FEE_FLAT:
        return terms->fee_flat;
    case UD_FEE_NONE:
        break;
    }
    return 0;
}

ud_terms_error ud_terms_validate(const ud_loan_terms *t) {
    if (t->principal <= 0 || t->principal > MAX_PRINCIPAL) {
        return UD_TERMS_PRINCIPAL;
    }
    if (t->annual_rate < 0 || t->annual_rate > UD_MAX_ANNUAL_RATE) {
        return UD_TERMS_RATE;
    }
    if (t->installments < 1 || t->installments > UD_MAX_INSTALLMENTS) {
        return UD_TERMS_INSTALLMENTS;
    }
    if (t->grace < 0 || t->grace >= t->installments) {
        return UD_TERMS_GRACE;
    }
    if ((unsigned)t->frequency >= UD_FREQ_COUNT) {
        return UD_TERMS_FREQUENCY;
    }
    if ((unsigned)t->method >= UD_METHOD_COUNT) {
        return UD_TERMS_METHOD;
    }
    if (t->fee_kind == UD_FEE_PERCENT && (t->fee_rate < 0 || t->fee_rate >= UD_RATE_SCALE)) {
        return UD_TERMS_FEE;
    }
    if (t->fee_kind == UD_FEE_FLAT && (t->fee_flat < 0 || t->fee_flat >= t->principal)) {
        return UD_TERMS_FEE;
    }
    if (t->fee_kind != UD_FEE_NONE && t->fee_kind != UD_FEE_PERCENT && t->fee_kind != UD_FEE_FLAT) {
        return UD_TERMS_FEE;
    }
    return UD_TERMS_OK;
}

static int64_t gcd64(int64_t a, int64_t b) {
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

/* out = base^exponent by repeated multiplication (exponents are at most 520). */
static bool bignum_pow(ud_bignum *out, uint64_t base, int exponent) {
    ud_bignum_set_u128(out, 1);
    for (int i = 0; i < exponent; i++) {
        if (!ud_bignum_mul_u64(out, base)) {
            return false;
        }
    }
    return true;
}

/* The exact annuity P r (1+r)^m / ((1+r)^m - 1), r = num/den, rounded half-to-even:
 * = P num (den+num)^m / (den ((den+num)^m - den^m)). The work space lives on the stack
 * (about 13 KiB) so that simulations on several threads never share it. */
static bool exact_annuity(ud_money principal, int64_t num, int64_t den, int periods,
                          ud_money *out) {
    ud_bignum grown, base, numerator, denominator, scale;
    if (!bignum_pow(&grown, (uint64_t)(den + num), periods) ||
        !bignum_pow(&base, (uint64_t)den, periods)) {
        return false;
    }
    ud_bignum_set_u128(&scale, (unsigned __int128)principal * (unsigned __int128)num);
    if (!ud_bignum_mul(&numerator, &grown, &scale)) {
        return false;
    }
    ud_bignum_sub(&grown, &base); /* (den+num)^m - den^m */
    ud_bignum_set_u128(&scale, (unsigned __int128)den);
    if (!ud_bignum_mul(&denominator, &grown, &scale)) {
        return false;
    }
    int64_t q;
    if (!ud_bignum_div_round_small(&numerator, &denominator, &q)) {
        return false;
    }
    *out = q;
    return true;
}

ud_terms_error ud_schedule_plan_make(const ud_loan_terms *terms, ud_schedule_plan *plan) {
    ud_terms_error err = ud_terms_validate(terms);
    if (err != UD_TERMS_OK) {
        return err;
    }
    memset(plan, 0, sizeof *plan);
    int n = terms->installments;
    int amortising = n - terms->grace;
    int64_t num = terms->annual_rate;
    int64_t den = UD_RATE_SCALE * ud_frequency_periods_per_year(terms->frequency);
    int64_t common = num == 0 ? den : gcd64(num, den);
    plan->principal = terms->principal;
    plan->rate_num = num / common;
    plan->rate_den = den / common;
    plan->installments = (int16_t)n;
    plan->grace = (int16_t)terms->grace;
    plan->frequency = (uint8_t)terms->frequency;
    plan->method = (uint8_t)terms->method;
    plan->upfront_fee = ud_terms_upfront_fee(terms);
    switch (terms->method) {
    case UD_METHOD_DECLINING_ANNUITY:
        if (plan->rate_num == 0) {
            plan->regular = ud_div_round_half_even(terms->principal, amortising);
        } else if (!exact_annuity(terms->principal, plan->rate_num, plan->rate_den, amortising,
                                  &plan->regular)) {
            return UD_TERMS_TOO_LARGE;
        }
        break;
    case UD_METHOD_DECLINING_EQUAL_PRINCIPAL:
        plan->regular = ud_div_round_half_even(terms->principal, amortising);
        break;
    case UD_METHOD_FLAT:
    default:
        plan->regular = ud_div_round_half_even(terms->principal, amortising);
        plan->flat_interest_total =
            ud_div_round_half_even((__int128)terms->principal * plan->rate_num * n, plan->rate_den);
        plan->flat_interest_each = ud_div_round_half_even(plan->flat_interest_total, n);
        break;
    }
    return UD_TERMS_OK;
}

ud_schedule_cursor ud_schedule_start(const ud_schedule_plan *plan) {
    ud_schedule_cursor c = {1, plan->principal, 0};
    return c;
}

ud_money ud_schedule_period_interest(const ud_schedule_plan *plan, ud_money balance) {
    return ud_div_round_half_even((__int128)balance * plan->rate_num, plan->rate_den);
}

static ud_money clamp(ud_money v, ud_money lo, ud_money hi) {
    return v < lo ? lo : (v > hi ? hi : v);
}

bool ud_schedule_next(const ud_schedule_plan *plan, ud_schedule_cursor *cursor,
                      ud_installment *row) {
    int k = cursor->next;
    if (k > plan->installments) {
        return false;
    }
    bool last = (k == plan->installments);
    bool in_grace = (k <= plan->grace);
    ud_money balance = cursor->balance;
    ud_money interest, principal;
    if (plan->method == UD_METHOD_FLAT) {
        ud_money remaining_interest = plan->flat_interest_total - cursor->interest_so_far;
        interest =
            last ? remaining_interest : clamp(plan->flat_interest_each, 0, remaining_interest);
        principal = in_grace ? 0 : (last ? balance : clamp(plan->regular, 0, balance));
    } else {
        interest = ud_schedule_period_interest(plan, balance);
        if (in_grace) {
            principal = 0;
        } else if (last) {
            principal = balance;
        } else if (plan->method == UD_METHOD_DECLINING_ANNUITY) {
            principal = clamp(plan->regular - interest, 0, balance);
        } else {
            principal = clamp(plan->regular, 0, balance);
        }
    }
    row->n = k;
    row->principal = principal;
    row->interest = interest;
    row->fee = 0;
    row->payment = principal + interest;
    row->balance = balance - principal;
    cursor->next = k + 1;
    cursor->balance = row->balance;
    cursor->interest_so_far += interest;
    return true;
}

bool ud_periodic_irr(ud_money received, const ud_money *payments, int count, double *rate) {
    if (count <= 0 || received <= 0) {
        return false;
    }
    /* Present value minus what was received: strictly decreasing in the rate for
     * non-negative payments, so bisection converges to the unique root. */
    long double lo = -0.99L, hi = 100.0L;
    for (int iter = 0; iter < 200; iter++) {
        long double mid = (lo + hi) / 2;
        long double discount = 1.0L / (1.0L + mid), factor = discount, pv = 0;
        for (int k = 0; k < count; k++) {
            pv += (long double)payments[k] * factor;
            factor *= discount;
        }
        if (pv > (long double)received) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    if (hi >= 100.0L || lo <= -0.99L) {
        return false;
    }
    *rate = (double)((lo + hi) / 2);
    return true;
}

/* APR and EIR from the payments of a schedule. */
static void cost_of(const ud_loan_terms *terms, ud_money fee, const ud_money *payments, int count,
                    double *apr_percent, double *eir_percent) {
    int per_year = ud_frequency_periods_per_year(terms->frequency);
    double periodic = 0;
    if (ud_periodic_irr(terms->principal - fee, payments, count, &periodic)) {
        *apr_percent = periodic * per_year * 100.0;
        *eir_percent = (pow(1.0 + periodic, per_year) - 1.0) * 100.0;
    } else {
        *apr_percent = NAN;
        *eir_percent = NAN;
    }
}

ud_terms_error ud_schedule_cost(const ud_loan_terms *terms, double *apr_percent,
                                double *eir_percent) {
    return ud_schedule_cost_with_deposit(terms, 0, apr_percent, eir_percent);
}

ud_terms_error ud_schedule_cost_with_deposit(const ud_loan_terms *terms, ud_money deposit,
                                             double *apr_percent, double *eir_percent) {
    ud_schedule_plan plan;
    ud_terms_error err = ud_schedule_plan_make(terms, &plan);
    if (err != UD_TERMS_OK) {
        return err;
    }
    ud_money payments[UD_MAX_INSTALLMENTS];
    int count = 0;
    ud_schedule_cursor cursor = ud_schedule_start(&plan);
    ud_installment row;
    while (ud_schedule_next(&plan, &cursor, &row)) {
        payments[count++] = row.payment;
    }
    deposit = deposit > 0 ? deposit : 0;
    ud_money back = deposit;
    for (int k = count - 1; k >= 0 && back > 0; k--) {
        ud_money used = payments[k] < back ? payments[k] : back;
        payments[k] -= used;
        back -= used;
    }
    cost_of(terms, plan.upfront_fee + deposit, payments, count, apr_percent, eir_percent);
    return UD_TERMS_OK;
}

ud_terms_error ud_schedule_build(const ud_loan_terms *terms, ud_schedule *out) {
    ud_schedule_plan plan;
    ud_terms_error err = ud_schedule_plan_make(terms, &plan);
    if (err != UD_TERMS_OK) {
        return err;
    }
    memset(out, 0, sizeof *out);
    ud_schedule_cursor cursor = ud_schedule_start(&plan);
    ud_money payments[UD_MAX_INSTALLMENTS];
    while (ud_schedule_next(&plan, &cursor, &out->rows[out->count])) {
        const ud_installment *row = &out->rows[out->count];
        out->total_principal += row->principal;
        out->total_interest += row->interest;
        out->total_paid += row->payment;
        payments[out->count] = row->payment;
        out->count++;
    }
    out->total_fees = plan.upfront_fee;
    cost_of(terms, plan.upfront_fee, payments, out->count, &out->apr_percent, &out->eir_percent);
    return UD_TERMS_OK;
}
