-- What every table and column means, stored in the warehouse (duckdb_tables().comment and
-- duckdb_columns().comment) so that `newsfacts schema` and any SQL client can show it. Applied
-- after every migration that runs (flows/warehouse.py `migrate`), so a table a migration rebuilds
-- keeps its comments; a migration that adds a column adds its comment here.
-- tests/test_schema.py fails when a declared table or column has no comment.

COMMENT ON TABLE raw_documents IS 'Every input exactly as read: one row per file, or per line of a JSONL file. Every other row traces back here by doc_id.';
COMMENT ON COLUMN raw_documents.doc_id IS 'SHA-256 hex of the raw bytes (of the line, for a JSONL record): the document''s id everywhere';
COMMENT ON COLUMN raw_documents.source_uri IS 'The file the bytes came from (with #L<line> for a JSONL record)';
COMMENT ON COLUMN raw_documents.media_type IS 'text/plain, text/html or application/jsonl';
COMMENT ON COLUMN raw_documents.encoding IS 'How the bytes were decoded';
COMMENT ON COLUMN raw_documents.size_bytes IS 'Length of raw in bytes';
COMMENT ON COLUMN raw_documents.raw IS 'The exact input bytes';
COMMENT ON COLUMN raw_documents.staged_at IS 'When a run first stored these bytes';

COMMENT ON TABLE documents IS 'One row per article: its metadata and its body text with site boilerplate removed. Offsets in the other tables point into body_text.';
COMMENT ON COLUMN documents.doc_id IS 'raw_documents.doc_id of the bytes this article was read from';
COMMENT ON COLUMN documents.source_uri IS 'The file the article came from';
COMMENT ON COLUMN documents.external_id IS 'The id the input gave the article (a JSONL record''s id), if any';
COMMENT ON COLUMN documents.media_type IS 'text/plain, text/html or application/jsonl';
COMMENT ON COLUMN documents.title IS 'The headline';
COMMENT ON COLUMN documents.dek IS 'The standfirst under the headline, if the page has one';
COMMENT ON COLUMN documents.publisher IS 'The outlet, as the input''s metadata or the page states it (NULL when neither does)';
COMMENT ON COLUMN documents.published_date IS 'The date of publication, as the page or metadata states it (NULL when neither does)';
COMMENT ON COLUMN documents.language IS 'ISO 639-1 code of the body''s language';
COMMENT ON COLUMN documents.body_text IS 'The article''s body lines joined by new lines, boilerplate removed';
COMMENT ON COLUMN documents.n_words IS 'Words in body_text';
COMMENT ON COLUMN documents.run_id IS 'The run that loaded this row (runs.run_id)';
COMMENT ON COLUMN documents.ingested_at IS 'When that run loaded it';
COMMENT ON COLUMN documents.captions IS 'Photo captions, each once, in page order';
COMMENT ON COLUMN documents.publisher_from IS 'Where the publisher was read: record, html_metadata, or what the page prints (copyright line, domain, masthead, wire dateline)';
COMMENT ON COLUMN documents.published_from IS 'Where the published date was read: record, html_metadata, or what the page prints (Published line, byline, dateline, caption)';

COMMENT ON TABLE document_lines IS 'Every line of every article with the label the cleaning gave it and why: nothing is dropped, boilerplate is labelled.';
COMMENT ON COLUMN document_lines.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN document_lines.line_no IS 'Line number in the decoded input, from 1';
COMMENT ON COLUMN document_lines.text IS 'The line as read';
COMMENT ON COLUMN document_lines.label IS 'title, dek, caption, heading, body or boilerplate';
COMMENT ON COLUMN document_lines.reason IS 'Which rule gave the label';

COMMENT ON TABLE entities IS 'One row per real-world person, organisation, place or other named thing, across the whole warehouse.';
COMMENT ON COLUMN entities.entity_id IS 'Stable id of the entity';
COMMENT ON COLUMN entities.canonical_name IS 'The fullest name the corpus gives it';
COMMENT ON COLUMN entities.label IS 'spaCy label (PERSON, ORG, GPE, NORP, ...), voted over all its mentions';

COMMENT ON TABLE entity_mentions IS 'Every place an entity is named in an article body, with character offsets.';
COMMENT ON COLUMN entity_mentions.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN entity_mentions.start_char IS 'Offset of the first character in documents.body_text';
COMMENT ON COLUMN entity_mentions.end_char IS 'Offset after the last character in documents.body_text';
COMMENT ON COLUMN entity_mentions.text IS 'The words as printed';
COMMENT ON COLUMN entity_mentions.label IS 'The label the model gave this mention';
COMMENT ON COLUMN entity_mentions.entity_id IS 'The entity it names (entities.entity_id)';
COMMENT ON COLUMN entity_mentions.name IS 'The cleaned alias (titles and possessives removed)';
COMMENT ON COLUMN entity_mentions.resolved_by IS 'How the mention was joined to its entity (exact, short_form_of_full_name, first_name_of_full_name, national_side, generic_body_of_the_pages_country, gazetteer, ...)';

COMMENT ON TABLE facts IS 'Numeric facts read from article bodies: counts, amounts of money, percentages, measures, durations, ordinals, results.';
COMMENT ON COLUMN facts.fact_id IS 'Stable id of the fact (document and offsets)';
COMMENT ON COLUMN facts.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN facts.start_char IS 'Offset of the number''s first character in documents.body_text';
COMMENT ON COLUMN facts.end_char IS 'Offset after its last character in documents.body_text';
COMMENT ON COLUMN facts.sentence IS 'The sentence the fact was read from';
COMMENT ON COLUMN facts.text IS 'The words that state the quantity';
COMMENT ON COLUMN facts.value IS 'The number (the low end of a range)';
COMMENT ON COLUMN facts.value_high IS 'The high end of a range, else NULL';
COMMENT ON COLUMN facts.qualifier IS 'The hedge as printed (more than, about, nearly, up to, ...)';
COMMENT ON COLUMN facts.bound IS 'What the qualifier means: =, ~, >, >=, <, <=';
COMMENT ON COLUMN facts.kind IS 'count, money, percent, measure, duration, rate, ordinal, result, ...';
COMMENT ON COLUMN facts.unit IS 'One key per unit: ISO 4217 code for money, pint''s name for measures, X/Y for rates';
COMMENT ON COLUMN facts.object IS 'What is counted or measured (the head noun), where the sentence names it';
COMMENT ON COLUMN facts.predicate IS 'The verb the quantity hangs from (killed, rose, ...)';
COMMENT ON COLUMN facts.count_type IS 'A coarse type of count (casualties, people, ...), where one applies';
COMMENT ON COLUMN facts.attribution IS 'Who the sentence says gave the figure (according to X, X said), if anyone';
COMMENT ON COLUMN facts.change IS 'up or down when the number is a rise or a fall, else NULL';
COMMENT ON COLUMN facts.dimension IS 'What the unit measures (length, mass, time, money, percent, speed, money/count, ...)';

COMMENT ON TABLE dates IS 'Date mentions in article bodies, normalised to ISO dates (NULL when they cannot be resolved: nothing is guessed).';
COMMENT ON COLUMN dates.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN dates.start_char IS 'Offset of the first character in documents.body_text';
COMMENT ON COLUMN dates.end_char IS 'Offset after the last character in documents.body_text';
COMMENT ON COLUMN dates.text IS 'The words as printed';
COMMENT ON COLUMN dates.date IS 'The date meant, or NULL when it cannot be resolved';
COMMENT ON COLUMN dates.granularity IS 'day, month or weekday';
COMMENT ON COLUMN dates.resolution IS 'How the date was resolved: stated, year_inferred, weekday_resolved, relative_resolved, unresolved';

COMMENT ON TABLE quotes IS 'Direct quotations in article bodies, with their speaker where the text names one.';
COMMENT ON COLUMN quotes.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN quotes.start_char IS 'Offset of the opening quote mark in documents.body_text';
COMMENT ON COLUMN quotes.end_char IS 'Offset after the closing quote mark in documents.body_text';
COMMENT ON COLUMN quotes.quote IS 'The quoted words, quote marks included';
COMMENT ON COLUMN quotes.speaker_text IS 'The speaker as written (a name, a pronoun resolved to a name, a role)';
COMMENT ON COLUMN quotes.speaker_entity_id IS 'The entity the speaker is (entities.entity_id), when it is one';
COMMENT ON COLUMN quotes.verb IS 'The verb of saying (said, told, added, ...)';

COMMENT ON TABLE runs IS 'Every run of the pipeline: when, what it saw and how it ended.';
COMMENT ON COLUMN runs.run_id IS 'Id of the run';
COMMENT ON COLUMN runs.flow_run_id IS 'The Prefect flow run''s id';
COMMENT ON COLUMN runs.started_at IS 'When the run started';
COMMENT ON COLUMN runs.finished_at IS 'When it ended (NULL while running, or if it was interrupted)';
COMMENT ON COLUMN runs.status IS 'running, completed, completed_with_rejects, failed or interrupted';
COMMENT ON COLUMN runs.n_seen IS 'Documents read';
COMMENT ON COLUMN runs.n_new IS 'Documents loaded by this run';
COMMENT ON COLUMN runs.n_unchanged IS 'Documents skipped because a run of the same reading version had loaded them';
COMMENT ON COLUMN runs.n_rejected IS 'Inputs rejected (see rejects)';
COMMENT ON COLUMN runs.pipeline_version IS 'The reading version: pipeline version and a hash of the code, rules and reading settings';
COMMENT ON COLUMN runs.model_name IS 'The spaCy model used';
COMMENT ON COLUMN runs.n_duplicates IS 'Inputs skipped because they held the same bytes as one staged before them';

COMMENT ON TABLE rejects IS 'Inputs or documents that could not be processed, with the stage and the error: nothing is lost silently.';
COMMENT ON COLUMN rejects.run_id IS 'The run (runs.run_id)';
COMMENT ON COLUMN rejects.source_uri IS 'The file (and line) rejected';
COMMENT ON COLUMN rejects.stage IS 'The stage that failed (discover, stage, strip_boilerplate, entities, dates_quotes, facts, frames, validate, load)';
COMMENT ON COLUMN rejects.error IS 'What went wrong';
COMMENT ON COLUMN rejects."at" IS 'When';
COMMENT ON COLUMN rejects.doc_id IS 'raw_documents.doc_id when the bytes were stored before the failure, else NULL';

COMMENT ON TABLE learned_boilerplate IS 'Lines printed on several documents of one publisher: site chrome the next page of that publisher is cleaned with.';
COMMENT ON COLUMN learned_boilerplate.scope IS 'The publisher (empty when unknown)';
COMMENT ON COLUMN learned_boilerplate.line IS 'The line';
COMMENT ON COLUMN learned_boilerplate.n_documents IS 'Documents of that publisher printing it';
COMMENT ON COLUMN learned_boilerplate.updated_at IS 'When it was last counted';

COMMENT ON TABLE entity_aliases IS 'Every name an entity is known by and why: each merge of two names is explained here.';
COMMENT ON COLUMN entity_aliases.alias IS 'The name as cleaned';
COMMENT ON COLUMN entity_aliases.entity_id IS 'The entity (entities.entity_id)';
COMMENT ON COLUMN entity_aliases.n IS 'Mentions with this alias';
COMMENT ON COLUMN entity_aliases.resolved_by IS 'Why this alias names this entity';

COMMENT ON TABLE quarantine IS 'Rows that failed a row-level data-quality expectation: kept whole, out of the analytical tables.';
COMMENT ON COLUMN quarantine.run_id IS 'The run (runs.run_id)';
COMMENT ON COLUMN quarantine.table_name IS 'The table the row was meant for';
COMMENT ON COLUMN quarantine."row" IS 'The row, as JSON';
COMMENT ON COLUMN quarantine.expectation IS 'The expectation it failed';
COMMENT ON COLUMN quarantine.details IS 'Why';

COMMENT ON TABLE dq_results IS 'Every data-quality expectation''s outcome, per batch of a run and per `newsfacts dq` run.';
COMMENT ON COLUMN dq_results.run_id IS 'The run (runs.run_id), or the dq run''s id';
COMMENT ON COLUMN dq_results.suite IS 'The Great Expectations suite (named after its table)';
COMMENT ON COLUMN dq_results.expectation IS 'The expectation';
COMMENT ON COLUMN dq_results.column_name IS 'The column checked, if one';
COMMENT ON COLUMN dq_results.success IS 'Whether it held';
COMMENT ON COLUMN dq_results.severity IS 'critical (the batch fails) or warning';
COMMENT ON COLUMN dq_results.observed IS 'What was observed';
COMMENT ON COLUMN dq_results.unexpected_count IS 'Rows that broke it';
COMMENT ON COLUMN dq_results.details IS 'More on the outcome';
COMMENT ON COLUMN dq_results.checked_at IS 'When it was checked';

COMMENT ON TABLE schema_migrations IS 'The migrations (sql/schema/*.sql) applied to this file.';
COMMENT ON COLUMN schema_migrations.version IS 'The migration''s file name';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied';
COMMENT ON COLUMN schema_migrations.duckdb_version IS 'The DuckDB version that applied it';

COMMENT ON TABLE story_signatures IS 'The MinHash signature of each document''s body (transforms/stories.py), kept so that a run signs only new bodies.';
COMMENT ON COLUMN story_signatures.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN story_signatures.run_id IS 'The run that loaded the body signed';
COMMENT ON COLUMN story_signatures.signature IS 'MinHash of the body''s five-word shingles: 64 unsigned 64-bit integers';

COMMENT ON TABLE story_clusters IS 'Each document''s story: versions of one story (updates, syndicated copies) share a story_id, so reports can count a story once.';
COMMENT ON COLUMN story_clusters.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN story_clusters.story_id IS 'doc_id of the story''s first version (oldest by published date, then by when it was loaded)';
COMMENT ON COLUMN story_clusters.similarity IS 'Estimated Jaccard similarity of its body''s shingles to the first version''s (1 for the first)';
COMMENT ON COLUMN story_clusters.n_versions IS 'Documents telling this story';

COMMENT ON TABLE claims IS 'Facts from different documents that state the same measure about the same places, peoples or events at a comparable size: the versions of one claim (transforms/claims.py). The disagreements report shows those whose versions differ.';
COMMENT ON COLUMN claims.claim_id IS 'Id of the claim (a hash of its versions'' fact ids)';
COMMENT ON COLUMN claims.fact_id IS 'A version of the claim (facts.fact_id)';
COMMENT ON COLUMN claims.doc_id IS 'The document stating it (documents.doc_id)';
COMMENT ON COLUMN claims.measure IS 'What the versions count or measure: the count type (KILL, WOUND, ...), or the verb and the object';
COMMENT ON COLUMN claims.n_versions IS 'Facts stating the claim';
COMMENT ON COLUMN claims.n_documents IS 'Documents stating it';

COMMENT ON TABLE preamble_mentions IS 'Entity mentions in what a page prints before its body: its title, dek and photo captions (entity_mentions holds the body''s).';
COMMENT ON COLUMN preamble_mentions.doc_id IS 'The article (documents.doc_id)';
COMMENT ON COLUMN preamble_mentions.line_no IS 'The line the mention is in (document_lines.line_no)';
COMMENT ON COLUMN preamble_mentions.section IS 'title, dek or caption';
COMMENT ON COLUMN preamble_mentions.start_char IS 'Offset of the first character in that line''s document_lines.text';
COMMENT ON COLUMN preamble_mentions.end_char IS 'Offset after the last character in that line''s text';
COMMENT ON COLUMN preamble_mentions.text IS 'The words as printed';
COMMENT ON COLUMN preamble_mentions.label IS 'The label the model gave this mention';
COMMENT ON COLUMN preamble_mentions.entity_id IS 'The entity it names (entities.entity_id), resolved with the body''s names';
COMMENT ON COLUMN preamble_mentions.name IS 'The cleaned alias';
COMMENT ON COLUMN preamble_mentions.resolved_by IS 'How the mention was joined to its entity';
