import re

from flows.progress import document_progress


def test_plain_progress_counts_documents_inside_a_batch_with_rate_and_eta(capsys, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_PROGRESS_EVERY_SECONDS", "0")  # a line at every step
    with document_progress(4) as progress:
        for _ in range(4):  # one batch of four: each stage reports each document
            progress.stage("clean")()
        for _ in range(4):
            progress.stage("entities")()
        for _ in range(4):
            progress.stage("facts")()
        progress.settle(4)  # validated and loaded
    lines = capsys.readouterr().err.splitlines()
    assert all(re.fullmatch(r"  \d/4 documents, [\d.]+ docs/s, ETA \d:\d\d:\d\d", line) for line in lines), lines
    done = [int(line.split("/")[0]) for line in lines]
    assert done == sorted(done) and done[-1] == 4
    assert done.count(3) > 0 and done.count(4) == 1  # counts move inside the batch; 4 once it is loaded


def test_plain_progress_is_quiet_between_reports(capsys):
    with document_progress(1000) as progress:
        for _ in range(10):
            progress.stage("entities")()
    assert capsys.readouterr().err == ""
