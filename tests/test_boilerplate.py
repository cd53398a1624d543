import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SHARED_EVAL
from transforms.boilerplate import body_text, label_lines, lines_shared_across

ARTICLE = """Skip to main content

Ministers agree budget after all-night talks

The deal raises spending on schools and hospitals by a fifth over three years.

Finance ministers shake hands in Brussels. Photo by Jan Smit/Reuters.

Finance ministers from the bloc agreed a new budget early on Tuesday after talks that ran through the night.

The agreement still needs the approval of the parliament, which votes next month.

What happens next

Officials said the first payments could be made in the spring, once the paperwork is complete.

Sign up to our newsletter
Related Stories
"""


def labels(text, **kwargs):
    return {line.text: (line.label, line.reason) for line in label_lines(text, **kwargs)}


def test_article_lines_are_body_and_chrome_around_them_is_boilerplate():
    got = labels(ARTICLE)
    assert got["Skip to main content"][0] == "boilerplate"
    assert got["Ministers agree budget after all-night talks"][0] == "title"
    assert got["The deal raises spending on schools and hospitals by a fifth over three years."][0] == "dek"
    assert got["Finance ministers shake hands in Brussels. Photo by Jan Smit/Reuters."][0] == "caption"
    assert got["What happens next"][0] == "heading"
    assert got["Sign up to our newsletter"][0] == "boilerplate"
    assert got["Related Stories"][0] == "boilerplate"
    body = [t for t, (label, _) in got.items() if label == "body"]
    assert len(body) == 3 and all("." in t for t in body)


def test_every_non_blank_line_is_labelled_with_its_line_number():
    lines = label_lines(ARTICLE)
    expected = [i + 1 for i, line in enumerate(ARTICLE.split("\n")) if line.strip()]
    assert [line.line_no for line in lines] == expected


def test_a_caption_printed_twice_is_a_caption_not_body():
    text = (
        "Leaders meet at the summit in Rome on Monday evening\n"
        "Leaders meet at the summit in Rome on Monday evening\n"
        "The leaders met for four hours and agreed to meet again before the end of the year.\n"
        "They did not take questions from reporters afterwards, officials said.\n"
    )
    got = label_lines(text)
    assert [line.label for line in got[:2]] == ["caption", "caption"]
    assert "Leaders meet" not in body_text(got)


def test_lines_repeated_across_documents_are_chrome():
    pages = [
        f"Storm {name} reaches the coast\nStorm {name} brought heavy rain and strong winds to the {coast} coast overnight.\n"
        "Our reporting relies on readers who chip in every month to keep it going.\n"
        for name, coast in (("Ana", "west"), ("Ben", "east"))
    ]
    shared = lines_shared_across(pages, 2, 2)
    assert "Our reporting relies on readers who chip in every month to keep it going." in shared
    got = labels(pages[0], shared_lines=shared)
    assert got["Our reporting relies on readers who chip in every month to keep it going."] == (
        "boilerplate", "repeated_across_documents")
    assert got["Storm Ana brought heavy rain and strong winds to the west coast overnight."][0] == "body"


def test_a_document_mostly_shared_with_another_is_a_copy_not_chrome():
    article = (
        "Storm Ana reaches the coast\n"
        "Storm Ana brought heavy rain and strong winds to the west coast overnight, forecasters said.\n"
        "Thousands of homes lost power and several roads were closed by fallen trees.\n"
    )
    shared = lines_shared_across([article, article + "Copyright 2024 Wire Service.\n"], 2, 2)
    got = labels(article, shared_lines=shared)
    assert [label for label, _ in got.values()] == ["title", "body", "body"]


def test_paywall_after_the_article_ends_it():
    text = (
        "Rail strike called off\n\n"
        "Unions called off Thursday's rail strike after a late offer from the operators, both sides said.\n\n"
        "The offer includes a pay rise of 5 percent this year and another next year.\n\n"
        "You have read 3 articles this month.\n"
        "We rely on readers like you to fund careful, independent reporting on transport.\n"
    )
    got = labels(text)
    assert got["You have read 3 articles this month."][0] == "boilerplate"
    assert got["We rely on readers like you to fund careful, independent reporting on transport."] == (
        "boilerplate", "after_article")


def test_metadata_title_is_used_when_known():
    text = "Budget passes\nParliament passed the budget by 301 votes to 250 on Friday, ending months of talks.\n"
    got = labels(text, known_title="Budget passes")
    assert got["Budget passes"] == ("title", "matches_metadata_title")


@pytest.mark.skipif(not (SHARED_EVAL / "seeds_boilerplate_gold.json").exists(), reason="no ../shared/eval")
def test_seed_gold_line_labels_regression():
    gold = json.loads((SHARED_EVAL / "seeds_boilerplate_gold.json").read_text())
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    shared = lines_shared_across(texts.values(), 2, 2)
    wrong = []
    for document in gold["documents"]:
        got = {line.line_no: line.label for line in label_lines(texts[document["file"]], shared)}
        wrong += [(document["file"], g["line"], g["label"], got.get(g["line"])) for g in document["lines"]
                  if got.get(g["line"]) != g["label"]]
    assert wrong == []


def test_a_teaser_list_after_the_article_is_not_body():
    paragraphs = [
        "The city council approved the new cycle lanes on Tuesday after a debate that lasted most of the evening.",
        "Work on the first lane, along the river, will start in March and should be finished by the summer.",
        "Shop owners on the route had asked for more parking, and the council agreed to review it next year.",
    ]
    teasers = []
    for n in range(4):
        teasers += [f"Other headline number {n} about the city", f"November {10 + n}, 2019 at 5:1{n} pm",
                    f"A summary of another story, number {n}, that runs long enough to look like a paragraph of prose."]
    text = "Council backs cycle lanes\n" + "\n".join(paragraphs) + "\nMore in City\n" + "\n".join(teasers)
    body = body_text(label_lines(text))
    assert all(p in body for p in paragraphs)
    assert "another story" not in body


def test_a_comment_thread_does_not_outweigh_the_article_before_it():
    article = [f"Paragraph {n} of the report explains what the regulator decided and why it matters to buyers." for n in range(5)]
    comments = []
    for n in range(6):
        comments += [f"user{n}", "2 days ago at 07:5{n} am",
                     f"I think the regulator got this one wrong, comment {n}, and here is a long reason why it did so today.",
                     f"Rating: {n} Votes"]
    text = "Regulator blocks merger\n" + "\n".join(article) + "\n[ 24 comments ]\n" + "\n".join(comments)
    body = body_text(label_lines(text))
    assert all(p in body for p in article) and "user1" not in body and "comment 3" not in body


def test_an_advertisement_line_inside_the_article_does_not_end_it():
    text = (
        "Storm damage\n"
        "High winds brought down trees across the region overnight, closing several main roads.\n"
        "Advertisement\n"
        "Engineers expect most roads to reopen by Friday, the transport office said in a statement.\n"
    )
    got = labels(text)
    assert got["Advertisement"][0] == "boilerplate"
    assert got["Engineers expect most roads to reopen by Friday, the transport office said in a statement."][0] == "body"


STORY = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Spending on schools will rise by a fifth over the next three years.",
    "Opposition members said the plan relied on optimistic forecasts.",
    "The mayor said the vote was a turning point for the city.",
    "A final reading is expected next month.",
]
CHROME = "Sign up to our newsletter to get the day's top stories first."


def test_two_versions_of_one_story_keep_their_shared_sentences():
    first = "\n\n".join(["Council backs budget", *STORY, CHROME])
    update = "\n\n".join(["Council backs budget after debate", STORY[0], "The vote was 31 to 12.", *STORY[1:], CHROME])
    other = "\n\n".join(["Bridge closes for repairs", "The old bridge will close for six weeks from Monday.",
                         "Drivers are advised to use the ring road while the work goes on.", CHROME])
    shared = lines_shared_across([first, update, other], 2, 2)
    assert CHROME in shared  # a sentence on two different stories of the site is its chrome
    assert not set(STORY) & shared  # the versions of one story share the article, not chrome
    body = body_text(label_lines(update, shared))
    assert all(sentence in body for sentence in STORY)


def test_a_wire_story_printed_three_times_is_never_chrome():
    copies = ["\n\n".join([f"Outlet {n}", *STORY]) for n in range(3)]
    assert not lines_shared_across(copies, 2, 2) & set(STORY)


def test_clean_articles_keep_every_line_of_their_article():
    """Clean articles (a title line, then only article text: lists, rankings, line-ups, fixtures,
    one-line paragraphs, two versions of a story, one wire story three times), cleaned as one run
    would clean them: every line after the title stays in the body."""
    from transforms.documents import clean_pages
    from transforms.staging import stage_bytes

    folder = Path(__file__).parent / "fixtures" / "clean_articles"
    paths = sorted(folder.glob("*.txt"))
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    lost = []
    for path, doc in zip(paths, clean_pages(staged, 2, 2)):
        article = [line for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
        body = doc.body_text.splitlines()
        lost += [f"{path.name}: {line}" for line in article if line not in body]
    assert lost == []


def test_a_wire_story_printed_sixty_times_is_still_one_story():
    copies = ["\n\n".join([f"Outlet {n}", *STORY]) for n in range(60)]
    assert not lines_shared_across(copies, 2, 2) & set(STORY)


def test_lines_read_afresh_one_at_a_time_are_judged_as_lines_held_in_memory():
    from transforms.boilerplate import repeated_chrome

    copies = {f"copy-{n}": [f"Outlet {n}", *STORY, CHROME] for n in range(60)}  # one story, sixty times
    copies |= {f"other-{n}": [f"Story {n}", f"Story {n} is told in a sentence of its own, number {n}.", CHROME]
               for n in range(3)}
    held: dict[str, set] = {}
    for doc, lines in copies.items():
        for line in lines:
            held.setdefault(line, set()).add(doc)
    prose = {doc: len(lines) - 1 for doc, lines in copies.items()}
    reads = []

    def afresh():
        reads.append(1)
        return ((line, iter(sorted(docs))) for line, docs in sorted(held.items()))

    in_memory = repeated_chrome(held, prose, 2, 2)
    assert repeated_chrome(afresh, prose, 2, 2) == in_memory and len(reads) == 2
    assert in_memory == {CHROME: 63}  # the story's sentences are its article; the sign-up line is chrome


COMMENTER_PROSE = ("I have owned this laptop for three years and the keyboard has never given me any trouble at all, "
                   "whatever the reviews say about it.")


def test_an_article_comes_before_the_longer_comment_thread_on_it():
    article = ["Apple plans a new laptop with a better keyboard next year, a report said on Monday.",
               "The report claims the display size will stay the same as on the current model.",
               "The company has not commented on the report, which cites people in its supply chain.",
               "The current model was last updated in July, with faster processors."]
    thread = []
    for n in range(8):
        thread += [f"reader{n}", "2 days ago at 07:5{n} am"] + \
                  [COMMENTER_PROSE.replace("three", f"{n * 3 + k + 2}") for k in range(3)] + [f"Rating: {n + 2} Votes"]
    page = "\n\n".join(["Laptop keyboard to change in 2020"] + article + ["[ 167 comments ]", "Top Rated Comments"] + thread)
    body = body_text(label_lines(page))
    assert body.split("\n") == article


def test_a_comment_count_by_the_title_does_not_hide_the_article_after_it():
    article = ["Finance ministers from the bloc agreed a new budget early on Tuesday after talks that ran all night.",
               "The agreement still needs the approval of the parliament, which votes next month on it.",
               "Officials said the first payments could be made in the spring, once the paperwork is complete."]
    page = "\n\n".join(["Ministers agree budget", "Finance ministers met in Brussels for the third time this year.",
                        "12 comments"] + article)
    assert body_text(label_lines(page)).split("\n")[-3:] == article
    thread = [f"{COMMENTER_PROSE.replace('three', str(n + 2))} And another thing about it, number {n}." for n in range(6)]
    with_thread = "\n\n".join(["Ministers agree budget", "View comments"] + article + ["View all 12 comments"] + thread)
    assert body_text(label_lines(with_thread)).split("\n") == article  # the thread after the article is cut
