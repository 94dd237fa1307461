/* A seeded PCG32 generator; each simulation owns one state per subsystem (a "stream"). */
#ifndef UD_RNG_H
#define UD_RNG_H

#include <stdint.h>

typedef struct ud_rng {
    uint64_t state;
    uint64_t inc; /* odd: selects the stream */
} ud_rng;

/* Seeds a generator; different streams with the same seed give independent sequences, so
 * adding draws in one subsystem never reshuffles another. (PCG32, M. O'Neill, 2014.) */
void ud_rng_seed(ud_rng *rng, uint64_t seed, uint64_t stream);
uint32_t ud_rng_next(ud_rng *rng);
/* Uniform in [0, bound), without modulo bias; bound > 0. */
uint32_t ud_rng_below(ud_rng *rng, uint32_t bound);
/* Uniform in [0, 1). */
double ud_rng_unit(ud_rng *rng);
/* True with probability p (p outside [0,1] is clamped). */
int ud_rng_chance(ud_rng *rng, double p);
/* A stateless hash in [0, 1) of two keys: for "is household h in the x% hit by shock s". */
double ud_hash_unit(uint64_t a, uint64_t b);

#endif
