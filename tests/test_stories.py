"""Versions of one story found together by MinHash LSH, on real seed articles."""

from tests.conftest import SEEDS
from transforms.stories import shingles, signature, similarity, story_clusters

ARTICLES = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
FIRST = next(iter(ARTICLES))
UPDATE = ARTICLES[FIRST] + "\n\nUpdate: officials said later on Friday that the talks would resume next week."
# a syndicated copy: another site's chrome around the same body, and one line cut
COPY = "Home | World | Business\nSubscribe to our newsletter\n" + "\n".join(ARTICLES[FIRST].splitlines()[1:])


def test_shingles_are_runs_of_five_words_whatever_the_case_and_punctuation():
    assert shingles("The cat, sat on THE mat today.") == {b"the cat sat on the", b"cat sat on the mat",
                                                        b"sat on the mat today"}
    assert shingles("Two words") == {b"two words"} and shingles("") == set()


def test_a_signature_estimates_how_much_two_bodies_share():
    assert similarity(signature(ARTICLES[FIRST]), signature(ARTICLES[FIRST])) == 1.0
    assert similarity(signature(ARTICLES[FIRST]), signature(COPY)) > 0.8
    others = [similarity(signature(ARTICLES[FIRST]), signature(text)) for name, text in ARTICLES.items() if name != FIRST]
    assert max(others) < 0.3  # five outlets telling one story in their own words


def test_updates_and_copies_join_the_first_version_and_other_articles_stay_apart():
    signed = [(name, signature(text)) for name, text in ARTICLES.items()] + \
        [("update", signature(UPDATE)), ("copy", signature(COPY))]
    clusters = story_clusters(signed, threshold=0.5)
    assert clusters["update"][0] == clusters["copy"][0] == FIRST
    assert {name: story for name, (story, _) in clusters.items() if name in ARTICLES} == {n: n for n in ARTICLES}
    assert clusters[FIRST] == (FIRST, 1.0)
    assert clusters["copy"][1] == similarity(signature(COPY), signature(ARTICLES[FIRST])) >= 0.5


def test_the_oldest_version_given_first_names_the_story():
    signed = [("copy", signature(COPY)), (FIRST, signature(ARTICLES[FIRST]))]
    assert {name: story for name, (story, _) in story_clusters(signed, 0.5).items()} == {"copy": "copy", FIRST: "copy"}
