/* Tests of the simulation: invariants every month, determinism, isolation, commands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

/* The indicators of every month as CSV text, for exact comparisons. */
static char *run_to_csv(uint64_t seed, int months) {
    ud_setup setup;
    ud_setup_default(&setup, 400);
    setup.seed = seed;
    ud_sim *sim = make_sim(&setup);
    FILE *f = tmpfile();
    assert_non_null(f);
    for (int m = 0; m < months; m++) {
        ud_sim_step(sim);
        ud_sim_clear_events(sim);
        ud_indicators_csv_row(f, ud_sim_indicators(sim, ud_sim_month(sim)));
    }
    long size = ftell(f);
    rewind(f);
    char *text = calloc(1, (size_t)size + 1);
    assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    ud_sim_destroy(sim);
    return text;
}

/* OSS over a window in which released provisions exceed every other cost: the release
 * counts as no cost, not a negative one, so a profitable month reads as covering its costs,
 * not as 0% (a trainee saw "OSS 0% serious" beside a month's profit of IDR 35 million). */
static void test_sim_oss_with_a_large_provision_release(void **state) {
    (void)state;
    ud_month_record r[2];
    memset(r, 0, sizeof r);
    r[1].gross_portfolio = r[0].gross_portfolio = 800000000;
    r[1].financial_revenue = 35000000;
    r[1].financial_expense = 2000000;
    r[1].operating_expense = 13500000;
    r[1].net_provision_expense = -15800000;
    ud_indicators out;
    memset(&out, 0, sizeof out);
    ud_indicators_window(&out, r, 1, 0, 0.0);
    assert_true(fabs(out.oss - 35000000.0 / 15500000.0) < 1e-9);
    r[1].net_provision_expense = -5000000; /* a smaller release still lowers the costs */
    ud_indicators_window(&out, r, 1, 0, 0.0);
    assert_true(fabs(out.oss - 35000000.0 / 10500000.0) < 1e-9);
}

static void test_sim_invariants_hold_every_month(void **state) {
    (void)state;
    for (uint64_t seed = 1; seed <= 4; seed++) {
        ud_setup setup;
        ud_setup_default(&setup, 600);
        setup.seed = seed;
        setup.mfi.institution = seed % 2 ? UD_INST_NGO : UD_INST_VILLAGE_BANK;
        setup.mfi.savings_rate = seed % 2 ? 0 : UD_RATE_PERCENT(6);
        ud_sim *sim = make_sim(&setup);
        run_checked(sim, 48);
        assert_false(ud_sim_insolvent(sim));
        assert_true(ud_sim_indicators(sim, 48)->active_borrowers > 0);
        ud_sim_destroy(sim);
    }
}

static void test_sim_same_seed_gives_identical_results(void **state) {
    (void)state;
    char *a = run_to_csv(7, 36), *b = run_to_csv(7, 36), *c = run_to_csv(8, 36);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    free(a);
    free(b);
    free(c);
}

static void test_sim_two_simulations_do_not_interfere(void **state) {
    (void)state;
    char *alone_a = run_to_csv(11, 24), *alone_b = run_to_csv(12, 24);
    ud_setup sa, sb;
    ud_setup_default(&sa, 400);
    ud_setup_default(&sb, 400);
    sa.seed = 11;
    sb.seed = 12;
    ud_sim *a = make_sim(&sa), *b = make_sim(&sb);
    FILE *fa = tmpfile(), *fb = tmpfile();
    for (int m = 0; m < 24; m++) { /* stepped alternately */
        ud_sim_step(a);
        ud_sim_step(b);
        ud_indicators_csv_row(fa, ud_sim_indicators(a, m + 1));
        ud_indicators_csv_row(fb, ud_sim_indicators(b, m + 1));
    }
    char bufa[65536] = "", bufb[65536] = "";
    rewind(fa);
    rewind(fb);
    size_t na = fread(bufa, 1, sizeof bufa - 1, fa), nb = fread(bufb, 1, sizeof bufb - 1, fb);
    bufa[na] = bufb[nb] = '\0';
    assert_string_equal(bufa, alone_a);
    assert_string_equal(bufb, alone_b);
    fclose(fa);
    fclose(fb);
    ud_sim_destroy(a);
    ud_sim_destroy(b);
    free(alone_a);
    free(alone_b);
}

static void expect_refused(ud_sim *sim, const ud_command *cmd, const char *field) {
    int before_count;
    ud_sim_command_log(sim, &before_count);
    ud_books before = *ud_sim_books(sim);
    int pc;
    ud_product products[UD_MAX_PRODUCTS];
    memcpy(products, ud_sim_products(sim, &pc), sizeof products);
    char err[256] = "";
    if (ud_sim_apply(sim, cmd, err, sizeof err)) {
        fail_msg("command %s should have been refused", ud_command_name(cmd->type));
    }
    if (strstr(err, field) == NULL) {
        fail_msg("command %s: expected the message to name '%s', got '%s'",
                 ud_command_name(cmd->type), field, err);
    }
    int after_count;
    ud_sim_command_log(sim, &after_count);
    assert_int_equal(after_count, before_count);
    assert_memory_equal(&before, ud_sim_books(sim), sizeof before);
    assert_memory_equal(products, ud_sim_products(sim, &pc), sizeof products);
}

static void test_sim_invalid_commands_are_refused_and_change_nothing(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 3);
    int pc;
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_SET_PRODUCT;
    c.index = 0;
    c.product = ud_sim_products(sim, &pc)[0];
    c.product.terms.annual_rate = UD_RATE_PERCENT(2000);
    expect_refused(sim, &c, "rate");
    c.index = 9;
    expect_refused(sim, &c, "index");
    c.index = 0;
    c.product.terms.annual_rate = UD_RATE_PERCENT(20);
    c.product.max_amount = 0;
    expect_refused(sim, &c, "max_amount");
    c.product = ud_sim_products(sim, &pc)[0];
    c.product.group_min = 2;
    expect_refused(sim, &c, "group_size");
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_HIRE;
    c.count = 0;
    expect_refused(sim, &c, "count");
    c.count = 1;
    c.amount = 1000;
    c.level = 5;
    expect_refused(sim, &c, "level");
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_APPROVE;
    c.index = 999999;
    expect_refused(sim, &c, "application");
    c.type = UD_CMD_SET_FOLLOW_UP;
    c.share = 1.5;
    expect_refused(sim, &c, "share");
    c.type = UD_CMD_WRITE_OFF;
    c.index = -1;
    expect_refused(sim, &c, "household");
    c.type = UD_CMD_ACCEPT_OFFER;
    c.index = 0;
    expect_refused(sim, &c, "offer");
    c.type = UD_CMD_REPAY;
    expect_refused(sim, &c, "borrowing");
    c.type = UD_CMD_FIRE;
    c.index = 42;
    expect_refused(sim, &c, "officer");
    c.type = (ud_command_type)99;
    expect_refused(sim, &c, "unknown");
    ud_sim_destroy(sim);
}

static void test_sim_valid_commands_apply_and_are_logged(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 2);
    char err[256];
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_HIRE;
    c.count = 2;
    c.amount = 2000000;
    c.level = 2;
    assert_true(ud_sim_apply(sim, &c, err, sizeof err));
    int officers;
    ud_sim_officers(sim, &officers);
    assert_int_equal(officers, setup.mfi.officers.count + 2);
    int napps;
    const ud_application *apps = ud_sim_applications(sim, &napps);
    assert_true(napps > 0);
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_REJECT;
    c.index = apps[0].id;
    assert_true(ud_sim_apply(sim, &c, err, sizeof err));
    assert_int_equal(apps[0].decision, UD_APP_REJECTED);
    check_invariants(sim);
    int logged;
    const ud_logged_command *log = ud_sim_command_log(sim, &logged);
    assert_int_equal(logged, 2);
    assert_int_equal(log[0].command.type, UD_CMD_HIRE);
    assert_int_equal(log[0].month, 2);
    run_checked(sim, 12);
    ud_sim_destroy(sim);
}

static void test_sim_rejects_invalid_setups_naming_the_field(void **state) {
    (void)state;
    ud_setup setup;
    char err[256];
    ud_setup_default(&setup, 0);
    assert_null(ud_sim_create(&setup, NULL, err, sizeof err));
    assert_non_null(strstr(err, "village.households"));
    ud_setup_default(&setup, 100);
    setup.village.women_share = 1.5;
    assert_null(ud_sim_create(&setup, NULL, err, sizeof err));
    assert_non_null(strstr(err, "village.women_share"));
    ud_setup_default(&setup, 100);
    setup.mfi.product[1].terms.installments = 0;
    assert_null(ud_sim_create(&setup, NULL, err, sizeof err));
    assert_non_null(strstr(err, "mfi.products[2]"));
}

/* An allocator that fails after n successful allocations. */
typedef struct failing_heap {
    int left;
} failing_heap;
static void *failing_alloc(void *ud, size_t size) {
    failing_heap *h = ud;
    if (h->left-- <= 0) {
        return NULL;
    }
    return calloc(1, size);
}
static void plain_free(void *ud, void *ptr) {
    (void)ud;
    free(ptr);
}

static void test_sim_survives_allocation_failures(void **state) {
    (void)state;
    for (int n = 0; n < 40; n++) {
        failing_heap heap = {n};
        ud_allocator alloc = {failing_alloc, plain_free, &heap};
        ud_setup setup;
        ud_setup_default(&setup, 200);
        char err[256] = "";
        ud_sim *sim = ud_sim_create(&setup, &alloc, err, sizeof err);
        if (sim == NULL) {
            assert_string_equal(err, "out of memory");
            continue;
        }
        for (int m = 0; m < 12; m++) {
            ud_sim_step(sim); /* may run short of memory: must not crash */
        }
        ud_sim_destroy(sim);
    }
}

static void test_sim_events_are_typed_and_named(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    int disbursed = 0, closed = 0;
    for (int m = 0; m < 6; m++) {
        ud_sim_step(sim);
        int n;
        const ud_event *ev = ud_sim_events(sim, &n);
        for (int i = 0; i < n; i++) {
            assert_int_equal(ev[i].month, m + 1);
            disbursed += ev[i].type == UD_EV_LOAN_DISBURSED;
            closed += ev[i].type == UD_EV_MONTH_CLOSED;
        }
        ud_sim_clear_events(sim);
    }
    assert_true(disbursed > 0);
    assert_int_equal(closed, 6);
    assert_string_equal(ud_event_name(UD_EV_GROUP_COLLAPSED), "group_collapsed");
    ud_sim_destroy(sim);
}

/* Random decisions of every kind, valid or not, between months: whatever a player or a
 * strategy does, the invariants hold and refused commands change nothing. */
static void test_sim_random_commands_keep_the_books_exact(void **state) {
    (void)state;
    uint64_t x = 0x12345678u;
    int seeds = getenv("UD_FUZZ_SEEDS") ? atoi(getenv("UD_FUZZ_SEEDS")) : 6;
    for (uint64_t seed = 1; seed <= (uint64_t)seeds; seed++) {
        ud_setup setup;
        ud_setup_default(&setup, 500);
        setup.seed = seed;
        setup.mfi.institution = (ud_institution)(seed % 3);
        setup.mfi.officers.honesty = 0.5;
        ud_sim *sim = make_sim(&setup);
        for (int month = 0; month < 30; month++) {
            if (month == 2) {
                ud_offer line = {UD_OFFER_CREDIT_LINE,
                                 UD_LENDER_GOVERNMENT,
                                 200000000,
                                 UD_RATE_PERCENT(3),
                                 12,
                                 UD_RATE_PERCENT(15),
                                 0,
                                 0,
                                 6,
                                 false,
                                 false};
                char e[128];
                ud_sim_add_offer(sim, &line, e, sizeof e);
            }
            for (int k = 0; k < 12; k++) {
                x = x * 6364136223846793005u + 1442695040888963407u;
                uint32_t r = (uint32_t)(x >> 33);
                ud_command c;
                memset(&c, 0, sizeof c);
                c.type = (ud_command_type)(r % UD_CMD_TYPE_COUNT);
                int napps, nprod;
                const ud_application *apps = ud_sim_applications(sim, &napps);
                const ud_product *prods = ud_sim_products(sim, &nprod);
                c.index = (int)((r >> 8) % 7) - 1;
                if (c.type == UD_CMD_APPROVE || c.type == UD_CMD_REJECT ||
                    c.type == UD_CMD_RESIZE) {
                    c.index = napps > 0 ? apps[(r >> 4) % (unsigned)napps].id : 0;
                }
                if (c.type == UD_CMD_RESCHEDULE || c.type == UD_CMD_WRITE_OFF) {
                    c.index = (int)((r >> 3) % 500);
                }
                c.count = (int)((r >> 12) % 30);
                c.level = (int)((r >> 16) % 4);
                c.amount = (ud_money)((r >> 2) % 50000000);
                c.rate = UD_RATE_PERCENT((r >> 5) % 40);
                c.share = ((r >> 7) % 11) / 10.0;
                c.product = prods[0];
                c.product.terms.annual_rate = UD_RATE_PERCENT(10 + (r >> 9) % 30);
                c.policy = *ud_sim_policy(sim);
                c.policy.women_only = (r >> 11) & 1;
                ud_books before = *ud_sim_books(sim);
                int logged_before;
                ud_sim_command_log(sim, &logged_before);
                char err[256];
                if (!ud_sim_apply(sim, &c, err, sizeof err)) {
                    assert_memory_equal(&before, ud_sim_books(sim), sizeof before);
                    int logged_after;
                    ud_sim_command_log(sim, &logged_after);
                    assert_int_equal(logged_before, logged_after);
                }
                check_invariants(sim);
            }
            ud_sim_step(sim);
            ud_sim_clear_events(sim);
            check_invariants(sim);
            if (ud_sim_insolvent(sim)) {
                break;
            }
        }
        ud_sim_destroy(sim);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sim_invariants_hold_every_month),
        cmocka_unit_test(test_sim_oss_with_a_large_provision_release),
        cmocka_unit_test(test_sim_same_seed_gives_identical_results),
        cmocka_unit_test(test_sim_two_simulations_do_not_interfere),
        cmocka_unit_test(test_sim_invalid_commands_are_refused_and_change_nothing),
        cmocka_unit_test(test_sim_valid_commands_apply_and_are_logged),
        cmocka_unit_test(test_sim_rejects_invalid_setups_naming_the_field),
        cmocka_unit_test(test_sim_survives_allocation_failures),
        cmocka_unit_test(test_sim_events_are_typed_and_named),
        cmocka_unit_test(test_sim_random_commands_keep_the_books_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
