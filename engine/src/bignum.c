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

/* a = b << bits (a must not alias b). Returns false on capacity overflow. */
static bool shift_left(ud_bignum *a, const ud_bignum *b, int bits) {
    int words = bits / 32, rest = bits % 32;
    if (b->used == 0) {
        a->used = 0;
        return true;
    }
    if (b->used + words + 1 > UD_BIGNUM_LIMBS) {
        return false;
    }
    memset(a->limb, 0, sizeof(uint32_t) * (size_t)(b->used + words + 1));
    for (int i = 0; i < b->used; i++) {
        uint64_t v = (uint64_t)b->limb[i] << rest;
        a->limb[i + words] |= (uint32_t)v;
        a->limb[i + words + 1] |= (uint32_t)(v >> 32);
    }
    a->used = b->used + words + 1;
    trim(a);
    return true;
}

bool ud_bignum_div_round_small(ud_bignum *num, const ud_bignum *den, int64_t *quotient) {
    static const int top_bit = 62;
    ud_bignum shifted;
    if (!shift_left(&shifted, den, top_bit + 1) || ud_bignum_cmp(num, &shifted) >= 0) {
        return false;
    }
    uint64_t q = 0;
    for (int bit = top_bit; bit >= 0; bit--) {
        shift_left(&shifted, den, bit);
        if (ud_bignum_cmp(num, &shifted) >= 0) {
            ud_bignum_sub(num, &shifted);
            q |= (uint64_t)1 << bit;
        }
    }
    /* num now holds the remainder; compare twice it with den for half-to-even. */
    ud_bignum twice;
    shift_left(&twice, num, 1);
    int c = ud_bignum_cmp(&twice, den);
    if (c > 0 || (c == 0 && (q & 1u))) {
        q++;
    }
    if (q > (uint64_t)INT64_MAX) {
        return false;
    }
    *quotient = (int64_t)q;
    return true;
}
