-- Naive strategy for the field visit: when the drought hits, do what the board asks: cut
-- visits and let an officer go. The mistake: the savings are small, and clients nobody
-- visits stop paying.
function decide(month)
  if month == 7 then
    set_follow_up(0.1)
    fire(4)
  end
end
