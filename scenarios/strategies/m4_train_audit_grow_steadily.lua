-- Sound strategy for m4: train officers, audit twice a year, hire as caseloads grow.
local common = require("lib.common")

function decide(month)
  if month == 1 then
    train("all")
    set_follow_up(0.8)
  end
  if month == 3 then
    train("all")
  end
  if month % 6 == 0 then
    audit()
  end
  if indicator("borrowers_per_officer") and indicator("borrowers_per_officer") > 150 then
    hire { count = 1, salary = 2000000, training = 2 }
  end
end
