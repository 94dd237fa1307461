/* The products panel: each loan product's terms, what clients really pay, open or closed. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

void ud_panel_products(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_product *products = ud_sim_products(ud_game_sim(app->game), &n);
    int first = ud_pager(app, a, n, 2);
    int y = a.y;
    for (int i = first; i < n && i < first + 2; i++) {
        ud_product pr = products[i];
        ud_ui_fill(ui, ud_rect(a.x, y, a.w - 10, 250), p->panel);
        ud_ui_frame(ui, ud_rect(a.x, y, a.w - 10, 250), p->border);
        ud_ui_label(ui, ud_scenario_text(app, pr.name), a.x + 10, y + 8, UD_FONT_NORMAL, true,
                    p->text);
        ud_command c = ud_command_new(pr.open ? UD_CMD_CLOSE_PRODUCT : UD_CMD_OPEN_PRODUCT);
        c.index = i;
        if (ud_ui_toggle(ui, ud_rect(a.x + a.w - 140, y + 6, 120, 28),
                         pr.open ? TR(ui, "Open") : TR(ui, "Closed"), pr.open)) {
            ud_app_command(app, &c);
        }
        bool changed = false;
        int ly = y + 44;
        char v[160];
        /* interest method and frequency cycle through their choices */
        snprintf(v, sizeof v, "%s: %s", TR(ui, "Method"), TR(ui, ud_method_name(pr.terms.method)));
        if (ud_ui_button(ui, ud_rect(a.x + 10, ly, 300, 28), v)) {
            pr.terms.method = (ud_interest_method)((pr.terms.method + 1) % UD_METHOD_COUNT);
            changed = true;
        }
        snprintf(v, sizeof v, "%s: %s", TR(ui, "Repaid"),
                 TR(ui, ud_frequency_name(pr.terms.frequency)));
        if (ud_ui_button(ui, ud_rect(a.x + 320, ly, 300, 28), v)) {
            pr.terms.frequency = (ud_frequency)((pr.terms.frequency + 1) % UD_FREQ_COUNT);
            changed = true;
        }
        ly += 38;
        struct {
            const char *name;
            char value[64];
            int64_t *field;
            int64_t step, min, max;
        } steppers[3];
        int64_t rate = pr.terms.annual_rate, inst = pr.terms.installments;
        int64_t fee = pr.terms.fee_kind == UD_FEE_PERCENT ? pr.terms.fee_rate : 0;
        steppers[0].name = TR(ui, "Rate a year");
        snprintf(steppers[0].value, 64, "%.1f%%", ud_rate_to_percent(rate));
        steppers[0].field = &rate;
        steppers[0].step = UD_RATE_PERCENT(1);
        steppers[0].min = 0;
        steppers[0].max = UD_MAX_ANNUAL_RATE;
        steppers[1].name = TR(ui, "Instalments");
        snprintf(steppers[1].value, 64, "%d", (int)inst);
        steppers[1].field = &inst;
        steppers[1].step = 1;
        steppers[1].min = pr.terms.grace + 1;
        steppers[1].max = UD_MAX_INSTALLMENTS;
        steppers[2].name = TR(ui, "Fee");
        snprintf(steppers[2].value, 64, "%.1f%%", ud_rate_to_percent(fee));
        steppers[2].field = &fee;
        steppers[2].step = UD_RATE_PERCENT(1) / 2;
        steppers[2].min = 0;
        steppers[2].max = UD_RATE_PERCENT(20);
        for (int s = 0; s < 3; s++) {
            int sx = a.x + 10 + s * 205;
            ud_ui_label(ui, steppers[s].name, sx, ly, UD_FONT_SMALL, false, p->text_dim);
            ud_ui_label(ui, steppers[s].value, sx, ly + 18, UD_FONT_NORMAL, true, p->text);
            if (ud_ui_button(ui, ud_rect(sx + 90, ly + 14, 36, 26), "−") &&
                *steppers[s].field - steppers[s].step >= steppers[s].min) {
                *steppers[s].field -= steppers[s].step;
                changed = true;
            }
            if (ud_ui_button(ui, ud_rect(sx + 132, ly + 14, 36, 26), "+") &&
                *steppers[s].field + steppers[s].step <= steppers[s].max) {
                *steppers[s].field += steppers[s].step;
                changed = true;
            }
        }
        pr.terms.annual_rate = rate;
        pr.terms.installments = (int)inst;
        if (fee > 0) {
            pr.terms.fee_kind = UD_FEE_PERCENT;
            pr.terms.fee_rate = fee;
        } else if (pr.terms.fee_kind == UD_FEE_PERCENT) {
            pr.terms.fee_kind = UD_FEE_NONE;
        }
        ly += 56;
        /* what a client really pays, for the largest loan of the product */
        ud_loan_terms t = products[i].terms;
        t.principal = products[i].max_amount;
        double apr = 0, eir = 0;
        char amount[64];
        ud_money_text(app, products[i].min_amount, amount, sizeof amount);
        char amount2[64];
        ud_money_text(app, products[i].max_amount, amount2, sizeof amount2);
        if (ud_schedule_cost(&t, &apr, &eir) == UD_TERMS_OK) {
            snprintf(v, sizeof v, "%s: %s %.1f%%  ·  %s %.1f%%", TR(ui, "Clients really pay"),
                     TR(ui, "APR"), apr, TR(ui, "EIR"), eir);
            ud_ui_label(ui, v, a.x + 10, ly, UD_FONT_NORMAL, true, p->accent);
        }
        snprintf(v, sizeof v, "%s %s – %s%s", TR(ui, "Loans of"), amount, amount2,
                 pr.group_liability ? TR(ui, ", in joint-liability groups") : "");
        ud_ui_label(ui, v, a.x + 10, ly + 26, UD_FONT_SMALL, false, p->text_dim);
        if (changed) {
            ud_command set = ud_command_new(UD_CMD_SET_PRODUCT);
            set.index = i;
            set.product = pr;
            ud_app_command(app, &set);
        }
        y += 262;
    }
    ud_rate cap = ud_sim_rate_cap(ud_game_sim(app->game));
    if (cap > 0) {
        char v[128];
        snprintf(v, sizeof v, "%s %.1f%%", TR(ui, "A credit line caps client rates at"),
                 ud_rate_to_percent(cap));
        ud_ui_label(ui, v, a.x, a.y + a.h - 60, UD_FONT_SMALL, true, p->bad);
    }
}
