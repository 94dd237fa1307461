/* Help (F1 anywhere): every indicator with its meaning, formula and healthy range, every
 * panel explained, and the keys. */
#include "app.h"

#include <stdio.h>

typedef struct help_entry {
    const char *name, *meaning, *formula, *healthy;
} help_entry;

/* Definitions after CGAP/SEEP (2003), the MicroBanking Bulletin, and Yaron (1992). */
static const help_entry entries[] = {
    {N_("Active clients"), N_("Households with a loan outstanding."),
     N_("count of households whose loan is not yet repaid (a household has one loan at a time)"),
     N_("grows steadily, at the pace officers can follow")},
    {N_("Share of women"), N_("How many of the clients are women."),
     N_("women borrowers / active borrowers"),
     N_("depends on the mission; women in groups repay well")},
    {N_("Average loan / income"), N_("Depth of outreach: how poor the clients are."),
     N_("average outstanding loan / average household income a year"),
     N_("lower = poorer clients reached")},
    {N_("PAR30"), N_("Portfolio at risk: loans with a payment more than 30 days late."),
     N_("outstanding principal of loans over 30 days late (rescheduled included) / gross "
        "portfolio"),
     N_("below 5% good, 5-10% watch, above 10% serious")},
    {N_("PAR90"), N_("The same, more than 90 days late: loans likely to be lost."),
     N_("outstanding principal over 90 days late / gross portfolio"), N_("as low as possible")},
    {N_("Write-offs"), N_("Loans given up as lost this month."), N_("principal written off"),
     N_("below 2% of the portfolio a year")},
    {N_("Rescheduled loans"), N_("Loans given a new schedule, shown beside PAR30."),
     N_("principal of loans rescheduled / gross portfolio; each stays in PAR30 until paid on "
        "time for three months"),
     N_("rare without a drought or a flood: a few percent at most")},
    {N_("Over-indebted borrowers"), N_("Clients whose loan takes more than they can carry."),
     N_("active borrowers whose instalments take more than 40% of their income / active "
        "borrowers"),
     N_("a few percent; 5% or more is a warning")},
    {N_("Risk coverage"), N_("How much of the portfolio at risk the reserve covers."),
     N_("loan-loss reserve / PAR30 portfolio"), N_("100% or more")},
    {N_("Portfolio yield"), N_("What the loans earn, a year."),
     N_("interest and fees from loans / average gross portfolio (last 12 months)"),
     N_("covers all costs")},
    {N_("Operating expense ratio"), N_("What running the MFI costs, a year."),
     N_("operating expense / average gross portfolio"),
     N_("10-20% individual lending, 20-35% groups")},
    {N_("Cost per borrower"), N_("What one client costs to serve, a year."),
     N_("operating expense / average active borrowers"), N_("compare with income per person")},
    {N_("Borrowers per officer"), N_("Caseload."), N_("active borrowers / loan officers"),
     /* the game's own capacity beside the field norm: a trainee read 250-400 here and then
      * saw arrears blamed on an overloaded officer at 160 borrowers per officer */
     N_("100-200 individual, 250-400 group lending; here an untrained officer follows 120 "
        "individual clients, 40 more a level of training, twice as many in groups")},
    {N_("OSS"), N_("Operational self-sufficiency: does revenue cover costs?"),
     N_("financial revenue / (financial expense + net provisions + operating expense)"),
     N_("above 100% breaks even; 110-130% mature")},
    {N_("FSS"), N_("Financial self-sufficiency: would the MFI survive without any subsidy?"),
     N_("revenue / (costs + inflation on equity + market cost of cheap funds + in-kind subsidies)"),
     N_("above 100% is sustainable without subsidy")},
    {N_("Subsidy dependence"),
     N_("Yaron's index: how much lending rates would have to rise to do "
        "without subsidy."),
     N_("S / (portfolio x on-lending rate), S = A(m - c) + (E x m - P) + K"),
     N_("0% none, below 0% self-sustaining, 100% = rates would have to double")},
    {N_("Households in poverty"), N_("Clients' welfare: households below the poverty line."),
     N_("income, less the interest and fees paid to the unit, per person per day below the "
        "scenario's line"),
     N_("falling = welfare rising")},
    {N_("Households in distress"),
     N_("Clients' welfare beyond income: households poor, over-indebted or in default."),
     N_("poor, or instalments above 40% of income (or a rescheduled loan not yet cured), or a "
        "loan more than 30 days late or written off in the last 24 months"),
     N_("falling = welfare rising; the client score gives all its 35 points when a quarter "
        "fewer households are in distress than at the start, none when as many or more")},
    {N_("APR and EIR"),
     N_("What a loan really costs a client, fees and compulsory savings included."),
     N_("APR = periodic internal rate x periods a year; EIR = (1 + periodic rate)^periods - 1"),
     N_("what a transparent MFI shows; a flat 24% over 25 weeks costs about 45% APR, and "
        "a 1% fee taken up front brings it near 49%")},
};

static const help_entry panels[] = {
    {N_("Loan desk"),
     N_("This month's applications, decided by your credit policy; approve, shrink or "
        "reject any of them. Below, the policy itself, which decides next month's applications."),
     "", ""},
    {N_("Arrears"),
     N_("Who is late, the longest overdue first, with their card; how much officer time goes to "
        "following up; rescheduling or writing off a loan."),
     "", ""},
    {N_("Products"),
     N_("Terms of each loan product; the APR and EIR clients really pay update as you "
        "change them."),
     "", ""},
    {N_("Staff"),
     N_("Loan officers, their training and caseloads; hire, train (one course a month), raise "
        "the pay of an officer paid below their training, dismiss, and order audits (which "
        "find ghost loans)."),
     "", ""},
    {N_("Funding"),
     N_("Cash, deposits and borrowings, the offers with their conditions, borrowing and "
        "repaying."),
     "", ""},
    {N_("Reports"), N_("Balance sheet, income statement and charts over time."), "", ""},
    {N_("News"), N_("The scenario's news and each month's events, newest first."), "", ""},
    {N_("Scores"),
     N_("The institution (100): OSS 20 and FSS 15 towards 120%, the worst month's PAR30 plus "
        "write-offs 25, loan losses 10, capital kept 10, portfolio / assets 10, officers kept "
        "10. The clients (100): households "
        "out of distress (poor, over-indebted, defaulting) 35, women's 10, poor clients' income "
        "15, poor reached 20, worst PAR90 plus write-offs 20."),
     "", ""},
};

/* The first page: the monthly loop, the screen, the keys. */
static const help_entry how_to_play[] = {
    {N_("Each month"),
     N_("Read the month's summary and the news. Look at the loan desk, the late borrowers and "
        "the reports. Decide: terms, policy, staff, funding. Then press Next month (Space)."),
     "", ""},
    {N_("The village"),
     N_("Each dot is a household: a circle for a woman's, a square for a man's, coloured by "
        "status (see the legend). Click one, or press H, to read its story."),
     "", ""},
    {N_("When decisions take effect"),
     N_("The credit policy decides next month's applications; new product terms apply to loans "
        "made from now on; hiring, training and audits count this month."),
     "", ""},
    {N_("Nothing by accident"),
     N_("Actions that cannot be undone or that bind you for months (dismissing, writing off, "
        "borrowing, a raise) ask first and say what they will do; Enter then means the safe "
        "choice. One-off costs are on their buttons. Every figure has its meaning under the "
        "mouse."),
     "", ""},
    {N_("Keys"),
     N_("Space: next month. 1-7: panels. Tab or arrows: move. Enter: choose. Esc: back. H: a "
        "household's story (Page Up / Page Down: the others). Ctrl+S: save. Ctrl+L: load. "
        "Ctrl+R: write the team's result for the trainer. F1: this help."),
     "", ""},
    {N_("Saving"),
     N_("The game saves itself after every month (Continue the last game). Ctrl+S keeps it in "
        "a slot, with your team's name, the date and the month."),
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
    /* Left / Right turn the pages here, as Page Up / Page Down and the buttons do (Tab and
     * Up / Down still move between the buttons) */
    ui->arrows_turn_pages = true;
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
        /* the sections close up when a language at large text needs the room, so that the
         * last one stays clear of the buttons (French ran into "Previous") */
        int text_h = 0;
        for (int i = 0; i < PANELS; i++) {
            int tw, th;
            ud_text_measure(ui->text, TR(ui, panels[i].meaning), UD_FONT_NORMAL, false, 1180, &tw,
                            &th);
            text_h += th;
        }
        int room = 660 - y - text_h - PANELS * 28;
        int gap = room >= 12 * PANELS ? 12 : (room > 0 ? room / PANELS : 0);
        int heading = room >= 0 ? 28 : 24;
        for (int i = 0; i < PANELS; i++) {
            ud_ui_label(ui, TR(ui, panels[i].name), 30, y, UD_FONT_LARGE, true, p->text);
            y += heading;
            y += ud_ui_paragraph(ui, TR(ui, panels[i].meaning), 50, y, 1180, UD_FONT_NORMAL,
                                 p->text) +
                 gap;
        }
    }
    char pg[64];
    snprintf(pg, sizeof pg, "%d / %d", app->page + 1, pages);
    ud_ui_label(ui, pg, 640, 680, UD_FONT_SMALL, false, p->text_dim);
    /* only the ways that lead somewhere: no Previous on the first page, where the focus would
     * rest on it, nor Next on the last, where it looked active and did nothing */
    if (app->page > 0 && ud_ui_button(ui, ud_rect(720, 670, 110, 36), TR(ui, "Previous"))) {
        app->page--;
    }
    if (app->page < pages - 1 && ud_ui_button(ui, ud_rect(840, 670, 110, 36), TR(ui, "Next"))) {
        app->page++;
    }
    if (ud_ui_button(ui, ud_rect(1100, 670, 150, 36), TR(ui, "Back")) || ud_ui_take_escape(ui)) {
        app->screen = app->back_to;
        app->page = 0;
    }
}
