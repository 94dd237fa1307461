-- Naive strategy for the election: keep the candidate on side. Say nothing about the
-- waiver promise and lend to the hamlet he names. The mistake: directed loans are seen as
-- patronage and are not repaid, and the silence lets the waiver rumour spread.
local common = require("lib.common")

function answer(question)
  return 2
end

function decide(month)
  common.answer_offers({ grant_training = true })
end
