#!/bin/sh
# The debrief's lessons follow what the trainee did and what came of it: each module's
# lessons are checked against a sound strategy, a naive one and pressing Space (no strategy),
# so that no lesson claims what did not happen.
. "$(dirname "$0")/cli_lib.sh"
in_source_tree "$1" "$2"
S=scenarios/strategies

# m1: big loans to the better-off reach few of the poor; the sound mix reaches them
M1=scenarios/m1-poverty/reaching_the_poor.lua
expect_stdout_has "Few of the poor borrow from you" \
    "$UD" run $M1 --strategy $S/m1_big_loans_for_the_better_off.lua --story
expect_stdout_lacks "Your loans reached the poor" \
    "$UD" run $M1 --strategy $S/m1_big_loans_for_the_better_off.lua --story
expect_stdout_has "Your loans reached the poor and the unit covers most of its costs" \
    "$UD" run $M1 --strategy $S/m1_small_loans_groups_training.lua --story
expect_stdout_has "The donor's training raised" \
    "$UD" run $M1 --strategy $S/m1_small_loans_groups_training.lua --story
expect_stdout_lacks "The donor's training raised" "$UD" run $M1 --story

# m3: no group was opened, so no lesson may praise groups or mentoring
M3=scenarios/m3-women/womens_groups.lua
expect_stdout_lacks "Groups of women repaid well" "$UD" run $M3 --story
expect_stdout_lacks "Mentoring at the group meetings helped" "$UD" run $M3 --story
expect_stdout_has "Women borrowed on their own, without a group" "$UD" run $M3 --story
expect_stdout_has "Groups of women repaid well" \
    "$UD" run $M3 --strategy $S/m3_womens_groups_with_mentoring.lua --story
expect_stdout_has "Mentoring at the group meetings helped" \
    "$UD" run $M3 --strategy $S/m3_womens_groups_with_mentoring.lua --story

# m2: the capped line, taken or declined
CL=scenarios/m2-government/credit_line.lua
expect_stdout_has "the cheap line made you dependent" \
    "$UD" run $CL --strategy $S/m2_cheap_line_no_grants.lua --story
expect_stdout_has "You declined the grants for training and roads" \
    "$UD" run $CL --strategy $S/m2_cheap_line_no_grants.lua --story
expect_stdout_has "You declined the capped line and kept prices that cover costs" \
    "$UD" run $CL --strategy $S/m2_price_for_cost_no_line.lua --story
EL=scenarios/m2-government/election.lua
expect_stdout_has "Politics in lending" "$UD" run $EL --strategy $S/m2_election_go_along.lua --story
expect_stdout_has "You kept business and politics apart" \
    "$UD" run $EL --strategy $S/m2_election_stand_firm.lua --story
# an answer given between months (--answers, as a player does in the game) is told in the
# month it opens, with what it set off
expect_stdout_has "Politics: directed lending to Sukamaju" "$UD" run $EL --answers 2 --story
# an answer out of the question's options is said, not silently replaced by the default
expect_stderr_has "unitdesa run: --answers: answer 1 is 5, but question 1 (month 7) has options 1 to 2" "$UD" run $EL --answers 5

# m4: audits ordered or not; growth followed or not
M4=scenarios/m4-technical/growth_and_quality.lua
expect_stdout_has "You never ordered an audit" "$UD" run $M4 --strategy $S/m4_grow_fast.lua --story
expect_stdout_has "Growth beyond what officers can follow" \
    "$UD" run $M4 --strategy $S/m4_grow_fast.lua --story
expect_stdout_lacks "You never ordered an audit" \
    "$UD" run $M4 --strategy $S/m4_train_audit_grow_steadily.lua --story

# field visit: cutting staff, lending more, rescheduling
FV=scenarios/field-visit/a_bad_year.lua
expect_stdout_has "Cutting staff in the crisis" "$UD" run $FV --strategy $S/field_visit_cut_costs.lua --story
expect_stdout_has "Loans grew during the drought" \
    "$UD" run $FV --strategy $S/field_visit_lend_through_it.lua --story
expect_stdout_lacks "Staying close to clients" \
    "$UD" run $FV --strategy $S/field_visit_lend_through_it.lua --story
expect_stdout_has "Rescheduling the drought-hit" \
    "$UD" run $FV --strategy $S/field_visit_reschedule_farmers.lua --story

# the summary after the game speaks the language asked for, goals included
expect_stdout_has "Bien-être des clients" "$UD" run $M3 --lang fr
expect_stdout_has "[atteint] PAR30 sous 5 %" "$UD" run $M3 --lang fr
expect_stdout_has "Clients' welfare" "$UD" run $M3

# check reports a lesson probe that is not there (it does not play probes)
mkdir -p "$tmp/scen/m1"
cp -r scenarios/strategies scenarios/lib "$tmp/scen/"
sed 's|"../strategies/probes/overprice.lua"|"../strategies/probes/missing.lua"|' $M1 >"$tmp/scen/m1/x.lua"
expect_stdout_has "the lesson's probe" "$UD" --scenarios "$tmp/scen" check "$tmp/scen/m1/x.lua"
expect_stdout_has "cannot be opened" "$UD" --scenarios "$tmp/scen" check "$tmp/scen/m1/x.lua"
# at the line where the scenario names it
line=$(grep -n 'missing.lua' "$tmp/scen/m1/x.lua" | cut -d: -f1)
expect_stdout_has "x.lua:$line: error: the lesson's probe strategy cannot be opened" "$UD" --scenarios "$tmp/scen" check "$tmp/scen/m1/x.lua"

# an officer trained above the pay leaves for another job: the story says so (the staff panel
# shows the untrained recruit in their place)
printf 'function decide(m)\n  if m == 1 then train("all"); train("all") end\nend\n' >"$tmp/train.lua"
expect_stdout_has "left for another job; an untrained recruit took over" \
    "$UD" run $M1 --strategy "$tmp/train.lua" --story
finish
