-- The platform's own record of what each business normally sells through a service per day.
-- With it, a claim under the review threshold is assessed from impaired time x baseline, with no
-- documents; and affected businesses that have not claimed can be found and contacted.
create table business_baseline (
    program_id      uuid          not null references program (id),
    business_number char(10)      not null,
    service         varchar(64)   not null,
    business_name   varchar(200)  not null,
    category        varchar(64)   not null,
    daily_sales     bigint        not null check (daily_sales > 0),
    imported_at     timestamptz   not null,
    primary key (program_id, business_number, service)
);

alter table claim add column loss_basis_kind varchar(16) not null default 'reported'
    check (loss_basis_kind in ('reported', 'baseline'));
alter table claim alter column reported_loss drop not null;
alter table claim drop constraint claim_reported_loss_check;
alter table claim add constraint claim_reported_loss_check check (reported_loss is null or reported_loss > 0);
