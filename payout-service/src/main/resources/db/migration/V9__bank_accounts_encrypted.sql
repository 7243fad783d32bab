-- Bank account numbers and holders are kept encrypted by the service (AES-256-GCM, key id in the
-- value: "enc1:<key id>:..."); what views show is the masked number, and a keyed hash compares
-- accounts without decrypting them. Rows written before are encrypted by the service at start
-- (AccountKeyRotation), in chunks, resumable: until then they read as they were.
alter table claim
    alter column bank_account type text,
    alter column account_holder type text,
    add column bank_account_masked varchar(64),
    add column bank_account_hash   char(64);
