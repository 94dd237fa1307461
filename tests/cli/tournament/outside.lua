-- A lesson that names a file outside the scenarios folder as a probe.
scenario {
  id = "test_tournament_outside", months = 12,
  lesson = { indicator = "par30", sound = "lend.lua", naive = "closed.lua",
             probes = { "/etc/passwd" } },
}
