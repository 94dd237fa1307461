/* Dialogs over the village screen: the end-of-month summary, the scenario's questions, a
 * household's story, and messages. Only the dialog's own widgets react while it is open. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static SDL_Rect box(ud_app *app, int w, int h) {
    ud_ui *ui = &app->ui;
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    SDL_Color shade = {0, 0, 0, 110};
    ud_ui_fill(ui, ud_rect(0, 0, UD_LOGICAL_W, UD_LOGICAL_H), shade);
    SDL_Rect r = ud_rect((UD_LOGICAL_W - w) / 2, (UD_LOGICAL_H - h) / 2, w, h);
    ud_ui_fill(ui, r, ui->pal->panel);
    ud_ui_frame(ui, r, ui->pal->border);
    ui->in_modal = true;
    return r;
}

static void change(ud_app *app, int *y, int x, const char *name, double before, double after,
                   bool percent, bool higher_is_better) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    char line[200];
    if (percent) {
        snprintf(line, sizeof line, "%s: %.1f%% → %.1f%%", name, before * 100, after * 100);
    } else {
        snprintf(line, sizeof line, "%s: %.0f → %.0f", name, before, after);
    }
    SDL_Color c = p->text;
    if (after != before) {
        c = ((after > before) == higher_is_better) ? p->good : p->bad;
    }
    ud_ui_label(ui, line, x, *y, UD_FONT_NORMAL, false, c);
    *y += 24;
}

static void month_end(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int m = ud_sim_month(sim);
    const ud_indicators *d = ud_sim_indicators(sim, m);
    const ud_month_summary *s = &app->months[m < 241 ? m : 241];
    SDL_Rect r = box(app, 860, 560);
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(ui, "End of month"), m);
    ud_ui_label(ui, title, r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60, x = r.x + 24;
    ud_ui_label(ui, TR(ui, "What happened"), x, y, UD_FONT_NORMAL, true, p->text);
    y += 26;
    struct {
        int count;
        const char *what;
    } lines[] = {
        {s->disbursed, "loans disbursed"},      {s->repaid, "loans repaid in full"},
        {s->missed, "borrowers fell behind"},   {s->covered, "groups paid for a member"},
        {s->collapsed, "groups collapsed"},     {s->written_off, "loans written off"},
        {s->fraud, "dishonest officers found"}, {s->shocks, "shocks began"},
        {s->offers, "offers arrived"},          {s->political, "political events"},
        {s->rejected, "applications refused"},
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (lines[i].count > 0) {
            char line[160];
            snprintf(line, sizeof line, "%d %s", lines[i].count, TR(ui, lines[i].what));
            ud_ui_label(ui, line, x + 10, y, UD_FONT_NORMAL, false, p->text);
            y += 22;
        }
    }
    int n;
    const ud_news *news = ud_game_news(app->game, &n);
    for (int i = 0; i < n; i++) {
        if (news[i].month == m) {
            char text[UD_TEXT_LEN];
            ud_game_news_text(app->game, &news[i], text, sizeof text);
            y += ud_ui_paragraph(ui, text, x + 10, y, 380, UD_FONT_SMALL, p->accent) + 4;
        }
    }
    int x2 = r.x + 440, y2 = r.y + 60;
    ud_ui_label(ui, TR(ui, "What changed"), x2, y2, UD_FONT_NORMAL, true, p->text);
    y2 += 26;
    if (d != NULL) {
        const ud_indicators *b = &app->before;
        change(app, &y2, x2, TR(ui, "Active clients"), b->active_borrowers, d->active_borrowers,
               false, true);
        change(app, &y2, x2, TR(ui, "PAR30"), b->par30, d->par30, true, false);
        change(app, &y2, x2, TR(ui, "OSS"), b->oss, d->oss, true, true);
        change(app, &y2, x2, TR(ui, "Women"), b->women_share, d->women_share, true, true);
        change(app, &y2, x2, TR(ui, "Households in poverty"), b->households_in_poverty,
               d->households_in_poverty, false, false);
        char money[64], line[160];
        ud_money_text(app, d->net_result, money, sizeof money);
        snprintf(line, sizeof line, "%s: %s", TR(ui, "Result of the month"), money);
        ud_ui_label(ui, line, x2, y2 + 6, UD_FONT_NORMAL, true,
                    d->net_result >= 0 ? p->good : p->bad);
        y2 += 40;
        /* why: the largest movements explained in plain words */
        if (d->par30 > b->par30 + 0.01) {
            y2 += ud_ui_paragraph(ui,
                                  TR(ui, "Arrears rose: more borrowers could not or would not "
                                         "pay. Look at who fell behind and follow them up."),
                                  x2, y2, 380, UD_FONT_SMALL, p->text_dim) +
                  6;
        }
        if (d->oss < 1.0 && d->month > 3) {
            y2 += ud_ui_paragraph(ui,
                                  TR(ui, "Revenue does not cover costs (OSS below 100%): "
                                         "prices, caseloads or losses need attention."),
                                  x2, y2, 380, UD_FONT_SMALL, p->text_dim) +
                  6;
        }
    }
    ud_game_end end = ud_game_end_state(app->game);
    const char *next = end == UD_END_RUNNING ? TR(ui, "Continue") : TR(ui, "See the debrief");
    if (app->autosave_error[0] != '\0') {
        char line[1200];
        snprintf(line, sizeof line, "%s: %s", TR(ui, "The autosave failed"), app->autosave_error);
        ud_ui_paragraph(ui, line, x, r.y + 440, r.w - 48, UD_FONT_SMALL, p->bad);
    }
    if (end == UD_END_INSOLVENT) {
        ud_ui_label(ui, TR(ui, "The MFI is insolvent: it cannot pay what it owes."), x, r.y + 470,
                    UD_FONT_NORMAL, true, p->bad);
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 240, r.y + r.h - 56, 216, 38), next) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->dialog = DIALOG_NONE;
        if (end != UD_END_RUNNING) {
            app->screen = SCREEN_DEBRIEF;
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

static void question(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_question *qs = ud_game_questions(app->game, &n);
    if (app->pending_question < 1 || app->pending_question > n) {
        app->dialog = DIALOG_NONE;
        return;
    }
    const ud_question *q = &qs[app->pending_question - 1];
    SDL_Rect r = box(app, 760, 120 + 50 * q->option_count + 60);
    ud_ui_label(ui, TR(ui, "A question for you"), r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60;
    y += ud_ui_paragraph(ui, ud_scenario_text(app, q->text), r.x + 24, y, r.w - 48, UD_FONT_NORMAL,
                         p->text) +
         16;
    SDL_Keycode k = ud_ui_take_key(ui);
    for (int i = 0; i < q->option_count; i++) {
        char label[200];
        snprintf(label, sizeof label, "%d. %s", i + 1, ud_scenario_text(app, q->options[i]));
        bool chosen = ud_ui_button(ui, ud_rect(r.x + 24, y, r.w - 48, 40), label) ||
                      k == (SDL_Keycode)(SDLK_1 + i);
        if (chosen) {
            char err[256];
            ud_game_answer(app->game, q->id, i + 1, err, sizeof err);
            app->dialog = DIALOG_NONE;
            app->pending_question = 0;
            app->dirty = true;
            return;
        }
        y += 50;
    }
}

static void household(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    ud_household_view h;
    if (!ud_sim_household(sim, app->selected_household, &h)) {
        app->dialog = DIALOG_NONE;
        return;
    }
    SDL_Rect r = box(app, 620, 420);
    char line[400], money[64];
    const char *name, *story;
    bool described = ud_game_household_story(app->game, h.id, &name, &story);
    if (described) {
        snprintf(line, sizeof line, "%s · %s", name,
                 ud_sim_setup(sim)->village.hamlet_names[h.hamlet]);
    } else {
        snprintf(line, sizeof line, "%s %d · %s", TR(ui, "Household"), h.id + 1,
                 ud_sim_setup(sim)->village.hamlet_names[h.hamlet]);
    }
    ud_ui_label(ui, line, r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60, x = r.x + 24;
    if (described && story[0] != '\0') {
        y += ud_ui_paragraph(ui, ud_scenario_text(app, story), x, y, r.w - 48, UD_FONT_NORMAL,
                             p->accent) +
             10;
    }
    snprintf(line, sizeof line, "%s, %d %s, %s",
             h.woman ? TR(ui, "A woman borrower") : TR(ui, "A man borrower"), h.members,
             TR(ui, "people"), TR(ui, ud_business_name(h.business)));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    ud_money_text(app, h.monthly_income, money, sizeof money);
    snprintf(line, sizeof line, "%s: %s %s", TR(ui, "Income"), money,
             h.poor ? TR(ui, "(below the poverty line)") : TR(ui, "(above the poverty line)"));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    ud_money_text(app, h.savings, money, sizeof money);
    snprintf(line, sizeof line, "%s: %s", TR(ui, "Savings with the MFI"), money);
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    if (h.loan != NULL) {
        ud_money_text(app, h.loan->principal_outstanding, money, sizeof money);
        int late = ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30);
        snprintf(line, sizeof line, "%s: %s %s, %d %s", TR(ui, "Loan"), money,
                 TR(ui, "outstanding"), late, TR(ui, "days late"));
        ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, true, late > 0 ? p->bad : p->text);
    } else {
        ud_ui_label(ui, TR(ui, "No loan at the moment."), x, y, UD_FONT_NORMAL, false, p->text_dim);
    }
    y += 28;
    snprintf(line, sizeof line, "%s: %d %s, %d %s", TR(ui, "Record"), h.loans_repaid,
             TR(ui, "loans repaid"), h.defaults, TR(ui, "defaults"));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    if (h.moneylender_debt > 0) {
        y += 28;
        ud_money_text(app, h.moneylender_debt, money, sizeof money);
        snprintf(line, sizeof line, "%s: %s", TR(ui, "Owes the moneylender"), money);
        ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->bad);
    }
    int count = ud_sim_household_count(sim);
    if (ud_ui_button(ui, ud_rect(r.x + 24, r.y + r.h - 56, 60, 38), "◀") ||
        ui->key == SDLK_PAGEUP) {
        app->selected_household = (app->selected_household + count - 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + 94, r.y + r.h - 56, 60, 38), "▶") ||
        ui->key == SDLK_PAGEDOWN) {
        app->selected_household = (app->selected_household + 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 56, 136, 38), TR(ui, "Close")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->dialog = DIALOG_NONE;
    }
}

static void message(ud_app *app) {
    ud_ui *ui = &app->ui;
    SDL_Rect r = box(app, 760, 300);
    ud_ui_paragraph(ui, app->message, r.x + 24, r.y + 24, r.w - 48, UD_FONT_NORMAL, ui->pal->text);
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 56, 136, 38), TR(ui, "OK")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->dialog = DIALOG_NONE;
    }
}

void ud_dialogs(ud_app *app) {
    if (app->game == NULL && app->dialog != DIALOG_MESSAGE) {
        return;
    }
    /* The dialog's widgets are described after the screen's: give it the focus. */
    ud_ui *ui = &app->ui;
    int first = ui->widget_count;
    if (app->dialog != DIALOG_NONE && (ui->focus < first)) {
        ui->focus = first;
    }
    switch (app->dialog) {
    case DIALOG_MONTH_END:
        month_end(app);
        break;
    case DIALOG_QUESTION:
        question(app);
        break;
    case DIALOG_HOUSEHOLD:
        household(app);
        break;
    case DIALOG_MESSAGE:
        message(app);
        break;
    case DIALOG_NONE:
        break;
    }
}
