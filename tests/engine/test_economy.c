/* Behaviour tests of the village economy (engine/MODEL.md): each mechanism moves the way the
 * evidence says, by about as much, comparing villages that differ in one thing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"

#include <string.h>

static const ud_indicators *now(const ud_sim *sim) {
    return ud_sim_indicators(sim, ud_sim_month(sim));
}
static double par30(const ud_sim *sim) {
    return now(sim)->par30;
}
static double oss(const ud_sim *sim) {
    return now(sim)->oss;
}
static double capture(const ud_sim *sim) {
    return now(sim)->capture_share;
}
static double deposits_to_loans(const ud_sim *sim) {
    return now(sim)->deposits_to_loans;
}
static double deposits(const ud_sim *sim) {
    return (double)now(sim)->deposits;
}

/* New applications the month produced (groups' members count once, when they apply). */
static double applications(const ud_sim *sim) {
    int n;
    const ud_application *a = ud_sim_applications(sim, &n);
    int fresh = 0;
    for (int i = 0; i < n; i++) {
        fresh += a[i].group < 0; /* members of a group just formed applied earlier */
    }
    return fresh;
}

static void apply_ok(ud_sim *sim, const ud_command *c) {
    char err[256];
    if (!ud_sim_apply(sim, c, err, sizeof err)) {
        fail_msg("%s refused: %s", ud_command_name(c->type), err);
    }
}

/* ---- 1. demand answers price ---- */

/* Both products priced at a given APR: declining balance, monthly, no fee. */
static void price_both(ud_setup *s, int percent) {
    for (int p = 0; p < 2; p++) {
        ud_product *prod = &s->mfi.product[p];
        prod->terms.method = UD_METHOD_DECLINING_ANNUITY;
        prod->terms.frequency = UD_FREQ_MONTHLY;
        prod->terms.installments = 12;
        prod->terms.fee_kind = UD_FEE_NONE;
        prod->terms.annual_rate = UD_RATE_PERCENT(percent);
        prod->group_liability = false; /* price alone: no group on either side */
    }
    s->mfi.officers.count = 8;
}
static void apr_40(ud_setup *s) {
    price_both(s, 40);
}
static void apr_100(ud_setup *s) {
    price_both(s, 100);
}

static void test_economy_price_cuts_applications_and_raises_par(void **state) {
    (void)state;
    double apps_40 = mean_over_run(apr_40, NULL, applications, 2000, 1, 24);
    double apps_100 = mean_over_run(apr_100, NULL, applications, 2000, 1, 24);
    double par_40 = mean_over_run(apr_40, NULL, par30, 2000, 12, 36);
    double par_100 = mean_over_run(apr_100, NULL, par30, 2000, 12, 36);
    print_message("applications a month %.1f at 40%% APR, %.1f at 100%%; PAR30 %.3f and %.3f\n",
                  apps_40, apps_100, par_40, par_100);
    assert_true(apps_100 <= 0.5 * apps_40);
    assert_true(par_100 > par_40 * 1.2);
}

/* Free credit is repaid worse than credit at the going rate: borrowers take a loan priced
 * like a handout for one (engine/MODEL.md, 4, "Cheap credit"). */
static void apr_0(ud_setup *s) {
    price_both(s, 0);
}
static void apr_30(ud_setup *s) {
    price_both(s, 30);
}

static void test_economy_free_credit_is_repaid_worse(void **state) {
    (void)state;
    double par_0 = mean_over_run(apr_0, NULL, par30, 2000, 12, 36);
    double par_30 = mean_over_run(apr_30, NULL, par30, 2000, 12, 36);
    print_message("PAR30 %.3f at 0%% APR, %.3f at 30%%\n", par_0, par_30);
    assert_true(par_0 > par_30 * 1.5);
    /* and the month's summary says why: a loan this cheap, taken for a handout */
    int cheap[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        ud_setup setup;
        ud_setup_default(&setup, 2000);
        (k == 0 ? apr_0 : apr_30)(&setup);
        ud_sim *sim = make_sim(&setup);
        for (int m = 1; m <= 18; m++) {
            ud_sim_step(sim);
            int n;
            const ud_event *e = ud_sim_events(sim, &n);
            for (int i = 0; i < n; i++) {
                cheap[k] +=
                    e[i].type == UD_EV_INSTALMENT_MISSED && e[i].cause == UD_MISS_CHEAP_LOAN;
            }
            ud_sim_clear_events(sim);
        }
        ud_sim_destroy(sim);
    }
    print_message(
        "borrowers who fell behind on a loan taken for a handout: %d at 0%%, %d at 30%%\n",
        cheap[0], cheap[1]);
    assert_true(cheap[0] > 0);
    assert_int_equal(cheap[1], 0);
}

/* ---- 2. caps apply to the APR, fees included ---- */

static void test_economy_cap_binds_the_apr_with_fees(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    ud_offer line;
    memset(&line, 0, sizeof line);
    line.kind = UD_OFFER_CREDIT_LINE;
    line.amount = 100000000;
    line.annual_rate = UD_RATE_PERCENT(3);
    line.term_months = 36;
    line.client_rate_cap = UD_RATE_PERCENT(12);
    char err[256];
    int index = ud_sim_add_offer(sim, &line, err, sizeof err);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_ACCEPT_OFFER;
    c.index = index;
    apply_ok(sim, &c);
    int n;
    const ud_product *p = ud_sim_products(sim, &n);
    for (int i = 0; i < n; i++) {
        assert_true(ud_product_apr(&p[i]) <= 12.005); /* repriced within the cap */
    }
    /* 12% nominal and a 12% fee: the weekly group loan's APR is far above 12%. */
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_SET_PRODUCT;
    c.index = 0;
    c.product = p[0];
    c.product.terms.annual_rate = UD_RATE_PERCENT(12);
    c.product.terms.method = UD_METHOD_FLAT;
    c.product.terms.fee_kind = UD_FEE_PERCENT;
    c.product.terms.fee_rate = UD_RATE_PERCENT(12);
    assert_false(ud_sim_apply(sim, &c, err, sizeof err));
    print_message("refused: %s\n", err);
    assert_non_null(strstr(err, "APR"));
    ud_sim_destroy(sim);
}

/* ---- 3. officers are people with a price ---- */

static void officers_at(ud_setup *s, ud_money salary) {
    s->mfi.officers.count = 4;
    s->mfi.officers.salary = salary;
    s->mfi.officers.honesty = 1.0;
    s->mfi.product[0].open = false; /* individual loans: the officer's work shows most */
}
static void paid_market(ud_setup *s) {
    officers_at(s, s->village.officer_wage);
}
static void paid_half(ud_setup *s) {
    officers_at(s, s->village.officer_wage / 2);
}

static void test_economy_underpaid_officers_perform_worse(void **state) {
    (void)state;
    double full = mean_over_run(paid_market, NULL, par30, 1000, 12, 36);
    double half = mean_over_run(paid_half, NULL, par30, 1000, 12, 36);
    print_message("PAR30 %.3f with officers at the market wage, %.3f at half of it\n", full, half);
    assert_true(half > full * 1.25);
}

static void test_economy_salaries_have_bounds(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 200);
    ud_sim *sim = make_sim(&setup);
    char err[256];
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_HIRE;
    c.count = 1;
    c.level = 3;
    c.amount = 1; /* a rupiah a month */
    assert_false(ud_sim_apply(sim, &c, err, sizeof err));
    assert_non_null(strstr(err, "minimum wage"));
    c.amount = 0;
    assert_false(ud_sim_apply(sim, &c, err, sizeof err));
    c.amount = 1000 * setup.village.officer_wage;
    assert_false(ud_sim_apply(sim, &c, err, sizeof err));
    assert_non_null(strstr(err, "market wage"));
    /* Nobody with an expert's training takes a job at half an expert's market wage. */
    c.amount = setup.village.minimum_wage;
    assert_false(ud_sim_apply(sim, &c, err, sizeof err));
    assert_non_null(strstr(err, "takes a job"));
    /* An expert costs what an expert costs: the hire fee includes the training. */
    ud_money cash = ud_books_balance_sheet(ud_sim_books(sim)).cash;
    c.amount = setup.village.officer_wage * 13 / 10;
    apply_ok(sim, &c);
    ud_money paid = cash - ud_books_balance_sheet(ud_sim_books(sim)).cash;
    assert_int_equal(paid, setup.mfi.costs.hire_cost + 3 * setup.mfi.costs.training_cost);
    ud_sim_destroy(sim);
    ud_setup_default(&setup, 200);
    setup.mfi.officers.salary = setup.village.minimum_wage - 1;
    assert_null(ud_sim_create(&setup, NULL, err, sizeof err));
    assert_non_null(strstr(err, "mfi.officers.salary"));
}

static double overindebted_now(const ud_sim *sim) {
    return now(sim)->overindebted_share;
}
static double borrowers_per_officer(const ud_sim *sim) {
    return now(sim)->borrowers_per_officer;
}
static void one_trained_officer_groups(ud_setup *s) {
    s->mfi.officers.count = 1;
    s->mfi.product[1].open = false;
    s->mfi.policy.first_loan_cap = 0;
}
static void one_trained_officer_individual(ud_setup *s) {
    s->mfi.officers.count = 1;
    s->mfi.product[0].open = false;
}

/* Caseloads match field norms: about 150-250 individual clients per trained officer, 300-450
 * in groups. A village with demand well beyond one officer fills the officer to capacity. */
static void test_economy_caseloads_match_field_norms(void **state) {
    (void)state;
    double groups =
        mean_over_run(one_trained_officer_groups, NULL, borrowers_per_officer, 3000, 30, 36);
    double individual =
        mean_over_run(one_trained_officer_individual, NULL, borrowers_per_officer, 3000, 30, 36);
    print_message("borrowers per officer: %.0f in groups, %.0f individual\n", groups, individual);
    print_message("groups: PAR30 %.3f, over-indebted %.3f\n",
                  mean_over_run(one_trained_officer_groups, NULL, par30, 3000, 30, 36),
                  mean_over_run(one_trained_officer_groups, NULL, overindebted_now, 3000, 30, 36));
    assert_true(individual >= 150 && individual <= 330);
    assert_true(groups >= 300 && groups <= 650);
    /* Groups weigh half an individual loan on an officer's time; healthy groups (no longer
     * inflated by collapsed groups' loans left in arrears) carry about a fifth more. */
    assert_true(groups > individual * 1.1);
}

/* ---- 4. growth beyond capacity comes back as arrears ---- */

/* Manual review: the manager approves up to `per_month` new clients a month for `months`
 * months (repeat clients always), then nobody new. */
static int growth_per_month, growth_months;

static void approve_new_clients(ud_sim *sim) {
    int n;
    const ud_application *a = ud_sim_applications(sim, &n);
    int taken = 0;
    for (int i = 0; i < n; i++) {
        if (a[i].decision != UD_APP_PENDING) {
            continue;
        }
        ud_household_view h;
        ud_sim_household(sim, a[i].household, &h);
        ud_command c;
        memset(&c, 0, sizeof c);
        c.index = a[i].id;
        bool fresh = h.loans_repaid == 0;
        bool take = !fresh || (ud_sim_month(sim) <= growth_months && taken < growth_per_month);
        c.type = take ? UD_CMD_APPROVE : UD_CMD_REJECT;
        taken += take && fresh;
        apply_ok(sim, &c);
    }
}
static void growth_setup(ud_setup *s) {
    s->mfi.product[0].open = false;
    s->mfi.officers.count = 4;
    s->mfi.officers.training = 1;
    s->mfi.officers.honesty = 1.0;
    s->mfi.policy.manual_review = true;
    s->mfi.paid_in_equity *= 2;
    s->mfi.cash = s->mfi.paid_in_equity;
}

static void test_economy_fast_growth_comes_back_as_arrears(void **state) {
    (void)state;
    /* 480 new clients either way: 160 a month for 3 months, or about 27 for 18. */
    growth_per_month = 160;
    growth_months = 3;
    double fast = mean_over_run(growth_setup, approve_new_clients, par30, 4000, 9, 15);
    double fast_early = mean_over_run(growth_setup, approve_new_clients, par30, 4000, 2, 4);
    growth_per_month = 27;
    growth_months = 18;
    double slow = mean_over_run(growth_setup, approve_new_clients, par30, 4000, 24, 30);
    print_message("PAR30 %.3f 6-12 months after 3 months of fast growth (%.3f during it), "
                  "%.3f after 18 months of steady growth\n",
                  fast, fast_early, slow);
    assert_true(fast > slow * 1.5);
    assert_true(fast > fast_early); /* the arrears come months later */
}

/* Dynamic incentives: farmers whose neighbours' repeat loans the manager refuses stop paying
 * for a next loan that will not come (engine/MODEL.md, "Repayment"). */
static bool refuse_farmers;
static void review_setup(ud_setup *s) {
    s->mfi.officers.count = 4;
    s->mfi.policy.manual_review = true;
}
static void review_applications(ud_sim *sim) {
    int n;
    const ud_application *a = ud_sim_applications(sim, &n);
    for (int i = 0; i < n; i++) {
        if (a[i].decision != UD_APP_PENDING) {
            continue;
        }
        ud_household_view h;
        ud_sim_household(sim, a[i].household, &h);
        ud_command c;
        memset(&c, 0, sizeof c);
        c.index = a[i].id;
        bool refuse = refuse_farmers && ud_sim_month(sim) >= 12 && h.loans_repaid > 0 &&
                      h.business == UD_BIZ_FARMING;
        c.type = refuse ? UD_CMD_REJECT : UD_CMD_APPROVE;
        apply_ok(sim, &c);
    }
}
static double farmers_par30_now(const ud_sim *sim) {
    return par30_of(sim, UD_BIZ_FARMING);
}

static void test_economy_refusing_repeat_loans_stops_repayment(void **state) {
    (void)state;
    refuse_farmers = false;
    double served =
        mean_over_run(review_setup, review_applications, farmers_par30_now, 1500, 15, 22);
    refuse_farmers = true;
    double refused =
        mean_over_run(review_setup, review_applications, farmers_par30_now, 1500, 15, 22);
    print_message("farmers' PAR30 in months 15-22: %.3f while their repeat loans are granted, "
                  "%.3f once the manager refuses them\n",
                  served, refused);
    assert_true(refused > served * 1.5 + 0.005);
}

/* ---- 4b. loans beyond repayment capacity ---- */

static double portfolio(const ud_sim *sim) {
    return (double)now(sim)->gross_portfolio;
}
static double overindebted(const ud_sim *sim) {
    return now(sim)->overindebted_share;
}
static void sound_rules(ud_setup *s) {
    s->mfi.officers.count = 4;
    s->mfi.officers.honesty = 1.0;
    s->mfi.paid_in_equity *= 2;
    s->mfi.cash = s->mfi.paid_in_equity;
}
/* Every credit rule loosened: no first-loan cap, 200% step-up, no income cap, any arrears. */
static void loose_rules(ud_setup *s) {
    sound_rules(s);
    s->mfi.policy.first_loan_cap = 1000000000;
    s->mfi.policy.repeat_step_up = UD_RATE_PERCENT(200);
    s->mfi.policy.loan_to_income_cap = UD_RATE_PERCENT(500);
    s->mfi.policy.max_past_arrears_days = 365;
}

static void test_economy_loans_beyond_capacity_grow_then_fall_into_arrears(void **state) {
    (void)state;
    double sound_port = mean_over_run(sound_rules, NULL, portfolio, 1500, 10, 12);
    double loose_port = mean_over_run(loose_rules, NULL, portfolio, 1500, 10, 12);
    double sound_early = mean_over_run(sound_rules, NULL, par30, 1500, 4, 9);
    double loose_early = mean_over_run(loose_rules, NULL, par30, 1500, 4, 9);
    double sound_late = mean_over_run(sound_rules, NULL, par30, 1500, 18, 30);
    double loose_late = mean_over_run(loose_rules, NULL, par30, 1500, 18, 30);
    double sound_over = mean_over_run(sound_rules, NULL, overindebted, 1500, 18, 30);
    double loose_over = mean_over_run(loose_rules, NULL, overindebted, 1500, 18, 30);
    print_message("portfolio at months 10-12: loose %.0f vs sound %.0f; PAR30 months 4-9: "
                  "%.3f vs %.3f, months 18-30: %.3f vs %.3f; over-indebted borrowers "
                  "%.3f vs %.3f\n",
                  loose_port, sound_port, loose_early, sound_early, loose_late, sound_late,
                  loose_over, sound_over);
    assert_true(loose_port > sound_port * 1.3);  /* it really grows faster */
    assert_true(loose_late > sound_late * 1.25); /* and pays for it later */
    assert_true(loose_late > loose_early * 2.0); /* months later */
    assert_true(loose_over > sound_over + 0.1);  /* the indicator shows why */
}

/* A grace the business does not need buys riskier ventures (Field et al. 2013): the same
 * unit with a third of each loan's term interest-only sees arrears nearly three times as
 * high. Heavier instalments after the grace account for part of it: without the gamble the
 * ratio is under two (0.0218 against 0.0116), and the test fails. */
static void graced_products(ud_setup *s) {
    sound_rules(s);
    s->mfi.product[0].terms.grace = 8; /* of 25 weekly instalments: almost two months */
    s->mfi.product[1].terms.grace = 4; /* of 12 monthly */
}

static void test_economy_a_grace_the_business_does_not_need_raises_arrears(void **state) {
    (void)state;
    double plain = mean_over_run(sound_rules, NULL, par30, 1500, 12, 30);
    double graced = mean_over_run(graced_products, NULL, par30, 1500, 12, 30);
    print_message("PAR30 in months 12-30: %.4f without a grace, %.4f with a third of the term "
                  "interest-only\n",
                  plain, graced);
    assert_true(graced > plain * 2.4);
}

/* Follow-up takes officers' time: the appraisal left for new clients shrinks. */
static double mean_appraisal(const ud_sim *sim) {
    int n;
    const ud_application *a = ud_sim_applications(sim, &n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        sum += a[i].appraisal;
    }
    return n > 0 ? sum / n : 1.0;
}
static void busy_officers(ud_setup *s) {
    s->mfi.officers.count = 2;
    s->mfi.policy.manual_review = false;
}
static void follow_up_all(ud_setup *s) {
    busy_officers(s);
    s->mfi.follow_up = 1.0;
}
static void follow_up_little(ud_setup *s) {
    busy_officers(s);
    s->mfi.follow_up = 0.1;
}

static void test_economy_follow_up_costs_appraisal_time(void **state) {
    (void)state;
    double all = mean_over_run(follow_up_all, NULL, mean_appraisal, 4000, 2, 6);
    double little = mean_over_run(follow_up_little, NULL, mean_appraisal, 4000, 2, 6);
    print_message("appraisal of new applications: %.3f following up everyone, %.3f little\n", all,
                  little);
    assert_true(all < little * 0.8); /* (1 - 0.5) / (1 - 0.05) = 0.53 when time binds */
}

/* ---- 5. groups form over weeks ---- */

static void groups_only(ud_setup *s) {
    s->mfi.product[1].open = false;
    s->mfi.product[0].group_min = 6;
    s->mfi.product[0].group_max = 8;
}

/* A product the scenario declares for women (a women's group loan) lends to women only:
 * men do not ask for it, and the individual product stays open to them. */
static void test_economy_a_womens_product_lends_to_women_only(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    setup.mfi.product[0].women = true; /* the group product */
    ud_sim *sim = make_sim(&setup);
    int women = 0, men = 0, men_elsewhere = 0, n;
    for (int m = 1; m <= 12; m++) {
        ud_sim_step(sim);
        check_invariants(sim);
        const ud_event *e = ud_sim_events(sim, &n);
        for (int i = 0; i < n; i++) {
            if (e[i].type != UD_EV_LOAN_DISBURSED) {
                continue;
            }
            ud_household_view h;
            ud_sim_household(sim, e[i].subject, &h);
            bool womens_product = e[i].object == 0;
            women += womens_product && h.woman;
            men += womens_product && !h.woman;
            men_elsewhere += !womens_product && !h.woman;
        }
        ud_sim_clear_events(sim);
    }
    print_message("loans from the women's product: %d to women, %d to men; %d men borrowed "
                  "individually\n",
                  women, men, men_elsewhere);
    assert_true(women > 20);
    assert_int_equal(men, 0);
    assert_true(men_elsewhere > 10);
    ud_sim_destroy(sim);
}

/* Men who joined a forming group before the policy became "women only" do not get a loan
 * when the group forms later: they leave the group, refused by the policy. */
static void test_economy_women_only_reaches_forming_groups(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 400);
    groups_only(&setup);
    ud_sim *sim = make_sim(&setup);
    ud_sim_step(sim);
    ud_sim_clear_events(sim);
    int men_forming = 0, n;
    const ud_forming_group *f = ud_sim_forming_groups(sim, &n);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < f[i].members; k++) {
            ud_household_view h;
            ud_sim_household(sim, f[i].member[k], &h);
            men_forming += !h.woman;
        }
    }
    assert_true(men_forming > 0);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_SET_POLICY;
    c.policy = *ud_sim_policy(sim);
    c.policy.women_only = true;
    apply_ok(sim, &c);
    int men_lent = 0, men_refused = 0;
    for (int m = 2; m <= 8; m++) {
        ud_sim_step(sim);
        check_invariants(sim);
        const ud_event *e = ud_sim_events(sim, &n);
        for (int i = 0; i < n; i++) {
            ud_household_view h;
            if (e[i].type == UD_EV_LOAN_DISBURSED) {
                ud_sim_household(sim, e[i].subject, &h);
                men_lent += !h.woman;
            }
            men_refused += e[i].type == UD_EV_APPLICATION_REJECTED &&
                           e[i].object == UD_REJECT_POLICY_WOMEN_ONLY;
        }
        ud_sim_clear_events(sim);
    }
    print_message("%d men in forming groups before the policy; after it, %d men lent, %d refused\n",
                  men_forming, men_lent, men_refused);
    assert_int_equal(men_lent, 0);
    assert_true(men_refused >= men_forming);
    ud_sim_destroy(sim);
}

static void test_economy_groups_form_over_weeks_and_can_be_seen(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 400);
    groups_only(&setup);
    ud_sim *sim = make_sim(&setup);
    int formed = 0, seen_forming = 0, lapsed = 0, no_group = 0;
    for (int m = 1; m <= 18; m++) {
        ud_sim_step(sim);
        check_invariants(sim);
        int n;
        const ud_event *e = ud_sim_events(sim, &n);
        for (int i = 0; i < n; i++) {
            formed += e[i].type == UD_EV_GROUP_FORMED;
            lapsed +=
                e[i].type == UD_EV_APPLICATION_REJECTED && e[i].object == UD_REJECT_GROUP_LAPSED;
            no_group +=
                e[i].type == UD_EV_APPLICATION_REJECTED && e[i].object == UD_REJECT_NO_GROUP;
        }
        ud_sim_clear_events(sim);
        const ud_forming_group *f = ud_sim_forming_groups(sim, &n);
        seen_forming += n;
        for (int i = 0; i < n; i++) {
            assert_true(f[i].members >= 1 && f[i].members <= 8);
            assert_true(strlen(ud_forming_block_text(f[i].blocked)) > 0);
        }
        assert_int_equal(now(sim)->forming_groups, n);
    }
    print_message("%d groups formed, %d forming-group months seen, %d members lapsed\n", formed,
                  seen_forming, lapsed);
    assert_true(formed >= 5);
    assert_true(seen_forming > 0);
    assert_int_equal(no_group, 0); /* waiting, not refused */
    ud_sim_destroy(sim);
}

/* ---- 6. loan capture ---- */

static void women_individual(ud_setup *s) {
    s->mfi.product[0].open = false;
    s->mfi.officers.count = 4;
}
static void women_groups(ud_setup *s) {
    s->mfi.product[1].open = false;
    s->mfi.officers.count = 4;
}
static void mentoring(ud_sim *sim) {
    if (ud_sim_month(sim) != 0) {
        return;
    }
    ud_offer o;
    memset(&o, 0, sizeof o);
    o.kind = UD_OFFER_GRANT_MENTORING;
    o.amount = 20000000;
    char err[200];
    int index = ud_sim_add_offer(sim, &o, err, sizeof err);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_ACCEPT_OFFER;
    c.index = index;
    apply_ok(sim, &c);
}

static void test_economy_capture_shows_and_falls_with_groups_and_mentoring(void **state) {
    (void)state;
    double individual = mean_over_run(women_individual, NULL, capture, 1500, 12, 24);
    double groups = mean_over_run(women_groups, NULL, capture, 1500, 12, 24);
    double mentored = mean_over_run(women_groups, mentoring, capture, 1500, 12, 24);
    print_message("captured women's loans: %.3f individual, %.3f in groups, %.3f with "
                  "mentoring\n",
                  individual, groups, mentored);
    assert_true(individual > 0.12 && individual < 0.30);
    assert_true(groups < individual * 0.7);
    /* mentoring halves capture where it reaches a woman (1 - 0.5 x reach), and the meetings
     * reach most of them, not all */
    assert_true(mentored < groups * 0.8);
}

/* Mentoring comes at the group meetings: with officers who barely follow their groups up,
 * a woman gets less of it, and her loan is captured more often than with close follow-up. */
static void women_groups_close_follow_up(ud_setup *s) {
    women_groups(s);
    s->mfi.follow_up = 0.9;
}
static void women_groups_thin_follow_up(ud_setup *s) {
    women_groups(s);
    s->mfi.follow_up = 0.1;
}

static void test_economy_mentoring_needs_meetings(void **state) {
    (void)state;
    double close = mean_over_run(women_groups_close_follow_up, mentoring, capture, 1500, 12, 24);
    double thin = mean_over_run(women_groups_thin_follow_up, mentoring, capture, 1500, 12, 24);
    print_message("captured women's loans with mentoring: %.3f with close follow-up, %.3f with "
                  "thin\n",
                  close, thin);
    assert_true(thin > close * 1.2);
}

/* Officers trained above their pay leave for better-paid jobs; a raise to the market wage for
 * their level keeps them (engine/MODEL.md, 3). Counted over 20 seeds of three years. */
static int officers_leaving(bool raise, uint64_t seed) {
    ud_setup setup;
    ud_setup_default(&setup, 600);
    setup.seed = seed;
    ud_sim *sim = make_sim(&setup);
    int n;
    ud_sim_officers(sim, &n);
    for (int level = 0; level < 2; level++) {
        ud_command c;
        memset(&c, 0, sizeof c);
        c.type = UD_CMD_TRAIN;
        c.index = -1;
        apply_ok(sim, &c);
        run_checked(sim, ud_sim_month(sim) + 1); /* one course a month */
    }
    if (raise) {
        const ud_officer *o = ud_sim_officers(sim, &n);
        for (int i = 0; i < n; i++) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_SET_SALARY;
            c.index = i;
            c.amount = ud_sim_market_wage(sim, o[i].training);
            apply_ok(sim, &c);
        }
    }
    int left = 0;
    while (ud_sim_month(sim) < 36) {
        ud_sim_step(sim);
        int ne;
        const ud_event *e = ud_sim_events(sim, &ne);
        for (int i = 0; i < ne; i++) {
            left += e[i].type == UD_EV_OFFICER_QUIT;
        }
        ud_sim_clear_events(sim);
    }
    ud_sim_destroy(sim);
    return left;
}

static void test_economy_a_raise_keeps_trained_officers(void **state) {
    (void)state;
    int underpaid = 0, raised = 0;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        underpaid += officers_leaving(false, seed);
        raised += officers_leaving(true, seed);
    }
    print_message("officers who left in 20 three-year runs: %d trained and left on their old pay, "
                  "%d given the market wage\n",
                  underpaid, raised);
    /* 2% a month leave whatever the pay; a trained officer left on a recruit's pay (87% of
     * the market wage for the level) 4.1%: half again as many leave, at least. */
    assert_true(raised * 3 < underpaid * 2);
}

/* ---- 7. political interference ---- */

static double par30_hamlet(const ud_sim *sim, int hamlet, bool in) {
    ud_money at_risk = 0, total = 0;
    int32_t today = ud_sim_month(sim) * 30;
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan == NULL || (h.hamlet == hamlet) != in) {
            continue;
        }
        total += h.loan->principal_outstanding;
        if (ud_loan_days_in_arrears(h.loan, today) > 30) {
            at_risk += h.loan->principal_outstanding;
        }
    }
    return total > 0 ? (double)at_risk / (double)total : 0.0;
}
static double par30_favoured(const ud_sim *sim) {
    return par30_hamlet(sim, 0, true);
}
static double par30_others(const ud_sim *sim) {
    return par30_hamlet(sim, 0, false);
}
static void directed(ud_sim *sim) {
    if (ud_sim_month(sim) == 2) {
        char err[200];
        assert_true(
            ud_sim_political(sim, UD_POLITICAL_DIRECTED_LENDING, 0, 12, 0.6, err, sizeof err));
    }
}
static void staffed(ud_setup *s) {
    s->mfi.officers.count = 6;
}

static void test_economy_directed_lending_damages_repayment_here_and_beyond(void **state) {
    (void)state;
    double fav = mean_over_run(staffed, directed, par30_favoured, 1500, 10, 24);
    double fav_base = mean_over_run(staffed, NULL, par30_favoured, 1500, 10, 24);
    double others = mean_over_run(staffed, directed, par30_others, 1500, 10, 24);
    double others_base = mean_over_run(staffed, NULL, par30_others, 1500, 10, 24);
    print_message("PAR30 in the favoured hamlet %.4f (%.4f without), elsewhere %.4f (%.4f)\n", fav,
                  fav_base, others, others_base);
    assert_true(fav > fav_base * 1.5 + 0.02);
    assert_true(others > others_base * 1.10);
}

static int disavow_month;
static void waiver(ud_sim *sim) {
    char err[200];
    if (ud_sim_month(sim) == 6) {
        assert_true(
            ud_sim_political(sim, UD_POLITICAL_WAIVER_PROMISE, -1, 12, 0.3, err, sizeof err));
    }
    if (ud_sim_month(sim) == disavow_month) {
        assert_true(
            ud_sim_political(sim, UD_POLITICAL_WAIVER_DISAVOWED, -1, 1, 0, err, sizeof err));
    }
}

static void test_economy_waiver_promise_lowers_repayment_until_disavowed(void **state) {
    (void)state;
    disavow_month = -1;
    double promised = mean_over_run(staffed, waiver, par30, 1000, 12, 18);
    disavow_month = 8;
    double disavowed = mean_over_run(staffed, waiver, par30, 1000, 12, 18);
    double none = mean_over_run(staffed, NULL, par30, 1000, 12, 18);
    print_message("PAR30 %.3f under a waiver promise, %.3f when disavowed, %.3f with none\n",
                  promised, disavowed, none);
    assert_true(promised > none * 1.5);
    assert_true(disavowed < promised * 0.8);
}

/* ---- 8. idle cash and deposits ---- */

static void lends_nothing(ud_setup *s) {
    s->mfi.institution = UD_INST_COOPERATIVE;
    s->mfi.product[0].open = false;
    s->mfi.product[1].open = false;
}
static void cooperative(ud_setup *s) {
    s->mfi.institution = UD_INST_COOPERATIVE;
    s->mfi.officers.count = 4;
}

static void test_economy_idle_cash_is_a_cost(void **state) {
    (void)state;
    double idle = mean_over_run(lends_nothing, NULL, oss, 600, 24, 24);
    double lending = mean_over_run(cooperative, NULL, oss, 600, 24, 24);
    print_message("OSS %.3f lending nothing, %.3f lending\n", idle, lending);
    assert_true(idle < 0.8);
    assert_true(lending > idle + 0.15); /* 0.19 with the repayment-capacity rule */
}

static void savings_at(ud_setup *s, int percent) {
    cooperative(s);
    s->mfi.savings_rate = UD_RATE_PERCENT(percent);
}
static void savings_0(ud_setup *s) {
    savings_at(s, 0);
}
static void savings_8(ud_setup *s) {
    savings_at(s, 8);
}
static void savings_8_bad_name(ud_setup *s) {
    savings_at(s, 8);
    s->mfi.reputation = 0.1;
}

static void test_economy_deposits_answer_rate_and_reputation(void **state) {
    (void)state;
    double none = mean_over_run(savings_0, NULL, deposits, 800, 18, 24);
    double paid = mean_over_run(savings_8, NULL, deposits, 800, 18, 24);
    double distrusted = mean_over_run(savings_8_bad_name, NULL, deposits, 800, 3, 6);
    double trusted = mean_over_run(savings_8, NULL, deposits, 800, 3, 6);
    double ratio = mean_over_run(savings_8, NULL, deposits_to_loans, 800, 18, 24);
    print_message("deposits %.0f at 0%%, %.0f at 8%%; early %.0f trusted, %.0f distrusted; "
                  "deposits/loans %.2f\n",
                  none, paid, trusted, distrusted, ratio);
    assert_true(paid > none * 1.3);
    assert_true(trusted > distrusted * 1.2);
    assert_true(ratio < 3.0);
}

/* ---- 9. grants at their real size and cost ---- */

static void big_training_grant(ud_sim *sim) {
    if (ud_sim_month(sim) != 0) {
        return;
    }
    ud_offer o;
    memset(&o, 0, sizeof o);
    o.kind = UD_OFFER_GRANT_TRAINING;
    o.amount = 30000000;
    o.effect = 0.45; /* what the offer claims */
    char err[200];
    int index = ud_sim_add_offer(sim, &o, err, sizeof err);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_ACCEPT_OFFER;
    c.index = index;
    apply_ok(sim, &c);
}

static void test_economy_training_grant_is_sized_and_counted_as_subsidy(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    ud_sim *with = make_sim(&setup);
    ud_sim *without = make_sim(&setup);
    big_training_grant(with);
    run_checked(with, 24);
    run_checked(without, 24);
    const ud_indicators *a = ud_sim_indicators(with, 1), *b = ud_sim_indicators(without, 1);
    assert_int_equal(a->grants, 30000000); /* accepted before month 1: counted in month 1 */
    assert_int_equal(b->grants, 0);
    a = now(with);
    b = now(without);
    print_message("month 24: FSS %.3f with the grant, %.3f without; SDI %.3f and %.3f; income "
                  "%lld and %lld\n",
                  a->fss, b->fss, a->subsidy_dependence, b->subsidy_dependence,
                  (long long)a->avg_household_income, (long long)b->avg_household_income);
    const ud_indicators *a12 = ud_sim_indicators(with, 12), *b12 = ud_sim_indicators(without, 12);
    assert_true(a12->subsidy_dependence > b12->subsidy_dependence);
    assert_true(a12->fss < a12->oss);
    /* Village-wide income rises by no more than the evidence allows (a share of households are
     * trained clients, each at most 10% more business income). */
    double rise = (double)a->avg_household_income / (double)b->avg_household_income - 1.0;
    assert_true(rise < 0.08);
    ud_sim_destroy(with);
    ud_sim_destroy(without);
}

/* ---- 10. accounting: write-offs by command, rescheduled ratio ---- */

static int first_borrower(const ud_sim *sim) {
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan != NULL) {
            return i;
        }
    }
    return -1;
}

/* A woman client above the poverty line whose loan is written off counts among the women in
 * distress for the 24 months after it, and not before nor after (engine/MODEL.md,
 * "Depth and impact"). */
static void test_economy_written_off_woman_counts_in_distress_for_two_years(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 6);
    int hh = -1;
    for (int i = 0; i < ud_sim_household_count(sim) && hh < 0; i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan != NULL && h.woman && !h.poor && h.status == UD_HH_CLIENT &&
            h.monthly_income > 2 * h.poverty_line_month) {
            hh = i;
        }
    }
    assert_true(hh >= 0);
    int extra_before = now(sim)->women_in_distress - now(sim)->poor_women;
    int last_counted = 0;
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_WRITE_OFF;
    c.index = hh;
    apply_ok(sim, &c);
    for (int m = 7; m <= 32; m++) {
        run_checked(sim, m);
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        assert_false(h.poor); /* well above the line: only the default can count her */
        int extra = now(sim)->women_in_distress - now(sim)->poor_women;
        if (m <= 30) {
            assert_true(extra >= 1); /* written off in month 7: counted through month 30 */
        }
        last_counted = m == 30 ? extra : last_counted;
    }
    assert_true(now(sim)->women_in_distress - now(sim)->poor_women < last_counted);
    print_message("women in distress beyond the poor: %d before the write-off, %d two years and "
                  "two months later\n",
                  extra_before, now(sim)->women_in_distress - now(sim)->poor_women);
    ud_sim_destroy(sim);
}

static void test_economy_manual_write_offs_and_reschedules_are_counted(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 6);
    int hh = first_borrower(sim);
    assert_true(hh >= 0);
    ud_household_view h;
    ud_sim_household(sim, hh, &h);
    ud_money amount = h.loan->principal_outstanding;
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_WRITE_OFF;
    c.index = hh;
    apply_ok(sim, &c);
    int other = first_borrower(sim);
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_RESCHEDULE;
    c.index = other;
    c.count = 12;
    apply_ok(sim, &c);
    run_checked(sim, 7);
    const ud_indicators *d = now(sim);
    print_message("write-offs %lld (manual %lld), rescheduled ratio %.4f\n",
                  (long long)d->write_offs, (long long)amount, d->rescheduled_ratio);
    assert_true(d->write_offs >= amount);
    assert_true(d->write_off_ratio > 0);
    assert_true(d->rescheduled_ratio > 0 && d->rescheduled_ratio < 0.2);
    ud_sim_destroy(sim);
}

/* Writing off every late loan makes PAR30 look clean, but the write-offs show, the
 * neighbours learn that debts are forgiven, and the institution pays. */
static void write_off_every_late_loan(ud_sim *sim) {
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan != NULL && ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30) > 30) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_WRITE_OFF;
            c.index = i;
            apply_ok(sim, &c);
        }
    }
}
static double write_off_ratio(const ud_sim *sim) {
    return now(sim)->write_off_ratio;
}

/* A rescheduled loan counts in PAR (CGAP) until it has paid three instalments on time under
 * its new schedule; then it leaves PAR but stays in the rescheduled ratio. */
/* Rescheduling a loan 90 days late does not make it a good loan: until it is cured it stays
 * in PAR90 (engine/MODEL.md, "Indicators": classed by the arrears it had when rescheduled). */
static void test_economy_rescheduled_bad_loan_keeps_its_class_until_cured(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 1500);
    setup.mfi.officers.honesty = 1.0; /* no ghost loans: every loan has a household */
    ud_sim *sim = make_sim(&setup);
    add_farm_drought(sim);
    run_checked(sim, 11);
    double par90_before = now(sim)->par90;
    int distress_before = now(sim)->households_in_distress;
    int rescheduled = 0;
    const int32_t today = 11 * 30; /* the engine's 30-day months */
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan == NULL || ud_loan_days_in_arrears(h.loan, today) <= 90) {
            continue;
        }
        ud_command c;
        memset(&c, 0, sizeof c);
        c.type = UD_CMD_RESCHEDULE;
        c.index = hh;
        c.count = h.loan->plan.installments;
        char err[256];
        rescheduled += ud_sim_apply(sim, &c, err, sizeof err);
    }
    run_checked(sim, 12);
    print_message("%d loans rescheduled past 90 days: PAR90 %.3f before, %.3f a month later; "
                  "households in distress %d before, %d after\n",
                  rescheduled, par90_before, now(sim)->par90, distress_before,
                  now(sim)->households_in_distress);
    assert_true(rescheduled >= 5);
    assert_true(now(sim)->par90 > par90_before * 0.6);
    /* Seven months on, those paid on time since are still at risk: a loan more than 90 days
     * late when rescheduled rises one class a quarter, so it needs six or nine months on time,
     * not three. PAR30 is the other loans more than 30 days late plus every rescheduled one. */
    run_checked(sim, 18);
    ud_money rescheduled_left = 0, others_late = 0;
    int current = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan == NULL) {
            continue;
        }
        int32_t days = ud_loan_days_in_arrears(h.loan, 18 * 30);
        if (h.loan->rescheduled) {
            rescheduled_left += h.loan->principal_outstanding;
            current += days == 0;
        } else if (days > 30) {
            others_late += h.loan->principal_outstanding;
        }
    }
    print_message("month 18: %d of the rescheduled loans current; PAR30 %lld = %lld rescheduled "
                  "+ %lld others more than 30 days late\n",
                  current, (long long)now(sim)->par30_amount, (long long)rescheduled_left,
                  (long long)others_late);
    assert_true(current > 0);
    assert_true(now(sim)->par30_amount == rescheduled_left + others_late);
    ud_sim_destroy(sim);
}

/* Every loan of a 600-household unit of monthly loans rescheduled at month 6, after an income
 * shock that struck every household (months 3-5) or in a calm year. Returns the unit, played to
 * month 10, with PAR30 and the rescheduled ratio a month and four months later. */
static ud_sim *reschedule_all_at_month_6_with_grace(bool after_a_shock, int grace, double par[2],
                                                    double ratio[2]) {
    ud_setup setup;
    ud_setup_default(&setup, 600);
    setup.mfi.product[0].open = false; /* monthly individual loans: an instalment a month */
    setup.mfi.officers.honesty = 1.0;
    ud_sim *sim = make_sim(&setup);
    if (after_a_shock) {
        ud_shock flood = {UD_SHOCK_INCOME, 0, 0, 1.0, 0.3, 3, 3};
        char err[128];
        assert_true(ud_sim_add_shock(sim, &flood, err, sizeof err) >= 0);
    }
    run_checked(sim, 6);
    int rescheduled = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan == NULL) {
            continue;
        }
        assert_true(ud_sim_household_has_hardship(sim, hh) || !after_a_shock);
        ud_command c;
        memset(&c, 0, sizeof c);
        c.type = UD_CMD_RESCHEDULE;
        c.index = hh;
        c.count = 12;
        c.level = grace;
        apply_ok(sim, &c);
        rescheduled++;
    }
    assert_true(rescheduled > 20);
    run_checked(sim, 7);
    par[0] = now(sim)->par30;
    ratio[0] = now(sim)->rescheduled_ratio;
    run_checked(sim, 10);
    par[1] = now(sim)->par30;
    ratio[1] = now(sim)->rescheduled_ratio;
    print_message("%d loans rescheduled %s: PAR30 %.3f a month later (rescheduled ratio %.3f), "
                  "%.3f after four months (%.3f)\n",
                  rescheduled, after_a_shock ? "after a flood" : "in a calm year", par[0], ratio[0],
                  par[1], ratio[1]);
    return sim;
}

static ud_sim *reschedule_all_at_month_6(bool after_a_shock, double par[2], double ratio[2]) {
    return reschedule_all_at_month_6_with_grace(after_a_shock, 0, par, ratio);
}

/* OJK counts a payment "of principal and/or interest": a loan rescheduled for a hardship
 * with months of interest only, paid on time, leaves PAR30 as one paying principal does. */
static void test_economy_interest_paid_on_time_through_a_grace_cures(void **state) {
    (void)state;
    double par[2], ratio[2];
    ud_sim *sim = reschedule_all_at_month_6_with_grace(true, 8, par, ratio);
    assert_true(ratio[1] > 0.3);
    assert_true(par[1] < ratio[1] * 0.5);
    ud_sim_destroy(sim);
}

/* A household lives on what is left once its lender is paid: interest on a loan can put a
 * borrower under the poverty line its income alone would clear; never a household without a
 * loan (engine/MODEL.md, "Depth and impact"). */
static void test_economy_the_interest_bill_counts_against_poverty(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 1500);
    /* big loans: the bill is large where the debt is (a year's income, no first-loan cap) */
    setup.mfi.policy.loan_to_income_cap = UD_RATE_PERCENT(100);
    setup.mfi.policy.first_loan_cap = 0;
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 18);
    int under_by_interest = 0, borrowers = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        bool clears = h.monthly_income >= h.poverty_line_month;
        borrowers += h.loan != NULL;
        if (clears && h.poor) {
            assert_true(h.loan != NULL || h.loans_repaid > 0); /* only a borrower's interest */
            under_by_interest++;
        }
    }
    print_message("%d of %d borrowers under the poverty line once their interest is paid\n",
                  under_by_interest, borrowers);
    assert_true(under_by_interest >= 5);
    ud_sim_destroy(sim);
}

/* ---- compulsory savings ---- */

static void withholds_10(ud_setup *s) {
    for (int p = 0; p < 2; p++) {
        s->mfi.product[p].compulsory_savings = UD_RATE_PERCENT(10);
    }
}
static void withholds_20(ud_setup *s) {
    for (int p = 0; p < 2; p++) {
        s->mfi.product[p].compulsory_savings = UD_RATE_PERCENT(20);
    }
}
static void withholds_50(ud_setup *s) {
    for (int p = 0; p < 2; p++) {
        s->mfi.product[p].compulsory_savings = UD_RATE_PERCENT(50);
    }
}

/* An NGO holds compulsory savings only: what a loan withheld goes back to the client with the
 * loan's end, so no household without a loan keeps savings at the unit. */
static void test_economy_compulsory_savings_go_back_when_the_loan_ends(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    withholds_10(&setup);
    assert_int_equal(setup.mfi.institution, UD_INST_NGO);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 24);
    int repaid = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan == NULL && h.loans_repaid > 0) {
            repaid++;
            assert_int_equal(h.savings, 0);
        }
    }
    print_message("%d households repaid a loan and hold no savings at the unit\n", repaid);
    assert_true(repaid > 30);
    ud_sim_destroy(sim);
}

/* Up to the customary 20% withheld, the savings are a commitment clients accept; beyond it
 * they are part of the price, and fewer apply. */
static void test_economy_savings_withheld_beyond_custom_cost_demand(void **state) {
    (void)state;
    double ten = mean_over_run(withholds_10, NULL, applications, 800, 1, 12);
    double twenty = mean_over_run(withholds_20, NULL, applications, 800, 1, 12);
    double half = mean_over_run(withholds_50, NULL, applications, 800, 1, 12);
    print_message("applications a month: %.1f with 10%% withheld, %.1f with 20%%, %.1f with 50%%\n",
                  ten, twenty, half);
    assert_true(twenty > ten * 0.9);
    assert_true(half < twenty * 0.8);
}

/* A borrower whose arrears began with a hardship (the month's summary says "income fell well
 * below the usual") keeps that reason until the arrears are paid up, though the bad month has
 * passed: a rescheduling a month later is for that hardship. */
static void test_economy_arrears_keep_the_hardship_they_began_with(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 1500);
    ud_sim *sim = make_sim(&setup);
    /* every borrower who fell behind for a hardship, followed while the arrears last */
    static int watched[4096];
    int count = 0, checked = 0, misses = 0;
    for (int m = 1; m <= 36; m++) {
        ud_sim_step(sim);
        check_invariants(sim);
        int n;
        const ud_event *e = ud_sim_events(sim, &n);
        for (int k = 0; k < count; k++) {
            ud_household_view h;
            ud_sim_household(sim, watched[k], &h);
            if (h.loan == NULL || ud_loan_days_in_arrears(h.loan, m * 30) <= 0) {
                watched[k--] = watched[--count]; /* paid up (or gone): no longer followed */
                continue;
            }
            assert_true(ud_sim_household_has_hardship(sim, watched[k]));
            checked++;
        }
        for (int i = 0; i < n && count < 4096; i++) {
            if (e[i].type == UD_EV_INSTALMENT_MISSED && e[i].cause == UD_MISS_HARDSHIP) {
                watched[count++] = e[i].subject;
                misses++;
            }
        }
        ud_sim_clear_events(sim);
    }
    print_message("%d borrowers fell behind for a hardship; %d later months still late, all with "
                  "the hardship as their reason\n",
                  misses, checked);
    assert_true(checked > 20);
    ud_sim_destroy(sim);
}

static double hamlet_hardship_share(const ud_sim *sim, int hamlet) {
    int in = 0, with = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.hamlet == hamlet) {
            in++;
            with += ud_sim_household_has_hardship(sim, hh);
        }
    }
    return in > 0 ? (double)with / in : 0;
}

/* A shock is a hardship for every household of its hamlets and trades, hit or not (a disaster
 * area), until six months after it ends. */
static void test_economy_a_shock_area_is_a_hardship(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    ud_shock flood = {UD_SHOCK_INCOME, 1u, 0, 0.2, 0.5, 2, 2}; /* hamlet 1 only, a fifth hit */
    char err[128];
    assert_true(ud_sim_add_shock(sim, &flood, err, sizeof err) >= 0);
    run_checked(sim, 3);
    int spared_in_area = -1, elsewhere = -1;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.hamlet == 0 && ud_sim_household_last_shock(sim, hh) < 0 && spared_in_area < 0) {
            spared_in_area = hh;
        }
        if (h.hamlet != 0 && elsewhere < 0 && !ud_sim_household_has_hardship(sim, hh)) {
            elsewhere = hh;
        }
    }
    assert_true(spared_in_area >= 0 && elsewhere >= 0);
    assert_true(ud_sim_household_has_hardship(sim, spared_in_area));
    double during = hamlet_hardship_share(sim, 0);
    run_checked(sim, 11); /* the flood ended in month 3: six months on, the area is clear */
    double after = hamlet_hardship_share(sim, 0);
    print_message("households of the flooded hamlet with a hardship: %.2f in month 3, %.2f in "
                  "month 11\n",
                  during, after);
    assert_true(during > 0.99);
    assert_true(after < 0.5);
    ud_sim_destroy(sim);
}

/* Rescheduled loans count in PAR30; those rescheduled for a hardship leave it once they have
 * been paid on time for three months, those rescheduled without one stay until repaid. */
static void test_economy_performing_reschedules_leave_par(void **state) {
    (void)state;
    double par[2], ratio[2];
    ud_sim *calm = reschedule_all_at_month_6(false, par, ratio);
    assert_true(par[0] >= ratio[0] * 0.99); /* all of them in PAR at first */
    /* and still: no shock explained the arrears (a few households' own mishaps did, and
     * those loans may cure) */
    assert_true(par[1] >= ratio[1] * 0.97);
    ud_sim_destroy(calm);
    ud_sim *sim = reschedule_all_at_month_6(true, par, ratio);
    assert_true(par[0] >= ratio[0] * 0.99);
    assert_true(ratio[1] > 0.3);          /* still counted as rescheduled */
    assert_true(par[1] < ratio[1] * 0.5); /* those that performed left PAR */
    /* a loan is rescheduled once: a second rescheduling (evergreening) is refused */
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan != NULL && h.loan->rescheduled) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_RESCHEDULE;
            c.index = hh;
            c.count = 12;
            char err[256];
            assert_false(ud_sim_apply(sim, &c, err, sizeof err));
            print_message("refused: %s\n", err);
            assert_non_null(strstr(err, "rescheduled once already"));
            break;
        }
    }
    /* and never over more than the loan's original term (12 monthly instalments here) */
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        if (h.loan != NULL && !h.loan->rescheduled) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_RESCHEDULE;
            c.index = hh;
            c.count = h.loan->plan.installments + 1;
            char err[256];
            assert_false(ud_sim_apply(sim, &c, err, sizeof err));
            print_message("refused: %s\n", err);
            assert_non_null(strstr(err, "at most its original term"));
            c.count = h.loan->plan.installments;
            assert_true(ud_sim_apply(sim, &c, err, sizeof err));
            break;
        }
    }
    ud_sim_destroy(sim);
}

static void test_economy_writing_off_every_late_loan_does_not_pay(void **state) {
    (void)state;
    double oss_wo = mean_over_run(staffed, write_off_every_late_loan, oss, 1500, 36, 36);
    double oss_normal = mean_over_run(staffed, NULL, oss, 1500, 36, 36);
    double wo = mean_over_run(staffed, write_off_every_late_loan, write_off_ratio, 1500, 36, 36);
    double wo_normal = mean_over_run(staffed, NULL, write_off_ratio, 1500, 36, 36);
    print_message("OSS %.2f writing off every late loan, %.2f following up; write-offs %.3f and "
                  "%.3f of the portfolio a year\n",
                  oss_wo, oss_normal, wo, wo_normal);
    assert_true(oss_wo < oss_normal - 0.1);
    assert_true(wo > wo_normal * 1.3);
}

/* At month 6, every other borrower (even household numbers) gets a longer schedule for no
 * reason the village knows: leniency the neighbours see. */
static void reschedule_half_at_month_6(ud_sim *sim) {
    if (ud_sim_month(sim) != 6) {
        return;
    }
    for (int i = 0; i < ud_sim_household_count(sim); i += 2) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan != NULL) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_RESCHEDULE;
            c.index = i;
            c.count = 12;
            apply_ok(sim, &c);
        }
    }
}

/* New slips this month (a loan's first missed instalment since it was last current) among
 * the odd-numbered households' loans, per such loan: how the neighbours repay. */
static double slips_of_the_others(const ud_sim *sim) {
    int n, slips = 0, loans = 0;
    const ud_event *e = ud_sim_events(sim, &n);
    for (int i = 0; i < n; i++) {
        slips += e[i].type == UD_EV_INSTALMENT_MISSED && e[i].subject % 2 == 1;
    }
    for (int i = 1; i < ud_sim_household_count(sim); i += 2) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        loans += h.loan != NULL;
    }
    return loans > 0 ? (double)slips / loans : 0;
}

/* In a village without shocks, easier terms for borrowers who are not in trouble teach the
 * others that paying late pays: their own slips rise. */
static void test_economy_rescheduling_without_reason_spreads_arrears(void **state) {
    (void)state;
    double lenient =
        mean_over_run(staffed, reschedule_half_at_month_6, slips_of_the_others, 1500, 7, 18);
    double normal = mean_over_run(staffed, NULL, slips_of_the_others, 1500, 7, 18);
    print_message("new slips a month among the borrowers not rescheduled: %.4f after half the "
                  "others were rescheduled for no reason, %.4f when none was\n",
                  lenient, normal);
    assert_true(lenient > normal * 1.4); /* 1.3 from the PAR-driven reputation alone */
}

/* ---- 11. an opening portfolio whose books balance ---- */

/* Opening clients on a group product sit in groups of the product's size: filling groups in
 * turn to the largest size left a hamlet's last group with one member, who showed as "a group
 * of 1" and collapsed. */
static void test_economy_opening_groups_are_of_the_products_size(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 1000);
    setup.mfi.opening.clients = 150;
    setup.mfi.opening.product = 0; /* the weekly group loan, groups of 4 to 7 */
    ud_sim *sim = make_sim(&setup);
    int smallest = 99, largest = 0, members[64];
    for (int g = 0; g < ud_sim_group_count(sim); g++) {
        int hamlet, n;
        bool collapsed;
        n = ud_sim_group(sim, g, &hamlet, &collapsed, members, 64);
        smallest = n < smallest ? n : smallest;
        largest = n > largest ? n : largest;
    }
    print_message("%d opening groups of %d to %d members\n", ud_sim_group_count(sim), smallest,
                  largest);
    assert_true(ud_sim_group_count(sim) > 0);
    assert_true(smallest >= setup.mfi.product[0].group_min);
    assert_true(largest <= setup.mfi.product[0].group_max);
    ud_sim_destroy(sim);
}

static void test_economy_opening_portfolio_balances_and_runs(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 1000);
    setup.mfi.institution = UD_INST_VILLAGE_BANK;
    setup.mfi.officers.count = 3;
    setup.mfi.opening.clients = 400;
    setup.mfi.opening.product = 1;
    setup.mfi.opening.months_old = 11;
    setup.mfi.opening.in_arrears = 0.03;
    setup.mfi.opening.savings_per_client = 500000;
    setup.mfi.opening.repaid_loans = 2;
    ud_sim *sim = make_sim(&setup); /* checks the invariants at month 0 */
    const ud_indicators *o = ud_sim_indicators(sim, 0);
    print_message("opening: %d borrowers, portfolio %lld, PAR30 %.3f, deposits %lld\n",
                  o->active_borrowers, (long long)o->gross_portfolio, o->par30,
                  (long long)o->deposits);
    assert_int_equal(o->active_borrowers, 400);
    assert_true(o->par30 > 0.0 && o->par30 < 0.08);
    /* the loans in arrears open with their provisions: a reserve beside them, not 0 */
    assert_true(o->loan_loss_reserve > 0);
    assert_true(o->risk_coverage > 0.1);
    /* every client holds the opening savings but those in arrears, who have drawn theirs */
    int behind = 0;
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view h;
        ud_sim_household(sim, hh, &h);
        behind += h.loan != NULL && ud_loan_days_in_arrears(h.loan, 0) > 0;
        /* the loan it repaid before is not the loan it holds (a card read "the last loan" as
         * the current, overdue one, "at most 0 days late") */
        if (h.loan != NULL) {
            assert_true(h.last_loan > 0 && h.last_loan < h.loan->plan.principal);
        }
    }
    assert_true(behind > 0);
    assert_int_equal(o->deposits, (400 - behind) * 500000);
    assert_true(o->gross_portfolio > 0);
    run_checked(sim, 12);
    assert_false(ud_sim_insolvent(sim));
    ud_sim_destroy(sim);
    /* A portfolio the MFI's cash cannot fund is refused, saying which field. */
    setup.mfi.opening.clients = 1000;
    setup.mfi.cash = setup.mfi.paid_in_equity = 50000000;
    char err[256];
    assert_null(ud_sim_create(&setup, NULL, err, sizeof err));
    print_message("refused: %s\n", err);
    assert_non_null(strstr(err, "mfi.opening"));
}

/* ---- repayment, mishaps and distress borrowing ---- */

/* What farming households with a track record asked for this month, in money: they ask more
 * often, and for more, when the harvest fails (newcomers without collateral mostly cannot,
 * and go to the moneylender). */
static double farmers_requests(const ud_sim *sim) {
    int n;
    const ud_application *a = ud_sim_applications(sim, &n);
    double asked = 0;
    for (int i = 0; i < n; i++) {
        ud_household_view h;
        if (a[i].group < 0 && ud_sim_household(sim, a[i].household, &h) &&
            h.business == UD_BIZ_FARMING && h.loans_repaid > 0) {
            asked += (double)a[i].requested;
        }
    }
    return asked;
}

static void test_economy_drought_brings_distress_borrowing(void **state) {
    (void)state;
    double dry = mean_over_run(no_change, add_farm_drought, farmers_requests, 1500, 7, 14);
    double normal = mean_over_run(no_change, NULL, farmers_requests, 1500, 7, 14);
    print_message("farmers asked %.0f a month in the drought, %.0f without it\n", dry, normal);
    assert_true(dry >= 1.1 * normal);
}

/* ---- depth and impact ---- */

static double poor_reach(const ud_sim *sim) {
    return now(sim)->poor_reach;
}
static double poor_gain(const ud_sim *sim) {
    return now(sim)->poor_client_income_gain;
}
/* The board's plan: individual loans of at least 6 million only. */
static void big_loans_only(ud_setup *s) {
    s->mfi.product[0].open = false;
    s->mfi.product[1].min_amount = 6000000;
}
static void lend_nothing(ud_setup *s) {
    s->mfi.product[0].open = false;
    s->mfi.product[1].open = false;
}

static void test_economy_big_loans_reach_few_of_the_poor(void **state) {
    (void)state;
    double big = mean_over_run(big_loans_only, NULL, poor_reach, 1000, 12, 24);
    double usual = mean_over_run(no_change, NULL, poor_reach, 1000, 12, 24);
    double none = mean_over_run(lend_nothing, NULL, poor_gain, 1000, 1, 24);
    print_message("poor households reached: %.3f with big loans only, %.3f with both products; "
                  "poor clients' income gain with no lending %.3f\n",
                  big, usual, none);
    assert_true(usual > 0.10);
    assert_true(big < 0.5 * usual);
    assert_true(none == 0.0); /* nobody borrowed: nothing to compare, nothing to claim */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_economy_price_cuts_applications_and_raises_par),
        cmocka_unit_test(test_economy_free_credit_is_repaid_worse),
        cmocka_unit_test(test_economy_cap_binds_the_apr_with_fees),
        cmocka_unit_test(test_economy_underpaid_officers_perform_worse),
        cmocka_unit_test(test_economy_salaries_have_bounds),
        cmocka_unit_test(test_economy_caseloads_match_field_norms),
        cmocka_unit_test(test_economy_fast_growth_comes_back_as_arrears),
        cmocka_unit_test(test_economy_loans_beyond_capacity_grow_then_fall_into_arrears),
        cmocka_unit_test(test_economy_a_grace_the_business_does_not_need_raises_arrears),
        cmocka_unit_test(test_economy_opening_groups_are_of_the_products_size),
        cmocka_unit_test(test_economy_groups_form_over_weeks_and_can_be_seen),
        cmocka_unit_test(test_economy_women_only_reaches_forming_groups),
        cmocka_unit_test(test_economy_a_womens_product_lends_to_women_only),
        cmocka_unit_test(test_economy_capture_shows_and_falls_with_groups_and_mentoring),
        cmocka_unit_test(test_economy_mentoring_needs_meetings),
        cmocka_unit_test(test_economy_a_raise_keeps_trained_officers),
        cmocka_unit_test(test_economy_refusing_repeat_loans_stops_repayment),
        cmocka_unit_test(test_economy_written_off_woman_counts_in_distress_for_two_years),
        cmocka_unit_test(test_economy_directed_lending_damages_repayment_here_and_beyond),
        cmocka_unit_test(test_economy_waiver_promise_lowers_repayment_until_disavowed),
        cmocka_unit_test(test_economy_idle_cash_is_a_cost),
        cmocka_unit_test(test_economy_deposits_answer_rate_and_reputation),
        cmocka_unit_test(test_economy_training_grant_is_sized_and_counted_as_subsidy),
        cmocka_unit_test(test_economy_manual_write_offs_and_reschedules_are_counted),
        cmocka_unit_test(test_economy_performing_reschedules_leave_par),
        cmocka_unit_test(test_economy_interest_paid_on_time_through_a_grace_cures),
        cmocka_unit_test(test_economy_the_interest_bill_counts_against_poverty),
        cmocka_unit_test(test_economy_compulsory_savings_go_back_when_the_loan_ends),
        cmocka_unit_test(test_economy_savings_withheld_beyond_custom_cost_demand),
        cmocka_unit_test(test_economy_a_shock_area_is_a_hardship),
        cmocka_unit_test(test_economy_arrears_keep_the_hardship_they_began_with),
        cmocka_unit_test(test_economy_rescheduled_bad_loan_keeps_its_class_until_cured),
        cmocka_unit_test(test_economy_follow_up_costs_appraisal_time),
        cmocka_unit_test(test_economy_writing_off_every_late_loan_does_not_pay),
        cmocka_unit_test(test_economy_rescheduling_without_reason_spreads_arrears),
        cmocka_unit_test(test_economy_opening_portfolio_balances_and_runs),
        cmocka_unit_test(test_economy_drought_brings_distress_borrowing),
        cmocka_unit_test(test_economy_big_loans_reach_few_of_the_poor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
