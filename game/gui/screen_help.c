/* Help (F1 anywhere): every indicator with its meaning, formula and healthy range, every
 * panel explained, and the keys. */
#include "app.h"

#include <stdio.h>

typedef struct help_entry {
    const char *name, *meaning, *formula, *healthy;
} help_entry;

/* Definitions after CGAP/SEEP (2003), the MicroBanking Bulletin, and Yaron (1992). */
static const help_entry entries[] = {
    {"Active clients", "Households with a loan outstanding.", "count of loans not yet repaid",
     "grows steadily, at the pace officers can follow"},
    {"Share of women", "How many of the clients are women.", "women borrowers / active borrowers",
     "depends on the mission; women in groups repay well"},
    {"Average loan / income", "Depth of outreach: how poor the clients are.",
     "average outstanding loan / average household income a year",
     "lower = poorer clients reached"},
    {"PAR30", "Portfolio at risk: loans with a payment more than 30 days late.",
     "outstanding principal of loans over 30 days late (rescheduled included) / gross portfolio",
     "below 5% good, 5-10% watch, above 10% serious"},
    {"PAR90", "The same, more than 90 days late: loans likely to be lost.",
     "outstanding principal over 90 days late / gross portfolio", "as low as possible"},
    {"Write-offs", "Loans given up as lost this month.", "principal written off",
     "below 2% of the portfolio a year"},
    {"Risk coverage", "How much of the portfolio at risk the reserve covers.",
     "loan-loss reserve / PAR30 portfolio", "100% or more"},
    {"Portfolio yield", "What the loans earn, a year.",
     "interest and fees from loans / average gross portfolio (last 12 months)", "covers all costs"},
    {"Operating expense ratio", "What running the MFI costs, a year.",
     "operating expense / average gross portfolio", "10-20% individual lending, 20-35% groups"},
    {"Cost per borrower", "What one client costs to serve, a year.",
     "operating expense / average active borrowers", "compare with income per person"},
    {"Borrowers per officer", "Caseload.", "active borrowers / loan officers",
     "100-200 individual, 250-400 group lending"},
    {"OSS", "Operational self-sufficiency: does revenue cover costs?",
     "financial revenue / (financial expense + net provisions + operating expense)",
     "above 100% breaks even; 110-130% mature"},
    {"FSS", "Financial self-sufficiency: would the MFI survive without any subsidy?",
     "revenue / (costs + inflation on equity + market cost of cheap funds + in-kind subsidies)",
     "above 100% is sustainable without subsidy"},
    {"Subsidy dependence",
     "Yaron's index: how much lending rates would have to rise to do "
     "without subsidy.",
     "S / (portfolio x on-lending rate), S = A(m - c) + (E x m - P) + K",
     "0 none, below 0 self-sustaining, 1 = rates would have to double"},
    {"Households in poverty", "Clients' welfare: households below the poverty line.",
     "income per person per day below the scenario's line", "falling = welfare rising"},
    {"APR and EIR", "What a loan really costs a client, fees included.",
     "APR = periodic internal rate x periods a year; EIR = (1 + periodic rate)^periods - 1",
     "what a transparent MFI shows; a flat 24% costs about 42% APR"},
};

static const help_entry panels[] = {
    {"Loan desk",
     "This month's applications, decided by your credit policy; approve, shrink or "
     "reject any of them. Below, the policy itself.",
     "", ""},
    {"Products",
     "Terms of each loan product; the APR and EIR clients really pay update as you "
     "change them.",
     "", ""},
    {"Staff",
     "Loan officers, their training and caseloads; hire, train, dismiss, and order "
     "audits (which find ghost loans).",
     "", ""},
    {"Funding", "Cash, deposits and borrowings, and the subsidy offers with their conditions.", "",
     ""},
    {"Reports", "Balance sheet, income statement and charts over time.", "", ""},
    {"Keys",
     "Space: next month. Tab or arrows: move. Enter: choose. Esc: back. 1-7: panels. "
     "H: a household's story (Page Up / Page Down: the others). Ctrl+S: save. Ctrl+L: "
     "load. Ctrl+R: write the team's result for the trainer. F1: this help.",
     "", ""},
    {"Scores",
     "The institution: OSS and FSS towards 120% and PAR30 towards 0. The clients: "
     "poor households lifted out of poverty and outreach towards 40% of the village.",
     "", ""},
};

#define ENTRIES (int)(sizeof entries / sizeof entries[0])
#define PANELS (int)(sizeof panels / sizeof panels[0])
#define PER_PAGE 6

void ud_screen_help(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, TR(ui, "Help and glossary"), 30, 16, UD_FONT_TITLE, true, p->accent);
    int pages = (ENTRIES + PER_PAGE - 1) / PER_PAGE + 1;
    SDL_Keycode k = ui->key;
    if (k == SDLK_PAGEDOWN || k == SDLK_RIGHT) {
        app->page++;
        ud_ui_take_key(ui);
    } else if (k == SDLK_PAGEUP || k == SDLK_LEFT) {
        app->page--;
        ud_ui_take_key(ui);
    }
    app->page = app->page < 0 ? 0 : (app->page >= pages ? pages - 1 : app->page);
    int y = 80;
    if (app->page < pages - 1) {
        for (int i = app->page * PER_PAGE; i < ENTRIES && i < (app->page + 1) * PER_PAGE; i++) {
            const help_entry *e = &entries[i];
            ud_ui_label(ui, TR(ui, e->name), 30, y, UD_FONT_LARGE, true, p->text);
            y += 28;
            y += ud_ui_paragraph(ui, TR(ui, e->meaning), 50, y, 1180, UD_FONT_NORMAL, p->text) + 2;
            char line[600];
            snprintf(line, sizeof line, "%s: %s", TR(ui, "Formula"), TR(ui, e->formula));
            y += ud_ui_paragraph(ui, line, 50, y, 1180, UD_FONT_SMALL, p->text_dim) + 2;
            snprintf(line, sizeof line, "%s: %s", TR(ui, "Healthy"), TR(ui, e->healthy));
            y += ud_ui_paragraph(ui, line, 50, y, 1180, UD_FONT_SMALL, p->good) + 12;
        }
    } else {
        for (int i = 0; i < PANELS; i++) {
            ud_ui_label(ui, TR(ui, panels[i].name), 30, y, UD_FONT_LARGE, true, p->text);
            y += 28;
            y += ud_ui_paragraph(ui, TR(ui, panels[i].meaning), 50, y, 1180, UD_FONT_NORMAL,
                                 p->text) +
                 12;
        }
    }
    char pg[64];
    snprintf(pg, sizeof pg, "%d / %d", app->page + 1, pages);
    ud_ui_label(ui, pg, 640, 680, UD_FONT_SMALL, false, p->text_dim);
    if (ud_ui_button(ui, ud_rect(720, 670, 110, 36), TR(ui, "Previous"))) {
        app->page--;
    }
    if (ud_ui_button(ui, ud_rect(840, 670, 110, 36), TR(ui, "Next"))) {
        app->page++;
    }
    if (ud_ui_button(ui, ud_rect(1100, 670, 150, 36), TR(ui, "Back")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->screen = app->back_to;
        app->page = 0;
    }
}
