-- luacheck configuration for Unit Desa scenarios and strategies (lua-check).
std = "lua54"
max_line_length = 100
globals = { "mem", "decide", "answer" }
read_globals = {
  -- declarations
  "scenario", "village", "households", "mfi", "product", "goal", "win_if", "lose_if",
  "lesson", "translate",
  -- events and actions
  "at_month", "every_month", "when", "on", "shock", "offer", "political", "news", "ask",
  "recall_credit_line",
  -- views
  "month", "months", "indicator", "applications", "offers", "products", "officers",
  "borrowings", "policy", "household", "household_count", "rate_cap",
  -- strategy commands
  "approve", "reject", "resize", "set_product", "open_product", "close_product",
  "set_policy", "hire", "fire", "train", "audit", "accept", "decline", "borrow", "repay",
  "set_savings_rate", "set_follow_up", "reschedule", "write_off",
}
