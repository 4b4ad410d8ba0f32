"""Every word list the coach reasons with, in one place.

The lists name *classes* of words (verbs that change a number, verbs that
deliver a thing, nouns that count effort, words that make a ratio) rather than
example sentences, so the rules generalise to goals nobody wrote down here.
Lists hold base forms; ``forms()`` expands them to their inflections.
"""

from __future__ import annotations

from collections.abc import Iterable


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


# --- verbs -----------------------------------------------------------------

# Verbs that move a number up.
INCREASE_VERBS = wordset(
    """increase raise grow boost lift expand double triple quadruple accelerate maximise maximize
    scale extend widen multiply climb rise uplift"""
)
# Verbs that move a number down.
DECREASE_VERBS = wordset(
    """reduce cut decrease lower drop shrink halve minimise minimize shorten eliminate slash trim
    lessen decline fall compress lose"""
)
# Verbs that arrive at a level or win a result.
REACH_VERBS = wordset(
    """reach achieve hit attain get exceed surpass generate earn secure sign win close acquire land
    convert retain save book obtain attract gain"""
)
# Verbs that keep a level (a health metric, often business as usual).
MAINTAIN_VERBS = wordset("maintain keep sustain preserve stay remain")
# Verbs that wish for change without saying how much.
VAGUE_VERBS = wordset(
    """improve enhance optimise optimize better strengthen streamline foster ensure drive leverage
    empower promote prioritise prioritize support facilitate enable advance elevate
    refine revamp transform modernise modernize"""
)
# Verbs that deliver a thing or perform an activity: the work, not its effect.
DELIVERY_VERBS = wordset(
    """launch ship release build create write publish hold run host organise organize conduct
    implement deploy migrate set design develop complete finish deliver hire recruit train
    document draft define introduce roll redesign refactor rewrite integrate install configure
    prepare plan schedule send make attend do produce update upgrade add adopt establish start
    begin kick arrange map audit review interview pilot translate automate replace switch
    consolidate standardise standardize finalise finalize provide offer post call visit present
    give submit file fix resolve answer clean remove deprecate move port apply perform execute
    open form assemble appoint assign identify select choose evaluate assess analyse analyze
    collect gather survey coordinate facilitate mentor coach teach educate demo showcase sponsor
    speak participate join contribute merge onboard outline produce record film tweet blog email
    respond handle process test read watch visit contact reach_out set_up roll_out track monitor
    chase negotiate scan patch rotate harden containerise containerize buy purchase distribute
    enrol enroll screen triage tune declutter meditate cook journal stretch prep cancel
    listen mark encrypt archive digitise digitize certify recertify enforce retire sunset
    decommission reconcile verify inspect categorise categorize restructure relaunch rebrand
    reorganise reorganize retrain upskill photograph restock repair calibrate disable ratify
    circulate refurbish renovate overhaul revise rework rerun redo purge delete wipe backfill
    enrich dedupe deduplicate nurture offboard vet shortlist advertise debrief supervise tutor
    lecture rebuild tidy approve observe dockerise dockerize localise localize relocate
    renegotiate renew replatform re-platform rearchitect re-architect modularise modularize
    outsource insource procure wireframe storyboard announce publicise publicize unify
    centralise centralize formalise formalize codify"""
)
# Words used as nouns as often as verbs ("phone support", "reply time", "daily use"): a
# work verb only when one opens the line and its object follows ("Phone 85% of churned
# accounts", "Reply to every post", "Use the scorecard in all interviews").
LEAD_ONLY_VERBS = wordset(
    """phone reply use text message ring invite thank greet welcome nudge remind ask eat drink
    walk knock dial label tag price quote pack order print service block lock benchmark
    instrument segment pitch source brief invoice bill charge refund forecast register
    catalogue refresh prototype sketch tender lease"""
)
# What opens the object of such a verb: a determiner, a quantity, a pronoun or a particle.
OBJECT_OPENERS = wordset(
    """a an the every each all any our my your their his her its this these those both half
    most one two three four five six seven eight nine ten twelve twenty dozen them us me him
    to on with back at about for"""
)
# Verbs that spend effort ("work on", "spend 10 hours"): activity, never a result.
EFFORT_VERBS = wordset("work focus spend log invest dedicate volunteer put continue")
# Verbs that bring about a state ("make billing painless"): a task only with a deliverable.
CAUSATIVE_VERBS = wordset("make create build turn give help keep become be earn")
# Words that describe a state someone can feel, rather than a thing delivered.
STATE_WORDS = wordset(
    """fast faster fastest easy easier easiest simple simpler proud happy happier reliable safe
    safer secure painless effortless seamless delightful great best loved trusted healthy calm
    clear quick quicker smooth boring boringly world-class stable predictable profitable
    sustainable accessible affordable obvious enjoyable where that who everywhere"""
)
# Verbs of learning: growth in a person rather than a result delivered.
LEARNING_VERBS = wordset(
    """learn understand explore practise practice study master discover experiment investigate
    research try test validate figure find grasp absorb rehearse shadow read"""
)

# Irregular verb forms mapped to their base.
IRREGULAR = {
    "written": "write",
    "wrote": "write",
    "held": "hold",
    "ran": "run",
    "built": "build",
    "made": "make",
    "done": "do",
    "did": "do",
    "sent": "send",
    "won": "win",
    "grew": "grow",
    "grown": "grow",
    "kept": "keep",
    "met": "meet",
    "led": "lead",
    "taught": "teach",
    "got": "get",
    "gotten": "get",
    "chosen": "choose",
    "given": "give",
    "gave": "give",
    "begun": "begin",
    "began": "begin",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "understood": "understand",
    "found": "find",
    "learnt": "learn",
    "read": "read",
    "spoke": "speak",
    "spoken": "speak",
    "brought": "bring",
}

# --- nouns -----------------------------------------------------------------

# Nouns that name a result worth measuring.
METRIC_NOUNS = wordset(
    """rate ratio percentage share retention churn conversion activation adoption engagement
    satisfaction nps csat ces enps score revenue mrr arr sales profit margin cost costs spend
    cac ltv arpu aov time latency uptime availability downtime error errors defect defects bug
    bugs incident incidents outage outages ticket tickets complaint complaints return returns
    refund refunds customer customers user users subscriber subscribers member members signup
    signups sign-ups registrations lead leads pipeline deal deals booking bookings growth usage
    traffic visit visits visitor visitors download downloads install installs follower followers
    like likes impression impressions view views pageviews ctr click-through speed throughput
    velocity mttr mttd coverage accuracy quality wait turnover attrition abandonment bounce dau
    mau wau stickiness nrr grr renewal renewals upsell expansion quota attainment occupancy yield
    efficiency utilisation utilization backlog p95 p99 p50 cycle lead-time response resolution
    reply first-reply escalations escalation budget price income cash runway valuation funding
    gmv orders order basket weight score rating reviews stars emissions waste accidents
    absenteeism productivity roi payback burn inventory stock delays delay sla slas tco
    contribution market nps-score reach awareness break-even profitability vulnerabilities
    violations injuries risks breaches frequency cadence turnaround duration scores ratings"""
)
# Words that turn a count into a ratio or a quality: the opposite of a vanity count.
RATE_WORDS = wordset(
    """rate ratio percentage share per retention churn conversion activation satisfaction nps csat
    ces enps active returning repeat paying paid qualified retained engaged recurring margin
    time-to-value time-to-first-value ltv cac arpu roi nrr grr mttr latency uptime accuracy
    coverage stickiness attainment utilisation utilization efficiency net"""
)
# Counts that grow with effort or popularity rather than value.
VANITY_NOUNS = wordset(
    """follower followers like likes fan fans impression impressions view views pageview pageviews
    page-view page-views visit visits visitor visitors traffic download downloads install
    installs hits mentions retweets shares subscribers registrations registered attendees
    participants signups sign-ups signup sign-up stars upvotes kudos connections clicks logins
    listens plays streams reads opens"""
)
# Countable units of effort: a number of these is an activity count.
ACTIVITY_NOUNS = wordset(
    """call calls email emails meeting meetings demo demos post posts blogpost blogposts article
    articles tweet tweets video videos podcast podcasts episode episodes webinar webinars workshop
    workshops event events session sessions presentation presentations talk talks interview
    interviews visit newsletter newsletters feature features release releases commit commits
    pr prs course courses case-study casestudies whitepaper whitepapers campaign campaigns
    outreach message messages pitch pitches proposal proposals training trainings experiment
    experiments task tasks story stories point points line lines ad ads slide slides report
    reports document documents page pages book books lesson lessons meetup meetups conference
    conferences hackathon hackathons survey surveys test tests requests times ways strategies
    approaches methods techniques options"""
)
# Work-items that become vanity when the count is of items *closed*.
WORK_ITEM_NOUNS = wordset("ticket tickets issue issues bug bugs task tasks card cards")
# Participles that turn a work-item count into effort ("tickets closed").
CLOSING_WORDS = wordset(
    """closed close resolved resolve fixed fix answered answer handled handle completed
    complete done processed process"""
)
# Words around "hours" that make it effort ("hours worked").
EFFORT_WORDS = wordset(
    """worked logged spent put invested clocked billed volunteered training practice study
    studying reading overtime"""
)
# Things a team makes: the object of a task.
DELIVERABLE_NOUNS = wordset(
    """website site app application feature tool process policy plan strategy roadmap framework
    dashboard guide documentation docs playbook system platform program programme course
    training workshop portal api integration version release mvp prototype template handbook
    wiki brand design flow page centre center library module service pipeline script crm erp
    migration infrastructure architecture database checklist curriculum newsletter campaign
    blog podcast channel office team process procedure handbook manual spec specification
    policy survey study pilot beta proposal contract partnership hub community program
    certification accreditation licence license patent knowledge-base ebook calendar budget
    scorecard benchmarking benchmark teardown forecast reforecast pack deck brief charter
    analysis review audit report rota schedule runbook catalogue catalog inventory register
    matrix model questionnaire rubric rollout roll-out redesign revamp overhaul rebuild cleanup
    clean-up relaunch rebrand rewrite makeover restructure restructuring reorganisation
    reorganization renovation refurbishment roadshow intervention initiative implementation"""
)
# States that say a deliverable exists ("help centre launched", "CRM live").
DONE_STATES = wordset(
    """live launched shipped released deployed migrated published implemented completed
    complete finished done delivered built created written rolled installed configured
    integrated established introduced adopted approved signed available operational ready
    running documented defined drafted designed developed hired trained onboarded
    automated replaced upgraded updated finalised finalized organised organized held hosted
    in-place set-up"""
)

# --- learning and performance ----------------------------------------------

LEARNING_NOUNS = wordset(
    """skill skills habit habits competence competency fluency confidence understanding knowledge
    basics fundamentals craft mentoring mentorship coaching feedback reflection reflections
    hypothesis hypotheses curiosity mindset course certification beginner capability capabilities
    expertise insight insights lessons experiment experiments prototype prototypes intuition
    assumption assumptions books"""
)
LEARNING_ADJECTIVES = wordset(
    """better comfortable confident fluent proficient familiar competent capable skilled
    effective calmer calm clearer stronger"""
)
# Evidence that a KR measures learning (practice, reflection, self-assessment).
LEARNING_EVIDENCE = wordset(
    """practice practise practised practiced feedback reflect reflection reflections
    self-assessment self-assessed self-rating self-rate journal retro retros retrospective
    hypothesis hypotheses experiment experiments learned learnt learning explain teach taught
    mentor mentoring session sessions course lesson lessons skill skills confidence rehearse
    rehearsal rubric shadow shadowed peer review assessment assessed unaided tried strategies
    strategy drills exercises kata"""
)

# --- objective wording ------------------------------------------------------

BAU_WORDS = wordset(
    "maintain continue keep sustain preserve uphold carry support manage run operate"
)

# Concept families: words that usually prove one another (objective <-> KR).
CONCEPTS: tuple[frozenset[str], ...] = (
    wordset(
        """customer customers client clients user users delight happy happier love loyal loyalty
        satisfaction satisfied nps csat churn retention retain experience support service
        reply response complaints tickets ticket onboarding activation adoption"""
    ),
    wordset(
        """revenue sales mrr arr profit profitable margin growth money income pipeline
        deals deal bookings pricing price monetise monetize upsell expansion customers
        business commercial market"""
    ),
    wordset(
        """fast faster speed quick quicker latency performance load time responsive snappy
        slow delay delays cycle lead throughput velocity"""
    ),
    wordset(
        """reliable reliability stable stability uptime availability incidents outages errors
        defects bugs quality resilient robust trust secure security vulnerabilities"""
    ),
    wordset(
        """team people engagement enps morale attrition turnover hiring hire talent culture
        wellbeing burnout retention onboarding employees staff"""
    ),
    wordset(
        """learn learning skill skills practice practise understand confident confidence
        feedback mentor course knowledge expert expertise"""
    ),
    wordset(
        """brand awareness visibility audience reach marketing content seo organic traffic
        signups leads community followers"""
    ),
    wordset("cost costs cheaper spend efficient efficiency waste savings budget lean"),
)

# --- numbers ----------------------------------------------------------------

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # the usual misspelling
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
FACTOR_WORDS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5, "half": 0.5}
# The word after a factor word that makes an idiom of it: "double down on", "doubles as".
FACTOR_IDIOM_NEXT = wordset("down up as")
MONTHS = wordset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
# The words before a number shaped like a year that make it a level to reach instead:
# "reach 2000", "hit 2000 on Chess.com" ("from" and "to" lead to years as often).
LEVEL_BEFORE_YEAR = wordset("than at about around over under below above reach hit past")
CURRENCY_SYMBOLS = {"€": "€", "$": "$", "£": "£", "¥": "¥", "₹": "₹"}
CURRENCY_CODES = {
    "eur": "€",
    "euro": "€",
    "euros": "€",
    "usd": "$",
    "dollars": "$",
    "gbp": "£",
    "pounds": "£",
}
MULTIPLIERS = {"k": 1e3, "m": 1e6, "mm": 1e6, "bn": 1e9, "b": 1e9, "million": 1e6, "thousand": 1e3}
# Indian amounts: "₹1.8 crore", "₹40 lakh".
MULTIPLIERS |= {"crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5}
TIME_UNITS = {
    "ms": "ms",
    "millisecond": "ms",
    "milliseconds": "ms",
    "s": "s",
    "sec": "s",
    "secs": "s",
    "second": "s",
    "seconds": "s",
    "min": "min",
    "mins": "min",
    "minute": "min",
    "minutes": "min",
    "h": "h",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "d": "days",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "month": "months",
    "months": "months",
}
# Units of weight, distance, volume, energy and data, glued on or spaced ("84kg", "5 km",
# "2L", "1.9 kWh", "500 GB"): the number is an amount of something measured.
MEASURE_UNITS = {unit: unit for unit in wordset("kg lb km mi cm kcal ml l kwh mwh gwh mb gb tb")}
MEASURE_UNITS |= {"kgs": "kg", "lbs": "lb"}
# Metrics where less is better: a target for them lies below where they stand.
LOWER_IS_BETTER = wordset(
    """churn attrition turnover cost costs cac cpa cpl cpc latency downtime defects defect bugs
    incidents errors complaints escalations backlog wait waits debt dso bounce refunds returns
    absence absenteeism lateness waste scrap shrinkage stockouts outages mttr mttd rework
    overdue arrears burn time times"""
)
# Words that bound a target from above or below ("under 200 ms", "at least 95%").
CEILING_WORDS = wordset("below under beneath within less fewer lower max maximum most than")
FLOOR_WORDS = wordset("above over least more greater min minimum")

# Leading words to skip before the verb ("We will", "Successfully").
FILLER = wordset(
    """we i you they our team will shall to successfully fully further significantly
    dramatically continuously consistently also then and the a an kr key result"""
)
STOPWORDS = wordset(
    """a an the of to for in on at by with from and or our my your their its is are be been
    this that these those all every each per into across within via as than so up out"""
)


def forms(base_words: Iterable[str]) -> dict[str, str]:
    """Map each inflection of each base word (launch, launches, launched, launching) to its base."""
    table: dict[str, str] = {}
    # In sorted order, so that a form two bases share ("enrolled": enrol, enroll) always
    # maps to the same one, whatever order the set of base words iterates in.
    for raw in sorted(base_words):
        base = raw.replace("_", " ").split()[0]
        variants = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing"}
        if base.endswith("e"):
            variants |= {base[:-1] + "ing", base[:-1] + "ed"}
        if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            variants |= {base[:-1] + "ies", base[:-1] + "ied"}
        short_vowel = len(base) >= 3 and base[-2] in "aeiou" and base[-3] not in "aeiou"
        if short_vowel and base[-1] not in "aeiouwxy":
            variants |= {base + base[-1] + "ed", base + base[-1] + "ing"}
        for variant in variants:
            table.setdefault(variant, base)
    bases = set(table.values())
    for form, base in IRREGULAR.items():
        if base in bases:
            table.setdefault(form, base)
    return table
