-- The candidate lines of one scope with the documents holding them, line by line (read as a stream).
SELECT line, doc_id FROM chrome_candidates WHERE scope = $scope ORDER BY line, doc_id;
