-- Tutorial: the first two years of a small village credit unit.
-- A guided start: each step points at what to look at and waits until the trainee has done
-- it. No shocks, one question; the goals need the trainee's own decisions, not just time.

scenario {
  id = "tutorial",
  title = "First steps at the village unit",
  module = "tutorial",
  difficulty = 1,
  months = 24,
  seed = 7,
  currency = "IDR",
  language = "en",
  objectives = {
    "Read the top bar: clients, share of women, PAR30 and OSS",
    "See how a loan's APR differs from its quoted rate",
    "Decide applications yourself, with the household's card in front of you",
    "Find who fell behind and follow them up; train your loan officer",
    "Keep arrears low while the portfolio grows",
  },
  briefing = [[
You have just been made manager of the credit unit of Desa Sukamaju, a village of
300 households in four hamlets. The unit has cash from its founders, two loan
products and one loan officer. Each month, households apply for loans; your credit
policy decides most applications, and you can approve, resize or reject any of them.
Keep the unit growing without letting arrears get out of hand.]],
}

village {
  households = 300,
  hamlets = { "Sukamaju", "Mekarsari", "Cibodas", "Sindangsari" },
  women_share = 0.5,
  business_mix = { trade = 30, farming = 35, livestock = 10, crafts = 10, services = 15 },
  median_income = 2400000,
  poverty_line = 17000,
}

-- A first loan at the cap takes about a third of a month's income on the weekly group loan
-- (the default 25% of a year's income over 25 weeks is more than half, and the loan desk's
-- warning was red from the tutorial's first screen)
mfi { policy = { loan_to_income_cap = 15 } }

households {
  { name = "Ibu Siti", hamlet = "Sukamaju", woman = true, business = "trade", members = 5,
    income = 1900000, story = "Sells vegetables at the morning market and wants a bigger stall." },
  { name = "Pak Dedi", hamlet = "Cibodas", woman = false, business = "farming", members = 4,
    income = 2100000, story = "Grows rice; needs seed and fertiliser before the planting season." },
}

guide {
  { text = "The top bar is your dashboard: active clients, share of women, PAR30 (the share of the portfolio more than 30 days late) and OSS (whether income covers costs). Click Next (or press N) when you have read it.",
    point = "indicator:par30", action = "next" },
  { text = "Open Products (key 3) to see the loans the unit offers.",
    point = "panel:products", action = "open_panel:products" },
  { text = "The group loan charges a flat 24%: interest on the whole amount even as it is repaid. Switch it to declining balance and watch the APR clients really pay.",
    point = "panel:products", action = "set_method" },
  { text = "Press Space (or Next month) to play the first month.",
    point = "button:play", action = "play_month" },
  { text = "The month's summary says what happened and why. Read it, then close it.",
    action = "read_summary" },
  { text = "Households have applied. Open the loan desk (key 1).",
    point = "panel:loans", action = "open_panel:loans" },
  { text = "Open an applicant's card (click the name, or press H) to see who they are and whether they are poor.",
    point = "panel:loans", action = "open_household" },
  { text = "Decide three applications yourself: approve, resize or reject.",
    point = "panel:loans", action = "decide", count = 3 },
  { text = "Play two more months and watch the top bar.",
    point = "button:play", action = "play_month", count = 2 },
  { text = "Some borrowers will fall behind. Open Arrears (key 2): see who is late and raise the officers' follow-up time; visits bring late payers back.",
    point = "panel:arrears", action = "follow_up" },
  { text = "Each course makes an officer appraise and follow up better, and worth more elsewhere. Train your officer in Staff (key 4), then raise their pay to the market wage shown beside it (Raise pay), or they will leave for a better-paid job.",
    point = "panel:staff", action = "train" },
  { text = "Press F1 to open the help: the glossary defines every indicator on the screen.",
    point = "button:help", action = "open_glossary" },
  { text = "You are on your own now: play to month 24, keep PAR30 below 10%, then read the debrief.",
    point = "button:play", action = "debrief" },
}

goal { indicator = "guide_steps", above = 11, month = 24,
       text = "Finish the guided tour (every step before the debrief)" }
goal { indicator = "applications_decided", above = 2, month = 24,
       text = "Decide at least three applications yourself" }
goal { indicator = "officers_trained", above = 0, month = 24, text = "Train your loan officer" }
goal { indicator = "par30", below = 0.10, month = 24, text = "PAR30 below 10% at the end" }
goal { indicator = "active_borrowers", above = 60, month = 24, text = "More than 60 clients" }
lose_if { indicator = "equity", below = 0, text = "The unit's equity is gone" }

at_month(1, function()
  news("Welcome! Your first applications arrive this month.")
end)

at_month(6, function()
  ask {
    text = "The village head asks you to speak at the harvest meeting about your loans. Do you?",
    options = { "Yes: explain the real cost (APR) of each product", "No: you are too busy" },
    answer = function(choice)
      mem.spoke = (choice == 1)
      if mem.spoke then
        news("Your talk was well received: more households understand the loans.")
      end
    end,
  }
end)

when(function() return indicator("par30") > 0.10 end, function()
  news("Warning: more than 10% of the portfolio is over 30 days late.")
end)

lesson { text = "Your arrears stayed low all the way: good follow-up keeps a portfolio healthy.",
         when = function() return peak("par30") < 0.05 end }
lesson { text = "Arrears climbed above 5% at some point: look at which clients fell behind and why.",
         when = function() return peak("par30") >= 0.05 end }
lesson { text = "A flat rate of 24% a year costs clients far more than 24%: compare the APR." }
