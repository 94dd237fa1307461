-- Probe for m4: the sound lender (m4_price_cover_grow_with_staff: priced to cover costs,
-- officers trained, hired as caseloads rise, audits) with every officer on the legal minimum
-- wage, however trained.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 34, fee_percent = 0 })
    train("all")
    set_follow_up(0.8)
  end
  if month % 4 == 0 then audit() end
  common.hire_when_busy(120, 12, minimum_wage() * 2, 2)
  common.pay_the_minimum_wage()
end
