-- Google Play through purchases.subscriptionsv2: a deferral names the subscription's etag as read
-- (with its expiry) before the deferral is sent. Recorded with expected_expiry, and replaced when the
-- subscription turns out to have changed before a deferral of ours reached it.
alter table store_request add column expected_etag varchar(1000);

-- App Store mass extensions: the RENEWAL_EXTENDED notification that settled a request waiting on a
-- mass extension. Apple sends that notification type for one-subscription extensions too (another
-- campaign, support tooling) and it does not name the request; a RENEWAL_EXTENSION/FAILURE about the
-- same subscription from the same mass extension, which only mass extensions send, overturns it.
alter table store_request add column settled_by_notification uuid;
