-- Sound strategy for the election: refuse directed loans and disavow the waiver, keep the
-- usual appraisal but put every application from the candidate's hamlet to manual review
-- and lend there only to clients with a clean record.
local common = require("lib.common")

function answer(question)
  return 1
end

function decide(month)
  common.answer_offers({})
  if month == 1 then set_follow_up(0.7) end
  for _, app in ipairs(applications()) do
    if app.directed and app.decision ~= "rejected" and app.loans_repaid == 0 then
      reject(app.id)
    end
  end
end
