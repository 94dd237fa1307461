-- Sound strategy for m3: open the women's group product, lend to women through groups,
-- accept the mentoring, and staff up as the groups grow to a group lender's caseload. The
-- cooperative's members save more than its women's groups can borrow: paying 4% on money
-- that lies idle costs more than it earns, so the savings rate comes down to 2%.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    open_product(2)
    close_product(1)
    set_savings_rate(2)
    -- loans sized so that the weekly instalments stay within about a third of the
    -- household's income: 15% of a year's income over 25 weeks
    set_policy { women_only = true, groups_only = true, first_loan_cap = 2000000,
                 repeat_step_up = 40, loan_to_income_cap = 15 }
  end
  common.answer_offers({ grant_mentoring = true })
  -- a group lender's caseload: about 300 members an officer (MicroBanking Bulletin)
  common.hire_when_busy(300, 6, nil, 2)
end
