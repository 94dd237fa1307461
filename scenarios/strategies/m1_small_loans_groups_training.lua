-- Sound strategy for m1: small first loans through groups, step-ups for good payers, the
-- donor's training, and staff added only as caseloads reach a group lender's norm (about
-- 250 clients per officer: MicroBanking Bulletin peer groups).
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_policy { first_loan_cap = 1500000, repeat_step_up = 40, loan_to_income_cap = 30 }
  end
  common.answer_offers({ grant_training = true })
  local load = indicator("borrowers_per_officer")
  if load ~= nil and load > 250 and common.employed_officers() < 6 then
    hire { count = 1, salary = 2000000, training = 1 }
  end
end
