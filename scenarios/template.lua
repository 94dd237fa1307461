-- A template to start a scenario from: copy it into a module folder, e.g.
-- scenarios/m4-technical/my_scenario.lua, change what you need, and run
--   unitdesa check scenarios/m4-technical/my_scenario.lua
-- Every key below is optional except scenario{ id }. Money is in minor units (whole
-- rupiah for IDR), rates in percent (24 means 24% a year), shares between 0 and 1.

scenario {
  id = "my_scenario",                 -- short, unique, no spaces
  title = "My scenario",              -- what trainees see in the picker
  module = "m4-technical",            -- tutorial, m1-poverty, m2-government, m3-women,
                                      -- m4-technical, field-visit, or your own
  difficulty = 2,                     -- 1 (easy) to 5
  months = 24,                        -- how long the game lasts
  seed = 1,                           -- every team with this seed faces the same shocks
  currency = "IDR",                   -- or { code = "KES", minor_units = 2 }
  objectives = {
    "What trainees should understand at the end",
  },
  briefing = [[
What the trainee reads before the first month: the situation, the choices, the stakes.]],
  -- The claim the scenario teaches, proven by `unitdesa tournament` (see "The lesson and its
  -- tournament" in the guide); not the same as the debrief notes written with lesson{} below.
  -- Strategy paths are relative to this file; "strategies/..." not found beside it names the
  -- shipped ones, so the shipped probes serve any scenario wherever its folder lives.
  -- As written, this template's tournament does not hold: its goals below are examples that
  -- the probes meet too. Write goals that measure your lesson, then run the tournament again.
  lesson = {
    indicator = "adjusted_par30", better = "lower",
    window = { from = 6, to = 24, take = "mean" },
    sound = { "strategies/benchmark_prudent.lua" },
    naive = { "strategies/m4_grow_fast.lua" },
    probes = { "strategies/probes/press_space.lua", "strategies/probes/overprice.lua" },
  },
}

village {
  households = 300,
  hamlets = { "North", "South" },
  women_share = 0.5,                  -- share of households whose borrower is a woman
  business_mix = { trade = 40, farming = 40, services = 20 },
  median_income = 2400000,            -- a household's monthly income
  poverty_line = 17000,               -- per person per day
}

mfi {
  institution = "ngo",                -- ngo, cooperative or village_bank
  equity = 400000000,
  officers = { count = 2, salary = 2000000, training = 1 },
}

product {
  name = "Group weekly",
  method = "flat",                    -- flat, declining-annuity, declining-equal-principal
  rate = 24,
  installments = 25,
  frequency = "weekly",               -- weekly, fortnightly, monthly
  fee_percent = 1,
  min = 500000, max = 5000000,
  group = { min = 4, max = 7 },       -- joint liability; leave out for individual loans
}

goal { indicator = "par30", below = 0.05, month = 24, text = "PAR30 below 5%" }
lose_if { indicator = "equity", below = 0, text = "The MFI's equity is gone" }

at_month(6, function()
  shock { kind = "drought", severity = 0.5, months = 3,
          text = "The rains are late: farm incomes fall." }
end)

when(function() return indicator("par30") > 0.10 end, function()
  news("More than 10% of the portfolio is over 30 days late.")
end)

-- A debrief note, shown when its condition holds at the end (not the tournament's lesson above).
lesson { text = "Arrears stayed low through the drought.",
         when = function() return indicator("par30") < 0.05 end }
