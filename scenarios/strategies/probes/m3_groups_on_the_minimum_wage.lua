-- Probe for m3: the sound women's group lender (m3_womens_groups_with_mentoring: groups,
-- prudent loan sizes, the mentoring, staff as the groups grow) with every officer, recruits
-- included, on the legal minimum wage.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    open_product(2)
    close_product(1)
    set_policy { women_only = true, groups_only = true, first_loan_cap = 2000000,
                 repeat_step_up = 40, loan_to_income_cap = 15 }
  end
  common.answer_offers({ grant_mentoring = true })
  common.hire_when_busy(300, 6, minimum_wage(), 0)
  common.pay_the_minimum_wage()
end
