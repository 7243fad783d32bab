-- The claim-by-state index led with program_id, so it could also answer "the claim of this business
-- in this program" by scanning every claim of the program. While a new program's claims pour in,
-- the table's statistics still describe it as nearly empty, and a cached plan for the intake's
-- duplicate check took that index instead of the unique one: each claim then read all claims
-- filed before it. Leading with state, the index still serves the queues and per-state listings
-- (state and program both given), and the unique (program_id, business_number, service) index is
-- the only one the duplicate check can use.
drop index claim_program_state_idx;
create index claim_state_program_idx on claim (state, program_id);
