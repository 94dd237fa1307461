-- Sound strategy for the field visit: visit more in the drought and reschedule the farmers
-- who fall behind instead of writing them off; the harvest brings their income back. Loans
-- to clients who are current go on; a rescheduled loan gets more, smaller instalments over
-- its own term again, paying interest only until the harvest after the drought (month 15),
-- as Indonesia's restructuring rules allow: a new schedule that asks a farmer for principal
-- in the middle of a drought fails again, and a restructured loan that fails again goes on
-- from the arrears it had (engine/MODEL.md, 10).
local HARVEST = 15
function decide(month)
  if month == 6 then set_follow_up(0.9) end
  if month >= 7 and month <= 16 then
    for id = 1, household_count() do
      local h = household(id)
      if h.business == "farming" and h.days_late ~= nil and h.days_late > 30
         and h.days_late <= 90 and not (mem.done and mem.done[id]) then
        local pause = math.max(0, math.min(HARVEST - month, h.loan_installments - 2))
        reschedule(id, h.loan_installments, pause)
        mem.done = mem.done or {}
        mem.done[id] = true
      end
    end
  end
  if month == 18 then set_follow_up(0.6) end
end
