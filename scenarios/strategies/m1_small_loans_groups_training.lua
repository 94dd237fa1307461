-- Sound strategy for m1: small, well-priced group loans, individual loans for the established. The weekly group loan stays on a
-- declining balance at 30% (about 34% APR with its fee, below the region's going rate, where
-- a flat 26% would cost over 50%), first loans stay small and grow with each loan repaid, the
-- donor's training is taken, officers follow up arrears, a client who falls a month behind
-- after a mishap gets a longer schedule once instead of a default, and staff are added as
-- caseloads reach the norm for a mixed portfolio (about 150 clients per officer when some
-- loans are individual ones: MicroBanking Bulletin).
local common = require("lib.common")

function decide(month)
  if month == 1 then
    open_product(1)
    set_product(1, { method = "declining-annuity", rate = 30 })
    -- Individual loans start at 4 million: for established clients, not first-time poor
    -- borrowers, who start in a group where their neighbours vouch for them.
    set_product(2, { min = 4000000 })
    set_policy { first_loan_cap = 1500000, repeat_step_up = 40, loan_to_income_cap = 15 }
    set_follow_up(0.8)
  end
  common.answer_offers({ grant_training = true })
  mem.rescheduled = mem.rescheduled or {}
  for id = 1, household_count() do
    local h = household(id)
    -- rescheduled only for a hardship the village knows (a mishap, a bad month, a shock):
    -- new terms for a borrower who simply pays late hide arrears, they do not cure them
    if h.days_late ~= nil and h.days_late > 30 and h.days_late <= 90 and h.hardship
       and not mem.rescheduled[id] then
      reschedule(id, 12)
      mem.rescheduled[id] = true
    end
  end
  common.hire_when_busy(150, 6, 2000000, 1)
end
