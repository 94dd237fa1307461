-- Sound strategy for m4: train officers (and pay them what their training is worth on the
-- market), audit twice a year, hire as caseloads grow.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    train("all")
    set_follow_up(0.8)
  end
  if month == 3 then
    train("all")
  end
  if month % 6 == 0 then
    audit()
  end
  common.hire_when_busy(150, nil, nil, 2)
  common.pay_market_wages()
end
