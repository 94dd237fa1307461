-- Sound strategy for m1: small first loans through groups, step-ups for good payers, training.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_policy { first_loan_cap = 1500000, repeat_step_up = 40, loan_to_income_cap = 30 }
  end
  common.answer_offers({ grant_training = true })
  -- Keep caseloads manageable as outreach grows.
  if month % 6 == 0 and common.employed_officers() < 4 then
    hire { count = 1, salary = 2000000, training = 1 }
  end
end
