from transforms.text import count_words, normalise_line, split_lines


def test_normalise_line_folds_no_break_spaces_and_compatibility_forms():
    assert normalise_line("\u00a0 more\u00a0than\u202f34,535 \ufb01ghters\u200b ") == "more than 34,535 fighters"


def test_split_lines_keeps_line_numbers_for_every_newline_convention():
    assert split_lines("a\r\nb\rc\n\nd") == ["a", "b", "c", "", "d"]


def test_count_words():
    assert count_words("Thirty-three hostages, 1,200 people.") == 6


def test_vulgar_fractions_stay_readable_numbers_after_nfkc():
    # plain NFKC would turn "10½" into "101⁄2", a different number
    assert normalise_line("ran 10½ miles with ½ cup and 1⁄4 inch") == "ran 10 1/2 miles with 1/2 cup and 1/4 inch"
