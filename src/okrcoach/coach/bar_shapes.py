"""The shapes a bar takes in a key result's words: a rating, a zero, a share, a time limit,
a rhythm, a sign, a grade, a level named in words.

``measurability`` tries each on a line (only those whose cue words the line holds) and
weighs what it finds; this module only says what each shape looks like.
"""

from __future__ import annotations

import re

from okrcoach.coach import lexicon as lx

DIGIT = re.compile(r"\d")
NUMBER_WORDS = "|".join(w for w in lx.NUMBER_WORDS if w != "zero")
TIME_NOUN = r"(?:minute|hour|day|week|fortnight|month|quarter|term|year|sprint|shift|season)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|payday)"

RATING = re.compile(
    r"(?<!\bby\s)(?<!\bon\s)(?<!\bbefore\s)(?<!\buntil\s)(?<!\bdue\s)"
    # "Blood pressure currently 145/95": today's reading, no bar.
    r"(?<!\bcurrently\s)(?<!\bnow\s)(?<!\btoday\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"\b(?!(?:50/50|60/40|40/60|70/30|30/70|80/20|20/80|90/10|10/90)\b)"
    r"\d+(?:\.\d+)?\s?/\s?\d+\b(?!/)|\b\d(?:\.\d)?\s?(?:stars?|out of)\b",
    re.I,
)
# "Zero-trust", "zero-day" and "no-code" are names, not a bar of none.
ZERO_NAMES = r"[\s-](?:trust|day|based|code|show|brainer|touch|waste|sum|inbox|click|party)\b"
ZERO_NAME = re.compile(r"zero" + ZERO_NAMES, re.I)
# "Say no" refuses, it sets no bar of none.
ZERO = re.compile(
    r"(?<!\bsay\s)(?<!\bsays\s)(?<!\bsaid\s)(?<!\bsaying\s)"
    rf"\b(?:no|zero)\b(?!{ZERO_NAMES})|\b(?:none|never|nil)\b"
    r"|\w+-free\b|\bno\s+longer\b|\bnot\s+(?:a\s+)?single\b|\bnot\s+(?:one|once)\b"
    # "Duplicate payments eliminated": none left is the bar.
    r"|\b(?:eliminat|eradicat)(?:e|es|ed|ing)\b"
    # "Nobody hired this quarter leaves": none as the subject ("features nobody uses" only
    # picks which features).
    r"|(?:^|[:;–—]\s)\W*nobody\b",
    re.I,
)
WITHOUT = re.compile(r"\bwithout\b", re.I)
# A quantifier over a group of things: "every repo", "all 14 sites", "each new starter",
# "100% of endpoints", "all of them". Over time units it is a rhythm, not a scope.
COVERAGE = re.compile(
    r"\b(?:all|every|each)\s+(?:of\s+)?(?:(?:the|our|my|their|its|your|these|those|\d+)\s+)?"
    rf"(?!(?:other\s+)?{TIME_NOUN}s?\b|{WEEKDAY}s?\b|time\b|the\s+time\b)[a-z][\w-]*"
    r"|\b100\s?%\s+of\b|\ball\s+of\s+(?:them|it)\b"
    r"|\b(?:everything|everyone|everybody)\b(?!['’]s)",
    re.I,
)
# A scope implied without a quantifier: "for the whole company", "across the fleet".
SCOPE = re.compile(
    r"\b(?:whole|entire)\s+\w+|\b\w+-wide\b|\bacross\s+(?:the|our|all)\b|\bend\s+to\s+end\b",
    re.I,
)
FREQUENCY = re.compile(
    r"\b(?:once|twice|thrice|\d+\s?x|\d+\s+times|\w+\s+times)\s+(?:a|an|per|each|every)\b"
    r"|\b(?:daily|weekly|monthly|nightly|hourly|quarterly|fortnightly|termly|yearly|annually"
    r"|biweekly|bi-weekly)\b"
    rf"|\b(?:every|each)\s+(?:other\s+|single\s+|working\s+|business\s+)?(?:\w+\s+)?"
    rf"(?:{TIME_NOUN}|{WEEKDAY})s?\b"
    rf"|\b(?:every|each)\s+{WEEKDAY}",
    re.I,
)
# A rhythm said to be today's, in brackets or after a dash: "Deploy frequency (today: twice
# a week)", "Gym – currently once a month". It says where things stand, not where to go.
TODAYS_RHYTHM = re.compile(
    r"(?:\(|[–—,;:]\s*|\s-\s*)(?:today|currently|now|at\s+the\s+moment|right\s+now)\b[\s:=]*"
    r"(?:[a-z]+\s+){0,2}?(?:once|twice|thrice|\d+\s?x|\d+\s+times|\w+\s+times|daily|weekly"
    r"|monthly|quarterly|fortnightly|yearly|every|each)\b[^()]*(?:\)|$)",
)
# A metric's own words ("recurring revenue", "active users"); a rhythm word before them
# names the metric ("Grow monthly recurring revenue") unless work follows ("weekly sales
# calls" is a rhythm).
METRIC_WORD = "|".join(sorted(lx.METRIC_NOUNS | lx.RATE_WORDS, key=len, reverse=True))
WORK_WORD = "|".join(sorted(lx.ACTIVITY_NOUNS | lx.DELIVERABLE_NOUNS, key=len, reverse=True))
# Words that end a metric's name: what follows them is no longer part of it.
LINKING = (
    "with|to|for|on|in|at|by|from|and|or|the|a|an|of|per|each|every|across|our|my|their"
    "|is|are|be|than|over|under|above|below|within"
)
# A rhythm that only names the thing: "a monthly budget spreadsheet", "the annual review".
FREQUENCY_NAME = re.compile(
    r"\b(?:a|an|the|our|my)\s+(?:daily|weekly|monthly|quarterly|annual|yearly|termly)\s+\w+"
    # ...or the metric it qualifies: "monthly churn", "weekly active users", "monthly
    # close time".
    r"|\b(?:daily|weekly|monthly|quarterly|annual|yearly|nightly|hourly|termly|fortnightly)\s+"
    rf"(?:(?!(?:{LINKING}|{WORK_WORD})\b)[a-z][\w-]*\s+){{0,2}}(?:{METRIC_WORD})\b(?![\w-])"
    rf"(?!\s+(?:{WORK_WORD})\b)"
    # ...or opening the line as a metric's name: "Weekly active users", "Daily step count".
    r"|^(?:daily|weekly|monthly|quarterly|annual|yearly|nightly|hourly|termly)\s+[a-z]",
    re.I,
)
_DURATION_BOUND = (
    r"\b(?:same|next)[\s-](?:working\s+|business\s+)?day\b"
    rf"|\b(?:within|under|inside|in\s+under|in\s+less\s+than|in|below|beneath|less\s+than"
    rf"|no\s+more\s+than|at\s+most|max(?:imum)?)\s+(?:a|an|one|half\s+an?"
    rf"|{NUMBER_WORDS})\s+(?:working\s+|business\s+)?{TIME_NOUN}s?\b"
)
# Of those, a length of time in words: "under an hour", "same day" (not "on time").
DURATION_BOUND = re.compile(_DURATION_BOUND, re.I)
TIME_BOUND = re.compile(
    _DURATION_BOUND
    + rf"|\b(?:in|on)\s+(?:their|the|its|his|her|my|our|your)\s+first\s+{TIME_NOUN}\b"
    r"|\b(?:first|1st)\s(?:time|attempt|try|go)\b|\b(?:first|1st)-(?:attempt|try|go)\b"
    r"|\bat\s+the\s+first\s+attempt\b"
    r"|\bon\s+time\b",
    re.I,
)
# A metric counted over someone's first stretch ("attrition in the first year", "dropout in
# their first two weeks") names when the metric is counted, not how much of it is allowed:
# the window is part of the metric's name (a subject doing something in its first week is
# a time limit).
METRIC_FIRST = re.compile(
    rf"\b(?:{METRIC_WORD}|dropouts?|drop-?offs?|leavers|readmissions?|absences?)\s+(?:rates?\s+)?"
    rf"(?:in|during|over|within)\s+(?:their|the|its|his|her|my|our|your)\s+first\s+"
    rf"(?:(?:{NUMBER_WORDS})\s+)?{TIME_NOUN}s?\b",
    re.I,
)
SHARE = re.compile(
    r"\b(?:a|one|two)\s+(?:third|quarter|fifth|tenth)s?\s+of\b|\bhalf\s+(?:of|the|our|all)\b"
    r"|\b\d+\s+(?:in|out\s+of)\s+\d+\b"
    rf"|\b(?:{NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:{NUMBER_WORDS})\b",
    re.I,
)
FRACTION = re.compile(r"\bby\s+(?:a|one)\s+(?:third|quarter|half|fifth)\b|\bin\s+half\b", re.I)
PER_PERIOD = re.compile(
    r"\d[\d,.]*\s?[km]?\s?/\s?(?:day|d|week|wk|w|month|mo|year|yr|quarter|sprint|hour|hr|h"
    r"|shift|term|head|person|rep)\b",
    re.I,
)
# Units the number reader leaves out when they are glued on: "lose 6kg", "a 10km run".
# A lone digit before "g" is a network generation ("5G"), not grams ("30g").
GLUED_UNIT = re.compile(r"\d(?:kg|kgs|lbs?|km|mi|cm|mm|kcal|cal|ml|l|mb|gb|tb)\b|\d\dg\b", re.I)
TARGET_WORD = re.compile(r"\b(?:target|goal|aim)\s*(?:of|:|=|is)?\s*[<>≤≥~]?\s*[€$£₹]?\d", re.I)
SIGN = re.compile(
    # A sign is a bar for what has one: "EBITDA positive", "unit economics turn positive",
    # "NPS turns positive" (above zero).
    r"\b(?:cash[\s-]?flow|profit|profitable|margin|ebitda|income|balance|economics|contribution"
    r"|earnings|roi|nps)\b[^.;]{0,40}"
    r"\b(?:positive|break[\s-]?even|in\s+the\s+black)\b|\b(?:break|breaks|breaking|broke)[\s-]even\b"
    r"|\bprofitable\b",
    re.I,
)
QUOTED_GRADE = re.compile(
    r"\b(?:rat(?:e|es|ed|ing)|scor(?:e|es|ed)|grad(?:e|es|ed)|mark(?:s|ed)?|call(?:s|ed)?)\b"
    r"[^\"“”]{0,40}[\"“][^\"“”]{1,24}[\"”]",
    re.I,
)
UPGRADE = lx.wordset(
    """upgrade upgrades upgraded upgrading bump bumped patch patched update updated migrate
    migrated"""
)
# A time or a ratio written with a colon, as the bar: "parkrun under 24:30", "ROAS of at
# least 4:1", "lights out before 23:00", "9:40 → 8:15" (not "1:1s", the meetings, nor
# "at 8:45", a when).
CLOCK_BAR = re.compile(
    r"\b(?:under|below|sub|in|within|than|before|by|beat|inside|of|above|over|least|most|to"
    r"|from|averages?|averaging"
    # "Wake up at 6:30", "log off at 17:30": the time a habit happens at is its bar.
    r"|(?:up|off|bed|out)\s+at)[\s-]+\d{1,3}:\d{1,2}(?::\d\d)?(?![\d:]|s\b)"
    # The time an arrow leads to: "2:05:30 -> 1:55:00".
    r"|(?:->|=>|→|➜|➔|➡|⇒|⟶)\s*\d{1,3}:\d{1,2}(?::\d\d)?(?![\d:]|s\b)",
    re.I,
)
# A named level reached is the bar: "reach B2 in German", "get to grade 5 piano", "from B1
# to B2" (a "Grade 6 reading programme" only names who it is for).
LEVEL_NAME = (
    r"(?:[abc][12]\b|(?:grade|level|band|stage|dan|kyu|hsk|jlpt\s+n)\s?\d+\b|[a-z]+\s+belt\b)"
)
NAMED_LEVEL = re.compile(
    r"\b(?:reach(?:es|ed|ing)?|get(?:s|ting)?\s+to|achiev(?:e|es|ed|ing)|attain(?:s|ed|ing)?"
    r"|earn(?:s|ed|ing)?|promoted\s+to)\s+(?:(?:a|an|the|my|our|their)\s+)?"
    rf"{LEVEL_NAME}|\bfrom\s+{LEVEL_NAME}\s+to\s+{LEVEL_NAME}",
    re.I,
)
# A grade named as the bar: "Ofsted rating Good or better", "rated Outstanding".
GRADE = (
    r"(?:good|outstanding|excellent|satisfactory|green|gold|silver|bronze|platinum|merit"
    r"|distinction)"
)
GRADE_BAR = re.compile(
    rf"\b(?:{GRADE}|[a-e][+-]?)\s+or\s+(?:better|higher|above)\b"
    rf"|\b(?:rated|graded|judged)\s+(?:as\s+)?{GRADE}\b",
    re.I,
)
TOP_N = re.compile(rf"\btop[\s-](?:\d+|{NUMBER_WORDS})\b", re.I)
# A number straight before what it counts: "8 roadshows", "the 50 most-read articles".
COUNT_TAIL = r"\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s\b"
COUNTED_AFTER = re.compile(COUNT_TAIL, re.I)
COUNTED_WORD = re.compile(rf"\b(?:{NUMBER_WORDS}){COUNT_TAIL}", re.I)
NUMBER_WORD_SET = frozenset(lx.NUMBER_WORDS) - {"zero"}
# A number word joined to the word after it names a kind of thing ("two-factor login",
# "a four-day week trial", "one-click checkout"), it sets no level.
WORD_COMPOUND = re.compile(rf"(?:{NUMBER_WORDS})-(?!fold\b|times\b)[a-z]", re.I)
METRIC_NAME = re.compile(r"^\s*(?:the\s+)?number\s+of\b|\bper\s+[a-z]+\s*$", re.I)
