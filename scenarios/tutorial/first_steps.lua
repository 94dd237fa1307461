-- Tutorial: the first year of a small village credit unit.
-- A gentle start: no shocks, one question, and goals that a careful manager meets.

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

households {
  { name = "Ibu Siti", hamlet = "Sukamaju", woman = true, business = "trade", members = 5,
    income = 1900000, story = "Sells vegetables at the morning market and wants a bigger stall." },
  { name = "Pak Dedi", hamlet = "Cibodas", woman = false, business = "farming", members = 4,
    income = 2100000, story = "Grows rice; needs seed and fertiliser before the planting season." },
}

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

lesson { text = "Your arrears stayed low: good follow-up keeps a portfolio healthy.",
         when = function() return indicator("par30") < 0.05 end }
lesson { text = "Arrears climbed above 5%: look at which clients fell behind and why.",
         when = function() return indicator("par30") >= 0.05 end }
lesson { text = "A flat rate of 24% a year costs clients far more than 24%: compare the APR." }
