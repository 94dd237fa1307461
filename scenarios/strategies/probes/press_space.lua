-- Probe: press Space every month and decide nothing: the unit as the scenario opens it, with
-- no hiring, training, audit, price or policy change, and no answer to offers.
function decide(month)
end
