-- A probe whose script is stopped in month 3: its unfinished games must not be scored as if
-- they were the strategy's results.
scenario {
  id = "test_tournament_halts", months = 12, seed = 1,
  lesson = { indicator = "active_borrowers", better = "higher",
             window = { from = 6, to = 12, take = "mean" },
             sound = { "lend.lua" }, naive = { "closed.lua" }, probes = { "stopped.lua" } },
}
village { households = 150 }
goal { indicator = "active_borrowers", above = 5, month = 12, text = "Some clients" }
