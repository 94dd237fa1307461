-- Naive strategy for m2_credit_line: accept every offer, cheap money included, and lend
-- it fast. The mistake: a manager who counts the line's 3% and forgets the 12% cap on
-- clients; the unit's prices fall below its costs and it depends on the line until the
-- district recalls it.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ credit_line = true, grant_training = true, grant_infrastructure = true })
  -- Cheap money should be lent: grow as fast as officers allow.
  if month % 6 == 0 and common.employed_officers() < 4 then
    hire { count = 1, salary = 2000000, training = 0 }
  end
end
