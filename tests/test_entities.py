from transforms.entities import clean_name, entity_id_for, extract_mentions


def test_clean_name_strips_titles_possessives_and_edge_punctuation():
    assert clean_name("President Isaac Herzog", "PERSON") == "Isaac Herzog"
    assert clean_name("Blinken's", "PERSON") == "Blinken"
    assert clean_name("the United States'", "GPE") == "United States"
    assert clean_name("“Hamas,", "ORG") == "Hamas"
    assert clean_name("U.N.", "ORG") == "U.N."


def test_surnames_resolve_to_the_full_name_in_the_same_document(ner):
    doc = ner("Maria Lopez met the mayor of Lyon on Monday. Later, Lopez said the talks had gone well.")
    people = {m.text: m for m in extract_mentions(doc) if m.label == "PERSON"}
    assert people["Lopez"].canonical_name == "Maria Lopez"
    assert people["Lopez"].entity_id == people["Maria Lopez"].entity_id
    assert doc.text[people["Lopez"].start_char:people["Lopez"].end_char] == "Lopez"


def test_an_ambiguous_surname_is_left_alone(ner):
    doc = ner("Anna Smith and John Smith arrived in Paris. Smith spoke first.")
    smith = [m for m in extract_mentions(doc) if m.text == "Smith"]
    assert smith and smith[0].canonical_name == "Smith"


def test_numeric_entity_types_are_not_entities(ner):
    doc = ner("Germany sent 300 soldiers to Lithuania on May 1, 2024.")
    labels = {m.label for m in extract_mentions(doc)}
    assert labels == {"GPE"}


def test_entity_ids_are_stable_and_case_insensitive():
    assert entity_id_for("Antony Blinken", "PERSON") == entity_id_for("antony blinken", "PERSON")
    assert entity_id_for("Georgia", "GPE") != entity_id_for("Georgia", "PERSON")
