-- Probe: replace the officers by eight new ones paid a token salary, and lend as the
-- policy allows.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  if month == 1 then
    for i, o in ipairs(officers()) do
      if o.employed then fire(i) end
    end
    hire { count = 8, salary = 1000, training = 0 }
  end
end
