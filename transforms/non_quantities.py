"""Numbers in news that state no quantity: scorelines, the pronoun "one", periods that frame another
fact, numbers inside names. Each check reads the words around a run of number tokens
[start, end) of a parsed sentence; the facts step skips what they recognise.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from transforms.dates import WEEKDAYS
from transforms.numbers import UNITS, ordinal_value
from transforms.units import (CAPITAL_SUFFIXES, SURFACES, is_a_plural_acronym, looks_like_a_unit_symbol, match_unit_after,
                              unit_in_library)

# Words that make a pair of small numbers a result ("won 3-1", "a 2-0 victory", "beat him 6-4 6-4").
RESULT_WORDS = frozenset({
    "win", "wins", "won", "winning", "beat", "beats", "beaten", "victory", "victories", "defeat", "defeats",
    "defeated", "lost", "lose", "loss", "draw", "drew", "drawn", "scored", "scoreline", "tiebreak", "tie-break",
    "thrashed", "thrashing", "edged", "routed", "trailing", "trailed", "led", "leading", "aggregate",
})
# Nouns "one" is not a count of when it stands before them ("at one point", "agree on one thing").
GENERIC_NOUNS = frozenset({"thing", "point", "way", "time", "day", "side", "hand", "another", "other", "kind",
                           "sort", "stage", "moment", "occasion", "end"})
# Words after a period that place another fact in time ("two years ago", "27 years after his death").
AFTER_A_PERIOD = frozenset({"ago", "earlier", "later", "previously", "on", "back"})
# ... and before or after an event named by a noun ("27 years after his death"; "15 minutes before
# returning" is how long something lasted).
AROUND_AN_EVENT = frozenset({"before", "after"})
# What a period before it measures an extreme over ("a two-week low"): the level is the fact.
# Levels a period frames ("a 10-year average", "a four-day total of 268"): the level is the fact.
EXTREMES = frozenset({"high", "low", "peak", "trough", "best", "worst", "highs", "lows", "average", "total", "aggregate"})
# Words before a period that frame what follows ("in the three months to December", "over the past two years").
BEFORE_A_PERIOD = frozenset({"the", "last", "past", "next", "previous", "coming", "first", "final", "following",
                             "recent", "preceding", "prior", "same"})
FRAMING_NOUNS = frozenset({"space", "period", "course", "span"})  # "in the space of one year"
_SPANS = frozenset({"span", "spell", "stretch", "window", "period"})  # ("in a three-minute span")
# What a race distance names when it is an event ("the 100m final", "200m gold", "a 4km champion").
EVENT_NOUNS = frozenset({"final", "finals", "heat", "heats", "semi-final", "title", "titles", "gold", "silver", "bronze",
                         "medal", "medals", "record", "records", "relay", "champion", "champions", "championship",
                         "hurdles", "freestyle", "backstroke", "breaststroke", "butterfly", "medley", "sprint", "event",
                         "crown", "winner", "specialist", "runner"})
_CONTESTS = frozenset({"race", "races", "defeat", "win", "victory", "triumph", "world", "olympic"})  # (a race named by them)
_GLUED_DISTANCE = re.compile(r"(\d+x)?\d[\d,]*\s?(m|km|metres|meters)", re.I)  # how athletics and swimming write their events
_SMALL_INTEGER = re.compile(r"\d{1,3}")
_DASHES = ("-", "–", "—")
_NOUNS_POS = ("NOUN", "PROPN")


# The key of a parsed sentence's user_data that holds the lower-case words of its whole page (set by
# the facts step): what sport a page is about is read off the page, not the sentence alone.
PAGE_WORDS = "page_words"
PAGE_TEXT = "page_text"  # (and its text)


def words_of_the_page(doc: Doc) -> frozenset[str]:
    """The lower-case words of the sentence's page, or of the sentence when the page is not known."""
    return doc.user_data.get(PAGE_WORDS) or frozenset(t.lower_ for t in doc)


def _small_integer(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and _SMALL_INTEGER.fullmatch(doc[i].text) is not None


def _pair_at(doc: Doc, i: int) -> bool:
    """Tokens i, i+1, i+2 are 'N - M' with N and M small integers."""
    return _small_integer(doc, i) and i + 2 < len(doc) and doc[i + 1].text in _DASHES and _small_integer(doc, i + 2)


def is_scoreline(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'3-1', '6-4 6-4', 'a 2-0 win': a result, not two counts or a range. `counts_after(i)` says
    whether the tokens from i name what a number counts or measures ("4-6 weeks", "10-12 people")."""
    if end - start != 1 or not _pair_at(doc, start):
        return False
    if start + 3 < len(doc) and doc[start + 3].lemma_.lower() == "record":
        return True  # "a 3-6 record": games won and lost
    if counts_after(start + 3):
        return False
    if int(doc[start].text) >= int(doc[start + 2].text):
        return True  # never a range: a range rises
    near = {t.lower_ for t in doc[max(0, start - 4) : start + 7]}
    if near & RESULT_WORDS:
        return True
    others = sum(_pair_at(doc, i) for i in range(len(doc)) if i not in (start, start + 2))
    return others > 0  # "4-6 6-3 7-6": the sets of a match


def score_against_par(doc: Doc, start: int, end: int) -> int | None:
    """'shot a 4-under 68', 'tied for 21st at 12 under', 'five over par': a golfer's score against
    par, not a count; → the index of the token after it (the round's score, "68", is none either)."""
    i = end + 1 if end < len(doc) and doc[end].text in _DASHES else end
    if i >= len(doc) or doc[i].lower_ not in ("under", "over") or (i == end and start > 0 and doc[start - 1].lower_ == "and"):
        return None
    if end - start != 1 or not (doc[start].lower_ in UNITS or _small_integer(doc, start) and int(doc[start].text) <= 40):
        return None  # (a score against par is a few strokes: "$10000 over 3 years" is a loan)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ == "par" or nxt.is_punct or nxt.like_num or nxt.pos_ in ("ADP", "CCONJ", "SCONJ"):
        return i + 1
    return None


def is_a_record(doc: Doc, start: int, end: int) -> bool:
    """'a Bills (3-6) offense', 'Chicago (12-4)': a team's won-lost record in parentheses after its name."""
    return end - start == 1 and _pair_at(doc, start) and start > 1 and doc[start - 1].text == "(" \
        and doc[start - 2].pos_ == "PROPN" and start + 3 < len(doc) and doc[start + 3].text == ")"


# Singular nouns that a number counts the members of ("1,500 staff").
COLLECTIVE_NOUNS = frozenset({"staff", "personnel", "crew", "police", "cattle", "livestock", "workforce", "equipment",
                              "capacity", "population", "audience", "stock", "data"})
REPORTING_VERBS = frozenset({"say", "tell", "add", "write", "explain", "note", "warn", "argue", "claim", "insist"})


def _at_most_ten(tok) -> bool:
    return tok.text.isdigit() and int(tok.text) <= 10 or tok.lower_ in _SMALL_NUMBER_WORDS


def is_bowling_figures(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'finishing with four for 59', 'took 5 for 32': wickets for runs, a bowler's result written
    as two numbers; 'were 101 for 1 at stumps', 'slumped to 34 for five': runs for wickets, a side's
    score. One of the two is at most ten (the wickets), both are bare numbers, and nothing is
    counted after them (not 'bought four for $59', whose second is money, nor 'four for 12 years')."""
    if end - start != 1 or end + 1 >= len(doc) or doc[end].lower_ != "for" or start > 0 and doc[start - 1].is_currency \
            or any(t.lemma_.lower() == "vote" for t in doc):
        return False  # ("voted 7 for 2 against": a vote's count)
    first, second = doc[start], doc[end + 1]
    bare = all(t.text.isdigit() or t.lower_ in _SMALL_NUMBER_WORDS for t in (first, second))
    return bare and (_at_most_ten(first) or _at_most_ten(second)) and not counts_after(end + 2) \
        and not (end + 2 < len(doc) and doc[end + 2].like_num)  # (and a batter's "three for four": hits for at-bats)


def is_an_innings_total(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'bowled out the hosts for 65', 'all out for 122', 'for an embarrassing 43 all out': a side's
    total, a result, not a count."""
    if end - start == 1 and [t.lower_ for t in doc[end:end + 2]] == ["all", "out"]:
        return True
    if end - start != 1 or start < 2 or doc[start - 1].lower_ != "for" or counts_after(end):
        return False
    return any(t.lower_ == "out" for t in doc[max(0, start - 5) : start - 1])


_SMALL_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})

# What a contest is won by ("won by 51 runs", "a six-wicket victory", "a three-shot lead"); not
# "votes" or "percentage points", whose margins count something.
SCORING_NOUNS = frozenset({"run", "wicket", "stroke", "shot", "goal", "try", "point", "length", "frame", "set",
                           "innings", "pin", "basket"})
RESULT_LEMMAS = frozenset({"win", "beat", "lose", "defeat", "victory", "loss", "triumph", "edge", "thrash", "rout",
                           "prevail", "clinch", "lead", "trail", "margin", "cushion", "deficit", "seal", "romp",
                           "advantage"})
# Words that make "points" a share of a vote or an index ("a 10-point lead in the polls").
POLL_WORDS = frozenset({"poll", "polls", "polling", "survey", "vote", "votes", "voters", "election", "approval",
                        "percentage", "rating", "ratings", "index", "primary", "ballot", "seat", "seats",
                        "constituency", "district", "candidate", "referendum"})


def _scoring_noun(doc: Doc, i: int) -> bool:
    if i >= len(doc) or doc[i].lemma_.lower() not in SCORING_NOUNS and doc[i].lower_ not in SCORING_NOUNS:
        return False
    return doc[i].lemma_.lower() != "point" or not any(t.lower_ in POLL_WORDS for t in doc)


def is_a_winning_margin(doc: Doc, start: int, end: int) -> bool:
    """'won by 51 runs', 'beat the Lakers by 12 points', 'a six-wicket win', 'a two-goal lead', 'from two
    goals down': what a contest was won or led by, a result like its scoreline, not a count ('won by
    4,000 votes' counts votes; 'scored 800 goals' counts goals)."""
    if end - start != 1:
        return False
    if end + 2 < len(doc) and doc[end].text in _DASHES and _scoring_noun(doc, end + 1):
        return doc[end + 2].lemma_.lower() in RESULT_LEMMAS  # "a 51-run win"
    if [t.lemma_.lower() for t in doc[end : end + 3]] in (["ball", "to", "spare"], ["over", "to", "spare"]):
        return True  # "with ten balls to spare"
    if not _scoring_noun(doc, end):
        return False
    if end + 1 < len(doc) and doc[end + 1].lower_ in ("down", "up", "behind", "ahead", "clear") \
            and doc[end].lemma_.lower() not in ("point", "set", "length"):
        return True  # "from two goals down", "three shots behind": where a game stood
    if start > 1 and doc[start - 1].lower_ == "to" \
            and any(t.lemma_.lower() in RESULT_LEMMAS and t.pos_ == "NOUN" for t in doc[max(0, start - 4):start - 1]):
        return True  # "cut the deficit to one stroke", "stretched their lead to two goals"
    by = start - 1 if start > 0 and doc[start - 1].lower_ == "by" else start - 2
    if by < 0 or doc[by].lower_ != "by":
        return False  # ("by just 12 points" allows one word between)
    return doc[by].head.lemma_.lower() in RESULT_LEMMAS or any(t.lemma_.lower() in RESULT_LEMMAS
                                                                for t in doc[max(0, by - 3) : by])


def is_a_batters_score(doc: Doc, start: int, end: int) -> bool:
    """'made 54 not out', 'unbeaten on 88', 'hit 54 off 40 balls': the runs of a batter's innings, a
    result (the balls it took count)."""
    if end - start != 1 or not doc[start].text.isdigit():
        return False
    after = [t.lower_ for t in doc[end : end + 2]]
    if after == ["not", "out"] or start > 0 and doc[start - 1].lower_ == "unbeaten" \
            or start > 1 and [t.lower_ for t in doc[start - 2 : start]] == ["unbeaten", "on"]:
        return True
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in ("knock", "innings"):
        return True  # "knocks of 53"
    if end + 2 < len(doc) and doc[end].text in _DASHES and doc[end + 1].lower_ == "run" \
            and doc[end + 2].lemma_.lower() in ("knock", "innings", "hundred", "century", "fifty"):
        return True  # "a 103-run knock"
    # "hit 54 off 40 balls", "Iyer's 86 off 192"
    return len(after) == 2 and after[0] in ("off", "from") and doc[end + 1].text.isdigit() and (
        end + 2 >= len(doc) or doc[end + 2].lemma_.lower() in ("ball", "delivery") or doc[end + 2].pos_ not in _NOUNS_POS)


# Words only cricket's pages use: where they are, runs and wickets are a match's score.
CRICKET_WORDS = frozenset({"wicket", "wickets", "innings", "batsman", "batsmen", "batter", "batters", "bowler", "bowlers",
                           "bowled", "bowling", "odi", "t20", "partnership", "crease", "stumps", "overs"})


def is_a_cricket_score(doc: Doc, start: int, end: int) -> bool:
    """'(4 wickets)', 'the duo put on 20 runs', 'fell 188 runs short': wickets taken or lost, and runs
    in a sentence about cricket, are a match's score (what a contest was won by is read above)."""
    if end >= len(doc):
        return False
    counted = doc[end].lower_
    if counted in ("wicket", "wickets"):  # (not what a side still needs: "India needed 10 wickets")
        return not any(t.lemma_.lower() in ("need", "require") for t in doc[max(0, start - 3):start])
    return counted == "runs" and bool(words_of_the_page(doc) & CRICKET_WORDS) \
        and not any(t.lower_ in ("home", "career") for t in doc[max(0, start - 3):end + 2])


# What one player (or a side's bench) does in one game, counted in a box score ("scored 30 points",
# "his eight fourth-quarter assists", "57 points, 24 rebounds and eight assists"): a result, like a
# batter's runs; a season's or a career's tally counts ("187 goals to his name", "averaging 25
# points", "tied on five points").
TALLY_NOUNS = frozenset({"point", "goal", "rebound", "assist", "steal", "block", "turnover", "three-pointer", "touchdown",
                         "tackle", "strikeout", "ace", "birdie", "save", "hit", "walk", "pitch", "inning", "penalty",
                         "conversion", "try", "chance", "shot"})
_TALLY_VERBS = frozenset({"score", "add", "have", "finish", "lead", "pour", "chip", "contribute", "tally", "post", "notch",
                          "record", "grab", "pull", "dish", "collect", "haul", "rack", "hit", "make", "net", "kick",
                          "commit", "fire", "serve", "drop", "account", "shoot", "allow", "give", "throw", "miss",
                          "create", "waste", "squander", "spurn", "concede"})
_TALLIES_OF_ANY_KIND = frozenset({"chance", "shot"})
# Tallies no other news counts (a keeper's saves, a forward's rebounds), and the words of a page of a game
_GAME_ONLY_TALLIES = frozenset({"save", "rebound", "assist", "strikeout", "birdie", "touchdown", "three-pointer"})
_GAME_PAGE_WORDS = frozenset({"match", "game", "goalkeeper", "keeper", "shoot-out", "shootout", "penalty", "innings",
                              "quarter", "league", "tournament", "semi-final", "final", "striker", "coach", "scored"})  # (a game's only when a game is named)
# A pitcher's verbs that take the count itself ("struck out four and walked two")
_PITCHING = (("struck", "out"), ("striking", "out"), ("strikes", "out"), ("walked",), ("fanned",))
# Words that put a tally in one game: the game, its part, its day, a side against another
_ONE_GAME = frozenset({"win", "victory", "defeat", "loss", "draw", "game", "match", "night", "afternoon", "half",
                       "quarter", "overtime", "period", "against", "opener", "outing", "clash", "fixture", "bench",
                       "tiebreak", "tiebreaker"} | set(WEEKDAYS))
_MANY_GAMES = frozenset({"season", "career", "average", "averaging", "averaged", "per", "league", "total", "all-time",
                         "record", "so", "far", "tournament", "campaign", "history", "standings", "table", "currently"})
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")


def _tally(tok) -> str:
    """The tally a noun names, singular ("innings" is an inning's)."""
    return "inning" if tok.lower_ == "innings" else tok.lemma_.lower()


def _noun_counted_after(doc: Doc, end: int) -> int:
    """The index of the noun a number (or the first of a list of them: "15, 13 and 11 points")
    counts, past a modifier ("eight fourth-quarter assists", "two free throw points")."""
    k = end
    while k + 1 < len(doc) and (doc[k].text == "," or doc[k].lower_ in ("and", "or")) and doc[k + 1].like_num:
        k += 2
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "and" and doc[k + 2].like_num:
        k += 3  # ("15, 13, and 11 points")
    if k + 2 < len(doc) and doc[k + 1].text in _DASHES:
        k += 3  # "fourth-quarter"
    else:
        for _ in range(2):
            if k + 1 < len(doc) and (doc[k].pos_ == "ADJ" or doc[k].dep_ == "compound" and doc[k].pos_ == "NOUN"):
                k += 1
    return k


def is_a_players_game_tally(doc: Doc, start: int, end: int) -> bool:
    """'Kane scored 30 points in the win', 'with his eight fourth-quarter assists', 'had 12 points and
    nine rebounds': a tally in one game, read by the verb (or the owner) of the noun counted and the
    words of one game in the sentence, or by a box score's list of tallies; a result, not a count."""
    if end - start != 1 or not (doc[start].like_num or doc[start].text.isdigit()):
        return False
    if start > 0 and doc[start - 1].tag_ == "POS" and (end == len(doc) or doc[end].is_punct or doc[end].pos_ == "CCONJ"):
        # "Curry's 14 points and Klay Thompson's nine": a tally left to be read from the one before
        return any(t.like_num and t.i > 0 and doc[t.i - 1].tag_ == "POS" and is_a_players_game_tally(doc, t.i, t.i + 1)
                   for t in doc[max(0, start - 12) : start - 1])
    words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
    pitched = next((verb for verb in _PITCHING if tuple(t.lower_ for t in doc[start - len(verb):start]) == verb), None)
    if pitched and (words - set(pitched) - {"walk"}) & (TALLY_NOUNS | _ONE_GAME) \
            and match_unit_after([t.lower_ for t in doc[end:end + 3]]) is None:
        return True  # "walked three in six innings" ("walked three miles to school" measures)
    noun = _noun_counted_after(doc, end)
    if noun >= len(doc) or _tally(doc[noun]) not in TALLY_NOUNS or doc[noun].lower_ == "point" \
            and any(t.lower_ in POLL_WORDS for t in doc):
        return False
    near = {t.lower_ for t in doc[max(0, start - 6):noun + 5]} | {t.lemma_.lower() for t in doc[max(0, start - 6):noun + 5]}
    if near & _MANY_GAMES or any(t.text.isdigit() and len(t.text) == 4 and t.text[:2] in ("19", "20") for t in doc):
        return False  # a season's, a career's, a year's ("31 saves on Friday to improve his record this season")
    tallies = {_tally(t) for t in doc if _tally(t) in TALLY_NOUNS and any(c.like_num for c in t.children)}
    if len(tallies) >= 2:
        return True  # a box score: "12 points and nine rebounds"
    tally = doc[noun]
    while tally.dep_ in ("conj", "appos") and _tally(tally.head) in TALLY_NOUNS:  # ("the conversion, two penalties")
        tally = tally.head
    owned = any(c.dep_ == "poss" for c in tally.children) or any(  # ("two free throw points from Pierce")
        c.dep_ == "prep" and c.lower_ in ("from", "by") and any(g.pos_ == "PROPN" for g in c.children) for c in tally.children)
    verb = next((t.i for t in reversed(doc[max(0, start - 6):start]) if t.pos_ == "VERB"), None)
    listed = verb is not None and doc[verb].lemma_.lower() in _TALLY_VERBS \
        and all(t.pos_ in ("DET", "NOUN", "ADJ", "PUNCT") for t in doc[verb + 1:start])  # "kicked the conversion, two penalties"
    if not (tally.head.lemma_.lower() in _TALLY_VERBS or owned or listed) \
            and not (_tally(doc[noun]) in _GAME_ONLY_TALLIES and words_of_the_page(doc) & _GAME_PAGE_WORDS):
        return False  # ("who evicted three saves": a keeper's saves on a page of a game, whatever the verb)
    if _tally(doc[noun]) in _TALLIES_OF_ANY_KIND:  # ("the minister had two chances to resign on Monday")
        return bool(words & (_ONE_GAME - set(WEEKDAYS) - {"night", "afternoon", "against"}) | words & TALLY_NOUNS - _TALLIES_OF_ANY_KIND) \
            or any(_SCORE.fullmatch(t.text) for t in doc)
    return bool(words & _ONE_GAME) or any(_SCORE.fullmatch(t.text) for t in doc) or "score" in words \
        or _tally(doc[noun]) in _GAME_ONLY_TALLIES and bool(words_of_the_page(doc) & _GAME_PAGE_WORDS)


# Words only golf's pages use: where they are, a bare number "on" or after "shot" is a score.
GOLF_WORDS = frozenset({"par", "birdie", "birdies", "bogey", "bogeys", "bogeyed", "eagle", "fairway", "fairways", "pga",
                        "lpga", "putt", "putts", "tee", "par-five", "par-fives", "par-four", "par-three", "under-par",
                        "over-par", "round"})


def is_a_players_score_on(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'join Woods on 133', 'Clark shot 67 for 134', 'Silva batting on eight and Tharanga on 20',
    'three shots ahead': a golfer's or a batter's score, or a lead in strokes, on a page of golf or
    cricket; a result, not a count ("on 20 occasions" counts)."""
    if end - start != 1 or start == 0:
        return False
    words = words_of_the_page(doc)
    under_par = any(t.lower_ in ("under", "over") and t.i > 1 and doc[t.i - 1].text in _DASHES and doc[t.i - 2].like_num
                    for t in doc)  # "at 10-under 130"
    golf_or_cricket = bool(words & (GOLF_WORDS | CRICKET_WORDS)) or under_par
    if golf_or_cricket and end + 1 < len(doc) and doc[end].lower_ in ("shots", "shot", "strokes", "stroke") \
            and doc[end + 1].lower_ in ("ahead", "behind", "clear", "back", "adrift", "off"):
        return True  # a lead in strokes
    if counts_after(end):
        return False
    before = doc[start - 1].lower_
    bare = doc[start].text.isdigit() and (end == len(doc) or doc[end].text not in _DASHES)
    if bare and (before in ("shot", "shoots", "carded", "cards", "fired", "fires")
                 or before == "a" and start > 1 and doc[start - 2].lower_ in ("fired", "carded", "shot", "for")):
        return True  # "Clark shot 67", "Crane signed for a 65": a round's strokes
    if bare and before == "for" and start > 2 and doc[start - 2].text.isdigit() \
            and doc[start - 3].lower_ in ("shot", "carded", "fired"):
        return True  # "shot 67 for 134": the total the round makes
    return golf_or_cricket and (before in ("on", "for") or under_par and before == "under")


# Words only darts' and snooker's pages use: where they are, a break, a checkout, legs, frames and
# sets are a match's score ("a 73 break", "a 170 finish", "nine of the final 10 legs").
CUE_AND_DARTS_WORDS = frozenset({"snooker", "frames", "crucible", "darts", "treble", "bullseye", "checkout", "checkouts",
                                 "oche", "pdc"})  # (not "frame", "leg" or "maximum": "a time frame", "a leg injury")
_SCORED_IN_A_MATCH = frozenset({"break", "breaks", "checkout", "checkouts", "finish", "finishes", "leg", "legs", "frame",
                                "frames", "set", "sets", "clearance", "ton", "tons", "century", "centuries", "maximum"})


def _first_of_a_list(doc: Doc, i: int) -> int:
    """Where a list of bare numbers that ends at token i starts ("117, 102, 109 and 110")."""
    while i >= 2 and doc[i - 1].text in (",", "and") and doc[i - 2].like_num:
        i -= 2
    return i


def is_a_cue_or_darts_score(doc: Doc, start: int, end: int) -> bool:
    """'a 73 break', 'a break of more than 50', 'a 170 finish', 'five ton', 'nine of the final 10
    legs', 'reeled off the next four', 'two more centuries', 'a 147': a frame's or a leg's score, and
    legs, frames or sets won, in a sentence with words of snooker or darts; a result."""
    after = [t.lower_ for t in doc[end:end + 5]]
    if doc[start].text.isdigit() and after[:1] and after[0] in ("break", "checkout", "finish"):
        return True  # "a 73 break", "a 170 finish", "a 161 checkout": only a frame or a leg is scored so
    if not words_of_the_page(doc) & CUE_AND_DARTS_WORDS:
        return False
    if after[1:2] and after[0] in ("more", "straight", "consecutive", "successive"):
        after = after[1:]  # "two more centuries"
    if after[:1] and after[0] in _SCORED_IN_A_MATCH:
        return True
    if after[:1] == ["of"] and any(w in _SCORED_IN_A_MATCH for w in after[1:5]):
        return True  # "nine of the final 10 legs"
    first = _first_of_a_list(doc, start)  # ("breaks of 117, 102 and 110": each is a break)
    before = " ".join(t.lower_ for t in doc[max(0, first - 4):first])
    if re.search(r"\b(?:breaks?|runs?) of(?: \w+){0,2}$|\bfir(?:ing|ed) in$|\breeled off\b", before):
        return True  # "a break of more than 50", "runs of 82 and 58", "firing in 94", "reeled off the next four"
    return re.search(r"(?:^| )a(?: [a-z]+)?$", before) is not None and doc[start].text.isdigit() \
        and (end == len(doc) or doc[end].pos_ not in _NOUNS_POS)  # "a 147", "a vital 36"


# Words only tennis's pages use ("double faults" by its second word after "double").
TENNIS_WORDS = frozenset({"serve", "second-serve", "first-serve", "double-break", "double-fault", "tiebreak", "tie-break",
                          "deuce"})  # (not "serves" or "serving": "the hospital serves 300 patients")
_WON_IN_A_TENNIS_MATCH = frozenset({"game", "games", "point", "points", "set", "sets", "break", "breaks", "ace", "aces",
                                    "double", "break-points"})
_TENNIS_POINTS = r"(?:0|15|30|40|love)"


def is_a_tennis_score(doc: Doc, start: int, end: int) -> bool:
    """'0-30 down in the third game', 'four games in a row', 'two breaks of serve', 'nine aces', in
    a sentence with words of tennis: the score of a game, and games, points, sets, breaks or aces
    won in a match; a result."""
    words = [t.lower_ for t in doc]
    if not words_of_the_page(doc) & TENNIS_WORDS and not any(a == "double" and b.startswith("fault") for a, b in zip(words, words[1:])):
        return False
    run = doc[max(0, start - 2):min(end + 2, len(doc))].text.lower()
    if re.search(rf"\b{_TENNIS_POINTS}[-–]{_TENNIS_POINTS}\b", run):
        return True  # either side of "0-30"
    after = words[end:end + 3]
    if after[:1] and after[0] in ("more", "straight", "consecutive", "successive", "unanswered"):
        after = after[1:]
    return bool(after[:1]) and after[0] in _WON_IN_A_TENNIS_MATCH


_PERFORMANCE_VERBS = frozenset({"clock", "clocked", "win", "finish", "run", "swim", "ride", "cover", "complete", "post",
                                "set", "record", "time", "timed", "cross", "stop", "stride", "sprint", "cruise",
                                "victory", "triumph"})  # ("striding to victory in two hours 22 minutes 11 seconds")
_SECONDS = frozenset({"second", "seconds", "sec", "secs"})
_RACE_PAGE_WORDS = frozenset({"sprint", "sprinter", "sprinters", "hurdles", "athletics", "relay", "freestyle",
                              "backstroke", "breaststroke", "butterfly", "medley", "marathon", "heats", "100m", "200m",
                              "400m", "800m", "1500m", "100-metre", "200-metre", "dash", "iaaf", "olympic", "olympics"})
_TIMED_WORDS = frozenset({"time", "times", "run", "ran", "clocked", "fastest", "timed", "swam", "pb", "personal"})


# Shots made of shots taken, from a spot of the court ("8 of 16 from the floor", "5-for-6 from the
# free-throw line"): a player's result in one game, either number.
_SHOOTING_LINE = re.compile(r"\d+\s*(?:of|-\s*for\s*-|-\s*of\s*-)\s*\d+\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:floor|field|line|arc|range|deep|stripe|outside)\b", re.I)


def is_a_shooting_line(doc: Doc, start: int, end: int) -> bool:
    """'was 8 of 16 from the floor and 9 of 11 from the foul line': either number of a shooting line."""
    if end - start != 1:
        return False
    here = doc[start].idx
    return any(m.start() <= here < m.end() for m in _SHOOTING_LINE.finditer(doc.text, max(0, here - 12), here + 80))


_DRAW_SIZES = frozenset({4, 8, 16, 32, 64, 128})


def names_a_stage_of_a_draw(doc: Doc, start: int, end: int) -> bool:
    """'seeded to make the last four', 'into the final eight of the Australian Open', 'the last 16': the
    players or sides left at a stage of a knockout draw name the stage, with no noun after them (not
    'the last four years')."""
    if end - start != 1 or start < 2 or doc[start - 1].lower_ not in ("last", "final") or doc[start - 2].lower_ != "the":
        return False
    word = doc[start]
    value = UNITS.get(word.lower_) if not word.text.isdigit() else int(word.text)
    nxt = doc[end] if end < len(doc) else None
    return value in _DRAW_SIZES and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"))


# Words of a race's end before the time it was run in ("took the silver medal in 30.02").
_FINISH_WORDS = frozenset({"gold", "silver", "bronze", "medal", "title", "heat", "final", "race", "won", "win", "finished",
                           "clocked", "touched", "victory"})


def is_a_race_time(doc: Doc, start: int, end: int) -> bool:
    """'clocked 2 hours 16 minutes 34 seconds', 'won in 7 minutes, 41.50 seconds', 'took the silver
    medal in 30.02': a time to the second (or its hundredths) that a race was run or won in, after
    a verb or a word of the race; a result (how long a meeting lasted is a duration)."""
    if end - start == 1 and re.fullmatch(r"\d{1,3}\.\d\d", doc[start].text) and start > 0 and doc[start - 1].lower_ == "in" \
            and match_unit_after([t.lower_ for t in doc[end:end + 3]]) is None \
            and any(t.lower_ in _FINISH_WORDS for t in doc[max(0, start - 8):start]):
        return True
    if end - start == 1 and re.fullmatch(r"\d{1,2}\.\d{1,3}", doc[start].text) and end < len(doc) \
            and doc[end].lower_ in ("behind", "adrift", "slower", "quicker", "faster"):
        return True  # "was 0.19 behind in fourth": a gap to the winner in seconds, as races write it
    if end - start == 1 and re.fullmatch(r"\d{1,2}\.\d{1,2}", doc[start].text) \
            and match_unit_after([t.lower_ for t in doc[end:end + 3]]) is None \
            and words_of_the_page(doc) & _RACE_PAGE_WORDS and {t.lower_ for t in doc} & _TIMED_WORDS:
        return True  # "my fastest time last year was 10.93", "to run a 10.7": a sprint's time, on a page of races
    first = _first_of_a_chained_time(doc, start)
    if first != start:
        start, end = first, first + 1
    words = [t.lower_ for t in doc[end:end + 9]]
    unit = match_unit_after(words)
    if unit is None or unit[0].kind != "duration" or not _SECONDS & set(words[1:]) or words[0] in _SECONDS:
        return False
    chained = [t for t in doc[end + 1:end + 9] if t.like_num]
    return bool(chained) and any(t.lemma_.lower() in _PERFORMANCE_VERBS or t.lower_ in _PERFORMANCE_VERBS
                                 for t in doc[max(0, start - 6):start])


def _first_of_a_chained_time(doc: Doc, i: int) -> int:
    """Where a time read in parts starts: '41.50' in '7 minutes, 41.50 seconds' is part of the '7'."""
    while i >= 2:
        j = i - 1 - (doc[i - 1].text == ",")
        unit = match_unit_after([doc[j].lower_]) if j >= 1 else None
        if unit is None or unit[0].kind != "duration" or not doc[j - 1].like_num:
            return i
        i = j - 1
    return i


# Nouns a number after them puts in order, naming one of a series: "day four", "Game 7", "stage 5".
SERIES_NOUNS = frozenset({"day", "game", "stage", "round", "leg", "lap", "hole", "week", "match", "race", "heat",
                          "episode", "chapter", "part", "phase", "act", "level", "gameweek", "matchday", "frame"})


# Words before a period noun that make it a time, not one of a series ("this week 40 were arrested").
_NOT_AN_INDEX = frozenset({"this", "last", "next", "that", "a", "an", "every", "each", "per", "same", "one", "the"})

def names_one_of_a_series(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'on day four', 'in Game 7', 'stage 5 of the Tour': a number after a singular noun is the
    index of one of a series, not a count ('the day 40 people died' counts people)."""
    if end - start != 1 or start == 0:
        return False
    noun = doc[start - 1]
    before = doc[start - 2] if start > 1 else None
    if noun.lemma_.lower() in SERIES_NOUNS and noun.lower_.endswith("s") and end + 1 < len(doc) \
            and doc[end].lower_ in ("through", "to", "-", "–", "and") and doc[end + 1].like_num:
        return True  # "holes 13 through 15", "stages 4 and 5"
    if start > 2 and noun.lower_ in ("through", "to", "-", "–", "and") and doc[start - 2].like_num \
            and doc[start - 3].lemma_.lower() in SERIES_NOUNS and doc[start - 3].lower_.endswith("s"):
        return True  # (its last)
    return noun.lower_ in SERIES_NOUNS and noun.tag_ in ("NN", "NNP") and not counts_after(end) \
        and not (before is not None and (before.like_num or before.lower_ in _NOT_AN_INDEX))



_CLOCK = re.compile(r"(?:[1-9]|1[0-2])(?:[.:][0-5]\d)?")
# Words after "at 8" that make it a time of day ("at 8 tonight", "at 10 on Tuesday", "at 2.15 local time").
_AFTER_A_TIME = frozenset({"tonight", "today", "tomorrow", "yesterday", "local", "gmt", "bst", "utc", "et", "pt", "est",
                           "edt", "cet", "this", "that", "every", "each"})


_LEVEL_VERBS = frozenset({"stand", "put", "remain", "close", "hold", "rise", "fall", "climb", "peak", "settle", "reach",
                          "end", "finish", "open", "total", "number", "estimate", "trade", "sit", "rank", "place"})


def names_quarters_of_a_period(doc: Doc, start: int, end: int) -> bool:
    """'for the first three quarters', 'in the last two quarters': quarters of a game or a year that
    frame a statement, not three quarters of something (that takes "of": 'three quarters of voters')."""
    if start == 0 or end > len(doc) or doc[end - 1].lower_ not in ("quarters", "halves"):
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    return doc[start - 1].lower_ in BEFORE_A_PERIOD and after != "of"


def tells_the_time(doc: Doc, start: int, end: int) -> bool:
    """'at 3 o'clock', 'at 8 tonight', 'at around 2.15 on Sunday': a time of day."""
    clock = ("o'clock", "o’clock", "oclock")
    if end < len(doc) and doc[end].lower_ in clock or end + 2 < len(doc) and doc[end].lower_ in ("or", "to") \
            and doc[end + 1].like_num and doc[end + 2].lower_ in clock:
        return True  # ("by four or five o'clock")
    if end - start != 1 or not _CLOCK.fullmatch(doc[start].text) or end >= len(doc):
        return False
    at = start - 1 if start > 0 and doc[start - 1].lower_ == "at" else start - 2
    if at < 0 or doc[at].lower_ != "at" or at == start - 2 and doc[start - 1].lower_ not in ("around", "about", "approximately"):
        return False
    after = doc[end].lower_
    nxt = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    level = doc[at].head.lemma_.lower() in _LEVEL_VERBS  # "the death toll stood at 8 on Sunday": a level reached
    return after in _AFTER_A_TIME or after == "on" and nxt in WEEKDAYS and not level \
        or after == "in" and nxt == "the" and end + 2 < len(doc) and doc[end + 2].lower_ in TIMES_OF_DAY


# A match's clock: what a few seconds or minutes left, to go or from time place ("with 9.4 seconds
# left", "eight minutes from time"); the play, not a quantity. ("Ten minutes into the second half"
# is a duration, as the seed gold reads "10 months into the onslaught".)
_CLOCK_UNITS = frozenset({"second", "seconds", "secs", "sec", "minute", "minutes", "mins", "min"})
_ON_THE_CLOCK = {"left": (), "remaining": (), "to": ("go", "play"), "from": ("time", "full-time", "fulltime", "the end",
                                                                            "the final whistle", "the break")}


def counts_back_in_time(doc: Doc, start: int, end: int) -> bool:
    """'returning four games ago', 'two elections ago': things counted back from now place an event
    in time; no quantity."""
    return end + 1 < len(doc) and doc[end].pos_ == "NOUN" and doc[end + 1].lower_ == "ago"


# What is left of a race's course when something happens in it ("with 4km to ride").
_COURSE_UNITS = frozenset({"km", "kilometres", "kilometers", "kms", "miles", "mile", "m", "metres", "meters", "laps",
                           "lap", "holes"})


def places_on_the_clock(doc: Doc, start: int, end: int) -> bool:
    """'with 1.8 seconds left', 'eight minutes from time', 'two minutes to go' (not 'ten minutes
    from the city centre')."""
    if start > 0 and doc[start - 1].lower_ == "with" and end + 1 < len(doc) and doc[end].lower_ in _COURSE_UNITS:
        rest = [t.lower_ for t in doc[end + 1:end + 3]]  # "with 4km to ride", "with two laps remaining"
        return rest[:1] in (["left"], ["remaining"]) or rest[:1] == ["to"] and rest[1:2] in (["go"], ["ride"], ["race"],
                                                                                             ["run"], ["the"])
    if end + 1 >= len(doc) or doc[end].lower_ not in _CLOCK_UNITS or doc[end + 1].lower_ not in _ON_THE_CLOCK:
        return False
    then = _ON_THE_CLOCK[doc[end + 1].lower_]
    return not then or any(" ".join(t.lower_ for t in doc[end + 2:end + 2 + len(w.split())]) == w for w in then)


# Verbs that part a thing ("cut in two", "split in half"): the parts are no count.
_PARTING_VERBS = frozenset({"cut", "split", "break", "snap", "tear", "divide", "chop", "slice", "saw", "rip", "fold"})


def parts_a_thing(doc: Doc, start: int, end: int) -> bool:
    """'Waverly was cut in two', 'the bridge snapped in three'."""
    return end - start == 1 and start > 1 and doc[start - 1].lower_ == "in" and end < len(doc) \
        and doc[end].pos_ not in _NOUNS_POS and doc[start - 1].head.lemma_.lower() in _PARTING_VERBS


_HALVES_END = frozenset({"45", "90", "105", "120"})  # the minutes a half or extra time ends on


def is_stoppage_time(doc: Doc, start: int, end: int) -> bool:
    """'in the 90+3 minute', '(45+2)': a minute of added time on a match clock (the number after the
    '+' goes with it)."""
    return end - start == 1 and doc[start].text in _HALVES_END and start + 2 < len(doc) \
        and doc[start + 1].text == "+" and doc[start + 2].text.isdigit() and len(doc[start + 2].text) <= 2


def rates_a_hole(doc: Doc, start: int) -> bool:
    """'the par-four 14th', 'a par 5': a golf hole's par, its rating."""
    before = start - 2 if start > 1 and doc[start - 1].text in _DASHES else start - 1
    return before >= 0 and doc[before].lower_ == "par"


_DETERMINERS = frozenset({"a", "an", "another", "his", "her", "their", "its", "my", "our", "your"})


def is_a_number_as_noun(doc: Doc, start: int, end: int, counts_after) -> bool:
    """'smashed a six', 'hit a four', 'gave it a 10', 'a 48-ball fifty', 'his 10th Test hundred': a
    number with an article or a possessive and nothing counted after it is a thing named by a number
    (a shot, a mark, an innings), not a quantity ('a hundred' alone is one)."""
    if end - start != 1 or start == 0:
        return False
    opener = start - 1
    while opener > max(0, start - 5) and (doc[opener].pos_ in ("ADJ", "NOUN", "PROPN") or doc[opener].text in _DASHES
                                          or doc[opener].tag_ == "JJ" or doc[opener].like_num):
        opener -= 1  # the words that modify it ("48-ball", "10th Test")
    counted_compound = any(t.text in _DASHES for t in doc[opener + 1 : start]) and any(t.like_num for t in doc[opener + 1 : start])
    if doc[opener].lower_ not in _DETERMINERS or (opener < start - 1 and doc[start].dep_ in ("nummod", "quantmod")
                                                  and not counted_compound):
        return False
    word = doc[start].lower_
    if opener < start - 1 and word not in _SMALL_NUMBER_WORDS and not word.isalpha() and not counted_compound:
        return False  # ("a record 49,520." is a crowd; "a five-birdie 66", "a 48-ball 50" are a round, an innings)
    nxt = doc[end] if end < len(doc) else None
    return (word in _SMALL_NUMBER_WORDS or doc[start].text.isdigit() or opener < start - 1) and not counts_after(end) \
        and (nxt is None or nxt.is_punct and nxt.text not in ("-", "–") or nxt.pos_ in ("ADP", "PART", "CCONJ", "SCONJ")
             or nxt.lower_ in ("that", "which"))


def is_a_thing_named_by_its_number(doc: Doc, start: int, end: int) -> bool:
    """'a three-pointer', 'a two-seater', 'a 10-pounder': a number that makes a noun ending in -er,
    one thing, not a count (but "a 10-meter wall" measures)."""
    if end + 1 >= len(doc) or doc[end].text not in _DASHES:
        return False
    word = doc[end + 1]
    return word.lower_.endswith(("er", "ers")) and word.pos_ == "NOUN" and word.lower_ not in SURFACES \
        and unit_in_library(word.lower_.rstrip("s")) is None


def is_anaphoric(doc: Doc, start: int, end: int) -> bool:
    """'between the two', 'the two met': a number word standing for things named before, not a count."""
    tok, before = doc[start], doc[start - 1].lower_ if start > 0 else ""
    after = doc[end] if end < len(doc) else None
    return end - start == 1 and tok.lower_ in UNITS and before in ("the", "these", "those", "all") \
        and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")) and tok.dep_ != "nummod"


# When "one" is the article of a time adverbial ("early one morning", "one day soon").
TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "weekend", "summer", "winter", "spring",
                          "autumn"})
# Words after "one day" that make it some day ("one day soon", "one day, perhaps"), not a length.
SOME_DAY = frozenset({"soon", "very", "later", "perhaps", "maybe", ","})
# ... unless a word before it makes it a length of time ("for one day", "in one night", "only one day").
BEFORE_A_LENGTH = frozenset({"for", "in", "within", "over", "under", "after", "than", "about", "only", "just",
                             "nearly", "almost", "each", "every", "per", "a"})


def is_some_time(doc: Doc, start: int, end: int) -> bool:
    """'one day very soon', 'she hopes to win it one day, perhaps': "one" of a time adverbial, some
    day, not a length of time ("the strike lasted one day", "for one day")."""
    if end - start != 1 or doc[start].lower_ != "one" or end >= len(doc):
        return False
    head, before = doc[end], doc[start - 1].lower_ if start > 0 else ""
    if before in BEFORE_A_LENGTH:
        return False
    if head.lower_ == "day":
        return end + 1 < len(doc) and doc[end + 1].lower_ in SOME_DAY or before in ("will", "could", "might", "may")
    return head.lemma_.lower() in TIMES_OF_DAY and head.dep_ == "npadvmod"


def is_pronoun_one(doc: Doc, start: int, end: int) -> bool:
    """'one of the biggest', 'another one', 'one-off', 'at one point', 'one gadget that might help':
    "one" as a pronoun or an article, not a count ("one person died" counts; so does "evict one MP")."""
    if end - start != 1 or doc[start].lower_ != "one":
        return False
    tok = doc[start]
    nxt = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    if nxt in ("of", "another", "after", "-", "another's") or before in ("another", "each", "no", "the", "this", "that",
                                                                         "any", "every", "which", "only", "a"):
        return True
    if nxt in ("last", "final") and end + 1 < len(doc) and doc[end + 1].pos_ == "NOUN":
        return True  # "one last wrinkle", "one final push": an article, not a count
    if tok.dep_ != "nummod" or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i < start:
        return True
    head = tok.head
    if head.lemma_.lower() in GENERIC_NOUNS or any(t.lower_ == "another" for t in doc[head.i + 1 : head.i + 4]):
        return True  # "from one device to another"
    if head.lemma_.lower() in TIMES_OF_DAY and head.dep_ == "npadvmod":
        return True  # "early one morning": when, not how long ("spent one night in jail" lasted)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS:
        return True  # "said one legal expert": a source, not a count
    if head.head.lower_ == "to" and head.head.i > 0 and doc[head.head.i - 1].lower_ == "according":
        return True  # "according to one estimate"
    return any(child.dep_ in ("relcl", "acl") for child in head.children)  # "one musician quoted by"


# What a tenor names: "10-year notes", "the 30-year bond", "three-month aluminium" (a contract's term).
# (Not "bill", "note", "lead" or "tin", which are as often a law, a message, a margin or a can.)
INSTRUMENTS = frozenset({"notes", "bond", "bonds", "treasury", "treasuries", "gilt", "gilts", "yield", "yields",
                         "bund", "bunds", "swap", "swaps", "future", "futures", "libor", "aluminium", "aluminum",
                         "copper", "nickel", "zinc"})


def names_a_tenor(doc: Doc, span_end: int) -> bool:
    """A hyphenated period before a financial instrument: its name, not a duration stated."""
    if span_end >= len(doc):
        return False
    nxt = doc[span_end]
    return nxt.lower_ in INSTRUMENTS or nxt.pos_ in ("ADJ", "PROPN") and span_end + 1 < len(doc) \
        and doc[span_end + 1].lower_ in INSTRUMENTS  # "10-year Treasury notes"


WINDOW_OPENERS = frozenset({"in", "over", "across", "from", "during", "of", "for"})


def frames_a_window(doc: Doc, start: int, end: int) -> bool:
    """'in his last two games', 'over the past three events': the latest few of something, which a
    statement is about, as "in the last 12 months" is a period framing it, not a count it states
    ("drawing four of their first five matches" counts them)."""
    if start < 3 or doc[start - 1].lower_ not in ("last", "past", "previous", "next"):
        return False
    determiner, opener = doc[start - 2], doc[start - 3]
    return determiner.tag_ in ("DT", "PRP$") and opener.lower_ in WINDOW_OPENERS


def frames_another_fact(doc: Doc, span_start: int, span_end: int, compound: bool) -> bool:
    """A period that places or frames another fact: 'two years ago', 'in the three months to
    December', 'over the last six years', 'in the space of one year'. A duration that is itself
    the fact ('a three-month ban', 'frozen for almost 20 years') is not framing."""
    after = doc[span_end].lower_ if span_end < len(doc) else ""
    if after in EXTREMES:
        return True  # "a two-week low", "a four-month high", "a 10 year high": the level is the fact
    if compound:  # "in a three-minute span", "the hottest five-year period on record": when, not how long
        opener = [t.lower_ for t in doc[max(0, span_start - 2):span_start]]
        return after in _SPANS and (opener in (["in", "a"], ["within", "a"], ["over", "a"], ["during", "a"], ["in", "the"])
                                    or any(t.tag_ == "JJS" for t in doc[max(0, span_start - 2):span_start]))
    before = doc[span_start - 1].lower_ if span_start > 0 else ""
    if after in AROUND_AN_EVENT and span_end < len(doc) and doc[span_end].dep_ == "mark" \
            and before in ("", ",", "(", "-", "–", "—"):
        return True  # "held in 2020, two years before Sri Lanka plunged into crisis": when, not how long
    if span_start == 1 and before == "after" and after in (",", "that", "which", "of"):
        return True  # "After two and a half years, OPEC reached consensus": when, not how long
    if after in AFTER_A_PERIOD:
        return True
    event = doc[span_end + 1].tag_ if span_end + 1 < len(doc) else ""
    # "27 years after his death", "two days after clinching"; "for 15 minutes before returning" lasted
    if after in AROUND_AN_EVENT and (event in ("DT", "PRP$", "NN", "NNS") or event == "VBG" and before != "for"):
        return True
    if before in BEFORE_A_PERIOD:
        return True
    if before in ("in", "for") and any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("time", "first") or ordinal_value(t.text) is not None
                                       for t in doc[max(0, span_start - 10) : span_start - 1]):
        return True  # "the first time in 25 years", "the largest for nine years", "its first such landing
        # attempt on the Red Planet in six years", "his second green jacket in three years": how long since
    return before == "of" and span_start > 1 and doc[span_start - 2].lower_ in FRAMING_NOUNS


def is_acceleration_benchmark(doc: Doc, start: int) -> bool:
    """'0-60 mph', 'from zero to 62 mph': the speed that names an acceleration time, not a speed reached."""
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    return before[-2:] in (["0", "-"], ["0", "to"], ["zero", "to"]) or before[-1:] == ["0-"]


# Swimming and track events named by their distance ("the 100 yard backstroke", "400m hurdles").
STROKES = frozenset({"freestyle", "backstroke", "breaststroke", "butterfly", "medley", "hurdles", "relay", "dash",
                     "steeplechase", "sprint", "individual", "im", "fly"})


def names_an_event(doc: Doc, start: int, end: int) -> bool:
    """'the 100m and 200m titles', 'won 200m gold', 'silver in the 100m', 'a 4km champion': a race
    distance written the way events are named, not a length measured ('a six-kilometre race',
    'a jump of 7.96m')."""
    if end < len(doc) and doc[end].lower_ in STROKES:
        return True  # "the 100 yard backstroke"
    listed = end + 2 if end + 1 < len(doc) and doc[end].lower_ in ("and", "or", ",") and doc[end + 1].like_num else end
    unit = match_unit_after([t.lower_ for t in doc[listed:listed + 2]]) if listed > end else None
    if unit is not None and listed + unit[1] < len(doc) and doc[listed + unit[1]].lower_ in STROKES:
        return True  # "the 100 and 200 meters freestyle": the first of two events named by their distance
    if not _GLUED_DISTANCE.fullmatch(doc[start:end].text):  # "100m", as one token or two
        return False
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or nxt.lower_ in EVENT_NOUNS:
        return nxt is not None
    compound = [t.lower_ for t in doc[end : end + 3] if t.pos_ in _NOUNS_POS or t.pos_ == "ADJ"]
    if nxt.pos_ in _NOUNS_POS + ("ADJ",) and any(w in EVENT_NOUNS or w in _CONTESTS for w in compound[:3]):
        return True  # "100 metres world championship gold", "his Olympic 1,500m defeat"
    if start > 0 and (doc[start - 1].tag_ in ("POS", "JJS") or doc[start - 1].lower_ == "olympic") \
            and nxt.pos_ not in _NOUNS_POS:
        return True  # "in Saturday's 200m --", "ran the fastest 100m at"
    if nxt.lower_ in ("and", "or") and _GLUED_DISTANCE.match(doc[end + 1 : end + 3].text.replace(" ", "")):
        return True  # "the 100m and 200m titles"
    return start > 0 and doc[start - 1].lower_ == "the" and (nxt.is_punct or nxt.lower_ in ("in", "at", "on", "and"))


def _counts_a_plural(doc: Doc, i: int) -> bool:
    """The noun phrase from i ends in a plural noun ("Eurozone finance ministers", "Hamas fighters")."""
    for tok in doc[i : i + 5]:
        if tok.tag_ in ("NNS", "NNPS"):
            return True
        if tok.tag_ not in ("NNP", "NN", "JJ", "HYPH") and tok.text != "-":
            return False
    return False


def _opens_a_title(doc: Doc, i: int) -> bool:
    """From i, two or more capitalised words (small words and numbers between them) that do not end
    in a plural noun the number would count: a title or a name ("7 Habits of Highly Effective People")."""
    if i < len(doc) and is_a_plural_acronym(doc[i].text):
        return False  # "the Third Way's 65 MPs and the Left's 26": the number counts them
    capitals, k = 0, i
    while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in ("of", "the", "and", "for", "a", "in", "under")
                            or doc[k].like_num):
        capitals += doc[k].text[:1].isupper() and doc[k].is_alpha
        k += 1
    return capitals >= 2 and not (k < len(doc) and doc[k].tag_ == "NNS")


def names_something(doc: Doc, start: int, end: int, counts_after) -> bool:
    """A number inside a name: 'Six Nations', 'BBC One', 'Radio 4', 'Hot 100', 'Formula 1'. Read
    from capitals: a number word written with one (not opening the sentence) next to a capitalised
    word, or digits right after one that count nothing after them ("call Bob 3 times" counts)."""
    first = doc[start]
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None

    def capitalised(tok) -> bool:
        return tok is not None and tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start \
            and tok.lower_ not in ("i",)

    if after is not None and after.text in ("-", "–") and end + 1 < len(doc):
        after = doc[end + 1]  # "Four-Kings"
    if first.text.isdigit() and after is not None and not first.whitespace_ and len(after.text) == 1 \
            and after.text.isupper() and after.text not in CAPITAL_SUFFIXES:
        return True  # "3G", "4G": a generation, not grams
    if first.is_alpha:
        return first.text[:1].isupper() and not first.is_sent_start and (capitalised(after) or capitalised(before)
                                                                           or before is not None and before.is_alpha
                                                                           and before.text[:1].isupper())
    if first.text.isdigit() and after is not None and after.tag_ == "NNP" and after.is_alpha and after.text[:1].isupper() \
            and len(after.text) > 1 and not (looks_like_a_unit_symbol(after.text) and unit_in_library(after.text)) \
            and (start > 0 and doc[start - 1].like_num or not _counts_a_plural(doc, end)):
        return True  # "the 737 Max", "five 787 Dreamliner sales": a model ("the 12 Eurozone ministers" counts)
    if first.text.isdigit() and len(first.text) >= 3 and first.dep_ == "nummod" and first.head.i == end \
            and first.head.tag_ == "NN" and first.head.lower_ not in COLLECTIVE_NOUNS:
        return True  # "the 777 program", "a 737 jet": 777 of one thing is a model's number
    if first.text.isdigit() and _opens_a_title(doc, end):
        return True  # "The 7 Habits of Highly Effective People", "a 40 Under 40 Award"
    # "Radio 4", "S&P 500", "iOS 13", "Dell G3 15", "NBC 5": a proper noun written with a capital
    # (beyond its first letter when it opens the sentence)
    # ("a Category 5", "Phase 3": a capitalised noun before digits labels them, as a name does)
    # ("Despicable Me 3": any capitalised word but "I" inside a title before digits does as well)
    titled = before is not None and before.is_alpha and before.text[:1].isupper() and before.text != "I"
    return before is not None and (before.pos_ in ("PROPN", "NOUN") or titled) and any(c.isupper() for c in before.text) \
        and (not before.is_sent_start or any(c.isupper() for c in before.text[1:])) and first.text.isdigit() \
        and not counts_after(end)


def names_a_matchup(doc: Doc, start: int, end: int) -> bool:
    """'four-on-four play', 'a one-on-one', 'a 5-on-3 power play': players against players, a
    situation of a game, not a count (either number)."""
    if end - start != 1:
        return False
    after = [t.lower_ for t in doc[end:end + 3]]
    before = [t.lower_ for t in doc[max(0, start - 3):start]]
    return (len(after) == 3 and after[0] == "-" and after[1] in ("on", "v", "vs", "versus") and after[2] == "-"
            and end + 3 < len(doc) and doc[end + 3].like_num) \
        or (len(before) == 3 and before[0] == "-" and before[1] in ("on", "v", "vs", "versus") and before[2] == "-"
            and start > 3 and doc[start - 4].like_num)


def is_a_golfers_place_in_a_round(doc: Doc, start: int, end: int) -> bool:
    """'had gone through 12 on level par', 'at minus seven': the holes a golfer has played in a
    round and a score against par, on a page of golf; a result."""
    if end - start != 1 or start == 0 or not words_of_the_page(doc) & GOLF_WORDS:
        return False
    before = doc[start - 1].lower_
    after = [t.lower_ for t in doc[end:end + 3]]
    if before == "minus" or before == "plus" and start > 1 and doc[start - 2].lower_ in ("at", "to", "on"):
        return True
    return before == "through" and doc[start].text.isdigit() and int(doc[start].text) <= 18 \
        and (not after or after[0] in ("on", "holes", ",", ".", "at", "with", "and"))


def states_no_quantity(doc: Doc, start: int, end: int, counts_after) -> bool:
    """A run of number tokens [start, end) that states no quantity and takes no other run with it:
    a number as a noun, a thing named by its number, a side's total, a winning margin, a batter's,
    a player's, a golfer's, a snooker, darts or tennis player's score, a race's time, one of a
    series, a time of day, quarters of a period, a place on a match clock, parts of a thing, a
    hole's rating, things counted back in time, a stage of a draw, a shooting line (scorelines,
    records and scores against par, which take the other side with them, are read apart)."""
    return is_a_number_as_noun(doc, start, end, counts_after) or is_a_thing_named_by_its_number(doc, start, end) \
        or is_an_innings_total(doc, start, end, counts_after) or is_a_winning_margin(doc, start, end) \
        or is_a_batters_score(doc, start, end) or names_one_of_a_series(doc, start, end, counts_after) \
        or tells_the_time(doc, start, end) or names_quarters_of_a_period(doc, start, end) \
        or places_on_the_clock(doc, start, end) or parts_a_thing(doc, start, end) or rates_a_hole(doc, start) \
        or is_a_cricket_score(doc, start, end) or is_a_players_game_tally(doc, start, end) \
        or is_a_players_score_on(doc, start, end, counts_after) or counts_back_in_time(doc, start, end) \
        or is_a_cue_or_darts_score(doc, start, end) or is_a_tennis_score(doc, start, end) \
        or is_a_race_time(doc, start, end) or names_a_stage_of_a_draw(doc, start, end) \
        or is_a_shooting_line(doc, start, end) or names_a_matchup(doc, start, end) \
        or is_a_golfers_place_in_a_round(doc, start, end)
