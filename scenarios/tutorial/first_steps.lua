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
  { text = "An untrained officer appraises and follows up badly. Train your officer in Staff (key 4).",
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

translate("fr", {
  ["Decide applications yourself, with the household's card in front of you"] =
    "Trancher vous-même des demandes, la fiche du ménage sous les yeux",
  ["Find who fell behind and follow them up; train your loan officer"] =
    "Trouver qui a pris du retard et le suivre ; former votre agent de crédit",
  ["The top bar is your dashboard: active clients, share of women, PAR30 (the share of the portfolio more than 30 days late) and OSS (whether income covers costs). Click Next (or press N) when you have read it."] =
    "La barre du haut est votre tableau de bord : clients actifs, part des femmes, PAR30 (la part du portefeuille en retard de plus de 30 jours) et AAO (les produits couvrent-ils les charges ?). Cliquez sur Suivant (ou touche N) une fois lue.",
  ["Open Products (key 3) to see the loans the unit offers."] =
    "Ouvrez Produits (touche 3) pour voir les prêts que propose l'unité.",
  ["The group loan charges a flat 24%: interest on the whole amount even as it is repaid. Switch it to declining balance and watch the APR clients really pay."] =
    "Le prêt de groupe applique un taux fixe de 24 % : des intérêts sur tout le montant même remboursé. Passez-le en solde dégressif et regardez le TAEG que paient vraiment les clients.",
  ["Press Space (or Next month) to play the first month."] =
    "Appuyez sur Espace (ou Mois suivant) pour jouer le premier mois.",
  ["The month's summary says what happened and why. Read it, then close it."] =
    "Le bilan du mois dit ce qui s'est passé et pourquoi. Lisez-le, puis fermez-le.",
  ["Households have applied. Open the loan desk (key 1)."] =
    "Des ménages ont fait une demande. Ouvrez le guichet des prêts (touche 1).",
  ["Open an applicant's card (click the name, or press H) to see who they are and whether they are poor."] =
    "Ouvrez la fiche d'un demandeur (cliquez sur le nom, ou touche H) pour voir qui il est et s'il est pauvre.",
  ["Decide three applications yourself: approve, resize or reject."] =
    "Tranchez vous-même trois demandes : accorder, réduire ou refuser.",
  ["Play two more months and watch the top bar."] =
    "Jouez encore deux mois en regardant la barre du haut.",
  ["Some borrowers will fall behind. Open Arrears (key 2): see who is late and raise the officers' follow-up time; visits bring late payers back."] =
    "Certains emprunteurs prendront du retard. Ouvrez Retards (touche 2) : voyez qui est en retard et augmentez le temps de suivi des agents ; les visites ramènent les retardataires.",
  ["An untrained officer appraises and follows up badly. Train your officer in Staff (key 4)."] =
    "Un agent non formé évalue et suit mal les prêts. Formez votre agent dans Personnel (touche 4).",
  ["Press F1 to open the help: the glossary defines every indicator on the screen."] =
    "Appuyez sur F1 pour ouvrir l'aide : le glossaire définit chaque indicateur de l'écran.",
  ["You are on your own now: play to month 24, keep PAR30 below 10%, then read the debrief."] =
    "À vous de jouer : allez jusqu'au mois 24, gardez le PAR30 sous 10 %, puis lisez le bilan final.",
  ["Finish the guided tour (every step before the debrief)"] =
    "Terminer la visite guidée (toutes les étapes avant le bilan final)",
  ["Decide at least three applications yourself"] =
    "Trancher vous-même au moins trois demandes",
  ["Train your loan officer"] =
    "Former votre agent de crédit",
  ["Your arrears stayed low all the way: good follow-up keeps a portfolio healthy."] =
    "Vos retards sont restés bas tout du long : un bon suivi garde un portefeuille sain.",
  ["Arrears climbed above 5% at some point: look at which clients fell behind and why."] =
    "Les retards ont dépassé 5 % à un moment : regardez quels clients ont décroché, et pourquoi.",
  ["Group weekly"] =
    "Groupe hebdomadaire",
  ["Individual monthly"] =
    "Individuel mensuel",
  ["Sells vegetables at the morning market and wants a bigger stall."] =
    "Vend des légumes au marché du matin et voudrait un plus grand étal.",
  ["Grows rice; needs seed and fertiliser before the planting season."] =
    "Cultive du riz ; a besoin de semences et d'engrais avant les semis.",
  ["First steps at the village unit"] =
    "Premiers pas à l'unité villageoise",
  ["Read the top bar: clients, share of women, PAR30 and OSS"] =
    "Lire la barre du haut : clients, part des femmes, PAR30 et AAO",
  ["See how a loan's APR differs from its quoted rate"] =
    "Voir en quoi le TAEG d'un prêt diffère de son taux affiché",
  ["Keep arrears low while the portfolio grows"] =
    "Garder les retards bas pendant que le portefeuille grandit",
  ["You have just been made manager of the credit unit of Desa Sukamaju, a village of\n300 households in four hamlets. The unit has cash from its founders, two loan\nproducts and one loan officer. Each month, households apply for loans; your credit\npolicy decides most applications, and you can approve, resize or reject any of them.\nKeep the unit growing without letting arrears get out of hand."] =
    "Vous venez d'être nommé·e directeur·rice de l'unité de crédit de Desa Sukamaju, un village de\n300 ménages répartis en quatre hameaux. L'unité dispose de la trésorerie de ses fondateurs, de deux\nproduits de prêt et d'un agent de crédit. Chaque mois, des ménages demandent des prêts ; votre politique\nde crédit en tranche la plupart, et vous pouvez accorder, réduire ou refuser n'importe lequel.\nFaites grandir l'unité sans laisser les retards déraper.",
  ["PAR30 below 10% at the end"] =
    "PAR30 sous 10 % à la fin",
  ["More than 60 clients"] =
    "Plus de 60 clients",
  ["The unit's equity is gone"] =
    "Les fonds propres de l'unité sont épuisés",
  ["Welcome! Your first applications arrive this month."] =
    "Bienvenue ! Vos premières demandes arrivent ce mois-ci.",
  ["The village head asks you to speak at the harvest meeting about your loans. Do you?"] =
    "Le chef du village vous invite à présenter vos prêts à la réunion de la récolte. Y allez-vous ?",
  ["Yes: explain the real cost (APR) of each product"] =
    "Oui : expliquer le coût réel (TAEG) de chaque produit",
  ["No: you are too busy"] =
    "Non : vous avez trop à faire",
  ["Your talk was well received: more households understand the loans."] =
    "Votre intervention a été bien reçue : plus de ménages comprennent les prêts.",
  ["Warning: more than 10% of the portfolio is over 30 days late."] =
    "Attention : plus de 10 % du portefeuille a plus de 30 jours de retard.",
  ["A flat rate of 24% a year costs clients far more than 24%: compare the APR."] =
    "Un taux fixe de 24 % par an coûte bien plus de 24 % aux clients : comparez le TAEG.",
})
