-- A lesson that cannot hold: its "sound" strategy lends nothing, and a probe plays well.
scenario {
  id = "test_tournament_fails", months = 12, seed = 1,
  lesson = { indicator = "active_borrowers", better = "higher", window = { take = "end" },
             sound = "closed.lua", naive = "lend.lua", probes = { "lend.lua" } },
}
village { households = 150 }
goal { indicator = "active_borrowers", above = 5, month = 12, text = "Some clients" }
