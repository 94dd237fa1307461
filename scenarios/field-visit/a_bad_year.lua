-- Field visit: a well-run village unit in West Java, and the year the rains failed.

scenario {
  id = "field_visit_bad_year",
  title = "Keeping a good unit good through a bad year",
  module = "field-visit",
  difficulty = 3,
  months = 20,
  seed = 51,
  currency = "IDR",
  objectives = {
    "See what makes a village unit well managed: savings, follow-up, prudent loan sizes",
    "Respond to a drought without losing the portfolio or the clients",
    "Tell rescheduling from writing off, and when each fits",
  },
  briefing = [[
You take over a village unit in West Java modelled on the best-managed ones: four trained
officers with three years in the job, a savings product, prices that cover costs. It has
320 borrowers on monthly loans taken over the last year, most of them on their third loan,
each with savings at the unit; a few are late. Then the rains fail. Farm incomes will collapse for months, and an
illness spreads in two hamlets. The board suggests cutting costs: fewer visits, one less
officer. Keep the unit excellent through the bad year.]],
  lesson = {
    -- The bad year, judged on both axes at its end: the holistic score (the lower of the
    -- institution and client scores, each defined in the trainers' guide). The institution's
    -- counts the worst adjusted PAR of the year (PAR30 plus write-offs, so that writing the
    -- farmers off cannot pass for keeping them) and its losses; the clients' counts the
    -- households in distress and the over-indebted. Adjusted PAR alone could not tell the
    -- lesson's mistakes apart: lending more into the drought keeps PAR down for the year
    -- (the new loans pay the old instalments) while the debt lands on the clients, and three
    -- sets of sound strategies written apart from each other tied with it on PAR (beating it
    -- on 30-43% of seeds) but beat it on this score on 90-97%.
    indicator = "holistic_score", better = "higher", window = { take = "end" },
    -- The first is the debrief's reference: it reschedules, as the lesson says, and meets
    -- every goal in about half the runs; staying close without rescheduling misses the
    -- write-off goal in most (100 seeds: 53% and 16%).
    sound = { "../strategies/field_visit_reschedule_farmers.lua",
              "../strategies/field_visit_stay_close.lua" },
    naive = { "../strategies/field_visit_cut_costs.lua",
              "../strategies/field_visit_lend_through_it.lua" },
    probes = { "../strategies/probes/press_space.lua",
               "../strategies/probes/reschedule_every_late_loan.lua",
               "../strategies/probes/overprice.lua",
               "../strategies/probes/lend_nothing.lua",
               "../strategies/probes/penny_salaries.lua",
               "../strategies/probes/write_off_every_late_loan.lua",
               "../strategies/probes/freeze_credit.lua" },
  },
}

village {
  households = 800,
  hamlets = { "Cipayung", "Cisarua", "Tugu", "Citeko" },
  business_mix = { trade = 25, farming = 45, livestock = 10, crafts = 10, services = 10 },
  median_income = 2600000,
}

mfi {
  institution = "village_bank",
  equity = 700000000,
  savings_rate = 5,
  officers = { count = 4, salary = 2300000, training = 2, honesty = 1.0,
               experience_months = 36 },
  follow_up = 0.6,
  reputation = 0.8,
  -- Prudent sizing as the best village units practise it: a modest first loan, repeat
  -- loans a step larger, instalments within a quarter of income, no past serious arrears.
  policy = { first_loan_cap = 3000000, repeat_step_up = 20, loan_to_income_cap = 25,
             max_past_arrears_days = 30 },
  -- A year of history: 320 borrowers (80 an officer), 2% late, savings with the unit.
  opening = { clients = 320, product = 1, months_old = 11, in_arrears = 0.02,
              savings = 1500000, repaid_loans = 2 },
}

product { name = "Kupedes monthly", method = "flat", rate = 22, installments = 12,
          frequency = "monthly", fee_percent = 1, min = 500000, max = 10000000 }
product { name = "Farm seasonal", method = "declining-annuity", rate = 24, installments = 8,
          frequency = "monthly", grace = 3, fee_percent = 1, min = 500000, max = 6000000,
          businesses = { "farming", "livestock" } }

-- Judged through the bad year, not at its end: rescheduling every late loan on its first day
-- late hides nothing at month 20 but carries more arrears all year.
goal { indicator = "par30", below = 0.06, from = 6, month = 20,
       text = "PAR30 averaged below 6% through the bad year (months 6 to 20)" }
-- The norm is under 2% a year (shared/INDICATORS.md); a drought year is allowed a little more,
-- not the 4% of a unit that watches the drought without visiting its farmers more (pressing
-- Space: the worst month's figure is 4.1% on average over 60 seeds, under 2.5% in one run in
-- ten; staying close 2.8%, rescheduling the farmers 1.9%) nor the 7% of one that cuts its visits.
-- Judged in every month of the bad year: loans written off as the drought began would leave
-- no trace in the figure for the year to month 20.
goal { indicator = "write_off_ratio", below = 0.025, from = 6, take = "worst", month = 20,
       text = "Write-offs below 2.5% of the portfolio a year, in every month of the bad year (6 to 20)" }
goal { indicator = "oss", above = 1.0, month = 20, text = "Still covering costs (OSS above 100%)" }
goal { indicator = "active_borrowers", above = 300, month = 20,
       text = "Still serving more than 300 clients" }
-- The clients: distress (poor, over-indebted or in default), not income poverty alone (engine/
-- MODEL.md, "Depth and impact"). The drought puts a few percent more households in distress
-- whatever the unit does (20 seeds: 1.02 of the start for the sound strategies, four runs in
-- five under 1.05; pressing Space 1.03); lending nothing, freezing credit, cutting the visits
-- or lending freely through it make it about 1.05-1.06, paying the officers a pittance 1.11,
-- writing every late loan off 1.4.
goal { indicator = "households_in_distress", below = 1.05, of_start = true, month = 20,
       text = "At most 5% more households in distress than at the start, drought and all" }
-- Loans pushed on households whose income has collapsed: the borrowers whose instalments take
-- more than 40% of their income (the over-indebtedness line of engine/MODEL.md, 4; the Smart
-- Campaign's client protection principle of preventing over-indebtedness). The sound
-- strategies keep them at 0.3-1.2% of borrowers on average through the bad year (20 seeds);
-- lending freely through it, 8.7%.
goal { indicator = "overindebted_share", below = 0.05, from = 6, month = 20,
       text = "Fewer than 5% of borrowers over-indebted (instalments above 40% of income), on average through the bad year" }
-- Paid fairly to the end: officers paid well below the market wage for their training leave
-- and work less (engine/MODEL.md, 3), but mostly after the game's last month, so a pay cut in
-- the final months would otherwise cost nothing; the SPTF's Universal Standards ask providers
-- to treat staff responsibly, fair pay included. Every month of the last year, judged on pay
-- against the market wage for each officer's level: a course without a raise (87%) passes,
-- the legal minimum wage (about half) does not.
goal { indicator = "pay_to_market", above = 0.8, from = 9, take = "worst", month = 20,
       text = "Officers paid at least 80% of the market wage for their training, every month of the last year" }
-- Officers let go in the bad year count (engine/MODEL.md, 3): a unit of four that fires three
-- near the end loses what they knew of the farmers. About a quarter a year is usual (MIX);
-- four officers at the market wage lose four or more in 20 months in about 8% of games.
goal { indicator = "staff_turnover", below = 0.6, month = 20,
       text = "Fewer than 60% of the officers leave a year" }

at_month(6, function()
  shock { kind = "drought", share = 0.9, severity = 0.7, months = 8,
          text = "The rains have failed: farm and livestock incomes collapse." }
  shock { kind = "illness", hamlets = { "Tugu", "Citeko" }, share = 0.3, severity = 0.4,
          months = 4, text = "An illness spreads in Tugu and Citeko." }
end)

-- The board's advice arrives with the first month of the drought: a real mistake a unit is
-- pressed to make (the naive field_visit_cut_costs follows it). The choice stays the
-- trainee's: follow-up on the Arrears tab, officers on the Staff tab.
at_month(7, function()
  news("The board writes: with the drought, cut costs. Fewer visits to borrowers and one officer less. The decision is yours (Arrears and Staff tabs).")
end)

-- What the debrief teaches depends on what the trainee did through the drought and on
-- the arrears of the bad year (the lesson's window: months 6 to 20).
local common = require("lib.common")

on("officer_fired", function(e)
  mem.fired = (mem.fired or 0) + 1
end)

-- The bad year's mean PAR30 plus the year's write-offs at its end: arrears held if both
-- together stay under 9% (the sound policies' runs end at 5-7%, the mistakes' at 10-15%).
-- A unit that went under before month 20 is judged on its last month (indicator() without a
-- month), since the later months were never played.
local function arrears_held()
  return common.mean("par30", 6, 20) + indicator("write_off_ratio") < 0.09
end

local function loans_grew()
  return indicator("avg_loan_to_income", math.min(14, month()))
         > 1.25 * indicator("avg_loan_to_income", math.min(5, month()))
end

lesson { text = "Staying close to clients in a crisis kept arrears from becoming defaults.",
         when = function() return (mem.fired or 0) == 0 and not loans_grew() and arrears_held() end }
lesson { text = "Cutting staff in the crisis saved a little and lost much more in arrears.",
         when = function() return (mem.fired or 0) > 0 and not arrears_held() end }
lesson { text = "You cut staff in the crisis and arrears held this time; fewer officers means fewer visits just when clients need them.",
         when = function() return (mem.fired or 0) > 0 and arrears_held() end }
lesson { text = "Arrears outlasted the drought: households whose income collapsed need visits, and sometimes a new schedule, more than new loans.",
         when = function() return (mem.fired or 0) == 0 and not loans_grew() and not arrears_held() end }
lesson { text = "Rescheduling the drought-hit fitted their instalments to the next harvest: a new schedule costs less than a write-off, though PAR30 counts it as at risk until it has been paid on time for three months.",
         when = function() return peak("rescheduled_ratio") > 0.01 and indicator("write_off_ratio") < 0.05 end }
lesson { text = "Loans grew during the drought: bigger loans to households whose income had collapsed piled debt on debt.",
         when = loans_grew }
