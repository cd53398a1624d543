-- The canonical names people and organisations have in their own documents (not those a lone
-- name got across documents), by the label each document gave them (not the label the
-- warehouse's vote gave the entity, which would make the next refresh depend on this one): what a
-- lone name may resolve to.
SELECT DISTINCT m.label, e.canonical_name
FROM entity_mentions m JOIN entities e USING (entity_id)
WHERE m.label IN ('PERSON', 'ORG') AND m.resolved_by <> 'short_form_known_in_warehouse';
