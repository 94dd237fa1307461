-- Benchmark: a well-run village unit, to check the economy against published ranges.
-- Not a training module: the calibration test plays it with a prudent reference strategy
-- over 100 seeds and checks its indicators against the ranges in engine/MODEL.md.

scenario {
  id = "benchmark_village_unit",
  title = "Benchmark: a well-run village unit",
  module = "benchmark",
  difficulty = 1,
  months = 36,
  seed = 7,
  currency = "IDR",
  objectives = {
    "Run a savings-led village unit the way the best units of West Java are run",
  },
  briefing = [[
A village unit of a rural bank: individual loans priced to cover costs and disclosed as an
APR, voluntary savings at a fair rate, trained officers at the market wage, close
follow-up. It starts with a portfolio built over the last year. This scenario measures the
model against published benchmarks; it teaches nothing on its own.]],
}

village {
  households = 2000,
  hamlets = { "Sukamaju", "Mekarsari", "Cibodas", "Sindangsari" },
  business_mix = { trade = 35, farming = 30, livestock = 10, crafts = 10, services = 15 },
  median_income = 2500000,
  going_rate = 40,
  moneylender_rate = 120,
  officer_wage = 2000000,
  minimum_wage = 1000000,
}

mfi {
  institution = "village_bank",
  equity = 700000000,
  fixed_assets = 40000000,
  savings_rate = 6,
  bank_deposit_rate = 4,
  market_rate = 14,
  officers = { count = 3, salary = 2300000, training = 2, honesty = 1.0,
               experience_months = 36 },
  follow_up = 0.6,
  reputation = 0.8,
  policy = { first_loan_cap = 3000000, repeat_step_up = 20, loan_to_income_cap = 25,
             max_past_arrears_days = 30 },
  costs = { office = 6000000, per_client = 8000, hire = 2000000, training = 3000000,
            audit = 2500000, depreciation_months = 60 },
  opening = { clients = 450, product = 1, months_old = 11, in_arrears = 0.02,
              savings = 2500000, repaid_loans = 2 },
}

product { name = "Kupedes monthly", method = "declining-annuity", rate = 26, installments = 12,
          frequency = "monthly", fee_percent = 1, min = 500000, max = 15000000 }
product { name = "Farm seasonal", method = "declining-annuity", rate = 26, installments = 8,
          frequency = "monthly", grace = 3, fee_percent = 1, min = 500000, max = 8000000 }

goal { indicator = "par30", below = 0.05, month = 36, text = "PAR30 below 5%" }
goal { indicator = "oss", above = 1.0, month = 36, text = "Covering costs (OSS above 100%)" }
