-- Sound strategy for m2_credit_line: take the grants, refuse the price cap, price to cover costs.
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true, grant_infrastructure = true })
  if month == 1 then
    train("all")
  end
end
