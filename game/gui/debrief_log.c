/* The decision log in words, with what each decision changed ("Group weekly: rate 24% ->
 * 22%"), and the debrief's page that shows all of it, a page at a time. */
#include "debrief_log.h"

#include "dialogs.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const method_text[] = {"flat", "declining balance",
                                          "declining balance, equal principal"};

/* The product `index` as it was just before decision `upto`. */
static ud_product product_before(ud_app *app, int index, int upto) {
    const ud_setup *setup = ud_sim_setup(ud_game_sim(app->game));
    ud_product p = setup->mfi.product[index];
    int n;
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = 0; i < upto && i < n; i++) {
        if (!d[i].is_answer && d[i].command.type == UD_CMD_SET_PRODUCT &&
            d[i].command.index == index) {
            char name[UD_NAME_LEN];
            memcpy(name, p.name, sizeof name);
            p = d[i].command.product;
            memcpy(p.name, name, sizeof name);
        }
    }
    return p;
}

static double share_before(ud_app *app, ud_command_type type, int upto) {
    const ud_setup *setup = ud_sim_setup(ud_game_sim(app->game));
    double v = type == UD_CMD_SET_FOLLOW_UP ? setup->mfi.follow_up
                                            : ud_rate_to_percent(setup->mfi.savings_rate);
    int n;
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = 0; i < upto && i < n; i++) {
        if (!d[i].is_answer && d[i].command.type == type) {
            v = type == UD_CMD_SET_FOLLOW_UP ? d[i].command.share
                                             : ud_rate_to_percent(d[i].command.rate);
        }
    }
    return v;
}

/* The credit policy in force before decision `upto`. */
static ud_credit_policy policy_before(ud_app *app, int upto) {
    ud_credit_policy pol = ud_sim_setup(ud_game_sim(app->game))->mfi.policy;
    int n;
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = 0; i < upto && i < n; i++) {
        if (!d[i].is_answer && d[i].command.type == UD_CMD_SET_POLICY) {
            pol = d[i].command.policy;
        }
    }
    return pol;
}

/* Appends one part of a change to out (used bytes so far), after "; " if another part
 * follows `start`: every field that moved in a run of clicks reads as one row. */
__attribute__((format(printf, 5, 6))) static void join_part(char *out, size_t size, size_t *used,
                                                            size_t start, const char *fmt, ...) {
    if (start < *used && *used < size) {
        *used += (size_t)snprintf(out + *used, size - *used, "; ");
    }
    if (*used < size) {
        va_list ap;
        va_start(ap, fmt);
        *used += (size_t)vsnprintf(out + *used, size - *used, fmt, ap);
        va_end(ap);
    }
}

/* What a policy change changed, in the loan desk's words ("First loan at most: 4,000,000 ->
 * 3,500,000"); false if nothing differs. */
static bool policy_change_text(ud_app *app, const ud_credit_policy *was,
                               const ud_credit_policy *now, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    char a[48], b[48];
    size_t used = 0;
    out[0] = '\0';
    if (was->first_loan_cap != now->first_loan_cap) {
        ud_money_text(app, was->first_loan_cap, a, sizeof a);
        ud_money_text(app, now->first_loan_cap, b, sizeof b);
        join_part(out, size, &used, 0, "%s: %s → %s", TR(ui, "First loan at most"), a, b);
    }
    if (was->repeat_step_up != now->repeat_step_up) {
        join_part(out, size, &used, 0, "%s: %.0f%% → %.0f%%",
                  TR(ui, "A repeat loan may exceed the last by"),
                  ud_rate_to_percent(was->repeat_step_up), ud_rate_to_percent(now->repeat_step_up));
    }
    if (was->loan_to_income_cap != now->loan_to_income_cap) {
        join_part(out, size, &used, 0, "%s: %.0f%% → %.0f%%",
                  TR(ui, "Loan at most, share of a year's income"),
                  ud_rate_to_percent(was->loan_to_income_cap),
                  ud_rate_to_percent(now->loan_to_income_cap));
    }
    if (was->max_past_arrears_days != now->max_past_arrears_days) {
        join_part(out, size, &used, 0, "%s: %d → %d",
                  TR(ui, "Refuse a client whose last loan was late more than"),
                  was->max_past_arrears_days, now->max_past_arrears_days);
    }
    /* the three rules switched on or off, in the loan desk's words */
    const struct {
        bool was, now;
        const char *name;
    } rules[] = {{was->women_only, now->women_only, TR(ui, "Women only")},
                 {was->groups_only, now->groups_only, TR(ui, "Groups only")},
                 {was->manual_review, now->manual_review, TR(ui, "Review every loan")}};
    for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
        if (rules[k].was != rules[k].now) {
            join_part(out, size, &used, 0, "%s: %s", rules[k].name,
                      rules[k].now ? TR(ui, "on") : TR(ui, "off"));
        }
    }
    return out[0] != '\0';
}

/* Whether two decisions are commands of one type taken in one month (not answers). */
static bool same_month_and_type(const ud_decision *a, const ud_decision *b) {
    return !a->is_answer && !b->is_answer && a->month == b->month &&
           a->command.type == b->command.type;
}

/* Whether two decisions change the same setting (a product's terms, the credit policy, the
 * follow-up share, the savings rate, one officer's pay) in the same month. */
static bool same_setting(const ud_decision *a, const ud_decision *b) {
    if (!same_month_and_type(a, b)) {
        return false;
    }
    switch (a->command.type) {
    case UD_CMD_SET_PRODUCT:
    case UD_CMD_SET_SALARY:
        return a->command.index == b->command.index;
    case UD_CMD_SET_POLICY:
    case UD_CMD_SET_FOLLOW_UP:
    case UD_CMD_SET_SAVINGS_RATE:
        return true;
    default:
        return false;
    }
}

int ud_decision_run_end(ud_app *app, int first) {
    int n;
    const ud_decision *all = ud_game_decisions(app->game, &n);
    int last = first;
    while (last + 1 < n && last >= 0 && same_setting(&all[first], &all[last + 1])) {
        last++;
    }
    return last;
}

void ud_decision_detail(ud_app *app, int i, char *out, size_t size) {
    ud_decision_span_detail(app, i, i, out, size);
}

void ud_decision_span_detail(ud_app *app, int first, int last, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    int n;
    const ud_decision *all = ud_game_decisions(app->game, &n);
    if (first < 0 || first >= n) {
        out[0] = '\0';
        return;
    }
    if (last < first || last >= n || !same_setting(&all[first], &all[last])) {
        last = first; /* only a run of changes to one setting reads as one */
    }
    const int i = first;
    const ud_decision *d = &all[last]; /* the setting as the run left it */
    ud_sim *sim = ud_game_sim(app->game);
    char money[64], name[64];
    if (d->is_answer) {
        int nq;
        const ud_question *q = ud_game_questions(app->game, &nq);
        if (d->question >= 1 && d->question <= nq && d->option >= 1 &&
            d->option <= q[d->question - 1].option_count) {
            snprintf(out, size, "%s: %s", TR(ui, "answered"),
                     ud_scenario_text(app, q[d->question - 1].options[d->option - 1]));
        } else {
            snprintf(out, size, "%s", TR(ui, "answered a question"));
        }
        return;
    }
    const ud_command *c = &d->command;
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    const char *product =
        c->index >= 0 && c->index < np ? ud_scenario_text(app, products[c->index].name) : "";
    switch (c->type) {
    case UD_CMD_SET_PRODUCT: {
        ud_product was = product_before(app, c->index, i);
        const ud_loan_terms *a = &was.terms, *b = &c->product.terms;
        /* every term that moved over the run, joined: a method change followed by a new rate
         * in the same month is two changes, and the list showed only the rate */
        size_t used = (size_t)snprintf(out, size, "%s: ", product);
        size_t start = used;
        if (a->method != b->method) {
            join_part(out, size, &used, start, "%s → %s", TR(ui, method_text[a->method % 3]),
                      TR(ui, method_text[b->method % 3]));
        }
        if (a->annual_rate != b->annual_rate) {
            join_part(out, size, &used, start, "%s %.1f%% → %.1f%%", TR(ui, "rate"),
                      ud_rate_to_percent(a->annual_rate), ud_rate_to_percent(b->annual_rate));
        }
        if (a->installments != b->installments) {
            join_part(out, size, &used, start, "%s %d → %d", TR(ui, "instalments"), a->installments,
                      b->installments);
        }
        if (used == start && used < size) {
            snprintf(out + used, size - used, "%s", TR(ui, "changed a product's terms"));
        }
        return;
    }
    case UD_CMD_OPEN_PRODUCT:
    case UD_CMD_CLOSE_PRODUCT:
        snprintf(out, size, "%s: %s", product,
                 c->type == UD_CMD_OPEN_PRODUCT ? TR(ui, "opened") : TR(ui, "closed"));
        return;
    case UD_CMD_SET_POLICY: {
        /* the field that moved, before and after: eight "changed the credit policy" in a row
         * told the trainee nothing */
        ud_credit_policy was = policy_before(app, i);
        char change[300];
        if (policy_change_text(app, &was, &c->policy, change, sizeof change)) {
            snprintf(out, size, "%s", change);
            return;
        }
        snprintf(out, size, "%s (%s%s%s)", TR(ui, "changed the credit policy"),
                 c->policy.women_only ? TR(ui, "women only; ") : "",
                 c->policy.groups_only ? TR(ui, "groups only; ") : "",
                 c->policy.manual_review ? TR(ui, "every loan reviewed")
                                         : TR(ui, "policy decides"));
        return;
    }
    case UD_CMD_APPROVE:
    case UD_CMD_REJECT:
    case UD_CMD_RESIZE:
        if (d->household >= 0) {
            ud_household_name(app, d->household, name, sizeof name);
        } else {
            snprintf(name, sizeof name, "#%d", c->index);
        }
        snprintf(out, size, "%s: %s",
                 c->type == UD_CMD_APPROVE  ? TR(ui, "approved application")
                 : c->type == UD_CMD_REJECT ? TR(ui, "rejected application")
                                            : TR(ui, "resized application"),
                 name);
        if (c->type == UD_CMD_RESIZE) {
            size_t used = strlen(out);
            ud_money_text(app, c->amount, money, sizeof money);
            snprintf(out + used, size - used, " → %s", money);
        }
        return;
    case UD_CMD_HIRE:
        ud_money_text(app, c->amount, money, sizeof money);
        snprintf(out, size, "%s %d (%s %s)", TR(ui, "hired officers:"), c->count, TR(ui, "salary"),
                 money);
        return;
    case UD_CMD_FIRE:
        snprintf(out, size, "%s %d", TR(ui, "dismissed officer"), c->index + 1);
        return;
    case UD_CMD_SET_SALARY:
        ud_money_text(app, c->amount, money, sizeof money);
        snprintf(out, size, "%s %d: %s %s", TR(ui, "pay of officer"), c->index + 1, money,
                 TR(ui, "a month"));
        return;
    case UD_CMD_TRAIN:
        if (c->index < 0) {
            snprintf(out, size, "%s", TR(ui, "trained every officer"));
        } else {
            snprintf(out, size, "%s %d", TR(ui, "trained officer"), c->index + 1);
        }
        return;
    case UD_CMD_AUDIT:
        snprintf(out, size, "%s", TR(ui, "ordered an audit"));
        return;
    case UD_CMD_ACCEPT_OFFER:
    case UD_CMD_DECLINE_OFFER: {
        int no;
        const ud_offer *o = ud_sim_offers(sim, &no);
        static const char *const kinds[] = {N_("a credit line"),      N_("an infrastructure grant"),
                                            N_("a training grant"),   N_("technical assistance"),
                                            N_("an operating grant"), N_("a mentoring grant")};
        _Static_assert(sizeof kinds / sizeof kinds[0] == UD_OFFER_KIND_COUNT, "a name per kind");
        const char *kind = c->index >= 0 && c->index < no && o[c->index].kind < UD_OFFER_KIND_COUNT
                               ? kinds[o[c->index].kind]
                               : "";
        ud_money_text(app, c->index >= 0 && c->index < no ? o[c->index].amount : 0, money,
                      sizeof money);
        snprintf(out, size, "%s %s (%s)",
                 c->type == UD_CMD_ACCEPT_OFFER ? TR(ui, "accepted") : TR(ui, "declined"),
                 TR(ui, kind), money);
        return;
    }
    case UD_CMD_BORROW:
    case UD_CMD_REPAY:
        ud_money_text(app, c->amount, money, sizeof money);
        snprintf(out, size, "%s %s",
                 c->type == UD_CMD_BORROW ? TR(ui, "borrowed") : TR(ui, "repaid a borrowing:"),
                 money);
        return;
    case UD_CMD_SET_SAVINGS_RATE:
        snprintf(out, size, "%s %.1f%% → %.1f%%", TR(ui, "savings rate"),
                 share_before(app, c->type, i), ud_rate_to_percent(c->rate));
        return;
    case UD_CMD_SET_FOLLOW_UP:
        snprintf(out, size, "%s %.0f%% → %.0f%%", TR(ui, "follow-up"),
                 100 * share_before(app, c->type, i), 100 * c->share);
        return;
    case UD_CMD_RESCHEDULE:
    case UD_CMD_WRITE_OFF:
        ud_household_name(app, c->index, name, sizeof name);
        snprintf(out, size, "%s: %s",
                 c->type == UD_CMD_RESCHEDULE ? TR(ui, "rescheduled a loan")
                                              : TR(ui, "wrote off a loan"),
                 name);
        return;
    case UD_CMD_TYPE_COUNT:
        break;
    }
    out[0] = '\0';
}

/* Actions of one kind taken one after another in a month (a bulk rescheduling, the loan
 * desk's approvals): one row of the log, not one a loan (66 rescheduled loans filled three
 * pages for a trainee). */
static bool same_action(const ud_decision *a, const ud_decision *b) {
    ud_command_type t = a->command.type;
    return same_month_and_type(a, b) &&
           (t == UD_CMD_RESCHEDULE || t == UD_CMD_WRITE_OFF || t == UD_CMD_APPROVE ||
            t == UD_CMD_REJECT || t == UD_CMD_RESIZE);
}

/* The last decision of the log's row that starts at `first`. */
static int row_end(ud_app *app, int first) {
    int n;
    const ud_decision *all = ud_game_decisions(app->game, &n);
    int last = ud_decision_run_end(app, first);
    if (last == first) {
        while (last + 1 < n && same_action(&all[first], &all[last + 1])) {
            last++;
        }
    }
    return last;
}

void ud_debrief_log_page(ud_app *app, SDL_Rect area) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    ud_game_decisions(app->game, &n);
    const int per_page = (area.h - 60) / 20;
    /* a row a decision, but a run of changes to one setting in a month is one row */
    int rows = 0;
    for (int i = 0; i < n; i = row_end(app, i) + 1) {
        rows++;
    }
    int pages = rows > 0 ? (rows + per_page - 1) / per_page : 1;
    if (app->debrief_log_opens_at >= 0) {
        /* opened for one decision (the month's summary had no room for it): its page */
        int row = 0;
        for (int i = 0; i < n; i = row_end(app, i) + 1, row++) {
            if (row_end(app, i) >= app->debrief_log_opens_at) {
                break;
            }
        }
        app->debrief_scroll = row / per_page;
        app->debrief_log_opens_at = -1;
    }
    if (app->debrief_scroll >= pages) {
        app->debrief_scroll = pages - 1;
    }
    if (app->debrief_scroll < 0) {
        app->debrief_scroll = 0;
    }
    char line[600];
    snprintf(line, sizeof line, "%s: %d · %s %d / %d", TR(ui, "Every decision"), rows,
             TR(ui, "page"), app->debrief_scroll + 1, pages);
    int heading_w = ud_ui_label(ui, line, area.x, area.y, UD_FONT_NORMAL, true, p->text);
    int y = area.y + 30;
    /* the decisions that mattered most, marked where they are in the list: the debrief
     * sends the trainee here when it has no room for them all (with many goals, none) */
    const ud_debrief *judged =
        ud_game_end_state(app->game) != UD_END_RUNNING ? ud_app_debrief(app) : NULL;
    if (judged != NULL && judged->top_count > 0) {
        /* what the marks mean (a trainee read an audit's ▼ as the debrief calling audits bad) */
        ud_ui_label(ui,
                    TR(ui, "▲ helped, ▼ hurt the figure judged in this game, each decision "
                           "replayed alone"),
                    area.x + heading_w + 24, area.y + 3, UD_FONT_SMALL, false, p->text_dim);
    }
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "None yet: the credit policy decided everything."), area.x, y,
                    UD_FONT_SMALL, false, p->text_dim);
    }
    int row = 0;
    for (int i = 0; i < n && row < (app->debrief_scroll + 1) * per_page; row++) {
        int last = row_end(app, i);
        if (row >= app->debrief_scroll * per_page) {
            int dn;
            const ud_decision *d = ud_game_decisions(app->game, &dn);
            char detail[400];
            ud_decision_span_detail(app, i, last, detail, sizeof detail);
            if (last > i && same_action(&d[i], &d[last])) {
                size_t used = strlen(detail);
                snprintf(detail + used, sizeof detail - used,
                         TRN(ui, last - i, " and %d more like it", " and %d more like it"),
                         last - i);
            }
            const ud_main_decision *top = NULL;
            for (int k = 0; judged != NULL && k < judged->top_count; k++) {
                top = judged->top[k].first >= i && judged->top[k].first <= last ? &judged->top[k]
                                                                                : top;
            }
            /* the month the decision was for, as the month's summary and the news number it
             * (a trainee read "After month 3" here and "End of month 4" there) */
            snprintf(line, sizeof line, "%s%s %d:  %s",
                     top == NULL ? "" : (top->effect > 0 ? "▲ " : "▼ "), TR(ui, "Month"),
                     d[i].month + 1, detail);
            ud_ui_label(ui, line, area.x + 10, y, UD_FONT_SMALL, top != NULL,
                        top == NULL ? p->text : (top->effect > 0 ? p->good : p->bad));
            y += 20;
        }
        i = last + 1;
    }
    int by = area.y + area.h - 34;
    /* each button only where it leads somewhere (a trainee clicked both on a 1 / 1 page) */
    if (((app->debrief_scroll > 0 &&
          ud_ui_button(ui, ud_rect(area.x + area.w - 220, by, 100, 30), TR(ui, "Previous"))) ||
         ui->key == SDLK_PAGEUP) &&
        app->debrief_scroll > 0) {
        app->debrief_scroll--;
    }
    if (((app->debrief_scroll + 1 < pages &&
          ud_ui_button(ui, ud_rect(area.x + area.w - 110, by, 100, 30), TR(ui, "Next"))) ||
         ui->key == SDLK_PAGEDOWN) &&
        app->debrief_scroll + 1 < pages) {
        app->debrief_scroll++;
    }
}
