-- A baseline may say how a business's daily sales split across platforms: its loss on each platform
-- is then that platform's share times that platform's impaired time (the 2019 outage hit mobile only).
-- All three or none, and they add up to the daily figure.
alter table business_baseline
    add column daily_sales_mobile bigint check (daily_sales_mobile >= 0),
    add column daily_sales_web    bigint check (daily_sales_web >= 0),
    add column daily_sales_pc     bigint check (daily_sales_pc >= 0),
    add check ((daily_sales_mobile is null and daily_sales_web is null and daily_sales_pc is null)
        or daily_sales_mobile + daily_sales_web + daily_sales_pc = daily_sales);
