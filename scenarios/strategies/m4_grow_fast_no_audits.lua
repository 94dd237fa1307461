-- Naive strategy for m4: the board's target met the cheap way: hire untrained officers to
-- push loans, no training and no audits. The mistake: officers nobody checks and nobody
-- trained book ghost loans and pass weak applicants; arrears come back months later.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_policy { first_loan_cap = 5000000, loan_to_income_cap = 60 }
  end
  if month % 2 == 0 and common.employed_officers() < 12 then
    hire { count = 2, salary = 2000000, training = 0 }
  end
end
