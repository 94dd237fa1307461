-- Probe for m1: the sound group lender (m1_groups_only: group loans priced to cover costs,
-- small first loans, close follow-up, the donor's training), but every officer on the legal
-- minimum wage, recruits included. The salaries saved look like sustainability; the
-- officers resign, and their clients lose the officer who knew them.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true })
  if month == 1 then
    open_product(1)
    set_product(1, { method = "declining-annuity", rate = 32 })
    set_policy { groups_only = true, first_loan_cap = 1200000, repeat_step_up = 50,
                 loan_to_income_cap = 15 }
    set_follow_up(0.8)
    hire { count = 1, salary = minimum_wage(), training = 1 }
  end
  common.hire_when_busy(250, 6, minimum_wage(), 1)
  common.pay_the_minimum_wage()
end
