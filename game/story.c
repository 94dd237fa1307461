/* The story of a run, month by month, as a trainer reads it (`unitdesa run --story`). */
#include "story.h"

#include <stdarg.h>
#include <string.h>

#define TR(s) ud_tr(story->tr, s)

void ud_story_init(ud_story *story, FILE *out, ud_i18n *tr) {
    memset(story, 0, sizeof *story);
    story->out = out;
    story->tr = tr;
    for (int i = 0; i < UD_MAX_GOALS; i++) {
        story->goal_state[i] = -1;
    }
}

bool ud_decision_is_desk(const ud_decision *d) {
    return !d->is_answer && (d->command.type == UD_CMD_APPROVE ||
                             d->command.type == UD_CMD_REJECT || d->command.type == UD_CMD_RESIZE);
}

/* An amount as the game's screens write it (put() localises the rest of the line). */
static void money(ud_game *g, const ud_i18n *tr, ud_money amount, char *out, size_t size) {
    const ud_scenario_info *in = ud_game_info(g);
    ud_i18n_money(tr != NULL ? tr->language : "en", amount, in->minor_units, in->currency, out,
                  size);
}

static const char *product_name(ud_game *g, int index) {
    int n;
    const ud_product *p = ud_sim_products(ud_game_sim(g), &n);
    return index >= 0 && index < n ? ud_game_text(g, p[index].name) : "?";
}

static const char *offer_kind(ud_i18n *tr, ud_offer_kind kind) {
    static const char *const names[] = {"credit line",    "infrastructure grant",
                                        "training grant", "technical assistance grant",
                                        "cash grant",     "mentoring grant"};
    _Static_assert(sizeof names / sizeof names[0] == UD_OFFER_KIND_COUNT, "a name per kind");
    return kind < UD_OFFER_KIND_COUNT ? ud_tr(tr, names[kind]) : "?";
}

const char *ud_method_words(ud_i18n *tr, ud_interest_method m) {
    switch (m) {
    case UD_METHOD_FLAT:
        return ud_tr(tr, "flat (interest on the first amount)");
    case UD_METHOD_DECLINING_ANNUITY:
        return ud_tr(tr, "declining balance, equal payments");
    case UD_METHOD_DECLINING_EQUAL_PRINCIPAL:
        return ud_tr(tr, "declining balance, equal principal");
    case UD_METHOD_COUNT:
        break;
    }
    return "?";
}

const char *ud_frequency_words(ud_i18n *tr, ud_frequency f) {
    switch (f) {
    case UD_FREQ_WEEKLY:
        return ud_tr(tr, "weekly");
    case UD_FREQ_FORTNIGHTLY:
        return ud_tr(tr, "every two weeks");
    case UD_FREQ_MONTHLY:
        return ud_tr(tr, "monthly");
    case UD_FREQ_COUNT:
        break;
    }
    return "";
}

void ud_decision_describe(ud_game *g, ud_i18n *tr, const ud_decision *d, char *out, size_t size) {
    char a[64];
    const ud_command *c = &d->command;
    if (d->is_answer) {
        int n;
        const ud_question *q = ud_game_questions(g, &n);
        if (d->question >= 1 && d->question <= n) {
            const ud_question *qq = &q[d->question - 1];
            snprintf(out, size, ud_tr(tr, "answered question %d (\"%s\"): %d) %s"), d->question,
                     ud_game_text(g, qq->text), d->option,
                     ud_game_text(g, qq->options[d->option - 1]));
        } else {
            snprintf(out, size, "%s", ud_tr(tr, "answered a question"));
        }
        return;
    }
    switch (c->type) {
    case UD_CMD_SET_PRODUCT: {
        /* the method too: flat against declining balance is what the modules teach; and the
         * rhythm, the grace and the fee, which a trainer checks a strategy's changes by */
        const ud_loan_terms *t = &c->product.terms;
        int n = snprintf(out, size, ud_tr(tr, "changed %s: %s, %.2f%% a year, %d instalments"),
                         product_name(g, c->index), ud_method_words(tr, t->method),
                         ud_rate_to_percent(t->annual_rate), t->installments);
        const char *rhythm = ud_frequency_words(tr, (ud_frequency)t->frequency);
        n += n >= 0 && (size_t)n < size ? snprintf(out + n, size - (size_t)n, " %s", rhythm) : 0;
        if (t->grace > 0 && n >= 0 && (size_t)n < size) {
            n += snprintf(out + n, size - (size_t)n, ud_tr(tr, ", the first %d interest only"),
                          t->grace);
        }
        if (t->fee_kind == UD_FEE_PERCENT && t->fee_rate > 0 && n >= 0 && (size_t)n < size) {
            snprintf(out + n, size - (size_t)n, ud_tr(tr, ", fee %.2f%%"),
                     ud_rate_to_percent(t->fee_rate));
        }
        return;
    }
    case UD_CMD_OPEN_PRODUCT:
        snprintf(out, size, ud_tr(tr, "opened %s"), product_name(g, c->index));
        return;
    case UD_CMD_CLOSE_PRODUCT:
        snprintf(out, size, ud_tr(tr, "closed %s"), product_name(g, c->index));
        return;
    case UD_CMD_SET_POLICY:
        snprintf(out, size, "%s", ud_tr(tr, "changed the credit policy"));
        return;
    case UD_CMD_APPROVE:
        snprintf(out, size, "%s", ud_tr(tr, "approved an application"));
        return;
    case UD_CMD_RESIZE:
        snprintf(out, size, "%s", ud_tr(tr, "resized an application"));
        return;
    case UD_CMD_REJECT:
        snprintf(out, size, "%s", ud_tr(tr, "rejected an application"));
        return;
    case UD_CMD_HIRE:
        money(g, tr, c->amount, a, sizeof a);
        snprintf(out, size, ud_tr(tr, "hired %d officer(s) at %s a month"), c->count, a);
        return;
    case UD_CMD_FIRE:
        snprintf(out, size, ud_tr(tr, "dismissed officer %d"), c->index + 1);
        return;
    case UD_CMD_SET_SALARY:
        money(g, tr, c->amount, a, sizeof a);
        snprintf(out, size, ud_tr(tr, "set officer %d's pay to %s a month"), c->index + 1, a);
        return;
    case UD_CMD_TRAIN:
        if (c->index < 0) {
            snprintf(out, size, "%s", ud_tr(tr, "trained all officers"));
        } else {
            snprintf(out, size, ud_tr(tr, "trained officer %d"), c->index + 1);
        }
        return;
    case UD_CMD_AUDIT:
        snprintf(out, size, "%s", ud_tr(tr, "ordered an audit"));
        return;
    case UD_CMD_ACCEPT_OFFER:
    case UD_CMD_DECLINE_OFFER: {
        int n;
        const ud_offer *o = ud_sim_offers(ud_game_sim(g), &n);
        const char *kind = c->index >= 0 && c->index < n ? offer_kind(tr, o[c->index].kind) : "?";
        snprintf(out, size,
                 ud_tr(tr, c->type == UD_CMD_ACCEPT_OFFER ? "accepted offer %d (%s)"
                                                          : "declined offer %d (%s)"),
                 c->index + 1, kind);
        return;
    }
    case UD_CMD_BORROW:
        money(g, tr, c->amount, a, sizeof a);
        snprintf(out, size, ud_tr(tr, "borrowed %s for %d months"), a, c->count);
        return;
    case UD_CMD_REPAY:
        money(g, tr, c->amount, a, sizeof a);
        snprintf(out, size, ud_tr(tr, "repaid %s of borrowing %d"), a, c->index + 1);
        return;
    case UD_CMD_SET_SAVINGS_RATE:
        snprintf(out, size, ud_tr(tr, "set the savings rate to %.2f%%"),
                 ud_rate_to_percent(c->rate));
        return;
    case UD_CMD_SET_FOLLOW_UP:
        snprintf(out, size, ud_tr(tr, "set arrears follow-up to %.0f%% of officer time"),
                 100 * c->share);
        return;
    case UD_CMD_RESCHEDULE:
        if (c->level > 0) {
            snprintf(out, size,
                     ud_tr(tr, "rescheduled household %d's loan over %d instalments, the first %d "
                               "interest only"),
                     c->index + 1, c->count, c->level);
        } else {
            snprintf(out, size, ud_tr(tr, "rescheduled household %d's loan over %d instalments"),
                     c->index + 1, c->count);
        }
        return;
    case UD_CMD_WRITE_OFF:
        snprintf(out, size, ud_tr(tr, "wrote off household %d's loan"), c->index + 1);
        return;
    case UD_CMD_TYPE_COUNT:
        break;
    }
    snprintf(out, size, "%s", ud_command_name(c->type));
}

/* Writes to the story, with its numbers as the story's language writes them (12,5 % in
 * French). */
static void put(ud_story *story, const char *format, ...) {
    char text[2048], localised[2600];
    va_list ap;
    va_start(ap, format);
    vsnprintf(text, sizeof text, format, ap);
    va_end(ap);
    fputs(ud_i18n_localise(story->tr, text, localised, sizeof localised), story->out);
}

/* One indented line of the story from a translated template. */
static void line(ud_story *story, const char *format, ...) {
    char text[2048];
    va_list ap;
    va_start(ap, format);
    vsnprintf(text, sizeof text, format, ap);
    va_end(ap);
    put(story, "  %s\n", text);
}

static const char *shock_kind(ud_story *story, int kind) {
    static const char *const names[] = {
        "business incomes fall (drought, flood, price crash)",
        "illness: incomes fall and spending rises", "spending rises (festival, ceremony)",
        "prices rise for everyone (inflation)", "a rival lender arrives"};
    return kind >= 0 && kind < UD_SHOCK_COUNT ? TR(names[kind]) : "?";
}

/* Where a shock strikes and how hard: the hamlets, the trades, the share hit, its severity and
 * length, so that a trainer can check a scenario's shocks in the story. */
static void shock_scope(ud_story *story, const ud_sim *sim, int index) {
    const ud_shock *k = ud_sim_shock(sim, index);
    if (k == NULL) {
        return;
    }
    const ud_setup *setup = ud_sim_setup(sim);
    put(story, " - ");
    if (k->hamlet_mask == 0) {
        put(story, "%s", TR("every hamlet"));
    }
    for (int h = 0, n = 0; k->hamlet_mask != 0 && h < setup->village.hamlets; h++) {
        if ((k->hamlet_mask >> h) & 1u) {
            put(story, "%s%s", n++ > 0 ? ", " : "", setup->village.hamlet_names[h]);
        }
    }
    put(story, "; ");
    if (k->business_mask == 0) {
        put(story, "%s", TR("every trade"));
    }
    for (int b = 0, n = 0; k->business_mask != 0 && b < UD_BIZ_COUNT; b++) {
        if ((k->business_mask >> b) & 1u) {
            put(story, "%s%s", n++ > 0 ? ", " : "", TR(ud_business_name((ud_business)b)));
        }
    }
    put(story, TR("; %.0f%% of them hit, severity %.0f%%, for %d months"), k->share * 100,
        k->severity * 100, k->months);
}

static void events(ud_story *story, ud_game *g) {
    ud_sim *sim = ud_game_sim(g);
    int n, offers;
    const ud_event *e = ud_sim_events(sim, &n);
    const ud_offer *offer = ud_sim_offers(sim, &offers);
    const ud_setup *setup = ud_sim_setup(sim);
    char a[64];
    for (int i = 0; i < n; i++) {
        switch (e[i].type) {
        case UD_EV_SHOCK_STARTED:
            put(story, "  %s: %s", TR("Shock"), shock_kind(story, e[i].object));
            shock_scope(story, sim, e[i].subject);
            put(story, "\n");
            break;
        case UD_EV_SHOCK_ENDED:
            put(story, "  %s\n", TR("A shock ends."));
            break;
        case UD_EV_OFFER_MADE:
            money(g, story->tr, e[i].amount, a, sizeof a);
            put(story, "  %s %d: %s", TR("Offer"), e[i].subject + 1,
                offer_kind(story->tr, (ud_offer_kind)e[i].object));
            if (e[i].amount > 0) {
                put(story, ", %s", a); /* roads are built, not paid to the unit */
            }
            if (e[i].subject >= 0 && e[i].subject < offers &&
                offer[e[i].subject].kind == UD_OFFER_CREDIT_LINE) {
                const ud_offer *o = &offer[e[i].subject];
                put(story, TR(", at %.2f%% a year over %d months"),
                    ud_rate_to_percent(o->annual_rate), o->term_months);
                if (o->client_rate_cap > 0) {
                    put(story, TR(", client rates capped at %.2f%%"),
                        ud_rate_to_percent(o->client_rate_cap));
                }
            }
            if (e[i].subject >= 0 && e[i].subject < offers) {
                /* refused once expires_month months are complete and the next is played */
                put(story, TR("; to answer before month %d is played"),
                    offer[e[i].subject].expires_month + 1);
            }
            put(story, "\n");
            break;
        case UD_EV_POLITICAL:
            if (e[i].object == UD_POLITICAL_DIRECTED_LENDING && e[i].subject >= 0 &&
                e[i].subject < setup->village.hamlets) {
                line(story, TR("Politics: directed lending to %s"),
                     setup->village.hamlet_names[e[i].subject]);
            } else if (e[i].object == UD_POLITICAL_WAIVER_DISAVOWED) {
                put(story, "  %s\n", TR("Politics: the waiver is disavowed"));
            } else {
                put(story, "  %s\n", TR("Politics: a loan-waiver promise"));
            }
            break;
        case UD_EV_CREDIT_LINE_RECALLED:
            money(g, story->tr, e[i].amount, a, sizeof a);
            line(story, TR("A credit line is recalled: %s repaid"), a);
            break;
        case UD_EV_OFFICER_FRAUD_FOUND:
            money(g, story->tr, e[i].amount, a, sizeof a);
            line(story, TR("Fraud found: officer %d, %d ghost loan(s), %s lost"), e[i].subject + 1,
                 e[i].object, a);
            break;
        case UD_EV_GROUP_COLLAPSED:
            line(story, TR("A group of %d collapsed"), e[i].object);
            break;
        case UD_EV_OFFICER_QUIT:
            line(story, TR("Officer %d left for another job; an untrained recruit took over"),
                 e[i].subject + 1);
            break;
        case UD_EV_CASH_SHORT:
            /* the unit ran out of money to lend: borrowers it approved went without */
            money(g, story->tr, e[i].amount, a, sizeof a);
            line(story, TR("Cash ran short: %s of approved loans could not be lent"), a);
            break;
        case UD_EV_INSOLVENT:
            put(story, "  %s\n", TR("The unit cannot pay what it owes."));
            break;
        default:
            break;
        }
    }
}

static void decisions(ud_story *story, ud_game *g) {
    int n;
    const ud_decision *d = ud_game_decisions(g, &n);
    int approved = 0, rejected = 0;
    char text[1200];
    for (; story->decisions_seen < n; story->decisions_seen++) {
        const ud_decision *x = &d[story->decisions_seen];
        if (ud_decision_is_desk(x)) {
            approved += x->command.type != UD_CMD_REJECT;
            rejected += x->command.type == UD_CMD_REJECT;
            continue;
        }
        ud_decision_describe(g, story->tr, x, text, sizeof text);
        put(story, "  %s: %s\n", TR("Decision"), text);
    }
    if (approved + rejected > 0) {
        line(story, TR("Loan desk: %d approved or resized, %d rejected"), approved, rejected);
    }
}

void ud_story_month(ud_game *g, int month, void *ctx) {
    ud_story *story = ctx;
    ud_sim *sim = ud_game_sim(g);
    put(story, "%s %d\n", TR("Month"), month);
    int n;
    const ud_news *news = ud_game_news(g, &n);
    char text[UD_TEXT_LEN];
    for (; story->news_seen < n; story->news_seen++) {
        ud_game_news_text(g, &news[story->news_seen], text, sizeof text);
        put(story, "  %s: %s\n", TR("News"), text);
    }
    events(story, g);
    /* the decisions stamped with this month's start: a strategy takes them after the news
     * above, a trainee between months (the answers to last month's questions among them) */
    decisions(story, g);
    const ud_question *q = ud_game_questions(g, &n);
    for (int i = 0; i < n; i++) {
        if (q[i].month != month) {
            continue;
        }
        put(story, "  %s %d: %s\n", TR("Question"), q[i].id, ud_game_text(g, q[i].text));
        for (int k = 0; k < q[i].option_count; k++) {
            put(story, "    %d) %s\n", k + 1, ud_game_text(g, q[i].options[k]));
        }
    }
    const ud_goal *goal = ud_game_goals(g, &n);
    for (int i = 0; i < n && i < UD_MAX_GOALS; i++) {
        if (goal[i].state == story->goal_state[i]) {
            continue;
        }
        story->goal_state[i] = goal[i].state;
        const char *verdict = goal[i].kind == UD_GOAL_TARGET
                                  ? (goal[i].state == 1 ? "Goal reached" : "Goal missed")
                                  : (goal[i].kind == UD_GOAL_WIN ? "Won" : "Lost");
        if (goal[i].state >= 0 && (goal[i].kind == UD_GOAL_TARGET || goal[i].state == 1)) {
            put(story, "  %s: %s\n", TR(verdict), ud_game_text(g, goal[i].text));
        }
    }
    const ud_indicators *d = ud_sim_indicators(sim, month);
    if (d != NULL) {
        char cash[64];
        money(g, story->tr, d->cash, cash, sizeof cash);
        line(story, TR("Borrowers %d, PAR30 %.1f%%, OSS %.0f%%, cash %s"), d->active_borrowers,
             100 * d->par30, 100 * d->oss, cash);
    }
}

void ud_story_end(ud_game *g, void *ctx) {
    ud_story *story = ctx;
    decisions(story, g);
    int n;
    const ud_question *q = ud_game_questions(g, &n);
    for (int i = 0; i < n; i++) {
        if (q[i].answer == 0) {
            put(story, TR("Question %d was never answered (the game ended)."), q[i].id);
            fputc('\n', story->out);
        }
    }
    char lessons[32][UD_TEXT_LEN];
    int count = ud_game_lessons(g, lessons, 32);
    put(story, "%s\n", TR("Lessons shown in the debrief"));
    for (int i = 0; i < count; i++) {
        put(story, "  - %s\n", lessons[i]);
    }
    if (count == 0) {
        put(story, "  %s\n", TR("(none: no lesson's condition held)"));
    }
}
