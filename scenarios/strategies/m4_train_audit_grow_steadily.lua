-- Sound strategy for m4: train officers (and pay them what their training is worth on the
-- market), audit twice a year, hire as caseloads grow.
local common = require("lib.common")

function decide(month)
  common.steady_controls(month)
end
