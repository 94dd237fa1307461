/* PCG32 (XSH RR variant) and a small mixing hash. */
#include "ud/rng.h"

void ud_rng_seed(ud_rng *rng, uint64_t seed, uint64_t stream) {
    rng->state = 0;
    rng->inc = (stream << 1u) | 1u;
    ud_rng_next(rng);
    rng->state += seed;
    ud_rng_next(rng);
}

uint32_t ud_rng_next(ud_rng *rng) {
    uint64_t old = rng->state;
    rng->state = old * UINT64_C(6364136223846793005) + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t ud_rng_below(ud_rng *rng, uint32_t bound) {
    uint32_t threshold = (0u - bound) % bound;
    for (;;) {
        uint32_t r = ud_rng_next(rng);
        if (r >= threshold) {
            return r % bound;
        }
    }
}

double ud_rng_unit(ud_rng *rng) {
    return ud_rng_next(rng) * (1.0 / 4294967296.0);
}

int ud_rng_chance(ud_rng *rng, double p) {
    return ud_rng_unit(rng) < p;
}

double ud_hash_unit(uint64_t a, uint64_t b) {
    /* splitmix64 finaliser over the combined keys */
    uint64_t z = a * UINT64_C(0x9E3779B97F4A7C15) ^ (b + UINT64_C(0x632BE59BD9B4E019));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    z ^= z >> 31;
    return (double)(z >> 11) * (1.0 / 9007199254740992.0);
}
