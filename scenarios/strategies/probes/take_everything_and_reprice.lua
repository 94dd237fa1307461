-- Probe: accept every offer (cheap credit lines included); while a line's cap binds, price
-- each product as high as the cap allows; the month the cap is gone (the line repaid or
-- recalled), reprice at 60% a year with a 15% up-front fee: take the subsidy, then charge
-- what the market will bear.
function decide(month)
  for _, offer in ipairs(offers()) do
    if not offer.answered and offer.expires_month >= month then
      accept(offer.id)
    end
  end
  local cap = rate_cap()
  local mode = cap and "capped" or "free"
  if mode == mem.priced then
    return
  end
  mem.priced = mode
  for i, _ in ipairs(products()) do
    if cap then
      -- the highest declining-balance rate whose APR stays within the cap
      local rate = cap
      while rate > 1 and not pcall(set_product, i, { method = "declining-annuity", rate = rate,
                                                     fee_percent = 0 }) do
        rate = rate - 0.5
      end
    else
      set_product(i, { rate = 60, fee_percent = 15 })
    end
  end
end
