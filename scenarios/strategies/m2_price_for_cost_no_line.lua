-- Sound strategy for m2: decline the capped line, take the grants for training and roads,
-- price the group loan to cover its costs on a declining balance (what the client sees
-- is what she pays), and fund growth with the unit's own equity.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true, grant_infrastructure = true })
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 36, fee_percent = 0 })
    set_follow_up(0.7)
  end
end
