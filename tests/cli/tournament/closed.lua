-- Closes every product in the first month.
function decide(month)
  if month == 1 then
    for i, p in ipairs(products()) do
      if p.open then close_product(i) end
    end
  end
end
