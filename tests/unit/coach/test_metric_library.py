"""The metric library offers an outcome from the line's own area, in the line's own terms."""

from __future__ import annotations

import pytest

from okrcoach.coach import outcome_kr, review_key_result, suggest_metrics, vanity_alternative
from okrcoach.coach.metric_library import AREAS
from okrcoach.coach.metrics import example_for


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Ward 4 holds 4 safety huddles per day", "injuries"),
        ("Launch the patient reminder texts", "missed appointments"),
        ("Move to a new WMS", "pick accuracy"),
        ("Build 40 new reports in the BI tool", "report pack"),
        ("Publish 4 podcast episodes", "listeners"),
        ("Run 3 webinars", "webinar attendees"),
        ("Sec - run 200 vulnerability scans per month", "patch"),
        ("Send 52 HR newsletters", "engagement score"),
        ("Call my mum every week", "family"),
        ("Pay off my credit card", "credit card balance"),
        ("Minutes on the treadmill up 25%", "5 km time"),
    ],
)
def test_a_task_gets_an_example_from_its_own_area(task: str, expected: str) -> None:
    example = example_for(task).example
    assert expected in example
    assert expected in (review_key_result(task).rewrite or "")


def test_within_an_area_the_metric_the_line_points_to_comes_first() -> None:
    assert suggest_metrics("Publish 4 podcast episodes")[0] == "listeners who finish an episode"
    assert suggest_metrics("Write 20 blog posts for the website")[0] == (
        "visitor-to-signup conversion"
    )


def test_a_vanity_count_named_by_two_words_gets_its_own_alternative() -> None:
    assert "listeners" in vanity_alternative("podcast downloads")
    assert "retention" in vanity_alternative("app downloads")
    review = review_key_result("My blog gets 10k page views a month")
    assert "Instead of counting 10k page views," in (review.rewrite or "")


def test_the_writers_words_are_said_back_to_them() -> None:
    rewrite = review_key_result("Write 3 chapters of my novel").rewrite or ""
    assert "because you write 3 chapters of your novel?" in rewrite
    rewrite = review_key_result("Improve our onboarding").rewrite or ""
    assert "that your onboarding got better" in rewrite
    assert "the US store is live" in (review_key_result("Launch the US store").rewrite or "")


@pytest.mark.parametrize(
    "metric", sorted({m.name for area in AREAS for m in area.metrics}), ids=lambda m: m
)
def test_every_library_metric_makes_a_key_result_that_passes_review(metric: str) -> None:
    for made in (outcome_kr(metric, 30, 45, "%"), outcome_kr(metric, 30, 20)):
        problems = [f.rule_id for f in review_key_result(made).findings if f.severity == "problem"]
        assert problems == [], made


def test_a_metric_named_by_who_it_counts_reads_as_a_share_or_a_number() -> None:
    made = outcome_kr("listeners who finish an episode", 30, 45, "%")
    assert made == "Raise the share of listeners who finish an episode from 30% to 45%"
    assert outcome_kr("members who return", 20, 35) == (
        "Raise the number of members who return from 20 to 35"
    )
    assert outcome_kr("first-reply time", 24, 4, "h") == "Cut first-reply time from 24 h to 4 h"
