-- Field visit: a well-run village unit in West Java, and the year the rains failed.

scenario {
  id = "field_visit_bad_year",
  title = "Keeping a good unit good through a bad year",
  module = "field-visit",
  difficulty = 3,
  months = 20,
  seed = 51,
  currency = "IDR",
  objectives = {
    "See what makes a village unit well managed: savings, follow-up, prudent loan sizes",
    "Respond to a drought without losing the portfolio or the clients",
    "Tell rescheduling from writing off, and when each fits",
  },
  briefing = [[
You take over a village unit in West Java modelled on the best-managed ones: four trained
officers, a savings product, prices that cover costs. It opens its loan window this month
and has no borrowers yet; the first loans go out in the next few months. Then the rains fail. Farm incomes will collapse for months, and an
illness spreads in two hamlets. The board suggests cutting costs: fewer visits, one less
officer. Keep the unit excellent through the bad year.]],
  lesson = {
    -- The bad year: the worst month's adjusted PAR (PAR30 plus write-offs, so that writing
    -- the farmers off cannot pass for keeping them) from the drought to the end.
    indicator = "adjusted_par30", better = "lower", window = { from = 6, to = 20, take = "worst" },
    sound = { "../strategies/field_visit_stay_close.lua",
              "../strategies/field_visit_reschedule_farmers.lua" },
    naive = { "../strategies/field_visit_cut_costs.lua",
              "../strategies/field_visit_lend_through_it.lua" },
    probes = { "../strategies/probes/overprice.lua",
               "../strategies/probes/lend_nothing.lua",
               "../strategies/probes/penny_salaries.lua",
               "../strategies/probes/write_off_every_late_loan.lua",
               "../strategies/probes/freeze_credit.lua" },
  },
}

village {
  households = 800,
  hamlets = { "Cipayung", "Cisarua", "Tugu", "Citeko" },
  business_mix = { trade = 25, farming = 45, livestock = 10, crafts = 10, services = 10 },
  median_income = 2600000,
}

mfi {
  institution = "village_bank",
  equity = 700000000,
  savings_rate = 5,
  officers = { count = 4, salary = 2200000, training = 2, honesty = 1.0 },
  follow_up = 0.6,
  reputation = 0.8,
}

product { name = "Kupedes monthly", method = "flat", rate = 22, installments = 12,
          frequency = "monthly", fee_percent = 1, min = 500000, max = 10000000 }
product { name = "Farm seasonal", method = "declining-annuity", rate = 24, installments = 8,
          frequency = "monthly", grace = 3, fee_percent = 1, min = 500000, max = 6000000 }

goal { indicator = "par30", below = 0.08, month = 20, text = "PAR30 below 8% after the bad year" }
goal { indicator = "write_off_ratio", below = 0.05, month = 20,
       text = "Write-offs below 5% of the portfolio a year" }
goal { indicator = "oss", above = 1.0, month = 20, text = "Still covering costs (OSS above 100%)" }
goal { indicator = "active_borrowers", above = 300, month = 20,
       text = "Still serving more than 300 clients" }
goal { indicator = "households_in_poverty", below = 1.1, of_start = true, month = 20,
       text = "At most a tenth more households in poverty than at the start, drought and all" }

at_month(6, function()
  shock { kind = "drought", share = 0.9, severity = 0.7, months = 8,
          text = "The rains have failed: farm and livestock incomes collapse." }
  shock { kind = "illness", hamlets = { "Tugu", "Citeko" }, share = 0.3, severity = 0.4,
          months = 4, text = "An illness spreads in Tugu and Citeko." }
end)

lesson { text = "Staying close to clients in a crisis kept arrears from becoming defaults.",
         when = function() return indicator("par30") < 0.08 end }
lesson { text = "Cutting follow-up saved a little and lost much more in arrears.",
         when = function() return indicator("par30") >= 0.08 end }

translate("fr", {
  ["Write-offs below 5% of the portfolio a year"] =
    "Passages en perte sous 5 % du portefeuille par an",
  ["Still serving more than 300 clients"] =
    "Servir encore plus de 300 clients",
  ["At most a tenth more households in poverty than at the start, drought and all"] =
    "Au plus un dixième de ménages pauvres de plus qu'au départ, sécheresse comprise",
  ["Farm seasonal"] =
    "Agricole saisonnier",
  ["Kupedes monthly"] =
    "Kupedes mensuel",
  ["Keeping a good unit good through a bad year"] =
    "Garder une bonne unité en forme pendant une mauvaise année",
  ["See what makes a village unit well managed: savings, follow-up, prudent loan sizes"] =
    "Voir ce qui fait une unité villageoise bien gérée : épargne, suivi, prêts de taille prudente",
  ["Respond to a drought without losing the portfolio or the clients"] =
    "Réagir à une sécheresse sans perdre le portefeuille ni les clients",
  ["Tell rescheduling from writing off, and when each fits"] =
    "Distinguer rééchelonnement et passage en perte, et savoir quand choisir l'un ou l'autre",
  ["You take over a village unit in West Java modelled on the best-managed ones: four trained\nofficers, a savings product, prices that cover costs. It opens its loan window this month\nand has no borrowers yet; the first loans go out in the next few months. Then the rains fail. Farm incomes will collapse for months, and an\nillness spreads in two hamlets. The board suggests cutting costs: fewer visits, one less\nofficer. Keep the unit excellent through the bad year."] =
    "Vous reprenez une unité villageoise de Java-Ouest sur le modèle des mieux gérées : quatre agents\nformés, un produit d'épargne, des prix qui couvrent les coûts. Elle ouvre son guichet de prêt ce mois-ci\net n'a pas encore d'emprunteurs ; les premiers prêts partent dans les mois qui viennent. Puis les pluies manquent. Les revenus agricoles vont s'effondrer pendant\ndes mois, et une maladie se répand dans deux hameaux. Le conseil propose de réduire les coûts : moins de\nvisites, un agent de moins. Gardez l'unité excellente pendant cette mauvaise année.",
  ["PAR30 below 8% after the bad year"] =
    "PAR30 sous 8 % après la mauvaise année",
  ["Still covering costs (OSS above 100%)"] =
    "Couvrir encore ses coûts (AAO au-dessus de 100 %)",
  ["The rains have failed: farm and livestock incomes collapse."] =
    "Les pluies ont manqué : les revenus de l'agriculture et de l'élevage s'effondrent.",
  ["An illness spreads in Tugu and Citeko."] =
    "Une maladie se répand à Tugu et Citeko.",
  ["Staying close to clients in a crisis kept arrears from becoming defaults."] =
    "Rester proche des clients pendant la crise a empêché les retards de devenir des défauts.",
  ["Cutting follow-up saved a little and lost much more in arrears."] =
    "Réduire le suivi a fait économiser un peu et perdre bien plus en retards.",
})
