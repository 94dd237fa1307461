-- Sound strategy for m1: group loans only, priced to cover costs and shown as what they
-- cost (declining balance, 32% a year), small first loans that grow with each repaid loan,
-- close follow-up, trained staff for the group meetings, and no donor money: the policy
-- must stand on its own.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 32 })
    set_policy { groups_only = true, first_loan_cap = 1200000, repeat_step_up = 50,
                 loan_to_income_cap = 25 }
    set_follow_up(0.8)
    hire { count = 1, salary = 2000000, training = 1 }
  end
  local load = indicator("borrowers_per_officer")
  if load ~= nil and load > 250 and common.employed_officers() < 6 then
    hire { count = 1, salary = 2000000, training = 1 }
  end
end
