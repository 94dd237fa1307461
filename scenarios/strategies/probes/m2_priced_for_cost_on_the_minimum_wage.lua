-- Probe for m2: the sound lender (m2_price_for_cost_no_line: no capped line, the grants,
-- the group loan priced to cover its costs) with every officer on the legal minimum wage.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true, grant_infrastructure = true })
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 36, fee_percent = 0 })
    set_follow_up(0.7)
  end
  common.pay_the_minimum_wage()
end
