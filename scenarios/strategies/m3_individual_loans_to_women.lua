-- Naive strategy for m3: "lend to women" read as individual loans to women only, with the
-- mentoring taken but no groups. The mistake: a woman's individual loan is often
-- controlled by someone else in the household (capture), and without a group there is no
-- one to cover her or keep her on track.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_policy { women_only = true }
  end
  common.answer_offers({ grant_training = true })
end
