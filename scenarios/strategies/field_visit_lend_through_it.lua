-- Naive strategy for the field visit: the drought is the time to help, so lend more. From
-- the drought's first month the unit drops its income cap and its first-loan cap, welcomes
-- clients who were late, and gives every applicant a third more than they asked ("to
-- replant and restock"). The mistake: new, bigger loans to households whose income has
-- collapsed pile debt on debt; the flood loans of 1998 in Bangladesh ended in a repayment
-- crisis the same way.
function decide(month)
  if month == 6 then
    set_policy { first_loan_cap = 8000000, loan_to_income_cap = 0, max_past_arrears_days = 365 }
  end
  if month >= 6 and month <= 14 then
    local products = products()
    for _, app in ipairs(applications()) do
      if app.decision == "approved" or app.decision == "pending" then
        local max = products[app.product].max
        local more = math.floor(app.amount * 1.3)
        resize(app.id, more < max and more or max)
        if app.decision == "pending" then
          approve(app.id)
        end
      end
    end
  end
end
