-- Naive strategy for the election: the campaign brings money into the village, so lend
-- more: bigger first loans, looser rules, go along with the candidate.
local common = require("lib.common")

function answer(question)
  return 2
end

function decide(month)
  common.answer_offers({})
  if month == 6 then
    set_policy { first_loan_cap = 5000000, loan_to_income_cap = 60, max_past_arrears_days = 90 }
  end
end
