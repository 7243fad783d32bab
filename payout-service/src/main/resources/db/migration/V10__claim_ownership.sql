-- Who a claim was filed by and on what proof: "owner" (the filer's sign-in carries the business's
-- verified registration number) or "staff" (claims staff filed it for the business, with the reason
-- recorded); and when the bank confirmed that the payout account belongs to the business or its
-- representative. Claims from before these checks have neither.
alter table claim
    add column filed_as           varchar(16),
    add column on_behalf_reason   text,
    add column account_checked_at timestamptz;
alter table bank_account_change
    add column account_checked_at timestamptz;
-- The representative's own name as their sign-in verified it (or as staff recorded it), encrypted like
-- the account holder: a later account correction may be paid to the business or to this person.
alter table claim
    add column representative_name text;
