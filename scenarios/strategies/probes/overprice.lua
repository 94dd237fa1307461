-- Probe: price every product far above cost (150% a year, above the moneylender's rate)
-- and keep lending. No real manager plays this; a lesson must not reward it.
local common = require("lib.common")

function decide(month)
  common.answer_offers({})
  if month == 1 then
    for i, _ in ipairs(products()) do
      set_product(i, { rate = 150 })
    end
  end
end
