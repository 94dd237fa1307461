-- Sound strategy for m1: small, well-priced group loans. The weekly group loan is repriced
-- on a declining balance (about 34% APR with its fee, below the region's going rate, where
-- the flat 26% costs over 50%), first loans stay small and grow with each loan repaid, the
-- donor's training is taken, officers follow up arrears, and staff are added as caseloads
-- reach a group lender's norm (about 250 clients per officer: MicroBanking Bulletin).
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_product(1, { method = "declining-annuity", rate = 30 })
    set_policy { first_loan_cap = 1500000, repeat_step_up = 40, loan_to_income_cap = 30 }
    set_follow_up(0.8)
  end
  common.answer_offers({ grant_training = true })
  local load = indicator("borrowers_per_officer")
  if load ~= nil and load > 250 and common.employed_officers() < 6 then
    hire { count = 1, salary = 2000000, training = 1 }
  end
end
