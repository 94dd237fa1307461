-- Sound strategy for m1: group loans only, small first loans that grow with each repaid
-- loan, close follow-up, and no donor money: the policy must stand on its own.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  if month == 1 then
    set_policy { groups_only = true, first_loan_cap = 1200000, repeat_step_up = 50,
                 loan_to_income_cap = 25 }
    set_follow_up(0.8)
  end
  if month % 4 == 0 and common.employed_officers() < 5 then
    hire { count = 1, salary = 2000000, training = 1 }
  end
end
