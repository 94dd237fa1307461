-- A scenario whose own script is stopped in month 3 (slow work inside single instructions):
-- the tournament blames the scenario, not each strategy it was playing.
scenario {
  id = "test_tournament_scenario_halts", months = 6, seed = 1,
  lesson = { indicator = "active_borrowers", better = "higher",
             sound = { "lend.lua" }, naive = { "closed.lua" } },
}
village { households = 150 }
at_month(3, function()
  local a = string.rep("a", 1000000)
  local b = string.rep("a", 999999) .. "b"
  local n = 0
  for i = 1, 100000000 do if a == b then n = n + 1 end end
end)
