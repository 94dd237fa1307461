/* The standard microfinance indicators, computed each month from the books and the village.
 *
 * Definitions follow CGAP/SEEP, "Microfinance Consensus Guidelines: Definitions of Selected
 * Financial Terms, Ratios, and Adjustments for Microfinance" (2003), the SEEP Microfinance
 * Financial Reporting Standards, and Yaron (World Bank, 1992) for subsidy dependence.
 *
 * Window: flow ratios (yield, expense ratio, cost per borrower, OSS, FSS, SDI) use the
 * trailing twelve months when twelve exist, otherwise the months so far, scaled to a year
 * where a yearly figure is meant. "Average" balances are the mean of the month-end balances
 * over the same window, the opening balance included.
 *
 *   active_borrowers      = clients with a loan outstanding (ghost loans included: the
 *                           books cannot tell them apart until an audit)
 *   women_share           = active women borrowers / active borrowers
 *   avg_loan_to_income    = (gross portfolio / active borrowers) / mean household income a year
 *   par30, par90          = principal outstanding of loans with an instalment more than 30 (90)
 *                           days late, renegotiated loans included (in PAR90 those rescheduled
 *                           without a hardship) / gross portfolio
 *   risk_coverage         = loan-loss reserve / PAR30 portfolio (1.0 when nothing is at risk)
 *   portfolio_yield       = interest and fee income from loans / average gross portfolio
 *                           (a year)
 *   opex_ratio            = operating expense / average gross portfolio (a year)
 *   cost_per_borrower     = operating expense (a year) / average active borrowers
 *   borrowers_per_officer = active borrowers / loan officers
 *   oss                   = financial revenue / (financial expense + net provision expense
 *                           + operating expense)
 *   fss                   = financial revenue / (those expenses + inflation x (average equity
 *                           - average fixed assets) + (market rate - rate paid) x average
 *                           concessional debt + grants and in-kind subsidies)
 *   subsidy_dependence    = S / (LP x n), S = A(m - c) + (E m - P) + K: A average concessional
 *                           debt, m market rate, c rate paid on it, E average equity, P profit,
 *                           K grants received; LP average gross portfolio; n portfolio yield
 *   households_in_poverty = households with income per person per day below the poverty line
 *   rescheduled_ratio     = principal outstanding of rescheduled loans / gross portfolio
 *                           (CGAP: shown beside PAR30 so rescheduling cannot hide arrears)
 *   write_off_ratio       = loans written off (automatic and by the manager) in the window
 *                           / average gross portfolio (a year)
 *   deposits_to_loans     = client savings / gross portfolio
 *   roa                   = net result (a year) / average total assets
 *   capture_share         = active loans to women whose use others control / active loans to
 *                           women (capture_by_product: the same by product)
 *   poor_clients          = active borrowers whose household was below the poverty line when
 *                           the game started (depth of outreach, Schreiner 2002)
 *   poor_reach            = poor_clients / households below the line at the start
 *   poor_client_income_gain = among the households poor at the start: income growth since
 *                           the start of those the MFI has lent to, less that of those it never
 *                           lent to, compared within each quartile of starting income and
 *                           weighted by clients (0 until both exist): a difference in
 *                           differences with households matched on where they started
 *   pay_to_market         = the salaries of the officers employed / the market wages of
 *                           their training levels, this month (0 without officers)
 *   staff_turnover        = officers who left since the start (resigned, or let go by the
 *                           manager; not those an audit caught stealing) / officer-years
 *                           employed since the start (a yearly rate; MIX reports staff
 *                           turnover yearly: the whole game is used so that one resignation in
 *                           a unit of three officers does not swing it)
 */
#ifndef UD_INDICATORS_H
#define UD_INDICATORS_H

#include "ud/books.h"
#include "ud/money.h"

#include <stdio.h>

typedef struct ud_indicators {
    int month;
    ud_money cash, gross_portfolio;
    int active_borrowers;
    double women_share, avg_loan_to_income, par30, par90;
    ud_money write_offs, recoveries, loan_loss_reserve;
    double risk_coverage;
    ud_money deposits, borrowings, equity, total_assets, total_liabilities;
    ud_money financial_revenue, financial_expense, provision_expense, operating_expense;
    double portfolio_yield, opex_ratio;
    ud_money cost_per_borrower;
    double borrowers_per_officer, oss, fss, subsidy_dependence;
    int households_in_poverty;
    ud_money avg_household_income;
    /* beyond the CSV: for the game's welfare-by-gender view and the debrief */
    int women_borrowers, officers;
    int poor_women, poor_men, women_households;
    ud_money par30_amount, net_result, grants;
    ud_money par30_renegotiated; /* of par30_amount: rescheduled loans not yet cured and not
                                    themselves more than 30 days late */
    ud_money investment_income;  /* the month's interest on idle cash (within financial revenue) */
    double rescheduled_ratio, write_off_ratio, deposits_to_loans, capture_share, roa;
    double capture_by_product[8];   /* as capture_share, for product p (UD_MAX_PRODUCTS) */
    int forming_groups;             /* groups still forming (waiting members) */
    int directed_loans;             /* active loans pushed by a political patron */
    double overindebted_share;      /* active borrowers whose instalments exceed 40% of income */
    int poor_clients;               /* active borrowers whose household was poor at the start */
    double poor_reach;              /* poor_clients / households poor at the start */
    double poor_client_income_gain; /* poor clients' income growth less poor non-clients' */
    int women_in_distress;          /* women-headed households poor, over-indebted (instalments
                                       above 40% of income, or a rescheduled loan not yet cured)
                                       or in default (more than 30 days late, or written off in
                                       the last twelve months) */
    int households_in_distress;     /* every household poor, over-indebted or in default */
    double staff_turnover;          /* officers who left a year, over the game so far */
    double pay_to_market;           /* employed officers' pay / the market wage for their
                                       training (1: every officer paid the market wage) */
} ud_indicators;

/* Where the month's expenses went, line by line (they add up to financial plus operating
 * expense). Costs of commands applied between months count in the month that follows. */
typedef enum ud_cost_line {
    UD_COST_SALARIES = 0,
    UD_COST_OFFICE,
    UD_COST_CLIENT_VISITS, /* transport and stationery, per client */
    UD_COST_HIRING,
    UD_COST_TRAINING,
    UD_COST_AUDIT,
    UD_COST_DEPRECIATION,
    UD_COST_SAVINGS_SERVICE,    /* serving savers: counter, passbooks, cash handling */
    UD_COST_SAVINGS_INTEREST,   /* financial expense: interest credited on client savings */
    UD_COST_BORROWING_INTEREST, /* financial expense: interest on borrowed funds */
    UD_COST_LINE_COUNT
} ud_cost_line;

/* A stable lower-case name: "training". */
const char *ud_cost_line_name(ud_cost_line line);

/* What the step records for each month: stocks at month end and flows of the month. */
typedef struct ud_month_record {
    ud_money gross_portfolio, equity, fixed_assets, concessional_debt;
    int active_borrowers;
    ud_money financial_revenue, financial_expense, net_provision_expense, operating_expense;
    ud_money loan_revenue;               /* interest and fees from loans */
    ud_money concessional_interest_paid; /* interest actually paid on concessional debt */
    ud_money grants;                     /* grants and in-kind subsidies received */
    ud_money in_kind;                    /* in-kind subsidies (donated services) alone */
    ud_money net_result;
    ud_income_statement statement;          /* the month's income statement, line by line */
    ud_money cost_line[UD_COST_LINE_COUNT]; /* the month's expenses by what they paid for */
    int applications;                       /* loan applications received this month */
    ud_money write_offs;                    /* written off in the month */
    ud_money total_assets;                  /* at month end */
    int officers;                           /* loan officers employed at month end */
    int departures; /* officers who resigned or were let go (not dismissed for fraud) */
} ud_month_record;

/* The record of month m (1..months completed), or NULL. */
struct ud_sim;
const ud_month_record *ud_sim_month_record(const struct ud_sim *sim, int month);

/* Fills the window-based ratios of `out` for month `month` from records[0..month]
 * (records[0] is the opening position). market_rate and inflation are yearly. */
void ud_indicators_window(ud_indicators *out, const ud_month_record *records, int month,
                          ud_rate market_rate, double inflation);

/* The CSV header line (no newline) and one row, in the documented column order. */
const char *ud_indicators_csv_header(void);
void ud_indicators_csv_row(FILE *out, const ud_indicators *ind);

#endif
