-- Naive strategy for m1: the board's plan, large individual loans to established traders
-- only, and no training. The mistake (the workshop's "not understanding the market"): the
-- portfolio looks safe and profitable while the poor half of the village is never reached.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    close_product(1)
    set_product(2, { min = 6000000 })
    set_policy { first_loan_cap = 15000000, loan_to_income_cap = 100 }
  end
  common.answer_offers({})
end
