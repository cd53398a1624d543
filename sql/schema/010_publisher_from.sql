-- Where on the page a document's publisher and published date were read (transforms/masthead.py):
-- the input's metadata ('record', 'html_metadata') or what the page prints (a copyright line, the
-- site's domain, a masthead, a wire dateline; a "Published" line, a dated byline, a dateline, a
-- photo caption). NULL with the value when the page states neither: nothing is guessed.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS publisher_from VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS published_from VARCHAR;
-- Before this migration a publisher could only come from the input's metadata: say so for the rows
-- already loaded, so that they keep the scope their learned chrome was learned in.
UPDATE documents SET publisher_from = 'record' WHERE publisher IS NOT NULL AND publisher_from IS NULL;
