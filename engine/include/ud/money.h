/* Money as integer minor units, currencies, exact rates, and half-to-even rounding. */
#ifndef UD_MONEY_H
#define UD_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An amount in the minor units of its currency (cents, sen, or whole rupiah). */
typedef int64_t ud_money;

/* A rate as an exact fraction scaled by UD_RATE_SCALE: 1.0 (100%) is 100,000,000, so one
 * basis point is 10,000 and the finest step is one millionth of a percent. */
typedef int64_t ud_rate;
#define UD_RATE_SCALE INT64_C(100000000)
#define UD_RATE_PER_PERCENT INT64_C(1000000)
#define UD_RATE_PERCENT(p) ((ud_rate)(p)*UD_RATE_PER_PERCENT)

#define UD_MAX_MINOR_UNITS 6

typedef struct ud_currency {
    const char *code; /* ISO 4217 code, e.g. "IDR" */
    int minor_units;  /* digits after the decimal point: IDR 0, USD 2 */
} ud_currency;

/* The currency with this ISO code (case-sensitive), or NULL if unknown. */
const ud_currency *ud_currency_find(const char *code);

typedef enum ud_money_status {
    UD_MONEY_OK = 0,
    UD_MONEY_EMPTY,       /* no digits */
    UD_MONEY_SYNTAX,      /* a character that is not a digit, separator, sign or point */
    UD_MONEY_GROUPING,    /* a thousands separator not followed by exactly three digits */
    UD_MONEY_TOO_PRECISE, /* non-zero digits beyond the currency's minor units */
    UD_MONEY_OVERFLOW     /* does not fit in a signed 64-bit count of minor units */
} ud_money_status;

/* Parses a major-unit amount such as "1,250.50", "1250.5" or "-3" into minor units.
 * Commas group thousands (optional, but each must be followed by three digits). Trailing
 * zeros beyond minor_units are accepted; other digits there are refused, never rounded.
 * minor_units is 0..UD_MAX_MINOR_UNITS. *out is written only on UD_MONEY_OK. */
ud_money_status ud_money_parse(const char *text, int minor_units, ud_money *out);

/* A short English explanation of a status, e.g. "has more decimals than the currency". */
const char *ud_money_status_text(ud_money_status status);

/* Writes amount in major units with thousands separated by `separator` (0 for none) and
 * exactly minor_units decimals: 125050 with 2 -> "1,250.50". Returns the length written
 * (excluding the NUL), truncating safely if size is too small; 32 bytes always suffice. */
size_t ud_money_format(ud_money amount, int minor_units, char separator, char *buf, size_t size);

/* Checked arithmetic: returns false (and leaves *out alone) on overflow. */
bool ud_money_add(ud_money a, ud_money b, ud_money *out);
bool ud_money_sub(ud_money a, ud_money b, ud_money *out);

/* Parses a percentage such as "24", "1.5" or "0.000001" into a ud_rate (exact). */
ud_money_status ud_rate_parse_percent(const char *text, ud_rate *out);

/* The rate as a percentage in double, for display and reports only. */
double ud_rate_to_percent(ud_rate rate);

/* num / den rounded half-to-even; den must be non-zero. The quotient must fit in int64. */
int64_t ud_div_round_half_even(__int128 num, __int128 den);

/* amount x rate rounded half-to-even to the minor unit (the interest or fee on amount). */
ud_money ud_money_apply_rate(ud_money amount, ud_rate rate);

#endif
