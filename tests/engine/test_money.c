/* Tests of money parsing, printing, checked arithmetic and half-to-even rounding, and of the
 * UTF-8 checks of texts read from files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/money.h"
#include "ud/utf8.h"

#include <string.h>

static ud_money parse_ok(const char *text, int minor) {
    ud_money v = 0;
    ud_money_status st = ud_money_parse(text, minor, &v);
    if (st != UD_MONEY_OK) {
        fail_msg("parsing '%s' with %d minor units: expected ok, got '%s'", text, minor,
                 ud_money_status_text(st));
    }
    return v;
}

static void test_money_parse_accepts_grouped_and_plain(void **state) {
    (void)state;
    assert_int_equal(parse_ok("1,250.50", 2), 125050);
    assert_int_equal(parse_ok("1250.5", 2), 125050);
    assert_int_equal(parse_ok("1250", 2), 125000);
    assert_int_equal(parse_ok("0.01", 2), 1);
    assert_int_equal(parse_ok("-3", 2), -300);
    assert_int_equal(parse_ok("1,000,000", 0), 1000000);
    assert_int_equal(parse_ok("12.500", 2), 1250); /* trailing zeros are exact */
    assert_int_equal(parse_ok(".5", 1), 5);
}

static void test_money_parse_refuses_bad_text(void **state) {
    (void)state;
    ud_money v = 42;
    assert_int_equal(ud_money_parse("", 2, &v), UD_MONEY_EMPTY);
    assert_int_equal(ud_money_parse("-", 2, &v), UD_MONEY_EMPTY);
    assert_int_equal(ud_money_parse("12a", 2, &v), UD_MONEY_SYNTAX);
    assert_int_equal(ud_money_parse("1.2.3", 2, &v), UD_MONEY_SYNTAX);
    assert_int_equal(ud_money_parse("1,25", 2, &v), UD_MONEY_GROUPING);
    assert_int_equal(ud_money_parse("1234,567", 2, &v), UD_MONEY_GROUPING);
    assert_int_equal(ud_money_parse(",123", 2, &v), UD_MONEY_GROUPING);
    assert_int_equal(ud_money_parse("1.005", 2, &v), UD_MONEY_TOO_PRECISE);
    assert_int_equal(ud_money_parse("10.5", 0, &v), UD_MONEY_TOO_PRECISE);
    assert_int_equal(v, 42); /* untouched on error */
}

static void test_money_parse_detects_overflow(void **state) {
    (void)state;
    ud_money v;
    assert_int_equal(parse_ok("9223372036854775807", 0), INT64_MAX);
    assert_int_equal(parse_ok("-9223372036854775808", 0), INT64_MIN);
    assert_int_equal(ud_money_parse("9223372036854775808", 0, &v), UD_MONEY_OVERFLOW);
    assert_int_equal(ud_money_parse("92233720368547758.08", 2, &v), UD_MONEY_OVERFLOW);
    assert_int_equal(ud_money_parse("99999999999999999999999", 2, &v), UD_MONEY_OVERFLOW);
    assert_int_equal(ud_money_parse("92233720368547758", 3, &v), UD_MONEY_OVERFLOW);
}

static void test_money_format_groups_thousands(void **state) {
    (void)state;
    char buf[32];
    ud_money_format(125050, 2, ',', buf, sizeof buf);
    assert_string_equal(buf, "1,250.50");
    ud_money_format(-5, 2, ',', buf, sizeof buf);
    assert_string_equal(buf, "-0.05");
    ud_money_format(1000000, 0, ',', buf, sizeof buf);
    assert_string_equal(buf, "1,000,000");
    ud_money_format(999, 0, 0, buf, sizeof buf);
    assert_string_equal(buf, "999");
    ud_money_format(INT64_MIN, 2, ',', buf, sizeof buf);
    assert_string_equal(buf, "-92,233,720,368,547,758.08");
    char tiny[4];
    assert_int_equal(ud_money_format(125050, 2, ',', tiny, sizeof tiny), 3);
    assert_string_equal(tiny, "1,2");
}

static void test_money_round_trips_exactly(void **state) {
    (void)state;
    const ud_money samples[] = {0,        1,         -1,        99,         100,      12345678,
                                -1000001, INT64_MAX, INT64_MIN, 1000000000, 70000050, 5};
    for (int minor = 0; minor <= UD_MAX_MINOR_UNITS; minor++) {
        for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
            char buf[40];
            ud_money_format(samples[i], minor, ',', buf, sizeof buf);
            ud_money back = parse_ok(buf, minor);
            if (back != samples[i]) {
                fail_msg("round trip of %lld with %d minor units via '%s' gave %lld",
                         (long long)samples[i], minor, buf, (long long)back);
            }
        }
    }
}

static void test_money_checked_arithmetic(void **state) {
    (void)state;
    ud_money r = 7;
    assert_true(ud_money_add(1, 2, &r));
    assert_int_equal(r, 3);
    assert_false(ud_money_add(INT64_MAX, 1, &r));
    assert_int_equal(r, 3);
    assert_false(ud_money_sub(INT64_MIN, 1, &r));
    assert_true(ud_money_sub(-5, 5, &r));
    assert_int_equal(r, -10);
}

static void test_money_rounding_is_half_to_even(void **state) {
    (void)state;
    assert_int_equal(ud_div_round_half_even(5, 2), 2);   /* 2.5 -> 2 */
    assert_int_equal(ud_div_round_half_even(7, 2), 4);   /* 3.5 -> 4 */
    assert_int_equal(ud_div_round_half_even(-5, 2), -2); /* -2.5 -> -2 */
    assert_int_equal(ud_div_round_half_even(-7, 2), -4);
    assert_int_equal(ud_div_round_half_even(10, 3), 3);
    assert_int_equal(ud_div_round_half_even(11, 3), 4);
    assert_int_equal(ud_div_round_half_even(5, -2), -2);
    assert_int_equal(ud_money_apply_rate(1000, UD_RATE_PERCENT(15) / 10), 15); /* 1.5% */
    assert_int_equal(ud_money_apply_rate(50, UD_RATE_PERCENT(1)), 0);          /* 0.5 -> 0 */
    assert_int_equal(ud_money_apply_rate(150, UD_RATE_PERCENT(1)), 2);         /* 1.5 -> 2 */
}

static void test_money_rates_and_currencies(void **state) {
    (void)state;
    ud_rate r;
    assert_int_equal(ud_rate_parse_percent("24", &r), UD_MONEY_OK);
    assert_int_equal(r, UD_RATE_PERCENT(24));
    assert_int_equal(ud_rate_parse_percent("0.000001", &r), UD_MONEY_OK);
    assert_int_equal(r, 1);
    assert_int_equal(ud_rate_parse_percent("0.0000001", &r), UD_MONEY_TOO_PRECISE);
    assert_int_equal(ud_currency_find("IDR")->minor_units, 0);
    assert_int_equal(ud_currency_find("USD")->minor_units, 2);
    assert_int_equal(ud_currency_find("XOF")->minor_units, 0);
    assert_null(ud_currency_find("ABC"));
    assert_null(ud_currency_find(NULL));
}

/* Texts from files other PCs wrote (team names, save titles, result files) are checked as
 * UTF-8 before they are shown or written into a report page declared UTF-8. */
static void test_utf8_checks_and_cleans_texts_from_files(void **state) {
    (void)state;
    assert_true(ud_utf8_valid("Ibu Sri · 2 000 000 é 日本", (size_t)-1));
    assert_false(ud_utf8_valid("Team \xff\xfe", (size_t)-1));
    assert_false(ud_utf8_valid("cut \xc3", (size_t)-1));     /* a character cut short */
    assert_false(ud_utf8_valid("\xc0\xaf", (size_t)-1));     /* an overlong '/' */
    assert_false(ud_utf8_valid("\xed\xa0\x80", (size_t)-1)); /* a surrogate */
    assert_true(ud_utf8_valid("ok \xff", 3));                /* only the first n bytes */
    char text[] = "Team \xff\xfe\xc3 caf\xc3\xa9";
    ud_utf8_clean(text);
    assert_string_equal(text, "Team ??? caf\xc3\xa9");
    /* a copy cut to fit never ends inside a character */
    char small[6];
    ud_utf8_copy(small, sizeof small, "caf\xc3\xa9s"); /* 5 bytes kept would split nothing */
    assert_string_equal(small, "caf\xc3\xa9");
    ud_utf8_copy(small, sizeof small, "cafe\xc3\xa9"); /* the \xc3 would be alone */
    assert_string_equal(small, "cafe");
    ud_utf8_copy(small, sizeof small, "caf\xe6\x97\xa5"); /* 3 bytes of 3: 6 > 5 */
    assert_string_equal(small, "caf");
    ud_utf8_copy(small, sizeof small, "ab");
    assert_string_equal(small, "ab");
    /* plain text for a terminal: escapes and bytes that are not UTF-8 gone */
    char shown[] = "a\x1b[2J\tb\nc\xff";
    ud_utf8_plain(shown, true, '?');
    assert_string_equal(shown, "a?[2J?b\nc?");
    char one_line[] = "Team\n\x01"
                      "A";
    ud_utf8_plain(one_line, false, ' ');
    assert_string_equal(one_line, "Team  A");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_parse_accepts_grouped_and_plain),
        cmocka_unit_test(test_money_parse_refuses_bad_text),
        cmocka_unit_test(test_money_parse_detects_overflow),
        cmocka_unit_test(test_money_format_groups_thousands),
        cmocka_unit_test(test_money_round_trips_exactly),
        cmocka_unit_test(test_money_checked_arithmetic),
        cmocka_unit_test(test_money_rounding_is_half_to_even),
        cmocka_unit_test(test_money_rates_and_currencies),
        cmocka_unit_test(test_utf8_checks_and_cleans_texts_from_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
