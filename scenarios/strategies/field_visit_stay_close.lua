-- Sound strategy for the field visit: when the drought comes, visit more, add a trained
-- officer for the hardest months, and lend more cautiously until it passes (loans up to a
-- fifth of a year's income, from the unit's quarter).
function decide(month)
  if month == 6 then
    set_follow_up(1.0)
    hire { count = 1, salary = 2300000, training = 2 }
    set_policy { loan_to_income_cap = 20 }
  end
end
