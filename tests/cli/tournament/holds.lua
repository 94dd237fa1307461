-- A lesson that holds by construction: lending reaches more borrowers than not lending.
scenario {
  id = "test_tournament_holds", months = 12, seed = 1,
  lesson = { indicator = "active_borrowers", better = "higher",
             window = { from = 6, to = 12, take = "mean" },
             sound = { "lend.lua" }, naive = { "closed.lua" }, probes = { "broken.lua" } },
}
village { households = 150 }
goal { indicator = "active_borrowers", above = 5, month = 12, text = "Some clients" }
