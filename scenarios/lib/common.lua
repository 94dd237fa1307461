-- Shared helpers for scenarios and strategies: require("lib.common").
local common = {}

-- Approve every application the credit policy has left pending.
function common.approve_pending()
  for _, app in ipairs(applications()) do
    if app.decision == "pending" then
      approve(app.id)
    end
  end
end

-- Accept offers of the given kinds, decline the others (once each).
function common.answer_offers(accept_kinds)
  for _, offer in ipairs(offers()) do
    if not offer.answered and offer.expires_month >= month() then
      if accept_kinds[offer.kind] then
        accept(offer.id)
      else
        decline(offer.id)
      end
    end
  end
end

-- Officers needed for a target caseload, counting employed officers only.
function common.employed_officers()
  local n = 0
  for _, o in ipairs(officers()) do
    if o.employed then n = n + 1 end
  end
  return n
end

return common
