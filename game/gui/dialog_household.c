/* A household's card: who they are and their story, why they are poor or not, their loan
 * history, their group with its members, and this month's application, decided from here too
 * while the desk reviews every loan. */
#include "dialogs.h"
#include "panels.h"
#include "ud/people.h"

#include <stdio.h>
#include <string.h>

void ud_household_name(const ud_app *app, int household, char *out, size_t size) {
    ud_game_household_name(app->game, household, out, size);
}

void ud_household_name_where(const ud_app *app, int household, char *out, size_t size) {
    char name[64];
    ud_game_household_name(app->game, household, name, sizeof name);
    const ud_sim *sim = ud_game_sim(app->game);
    ud_household_view h;
    ud_sim_household(sim, household, &h);
    const ud_setup *setup = ud_sim_setup(sim);
    if (h.hamlet >= 0 && h.hamlet < setup->village.hamlets) {
        snprintf(out, size, "%s, %s", name, setup->village.hamlet_names[h.hamlet]);
    } else {
        snprintf(out, size, "%s", name);
    }
}

/* The story, sentence by sentence, in the trainee's language; returns the height used. */
static int tale(ud_app *app, int household, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    ud_story s;
    if (!ud_game_household_tale(app->game, household, &s)) {
        return 0;
    }
    char text[2048] = "";
    size_t used = 0;
    for (int i = 0; i < s.count && used + 2 < sizeof text; i++) {
        char line[512];
        ud_story_fill(TR(ui, s.line[i].key), &s.line[i], line, sizeof line);
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i > 0 ? " " : "", line);
    }
    return ud_ui_paragraph(ui, text, x, y, w, UD_FONT_SMALL, ui->pal->text);
}

/* This month's application, if the household made one: what it asks, and, while it waits
 * for the trainee ("Review every loan"), Approve and Reject here too, so that the card opened
 * from the desk to judge an applicant can also decide. Above the card's bottom buttons. */
static void application_line(ud_app *app, int household, SDL_Rect r) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n, np;
    const ud_application *apps = ud_sim_applications(sim, &n);
    const ud_product *products = ud_sim_products(sim, &np);
    for (int i = 0; i < n; i++) {
        const ud_application *ap = &apps[i];
        if (ap->household != household) {
            continue;
        }
        char money[64], line[300];
        ud_money_text(app, ap->amount, money, sizeof money);
        int y = r.y + r.h - 92;
        snprintf(line, sizeof line, "%s: %s · %s", TR(ui, "This month's application"), money,
                 ud_scenario_text(app, products[ap->product].name));
        ud_ui_label(ui, line, r.x + 24, y + 6, UD_FONT_SMALL, true, p->text);
        bool alone = !(products[ap->product].group_liability && ap->group < 0);
        if (ap->decision != UD_APP_PENDING || !alone) {
            return; /* decided, or waiting for its group: the desk says which */
        }
        ud_command c = ud_command_new(UD_CMD_APPROVE);
        c.index = ap->id;
        if (ud_ui_button(ui, ud_rect(r.x + r.w - 224, y, 96, 30), TR(ui, "Approve"))) {
            ud_app_command(app, &c);
        }
        c.type = UD_CMD_REJECT;
        if (ud_ui_button(ui, ud_rect(r.x + r.w - 120, y, 96, 30), TR(ui, "Reject"))) {
            ud_app_command(app, &c);
        }
        return;
    }
}

void ud_dialog_household(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    ud_household_view h;
    if (!ud_sim_household(sim, app->selected_household, &h)) {
        app->dialog = DIALOG_NONE;
        return;
    }
    SDL_Rect r = ud_dialog_box(app, 760, 560);
    char line[600], money[64], money2[64], name[64];
    ud_household_name(app, h.id, name, sizeof name);
    snprintf(line, sizeof line, "%s · %s", name, ud_sim_setup(sim)->village.hamlet_names[h.hamlet]);
    ud_ui_label(ui, line, r.x + 24, r.y + 16, UD_FONT_LARGE, true, p->text);
    int y = r.y + 54, x = r.x + 24, w = r.w - 48;
    const char *sname, *story;
    if (ud_game_household_story(app->game, h.id, &sname, &story) && story[0] != '\0') {
        y += ud_ui_paragraph(ui, ud_scenario_text(app, story), x, y, w, UD_FONT_NORMAL, p->accent) +
             6;
    }
    /* only a client is a borrower */
    bool client = h.loan != NULL || h.status == UD_HH_IN_ARREARS;
    const char *who =
        client ? (h.woman ? TR(ui, "A woman borrower") : TR(ui, "A man borrower"))
               : (h.woman ? TR(ui, "A woman, not a client") : TR(ui, "A man, not a client"));
    char people[64];
    snprintf(people, sizeof people, TRN(ui, h.members, "%d person", "%d people"), h.members);
    snprintf(line, sizeof line, "%s, %s, %s", who, people, TR(ui, ud_business_name(h.business)));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 24;
    y += tale(app, h.id, x, y, w) + 12;

    /* why poor, or not: the rule itself, with this household's numbers */
    ud_ui_label(ui, TR(ui, "Poor or not?"), x, y, UD_FONT_NORMAL, true, p->text);
    y += 22;
    ud_money_text(app, h.monthly_income, money, sizeof money);
    ud_money_text(app, h.poverty_line_month, money2, sizeof money2);
    /* the line as the help defines it too, a person a day: 2,040,000 a month for four people
     * did not read as the help's daily figure */
    char daily[64];
    ud_money_text(app, h.members > 0 ? h.poverty_line_month / (30 * h.members) : 0, daily,
                  sizeof daily);
    /* said for a borrower, or where it turns the verdict (a loan repaid months ago still
     * weighs on the year's average, a few hundred rupiah a month: not worth a line) */
    bool turns = h.poor && h.monthly_income >= h.poverty_line_month;
    bool interest_said = h.monthly_interest > 0 && (h.loan != NULL || turns);
    /* poverty reads what is left once the unit is paid: said before the verdict, or a
     * household above the line on its income would read "below" with no reason shown */
    char more[300] = "";
    if (interest_said) {
        char interest[64], left[64];
        ud_money_text(app, h.monthly_interest, interest, sizeof interest);
        ud_money_text(app, h.monthly_income - h.monthly_interest, left, sizeof left);
        snprintf(more, sizeof more,
                 TR(ui, "Income less the %s a month of interest and fees paid to the unit (a "
                        "year's average): %s."),
                 interest, left);
    }
    /* "below/above the poverty line of" as one phrase: French says "au-dessus du seuil";
     * a sentence of its own after the interest */
    const char *verdict =
        interest_said
            ? (h.poor ? TR(ui, "Below the poverty line of") : TR(ui, "Above the poverty line of"))
            : (h.poor ? TR(ui, "below the poverty line of") : TR(ui, "above the poverty line of"));
    snprintf(line, sizeof line, "%s %s %s %s%s%s%s%s %s (%s %s).", TR(ui, "Income"), money,
             TR(ui, "a month for"), people, /* "1 person", not "1 people" */
             interest_said ? ". " : ": ", more, interest_said ? " " : "", verdict, money2, daily,
             TR(ui, "a person a day"));
    y +=
        ud_ui_paragraph(ui, line, x + 10, y, w - 10, UD_FONT_SMALL, h.poor ? p->bad : p->good) + 10;

    /* loan history */
    ud_ui_label(ui, TR(ui, "Loans"), x, y, UD_FONT_NORMAL, true, p->text);
    y += 22;
    if (h.loan != NULL) {
        ud_money_text(app, h.loan->plan.principal, money, sizeof money);
        ud_money_text(app, h.loan->principal_outstanding, money2, sizeof money2);
        int late = ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30);
        char days[80];
        snprintf(days, sizeof days, TRN(ui, late, "%d day late", "%d days late"), late);
        /* the product it was lent on: the women's group loan or the individual one is what
         * a trainee checks against capture */
        int np;
        const ud_product *products = ud_sim_products(sim, &np);
        char product[120] = "";
        if (h.loan_product >= 0 && h.loan_product < np) {
            snprintf(product, sizeof product, " (%s)",
                     ud_scenario_text(app, products[h.loan_product].name));
        }
        snprintf(line, sizeof line, "%s %s%s: %s %s, %s%s%s", TR(ui, "Current loan of"), money,
                 product, money2, TR(ui, "outstanding"), days,
                 h.loan->rescheduled ? TR(ui, "; rescheduled, over a new schedule") : "",
                 h.loan_captured ? TR(ui, "; taken over by another household member") : "");
        /* wrapped inside the card: "taken over by another household member" makes it long */
        y += ud_ui_paragraph(ui, line, x + 10, y, w - 10, UD_FONT_SMALL,
                             late > 0 ? p->bad : p->text) +
             4;
    }
    char repaid[80], defaults[80];
    snprintf(repaid, sizeof repaid, TRN(ui, h.loans_repaid, "%d loan repaid", "%d loans repaid"),
             h.loans_repaid);
    snprintf(defaults, sizeof defaults, TRN(ui, h.defaults, "%d default", "%d defaults"),
             h.defaults);
    snprintf(line, sizeof line, "%s: %s, %s", TR(ui, "Record"), repaid, defaults);
    if (h.loans_repaid > 0) {
        char days[80];
        size_t used = strlen(line);
        ud_money_text(app, h.last_loan, money, sizeof money);
        snprintf(days, sizeof days, TRN(ui, h.last_arrears_days, "%d day late", "%d days late"),
                 h.last_arrears_days);
        snprintf(line + used, sizeof line - used, "; %s %s, %s %s", TR(ui, "the last of"), money,
                 TR(ui, "at most"), days);
    }
    if (h.loan == NULL && h.loans_repaid == 0 && h.defaults == 0) {
        snprintf(line, sizeof line, "%s", TR(ui, "Has never borrowed from the unit."));
    }
    y += ud_ui_paragraph(ui, line, x + 10, y, w - 10, UD_FONT_SMALL,
                         h.defaults > 0 ? p->bad : p->text) +
         4;
    ud_money_text(app, h.savings, money, sizeof money);
    snprintf(line, sizeof line, "%s: %s", TR(ui, "Savings with the MFI"), money);
    ud_ui_label(ui, line, x + 10, y, UD_FONT_SMALL, false, p->text);
    y += 26;

    /* the group, and a way to its own view */
    if (h.group >= 0) {
        bool collapsed;
        int members[16];
        int n = ud_sim_group(sim, h.group, NULL, &collapsed, members, 16);
        char count[64];
        snprintf(count, sizeof count, TRN(ui, n, "%d member", "%d members"), n);
        snprintf(line, sizeof line, "%s %d (%s)%s", TR(ui, "Group"), h.group + 1, count,
                 collapsed ? TR(ui, ": broken up") : "");
        ud_ui_label(ui, line, x, y + 4, UD_FONT_NORMAL, true, collapsed ? p->bad : p->text);
        if (ud_ui_button(ui, ud_rect(r.x + r.w - 224, y, 200, 30), TR(ui, "See the group"))) {
            app->selected_group = h.group;
            app->dialog = DIALOG_GROUP;
        }
    }

    int count = ud_sim_household_count(sim);
    if (ud_ui_button(ui, ud_rect(r.x + 24, r.y + r.h - 50, 60, 36), "◀") ||
        ui->key == SDLK_PAGEUP) {
        app->selected_household = (app->selected_household + count - 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + 94, r.y + r.h - 50, 60, 36), "▶") ||
        ui->key == SDLK_PAGEDOWN) {
        app->selected_household = (app->selected_household + 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 50, 136, 36), TR(ui, "Close")) ||
        ud_ui_take_escape(ui)) {
        app->dialog = app->card_return;
        app->card_return = DIALOG_NONE;
    }
    /* after the card's own buttons, so that the focus starts on them, not on a decision */
    application_line(app, h.id, r);
}
