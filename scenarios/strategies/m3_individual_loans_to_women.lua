-- Naive strategy for m3: "lend to women" read as individual loans to women only, with no
-- groups and no mentoring (the association's meetings look like a cost in officers' time).
-- The mistake: a woman's individual loan is often controlled by someone else in her
-- household (capture); without a group or a mentor nobody sees it, the money is not
-- invested, and she still owes it.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_policy { women_only = true }
  end
  common.answer_offers({})
end
