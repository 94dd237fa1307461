-- A lesson window that ends after the game.
scenario {
  id = "test_tournament_bad_window", months = 12,
  lesson = { indicator = "par30", window = { from = 3, to = 40 },
             sound = "lend.lua", naive = "closed.lua" },
}
