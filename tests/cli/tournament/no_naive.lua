-- A lesson with sound strategies and nothing to beat.
scenario {
  id = "test_tournament_no_naive", months = 12,
  lesson = { indicator = "par30", sound = { "lend.lua" } },
}
