/* Money parsing, printing, checked arithmetic and half-to-even rounding. */
#include "ud/money.h"

#include <string.h>

static const ud_currency currencies[] = {
    {"BDT", 2}, {"BOB", 2}, {"EUR", 2}, {"ETB", 2}, {"GHS", 2}, {"IDR", 0}, {"INR", 2}, {"KES", 2},
    {"KHR", 2}, {"LKR", 2}, {"MYR", 2}, {"NGN", 2}, {"NPR", 2}, {"PEN", 2}, {"PHP", 2}, {"PKR", 2},
    {"TZS", 2}, {"UGX", 0}, {"USD", 2}, {"VND", 0}, {"XAF", 0}, {"XOF", 0}, {"ZMW", 2},
};

const ud_currency *ud_currency_find(const char *code) {
    if (code == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++) {
        if (strcmp(currencies[i].code, code) == 0) {
            return &currencies[i];
        }
    }
    return NULL;
}

const char *ud_money_status_text(ud_money_status status) {
    switch (status) {
    case UD_MONEY_OK:
        return "ok";
    case UD_MONEY_EMPTY:
        return "is empty (expected an amount such as 1,250.50)";
    case UD_MONEY_SYNTAX:
        return "is not a number (expected digits, commas and one decimal point)";
    case UD_MONEY_GROUPING:
        return "has a comma not followed by three digits";
    case UD_MONEY_TOO_PRECISE:
        return "has more decimals than the currency's minor units";
    case UD_MONEY_OVERFLOW:
        return "is too large";
    }
    return "is invalid";
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

ud_money_status ud_money_parse(const char *text, int minor_units, ud_money *out) {
    if (text == NULL || minor_units < 0 || minor_units > UD_MAX_MINOR_UNITS) {
        return UD_MONEY_SYNTAX;
    }
    const char *p = text;
    bool negative = false;
    if (*p == '-' || *p == '+') {
        negative = (*p == '-');
        p++;
    }
    /* Accumulate the magnitude as unsigned so INT64_MIN itself parses. */
    uint64_t magnitude = 0;
    const uint64_t limit = negative ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
    int digits = 0;
    int run = 0; /* digits since the last comma, or -1 before any comma */
    bool grouped = false;
    for (; *p != '\0' && *p != '.'; p++) {
        if (*p == ',') {
            if (digits == 0 || (grouped && run != 3) || (!grouped && run > 3)) {
                return UD_MONEY_GROUPING;
            }
            grouped = true;
            run = 0;
            continue;
        }
        if (!is_digit(*p)) {
            return UD_MONEY_SYNTAX;
        }
        if (magnitude > (UINT64_MAX - 9) / 10) {
            return UD_MONEY_OVERFLOW;
        }
        magnitude = magnitude * 10 + (uint64_t)(*p - '0');
        if (magnitude > limit) {
            return UD_MONEY_OVERFLOW;
        }
        digits++;
        run++;
    }
    if (grouped && run != 3) {
        return UD_MONEY_GROUPING;
    }
    int decimals = 0;
    if (*p == '.') {
        p++;
        for (; *p != '\0'; p++) {
            if (!is_digit(*p)) {
                return UD_MONEY_SYNTAX;
            }
            if (decimals >= minor_units) {
                if (*p != '0') {
                    return UD_MONEY_TOO_PRECISE;
                }
                continue;
            }
            if (magnitude > (UINT64_MAX - 9) / 10) {
                return UD_MONEY_OVERFLOW;
            }
            magnitude = magnitude * 10 + (uint64_t)(*p - '0');
            if (magnitude > limit) {
                return UD_MONEY_OVERFLOW;
            }
            decimals++;
            digits++;
        }
    }
    if (digits == 0) {
        return UD_MONEY_EMPTY;
    }
    for (; decimals < minor_units; decimals++) {
        if (magnitude > limit / 10) {
            return UD_MONEY_OVERFLOW;
        }
        magnitude *= 10;
    }
    if (negative) {
        *out = magnitude == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)magnitude;
    } else {
        *out = (int64_t)magnitude;
    }
    return UD_MONEY_OK;
}

size_t ud_money_format(ud_money amount, int minor_units, char separator, char *buf, size_t size) {
    char tmp[48];
    size_t n = 0;
    uint64_t magnitude = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
    if (minor_units < 0 || minor_units > UD_MAX_MINOR_UNITS) {
        minor_units = 0;
    }
    /* Build the text backwards: decimals, point, grouped integer digits, sign. */
    for (int i = 0; i < minor_units; i++) {
        tmp[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    }
    if (minor_units > 0) {
        tmp[n++] = '.';
    }
    int group = 0;
    do {
        if (group == 3 && separator != 0) {
            tmp[n++] = separator;
            group = 0;
        }
        tmp[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
        group++;
    } while (magnitude > 0);
    if (amount < 0) {
        tmp[n++] = '-';
    }
    size_t written = 0;
    if (size > 0) {
        for (; written < n && written + 1 < size; written++) {
            buf[written] = tmp[n - 1 - written];
        }
        buf[written] = '\0';
    }
    return written;
}

bool ud_money_add(ud_money a, ud_money b, ud_money *out) {
    ud_money r;
    if (__builtin_add_overflow(a, b, &r)) {
        return false;
    }
    *out = r;
    return true;
}

bool ud_money_sub(ud_money a, ud_money b, ud_money *out) {
    ud_money r;
    if (__builtin_sub_overflow(a, b, &r)) {
        return false;
    }
    *out = r;
    return true;
}

ud_money_status ud_rate_parse_percent(const char *text, ud_rate *out) {
    /* A percentage with six decimals is exactly a count of UD_RATE_SCALE units. */
    return ud_money_parse(text, 6, out);
}

double ud_rate_to_percent(ud_rate rate) {
    return (double)rate / (double)UD_RATE_PER_PERCENT;
}

int64_t ud_div_round_half_even(__int128 num, __int128 den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    __int128 q = num / den;
    __int128 r = num % den; /* same sign as num */
    __int128 twice = (r < 0 ? -r : r) * 2;
    if (twice > den || (twice == den && (q % 2) != 0)) {
        q += (num < 0) ? -1 : 1;
    }
    return (int64_t)q;
}

ud_money ud_money_apply_rate(ud_money amount, ud_rate rate) {
    return ud_div_round_half_even((__int128)amount * rate, UD_RATE_SCALE);
}
