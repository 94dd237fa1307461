-- Naive strategy for m2: take the cheap credit line (money at 3% looks free), pass the
-- cap on to clients, and turn down the grants as "soft" spending. The mistake: the capped
-- price does not cover the unit's costs, the line is recalled, and the grants that would
-- have raised clients' returns are lost.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ credit_line = true })
  if month % 6 == 0 and common.employed_officers() < 4 then
    hire { count = 1, salary = 2000000, training = 0 }
  end
end
