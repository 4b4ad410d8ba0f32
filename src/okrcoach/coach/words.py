"""Tokens and word classes: the small vocabulary layer every rule shares."""

from __future__ import annotations

import re
from functools import lru_cache

from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.lexicon import wordset

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'’-]*[a-z0-9%]|[a-z0-9%]")
_PREFIX = re.compile(
    r"^\s*(?:(?:kr|key\s+result|o|obj|objective|goal)\s*#?\d*(?:\.\d+)?\s*[:.)–—-]\s*"
    r"|\d+(?:\.\d+)*\s*[.)]\s+|[-*•·▪►✓✔☐☑+]\s*|\[[ xX✓]?\]\s*|#+\s+"
    # "#2 Cut churn" numbers the line; "#1 on the leaderboard" is a rank.
    r"|#\d+\s*[:.)–—-]?\s+(?!(?:on|in|for|at|among|across|spot|place|position|choice|rank)\b))",
    re.I,
)
# A team or area label in front ("Support: ", "Billing team - "): up to three words, then
# a colon or dash, then words. A metric label ("NPS: 32 -> 45") keeps its name.
_LABEL_MARKS = re.compile(r"[:\-–—|]")
_LABEL = re.compile(r"^\s*([A-Za-z&/' ]{2,30}?)\s*(?::|\s[-–—|]\s)\s*(?=[A-Za-z\"'“])")

_CLASS_TABLES: dict[str, dict[str, str]] = {
    "increase": lx.forms(lx.INCREASE_VERBS),
    "decrease": lx.forms(lx.DECREASE_VERBS),
    "reach": lx.forms(lx.REACH_VERBS),
    "maintain": lx.forms(lx.MAINTAIN_VERBS),
    "vague": lx.forms(lx.VAGUE_VERBS),
    "delivery": lx.forms(lx.DELIVERY_VERBS),
    "learning": lx.forms(lx.LEARNING_VERBS),
    "effort": lx.forms(lx.EFFORT_VERBS),
}
# Nouns whose "-ing"/"-s" shape looks like a verb but is not used as one.
_NOT_VERBS = wordset(
    """meeting meetings marketing pricing funding booking bookings ranking setting settings
    customer customers sales lead leads time times cost costs rate rates share shares
    returns return views view likes like calls visits marks"""
)


def strip_prefix(text: str) -> str:
    """Drop list markers, checkboxes, numbering and team labels in front of a goal."""
    return strip_settled(text)[0]


def strip_settled(text: str) -> tuple[str, bool]:
    """``strip_prefix(text)``, and whether stripping the result again would change nothing
    (at most three markers are taken off in one go)."""
    for _ in range(3):
        stripped = _PREFIX.sub("", text, count=1)
        # A label needs a colon, a dash or a bar after it: most goals have none.
        label = _LABEL.match(stripped) if _LABEL_MARKS.search(stripped) else None
        if label:
            named = label.group(1).lower().split()
            if len(named) <= 3 and not any(w in lx.METRIC_NOUNS for w in named):
                stripped = stripped[label.end() :]
        if stripped == text:
            return text, True
        text = stripped
    return text, False


@lru_cache(maxsize=PER_LINE)
def words(text: str) -> tuple[str, ...]:
    """Lower-case word tokens; hyphenated and numeric tokens kept whole."""
    return tokens_of(strip_prefix(text))


def tokens_of(stripped: str) -> tuple[str, ...]:
    """The word tokens of a text whose prefix is already stripped."""
    lowered = stripped.lower().replace("/", " ")
    if "’" not in lowered:
        return tuple(_TOKEN.findall(lowered))
    return tuple(tok.replace("’", "'") for tok in _TOKEN.findall(lowered))


def _class_index() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Every known verb form: its classes, and its base form (the first table that has it)."""
    classes: dict[str, list[str]] = {}
    bases: dict[str, str] = {}
    for name, table in _CLASS_TABLES.items():
        for token, base in table.items():
            classes.setdefault(token, []).append(name)
            bases.setdefault(token, base)
    return {token: frozenset(names) for token, names in classes.items()}, bases


_VERB_CLASSES, _VERB_BASES = _class_index()
_NO_CLASSES: frozenset[str] = frozenset()
_DELIVERY = frozenset({"delivery"})
# The same look-up as ``verb_classes``, for loops over every token of a line:
# ``VERB_CLASSES.get(token, NO_CLASSES)``.
VERB_CLASSES, NO_CLASSES = _VERB_CLASSES, _NO_CLASSES
VERB_BASES = _VERB_BASES  # ``verb_base(token)`` is ``VERB_BASES.get(token, token)``
VERB_CLASS_NAMES = tuple(_CLASS_TABLES)  # every class ``verb_classes`` can name


def verb_classes(token: str) -> frozenset[str]:
    """Which verb classes a token belongs to (empty for non-verbs)."""
    return _VERB_CLASSES.get(token, _NO_CLASSES)


def verb_forms() -> frozenset[str]:
    """Every token that belongs to at least one verb class."""
    return frozenset(_VERB_CLASSES)


def verb_base(token: str) -> str:
    """The base form of a known verb token, else the token itself."""
    return _VERB_BASES.get(token, token)


def lead_verb(tokens: tuple[str, ...]) -> tuple[int, str]:
    """Index and token of the verb a goal starts with, skipping filler; (-1, "") if none."""
    for index, tok in enumerate(tokens[:5]):
        if tok in lx.FILLER:
            continue
        if tok in _NOT_VERBS or tok not in _VERB_CLASSES:
            if tok in lx.LEAD_ONLY_VERBS and _object_follows(tokens, index + 1):
                return index, tok
            return -1, ""
        after = tokens[index + 1 : index + 2]  # a slice: no call on most lines
        if after and after[0] in _MAY_NAME and _names_a_metric(tok, tokens, index + 1):
            return -1, ""  # "Reading scores", "Test scores up 10 points": a metric's name
        return index, tok
    return -1, ""


def _names_a_metric(tok: str, tokens: tuple[str, ...], index: int) -> bool:
    """Whether the word of work ``tok`` and the noun at ``index`` name a metric: an "-ing"
    word before a metric's noun ("reading scores", "hiring costs"), or any form before a
    noun that only a measure is ("test scores", "build time"). A word of change is a verb
    ("reducing costs", "cut time to value")."""
    if not _VERB_CLASSES[tok] <= _WORK_ONLY:
        return False
    noun = tokens[index]
    if noun in _MEASURE_HEADS:
        return True
    return tok.endswith("ing") and (noun in lx.METRIC_NOUNS or noun in _METRIC_HEADS)


# Nouns that name only a measure, whatever word of work comes before them.
_MEASURE_HEADS = wordset("score scores coverage times frequency cadence speed")
_METRIC_HEADS = _MEASURE_HEADS | wordset("time age volume")
# Every noun either test above can take, for one set look-up before the call.
_MAY_NAME = _MEASURE_HEADS | _METRIC_HEADS | lx.METRIC_NOUNS
_WORK_ONLY = frozenset({"delivery", "effort", "learning"})


def _object_follows(tokens: tuple[str, ...], index: int) -> bool:
    """Whether the word at ``index`` opens an object: a determiner, a quantity or a pronoun
    ("85%", "every", "to")."""
    if index < len(tokens) - 1 and tokens[index].endswith("ly"):
        index += 1  # "Reply personally to every detractor"
    if index >= len(tokens):
        return False
    tok = tokens[index]
    return tok in lx.OBJECT_OPENERS or tok[0].isdigit()


def lead_classes(token: str) -> frozenset[str]:
    """The verb classes of a line's lead verb: a word that is a verb only there does work."""
    return _VERB_CLASSES.get(token) or (_DELIVERY if token in lx.LEAD_ONLY_VERBS else _NO_CLASSES)


def stem(token: str) -> str:
    """A crude stem used only to compare objective and KR wording."""
    for suffix in ("ations", "ation", "ing", "ers", "ies", "ed", "es", "er", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


_COMPARATIVES = wordset(
    """better faster happier healthier smoother cleaner stronger bigger calmer safer tidier
    easier cheaper quicker higher lower greater wider deeper fitter richer simpler clearer
    more less fewer"""
)
# Words ending in "-ier" that are nouns, not comparatives like "happier".
_NOT_COMPARATIVE = wordset(
    """tier carrier courier barrier cashier frontier premier soldier multiplier identifier
    dossier glacier financier cavalier supplier haulier terrier collier"""
)


def comparative(tokens: tuple[str, ...]) -> str:
    """The first word that wishes for more or better ("faster", "happier", "fewer"), or ""."""
    for t in tokens:
        if t in _COMPARATIVES or (len(t) > 5 and t.endswith("ier") and t not in _NOT_COMPARATIVE):
            return t
    return ""
