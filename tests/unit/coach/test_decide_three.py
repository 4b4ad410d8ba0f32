"""Three models weighed in one pass give each model's own answer, to the last bit: the
same probability and reasons for the first, the same yes or no for the others."""

from __future__ import annotations

from bench.corpus import load

from okrcoach.coach.features import kr_evidence
from okrcoach.coach.measurability import measurable_evidence
from okrcoach.coach.model import decide, decide_three


def test_one_pass_over_three_models_answers_as_each_model_alone() -> None:
    texts = [row["text"] for row in load("train").krs][::7]
    for text in texts:
        evidence, extra = kr_evidence(text), measurable_evidence(text)
        first, vain, measured = decide_three(("kind", "vanity", "measurable"), evidence, extra)
        alone = decide("kind", evidence)
        assert first.probability == alone.probability, text
        assert first.reasons == alone.reasons, text
        assert vain is decide("vanity", evidence).yes, text
        assert measured is decide("measurable", evidence, extra).yes, text


def test_a_line_with_no_features_gets_each_model_s_bias() -> None:
    first, vain, measured = decide_three(("kind", "vanity", "measurable"), {}, None)
    assert first.probability == decide("kind", {}).probability
    assert (vain, measured) == (decide("vanity", {}).yes, decide("measurable", {}).yes)
