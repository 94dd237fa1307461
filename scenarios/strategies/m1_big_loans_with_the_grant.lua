-- Naive strategy for m1: the board's plan (large individual loans to established traders
-- only) with the donor's training grant taken as well. The mistake: the grant trains the
-- clients the unit has, and the unit has chosen the better-off; it cannot make up for a
-- policy that leaves the poor out.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    close_product(1)
    set_product(2, { min = 6000000 })
    set_policy { first_loan_cap = 15000000, loan_to_income_cap = 100 }
  end
  common.answer_offers({ grant_training = true })
end
