/* `unitdesa schedule`: a loan calculator that prints a schedule with its APR and EIR. */
#include "cli_options.h"
#include "commands.h"

#include "ud/schedule.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: unitdesa schedule --principal AMOUNT --annual-rate PERCENT --installments N\n"
    "                         [--minor-units D | --currency CODE] [--frequency F] [--method M]\n"
    "                         [--grace G] [--fee-percent PERCENT | --fee-flat AMOUNT] [--json]\n"
    "\n"
    "Prints the repayment schedule of one loan, with its totals and the APR and EIR that\n"
    "the client really pays (the up-front fee included).\n"
    "\n"
    "  --principal AMOUNT     the amount lent, in major units: 1000.00 or 1,000\n"
    "  --annual-rate PERCENT  nominal yearly interest rate, 0 to 1000 (24 means 24%)\n"
    "  --installments N       number of repayments, 1 to 520\n"
    "  --minor-units D        decimals of the currency, 0 to 6 (default 2)\n"
    "  --currency CODE        take the decimals from an ISO code instead: IDR, USD, XOF...\n"
    "  --frequency F          weekly, fortnightly or monthly (default monthly)\n"
    "  --method M             flat, declining-annuity or declining-equal-principal\n"
    "                         (default declining-annuity)\n"
    "  --grace G              first G instalments pay interest only (default 0)\n"
    "  --fee-percent PERCENT  up-front fee as a share of the principal\n"
    "  --fee-flat AMOUNT      up-front fee as an amount\n"
    "  --json                 machine-readable output (amounts in minor units)\n";

enum {
    OPT_PRINCIPAL,
    OPT_MINOR,
    OPT_CURRENCY,
    OPT_RATE,
    OPT_INSTALLMENTS,
    OPT_FREQUENCY,
    OPT_METHOD,
    OPT_GRACE,
    OPT_FEE_PERCENT,
    OPT_FEE_FLAT,
    OPT_JSON,
    OPT_HELP,
    OPT_COUNT
};

/* "24" or "24%": a percent sign after a rate is what people write. */
static ud_money_status parse_percent(const char *text, ud_rate *out) {
    char copy[64];
    size_t n = strlen(text);
    if (n > 0 && n < sizeof copy && text[n - 1] == '%') {
        memcpy(copy, text, n - 1);
        copy[n - 1] = '\0';
        return ud_rate_parse_percent(copy, out);
    }
    return ud_rate_parse_percent(text, out);
}

static int bad(const char *option, const char *what) {
    fprintf(stderr, "unitdesa schedule: --%s %s\n", option, what);
    return UD_EXIT_USAGE;
}

/* Amounts in minor units, as the engine counts money; "minor_units" says how many decimals
 * they carry (a principal of 1000.00 is 100000). */
static void print_json(const ud_schedule *s, int minor) {
    printf("{\"minor_units\": %d, \"installments\": [", minor);
    for (int i = 0; i < s->count; i++) {
        const ud_installment *r = &s->rows[i];
        printf("%s{\"n\": %d, \"principal\": %lld, \"interest\": %lld, \"fee\": %lld, "
               "\"payment\": %lld, \"balance\": %lld}",
               i ? ", " : "", r->n, (long long)r->principal, (long long)r->interest,
               (long long)r->fee, (long long)r->payment, (long long)r->balance);
    }
    printf("], \"total_principal\": %lld, \"total_interest\": %lld, \"total_fees\": %lld, "
           "\"apr_percent\": %.4f, \"eir_percent\": %.4f}\n",
           (long long)s->total_principal, (long long)s->total_interest, (long long)s->total_fees,
           s->apr_percent, s->eir_percent);
}

static void print_table(const ud_schedule *s, const ud_loan_terms *t, int minor) {
    char a[32], b[32], c[32], d[32], e[32];
    ud_money_format(t->principal, minor, ',', a, sizeof a);
    printf("Loan of %s at %g%% a year, %d %s instalments, %s", a,
           ud_rate_to_percent(t->annual_rate), t->installments, ud_frequency_name(t->frequency),
           ud_method_name(t->method));
    if (t->grace > 0) {
        printf(", %d interest-only", t->grace);
    }
    printf("\n\n%5s %16s %16s %12s %16s %16s\n", "n", "principal", "interest", "fee", "payment",
           "balance");
    for (int i = 0; i < s->count; i++) {
        const ud_installment *r = &s->rows[i];
        ud_money_format(r->principal, minor, ',', a, sizeof a);
        ud_money_format(r->interest, minor, ',', b, sizeof b);
        ud_money_format(r->fee, minor, ',', c, sizeof c);
        ud_money_format(r->payment, minor, ',', d, sizeof d);
        ud_money_format(r->balance, minor, ',', e, sizeof e);
        printf("%5d %16s %16s %12s %16s %16s\n", r->n, a, b, c, d, e);
    }
    ud_money_format(s->total_principal, minor, ',', a, sizeof a);
    ud_money_format(s->total_interest, minor, ',', b, sizeof b);
    ud_money_format(0, minor, ',', c, sizeof c);
    ud_money_format(s->total_paid, minor, ',', d, sizeof d);
    printf("%5s %16s %16s %12s %16s\n\n", "total", a, b, c, d);
    ud_money_format(s->total_fees, minor, ',', a, sizeof a);
    ud_money_format(t->principal - s->total_fees, minor, ',', b, sizeof b);
    printf("Up-front fee: %s (the client receives %s)\n", a, b);
    if (isnan(s->apr_percent)) {
        printf("APR and EIR: cannot be computed for these cash flows\n");
    } else {
        printf("APR %.4f%%   EIR %.4f%%   (what the loan really costs the client, fees "
               "included)\n",
               s->apr_percent, s->eir_percent);
    }
}

int ud_cmd_schedule(int argc, char **argv, int first) {
    ud_option o[OPT_COUNT] = {
        [OPT_PRINCIPAL] = {"principal", UD_OPT_VALUE, NULL},
        [OPT_MINOR] = {"minor-units", UD_OPT_VALUE, NULL},
        [OPT_CURRENCY] = {"currency", UD_OPT_VALUE, NULL},
        [OPT_RATE] = {"annual-rate", UD_OPT_VALUE, NULL},
        [OPT_INSTALLMENTS] = {"installments", UD_OPT_VALUE, NULL},
        [OPT_FREQUENCY] = {"frequency", UD_OPT_VALUE, NULL},
        [OPT_METHOD] = {"method", UD_OPT_VALUE, NULL},
        [OPT_GRACE] = {"grace", UD_OPT_VALUE, NULL},
        [OPT_FEE_PERCENT] = {"fee-percent", UD_OPT_VALUE, NULL},
        [OPT_FEE_FLAT] = {"fee-flat", UD_OPT_VALUE, NULL},
        [OPT_JSON] = {"json", UD_OPT_FLAG, NULL},
        [OPT_HELP] = {"help", UD_OPT_FLAG, NULL},
    };
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("schedule", argc, argv, first, o, OPT_COUNT, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[OPT_HELP].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    const int required[] = {OPT_PRINCIPAL, OPT_RATE, OPT_INSTALLMENTS};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (o[required[i]].value == NULL) {
            return bad(o[required[i]].name, "is required (see 'unitdesa schedule --help')");
        }
    }
    int64_t minor = 2;
    if (o[OPT_MINOR].value && o[OPT_CURRENCY].value) {
        return bad("currency", "and --minor-units cannot both be given");
    }
    if (o[OPT_CURRENCY].value) {
        const ud_currency *cur = ud_currency_find(o[OPT_CURRENCY].value);
        if (cur == NULL) {
            return bad("currency", "is not a known ISO code (try --minor-units instead)");
        }
        minor = cur->minor_units;
    } else if (o[OPT_MINOR].value && !ud_option_int("schedule", "minor-units", o[OPT_MINOR].value,
                                                    0, UD_MAX_MINOR_UNITS, &minor)) {
        return UD_EXIT_USAGE;
    }

    ud_loan_terms t;
    memset(&t, 0, sizeof t);
    t.frequency = UD_FREQ_MONTHLY;
    t.method = UD_METHOD_DECLINING_ANNUITY;
    ud_money_status ms = ud_money_parse(o[OPT_PRINCIPAL].value, (int)minor, &t.principal);
    if (ms != UD_MONEY_OK) {
        return bad("principal", ud_money_status_text(ms));
    }
    if (t.principal <= 0) {
        return bad("principal", "must be greater than zero");
    }
    ms = parse_percent(o[OPT_RATE].value, &t.annual_rate);
    if (ms != UD_MONEY_OK) {
        return bad("annual-rate", ud_money_status_text(ms));
    }
    if (t.annual_rate < 0 || t.annual_rate > UD_MAX_ANNUAL_RATE) {
        return bad("annual-rate", "must be between 0 and 1000 (percent a year)");
    }
    int64_t v;
    if (!ud_option_int("schedule", "installments", o[OPT_INSTALLMENTS].value, 1,
                       UD_MAX_INSTALLMENTS, &v)) {
        return UD_EXIT_USAGE;
    }
    t.installments = (int)v;
    if (o[OPT_GRACE].value) {
        if (!ud_option_int("schedule", "grace", o[OPT_GRACE].value, 0, UD_MAX_INSTALLMENTS, &v)) {
            return UD_EXIT_USAGE;
        }
        if (v >= t.installments) {
            return bad("grace", "must be fewer than --installments");
        }
        t.grace = (int)v;
    }
    if (o[OPT_FREQUENCY].value && !ud_frequency_from_name(o[OPT_FREQUENCY].value, &t.frequency)) {
        return bad("frequency", "must be weekly, fortnightly or monthly");
    }
    if (o[OPT_METHOD].value && !ud_method_from_name(o[OPT_METHOD].value, &t.method)) {
        return bad("method", "must be flat, declining-annuity or declining-equal-principal");
    }
    if (o[OPT_FEE_PERCENT].value && o[OPT_FEE_FLAT].value) {
        return bad("fee-percent", "and --fee-flat cannot both be given");
    }
    if (o[OPT_FEE_PERCENT].value) {
        t.fee_kind = UD_FEE_PERCENT;
        ud_rate pct;
        ms = parse_percent(o[OPT_FEE_PERCENT].value, &pct);
        if (ms != UD_MONEY_OK) {
            return bad("fee-percent", ud_money_status_text(ms));
        }
        if (pct < 0 || pct >= UD_RATE_SCALE) {
            return bad("fee-percent", "must be at least 0 and below 100");
        }
        t.fee_rate = pct;
    }
    if (o[OPT_FEE_FLAT].value) {
        t.fee_kind = UD_FEE_FLAT;
        ms = ud_money_parse(o[OPT_FEE_FLAT].value, (int)minor, &t.fee_flat);
        if (ms != UD_MONEY_OK) {
            return bad("fee-flat", ud_money_status_text(ms));
        }
        if (t.fee_flat < 0 || t.fee_flat >= t.principal) {
            return bad("fee-flat", "must be at least 0 and less than the principal");
        }
    }
    ud_schedule *s = malloc(sizeof *s);
    if (s == NULL) {
        fprintf(stderr, "unitdesa schedule: out of memory\n");
        return UD_EXIT_FAILURE;
    }
    ud_terms_error err = ud_schedule_build(&t, s);
    if (err != UD_TERMS_OK) {
        free(s);
        return bad("principal", ud_terms_error_text(err)); /* only size errors remain here */
    }
    if (o[OPT_JSON].value) {
        print_json(s, (int)minor);
    } else {
        print_table(s, &t, (int)minor);
    }
    free(s);
    return UD_EXIT_OK;
}
