-- Sound strategy for m4: price on a declining balance that covers costs and show the APR,
-- train officers before growing, hire trained officers as caseloads rise, audit every
-- four months, and reschedule (not write off) clients hit by bad luck.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 34, fee_percent = 0 })
    train("all")
    set_follow_up(0.8)
  end
  if month % 4 == 0 then audit() end
  common.hire_when_busy(120, 12, nil, 2)
end
