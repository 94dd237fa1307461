-- Sound strategy for m3: lend to women, in groups where they want them and individually
-- where they do not, but never without support: open the women's group product, take the
-- mentoring, bring in a trained officer from the start to run the group meetings, and
-- follow up arrears closely. A unit that lends to women only cannot put all its members'
-- savings to work: the savings rate comes down from 4% to 2%.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    open_product(2)
    set_policy { women_only = true, loan_to_income_cap = 15 }
    hire { count = 1, training = 2 } -- at the market wage for a trained officer
    set_follow_up(0.7)
    set_savings_rate(2)
  end
  common.answer_offers({ grant_mentoring = true })
end
