import datetime as dt

from transforms.documents import clean_document
from transforms.html import html_page, parse_date
from transforms.staging import stage_bytes

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Port reopens after strike | Harbour Times</title>
<meta property="og:title" content="Port reopens after strike">
<meta property="og:site_name" content="Harbour Times">
<meta name="description" content="Ships queued for days outside the harbour.">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav>
<article><h1>Port reopens after strike</h1>
<p>The port reopened on Tuesday after a four-day strike by dock workers ended with a new pay deal.</p>
<p>More than 40 ships had queued outside the harbour, waiting to unload grain, fuel and containers.</p>
<p>Union leaders said members voted by a large majority to accept the offer on Monday night.</p>
</article>
<footer>Copyright 2024 Harbour Times. All rights reserved.</footer>
</body></html>"""


def test_html_page_keeps_the_article_and_reads_metadata():
    page = html_page(PAGE)
    assert page.title == "Port reopens after strike"
    assert page.publisher == "Harbour Times"
    assert page.published_date == dt.date(2024, 3, 5)
    assert "More than 40 ships" in page.text
    assert "Sign in" not in page.text and "All rights reserved" not in page.text


def test_an_html_document_gets_labelled_lines_and_a_body_without_its_title():
    [staged] = stage_bytes("port.html", PAGE.encode()).documents
    doc = clean_document(staged)
    assert doc.title == "Port reopens after strike"
    assert doc.body_text.startswith("The port reopened on Tuesday")
    assert "Port reopens after strike" not in doc.body_text
    assert [line.label for line in doc.lines][0] == "title"
    assert doc.media_type == "text/html" and doc.language == "en" and doc.n_words > 40


def test_parse_date_accepts_iso_and_refuses_guesses():
    assert parse_date("2024-05-01T10:00:00+03:00") == dt.date(2024, 5, 1)
    assert parse_date("Wednesday") is None
    assert parse_date("2024-13-40") is None


def test_the_page_text_is_used_when_the_extractor_stops_in_mid_article():
    first = "".join(f"<p>Opening paragraph {n} tells the story of the harbour and the people who work there every day.</p>"
                    for n in range(4))
    rest = "".join(f"<p>Later paragraph {n} goes on with the story of the harbour and its workers after the strike.</p>"
                   for n in range(6))
    page = (f"<html><head><title>Harbour life</title></head><body><article><h1>Harbour life</h1>{first}</article>"
            f"<div class='ad'><span>Advertisement</span></div><div class='more'>{rest}</div></body></html>")
    [staged] = stage_bytes("harbour.html", page.encode()).documents
    doc = clean_document(staged)
    assert "Opening paragraph 0" in doc.body_text and "Later paragraph 5" in doc.body_text
    assert "Advertisement" not in doc.body_text


def test_visible_text_keeps_blocks_and_drops_scripts():
    from transforms.html import visible_text
    from trafilatura.utils import load_html

    tree = load_html("<html><body><nav>Home</nav><script>var x = 1;</script><p>One <b>bold</b> line.</p>"
                     "<div>Two</div></body></html>")
    assert visible_text(tree) == "Home\n\nOne bold line.\n\nTwo"


def test_learned_lines_of_the_same_publisher_are_chrome():
    text = ("Storm Ana reaches the coast\n"
            "Storm Ana brought heavy rain and strong winds to the west coast overnight, forecasters said.\n"
            "Thousands of homes lost power and several roads were closed by fallen trees across the region.\n"
            "Our reporting relies on readers who chip in every month to keep it going.\n")
    [staged] = stage_bytes("ana.txt", text.encode()).documents
    line = "Our reporting relies on readers who chip in every month to keep it going."
    assert line in clean_document(staged).body_text
    learned = clean_document(staged, learned={"": {line}})
    assert line not in learned.body_text
    assert clean_document(staged, learned={"Other Site": {line}}).body_text == clean_document(staged).body_text
