-- Naive strategy for m1: only large individual loans to established clients; no training.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    close_product(1)
    set_product(2, { min = 6000000 })
    set_policy { first_loan_cap = 15000000, loan_to_income_cap = 100 }
  end
  common.answer_offers({})
end
