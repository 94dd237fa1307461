/* Fixed-capacity unsigned big integers: just enough exact arithmetic for annuity factors. */
#ifndef UD_BIGNUM_H
#define UD_BIGNUM_H

#include <stdbool.h>
#include <stdint.h>

/* Room for (1 + r)^n with a 40-bit denominator and n up to UD_MAX_INSTALLMENTS, times a
 * 128-bit numerator. */
#define UD_BIGNUM_LIMBS 800

typedef struct ud_bignum {
    int used;                       /* significant limbs; 0 means the value 0 */
    uint32_t limb[UD_BIGNUM_LIMBS]; /* little-endian base 2^32 */
} ud_bignum;

void ud_bignum_set_u128(ud_bignum *a, unsigned __int128 v);
/* a *= m. Returns false on capacity overflow. */
bool ud_bignum_mul_u64(ud_bignum *a, uint64_t m);
/* out = a * b (out must not alias a or b). Returns false on capacity overflow. */
bool ud_bignum_mul(ud_bignum *out, const ud_bignum *a, const ud_bignum *b);
/* a -= b; requires a >= b. */
void ud_bignum_sub(ud_bignum *a, const ud_bignum *b);
int ud_bignum_cmp(const ud_bignum *a, const ud_bignum *b);
/* num / den rounded half-to-even, when the quotient is known to be below 2^63.
 * num is consumed (left holding the remainder). Returns false if the quotient is larger. */
bool ud_bignum_div_round_small(ud_bignum *num, const ud_bignum *den, int64_t *quotient);

#endif
