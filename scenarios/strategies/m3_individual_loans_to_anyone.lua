-- Naive strategy for m3: keep lending individually to whoever applies, mostly men, and
-- decline the mentoring. The mistake (the board's fear that small loans to women will not
-- pay): the poorer half of the households, headed by women, is never reached.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
end
