-- Sound strategy for the election: refuse directed loans, tell clients publicly that no
-- loan will be waived, and visit borrowers more while the campaign lasts.
local common = require("lib.common")

function answer(question)
  return 1
end

function decide(month)
  common.answer_offers({ grant_training = true })
  if month == 6 then set_follow_up(0.9) end
  if month == 16 then set_follow_up(0.6) end
end
