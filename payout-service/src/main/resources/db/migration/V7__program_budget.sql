-- What the company set aside for a program, and how much of it approvals have committed. Every
-- approval (by rule at intake, by the committee, or when a raised budget admits waiting claims) adds
-- to committed in the same statement or transaction as its ledger booking, and only while it fits:
-- the check constraint is the last line of defence, the update's own condition the first.
-- budget null: no budget was set (programs defined before budgets existed): approvals are not
-- limited, but committed still counts them.
create table program_budget (
    program_id uuid primary key references program (id),
    budget     bigint check (budget > 0),
    committed  bigint not null default 0,
    check (committed >= 0 and committed <= coalesce(budget, committed))
);
insert into program_budget (program_id, budget, committed)
select p.id, null, coalesce((select -sum(amount) from ledger_entry l where l.program_id = p.id and l.account = 'program_budget'), 0)
from program p;
