-- Whether a number is a rise or a fall ("sales rose 6%": up), for comparing changes across sources.
ALTER TABLE facts ADD COLUMN IF NOT EXISTS change VARCHAR;
