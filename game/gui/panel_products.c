/* The products panel: each loan product's terms, what clients really pay, open or closed. */
#include "panels.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void ask_close(ud_app *app, int index, const ud_product *pr) {
    ud_ui *ui = &app->ui;
    char text[600];
    snprintf(text, sizeof text, "%s %s: %s", TR(ui, "Close"), ud_scenario_text(app, pr->name),
             TR(ui, "no new loans of this product from next month's applications. Loans already "
                    "running go on to the end of their schedule. It can be opened again."));
    ud_command c = ud_command_new(UD_CMD_CLOSE_PRODUCT);
    c.index = index;
    ud_app_confirm(app, text, TR(ui, "Close the product"), CONFIRM_COMMAND, &c);
}

/* One product per page: all the terms the engine knows, what a client really pays, and
 * whether it is open. */
void ud_panel_products(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    ud_sim *sim = ud_game_sim(app->game);
    const ud_product *products = ud_sim_products(sim, &n);
    ud_rate cap = ud_sim_rate_cap(sim);
    int i = ud_pager(app, a, n, 1);
    if (i >= n) {
        return;
    }
    ud_product pr = products[i];
    int y = a.y;
    char v[300], m1[64], m2[64];
    /* the state beside the name, the action on the button: "open" is not a button's word */
    snprintf(v, sizeof v, "%s (%d / %d) · %s", ud_scenario_text(app, pr.name), i + 1, n,
             pr.open ? TR(ui, "open") : TR(ui, "closed"));
    /* left of the button beside it: a long name in a longer language ("Groupe de femmes
     * hebdomadaire (2 / 2) · fermé") steps down a size, then is cut, whole under the mouse */
    int room = a.w - (pr.open ? 230 : 310), tw, th;
    ud_text_measure(ui->text, v, UD_FONT_NORMAL, true, 0, &tw, &th);
    if (tw <= room) {
        ud_ui_label(ui, v, a.x, y + 4, UD_FONT_NORMAL, true, p->text);
    } else {
        /* the name is cut, not the state: a trainee could not see whether the product was
         * "cerrado" behind "Grupo de mujeres semanal (2 / 2) · c..." */
        char suffix[120], name[sizeof v], cut[sizeof v + sizeof suffix];
        snprintf(suffix, sizeof suffix, " (%d / %d) · %s", i + 1, n,
                 pr.open ? TR(ui, "open") : TR(ui, "closed"));
        int sw, sh;
        ud_text_measure(ui->text, suffix, UD_FONT_SMALL, false, 0, &sw, &sh);
        ud_ui_one_line(ui, ud_scenario_text(app, pr.name), UD_FONT_SMALL, room - 16 - sw, name,
                       sizeof name);
        snprintf(cut, sizeof cut, "%s%s", name, suffix);
        /* not bold: the cut is measured in the regular face */
        ud_ui_label(ui, cut, a.x, y + 6, UD_FONT_SMALL, false, p->text);
        ud_ui_hint(ui, ud_rect(a.x, y, room, 28), v);
    }
    if (pr.open) {
        if (ud_ui_danger(ui, ud_rect(a.x + a.w - 220, y, 210, 28),
                         TR(ui, "Close this product..."))) {
            ask_close(app, i, &pr);
        }
    } else if (ud_ui_toggle(ui, ud_rect(a.x + a.w - 300, y, 290, 28), TR(ui, "Open this product"),
                            false)) {
        ud_command c = ud_command_new(UD_CMD_OPEN_PRODUCT);
        c.index = i;
        ud_app_command(app, &c);
    }
    y += 34;
    if (pr.business_mask != 0 || pr.women) {
        /* a product for some trades only (a seasonal farm loan), or for women (a women's
         * group loan): say for whom */
        char names[160] = "";
        if (pr.women) {
            snprintf(names, sizeof names, "%s", TR(ui, "women"));
        }
        for (int b = 0; b < UD_BIZ_COUNT; b++) {
            if ((pr.business_mask >> b) & 1u) {
                size_t len = strlen(names);
                snprintf(names + len, sizeof names - len, "%s%s", len > 0 ? ", " : "",
                         TR(ui, ud_business_name((ud_business)b)));
            }
        }
        snprintf(v, sizeof v, TR(ui, "(for %s only; changes apply to loans made from now on)"),
                 names);
        ud_ui_label(ui, v, a.x, y, UD_FONT_SMALL, false, p->text_dim);
    } else {
        ud_ui_label(ui, TR(ui, "(changes apply to loans made from now on)"), a.x, y, UD_FONT_SMALL,
                    false, p->text_dim);
    }
    y += 24;
    bool changed = false;
    /* interest method and frequency cycle through their choices */
    snprintf(v, sizeof v, "%s: %s", TR(ui, "Interest"), ud_method_text(ui, pr.terms.method));
    if (ud_ui_button(ui, ud_rect(a.x, y, a.w - 10, 28), v)) {
        pr.terms.method = (ud_interest_method)((pr.terms.method + 1) % UD_METHOD_COUNT);
        changed = true;
    }
    y += 32;
    snprintf(v, sizeof v, "%s: %s", TR(ui, "Repaid"), ud_frequency_text(ui, pr.terms.frequency));
    if (ud_ui_button(ui, ud_rect(a.x, y, a.w - 10, 28), v)) {
        pr.terms.frequency = (ud_frequency)((pr.terms.frequency + 1) % UD_FREQ_COUNT);
        changed = true;
    }
    y += 34;
    int w = (a.w - 20) / 2, x2 = a.x + w + 10, step;
    ud_rate top = cap > 0 ? cap : UD_MAX_ANNUAL_RATE;
    snprintf(v, sizeof v, "%.1f%%", ud_rate_to_percent(pr.terms.annual_rate));
    step = ud_stepper(app, ud_rect(a.x, y, w, 44), TR(ui, "Rate a year"), v,
                      pr.terms.annual_rate >= UD_RATE_PERCENT(1),
                      pr.terms.annual_rate + UD_RATE_PERCENT(1) <= top);
    pr.terms.annual_rate += step * UD_RATE_PERCENT(1);
    changed |= step != 0;
    ud_rate fee = pr.terms.fee_kind == UD_FEE_PERCENT ? pr.terms.fee_rate : 0;
    snprintf(v, sizeof v, "%.1f%%", ud_rate_to_percent(fee));
    step = ud_stepper(app, ud_rect(x2, y, w, 44), TR(ui, "Fee, once"), v, fee > 0,
                      fee + UD_RATE_PERCENT(1) / 2 <= UD_RATE_PERCENT(20));
    if (step != 0) {
        fee += step * (UD_RATE_PERCENT(1) / 2);
        pr.terms.fee_kind = fee > 0 ? UD_FEE_PERCENT : UD_FEE_NONE;
        pr.terms.fee_rate = fee;
        changed = true;
    }
    y += 50;
    snprintf(v, sizeof v, "%d", pr.terms.installments);
    /* one more instalment only while the engine would take it (a term of at most three years) */
    ud_product longer = pr;
    longer.terms.installments++;
    char refused[200];
    step = ud_stepper(app, ud_rect(a.x, y, w, 44), TR(ui, "Instalments"), v,
                      pr.terms.installments > pr.terms.grace + 1,
                      ud_product_validate(&longer, 0, refused, sizeof refused));
    pr.terms.installments += step;
    changed |= step != 0;
    snprintf(v, sizeof v, "%d", pr.terms.grace);
    step = ud_stepper(app, ud_rect(x2, y, w, 44), TR(ui, "Grace (interest only)"), v,
                      pr.terms.grace > 0, pr.terms.grace + 1 < pr.terms.installments);
    pr.terms.grace += step;
    changed |= step != 0;
    y += 50;
    ud_money_text(app, pr.min_amount, m1, sizeof m1);
    step = ud_stepper(app, ud_rect(a.x, y, w, 44), TR(ui, "Smallest loan"), m1,
                      ud_round_step(pr.min_amount, false) > 0,
                      ud_round_step(pr.min_amount, true) <= pr.max_amount);
    if (step != 0) {
        pr.min_amount = ud_round_step(pr.min_amount, step > 0);
        changed = true;
    }
    ud_money_text(app, pr.max_amount, m2, sizeof m2);
    step = ud_stepper(app, ud_rect(x2, y, w, 44), TR(ui, "Largest loan"), m2,
                      ud_round_step(pr.max_amount, false) >= pr.min_amount, true);
    if (step != 0) {
        pr.max_amount = ud_round_step(pr.max_amount, step > 0);
        changed = true;
    }
    y += 50;
    snprintf(v, sizeof v, "%.0f%%", ud_rate_to_percent(pr.compulsory_savings));
    step = ud_stepper(app, ud_rect(a.x, y, w, 44), TR(ui, "Compulsory savings"), v,
                      pr.compulsory_savings >= UD_RATE_PERCENT(1),
                      pr.compulsory_savings + UD_RATE_PERCENT(1) <= UD_RATE_PERCENT(50));
    pr.compulsory_savings += step * UD_RATE_PERCENT(1);
    changed |= step != 0;
    y += 50;
    if (pr.group_liability) {
        snprintf(v, sizeof v, "%d", pr.group_min);
        step = ud_stepper(app, ud_rect(a.x, y, w, 44), TR(ui, "Group, fewest members"), v,
                          pr.group_min > 2, pr.group_min < pr.group_max);
        pr.group_min = (uint8_t)(pr.group_min + step);
        changed |= step != 0;
        snprintf(v, sizeof v, "%d", pr.group_max);
        step = ud_stepper(app, ud_rect(x2, y, w, 44), TR(ui, "Group, most members"), v,
                          pr.group_max > pr.group_min, pr.group_max < 10);
        pr.group_max = (uint8_t)(pr.group_max + step);
        changed |= step != 0;
        y += 50;
    }
    y += 6;
    /* what a client really pays, for the largest loan of the product, compulsory savings
     * included */
    double apr = 0, eir = 0;
    if (ud_product_cost(&products[i], products[i].max_amount, &apr, &eir) == UD_TERMS_OK) {
        snprintf(v, sizeof v, "%s: %s %.1f%%  ·  %s %.1f%% %s", TR(ui, "Clients really pay"),
                 TR(ui, "APR"), apr, TR(ui, "EIR"), eir, TR(ui, "a year"));
        y += ud_ui_paragraph(ui, v, a.x, y, a.w - 10, UD_FONT_NORMAL, p->accent) + 4;
    }
    ud_ui_paragraph(ui,
                    pr.group_liability
                        ? TR(ui, "Lent to joint-liability groups of one hamlet: members pay for "
                                 "a member who cannot.")
                        : TR(ui, "Lent to individuals."),
                    a.x, y, a.w - 10, UD_FONT_SMALL, p->text_dim);
    if (changed) {
        ud_command set = ud_command_new(UD_CMD_SET_PRODUCT);
        set.index = i;
        set.product = pr;
        ud_app_command(app, &set);
    }
    if (cap > 0) {
        snprintf(v, sizeof v, "%s %.1f%%", TR(ui, "A credit line caps client rates at"),
                 ud_rate_to_percent(cap));
        ud_ui_label(ui, v, a.x, a.y + a.h - 60, UD_FONT_SMALL, true, p->bad);
    }
}
