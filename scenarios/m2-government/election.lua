-- Module 2, government support: an election, a promised loan waiver, and directed lending.
-- Sizes: India's 2008 debt waiver raised later defaults among the borrowers who expected
-- it and slowed repayment beyond them (Giné and Kanz 2018, Review of Financial Studies);
-- in Andhra Pradesh in 2010 politicians' calls not to repay took collection rates from
-- above 95% to below 20% within months (CGAP 2010 Focus Note on the Andhra Pradesh
-- crisis). The strengths below are modest against those cases.

scenario {
  id = "m2_election",
  title = "The election",
  module = "m2-government",
  difficulty = 3,
  months = 24,
  seed = 22,
  currency = "IDR",
  objectives = {
    "See how a promised loan waiver damages the repayment culture",
    "Recognise directed lending as patronage that borrowers do not repay",
    "Keep business and politics apart, and say so to the clients",
  },
  briefing = [[
Your unit opens this month in a district that votes for its head in a year and a half: two trained
officers, 450 million rupiah of equity, a weekly group loan and a monthly individual
loan, no clients yet. Candidates will want your help. Decide what you say to them and to
your clients, and keep the unit's loans being repaid.]],
  lesson = {
    -- The campaign and the year after: mean PAR30 from the promise to the end, with the
    -- year's write-offs added back (adjusted PAR), so that writing late loans off cannot
    -- hide them.
    indicator = "adjusted_par30", better = "lower", window = { from = 7, to = 24, take = "mean" },
    sound = { "../strategies/m2_election_stand_firm.lua",
              "../strategies/m2_election_quiet_appraisal.lua" },
    naive = { "../strategies/m2_election_go_along.lua",
              "../strategies/m2_election_lend_into_the_campaign.lua" },
    probes = { "../strategies/probes/press_space.lua",
               "../strategies/probes/reschedule_every_late_loan.lua",
               "../strategies/probes/lend_nothing.lua",
               "../strategies/probes/freeze_credit.lua",
               "../strategies/probes/write_off_every_late_loan.lua",
               "../strategies/probes/overprice.lua" },
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

-- Arrears are judged in every month of the second year, not at month 24 alone nor as an
-- average from the campaign on: a unit that lets the waiver rumour run and writes the damage
-- off can look clean at the end, and one that loosens every rule in the campaign sees its
-- arrears only after month 18, which an average from month 7 hid (a red team's "campaign
-- boom" met every goal in 27% of runs with PAR30 at 5.8% and rising in month 24).
goal { indicator = "par30", below = 0.05, from = 13, take = "worst", month = 24,
       text = "PAR30 below 5% in every month of the second year" }
-- Write-offs too: PAR30 reads the books after them, so a unit writing off every loan that
-- falls two months behind kept its PAR30 low and met every goal (a red team, 87% of runs,
-- write-offs 4.2% of the portfolio a year in the median run, against under 1% for lenders
-- that refused the patron). 3% a year allows a small unit an unlucky year; the norm is
-- under 2% (shared/INDICATORS.md), as in module 4.
goal { indicator = "write_off_ratio", below = 0.03, from = 13, take = "worst", month = 24,
       text = "Write-offs below 3% of the portfolio a year, in every month of the second year" }
goal { indicator = "oss", above = 0.9, month = 24, text = "OSS above 90% in its second year" }
goal { indicator = "active_borrowers", above = 120, month = 24, text = "More than 120 clients" }
-- A calm village holds its own without a lender (20 seeds: a unit that lends nothing ends its
-- two years at 0.986 of the start); a unit that lends well takes a few points off (the sound
-- strategies: 0.969 and 0.967, four runs in five under 0.99), one that goes along with the
-- candidate raises it (1.07), as does lending into the campaign (1.05). The goal is to do no
-- harm: no more distress than at the start. Counted as households poor, over-indebted or in
-- default, not as poverty alone: loose big loans lift incomes over the line while they last
-- and leave their borrowers unable to repay.
goal { indicator = "households_in_distress", below = 1.0, of_start = true, month = 24,
       text = "Distress held: no more households poor, over-indebted or in default than at the start" }
-- New schedules for households that need them, not for every late payer: no drought or flood
-- strikes this village, so a rescheduled loan is a household's own mishap (a few a year). A
-- unit that reschedules every late loan hides its arrears in new schedules (Sa-Dhan's
-- performance standards warn that rescheduling "can spell disaster for the portfolio" and
-- teaches clients to expect it); the rescheduled ratio is shown beside PAR30 for that reason
-- (CGAP). Sound strategies stay under 2% (one that reschedules every late borrower with a
-- hardship on the first day late, 3.3%); rescheduling every late loan reaches 5-54%.
goal { indicator = "rescheduled_ratio", below = 0.04, from = 13, month = 24,
       text = "Rescheduled loans below 4% of the portfolio, on average over the second year" }
-- Client protection: borrowers whose instalments take more than 40% of their income (the
-- over-indebtedness line of engine/MODEL.md, 4; the Smart Campaign's principle of preventing
-- over-indebtedness), on average over the second year. Loans sized to repayment capacity keep them to a few
-- percent; big loans without an income cap, or pushed in a hurry, do not.
goal { indicator = "overindebted_share", below = 0.05, from = 13, month = 24,
       text = "Fewer than 5% of borrowers over-indebted (instalments above 40% of income), on average over the second year" }
-- Paid fairly to the end: officers paid well below the market wage for their training leave
-- and work less (engine/MODEL.md, 3), but mostly after the game's last month, so a pay cut in
-- the final months would otherwise cost nothing; the SPTF's Universal Standards ask providers
-- to treat staff responsibly, fair pay included. Every month of the game, in this short one:
-- judged from month 13 only, the minimum wage through the first year met every goal as often
-- as sound play (a red team). On pay against the market wage for each officer's level: a
-- course without a raise (87%) passes, the legal minimum wage (about half) does not.
goal { indicator = "pay_to_market", above = 0.8, from = 1, take = "worst", month = 24,
       text = "Officers paid at least 80% of the market wage for their training, every month" }
lose_if { indicator = "equity", below = 0, text = "The unit's equity is gone" }

at_month(7, function()
  news("The campaign has begun. A candidate promises that 'small loans will be forgiven'.")
  ask {
    text = "The candidate asks you to lend to everyone in Sukamaju, his home hamlet, and says he will take care of their debts after the election. What do you do?",
    options = { "Refuse, and tell every client publicly that no loan will be waived",
                "Go along: approve Sukamaju's applicants and say nothing" },
    -- A manager who decides nothing says nothing, and the candidate's people take silence
    -- for a yes: doing nothing is going along.
    default = 2,
    answer = function(choice)
      mem.went_along = choice == 2
      if choice == 1 then
        -- A public disavowal cuts the rumour short; it does not stop it.
        political { kind = "waiver_promise", months = 3, strength = 0.15,
                    text = "You tell every group meeting: no loan will be waived." }
      else
        political { kind = "waiver_promise", months = 10, strength = 0.4,
                    text = "The waiver rumour spreads: why repay a loan that will be forgiven?" }
        political { kind = "directed_lending", hamlet = "Sukamaju", months = 10,
                    text = "Every applicant from Sukamaju is approved, at the candidate's request." }
      end
    end,
  }
end)

at_month(17, function()
  news("The election is over. No waiver comes.")
end)

-- What the debrief teaches depends on the answer given and on the arrears from the
-- campaign to the end (the lesson's window: months 7 to 24).
local common = require("lib.common")

local function arrears_rose()
  return common.mean("par30", 7, 24) >= 0.05
end

lesson { text = "Politics in lending: borrowers who expected a waiver stopped repaying, and their neighbours followed.",
         when = function() return mem.went_along and arrears_rose() end }
lesson { text = "You went along with the candidate and arrears stayed low this time; loans handed out on a patron's list are still the ones repaid worst.",
         when = function() return mem.went_along and not arrears_rose() end }
lesson { text = "You kept business and politics apart and told clients so: repayment held.",
         when = function() return not mem.went_along and not arrears_rose() end }
lesson { text = "Even refused, the waiver rumour cost some repayment; saying no in public cut it short.",
         when = function() return not mem.went_along and arrears_rose() end }
