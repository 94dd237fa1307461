-- Naive strategy for m1: a kind-hearted manager lends to the poor at a "social" price,
-- 8% a year with no fee, to spare them the cost of credit. The mistake: a price that
-- does not cover costs eats the unit's equity, so it cannot last or grow (the workshop's
-- "holistic sustainability": the institution must be sustainable too).
local common = require("lib.common")

function decide(month)
  common.answer_offers({ grant_training = true })
  if month == 1 then
    open_product(1)
    set_product(1, { rate = 8, fee_percent = 0 })
    set_product(2, { rate = 8, fee_percent = 0, min = 1000000 })
    set_policy { first_loan_cap = 1500000 }
  end
end
