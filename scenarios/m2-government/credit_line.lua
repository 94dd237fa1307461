-- Module 2, government support: a cheap credit line that is not as cheap as it looks.

scenario {
  id = "m2_credit_line",
  title = "The government credit line",
  module = "m2-government",
  difficulty = 2,
  months = 36,
  seed = 21,
  currency = "IDR",
  objectives = {
    "Tell a cheap loan from a good one: price caps, dependence, and what happens when it ends",
    "Compare subsidy kinds: credit lines distort prices, grants for roads and training do not",
    "Read the subsidy dependence index and the FSS",
  },
  briefing = [[
The district government wants to show results before the next budget. It offers your
unit a large credit line at 3% a year, on one condition: no client may pay more than 12%.
A donor also offers to pay for business training in the hamlets. Your unit is new: two
officers, 450 million rupiah of equity as its only funding, and no clients yet. Decide what to accept, and keep the unit able to stand
on its own.]],
  lesson = {
    -- The module makes two claims, one on each axis: a cheap capped line breeds dependence
    -- (the institution: FSS, equity, portfolio quality) and grants for training and roads help
    -- the clients without distorting prices. FSS alone counts every grant as a subsidy, so a
    -- unit that declined the grants won on it (a red team's "decline everything" beat the
    -- sound strategies on 80-100% of seeds while its clients lost 22 points). The lower of
    -- the two scores judges both claims.
    indicator = "holistic_score", better = "higher", window = { take = "end" },
    sound = { "../strategies/m2_grants_not_caps.lua",
              "../strategies/m2_price_for_cost_no_line.lua" },
    naive = { "../strategies/m2_take_everything.lua",
              "../strategies/m2_cheap_line_no_grants.lua" },
    probes = { "../strategies/probes/press_space.lua",
               "../strategies/probes/reschedule_every_late_loan.lua",
               "../strategies/probes/overprice.lua",
               "../strategies/probes/lend_nothing.lua",
               "../strategies/probes/penny_salaries.lua",
               "../strategies/probes/m2_priced_for_cost_on_the_minimum_wage.lua",
               "../strategies/probes/write_off_every_late_loan.lua",
               "../strategies/probes/take_everything_and_reprice.lua" },
  },
}

village { households = 400, median_income = 2400000, poverty_line = 17000 }

mfi {
  institution = "ngo",
  equity = 450000000,
  officers = { count = 2, salary = 2000000, training = 1, honesty = 1.0 },
  market_rate = 14,
}

product { name = "Group weekly", method = "flat", rate = 24, installments = 25,
          frequency = "weekly", fee_percent = 1, min = 500000, max = 5000000,
          group = { min = 4, max = 7 }, compulsory_savings = 5 }
product { name = "Individual monthly", method = "declining-annuity", rate = 32,
          installments = 12, frequency = "monthly", fee_percent = 1.5,
          min = 1000000, max = 10000000 }

goal { indicator = "fss", above = 1.0, month = 36, text = "FSS above 100%: sustainable without subsidy" }
-- The subsidy dependence index is a trailing twelve-month figure and the district recalls
-- its line in month 24: judged in month 36 alone, a unit that held the capped line for two
-- years would look as independent as one that never took it. Averaged from month 13, a unit
-- that declined the line and took the grants stays well under 200%; a unit living on the line
-- averages several times that.
goal { indicator = "subsidy_dependence", below = 2.0, from = 13, month = 36,
       text = "Subsidy dependence averaged below 200% over the last two years" }
-- A calm village grows a little better off on its own (without the unit, 20 seeds: 0.968 of
-- the start). Loans that fit the borrowers' businesses bring poverty down further (the sound
-- strategies: 0.847 and 0.799, four runs in five under 0.863); a unit left as it stands does
-- less (0.932), and cheap capped credit without the grants' training less still (0.913).
goal { indicator = "households_in_poverty", below = 0.90, of_start = true, month = 36,
       text = "At least 10% fewer households in poverty than at the start" }
goal { indicator = "active_borrowers", above = 120, month = 36, text = "More than 120 clients" }
-- Portfolio quality belongs to sustainability too: without it, rescheduling every late loan
-- would meet every goal as often as sound lending.
-- Judged over the last year, not one month: rescheduling every late loan can bring one
-- month under 5% without a healthy portfolio behind it. A calm village with no shock: the
-- lower half of the 1-5% range of small rural lenders (engine/MODEL.md, Calibration).
-- Measured over seeds 1-40: sound policies average under 2.5% in 80-95% of runs, rescheduling
-- every late loan in 5-13%.
goal { indicator = "par30", below = 0.025, from = 25, month = 36,
       text = "PAR30 averaged below 2.5% over the last year" }
-- New schedules for households that need them, not for every late payer: no drought or flood
-- strikes this village, so a rescheduled loan is a household's own mishap (a few a year). A
-- unit that reschedules every late loan hides its arrears in new schedules (Sa-Dhan's
-- performance standards warn that rescheduling "can spell disaster for the portfolio" and
-- teaches clients to expect it); the rescheduled ratio is shown beside PAR30 for that reason
-- (CGAP). Sound strategies stay under 2% (one that reschedules every late borrower with a
-- hardship on the first day late, 3.3%); rescheduling every late loan reaches 5-54%.
goal { indicator = "rescheduled_ratio", below = 0.04, from = 25, month = 36,
       text = "Rescheduled loans below 4% of the portfolio, on average over the last year" }
-- Client protection: borrowers whose instalments take more than 40% of their income (the
-- over-indebtedness line of engine/MODEL.md, 4; the Smart Campaign's principle of preventing
-- over-indebtedness), on average over the last year. Loans sized to repayment capacity keep them to a few
-- percent; big loans without an income cap, or pushed in a hurry, do not.
goal { indicator = "overindebted_share", below = 0.05, from = 25, month = 36,
       text = "Fewer than 5% of borrowers over-indebted (instalments above 40% of income), on average over the last year" }
-- Officers paid below the market wage resign, and their clients lose the officer who knew
-- them (engine/MODEL.md, 3); officers let go count too (not those an audit caught stealing).
-- About a quarter a year is usual (MIX); three times that is a unit that cannot keep its
-- people. The margin is for luck: two officers at the market wage (2% a month each) still
-- lose four in 36 months in about 6% of games (Poisson, mean 1.44), 0.67 a year, and five in
-- under 2%; officers paid half the market wage leave at about 1.2 a year.
goal { indicator = "staff_turnover", below = 0.75, month = 36,
       text = "Fewer than 75% of the officers leave a year" }
-- Paid fairly to the end: officers paid well below the market wage for their training leave
-- and work less (engine/MODEL.md, 3), but mostly after the game's last month, so a pay cut in
-- the final months would otherwise cost nothing; the SPTF's Universal Standards ask providers
-- to treat staff responsibly, fair pay included. Every month of the last year, judged on pay
-- against the market wage for each officer's level: a course without a raise (87%) passes,
-- the legal minimum wage (about half) does not.
goal { indicator = "pay_to_market", above = 0.8, from = 25, take = "worst", month = 36,
       text = "Officers paid at least 80% of the market wage for their training, every month of the last year" }
lose_if { indicator = "equity", below = 0, text = "The unit's equity is gone" }

local common = require("lib.common")

at_month(3, function()
  mem.line = offer {
    kind = "credit_line", lender = "government", amount = 600000000, rate = 3,
    term_months = 60, client_rate_cap = 12, expires_in = 3,
    text = "The district offers a credit line of 600 million at 3%, if clients pay at most 12%.",
  }
  offer {
    kind = "grant_training", lender = "donor", amount = 40000000, effect = 0.15,
    text = "A donor offers business training for your clients in every hamlet.",
  }
end)

at_month(12, function()
  offer {
    kind = "grant_infrastructure", lender = "government", amount = 0, effect = 0.10,
    hamlets = { "Sukamaju", "Mekarsari" },
    text = "The district offers to pave the market road to Sukamaju and Mekarsari.",
  }
end)

at_month(24, function()
  -- a line taken and repaid before the recall: its cap went with it (the lessons say so)
  mem.line_repaid_early = common.offer_accepted("credit_line") and rate_cap() == nil
  for _, b in ipairs(borrowings()) do
    if b.active and b.lender == "government" then
      recall_credit_line(b.id)
      news("After the election the district recalls its credit line: repay it now.")
    end
  end
end)

-- What the debrief teaches depends on what the trainee did and what came of it.

local function line_taken()
  return common.offer_accepted("credit_line")
end

local function any_grant()
  return common.offer_accepted("grant_training") or common.offer_accepted("grant_infrastructure")
end

local function line_held()
  return line_taken() and not mem.line_repaid_early
end

lesson { text = "The 12% cap kept your prices below your costs: the cheap line made you dependent.",
         when = function() return line_held() and indicator("subsidy_dependence") > 1 end }
lesson { text = "You took the cheap line and still cover your costs at market prices: few units manage it under a 12% cap.",
         when = function() return line_held() and indicator("subsidy_dependence") <= 1 end }
lesson { text = "You took the capped line and repaid it early, and its cap went with it: cheap money with strings is cheap only while you accept the strings.",
         when = function() return line_taken() and mem.line_repaid_early end }
lesson { text = "You declined the capped line and kept prices that cover costs: the unit can stand without subsidy.",
         when = function() return not line_taken() and indicator("fss") >= 1 end }
lesson { text = "You declined the capped line, but your prices do not yet cover every cost at market rates (FSS below 100%).",
         when = function() return not line_taken() and indicator("fss") < 1 end }
lesson { text = "Grants for training and roads raised clients' returns without distorting your prices.",
         when = any_grant }
lesson { text = "You declined the grants for training and roads: they raise clients' returns without touching your prices.",
         when = function() return not any_grant() end }
