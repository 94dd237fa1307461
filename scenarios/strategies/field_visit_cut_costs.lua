-- Naive strategy for the field visit: when the drought hits, cut visits and staff.
function decide(month)
  if month == 7 then
    set_follow_up(0.1)
    fire(4)
  end
end
