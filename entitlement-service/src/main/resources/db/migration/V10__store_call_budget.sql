-- The stores' rate limits are per app (Apple: per endpoint; Google: per project), not per replica:
-- every replica takes its turn to call an endpoint from one row here (StoreCallBudget), and a 429
-- pushes the next turn back for all of them.
create table store_call_budget (
    endpoint  varchar(40) primary key,
    next_slot timestamptz not null
);
