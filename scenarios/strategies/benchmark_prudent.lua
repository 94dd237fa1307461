-- Prudent reference strategy for the benchmark unit: audit twice a year, train new
-- officers, and hire a trained officer at the market wage whenever caseloads pass 220.
function decide(month)
  if month % 6 == 0 then
    audit()
  end
  local per_officer = indicator("borrowers_per_officer")
  if per_officer and per_officer > 220 then
    hire { count = 1, salary = 2300000, training = 2 }
  end
end
