"""Reviews are made without validating the coach's own values again: the answers a user
gets must be the very models validation would make (equal, hashed alike, dumped alike)."""

from __future__ import annotations

from okrcoach.coach import Finding, KRReview, MetricGuess, parse_metric, review_key_result
from okrcoach.coach.rules import RULES, Rule, fire


def _validated(model: object) -> object:
    """The same model, made by validating its fields."""
    cls = type(model)
    return cls(**{name: getattr(model, name) for name in cls.model_fields})


def test_a_metric_guess_is_the_model_validation_makes() -> None:
    guess = parse_metric("Cut first-reply time from 24 h to 4 h")
    again = _validated(guess)
    assert isinstance(guess, MetricGuess)
    assert guess == again and hash(guess) == hash(again)
    assert guess.model_dump(mode="json") == again.model_dump(mode="json")
    assert guess.model_fields_set == again.model_fields_set
    assert guess.model_copy(update={"target": 3.0}).target == 3.0


def test_a_finding_is_the_model_validation_makes() -> None:
    finding = fire("kr.task", "it delivers work", verb='"Launch"')
    again = _validated(finding)
    assert isinstance(finding, Finding)
    assert finding == again and hash(finding) == hash(again)
    assert finding.model_dump(mode="json") == again.model_dump(mode="json")


def test_a_review_dumps_and_compares_as_a_validated_one() -> None:
    review = review_key_result("Launch the new partner portal")
    worded = {"reasons", "rewrite", "example"}  # worded from the review's private state
    again = KRReview.model_validate(review.model_dump(exclude=worded))
    assert review.model_dump(mode="json", exclude=worded) == again.model_dump(
        mode="json", exclude=worded
    )
    assert review == review_key_result("Launch the new partner portal")
    assert review != review_key_result("Cut churn from 5% to 3%")
    assert review.reasons and review.rewrite  # worded when read, as before
    assert review.model_fields_set == again.model_fields_set


def test_a_rule_given_its_severity_by_name_fires_findings_with_the_member() -> None:
    rule = Rule("x.test", "kr", "problem", "Something {what}.", "Fix it.")  # type: ignore[arg-type]
    finding = rule.fire(what='"odd"')
    assert finding.severity is RULES["kr.task"].severity
    assert finding.model_dump(mode="json")["severity"] == "problem"
