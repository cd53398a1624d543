from transforms.quotes import extract_quotes


def speakers(ner, text):
    from transforms.entities import extract_mentions

    mentions = extract_mentions(ner(text))
    names = {m.entity_id: m.canonical_name for m in mentions}
    return [(q.quote, q.speaker_text, names.get(q.speaker_entity_id), q.verb) for q in extract_quotes(text, mentions)]


def test_speaker_after_the_quote(ner):
    text = "Maria Lopez visited the port.\n“We will rebuild the harbour this year,” said Maria Lopez."
    assert speakers(ner, text) == [("We will rebuild the harbour this year,", "Maria Lopez", "Maria Lopez", "said")]


def test_speaker_before_the_quote_and_a_pronoun(ner):
    text = ("Mayor Anna Berg spoke in Oslo on Monday.\n"
            "Anna Berg said: “The tunnel will open in May.”\n"
            "“Nobody will pay a toll for it,” she added.")
    got = speakers(ner, text)
    assert got[0][1:] == ("Anna Berg", "Anna Berg", "said")
    assert got[1][1:] == ("she", "Anna Berg", "added")


def test_a_role_before_the_name_is_read_through(ner):
    text = "“Talks went well on the whole,” said State Department spokesman Matthew Miller."
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("Matthew Miller", "Matthew Miller")


def test_short_scare_quotes_are_not_quotations(ner):
    assert speakers(ner, "He called the plan “tangible” and left.") == []
