-- Probe: reschedule every loan the day it falls late, over the longest term allowed, so that
-- arrears never reach 30 days on the books.
function decide(month)
  for id = 1, household_count() do
    local h = household(id)
    if h.days_late ~= nil and h.days_late > 0 and not h.rescheduled then
      -- a loan rescheduled once cannot be rescheduled again: the engine refuses, and says why
      pcall(reschedule, id, h.loan_installments)
    end
  end
end
