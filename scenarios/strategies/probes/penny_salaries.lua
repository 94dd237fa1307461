-- Probe: replace the officers by eight new ones paid the least the law (and the labour
-- market) allows, and lend as the policy allows. The lowest accepted salary is found by
-- doubling a token one until the hire goes through, so the probe works in any currency.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  if month == 1 then
    for i, o in ipairs(officers()) do
      if o.employed then fire(i) end
    end
    local salary = 1000
    while salary < 1e12 and not pcall(hire, { count = 8, salary = salary, training = 0 }) do
      salary = salary * 2
    end
  end
end
