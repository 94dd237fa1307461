-- Naive strategy for m4: loosen every rule to hit the growth target, push bigger loans,
-- and skip training and audits. The mistake the workshop names: over-emphasis on
-- short-term growth; loans beyond what households can repay come back as a PAR crisis.
function decide(month)
  if month == 1 then
    set_policy { first_loan_cap = 8000000, loan_to_income_cap = 100, max_past_arrears_days = 365 }
    set_follow_up(0.2)
  end
  -- "Clients can always handle more": lend twice what was asked.
  local max = products()[1].max
  for _, app in ipairs(applications()) do
    -- (an applicant waiting in a forming group has no loan to resize yet)
    if app.decision == "approved" or app.decision == "pending" then
      local limit = products()[app.product].max
      local bigger = math.min(app.requested * 2, limit)
      if bigger > app.amount then
        resize(app.id, bigger)
      end
    end
  end
end
