"""Every decision the coach makes on the training texts, pinned by one fingerprint.

Speed work must not change a single answer. The fingerprint covers, for each text of
the training split: outcome or task, vanity, measurable, baseline, the problem rules a
key result review fires, learning or performance, and the rules an objective review
fires. A change that is meant to move answers (refitted weights, new word lists, new
corpus lines) records the new fingerprint with ``python bench/coach_eval.py --answers``;
``--record`` and ``--compare`` show which texts moved and how.
"""

from __future__ import annotations

from bench.coach_eval import decisions, fingerprint, train_texts

ANSWERS = "73f907b89d094671"


def test_every_training_text_gets_the_recorded_decisions() -> None:
    assert fingerprint(train_texts()) == ANSWERS, (
        "the coach answers differently on the training texts; if that is meant, record "
        "the new fingerprint (python bench/coach_eval.py --answers)"
    )


def test_the_fingerprint_sees_a_changed_answer() -> None:
    """A task read as an outcome, or one rule more or less, changes the fingerprint."""
    texts = ["Launch the partner portal", "Cut churn from 5% to 3%"]
    kinds = [decisions(text)[0] for text in texts]
    assert kinds == ["task", "outcome"]
    assert fingerprint(texts) != fingerprint(texts[::-1])
    assert fingerprint(texts) != fingerprint(texts[:1])
