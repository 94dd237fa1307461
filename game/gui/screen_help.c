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
     "reject any of them. Below, the policy itself, which decides next month's applications.",
     "", ""},
    {"Arrears",
     "Who is late, the latest first, with their card; how much officer time goes to "
     "following up; rescheduling or writing off a loan.",
     "", ""},
    {"Products",
     "Terms of each loan product; the APR and EIR clients really pay update as you "
     "change them.",
     "", ""},
    {"Staff",
     "Loan officers, their training and caseloads; hire, train (one course a month), "
     "dismiss, and order audits (which find ghost loans).",
     "", ""},
    {"Funding",
     "Cash, deposits and borrowings, the offers with their conditions, borrowing and "
     "repaying.",
     "", ""},
    {"Reports", "Balance sheet, income statement and charts over time.", "", ""},
    {"News", "The scenario's news and each month's events, newest first.", "", ""},
    {"Scores",
     "The institution (100): OSS 20 and FSS 20 towards 120%, the worst month's PAR30 plus "
     "write-offs 25, "
     "loan losses 10, capital kept 15, portfolio / assets 10. The clients (100): households "
     "out of poverty 35, women's households 10, income growth 15, outreach 20, the worst "
     "month's PAR90 plus write-offs 20.",
     "", ""},
};

/* The first page: the monthly loop, the screen, the keys. */
static const help_entry how_to_play[] = {
    {"Each month",
     "Read the month's summary and the news. Look at the loan desk, the late borrowers and "
     "the reports. Decide: terms, policy, staff, funding. Then press Next month (Space).",
     "", ""},
    {"The village",
     "Each dot is a household: a circle for a woman's, a square for a man's, coloured by "
     "status (see the legend). Click one, or press H, to read its story.",
     "", ""},
    {"When decisions take effect",
     "The credit policy decides next month's applications; new product terms apply to loans "
     "made from now on; hiring, training and audits count this month.",
     "", ""},
    {"Nothing by accident",
     "Costly or irreversible actions ask first and say what they will do; Enter then means "
     "the safe choice. Every figure has its meaning under the mouse.",
     "", ""},
    {"Keys",
     "Space: next month. 1-7: panels. Tab or arrows: move. Enter: choose. Esc: back. H: a "
     "household's story (Page Up / Page Down: the others). Ctrl+S: save. Ctrl+L: load. "
     "Ctrl+R: write the team's result for the trainer. F1: this help.",
     "", ""},
    {"Saving",
     "The game saves itself after every month (Continue the last game). Ctrl+S keeps it in "
     "a slot, with your team's name, the date and the month.",
     "", ""},
};

#define ENTRIES (int)(sizeof entries / sizeof entries[0])
#define PANELS (int)(sizeof panels / sizeof panels[0])
#define HOW (int)(sizeof how_to_play / sizeof how_to_play[0])
#define PER_PAGE 5

void ud_screen_help(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, TR(ui, "Help and glossary"), 30, 16, UD_FONT_TITLE, true, p->accent);
    /* page 0: how to play; then the glossary; last, the panels */
    int pages = (ENTRIES + PER_PAGE - 1) / PER_PAGE + 2;
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
    if (app->page == 0) {
        ud_ui_label(ui, TR(ui, "How to play"), 30, y, UD_FONT_LARGE, true, p->accent);
        y += 34;
        for (int i = 0; i < HOW; i++) {
            ud_ui_label(ui, TR(ui, how_to_play[i].name), 30, y, UD_FONT_NORMAL, true, p->text);
            y += 24;
            y += ud_ui_paragraph(ui, TR(ui, how_to_play[i].meaning), 50, y, 1180, UD_FONT_NORMAL,
                                 p->text) +
                 10;
        }
    } else if (app->page < pages - 1) {
        for (int i = (app->page - 1) * PER_PAGE; i < ENTRIES && i < app->page * PER_PAGE; i++) {
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
