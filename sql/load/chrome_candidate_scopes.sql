-- The scopes (publishers, '' for the rest) that have candidate lines for learned chrome.
SELECT DISTINCT scope FROM chrome_candidates ORDER BY scope;
