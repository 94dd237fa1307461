-- Slow work inside single instructions (long string compares) from month 3: the processor
-- backstop stops the script, and the game halts there.
function decide(month)
  if month == 3 then
    local a = string.rep("a", 1000000)
    local b = string.rep("a", 999999) .. "b"
    local n = 0
    for i = 1, 100000000 do if a == b then n = n + 1 end end
  end
end
