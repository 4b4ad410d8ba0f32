"""Rewrites: a question built from the user's own words, and an example outcome.

"Launch the help centre" becomes "What changes once the help centre is live? e.g.
'Raise the self-serve resolution rate from 40% to 60%'". Every finding that has a
rewrite gets one (task, activity count, vague, no target, vanity, no baseline); the
examples come from the metric library and pass the coach's own review.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrcoach.coach import lexicon as lx
from okrcoach.coach.lexicon import wordset
from okrcoach.coach.metrics import example_for, vanity_alternative
from okrcoach.coach.signals import Signals
from okrcoach.coach.words import VERB_CLASSES, comparative

_LIVE = wordset("launch ship release deploy publish roll open")
_IN_PLACE = wordset(
    """build create implement set establish introduce adopt install configure integrate automate
    design develop define document draft standardise standardize form assemble map outline"""
)
_ACTIVITY = wordset(
    """hold run host organise organize conduct attend make send write post call visit present
    give speak participate join produce record film tweet blog email interview survey demo
    teach mentor coach train"""
)
_DEADLINE_TAIL = re.compile(
    r"\s+(?:by|before|until|in|within|during)\s+(?:the\s+)?(?:end\s+of\s+)?\S+(?:\s+\d{1,4})?[.!]?$",
    re.I,
)
_DETERMINERS = ("the ", "a ", "an ", "our ", "my ", "your ", "their ", "all ", "every ", "this ")
_PARTICLES = ("out ", "up ", "off ")
# How a live-making verb reads once done, when the line says where: "rolled out to all 4
# offices", "launched in Spain".
_LIVE_DONE = {
    "launch": "launched",
    "ship": "shipped",
    "release": "released",
    "deploy": "deployed",
    "publish": "published",
    "roll": "rolled out",
    "open": "opened",
}
_WHERE = re.compile(r"\s+(?=(?:to|in|into|across|for|at|on)\s)", re.I)
_COUNTED = lx.VANITY_NOUNS | lx.ACTIVITY_NOUNS
# Where attention is counted, words that can also be verbs: "blog posts", "email opens".
_MEDIA = wordset("blog web site app page social email newsletter video text post")
_NOT_MODIFIERS = lx.STOPWORDS | wordset(
    "more less fewer total up down over under daily weekly monthly quarterly yearly annual"
)
# A word that reports work done after the thing it counts: "Demos booked", "posts published".
_DONE_WORD = re.compile(
    r"[a-z]+ed|done|made|sent|held|run|written|built|given|won|taken|seen|read|met|kept|shot",
)
# The wish words a vague line can be asked about as they stand ("got faster").
_ASKED_AS_IS = wordset(
    """better faster happier healthier smoother cleaner stronger calmer safer easier cheaper
    quicker simpler clearer fitter"""
)


@lru_cache(maxsize=64)
def _done_split(state: str) -> re.Pattern[str]:
    """Where a done-state word ("launched", "in place") stands, as a whole word."""
    return re.compile(rf"\b{re.escape(state)}\b", re.I)


def _object_phrase(sig: Signals) -> str:
    """The words after the lead verb, without a trailing deadline."""
    text = sig.text.rstrip(" .!")
    if sig.lead_index >= 0:
        parts = text.split(None, sig.lead_index + 1)
        rest = parts[sig.lead_index + 1] if len(parts) > sig.lead_index + 1 else ""
        for particle in _PARTICLES:
            if rest.lower().startswith(particle):
                rest = rest[len(particle) :]
    else:
        rest = _done_split(sig.done_state).split(text, maxsplit=1)[0]
    rest = _DEADLINE_TAIL.sub("", rest.strip()).strip(" ,.")
    if rest[:4].lower() == "the ":
        rest = "the " + rest[4:]
    return to_you(rest)


# The writer's own words, as the coach says them back: "my novel" is "your novel".
_YOURS = {"my": "your", "mine": "yours", "myself": "yourself", "me": "you", "I": "you"}
_YOURS |= {"our": "your", "ours": "yours", "ourselves": "yourselves", "us": "you", "we": "you"}
_FIRST_PERSON = re.compile(r"\b(?:my|mine|myself|me|I|our|ours|ourselves|us|we)\b")


def to_you(phrase: str) -> str:
    """``phrase`` with the writer's "my", "our", "I" and "me" said back as "your" and
    "you" ("Write 3 chapters of my novel": "because you write 3 chapters of your novel")."""
    if "m" not in phrase and "I" not in phrase and "u" not in phrase and "w" not in phrase:
        return phrase
    return _FIRST_PERSON.sub(lambda m: _YOURS[m.group()], phrase)


def _with_article(phrase: str) -> str:
    low = phrase.lower()
    if not phrase or low.startswith(_DETERMINERS) or re.match(r"v?\d", low):
        return phrase
    if phrase[0].isupper() and not phrase[:2].isupper():
        return phrase  # a name written mid-line: "Expensify", "Salesforce"
    return "the " + phrase


def _be(phrase: str) -> str:
    """ "is" or "are", by the last word before where it happens ("the new dashboards")."""
    head = _WHERE.split(phrase, maxsplit=1)[0].split()
    last = head[-1].lower() if head else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "ics", "ous"))
    return "are" if plural else "is"


def counted_phrase(sig: Signals, head: str) -> str:
    """The words that name what is counted around ``head``, as the user wrote them:
    "Twitter followers", "podcast listens", "website page views". Read from the line's
    words; the text itself only when the phrase is longer than ``head``."""
    tokens = sig.tokens
    try:
        start = end = tokens.index(head)
    except ValueError:
        return head
    for word in tokens[end + 1 : end + 3]:
        if word not in _COUNTED:
            break
        end += 1
    while start > 0 and end - start < 2:
        word = tokens[start - 1]
        if not (
            word in _COUNTED
            or word in _MEDIA
            or (word not in _NOT_MODIFIERS and word not in VERB_CLASSES and word.isalpha())
        ):
            break
        start -= 1
    if start == end or not sig.plain:
        return head  # one word, or a line whose lower case may not line up with it
    wanted = " ".join(tokens[start : end + 1])
    at = sig.lowered.find(wanted)
    if at < 0 or sig.lowered[at - 1 : at].isalnum():
        return head  # written another way ("page-views"): the word alone
    phrase = sig.text[at : at + len(wanted)]
    if at == 0 and not phrase[:2].isupper():
        phrase = phrase[0].lower() + phrase[1:]  # the line's first word
    return phrase


def named_count(sig: Signals) -> tuple[str, str]:
    """("demos", "booked") for "Demos booked: 40", ("blog posts", "published") for "Blog
    posts published": a count named first and the word after it that reports it done;
    ("", "") when the line is not one."""
    tokens = sig.tokens
    for index, tok in enumerate(tokens[1:4], start=1):
        if _DONE_WORD.fullmatch(tok):
            before = tokens[:index]
            if before[-1] in _COUNTED and all(
                t.isalpha() and t not in lx.STOPWORDS for t in before
            ):
                return counted_phrase(sig, before[-1]), tok
            return "", ""
    return "", ""
    return ""


def task_question(sig: Signals) -> str:
    """What should change once the work is done, in the user's words and good grammar."""
    thing = _object_phrase(sig)
    if sig.activity:
        counted = sig.activity.split(None, 1)[-1]
        if counted.split()[-1] not in ("time", "times"):
            return f"What should those {counted} change?"
        # "Run 3 times a week" counts how often, not things done: ask about the habit.
        if sig.lead and thing:
            return f"What should change because you {sig.lead} {thing}?"
        return "What should change because of this habit?"
    if sig.effort_head:
        noun = next(t for t in sig.tokens if t in lx.ACTIVITY_NOUNS)
        return f"What should more {counted_phrase(sig, noun)} change?"
    named = named_count(sig)[0]
    if named:
        return f"What should more {named} change?"
    if not thing:
        return "What should change because of this work?"
    if sig.lead in _ACTIVITY:
        return f"What should change because you {sig.lead} {thing}?"
    if sig.lead in _LIVE:
        where = _WHERE.split(thing, maxsplit=1)
        if len(where) == 2:
            what = _with_article(where[0])
            return f"What changes once {what} {_be(what)} {_LIVE_DONE[sig.lead]} {where[1]}?"
    if sig.lead in _LIVE or sig.done_state in ("live", "launched", "shipped", "released"):
        what = _with_article(thing)
        return f"What changes once {what} {_be(what)} live?"
    if sig.lead in _IN_PLACE:
        what = _with_article(thing)
        return f"What changes once {what} {_be(what)} in place?"
    if sig.lead:
        return f"What changes once you {sig.lead} {thing}?"
    what = _with_article(thing)
    return f"What changes once {what} {_be(what)} {sig.done_state or 'done'}?"


def _subject(sig: Signals) -> tuple[str, str]:
    """What a vague KR is about and how it should change: ("onboarding", "faster") for
    "Make onboarding faster", ("the checkout flow", "better") for "Improve the checkout
    flow"."""
    thing = _object_phrase(sig) if sig.lead_index >= 0 else sig.text.rstrip(" .!")
    words = thing.split()
    wish = comparative(tuple(w.lower() for w in words))
    if words and words[-1].lower() == wish:
        words = words[:-1]
    elif words and words[0].lower() == wish:
        words = words[1:]
        if words and words[0][0].isupper() and not words[0][:2].isupper():
            words[0] = words[0][0].lower() + words[0][1:]
    subject = " ".join(words).strip(" ,.")
    if subject and sig.lead_index < 0 and subject[0].isupper() and not subject[:2].isupper():
        subject = subject[0].lower() + subject[1:]
    return subject or "it", wish if wish in _ASKED_AS_IS else "better"


def written_baseline(sig: Signals) -> str:
    """Today's level as the user wrote it ("$410k"), or "" when the line gives none."""
    guess = sig.guess
    if guess.baseline is None or guess.target is not None or guess.change is not None:
        return ""
    for q in sig.quantities:
        if q.value == guess.baseline:
            return sig.text[q.start : q.end].strip()
    return ""


def _example_target(written: str, sig: Signals) -> str:
    """A plausible target in the same shape as today's level: a fifth lower for a cut,
    a quarter higher (or half the way to 100%) for a rise."""
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", written)
    if number is None:
        return ""
    value = float(number.group().replace(",", ""))
    places = len(number.group(1) or "")
    way = sig.guess.direction
    if (way is not None and way.value == "decrease") or (
        way is None and not lx.LOWER_IS_BETTER.isdisjoint(sig.tokens)
    ):
        goal = value * 0.8  # "Churn is 4%", "Time to hire (52 days)": less is better
    elif "%" in written:
        goal = value + (100 - value) / 2 if value < 100 else value
    elif places and 1 <= value < 10:
        scale = 5 if value < 5 else 10  # "CSAT 4.1" is out of 5: half the way to the top
        goal = value + (scale - value) / 2
    else:
        goal = value * 1.25
    shown = f"{goal:,.{places}f}" if places or goal % 1 == 0 or goal >= 10 else f"{goal:,.1f}"
    if shown == number.group():
        return ""
    return written[: number.start()] + shown + written[number.end() :]


# The words before a level the line ends on: "Churn is 4%", "CSAT sits at 4.1".
_STANDS_AT = re.compile(r"\s+(?:is|are|was|sits\s+at|stands\s+at|at)\s+[~≈]?$")


# The vanity term of a count the coach has no words for.
NO_TERM = "this count"


def rewrite_for(rule_id: str, sig: Signals, vanity_term: str = "") -> tuple[str, str | None]:
    """(question, example KR or None) for a finding, or ("", None) when it has none."""
    if rule_id in ("kr.task", "kr.activity-count"):
        return task_question(sig), example_for(sig.text).example
    if rule_id == "kr.vague":
        subject, wish = _subject(sig)
        question = f"Which number would show that {subject} got {wish}, and by how much?"
        return question, example_for(sig.text).example
    if rule_id == "kr.no-target":
        # A vanity count is not worth a target of its own: the library's example then.
        written = "" if vanity_term else written_baseline(sig)
        target = _example_target(written, sig) if written else ""
        if target:
            line = sig.text.strip().rstrip(" .!")
            # "Churn on Starter (currently 4.1%)": the level moves out of its brackets,
            # "Churn on Starter from 4.1% to 3.3%", rather than a target after them.
            opened = line.rfind("(")
            if opened > 0 and line.endswith(")") and written in line[opened:]:
                line = f"{line[:opened].rstrip(' -–—:,')} from {written}"
            elif line.endswith(written) and (
                said := _STANDS_AT.search(line, 0, len(line) - len(written))
            ):
                line = f"{line[: said.start()]} from {written}"  # "Churn is 4%": from 4%
            return f"From {written} to what, by the end of the cycle?", f"{line} to {target}"
        how = f"How much {sig.wish}: from" if sig.wish in _ASKED_AS_IS else "How much, from"
        return f"{how} what to what, by the end of the cycle?", example_for(sig.text).example
    if rule_id == "kr.vanity":
        instead = vanity_alternative(vanity_term or sig.text)
        counted = vanity_term if vanity_term and vanity_term != NO_TERM else "this"
        question = f"Instead of counting {counted}, measure {instead}."
        return question, example_for(sig.text).example
    if rule_id == "kr.no-baseline":
        return 'Where does it stand today? Write it as "from X to Y".', None
    return "", None


def scaffold(sig: Signals) -> str:
    """A one-line question that points from the work to the change it should cause."""
    question, example = rewrite_for("kr.task", sig)
    return f"{question} e.g. '{example}'" if example else question
