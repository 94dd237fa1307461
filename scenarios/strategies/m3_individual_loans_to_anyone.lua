-- Naive strategy for m3: keep lending individually to whoever applies; decline the mentoring.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
end
