/* The end-of-month dialog: what happened and why (new arrears by cause, with the borrowers
 * who fell behind), what changed, where the money went, and what the manager's own
 * decisions did, from the game's explanation of the month (ud/explain.h). */
#include "dialogs.h"
#include "ud/explain.h"
#include "ud/people.h"

#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* One indicator's move, green when it is good for the MFI or its clients, red when bad;
 * `neutral` when the direction alone would mislead (a write-off lowers PAR30). */
static void change(ud_app *app, int *y, int x, const char *name, double before, double after,
                   bool percent, bool higher_is_better, bool neutral) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    char line[200];
    if (percent) {
        snprintf(line, sizeof line, "%s: %.1f%% → %.1f%%", name, before * 100, after * 100);
    } else {
        snprintf(line, sizeof line, "%s: %.0f → %.0f", name, before, after);
    }
    /* coloured only when the figures as shown differ: "46.2% -> 46.2%" in red read as a fall
     * (cold trainee playtest) */
    double scale = percent ? 1000.0 : 1.0;
    long long shown_before = llround(before * scale), shown_after = llround(after * scale);
    SDL_Color c = p->text;
    if (shown_after != shown_before && !neutral) {
        c = ((shown_after > shown_before) == higher_is_better) ? p->good : p->bad;
    }
    ud_ui_label(ui, line, x, *y, UD_FONT_SMALL, false, c);
    *y += 19;
}

/* A sentence from a translated template and its values. */
static void say(ud_app *app, char *out, size_t size, const char *english, int argc, ...) {
    ud_story_line l;
    memset(&l, 0, sizeof l);
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc && i < UD_STORY_ARGS; i++) {
        snprintf(l.args[i], sizeof l.args[i], "%s", va_arg(ap, const char *));
    }
    va_end(ap);
    l.argc = argc < UD_STORY_ARGS ? argc : UD_STORY_ARGS;
    ud_story_fill(TR(&app->ui, english), &l, out, size);
}

/* Short enough for a name's button in the month's summary (a trainee saw the very causes
 * the modules teach cut short there). */
static const char *const cause_text[UD_MISS_CAUSE_COUNT] = {
    [UD_MISS_SHOCK] = N_("hit by a shock"),
    [UD_MISS_GROUP_COLLAPSE] = N_("in a group that broke up"),
    [UD_MISS_CAPTURED] = N_("loan taken over by a relative"),
    [UD_MISS_WAIVER_RUMOUR] = N_("waiting for a promised waiver"),
    [UD_MISS_OVERLOADED_OFFICER] = N_("officer has too many loans"),
    [UD_MISS_HARDSHIP] = N_("income fell well below the usual"),
    [UD_MISS_CHEAP_LOAN] = N_("took a loan this cheap for a handout"),
    [UD_MISS_UNWILLING] = N_("chose not to pay"),
};

static const char *const cost_text[UD_COST_LINE_COUNT] = {
    [UD_COST_SALARIES] = "salaries",
    [UD_COST_OFFICE] = "office",
    [UD_COST_CLIENT_VISITS] = "client visits",
    [UD_COST_HIRING] = "hiring",
    [UD_COST_TRAINING] = "training",
    [UD_COST_AUDIT] = "the audit",
    [UD_COST_DEPRECIATION] = "depreciation",
    [UD_COST_SAVINGS_SERVICE] = "serving savers",
    [UD_COST_SAVINGS_INTEREST] = "interest on savings",
    [UD_COST_BORROWING_INTEREST] = "interest on borrowings",
};

static const char *const method_text[] = {"flat", "declining balance",
                                          "declining balance, equal principal"};

/* Officers the audit of `month` dismissed for fraud (from the game's recorded past). */
static int audit_dismissals(ud_app *app, int month) {
    return ud_history_at(&app->history, month)->fraud;
}

/* One decision of `month`, in words. */
static void effect_text(ud_app *app, const ud_effect *e, int month, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    ud_sim *sim = ud_game_sim(app->game);
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    const char *product =
        e->index >= 0 && e->index < np ? ud_scenario_text(app, products[e->index].name) : "";
    char a[48], b[48], c[48], d[48];
    snprintf(c, sizeof c, "%.0f", e->measure_after);
    snprintf(d, sizeof d, "%.0f", e->measure_before);
    switch (e->kind) {
    case UD_EFFECT_RATE:
        snprintf(a, sizeof a, "%.1f%%", e->before);
        snprintf(b, sizeof b, "%.1f%%", e->after);
        /* the counts stand after a colon, so that no noun has to agree with them */
        say(app, out, size,
            N_("You changed the rate of the product “%s” from %s to %s. Applications to it: %s "
               "this month, %s last month."),
            5, product, a, b, c, d);
        break;
    case UD_EFFECT_METHOD:
        say(app, out, size,
            N_("You changed the product “%s” from %s to %s. Applications to it: %s this month, "
               "%s last month."),
            5, product, TR(ui, method_text[(int)e->before % 3]),
            TR(ui, method_text[(int)e->after % 3]), c, d);
        break;
    case UD_EFFECT_TERMS:
        say(app, out, size,
            N_("You changed the terms of the product “%s”. Applications to it: %s this month, "
               "%s last month."),
            3, product, c, d);
        break;
    case UD_EFFECT_OPENED:
        say(app, out, size, N_("You opened the product “%s”. Applications to it this month: %s."),
            2, product, c);
        break;
    case UD_EFFECT_CLOSED:
        say(app, out, size, N_("You closed the product “%s”."), 1, product);
        break;
    case UD_EFFECT_POLICY:
        say(app, out, size,
            N_("You changed the credit policy. Applications it refused: %s this month, %s last "
               "month."),
            2, c, d);
        break;
    case UD_EFFECT_DECIDED:
        snprintf(a, sizeof a, "%d", e->count);
        snprintf(b, sizeof b, "%lld", (long long)e->amount);
        snprintf(d, sizeof d, "%d", e->index);
        say(app, out, size,
            N_("Your answers at the loan desk: %s approved, %s resized, %s rejected. Loans "
               "disbursed this month: %s."),
            4, a, b, d, c);
        break;
    case UD_EFFECT_HIRED:
    case UD_EFFECT_FIRED:
        snprintf(a, sizeof a, "%d", e->count);
        if (e->kind == UD_EFFECT_HIRED && audit_dismissals(app, month) > 0) {
            /* the caseload also moved with the officers an audit dismissed: not the hire's */
            snprintf(b, sizeof b, "%d", audit_dismissals(app, month));
            say(app, out, size,
                "You hired %s officer(s), and the audit dismissed %s: borrowers per officer %s, "
                "was %s.",
                4, a, b, c, d);
        } else if (e->count == 1) {
            say(app, out, size,
                e->kind == UD_EFFECT_HIRED
                    ? "You hired an officer: borrowers per officer %s, was %s."
                    : "You dismissed an officer: borrowers per officer %s, was %s.",
                2, c, d);
        } else {
            say(app, out, size,
                e->kind == UD_EFFECT_HIRED
                    ? "You hired %s officers: borrowers per officer %s, was %s."
                    : "You dismissed %s officers: borrowers per officer %s, was %s.",
                3, a, c, d);
        }
        break;
    case UD_EFFECT_PAY:
        /* salaries are paid at the month's end: this month's bill already has the new pay */
        ud_money_text(app, (ud_money)e->measure_after, a, sizeof a);
        ud_money_text(app, (ud_money)e->measure_before, b, sizeof b);
        say(app, out, size,
            e->count == 1
                ? N_("You changed an officer's pay: salaries %s this month, %s last month.")
                : N_("You changed officers' pay: salaries %s this month, %s last month."),
            2, a, b);
        break;
    case UD_EFFECT_TRAINED:
        ud_money_text(app, e->amount, a, sizeof a);
        say(app, out, size, "You trained officers: a bill of %s this month.", 1, a);
        break;
    case UD_EFFECT_AUDIT:
        ud_money_text(app, e->amount, a, sizeof a);
        snprintf(b, sizeof b, "%d", e->count);
        say(app, out, size,
            e->count == 0   ? N_("Your audit cost %s and found no ghost loan.")
            : e->count == 1 ? N_("Your audit cost %s and found one ghost loan.")
                            : N_("Your audit cost %s and found %s ghost loans."),
            e->count > 1 ? 2 : 1, a, b);
        break;
    case UD_EFFECT_FOLLOW_UP:
        snprintf(a, sizeof a, "%.0f%%", e->before);
        snprintf(b, sizeof b, "%.0f%%", e->after);
        say(app, out, size,
            N_("You set follow-up from %s to %s. Borrowers who fell behind: %s this month, %s "
               "last month."),
            4, a, b, c, d);
        break;
    case UD_EFFECT_SAVINGS_RATE:
        snprintf(a, sizeof a, "%.1f%%", e->before);
        snprintf(b, sizeof b, "%.1f%%", e->after);
        ud_money_text(app, (ud_money)e->measure_after, c, sizeof c);
        ud_money_text(app, (ud_money)e->measure_before, d, sizeof d);
        say(app, out, size, "You set the savings rate from %s to %s: savings held %s, was %s.", 4,
            a, b, c, d);
        break;
    case UD_EFFECT_OFFER: {
        ud_money_text(app, e->amount, a, sizeof a);
        /* a grant in kind (roads, courses, mentors) is spent in the village: "an offer worth
         * IDR 30,000,000" read as money to the MFI beside the offer's "no money to the MFI" */
        int offers;
        const ud_offer *o = ud_sim_offers(sim, &offers);
        ud_offer_kind kind =
            e->index >= 0 && e->index < offers ? o[e->index].kind : UD_OFFER_GRANT_CASH;
        bool in_kind = kind == UD_OFFER_GRANT_INFRASTRUCTURE || kind == UD_OFFER_GRANT_TRAINING ||
                       kind == UD_OFFER_GRANT_MENTORING;
        say(app, out, size,
            in_kind ? (e->count ? "You accepted a grant worth %s, spent in the village (no money "
                                  "to the MFI)."
                                : "You declined a grant worth %s, to be spent in the village.")
                    : (e->count ? "You accepted an offer worth %s."
                                : "You declined an offer worth %s."),
            1, a);
        break;
    }
    case UD_EFFECT_BORROWED:
    case UD_EFFECT_REPAID:
        ud_money_text(app, e->amount, a, sizeof a);
        say(app, out, size,
            e->kind == UD_EFFECT_BORROWED ? "You borrowed %s." : "You repaid %s of borrowings.", 1,
            a);
        break;
    case UD_EFFECT_RESCHEDULED:
    case UD_EFFECT_WRITTEN_OFF:
        snprintf(a, sizeof a, "%d", e->count);
        if (e->count == 1) {
            say(app, out, size,
                e->kind == UD_EFFECT_RESCHEDULED ? "You rescheduled a loan."
                                                 : "You wrote off a loan.",
                0);
        } else {
            say(app, out, size,
                e->kind == UD_EFFECT_RESCHEDULED ? "You rescheduled %s loans."
                                                 : "You wrote off %s loans.",
                1, a);
        }
        break;
    case UD_EFFECT_KIND_COUNT:
        out[0] = '\0';
        break;
    }
}

/* Left column: arrears by cause, who fell behind (each opens their card), the news. */
static void why_column(ud_app *app, const ud_month_explanation *e, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    char line[600], a[48], b[48];
    snprintf(a, sizeof a, "%d", e->disbursed);
    snprintf(b, sizeof b, "%d", e->repaid);
    say(app, line, sizeof line, N_("Loans disbursed: %s; repaid in full: %s."), 2, a, b);
    ud_ui_label(ui, line, x, y, UD_FONT_SMALL, false, p->text);
    y += 22;
    snprintf(a, sizeof a, "%d", e->new_arrears);
    snprintf(line, sizeof line,
             TRN(ui, e->new_arrears,
                 "%d borrower fell behind this month:", "%d borrowers fell behind this month:"),
             e->new_arrears);
    ud_ui_label(ui, e->new_arrears > 0 ? line : TR(ui, "Nobody fell behind this month."), x, y,
                UD_FONT_SMALL, true, e->new_arrears > 0 ? p->bad : p->good);
    y += 20;
    for (int c = 0; c < UD_MISS_CAUSE_COUNT; c++) {
        if (e->new_arrears_by_cause[c] > 0) {
            snprintf(line, sizeof line, "%d: %s", e->new_arrears_by_cause[c],
                     TR(ui, cause_text[c]));
            ud_ui_label(ui, line, x + 12, y, UD_FONT_SMALL, false, p->text);
            y += 18;
        }
    }
    if (e->groups_covered > 0) {
        snprintf(line, sizeof line,
                 TRN(ui, e->groups_covered, "Groups paid for a member %d time.",
                     "Groups paid for a member %d times."),
                 e->groups_covered);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 2;
    }
    if (e->groups_collapsed > 0) {
        snprintf(line, sizeof line,
                 TRN(ui, e->groups_collapsed, "%d group broke up.", "%d groups broke up."),
                 e->groups_collapsed);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->bad) + 2;
    }
    if (e->officers_quit > 0) {
        /* the staff panel shows the recruit; say why the officer's training is gone */
        snprintf(line, sizeof line,
                 TRN(ui, e->officers_quit,
                     "%d officer left for another job (officers leave now and then, more often "
                     "when paid below the market wage); an untrained recruit took over the "
                     "caseload, and its clients miss more payments until the recruit knows them.",
                     "%d officers left for other jobs (officers leave now and then, more often "
                     "when paid below the market wage); untrained recruits took over their "
                     "caseloads, and their clients miss more payments until the recruits know "
                     "them."),
                 e->officers_quit);
        /* who: the Staff tab lists the recruit under the same number */
        char numbers[80] = "";
        int listed =
            e->officers_quit < UD_EXPLAIN_QUITS_NAMED ? e->officers_quit : UD_EXPLAIN_QUITS_NAMED;
        for (int i = 0; i < listed; i++) {
            size_t used = strlen(numbers);
            /* named as the Staff tab names them ("Officer 3"): "Officers who left: 3" read
             * as a count beside the Staff tab's "1 in 12 months" */
            snprintf(numbers + used, sizeof numbers - used, "%s%s %d", i ? ", " : "",
                     TR(ui, "Officer"), e->quit_officer[i] + 1);
        }
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, " ");
        len = strlen(line);
        snprintf(line + len, sizeof line - len,
                 TRN(ui, e->officers_quit, "Who left: %s.", "Who left: %s."), numbers);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->bad) + 2;
    }
    char audit[400];
    if (ud_month_audit_text(app, e->month, audit, sizeof audit)) {
        y += ud_ui_paragraph(ui, audit, x, y, w, UD_FONT_SMALL,
                             e->ghost_loans_found > 0 ? p->bad : p->text) +
             2;
    }
    if (e->written_off > 0) {
        ud_money_text(app, e->written_off_amount, b, sizeof b);
        snprintf(a, sizeof a, "%d", e->written_off);
        say(app, line, sizeof line,
            e->written_off == 1 ? "%s loan written off (%s)." : "%s loans written off (%s).", 2, a,
            b);
        /* the manager's own write-offs of the month (taken before it was played) are said to
         * be the manager's; the others are the rule's: say which rule, with its days */
        int nd, mine = 0;
        const ud_decision *dec = ud_game_decisions(app->game, &nd);
        for (int i = 0; i < nd; i++) {
            mine += !dec[i].is_answer && dec[i].command.type == UD_CMD_WRITE_OFF &&
                    dec[i].month == e->month - 1;
        }
        size_t len = strlen(line);
        line[len++] = ' ';
        if (mine >= e->written_off) {
            snprintf(line + len, sizeof line - len, "%s",
                     TR(ui, "You wrote them off; officers may still recover part of them."));
        } else {
            if (mine > 0) {
                len += (size_t)snprintf(
                    line + len, sizeof line - len,
                    TRN(ui, mine, "You wrote off %d of them. ", "You wrote off %d of them. "),
                    mine);
            }
            snprintf(line + len, sizeof line - len,
                     TR(ui, "A loan is written off by itself once it is more than %d days late; "
                            "officers may still recover part of it."),
                     ud_sim_setup(ud_game_sim(app->game))->mfi.provisioning.writeoff_days);
        }
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 2;
        /* whose loans, in one line: a trainee could not tell which late borrowers had gone */
        if (e->written_off_listed > 0) {
            char names[600] = "";
            size_t used = 0;
            int named = e->written_off_listed < 3 ? e->written_off_listed : 3;
            for (int i = 0; i < named && used < sizeof names; i++) {
                char name[160];
                ud_household_name_where(app, e->written_off_household[i], name, sizeof name);
                used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
                                         i > 0 ? "; " : "", name);
            }
            if (e->written_off > named && used < sizeof names) {
                snprintf(names + used, sizeof names - used, " (+%d)", e->written_off - named);
            }
            y += ud_ui_paragraph(ui, names, x + 12, y, w - 12, UD_FONT_SMALL, p->text_dim) + 2;
        }
    }
    if (e->left_undecided > 0) {
        /* "Review every loan" refuses what nobody decided: the desk's answers do not count them */
        snprintf(line, sizeof line,
                 TRN(ui, e->left_undecided,
                     "%d application left undecided was refused when the month ended.",
                     "%d applications left undecided were refused when the month ended."),
                 e->left_undecided);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->bad) + 2;
    }
    /* who fell behind: each name opens the card */
    int shown = e->fell_behind_count < 6 ? e->fell_behind_count : 6;
    if (shown > 0) {
        y += 4;
        ud_ui_label(ui, TR(ui, "Who fell behind (open their card):"), x, y, UD_FONT_SMALL, true,
                    p->text);
        y += 20;
    }
    /* one size for all the names (a trainee saw each button shrink its own label), and a name
     * with a long cause cut to the button, the whole line under the mouse */
    bool small = ui->small_buttons;
    ui->small_buttons = true;
    for (int i = 0; i < shown; i++) {
        char name[160], cut[sizeof line];
        ud_household_name_where(app, e->fell_behind[i], name, sizeof name);
        snprintf(line, sizeof line, "%s · %s", name, TR(ui, cause_text[e->fell_behind_cause[i]]));
        bool shortened = ud_ui_one_line(ui, line, UD_FONT_SMALL, w - 12, cut, sizeof cut);
        SDL_Rect r = ud_rect(x, y, w, 22);
        if (ud_ui_button(ui, r, cut)) {
            app->selected_household = e->fell_behind[i];
            app->dialog = DIALOG_HOUSEHOLD;
            app->card_return = DIALOG_MONTH_END; /* closing the card comes back here */
        }
        if (shortened) {
            ud_ui_hint(ui, r, line);
        }
        y += 25;
    }
    ui->small_buttons = small;
    if (e->fell_behind_count > shown) {
        int more = e->new_arrears - shown;
        snprintf(line, sizeof line,
                 TRN(ui, more, "and %d more: it shows in orange on the map.",
                     "and %d more: they show in orange on the map."),
                 more);
        ud_ui_label(ui, line, x, y, UD_FONT_SMALL, false, p->text_dim);
        y += 20;
    }
    int n, m = e->month;
    const ud_news *news = ud_game_news(app->game, &n);
    for (int i = 0; i < n && y < 600; i++) {
        if (news[i].month == m) {
            char text[UD_TEXT_LEN];
            ud_game_news_text(app->game, &news[i], text, sizeof text);
            /* in the text's colour: news is good or bad (a drought, a grant), and the accent
             * read as good news beside the green of the figures that improved */
            y += ud_ui_paragraph(ui, text, x, y, w, UD_FONT_SMALL, p->text) + 4;
        }
    }
}

/* Right column: what changed, where the money went, what your decisions did. */
static void changed_column(ud_app *app, const ud_month_explanation *e, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    const ud_indicators *d = ud_sim_indicators(sim, e->month);
    const ud_indicators *b = &app->before;
    /* loans written off leave the portfolio: PAR30 falls, and that is a loss, not a cure. Said
     * only when the write-offs are most of the fall (late borrowers who paid up are a cure)
     * and the fall shows at one decimal. */
    double drop = (double)(b->par30_amount - d->par30_amount);
    /* as the lines show them, at one decimal: "0.2% -> 0.2%" must not read "PAR30 fell" */
    bool fell = llround(d->par30 * 1000) < llround(b->par30 * 1000);
    bool rose = llround(d->par30 * 1000) > llround(b->par30 * 1000);
    bool written_off =
        e->written_off > 0 && fell && drop > 0 && (double)e->written_off_amount >= 0.5 * drop;
    change(app, &y, x, TR(ui, "Active clients"), b->active_borrowers, d->active_borrowers, false,
           true, false);
    change(app, &y, x, TR(ui, "PAR30"), b->par30, d->par30, true, false, written_off);
    char oss[160], window[120];
    ud_window_text(app, window, sizeof window);
    snprintf(oss, sizeof oss, "%s %s", TR(ui, "OSS"), window);
    /* no colour in the first months, as the top bar gives no verdict before month 3: an
     * opening's provisions released in month 1 read "0% -> 463%" in green to a trainee */
    change(app, &y, x, oss, b->oss, d->oss, true, true, d->month < 3);
    change(app, &y, x, TR(ui, "Women"), b->women_share, d->women_share, true, true, false);
    change(app, &y, x, TR(ui, "Households in poverty"), b->households_in_poverty,
           d->households_in_poverty, false, false, false);
    /* what the distress goals and the client score judge: poor, over-indebted or in default */
    change(app, &y, x, TR(ui, "Households in distress"), b->households_in_distress,
           d->households_in_distress, false, false, false);
    if (written_off) {
        y += ud_ui_paragraph(ui,
                             TR(ui, "PAR30 fell because late loans were written off, not repaid: "
                                    "a loss, not good news."),
                             x, y, w, UD_FONT_SMALL, p->bad) +
             2;
    } else if (fell && drop > 0 &&
               (double)(b->par30_renegotiated - d->par30_renegotiated) >= 0.5 * drop) {
        /* rescheduled loans paid on time for three months leave PAR30: not arrears paid up */
        y += ud_ui_paragraph(ui,
                             TR(ui, "PAR30 fell: rescheduled loans, paid on time for three months "
                                    "under their new schedules, left it (they stay in the "
                                    "rescheduled ratio)."),
                             x, y, w, UD_FONT_SMALL, p->good) +
             2;
    } else if (fell && drop > 0) {
        /* the other way PAR30 falls: late borrowers paid up */
        y += ud_ui_paragraph(ui, TR(ui, "PAR30 fell: late borrowers paid up their arrears."), x, y,
                             w, UD_FONT_SMALL, p->good) +
             2;
    } else if (rose && e->new_arrears == 0) {
        /* nobody fell behind, yet PAR30 rose: say why, or it reads as a contradiction */
        y += ud_ui_paragraph(ui,
                             TR(ui, "PAR30 rose although nobody new fell behind: loans already "
                                    "late passed 30 days."),
                             x, y, w, UD_FONT_SMALL, p->bad) +
             2;
    }
    char line[600], a[48], c[48];
    ud_money_text(app, d->net_result, a, sizeof a);
    snprintf(line, sizeof line, "%s: %s", TR(ui, "Result of the month"), a);
    ud_ui_label(ui, line, x, y + 4, UD_FONT_NORMAL, true, d->net_result >= 0 ? p->good : p->bad);
    y += 28;
    /* money by line: revenue, then the cost that rose most */
    ud_money_text(app, e->statement.interest_income + e->statement.fee_income, a, sizeof a);
    ud_money_text(app, e->statement.investment_income, c, sizeof c);
    say(app, line, sizeof line, "Revenue: %s from loans, %s interest on idle cash.", 2, a, c);
    y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 2;
    ud_money_text(app, e->statement.operating_expense, a, sizeof a);
    ud_money finance = e->statement.financial_expense + e->statement.net_provision_expense;
    if (finance >= 0) {
        ud_money_text(app, finance, c, sizeof c);
        say(app, line, sizeof line, "Costs: %s to run the unit, %s interest and provisions.", 2, a,
            c);
    } else {
        /* provisions released (loans repaid that were provided for) beyond the interest paid:
         * a gain, said as one, not as a cost with a minus sign */
        ud_money_text(app, -finance, c, sizeof c);
        say(app, line, sizeof line,
            "Costs: %s to run the unit; provisions released, less interest paid, added %s.", 2, a,
            c);
    }
    y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 2;
    /* cash is not the result: when they move apart, say what else moved it (clients' savings
     * and the unit's own borrowing come in as cash without being income) */
    ud_money cash_change = d->cash - b->cash;
    if (cash_change != d->net_result) {
        char s[48], br[48], dep[48];
        ud_money_text(app, cash_change, a, sizeof a);
        ud_money_text(app, d->deposits - b->deposits, s, sizeof s);
        ud_money_text(app, d->borrowings - b->borrowings, br, sizeof br);
        ud_money_text(app, e->cost_line[UD_COST_DEPRECIATION], dep, sizeof dep);
        say(app, line, sizeof line,
            N_("Cash changed by %s, not by the result: clients' savings changed by %s, the unit's "
               "borrowing by %s, and depreciation (%s) is a cost paid with no cash; loans lent "
               "out and repaid move cash too."),
            4, a, s, br, dep);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text_dim) + 2;
    }
    int rise = e->month > 1 ? ud_explain_biggest_cost_rise(e) : -1;
    /* a rise worth naming: a twentieth of the month's running costs at least */
    if (rise >= 0 &&
        (e->cost_line[rise] - e->cost_line_before[rise]) * 20 < e->statement.operating_expense) {
        rise = -1;
    }
    if (rise >= 0) {
        ud_money_text(app, e->cost_line[rise], a, sizeof a);
        ud_money_text(app, e->cost_line_before[rise], c, sizeof c);
        say(app, line, sizeof line, "The cost that rose most: %s, %s this month (%s last month).",
            3, TR(ui, cost_text[rise]), a, c);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text_dim) + 2;
    }
    if (e->par30_after > e->par30_before + 0.01) {
        y += ud_ui_paragraph(ui,
                             TR(ui, "Arrears rose: more borrowers could not or would not pay. "
                                    "Look at who fell behind and follow them up."),
                             x, y, w, UD_FONT_SMALL, p->text_dim) +
             2;
    }
    if (d->oss < 1.0 && d->month > 3) {
        /* "even if this month made a profit" only when it did */
        const char *why =
            d->net_result > 0
                ? TR(ui, "Over the last 12 months (or the months so far) revenue does not cover "
                         "costs (OSS below 100%), even if this month made a profit: prices, "
                         "caseloads or losses need attention.")
                : TR(ui, "Over the last 12 months (or the months so far) revenue does not cover "
                         "costs (OSS below 100%): prices, caseloads or losses need attention.");
        y += ud_ui_paragraph(ui, why, x, y, w, UD_FONT_SMALL, p->text_dim) + 2;
    }
    y += 8;
    ud_ui_label(ui, TR(ui, "Your decisions"), x, y, UD_FONT_NORMAL, true, p->text);
    y += 22;
    /* the questions answered as this month opened are decisions too (taken when the month
     * before had been played) */
    int nd, nq, answers = 0;
    const ud_decision *dec = ud_game_decisions(app->game, &nd);
    const ud_question *q = ud_game_questions(app->game, &nq);
    for (int i = 0; i < nd && y < 590; i++) {
        if (!dec[i].is_answer || dec[i].month != e->month - 1 || dec[i].question < 1 ||
            dec[i].question > nq || dec[i].option < 1 ||
            dec[i].option > q[dec[i].question - 1].option_count) {
            continue;
        }
        snprintf(line, sizeof line, "%s: %s", TR(ui, "Answered"),
                 ud_scenario_text(app, q[dec[i].question - 1].options[dec[i].option - 1]));
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 4;
        answers++;
    }
    if (e->effect_count == 0 && answers == 0) {
        /* a trainee read "None before this month" as "you never decided anything" */
        ud_ui_paragraph(ui,
                        TR(ui, "No decisions this month: the loan desk followed your credit "
                               "policy."),
                        x, y, w, UD_FONT_SMALL, p->text_dim);
    }
    int shown = 0;
    for (; shown < e->effect_count && y < 570; shown++) {
        effect_text(app, &e->effects[shown], e->month, line, sizeof line);
        y += ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, p->text) + 4;
    }
    if (shown < e->effect_count) {
        /* the column is full: say where the rest is (a trainee counted 5 of 7 decisions here
         * and thought two were lost) */
        /* and lead there: the page is otherwise behind the Menu (a trainee looked for it) */
        const char *more = TR(ui, "More on the Every decision page.");
        int tw, th;
        ud_text_measure(ui->text, more, UD_FONT_SMALL, false, 0, &tw, &th);
        bool small = ui->small_buttons;
        ui->small_buttons = true;
        if (ud_ui_button(ui, ud_rect(x, y, tw + 24 < w ? tw + 24 : w, th + 10), more)) {
            app->dialog = DIALOG_NONE;
            app->back_to = SCREEN_PLAY;
            app->screen = SCREEN_DEBRIEF;
            app->debrief_page = 1;
            /* at this month's first decision (taken with the months before it played) */
            int n;
            const ud_decision *d = ud_game_decisions(app->game, &n);
            int first = n - 1;
            while (first > 0 && d[first - 1].month >= e->month - 1) {
                first--;
            }
            app->debrief_log_opens_at = first;
        }
        ui->small_buttons = small;
    }
}

void ud_dialog_month_end(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int m = ud_sim_month(sim);
    SDL_Rect r = ud_dialog_box(app, 1040, 660);
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(ui, "End of month"), m);
    ud_ui_label(ui, title, r.x + 24, r.y + 14, UD_FONT_LARGE, true, p->text);
    int x = r.x + 24, y = r.y + 52;
    /* Continue is described first so that it has the focus: Enter goes on, as before */
    ud_game_end end = ud_game_end_state(app->game);
    const char *next = end == UD_END_RUNNING ? TR(ui, "Continue") : TR(ui, "See the debrief");
    bool go_on = ud_ui_button(ui, ud_rect(r.x + r.w - 240, r.y + r.h - 50, 216, 38), next);
    const ud_month_explanation *e = ud_game_explanation(app->game, m);
    ud_ui_label(ui, TR(ui, "What happened, and why"), x, y, UD_FONT_NORMAL, true, p->text);
    ud_ui_label(ui, TR(ui, "What changed"), r.x + 520, y, UD_FONT_NORMAL, true, p->text);
    if (e != NULL && ud_sim_indicators(sim, m) != NULL) {
        why_column(app, e, x, y + 26, 470);
        changed_column(app, e, r.x + 520, y + 26, 496);
    }
    if (app->autosave_error[0] != '\0') {
        char line[1200];
        snprintf(line, sizeof line, "%s: %s", TR(ui, "The autosave failed"), app->autosave_error);
        ud_ui_paragraph(ui, line, x, r.y + r.h - 96, r.w - 300, UD_FONT_SMALL, p->bad);
    }
    if (end == UD_END_INSOLVENT) {
        ud_ui_label(ui, TR(ui, "The MFI is insolvent: it cannot pay what it owes."), x,
                    r.y + r.h - 44, UD_FONT_NORMAL, true, p->bad);
    } else if (end == UD_END_HALTED) {
        ud_ui_label(ui,
                    TR(ui, "The game was stopped: a script took too long (its author sees where "
                           "with unitdesa check)."),
                    x, r.y + r.h - 44, UD_FONT_NORMAL, true, p->bad);
    }
    if (app->dialog != DIALOG_MONTH_END) {
        return; /* a borrower's card was opened */
    }
    /* Space closes it too: a trainee who plays month after month with Space expects it to go
     * on, and the next Space plays the next month (never both at once) */
    SDL_Keycode key = ud_ui_take_key(ui);
    if (go_on || key == SDLK_ESCAPE || key == SDLK_SPACE) {
        app->dialog = DIALOG_NONE;
        if (end != UD_END_RUNNING) {
            app->screen = SCREEN_DEBRIEF;
            app->debrief_page = 0; /* the summary first, whichever page "the game so far" was on */
        } else {
            int nq;
            const ud_question *q = ud_game_questions(app->game, &nq);
            for (int i = 0; i < nq; i++) {
                if (q[i].answer == 0) {
                    app->pending_question = q[i].id;
                    app->dialog = DIALOG_QUESTION;
                }
            }
        }
    }
}
