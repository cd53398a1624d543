import pytest

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


def test_a_quote_runs_on_with_its_speaker_in_its_paragraph_and_into_the_next(ner):
    text = ("Mayor Anna Berg opened the tunnel on Monday.\n"
            "“The tunnel will open in May,” said Anna Berg, adding that the “tolls will stay low for years.”\n"
            "“We have waited a long time for this day.”\n"
            "Critics were not convinced.\n"
            "“It is a waste of public money,” a local resident complained.")
    got = speakers(ner, text)
    assert [g[2] for g in got[:3]] == ["Anna Berg"] * 3
    assert got[3][2] is None  # a paragraph away, after narrative: not hers


def test_someone_else_named_between_two_quotes_stops_the_run(ner):
    text = ("“The tunnel will open in May,” said Anna Berg. Her rival Jonas Lie disagreed: "
            "he called the plan “a very costly mistake for the city.”")
    got = speakers(ner, text)
    assert got[0][2] == "Anna Berg" and got[1][2] != "Anna Berg"


def test_a_speaker_with_an_apposition_a_description_or_a_misspelling(ner):
    text = ("Benny Gantz met Antony Blinken in Tel Aviv.\n"
            "“The most urgent issue is the hostages,” Gantz, a centrist, told reporters.\n"
            "“This is a decisive moment for the region,” Blinked said.\n"
            "“The talks will resume next week,” the officials said.")
    got = speakers(ner, text)
    assert [(g[1], g[2]) for g in got] == [("Gantz", "Benny Gantz"), ("Blinked", "Antony Blinken"),
                                           ("the officials", None)]


def test_the_sentences_speaker_before_a_quote_later_in_it(ner):
    text = "Antony Blinken said he spoke to them about “the hostages and the work being done to free them”."
    [(_, speaker, entity, verb)] = speakers(ner, text)
    assert (speaker, entity, verb) == ("Antony Blinken", "Antony Blinken", "said")


def test_narrative_between_two_quotes_is_not_a_quote(ner):
    text = '"We will rebuild the harbour this year," said Maria Lopez. "It will take time and a lot of money."'
    assert [q for q, *_ in speakers(ner, text)] == ["We will rebuild the harbour this year,",
                                                     "It will take time and a lot of money."]
    broken = 'The plan " , she said. The council met later and voted " was approved.'
    assert speakers(ner, broken) == []


def test_an_aide_speaks_for_no_one_but_is_recorded(ner):
    text = "Benjamin Netanyahu met the envoy.\n“The meeting was positive and long,” Netanyahu's office said."
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("Netanyahu's office", None)


def test_the_paragraphs_last_speaker_before_a_quote_that_names_no_one(ner):
    text = "Anna Berg said the tunnel would cost less than planned. “We kept the budget under control.”"
    [(_, speaker, entity, verb)] = speakers(ner, text)
    assert (speaker, entity, verb) == ("Anna Berg", "Anna Berg", "said")
    other = "Anna Berg said the tunnel was cheap, but Jonas Lie disagreed. “We were never told the cost.”"
    [(_, _, entity, _)] = speakers(ner, other)
    assert entity is None  # someone else was named after her


def test_a_long_apposition_between_the_speaker_and_the_verb(ner):
    text = ("“The galaxies formed much earlier than we thought,” Dylan Nelson, a postdoctoral fellow at the "
            "Max Planck Institute for Astrophysics in Germany, said.")
    [(_, speaker, entity, verb)] = speakers(ner, text)
    assert (speaker, entity, verb) == ("Dylan Nelson", "Dylan Nelson", "said")


def test_a_title_in_quotation_marks_is_not_a_quote(ner):
    text = ('The series "The Mandalorian" and the film "A Beautiful Day in the Neighborhood" opened. '
            '"We Are Ready for the winter," the mayor said.')
    assert [q for q, *_ in speakers(ner, text)] == ["We Are Ready for the winter,"]


def test_a_description_holding_the_name_links_to_it(ner):
    text = "Diego Schwartzman won in Madrid.\n“I played my best tennis today,” the 14th-ranked Schwartzman said."
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("the 14th-ranked Schwartzman", "Diego Schwartzman")


def test_a_role_before_the_name_and_a_colon_after_the_sentence_name_the_speaker(ner):
    text = ("“Titan has a rich geology,” JPL planetary scientist Rosaly Lopes said.\n"
            "Anna Berg told the BBC interviewer: “We will finish the tunnel by May.”\n"
            "Jonas Lie agreed: “The tunnel is good for the whole region.”")
    assert [(g[2], g[3]) for g in speakers(ner, text)] == [("Rosaly Lopes", "said"), ("Anna Berg", "told"),
                                                           ("Jonas Lie", "agreed")]


def test_descriptions_adverbs_and_appositions_before_the_quote(ner):
    text = ("“We got her, we got her!” officers announced on their radios.\n"
            "The president said on Tuesday that China “is going to have to make a deal that I like.”\n"
            "Kristi Noem later tweeted that the epidemic “needs to be a dinner table conversation.”\n"
            "Sean Robertson, the U.S. commander, said: “The United States does not support forced relocations.”")
    got = speakers(ner, text)
    assert [g[1] for g in got] == ["officers", "The president", "Kristi Noem", "Sean Robertson"]
    assert [g[2] for g in got][2:] == ["Kristi Noem", "Sean Robertson"]


def test_narration_or_someone_naming_the_quote_stops_a_speaker_from_running_on(ner):
    chant = "“We will win this race,” Maria Lopez said. The crowd then chanted “lock him up now” as the rally ended."
    assert [g[2] for g in speakers(ner, chant)] == ["Maria Lopez", None]
    called = "Maria Lopez said the report, which critics called “a total whitewash of events,” was flawed."
    assert [g[2] for g in speakers(ner, called)] == [None]
    shouted = "Police said the gunman shouted at the crowd. “Get down on the floor now.”"
    assert [g[1] for g in speakers(ner, shouted)] == [None]


def test_a_colon_needs_a_speech_verb_and_a_plural_speaker_no_conjunction(ner):
    text = ("Anna Berg's lawyer released a statement: “My client denies every one of the charges.”\n"
            "Jonas Lie faced one simple question: “Will you resign this week?”\n"
            "“We will build it by May,” but critics say otherwise.")
    assert [g[1] for g in speakers(ner, text)] == [None, None, None]


def test_shouting_is_a_quote_and_spaces_inside_the_marks_do_not_make_narration(ner):
    text = 'The crowd shouted “WE WANT CLEAN WATER” outside. He said: “ We are ready for the storm. ”'
    assert [q.strip() for q, *_ in speakers(ner, text)] == ["WE WANT CLEAN WATER", "We are ready for the storm."]


def test_a_role_in_lower_case_between_the_verb_and_the_name(ner):
    text = "“The river rose faster than anyone expected,” said fire brigade lieutenant Maria Lopez."
    [(_, _, entity, verb)] = speakers(ner, text)
    assert (entity, verb) == ("Maria Lopez", "said")


def test_two_quotes_side_by_side_share_the_name_after_the_second(ner):
    text = ("Maria Lopez won the final on Sunday.\n"
            "“It is always hard to play a friend,” “She was not at her best today.” Maria Lopez said after the match.")
    got = speakers(ner, text)
    assert [entity for _, _, entity, _ in got] == ["Maria Lopez", "Maria Lopez"]


def test_a_name_that_opens_the_next_quote_is_not_the_speaker_of_the_one_before(ner):
    text = ("John Okafor and Maria Lopez wrote the songs.\n"
            "“It is a different muscle,” Okafor said. “You take yourself out of it.” Lopez agreed: “It is another job.”")
    got = speakers(ner, text)
    assert [entity for _, _, entity, _ in got][1] != "Maria Lopez"


def test_a_paragraph_that_introduces_a_statement_with_a_colon_names_its_speaker(ner):
    text = ("The inquiry is closing.\nMaria Lopez, the firm's chief executive, issued the following statement:\n"
            "“I apologise to every customer affected by this incident.”")
    [(_, speaker, entity, verb)] = speakers(ner, text)
    assert (speaker, entity, verb) == ("Maria Lopez", "Maria Lopez", "issued")


def test_a_speaker_named_with_a_role_is_the_person_the_article_names_by_surname(ner):
    text = ("Maria Lopez, the health chief, spoke on Monday.\n"
            "“It is a relatively high month for flu,” Bureau Chief of Infectious Disease Maria Lopez said.")
    [(_, _, entity, _)] = speakers(ner, text)
    assert entity == "Maria Lopez"


def test_a_speaker_does_not_run_into_the_next_sentence(ner):
    text = ("Peter Stott leads climate monitoring at the Met Office Hadley Centre. He said: “This was a record year for "
            "our climate.”")
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("He", "Peter Stott")


def test_a_name_and_its_role_before_the_verb_without_a_second_comma(ner):
    text = "“We had a fantastic ride this year,” Maria Lopez, the network’s president and CEO said in a statement."
    [(_, speaker, _, verb)] = speakers(ner, text)
    assert (speaker, verb) == ("Maria Lopez", "said")


def test_a_sentence_opened_by_a_name_that_goes_on_saying(ner):
    text = "Maria Lopez echoed him, saying, “The decision was unanimous and final.”"
    [(_, speaker, _, verb)] = speakers(ner, text)
    assert (speaker, verb) == ("Maria Lopez", "saying")


def test_the_organisation_a_description_names(ner):
    text = ("Troops of the Pakistan Army repelled the attack on Wednesday.\n"
            "“Security forces are maintaining pressure on the attackers,” the army said.")
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("the army", "Pakistan Army")


def test_a_person_described_by_nationality_is_not_the_nationality(ner):
    text = "“I feel good about the race,” the 33-year-old American said after the defeat."
    [(_, speaker, entity, _)] = speakers(ner, text)
    assert (speaker, entity) == ("the 33-year-old American", None)


def test_the_one_told_does_not_break_a_run_of_quotes(ner):
    text = ("“The market is rewarding the show of cooperation,” John Kilduff, a partner at a hedge fund, told "
            "Bloomberg. “Their acts have not matched their words so far.”")
    got = speakers(ner, text)
    assert [g[2] for g in got] == ["John Kilduff", "John Kilduff"]


def test_the_subject_that_names_what_it_quotes_is_its_speaker(ner):
    text = ("Omar Lamrani is an analyst at a think tank.\n"
            "Lamrani further described the idea as “certainly false and misleading.”\n"
            "Aviation analysts called it the “end of an era,” as the industry moved on.\n"
            "The company, which analysts described as “a sleeping giant in the market,” grew.")
    got = speakers(ner, text)
    assert [(g[1], g[2], g[3]) for g in got] == [("Lamrani", "Omar Lamrani", "described"),
                                                 ("Aviation analysts", None, "called"), (None, None, None)]


def test_a_speaker_with_his_team_and_the_one_he_tells_on_the_way(ner):
    text = ("Tim Cook spoke first. “We all miss Steve so much,” Marc Benioff weighed in, telling Cook, "
            "“since he passed, you have been so true to him.”\n"
            "“We suggest that the outgassing occurs at lower levels,” Lucas Paganini and his team wrote.")
    assert [g[2] for g in speakers(ner, text)] == ["Marc Benioff", "Marc Benioff", "Lucas Paganini"]


def test_a_pronoun_skips_names_inside_quotes_and_people_the_article_writes_the_other_way(ner):
    quoted = ("Donald Trump praised his ally. “Vote for your GREAT Governor, Matt Bevin!” Trump sent a similar message "
              "ahead of the elections. “Go out and vote Republican today,” he said.")
    assert speakers(ner, quoted)[-1][1:3] == ("he", "Donald Trump")
    agreeing = ("Ms. Anna Berg met John Smith on Monday in Oslo. “We agreed on nothing at all today,” he said.")
    assert speakers(ner, agreeing)[-1][1:3] == ("he", "John Smith")
    first_names = ("Anna Berg met John Smith on Monday in Oslo. “We agreed on nothing at all today,” he said.")
    assert speakers(ner, first_names)[-1][1:3] == ("he", "John Smith")  # Anna is usually a woman's name
    written = ("Anna Berg met John Smith on Monday in Oslo, where he lives. “We agreed on nothing at all,” she said.")
    assert speakers(ner, written)[-1][1:3] == ("she", "Anna Berg")


def test_titles_organisations_quoted_as_saying_and_a_weekday_around_the_name(ner):
    text = ("Caroline Garcia won in Cleveland.\n"
            "“It is never easy to play someone new,” French number one Garcia said.\n"
            "“The levee system is going to be overtopped,” Pat Slattery of the National Weather Service said.\n"
            "“This continues to be a very dynamic situation,” Brig. Gen. John McMahon said.\n"
            "Ben Rhodes, the deputy adviser, on Thursday said Washington is “concerned about reports of moves.”")
    assert [g[2] for g in speakers(ner, text)] == ["Caroline Garcia", "Pat Slattery", "John McMahon", "Ben Rhodes"]
    quoted = "“Let me put this very clearly,” Martin Halliwell, the chief technology officer, was quoted as saying."
    assert speakers(ner, quoted)[0][1::2] == ("Martin Halliwell", "was quoted as saying")


def test_a_credit_after_the_quote_names_its_speaker(ner):
    text = ("The council met on Monday.\n"
            "“We need more housing in this city, and we need it now.” — Council member Maria Lopez\n"
            "Rain is coming.\n“This is the wettest spell we have seen in a decade.” —Pat Slattery, National Weather Service")
    assert [(s, e, v) for _, s, e, v in speakers(ner, text)] == [("Maria Lopez", "Maria Lopez", "(credited)"),
                                                                 ("Pat Slattery", "Pat Slattery", "(credited)")]
    # a dash after a quote that names no person credits no one
    assert speakers(ner, "“We will win this war, whatever it takes,” — the slogan of the campaign.")[0][1] is None


def test_a_speaker_in_the_present_tense(ner):
    text = "“Conditions will deteriorate quickly this afternoon,” Anna Berg warns."
    assert speakers(ner, text)[0][1:] == ("Anna Berg", "Anna Berg", "warns")


def test_a_person_who_opens_the_sentence_speaks_the_quote_inside_it(ner):
    text = "Former mayor Catherine Pugh apologized “to the citizens of Baltimore and to all the people I let down.”"
    assert speakers(ner, text)[0][1:] == ("Catherine Pugh", "Catherine Pugh", "apologized")
    charged = "Anna Berg was charged with “reckless endangerment of the public”."  # passive: not her words
    assert speakers(ner, charged)[0][1] is None


def test_a_person_named_past_the_speakers_comma_is_not_the_speaker(ner):
    text = "“We should wait for the report before we vote on it,” said Still, who agreed with Anna Berg on the timing."
    assert speakers(ner, text)[0][1:3] == ("Still", None)


def test_a_source_the_sentence_ends_on_and_a_name_set_off_after_who_he_is(ner):
    ends = "The outbreaks were among “the largest and longest lasting” since measles were eliminated, according to the CDC."
    assert speakers(ner, ends)[0][1:] == ("the CDC", "CDC", "according to")
    described = "“We have reached the main inhabited area and are continuing,” one district official, Maria Lopez, said."
    assert speakers(ner, described)[0][1:] == ("Maria Lopez", "Maria Lopez", "said")


def test_a_pronoun_that_opens_the_sentence_speaks_the_quote_inside_it(ner):
    text = ("Eleanor Catton won the prize on Tuesday. "
            "She then thanked her publishers for the “elegant balance between commerce and art.”")
    assert speakers(ner, text)[0][1:] == ("She", "Eleanor Catton", "thanked")


def test_a_quote_that_goes_on_into_the_next_paragraph_is_two_quotes_of_one_speaker(ner):
    text = ("“I wasn’t thinking about the century,” said Duminy after the day’s play. “But yes, it’s always pleasing "
            "to get there.\n“The biggest challenge was the spinners and the tail,” he said.\n"
            "“Still there is plenty of hard work to be done.”")
    found = speakers(ner, text)
    assert [q for q, *_ in found] == ["I wasn’t thinking about the century,", "But yes, it’s always pleasing to get there.",
                                      "The biggest challenge was the spinners and the tail,",
                                      "Still there is plenty of hard work to be done."]
    assert {name for _, _, name, _ in found} == {"Duminy"}


def test_a_quote_alone_in_its_paragraph_is_the_speaker_of_the_paragraph_before(ner):
    text = ("The deficit will shrink slowly, Mr Morrison said.\n"
            "“This is not a time to be splashing money around.”")
    assert speakers(ner, text)[0][1:3] == ("Mr Morrison", "Morrison")
    quoted = ("The deficit will shrink slowly, Mr Morrison said. “It will take years,” said Anna Berg.\n"
              "“This is not a time to be splashing money around.”")  # a quote of its own follows him
    assert speakers(ner, quoted)[-1][2] != "Morrison"


def test_a_transcripts_label_and_a_spokesperson_named_after_whose_he_is(ner):
    label = "Josh Frydenberg, Assistant Treasurer: “We think over 200,000 families will now enter the workforce.”"
    assert speakers(ner, label)[0][1:] == ("Josh Frydenberg", "Josh Frydenberg", "(labelled)")
    aide = "“He has failed at his job,” said party chief Nawaz Sharif's spokesperson, Muhammad Zubair."
    assert speakers(ner, aide)[0][2] == "Muhammad Zubair"


def test_the_company_is_the_organisation_named_before(ner):
    text = ("Shares in Carphone Warehouse Group fell on Monday. "
            "The company said in a statement: “We took immediate action to secure these systems.”")
    assert speakers(ner, text)[0][1:3] == ("The company", "Carphone Warehouse Group")


def test_a_sentence_opened_by_the_pronoun_does_not_name_its_subject_again(ner):
    text = ("Resident Justin Cox said he bought his home on Jasper Grove in 2001.\n"
            "But he said developers saw Jasper Grove as a through road.\n"
            "“We moved in while the houses were still being built,” he said.")
    assert speakers(ner, text)[0][1:3] == ("he", "Justin Cox")


def test_a_name_that_goes_on_to_speak_and_a_quote_broken_by_a_few_words(ner):
    text = "Fans paid tribute, with William Shatner tweeting: “Condolences to the family of a talented actor.”"
    assert speakers(ner, text)[0][1:] == ("William Shatner", "William Shatner", "tweeting")
    broken = ("“Given the continuing risk of adverse news flows on” Ukraine and Covid, “it is impractical to give "
              "a range,” Michael O'Leary added.")
    assert [name for _, _, name, _ in speakers(ner, broken)] == ["Michael O'Leary", "Michael O'Leary"]


def test_a_role_then_the_name_the_verb_first_and_a_linked_headline(ner):
    role = ("Chairman of the Market Traders Association, Maria Lopez, while confirming the fire, said: "
            "“I was already at home when I received a call.”")
    assert speakers(ner, role)[0][1] == "Maria Lopez"
    inverted = "The game ended 1-0.\nSaid Grant: “It’s awfully tough looking up at the scoreboard.”"
    assert speakers(ner, inverted)[0][1] == "Grant"
    headline = 'Shortages rose again. READ MORE: "South Carolina sees drop in pregnancy-related deaths."'
    assert speakers(ner, headline) == []


def test_a_place_the_model_reads_as_a_person_after_of_is_no_subject_for_he(ner):
    text = ("Acting district head Anto Setiawan visited on Monday. A farmer was hurt in the paddy fields of "
            "Sungai Timih, Belimbing Baru Village.\n“We are still on the way to the village,” he said.")
    found = speakers(ner, text)
    assert found[0][1:3] == ("he", "Anto Setiawan")  # (the model reads "Sungai Timih" as a person)


def test_an_office_held_for_a_place_is_the_person_named_before_not_the_place(ner):
    text = ("Local MP Kevin Hollinrake expressed his disappointment over the decision.\n"
            "The Conservative MP for Thirsk and Malton said: “This decision leaves many constituents stranded.”")
    assert speakers(ner, text)[0][2] == "Kevin Hollinrake"


def test_a_statement_quoted_as_the_speaker_is_whoever_issued_it(ner):
    text = ("“We read your messages of job losses and pain,” Tool wrote in a statement posted on Friday.\n"
            "“There is no playbook that artists can pull from in these times,” the statement read.")
    assert [q[1] for q in speakers(ner, text)] == ["Tool", "Tool"]
    unsaid = "“There is no playbook that artists can pull from in these times,” the statement read."
    assert speakers(ner, unsaid)[0][1] == "the statement"  # no one said to have issued it


def test_a_quote_opening_its_paragraph_after_reported_speech_is_the_reporters(ner):
    text = ("Union leader Karen Walsh met the board on Friday.\n"
            "Walsh said that without more money, talks were not the “right venue” at this stage.\n"
            "“Our members have waited four years for a fair offer and they will not wait any longer.”\n"
            "However, she said nurses had agreed to staff the emergency wards during the strike.\n"
            "“Patient safety will always come first for every one of our members.”")
    got = speakers(ner, text)
    assert [(s, e) for _, s, e, _ in got] == [("Walsh", "Karen Walsh"), ("she", "Karen Walsh")]


def test_an_office_described_is_the_person_named_with_it_before(ner):
    text = ("Speaking in Dhaka, Disaster Minister Enamur Rahman said relief came quickly.\n"
            "The ports were closed overnight.\n"
            "“We have prepared four thousand shelters along the coast,” said the state minister.\n"
            "Gemma Tumelty, the union's president, was less sure.\n"
            "“Students will pay for this decision for many years,” the president said.")
    got = speakers(ner, text)
    assert [(s, e) for _, s, e, _ in got] == [("the state minister", "Enamur Rahman"),
                                                ("the president", "Gemma Tumelty")]


def test_a_firms_people_or_a_clause_between_the_quote_and_its_speaker(ner):
    text = ("Barclays analysts said this week that prices had been hit by “persistent outages at two big smelters”.\n"
            "“Carmakers were strong because of the weaker yen” after chip stocks rose overnight, said Mariko Tanaka, "
            "an economist.")
    got = speakers(ner, text)
    assert [s for _, s, _, _ in got] == ["Barclays analysts", "Mariko Tanaka"]


def test_a_person_voicing_his_own_view_before_a_colon_and_another_one_of_a_kind(ner):
    text = ("Fatima Okoro expressed her relief: “The bridge is open again and my shop can breathe.”\n"
            "Governor Daniel Mensah on Monday offered his condolences via Facebook: “Our thoughts are with the families.”\n"
            "Another commuter said: “The new line saves me an hour every single day.”")
    got = speakers(ner, text)
    assert [(s, e) for _, s, e, _ in got] == [("Fatima Okoro", "Fatima Okoro"), ("Governor Daniel Mensah", "Daniel Mensah"),
                                                ("Another commuter", None)]
    # a verb with someone's own thing needs a person the page names as its subject: a storm never speaks
    assert speakers(ner, "The storm destroyed their homes: “We have nothing left at all.”")[0][1] is None


def test_he_after_a_teams_coach_is_the_coach_not_the_team():
    from transforms.entities import Mention, entity_id_for

    text = ("Sri Lanka's batting coach Ruwan Perera praised the bowlers after the match.\n"
            "“They bowled to their plans and kept it tight,” he said.")

    def person(name: str) -> Mention:  # as the model may read them: the country a person, without its "'s"
        start = text.index(name)
        return Mention(start, start + len(name), name, "PERSON", name, name, entity_id_for(name, "PERSON"), "exact")

    [quote] = extract_quotes(text, [person("Sri Lanka"), person("Ruwan Perera")])
    assert quote.speaker_text == "he" and quote.speaker_entity_id == entity_id_for("Ruwan Perera", "PERSON")


def test_a_place_before_the_verb_of_a_paragraph_is_no_speaker(ner):
    text = ("“The water is rising fast,” Ana Cruz of the radio station in San Juan reported on Monday.\n"
            "“Most of the town has no power.”")
    got = speakers(ner, text)
    assert len(got) == 2 and got[1][1] != "San Juan"


def test_the_company_is_the_one_the_page_names_not_the_one_told_nor_a_credit():
    from transforms.entities import Mention, entity_id_for

    text = ("File Image / Pixabay\nShipping giant Nordlys halted its convoys, it told Reuters on Monday.\n"
            "“All Nordlys vessels will be diverted until further notice,” the company said.")

    def named(name: str, label: str, nth: int = 0) -> Mention:
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Mention(start, start + len(name), name, label, name, name, entity_id_for(name, label), "exact")

    mentions = [named("File Image / Pixabay", "ORG"), named("Nordlys", "PRODUCT"), named("Reuters", "ORG"),
                named("Nordlys", "PRODUCT", 1)]
    [quote] = extract_quotes(text, mentions)
    assert quote.speaker_text == "the company" and quote.speaker_entity_id == entity_id_for("Nordlys", "PRODUCT")


@pytest.mark.parametrize("text, speaker", [
    ("The council met. Councillor Paul Peacock (Lab) said: “I am saddened that this application is before you.”",
     "Paul Peacock"),  # a party in parentheses between the name and the verb
    ("The boy was found. Waylon's mom, Kylie Andino, told the Register: “It's a weekend, we'll live it up.”",
     "Kylie Andino"),  # who she is, then her name set off by commas
    ("She lost the final. Xinhua quoted Sun Yingsha as saying: “It is not easy for me to win the game.”",
     "Sun Yingsha"),  # the one quoted, not the one quoting
    ("“What a day,” said Gold Trip's jockey Mark Zahra, who won the race.", "Mark Zahra"),  # a role of a name's
    ("Angela Merkel condemned the protest, stating that “the last people we should drag in are farmers.”",
     "Angela Merkel"),  # a sentence that goes on to what its subject stated
    ("The launch went well with “textbook precision and a lot of hard work”, the Indian Space Research Organisation "
     "chairman, Mr K. Kasturirangan, said.", "K. Kasturirangan"),  # a description with names in it, then the name
    ("Plants will close. GM chief executive Mary Barra was quoted in media saying, “GM does not foresee a downturn.”",
     "Mary Barra"),
    ("He dissolved parliament. As per Anura Dissanayake, there was “no point continuing with this parliament.”",
     "Anura Dissanayake"),  # the source the sentence opens with
])
def test_more_shapes_of_attribution(ner, text, speaker):
    [entity] = [entity for _, _, entity, _ in speakers(ner, text)]
    assert entity.endswith(speaker)  # (the model's span may hold a title: "Councillor Paul Peacock")


def test_a_name_inside_the_attribution_does_not_stop_the_next_quote_going_on(ner):
    text = "“He stood tall in there,” said head coach Dave Tippett of Smith. “A lot more work than I'd like.”"
    assert [entity for _, _, entity, _ in speakers(ner, text)] == ["Dave Tippett", "Dave Tippett"]
    other = "“He stood tall,” said Dave Tippett. Then Mike Smith spoke to reporters. “We lost the game today.”"
    assert [entity for _, _, entity, _ in speakers(ner, other)][1] != "Dave Tippett"  # someone named after it


def test_a_work_a_heading_or_a_nickname_in_quotation_marks_is_no_quote(ner):
    for text in ("The painting entitled “Le principe du plaisir” topped the sale.",
                 "The prize went to Ozon for his film “Grâce à dieu” on Saturday.",
                 "In advertisements headed “Countdown to the final push”, the party spoke."):
        assert speakers(ner, text) == [], text
    assert len(speakers(ner, "The minister said “the plan is a good one” on Monday.")) == 1  # (a quote still)


def test_a_post_or_a_release_quoted_speaks_for_whoever_posted_it(ner):
    text = ("“It was hard to believe anyone could survive out there,” the Garfield County Sheriff's Office posted on "
            "Facebook.\n\nOfficials urged hikers to “know the area and be prepared for any condition,” the Facebook post read.")
    assert [speaker for _, speaker, _, _ in speakers(ner, text)][1].endswith("Sheriff's Office")


def test_a_quote_too_short_to_keep_still_names_the_speaker_the_next_one_goes_on_with(ner):
    text = "“It’s complicated,” said François Ozon. “I’d think twice about doing it again because of the resistance.”"
    assert [(quote[:10], entity) for quote, _, entity, _ in speakers(ner, text)] == [("I’d think ", "François Ozon")]
