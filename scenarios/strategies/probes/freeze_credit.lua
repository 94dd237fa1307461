-- Probe: at the first sign of trouble (PAR30 above 3%, or a shock in the news) stop lending
-- for good, cut follow-up and wait for the portfolio to run off.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  local par = indicator("par30")
  if not mem.frozen and par ~= nil and par > 0.03 then
    mem.frozen = true
    for i, p in ipairs(products()) do
      if p.open then close_product(i) end
    end
    set_follow_up(0.2)
  end
end
