-- One declared foreign key over the whole warehouse (identifiers from transforms/schema.py):
-- rows of {table} whose {column} is not a {parent_column} of {parent}.
SELECT count(*) FROM {table}
WHERE {column} IS NOT NULL AND {column} NOT IN (SELECT {parent_column} FROM {parent});
