-- Naive strategy for the field visit: the drought is the time to help, so lend more:
-- bigger loans, no income cap, clients in arrears welcome. The mistake: new loans to
-- households whose income has collapsed pile debt on debt.
function decide(month)
  if month == 6 then
    set_policy { first_loan_cap = 8000000, loan_to_income_cap = 0, max_past_arrears_days = 365 }
  end
end
