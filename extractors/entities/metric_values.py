"""Metric values as papers write them: a number with a unit (`%`, `x`, `times`, `pp`,
`percentage points`, `points`, `ms`, `0.16s`, `dB`, `GB`) — a bare number only where the phrasing is tight (`to 7.43`),
never a year; a hedge before it (`up to`, `an average of`); ranges and pairs kept whole
(`6-33%`, `0.54% to 2.90%`, `13.9%/15.3%`, `215 ms +/- 18 ms`), `~3.7x`, `83.43 percent`; but
`from 0.68 to 0.73` and `MAE 0.87 to 0.73` are changes whose value is the one reached.

The pattern pieces (NUM, UNIT, VALUE, HEDGE, CHANGE) are shared by the pairing rules
(metric_pairing.py) and the phrase rules (metric_phrases.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

NUM = r"[+\-−]?\s?\$?\d+(?:[.,]\d+)*"
UNIT = (
    r"(?:\s?\\?%\s+points?\b|\s?\\?%|\s?(?:x|×|X|\$?\\times\$?)(?![\w])(?!\s*\{?10\^)|\s?times\b|\s?-?fold\b|\s?pp\b|\s?pt\b|"
    r"\s(?:percentage\s+points?|points?|pts?|bps|basis\s+points|percent)\b|\s?(?:ms|Mbps|dB|GB|MB)\b|(?<=\d)s\b|\s(?:seconds|sec)\b)"
)
# a range or a pair as one value: `6-33%`, `88%-93%`, `0.54% to 2.90%`, `13.9%/15.3%`
RANGE = rf"(?:\s?(?:--|[-–/]|±|\+/-|\$\\pm\$)\s?|\s+to\s+\+?)\d+(?:[.,]\d+)*(?:{UNIT})?"
# `$0.579$`, `$1.66\times$`, `$4.84\pm2.17$`: a number in TeX, whose `$` is no dollar
TEX_OPEN = r"(?P<tex>\$(?=[+\-−]?\d[\d.,]*(?:\\?%)?\$|[+\-−]?\d[\d.,]*\\(?:times|pm)))?"
VALUE = rf"(?P<approx>~\s?)?{TEX_OPEN}(?P<num>{NUM})(?P<unit>{UNIT})?(?P<upper>{RANGE})?"
HEDGE = (
    r"(?:(?:up\s*to|upto|only|just|merely|close\s+to|over|about|around|approximately|nearly|almost|roughly|more\s+than|at\s+least|as\s+(?:much|low|high|little|many)\s+as|"
    r"an?\s+(?:average|maximum|overall|relative|absolute|total)(?:\s+(?:improvement|gain|increase))?\s+of|"
    r"(?:an\s+)?average(?:\s+of)?)\s*)*"
)
CHANGE = (
    r"(?:(?:relative|absolute|overall|significant|average|online|offline|substantial|notable|consistent|"
    r"maximum|total|performance|\w+ly)\s+)*(?:improvements?|increases?|gains?|lifts?|boosts?|uplifts?|growth|reductions?|"
    r"decreases?|drops?|declines?|rises?|enhancements?|increments?)"
)
# `93` of `93-100%`, `97.6-` of `97.6--100%`, `1.59$\times$--` of `1.59$\times$--4.42$\times$`
LOWER_END = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\\?%|x|\$\\times\$)?(?:--|[-–])$")
LOWER_END_WINDOW = 20
TO_SEP = re.compile(r"\s+to\s")
# what makes `A to B` a range: `ranging from`, `between`, a change given as one (`by`, `of`)
RANGED = re.compile(
    rf"\b(?:rang\w*(?:\s+from)?|vary\w*(?:\s+from)?|between|by|of|is|are|was|were|improvements?|gains?|increases?|reductions?)\s+{HEDGE}$"
)
UPPER_VALUE = re.compile(rf"(?P<num>\d+(?:[.,]\d+)*)(?P<unit>{UNIT})?$")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"^(?:19|20)\d\d$")
VALUE_ANYWHERE = re.compile(rf"(?=[-+−\s$\d])(?<![\w.@])(?P<num>{NUM})(?P<unit>{UNIT})")
ASCII_DIGITS = "0123456789"


def clean_value(num: str, unit: str | None) -> tuple[str, str | None]:
    """`+ 20.00`, `%` -> (`+20.00%`, `%`); `1.7`, `times` -> (`1.7times`, `x`)."""
    num = num.replace(" ", "").replace("−", "-")
    unit_text = (unit or "").strip().replace("\\", "")
    if not unit_text:
        return num, None
    low = unit_text.lower()
    if low == "%":
        return num + "%", "%"
    if low in ("x", "×", "$times$", "times$"):  # `$\times$`, `\times$` without the backslash
        return num.replace("$", "") + "x", "x"  # `$3.46\times$`: a TeX `$`, no dollar
    if low in ("times", "fold", "-fold"):
        return num + (unit or "").replace(" ", "") if not (unit or "").startswith(" ") else f"{num} {unit_text}", "x"
    if low == "pp" or low.startswith("percentage"):
        return (num + "pp" if low == "pp" else f"{num} {unit_text}"), "pp"
    return f"{num} {unit_text}", low


def tex_times(raw: str) -> str:
    """`1.59$\\times$`, `$2.66-3.49\\times$`, `16.84 $\\pm$ 4.37` -> `1.59x`, `2.66-3.49x`, `16.84 ± 4.37`."""
    if "\\times" not in raw and "\\pm" not in raw:
        return raw
    return raw.replace("$\\times$", "x").replace("\\times", "x").replace("$\\pm$", "±").replace("$", "")


def value_of(match: re.Match[str]) -> tuple[str, str | None]:
    """A value match as written: `~3.7x`, a range `6-33%` or `0.54% to 2.90%` whole;
    but `accuracy 0.80 to 0.96`, `from 0.33 to 0.91` is a change, the value reached."""
    upper = match.groupdict().get("upper")
    if (
        upper
        and TO_SEP.match(upper)
        and not RANGED.search(match.string, max(0, match.start("num") - 40), match.start("num"))
    ):
        reached = UPPER_VALUE.search(upper)
        if reached is not None:
            return clean_value(reached.group("num"), reached.group("unit") or match.group("unit"))
    if not upper:
        value, unit = clean_value(match.group("num"), match.group("unit"))
    else:
        raw = match.string[match.start("num") : match.end("upper")]
        value = " ".join(tex_times(raw).replace("\\", "").replace("−", "-").split())
        last = re.search(UNIT + "$", upper) or re.search(UNIT + "$", match.group("unit") or "")
        unit = clean_value("0", last.group())[1] if last else None
    return ("~" + value if match.groupdict().get("approx") else value), unit


def unit_of(match: re.Match[str]) -> str | None:
    """The unit a value match has, on its first number or on the end of its range."""
    upper = match.groupdict().get("upper")
    if upper:
        last = re.search(UNIT + "$", upper)
        if last:
            return last.group()
    return match.group("unit")


def plausible(num: str, unit: str | None, tight: bool) -> bool:
    """A number that can be a metric value: with a unit, or a decimal in tight phrasing."""
    if unit and unit.strip():
        return True
    digits = num.lstrip("+-−$ ")
    if "$" in num or num.lstrip()[:1] == "+" and "." in digits:
        return True  # money, or a signed change: `by +4.04`
    return tight and "." in digits and not YEAR.match(digits)


def lower_end(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """The lower end of the range a value found alone closes: `93-` of `93-100%`."""
    signed = match.group("num").startswith("-")  # `97.6--100%`: the second `-` read as a sign
    return LOWER_END.search(text, max(0, match.start() - LOWER_END_WINDOW), match.start("num") + signed)


def whole_value(text: str, match: re.Match[str]) -> tuple[str, str | None]:
    """A value found alone, with the lower end of its range: `93-100%`, not `-100%`."""
    lower = lower_end(text, match)
    if lower is None:
        return clean_value(match.group("num"), match.group("unit"))
    value = " ".join(tex_times(text[lower.start() : match.end()]).replace("\\", "").split())
    return value, clean_value("0", match.group("unit"))[1]


def has_digit(text: str) -> bool:
    """`DIGIT.search(text)`, by ten substring searches (C memchr) where the text is ASCII."""
    if text.isascii():
        return any(map(text.__contains__, ASCII_DIGITS))
    return DIGIT.search(text) is not None


def values_anywhere(text: str) -> Iterator[re.Match[str]]:
    """`VALUE_ANYWHERE.finditer(text)`, tried only where a value can start. A value's
    first digit begins a run of digits, and at most a sign, a blank and `$` come before
    it; so for an ASCII text the runs are found by substring search and the pattern is
    tried at the three characters before each (the scan over every character cost as
    much as all the other metric rules)."""
    if not text.isascii():
        yield from VALUE_ANYWHERE.finditer(text)
        return
    digits: list[int] = []
    for digit in ASCII_DIGITS:
        at = text.find(digit)
        while at >= 0:
            digits.append(at)
            at = text.find(digit, at + 1)
    digits.sort()
    end = 0
    for at in digits:
        if at < end or at and text[at - 1].isdigit():
            continue  # inside the last value, or not the first digit of a run
        for start in range(max(end, at - 3), at + 1):
            match = VALUE_ANYWHERE.match(text, start)
            if match is not None:
                yield match
                end = match.end()
                break
