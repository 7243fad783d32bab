-- The announcement of a campaign, in Korean and English, exactly as the public registry shows it and
-- as the verifier compares a pasted text with it: reviewed in the draft, fixed when published.
alter table campaign
    add column announcement_ko text,
    add column announcement_en text;
