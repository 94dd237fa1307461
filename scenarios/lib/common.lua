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

-- Hires one officer (of training level `training`, at `salary`, or at the market wage for
-- that level when `salary` is nil) when the caseload passes `limit` borrowers an officer,
-- unless `most` officers (if given) are already employed.
function common.hire_when_busy(limit, most, salary, training)
  local load = indicator("borrowers_per_officer")
  if load ~= nil and load > limit and (most == nil or common.employed_officers() < most) then
    hire { count = 1, salary = salary, training = training }
  end
end

-- Raises every officer paid below the market wage for their training level to it: a trained
-- officer left on a recruit's pay is likelier to resign (engine/MODEL.md, 3).
function common.pay_market_wages()
  for _, o in ipairs(officers()) do
    if o.employed and o.salary < o.market_wage then
      set_salary(o.id, o.market_wage)
    end
  end
end

-- The controls of a unit that grows within what its staff can carry (module 4's steady
-- strategies): every officer trained in months 1 and 3, follow-up at 80%, an audit every six
-- months, a trained officer hired once caseloads pass 150, everyone paid the market wage.
function common.steady_controls(month)
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
  common.hire_when_busy(150, nil, nil, 2)
  common.pay_market_wages()
end

-- Cuts every officer's pay to the legal minimum wage (what the minimum-wage probes play).
function common.pay_the_minimum_wage()
  for _, o in ipairs(officers()) do
    if o.employed and o.salary > minimum_wage() then
      set_salary(o.id, minimum_wage())
    end
  end
end

-- Whether an offer of this kind ("grant_training", "credit_line"...) was accepted.
function common.offer_accepted(kind)
  for _, offer in ipairs(offers()) do
    if offer.kind == kind and offer.accepted then
      return true
    end
  end
  return false
end

-- The mean of an indicator over months `from` to `to` (default: the last twelve played);
-- for a scenario's lessons, which should judge a stretch of the game, not its last month.
function common.mean(name, from, to)
  to = math.min(to or month(), month())
  from = math.max(from or to - 11, 1)
  local sum, n = 0, 0
  for m = from, to do
    sum, n = sum + indicator(name, m), n + 1
  end
  return n > 0 and sum / n or 0
end

return common
