-- Module 4, technical aspects of credit: growth versus portfolio quality and internal control.

scenario {
  id = "m4_growth_and_quality",
  title = "Fast growth, slow arrears",
  module = "m4-technical",
  difficulty = 3,
  months = 36,
  seed = 41,
  currency = "IDR",
  objectives = {
    "See how over-emphasis on short-term growth leads to a PAR crisis",
    "Keep caseloads within what trained officers can follow up",
    "Use audits: without them, ghost loans and fraud go unseen",
  },
  briefing = [[
The board has set a target: triple the number of clients in a year. Your officers are
new and untrained, and nobody has audited the books since the unit opened. You can lend
faster with looser rules, or grow at the pace your staff can follow. Arrears come late:
watch PAR30, not just the number of clients.]],
  lesson = { indicator = "par30", better = "lower",
             naive = "../strategies/m4_grow_fast.lua",
             sound = "../strategies/m4_train_audit_grow_steadily.lua" },
}

village { households = 1200, median_income = 2400000 }

mfi {
  institution = "ngo",
  equity = 1500000000,
  officers = { count = 4, salary = 2000000, training = 0, honesty = 0.6 },
  policy = { first_loan_cap = 2000000, loan_to_income_cap = 25, max_past_arrears_days = 30 },
  costs = { audit = 10000000, training = 3000000 },
}

product { name = "Group weekly", method = "flat", rate = 24, installments = 25,
          frequency = "weekly", fee_percent = 1, min = 500000, max = 5000000,
          group = { min = 4, max = 7 }, compulsory_savings = 5 }
product { name = "Individual monthly", method = "declining-annuity", rate = 32,
          installments = 12, frequency = "monthly", fee_percent = 1.5,
          min = 1000000, max = 10000000 }

goal { indicator = "par30", below = 0.05, month = 36, text = "PAR30 below 5%" }
goal { indicator = "active_borrowers", above = 400, month = 36, text = "More than 400 clients" }
goal { indicator = "oss", above = 1.0, month = 36, text = "OSS above 100%" }

on("officer_fraud_found", function(e)
  news("The audit found %d ghost loans booked by officer %d.", e.object, e.subject + 1)
end)

when(function() return indicator("par30") > 0.10 end, function()
  news("PAR30 has passed 10%: the portfolio is in crisis.")
end)

lesson { text = "Growth beyond what officers can follow turned into arrears a few months later.",
         when = function() return indicator("par30") > 0.08 end }
lesson { text = "Trained officers with manageable caseloads screened and followed up well." ,
         when = function() return indicator("par30") <= 0.08 end }
lesson { text = "Audits are cheap compared with what fraud costs when nobody looks." }
