-- Sound strategy for m4, after BRI's village units (KUPEDES): the same controls as the steady
-- grower (officers trained and paid their market wage, audits twice a year, hiring as
-- caseloads grow), with terms fitted to what the loans finance: the individual loan over 24
-- months, as KUPEDES lends working capital for up to two years, and the group loan over a
-- year of weekly meetings. Smaller instalments for the same loan; the cap on a year's income
-- stays at the unit's.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    set_product(1, { installments = 50 })
    set_product(2, { installments = 24 })
  end
  common.steady_controls(month)
end
