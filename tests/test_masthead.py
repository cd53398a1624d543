"""Publisher and published date read off the page itself, never guessed."""

import datetime as dt
import json

from transforms.boilerplate import LabelledLine
from transforms.documents import clean_document
from transforms.masthead import copyright_holder, published_date_from_page, publisher_from_page, site_domain, stated_day
from transforms.staging import stage_bytes

BODY = ("The council approved the budget on Tuesday after a long debate about schools and roads.\n"
        "Officials said the vote was the closest in a decade, and the mayor welcomed the result.")


def lines(*labelled: tuple[str, str]) -> list[LabelledLine]:
    return [LabelledLine(n, text, label, "") for n, (label, text) in enumerate(labelled, start=1)]


def test_a_copyright_notice_names_its_holder_without_years_or_company_suffixes():
    assert copyright_holder("© 2019 Vox Media, LLC. All Rights Reserved") == "Vox Media"
    assert copyright_holder("Copyright © 2019, Los Angeles Times | Terms of Service") == "Los Angeles Times"
    assert copyright_holder("© 2005-2019 SlashGear, All Rights Reserved.") == "SlashGear"
    assert copyright_holder("© ScienceAlert Pty Ltd. All rights reserved.") == "ScienceAlert"


def test_photo_credits_and_links_are_not_copyright_notices():
    assert copyright_holder("© REUTERS / POOL") is None
    assert copyright_holder("(Image: © TNG Collaboration)") is None
    assert copyright_holder("Copyright Policy") is None
    assert copyright_holder("© Reuters") is None  # no year, no rights reserved: a credit


def test_a_domain_is_the_sites_own_when_its_chrome_names_it_twice_or_prints_its_name_bare():
    assert site_domain(["Every contribution helps JNS.org remain a trusted source", "You are a loyal JNS Reader"]) \
        == "JNS.org"
    assert site_domain(["Tag: example-partner.com"]) is None  # named once, never again
    assert site_domain(["Follow us at twitter.com/daily", "twitter.com/daily"]) is None  # a platform


def test_the_publisher_is_read_from_the_footer_then_the_domain_then_a_masthead_then_a_wire_dateline():
    page = lines(("boilerplate", "Harbour Times"), ("boilerplate", "Harbour Times"), ("title", "Council passes budget"),
                 ("body", BODY), ("boilerplate", "© 2024 Harbour Media Group Ltd. All rights reserved."))
    found = publisher_from_page(page, BODY)
    assert (found.value, found.read_from) == ("Harbour Media Group", "copyright_line")
    masthead_only = page[:-1]
    found = publisher_from_page(masthead_only, BODY)
    assert (found.value, found.read_from) == ("Harbour Times", "masthead")
    wire = "PORTSMOUTH (Reuters) - The council approved the budget on Tuesday."
    found = publisher_from_page(lines(("title", "Council passes budget"), ("body", wire)), wire)
    assert (found.value, found.read_from) == ("Reuters", "wire_dateline")
    assert publisher_from_page(lines(("boilerplate", "Home"), ("title", "Council passes budget"), ("body", BODY)),
                               BODY) is None


def test_a_published_line_beats_a_dated_byline_and_updated_lines_are_not_publication_dates():
    page = lines(("title", "Council passes budget"), ("boilerplate", "Updated: November 20, 2019 at 10:16 pm"),
                 ("boilerplate", "PUBLISHED: November 19, 2019 at 8:59 pm"), ("body", BODY))
    found = published_date_from_page(page, BODY, [])
    assert (found.value, found.read_from) == (dt.date(2019, 11, 19), "published_line")
    only_updated = lines(("title", "Council passes budget"), ("boilerplate", "Updated"),
                         ("boilerplate", "Nov 13, 2019, 10:28am EST"), ("body", BODY))
    assert published_date_from_page(only_updated, BODY, []) is None
    byline = lines(("title", "Council passes budget"), ("boilerplate", "By Ann Lee - Nov 19, 2019, 10:31 pm CST"),
                   ("body", BODY))
    found = published_date_from_page(byline, BODY, [])
    assert (found.value, found.read_from) == (dt.date(2019, 11, 19), "dated_byline")


def test_a_date_far_above_the_title_a_quoted_tweet_or_a_weekday_is_not_the_pages_date():
    page = lines(("boilerplate", "Wednesday, November 20, 2019"), *[("boilerplate", f"Menu {n}") for n in range(6)],
                 ("title", "Council passes budget"), ("body", BODY),
                 ("body", "— The Council (@council) November 18, 2019"))
    assert published_date_from_page(page, BODY, []) is None
    assert published_date_from_page(lines(("title", "Council meets"), ("body", "They met on Wednesday.")),
                                    "They met on Wednesday.", ["Leaders meet in Rome on Wednesday"]) is None


def test_a_dateline_or_a_dated_caption_dates_the_page_when_nothing_else_does():
    dateline = "ROME, Feb. 7, 2024 — Leaders met."
    found = published_date_from_page(lines(("body", dateline)), dateline, [])
    assert (found.value, found.read_from) == (dt.date(2024, 2, 7), "dateline")
    found = published_date_from_page(lines(("body", BODY)), BODY, ["Leaders meet in Rome, May 1, 2024. Photo by A. B."])
    assert (found.value, found.read_from) == (dt.date(2024, 5, 1), "photo_caption")


def test_digits_give_a_date_only_when_their_order_cannot_be_mistaken():
    assert stated_day("27/09/2018") == dt.date(2018, 9, 27)
    assert stated_day("11/19/2019 06:56 AM") == dt.date(2019, 11, 19)
    assert stated_day("05/06/2019") is None
    assert stated_day("2019-11-19T12:48:14Z") == dt.date(2019, 11, 19)
    assert stated_day("Published Wed, Nov 20 20194:29 AM EST") == dt.date(2019, 11, 20)  # a glued time


def test_a_plain_text_page_gets_its_publisher_and_date_and_says_where_they_were_read():
    page = ("Harbour Times\n\nHarbour Times\n\nCouncil passes budget after long debate\n\nPublished 19 November 2019\n\n"
            + BODY.replace("\n", "\n\n") + "\n\n© 2019 Harbour Times. All rights reserved.\n").encode()
    doc = clean_document(stage_bytes("page.txt", page).documents[0])
    assert (doc.publisher, doc.publisher_from) == ("Harbour Times", "copyright_line")
    assert (doc.published_date, doc.published_from) == (dt.date(2019, 11, 19), "published_line")


def test_a_records_own_fields_come_first():
    record = {"text": "Council passes budget\n\n" + BODY + "\n\n© 2019 Other Media. All rights reserved.",
              "source": "Wire", "published": "2019-11-18"}
    doc = clean_document(stage_bytes("in.jsonl", (json.dumps(record) + "\n").encode()).documents[0])
    assert (doc.publisher, doc.publisher_from, doc.published_date, doc.published_from) == \
        ("Wire", "record", dt.date(2019, 11, 18), "record")


def test_what_the_article_says_is_not_when_it_was_published():
    study = "A study published on March 3, 2019 in the journal Nature found that the ice is thinning fast."
    page = lines(("title", "What we still don't know about the riot of Jan. 6, 2021"), ("body", study), ("body", BODY))
    assert published_date_from_page(page, study + "\n" + BODY, []) is None
    assert copyright_holder("© The Times of Israel 2024, All Rights Reserved") == "The Times of Israel"


def test_a_date_field_dates_the_page_even_on_the_line_the_article_starts_on():
    opening = "date 2020-05-08 An Arlington man is charged with murder after a shooting earlier this week."
    page = lines(("title", "Man charged with murder"), ("body", opening), ("body", BODY))
    found = published_date_from_page(page, opening + "\n" + BODY, [])
    assert (found.value, found.read_from) == (dt.date(2020, 5, 8), "date_field")
    # a date the article speaks of later in its first line is not a field
    told = "An Arlington man was charged on May 8, 2020 with murder after a shooting."
    assert published_date_from_page(lines(("title", "Man charged with murder"), ("body", told)), told, []) is None


def test_a_date_glued_to_the_name_before_it_is_still_read():
    assert stated_day("Lewis Sanders IVApril 22, 2016") == dt.date(2016, 4, 22)
    assert stated_day("By Ann LeeSept. 3, 2019") == dt.date(2019, 9, 3)
    assert stated_day("Grammar 5, 2019") is None


def test_a_published_cue_after_the_bylines_name_dates_the_page():
    page = lines(("title", "Two killed by shelling"), ("boilerplate", "Ann Lee (@annlee) Published May 20, 2024 | 04:10 PM"),
                 ("body", BODY))
    found = published_date_from_page(page, BODY, [])
    assert (found.value, found.read_from) == (dt.date(2024, 5, 20), "published_line")


def test_a_day_in_the_records_address_dates_the_page_when_nothing_else_does():
    import json

    from transforms.documents import clean_document
    from transforms.masthead import date_from_address
    from transforms.staging import stage_bytes

    assert date_from_address("http://www.theledger.com/news/20030917/officials-approve-tax-rate") == dt.date(2003, 9, 17)
    assert date_from_address("https://example.com/2013/10/20/fires-spread") == dt.date(2013, 10, 20)
    assert date_from_address("https://example.com/2010/10/story") is None  # a month says no day
    assert date_from_address("https://example.com/story?date=2019-01-02") is None  # a query is no path
    record = {"url": "https://example.com/news/2018-10-17-flood-waters-rise", "text": BODY}
    [staged] = stage_bytes("dump.jsonl", (json.dumps(record) + "\n").encode()).documents
    cleaned = clean_document(staged)
    assert (cleaned.published_date, cleaned.published_from) == (dt.date(2018, 10, 17), "address")


def test_every_place_a_date_is_read_from_passes_the_documents_suite():
    import json
    from pathlib import Path

    from transforms.masthead import PUBLISHED_FROM, PUBLISHER_FROM

    suite = json.loads(Path(__file__).parents[1].joinpath("expectations/gx/expectations/documents.json").read_text())
    allowed = {e["kwargs"]["column"]: set(e["kwargs"]["value_set"]) for e in suite["expectations"]
               if e["type"] == "expect_column_values_to_be_in_set"}
    assert set(PUBLISHED_FROM) == allowed["published_from"]
    assert set(PUBLISHER_FROM) == allowed["publisher_from"]
