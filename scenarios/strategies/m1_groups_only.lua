-- Sound strategy for m1: the classic group lender. Group loans only, priced to cover costs
-- and shown as what they cost (declining balance, 32% a year), small first loans that grow
-- with each repaid loan, close follow-up, a third trained officer for the group meetings
-- from the start, and the donor's training for the members. Unlike the mixed unit (small
-- group loans, individual loans for graduates), nobody borrows here without a group.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true })
  if month == 1 then
    open_product(1)
    set_product(1, { method = "declining-annuity", rate = 32 })
    set_policy { groups_only = true, first_loan_cap = 1200000, repeat_step_up = 50,
                 loan_to_income_cap = 15 }
    set_follow_up(0.8)
    hire { count = 1, salary = 2000000, training = 1 }
  end
  common.hire_when_busy(250, 6, 2000000, 1)
end
