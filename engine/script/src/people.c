/* Names from a region's list and stories told from the simulation's state. */
#include "game_internal.h"
#include "ud/utf8.h"
#include "ud/people.h"
#include "ud/rng.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const ud_name_region_names[] = {"indonesian", "west_african", "east_african",
                                            "latin_american", NULL};

/* Common given and family names of each region, as villages use them. */
static const char *const id_women[] = {
    "Siti",   "Dewi",  "Nur",   "Sri",   "Yati",  "Euis", "Neneng", "Rina", "Tati",     "Lilis",
    "Wati",   "Eni",   "Ani",   "Iis",   "Imas",  "Cucu", "Nining", "Enok", "Ratna",    "Yuyun",
    "Aminah", "Entin", "Popon", "Titin", "Oneng", "Heni", "Yanti",  "Ipah", "Komariah", "Rohayati"};
static const char *const id_men[] = {
    "Dedi",   "Asep",   "Ujang", "Dadang", "Agus", "Budi",   "Cecep", "Iwan",  "Yayan", "Endang",
    "Jajang", "Ade",    "Ahmad", "Rahmat", "Ujun", "Engkos", "Dodi",  "Usep",  "Maman", "Didin",
    "Odang",  "Hendra", "Wawan", "Oman",   "Jaja", "Iyan",   "Nana",  "Encep", "Aep",   "Kosasih"};
/* Second names: without them 30 given names served 450 households, and three borrowers
 * called "Ibu Neneng" fell behind in the same month. */
static const char *const id_women_second[] = {
    "Rahayu",    "Kurniasih", "Suryani",   "Wulandari",  "Handayani",  "Rohmah", "Sumiati",
    "Nurhayati", "Fitriani",  "Setiawati", "Komalasari", "Hasanah",    "Maryam", "Rosita",
    "Sulastri",  "Mulyani",   "Herawati",  "Yuliani",    "Susilawati", "Aisyah"};
static const char *const id_men_second[] = {
    "Supriadi", "Hidayat", "Saputra", "Kusnadi",   "Permana", "Hermawan",   "Setiawan",
    "Sudrajat", "Mulyana", "Rusmana", "Suherman",  "Gunawan", "Firmansyah", "Nugraha",
    "Wijaya",   "Sopandi", "Ruhiyat", "Kurniawan", "Hamdani", "Saefulloh"};
static const char *const wa_women[] = {
    "Aminata", "Fatoumata", "Awa",      "Mariam",     "Kadiatou", "Aïssata",   "Rokia",
    "Adama",   "Salimata",  "Djeneba",  "Oumou",      "Assétou",  "Fanta",     "Bintou",
    "Ramatou", "Mariétou",  "Safiatou", "Nafissatou", "Haoua",    "Korotoumou"};
static const char *const wa_men[] = {"Moussa",     "Ibrahim",   "Seydou", "Boubacar", "Mamadou",
                                     "Souleymane", "Amadou",    "Oumar",  "Bakary",   "Issa",
                                     "Lassina",    "Abdoulaye", "Drissa", "Yacouba",  "Modibo",
                                     "Sékou",      "Adama",     "Karim",  "Hamidou",  "Ousmane"};
static const char *const wa_families[] = {"Traoré",  "Diallo", "Coulibaly", "Keïta",    "Koné",
                                          "Sanogo",  "Diarra", "Ouédraogo", "Sawadogo", "Cissé",
                                          "Touré",   "Sidibé", "Konaté",    "Kaboré",   "Camara",
                                          "Doumbia", "Zongo",  "Bamba",     "Dembélé",  "Maïga"};
static const char *const ea_women[] = {"Wanjiru", "Akinyi", "Amani",   "Neema",   "Zawadi",
                                       "Nafula",  "Atieno", "Mwajuma", "Rehema",  "Wambui",
                                       "Nyokabi", "Halima", "Imani",   "Achieng", "Chebet",
                                       "Wairimu", "Nekesa", "Mumbua",  "Kerubo",  "Auma"};
static const char *const ea_men[] = {"Otieno",   "Kamau",  "Mwangi", "Juma",    "Baraka",
                                     "Kiprono",  "Omondi", "Mutua",  "Wekesa",  "Hamisi",
                                     "Odhiambo", "Kibet",  "Musa",   "Njoroge", "Rashidi",
                                     "Ochieng",  "Kiptoo", "Mugo",   "Wafula",  "Salim"};
static const char *const ea_families[] = {"Kariuki",  "Ndungu",  "Wafula", "Mutiso", "Onyango",
                                          "Kiprop",   "Wanyama", "Okello", "Mwita",  "Chege",
                                          "Nyambura", "Kimani",  "Ouma",   "Barasa", "Mbugua",
                                          "Kilonzo",  "Rotich",  "Nduta",  "Mollel", "Swai"};
static const char *const la_women[] = {"María",     "Rosa",    "Juana",     "Carmen",   "Lucía",
                                       "Guadalupe", "Elena",   "Teresa",    "Marta",    "Ana",
                                       "Isabel",    "Dolores", "Catalina",  "Josefina", "Silvia",
                                       "Norma",     "Felipa",  "Florencia", "Inés",     "Yolanda"};
static const char *const la_men[] = {"José",    "Juan",  "Pedro",     "Luis",     "Carlos",
                                     "Miguel",  "Jorge", "Francisco", "Mario",    "Ramón",
                                     "Héctor",  "Pablo", "Rafael",    "Víctor",   "Andrés",
                                     "Esteban", "Félix", "Teodoro",   "Santiago", "Eusebio"};
static const char *const la_families[] = {"Quispe",  "Mamani", "Huamán", "Flores",   "García",
                                          "López",   "Rojas",  "Choque", "Condori",  "Torres",
                                          "Ramírez", "Cruz",   "Gómez",  "Vargas",   "Pérez",
                                          "Sánchez", "Apaza",  "Ticona", "Yupanqui", "Morales"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const ud_name_list builtin[UD_NAMES_REGION_COUNT] = {
    [UD_NAMES_INDONESIAN] = {id_women, COUNT(id_women), id_men, COUNT(id_men), NULL, 0, "Ibu",
                             "Pak", id_women_second, COUNT(id_women_second), id_men_second,
                             COUNT(id_men_second)},
    [UD_NAMES_WEST_AFRICAN] = {wa_women, COUNT(wa_women), wa_men, COUNT(wa_men), wa_families,
                               COUNT(wa_families), NULL, NULL},
    [UD_NAMES_EAST_AFRICAN] = {ea_women, COUNT(ea_women), ea_men, COUNT(ea_men), ea_families,
                               COUNT(ea_families), NULL, NULL},
    [UD_NAMES_LATIN_AMERICAN] = {la_women, COUNT(la_women), la_men, COUNT(la_men), la_families,
                                 COUNT(la_families), NULL, NULL},
};

const ud_name_list *ud_name_list_builtin(ud_name_region region) {
    return (unsigned)region < UD_NAMES_REGION_COUNT ? &builtin[region] : &builtin[0];
}

/* A step coprime with `count`, so that rank x step runs through every combination once. */
static uint64_t coprime_step(uint64_t count) {
    static const uint64_t primes[] = {7919, 7927, 7933, 7937, 7949, 7951};
    for (size_t i = 0; i < sizeof primes / sizeof primes[0]; i++) {
        if (count % primes[i] != 0) {
            return primes[i];
        }
    }
    return 1;
}

void ud_people_name(const ud_name_list *list, uint64_t seed, int rank, bool woman, char *out,
                    size_t size) {
    const char *const *given = woman ? list->women : list->men;
    int given_count = woman ? list->women_count : list->men_count;
    const char *const *second = woman ? list->women_second : list->men_second;
    int second_count = woman ? list->women_second_count : list->men_second_count;
    int family_count = list->family_count;
    /* every combination of given, second and family name, visited in an order set by the
     * seed: the first `combinations` households of a gender all have names of their own */
    uint64_t g_n = given_count > 0 ? (uint64_t)given_count : 1;
    uint64_t s_n = second_count > 0 ? (uint64_t)second_count : 1;
    uint64_t f_n = family_count > 0 ? (uint64_t)family_count : 1;
    uint64_t combinations = g_n * s_n * f_n;
    uint64_t start =
        (uint64_t)(ud_hash_unit(seed * 4 + (woman ? 1u : 2u), 0) * (double)combinations);
    uint64_t k =
        ((uint64_t)(rank > 0 ? rank : 0) % combinations * coprime_step(combinations) + start) %
        combinations;
    int g = given_count > 0 ? (int)(k % g_n) : -1;
    k /= g_n;
    int s = second_count > 0 ? (int)(k % s_n) : -1;
    k /= s_n;
    int f = family_count > 0 ? (int)(k % f_n) : -1;
    const char *title = woman ? list->woman_title : list->man_title;
    snprintf(out, size, "%s%s%s%s%s%s%s", title != NULL ? title : "", title != NULL ? " " : "",
             g >= 0 ? given[g] : "?", s >= 0 ? " " : "", s >= 0 ? second[s] : "", f >= 0 ? " " : "",
             f >= 0 ? list->families[f] : "");
}

void ud_game_household_name(const ud_game *g, int household, char *out, size_t size) {
    if (household >= 0 && household < g->listed_count) {
        snprintf(out, size, "%s", g->listed[household].name);
        return;
    }
    ud_household_view v;
    bool woman = ud_sim_household(g->sim, household, &v) ? v.woman : true;
    int rank = g->name_rank != NULL && household >= 0 && household < ud_sim_household_count(g->sim)
                   ? g->name_rank[household]
                   : household;
    ud_people_name(&g->names, g->setup.seed, rank, woman, out, size);
}

/* ---- stories ---- */

static const char *const who[UD_BIZ_COUNT] = {
    [UD_BIZ_TRADE] = "%s keeps a small shop in %s and feeds a household of %d.",
    [UD_BIZ_FARMING] = "%s farms a small plot in %s and feeds a household of %d.",
    [UD_BIZ_LIVESTOCK] = "%s raises goats and chickens in %s and feeds a household of %d.",
    [UD_BIZ_CRAFTS] = "%s weaves mats and baskets in %s and feeds a household of %d.",
    [UD_BIZ_SERVICES] = "%s mends clothes and tools for neighbours in %s and feeds a household "
                        "of %d.",
};

static const char *const planting = "Before the planting season the family needs seed and "
                                    "fertiliser.";
static const char *const waiting = "Until the harvest comes in, money is short.";
static const char *const harvest = "The harvest is in: this is when the family can repay most.";
static const char *const need[UD_BIZ_COUNT] = {
    [UD_BIZ_TRADE] = "More stock before the market days would sell quickly.",
    [UD_BIZ_FARMING] = NULL, /* by season, above */
    [UD_BIZ_LIVESTOCK] = "More animals would bring income all year round.",
    [UD_BIZ_CRAFTS] = "Buying raw materials in bulk would cut costs.",
    [UD_BIZ_SERVICES] = "A better tool would bring more customers.",
};

static const char *const poor = "With %s a month for %d people, the household lives below the "
                                "poverty line (%s).";
static const char *const not_poor = "With %s a month for %d people, the household lives above "
                                    "the poverty line (%s).";
static const char *const captured = "Her husband took most of the current loan for his own use.";
static const char *const trained = "Business training has helped the household keep accounts.";

/* By the scenario's shock kind (shock{ kind = ... }), in api_events.c's order. */
static const char *const struck[] = {
    "The drought of month %d cut the household's income.",
    "The flood of month %d damaged the fields and the stock.",
    "Illness struck the household in month %d.",
    "The epidemic of month %d kept the family from work.",
    "The price crash of month %d cut what the business earns.",
};
static const char *const sick_child = "A child fell ill in month %d: medicine came before "
                                      "everything else.";

static const char *const behind = "The household is behind on its current loan of %s.";
static const char *const repaying = "The household is repaying a loan of %s.";
static const char *const repaid = "It has repaid %d loans to the unit.";
static const char *const repaid_one = "It has repaid one loan to the unit.";
static const char *const defaulted = "It once defaulted on a loan from the unit.";
static const char *const never = "It has never borrowed from the unit.";
static const char *const moneylender = "It owes the moneylender %s.";
static const char *const in_group = "It borrows in a group of %d members.";
static const char *const group_gone = "Its group broke up when members stopped paying.";

int ud_story_templates(const char **out, int max) {
    const char *all[64];
    int n = 0;
    for (int b = 0; b < UD_BIZ_COUNT; b++) {
        all[n++] = who[b];
        if (need[b] != NULL) {
            all[n++] = need[b];
        }
    }
    for (int i = 0; i < COUNT(struck); i++) {
        all[n++] = struck[i];
    }
    const char *rest[] = {planting,  waiting,    harvest,     poor,     not_poor,  captured,
                          trained,   sick_child, behind,      repaying, repaid,    repaid_one,
                          defaulted, never,      moneylender, in_group, group_gone};
    for (int i = 0; i < COUNT(rest); i++) {
        all[n++] = rest[i];
    }
    int k = n < max ? n : max;
    memcpy(out, all, (size_t)k * sizeof *out);
    return n;
}

static ud_story_line *add(ud_story *s, const char *key) {
    if (s->count >= UD_STORY_LINES) {
        return NULL;
    }
    ud_story_line *l = &s->line[s->count++];
    memset(l, 0, sizeof *l);
    l->key = key;
    return l;
}

static void arg(ud_story_line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void arg(ud_story_line *l, const char *fmt, ...) {
    if (l == NULL || l->argc >= UD_STORY_ARGS) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char whole[512];
    vsnprintf(whole, sizeof whole, fmt, ap);
    va_end(ap);
    ud_utf8_copy(l->args[l->argc++], sizeof l->args[0], whole); /* cut between characters */
}

static void money_arg(const ud_game *g, ud_story_line *l, ud_money amount) {
    char buf[40];
    ud_money_format(amount, g->setup.minor_units, strcmp(g->language, "fr") == 0 ? ' ' : ',', buf,
                    sizeof buf);
    arg(l, "%s %s", g->setup.currency, buf);
}

bool ud_game_household_tale(const ud_game *g, int household, ud_story *out) {
    memset(out, 0, sizeof *out);
    ud_household_view v;
    if (!ud_sim_household(g->sim, household, &v)) {
        return false;
    }
    const ud_sim *sim = g->sim;
    char name[64];
    ud_game_household_name(g, household, name, sizeof name);
    ud_story_line *l = add(out, who[v.business]);
    arg(l, "%s", name);
    arg(l, "%s", ud_sim_setup(sim)->village.hamlet_names[v.hamlet]);
    arg(l, "%d", v.members);

    int season = ud_sim_month(sim) % 12; /* months since the start, as a place in the year */
    if (v.business == UD_BIZ_FARMING) {
        add(out, season >= 8 ? planting : (season >= 3 && season < 6 ? harvest : waiting));
    } else {
        add(out, need[v.business]);
    }
    l = add(out, v.poor ? poor : not_poor);
    money_arg(g, l, v.monthly_income - v.monthly_interest); /* what it lives on, as judged */
    arg(l, "%d", v.members);
    money_arg(g, l, v.poverty_line_month);

    int s = ud_sim_household_last_shock(sim, household);
    if (s >= 0 && s < UD_MAX_SHOCKS) {
        const ud_shock *k = ud_sim_shock(sim, s);
        int kind = g->shock_kind[s];
        l = add(out, kind == 2 && v.members >= 3
                         ? sick_child
                         : struck[kind >= 0 && kind < COUNT(struck) ? kind : 0]);
        arg(l, "%d", k->start_month);
    }
    if (v.loan_captured) {
        add(out, captured);
    }
    if (v.trained) {
        add(out, trained);
    }
    if (v.loan != NULL) {
        l = add(out, v.status == UD_HH_IN_ARREARS ? behind : repaying);
        money_arg(g, l, v.loan->plan.principal);
    } else if (v.loans_repaid == 0 && v.defaults == 0) {
        add(out, never);
    }
    if (v.loans_repaid == 1) {
        add(out, repaid_one); /* not "1 loans" */
    } else if (v.loans_repaid > 0) {
        l = add(out, repaid);
        arg(l, "%d", v.loans_repaid);
    }
    if (v.defaults > 0) {
        add(out, defaulted);
    }
    if (v.moneylender_debt > 0) {
        l = add(out, moneylender);
        money_arg(g, l, v.moneylender_debt);
    }
    if (v.group >= 0) {
        bool collapsed = false;
        int members = ud_sim_group(sim, v.group, NULL, &collapsed, NULL, 0);
        l = add(out, collapsed ? group_gone : in_group);
        if (!collapsed) {
            arg(l, "%d", members);
        }
    }
    return true;
}

void ud_story_fill(const char *template, const ud_story_line *line, char *out, size_t size) {
    size_t n = 0;
    int next = 0;
    for (const char *p = template; *p != '\0' && n + 1 < size; p++) {
        if (p[0] == '%' && (p[1] == 'd' || p[1] == 's') && next < line->argc) {
            n += (size_t)snprintf(out + n, size - n, "%s", line->args[next++]);
            p++;
        } else {
            out[n++] = *p;
        }
        if (n >= size) {
            n = size - 1;
        }
    }
    out[n] = '\0';
}
