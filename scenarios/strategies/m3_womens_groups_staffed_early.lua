-- Sound strategy for m3: open the women's group product beside the individual loan, meet
-- the women's associations early (a trained officer for the group meetings from the start),
-- accept the mentoring, and let individual loans continue for those who want them.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    open_product(2)
    hire { count = 1, salary = 2000000, training = 2 }
    set_follow_up(0.7)
  end
  common.answer_offers({ grant_mentoring = true })
end
