-- Lends as the credit policy allows (the default strategy, written out).
function decide(month)
end
