/* Fixed-capacity unsigned big integers (schoolbook arithmetic on 32-bit limbs). */
#include "bignum.h"

#include <string.h>

static void trim(ud_bignum *a) {
    while (a->used > 0 && a->limb[a->used - 1] == 0) {
        a->used--;
    }
}

void ud_bignum_set_u128(ud_bignum *a, unsigned __int128 v) {
    a->used = 0;
    while (v != 0) {
        a->limb[a->used++] = (uint32_t)v;
        v >>= 32;
    }
}

bool ud_bignum_mul_u64(ud_bignum *a, uint64_t m) {
    ud_bignum factor;
    ud_bignum_set_u128(&factor, m);
    ud_bignum product;
    if (!ud_bignum_mul(&product, a, &factor)) {
        return false;
    }
    a->used = product.used;
    memcpy(a->limb, product.limb, sizeof(uint32_t) * (size_t)product.used);
    return true;
}

bool ud_bignum_mul(ud_bignum *out, const ud_bignum *a, const ud_bignum *b) {
    if (a->used == 0 || b->used == 0) {
        out->used = 0;
        return true;
    }
    int n = a->used + b->used;
    if (n > UD_BIGNUM_LIMBS) {
        return false;
    }
    memset(out->limb, 0, sizeof(uint32_t) * (size_t)n);
    for (int i = 0; i < a->used; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->used; j++) {
            uint64_t t = (uint64_t)a->limb[i] * b->limb[j] + out->limb[i + j] + carry;
            out->limb[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        out->limb[i + b->used] = (uint32_t)carry;
    }
    out->used = n;
    trim(out);
    return true;
}

void ud_bignum_sub(ud_bignum *a, const ud_bignum *b) {
    int64_t borrow = 0;
    for (int i = 0; i < a->used; i++) {
        int64_t t = (int64_t)a->limb[i] - borrow - (i < b->used ? (int64_t)b->limb[i] : 0);
        borrow = t < 0;
        a->limb[i] = (uint32_t)(t + (borrow ? (INT64_C(1) << 32) : 0));
    }
    trim(a);
}

int ud_bignum_cmp(const ud_bignum *a, const ud_bignum *b) {
    if (a->used != b->used) {
        return a->used < b->used ? -1 : 1;
    }
    for (int i = a->used - 1; i >= 0; i--) {
        if (a->limb[i] != b->limb[i]) {
            return a->limb[i] < b->limb[i] ? -1 : 1;
        }
    }
    return 0;
}

static int bit_length(const ud_bignum *a) {
    if (a->used == 0) {
        return 0;
    }
    uint32_t top = a->limb[a->used - 1];
    int bits = 0;
    while (top != 0) {
        bits++;
        top >>= 1;
    }
    return (a->used - 1) * 32 + bits;
}

/* (a >> shift), keeping only the low 128 bits of the result. */
static unsigned __int128 shifted_right(const ud_bignum *a, int shift) {
    int first = shift / 32, rest = shift % 32;
    unsigned __int128 r = 0;
    for (int k = 0; k <= 4; k++) {
        int i = first + k;
        int at = 32 * k - rest; /* where limb i lands in the result */
        if (i >= a->used || at >= 128) {
            break;
        }
        r |= at >= 0 ? (unsigned __int128)a->limb[i] << at : (unsigned __int128)(a->limb[i] >> -at);
    }
    return r;
}

bool ud_bignum_div_round_small(ud_bignum *num, const ud_bignum *den, int64_t *quotient) {
    /* Estimate from the leading 64 bits of the divisor (rounded up, so the estimate is never
     * too large), then correct exactly: the estimate is short by at most a few units. */
    int shift = bit_length(den) > 64 ? bit_length(den) - 64 : 0;
    if (bit_length(num) - shift > 126) {
        return false; /* the quotient is at least 2^62: far beyond any instalment */
    }
    unsigned __int128 top_den = shifted_right(den, shift);
    if (top_den == 0) {
        return false; /* division by zero */
    }
    /* With shift > 0 the divisor's top holds 64 significant bits, so rounding it up errs
     * by under 2^-63 relative; with shift == 0 the division below is already exact. */
    unsigned __int128 q = shifted_right(num, shift) / (top_den + (shift > 0 ? 1 : 0));
    if (q > (unsigned __int128)INT64_MAX) {
        return false;
    }
    ud_bignum product = *den;
    if (!ud_bignum_mul_u64(&product, (uint64_t)q)) {
        return false;
    }
    ud_bignum_sub(num, &product); /* num now holds the remainder */
    for (int fix = 0; ud_bignum_cmp(num, den) >= 0; fix++) {
        if (fix == 8) {
            return false; /* cannot happen with a correct estimate; never loop long */
        }
        ud_bignum_sub(num, den);
        q++;
    }
    /* Half-to-even: compare twice the remainder with the divisor. */
    ud_bignum twice = *num;
    if (!ud_bignum_mul_u64(&twice, 2)) {
        return false;
    }
    int c = ud_bignum_cmp(&twice, den);
    if (c > 0 || (c == 0 && (q & 1u))) {
        q++;
    }
    if (q > (unsigned __int128)INT64_MAX) {
        return false;
    }
    *quotient = (int64_t)q;
    return true;
}
