-- Portfolio quality over a window: a strategy that lends nothing has no clean book, it has no
-- book. Judged on PAR30, it must not beat a lender (an empty month is not a 0% month).
scenario {
  id = "test_tournament_empty_book", months = 12, seed = 1,
  lesson = { indicator = "par30", better = "lower", window = { from = 3, to = 12 },
             sound = "lend.lua", naive = "closed.lua" },
}
village { households = 150 }
