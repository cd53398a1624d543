"""The warehouse's page: inline SVG charts in one offline HTML file."""

import datetime as dt
import re

from transforms.report_page import bar_chart, claim_charts, line_chart, page


def test_a_bar_per_row_scaled_to_the_largest_and_labelled_with_its_value():
    chart = bar_chart([("Gaza (GPE)", 10), ("Israel (GPE)", 5)])
    widths = [float(w) for w in re.findall(r'<rect class="bar" [^>]*width="([\d.]+)"', chart)]
    assert len(widths) == 2 and widths[0] == 2 * widths[1]
    assert "Gaza (GPE)" in chart and ">10<" in chart and bar_chart([]) == ""


def test_a_claims_versions_are_drawn_in_the_order_given_with_date_and_source():
    day = dt.date(2024, 2, 7)
    charts = claim_charts([("c1", "KILL (people)", day, 27840.0, ">=", "Outlet A"),
                           ("c1", "KILL (people)", None, 34535.0, ">", "Outlet B"),
                           ("c2", "WOUND", None, 10.0, "=", "Outlet C"), ("c2", "WOUND", None, 12.0, "=", "Outlet D")])
    assert [claim for claim, _ in charts] == ["KILL (people)", "WOUND"]
    first = charts[0][1]
    assert first.count('<circle class="dot"') == 2 and first.index("27,840") < first.index("34,535")
    assert "2024-02-07 Outlet A" in first and "undated Outlet B" in first


def test_the_page_is_one_offline_file_and_says_when_a_section_has_no_data():
    html = page("newsfacts <warehouse>", "3 documents",
                [("Trend", "per run", line_chart([("a", 50.0), ("b", 100.0)], y_max=100)), ("Claims", "", "")])
    assert html.startswith("<!DOCTYPE html>") and "newsfacts &lt;warehouse&gt;" in html
    assert "No data yet in this warehouse." in html and html.count("<svg") == 1
    assert not re.search(r"https?:|<script|<link|src=", html)
