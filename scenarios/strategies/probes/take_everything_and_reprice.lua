-- Probe: accept every offer (cheap credit lines included), then price each product at
-- the most any cap allows, making up the difference with the largest up-front fee.
local common = require("lib.common")

function decide(month)
  for _, offer in ipairs(offers()) do
    if not offer.answered and offer.expires_month >= month then
      accept(offer.id)
    end
  end
  local cap = rate_cap()
  for i, _ in ipairs(products()) do
    set_product(i, { rate = cap or 60, fee_percent = 15 })
  end
end
