-- What a fact's unit measures (length, mass, time, money, percent, speed, money/count, ...), so that
-- facts in different units of one dimension can be found together; the unit is one key per unit
-- (ISO 4217 codes, pint's names for measures, X/Y for rates).
ALTER TABLE facts ADD COLUMN IF NOT EXISTS dimension VARCHAR;
