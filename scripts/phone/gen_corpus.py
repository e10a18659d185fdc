"""Writes the phone engine's reference corpora, with every verdict taken from the reference
implementation itself (Python `phonenumbers`, pinned by scripts/phone/requirements.txt):

  <out>/validity.json   "+<digits>" inputs read with no default region: parse error, or E.164,
                        is_valid_number, region_code_for_number and number_type.
  <out>/normalize.json  text read with a default region: parse error, or the E.164 form.

Both are replayed by tests/phone_corpus.rs. Run through scripts/phone/reference.sh; the
output is deterministic, so a rerun with the same reference changes nothing.

Validity cases: for every supported region and every non-geographic calling code, every
number type whose metadata has an example number: the example as given, with one digit
appended, with its last digit removed, with a digit inserted and with a digit removed at the
front of the national number; "+<code><digits>" for every 3-digit prefix none of
whose leading 1, 2 or 3 digits is an assigned calling code; and hand-written edge cases.
Then seeded pseudo-random cases (random.Random(SEED), so reproducible), appended after those:
  random digits          "+<code>" and 1 to 17 random digits for a random region or
                         non-geographic code; half the time the length is one of the
                         metadata's possible lengths, give or take one;
  random national prefix the national part starts with the region's national prefix, a
                         random match of its national_prefix_for_parsing (transform rules
                         such as Argentina's and Brazil's included) or, now and then, its
                         international prefix; then an example number, a random number of
                         its patterns or random digits; half the draws from the regions
                         with carrier codes or transform rules, and AR BR GB KZ MX RU US;
  random leading digits  a prefix from the region's leading_digits (shared calling codes),
                         from a format's leading_digits_pattern or from an example number,
                         or a whole random number of one of its patterns, with a random
                         tail to about a possible length.
Random matches of metadata patterns come from walking the pattern's parse tree (sample()).

Normalise cases: for every example number, its NATIONAL form read with its region, its
INTERNATIONAL form with its region and with none, the form dialled from a few other regions
(format_out_of_country_calling_number) read with that region, and the bare national
significant number with its region; plus hand-written cases; then seeded pseudo-random
cases (random.Random(SEED)): an example number or a random variant of it (random last
digits, one digit more or less) formatted NATIONAL (read with its region or another region
of its calling code), INTERNATIONAL (read with no region, its own or a random one), dialled
from a random region (format_out_of_country_calling_number, read with that region) or as
its bare national significant number, whose separators only are then perturbed: digit
groups merged or split, random spaces, dashes, dots, slashes and parentheses between them,
leading and trailing spaces; the digits and the "+" are kept as formatted. In scope:
ordinary digits, spaces and + - . ( ) / only; no vanity letters, extensions or tel: URIs
(forms with any other character are left out and counted in the header). The deliberately failing
hand-written cases (letters, empty text) are the only exceptions.

Usage: gen_corpus.py OUT_DIR
"""
import json
import os
import random
import re
import sys

try:  # the regular-expression parser, to draw random matches of metadata patterns
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # Python < 3.11
    import sre_constants
    import sre_parse

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType

REFERENCE = f"phonenumbers {phonenumbers.__version__}"
GENERATOR = "scripts/phone/gen_corpus.py (run by scripts/phone/reference.sh)"

# Metadata descs with example numbers, in libphonenumber's order. general_desc is tried too
# (it has no example in current metadata, so it adds nothing today).
DESCS = [
    "general_desc", "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
    "personal_number", "voip", "pager", "uan", "voicemail",
]

ERROR_NAMES = {
    getattr(NumberParseException, name): name
    for name in ("INVALID_COUNTRY_CODE", "NOT_A_NUMBER", "TOO_SHORT_AFTER_IDD", "TOO_SHORT_NSN",
                 "TOO_LONG")
}
TYPE_NAMES = {
    getattr(PhoneNumberType, name): name
    for name in dir(PhoneNumberType)
    if name.isupper() and isinstance(getattr(PhoneNumberType, name), int)
}

# Regions a number is dialled from in the normalise corpus (their international prefixes:
# 011, 00, 00, 010, 0011).
DIAL_FROM = ["US", "GB", "DE", "JP", "AU"]
NORMALIZE_CHARS = set("0123456789 +-.()/")

# The seed of the pseudo-random cases; validity and normalise each draw from their own
# random.Random(SEED), so that one can change without moving the other.
SEED = 20261122
RANDOM_DIGITS = 3000
RANDOM_NATIONAL_PREFIX = 500
RANDOM_LEADING_DIGITS = 300
RANDOM_NORMALIZE = 1500
DIGITS = "0123456789"


def error_name(e):
    try:
        return ERROR_NAMES[e.error_type]
    except KeyError:
        raise SystemExit(f"unknown NumberParseException error type {e.error_type}: {e}")


def digits(rng, n):
    return "".join(rng.choice(DIGITS) for _ in range(n))


def sample(rng, pattern):
    """A random string of digits that `pattern` (a metadata regular expression) matches
    (re.match, so from the start); unbounded repeats are drawn up to 3 beyond their minimum."""
    c = sre_constants

    def in_class(items):
        negate = any(op is c.NEGATE for op, _ in items)
        out = []
        for ch in DIGITS:
            hit = False
            for op, av in items:
                if op is c.LITERAL:
                    hit = hit or ord(ch) == av
                elif op is c.RANGE:
                    hit = hit or av[0] <= ord(ch) <= av[1]
                elif op is c.CATEGORY:
                    if av is not c.CATEGORY_DIGIT:
                        raise SystemExit(f"sample: class category {av} in {pattern!r}")
                    hit = True
                elif op is not c.NEGATE:
                    raise SystemExit(f"sample: class item {op} in {pattern!r}")
            if hit != negate:
                out.append(ch)
        if not out:
            raise SystemExit(f"sample: a class of {pattern!r} matches no digit")
        return out

    def walk(items):
        out = []
        for op, av in items:
            if op is c.LITERAL:
                out.append(chr(av))
            elif op is c.IN:
                out.append(rng.choice(in_class(av)))
            elif op is c.ANY:
                out.append(rng.choice(DIGITS))
            elif op is c.BRANCH:
                out.append(walk(rng.choice(av[1])))
            elif op is c.SUBPATTERN:
                out.append(walk(av[-1]))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, high, sub = av
                if high is c.MAXREPEAT:
                    high = low + 3
                out.extend(walk(sub) for _ in range(rng.randint(low, high)))
            elif op is c.AT:
                pass
            else:
                raise SystemExit(f"sample: {op} in {pattern!r}")
        return "".join(out)

    text = walk(sre_parse.parse(pattern))
    if not text.isdigit() and text != "" or not re.match(pattern, text):
        raise SystemExit(f"sample: drew {text!r}, which {pattern!r} does not match")
    return text


def random_length(rng, m, shortest=1, longest=17):
    """A national-number length: half the time a possible length of `m` give or take one,
    otherwise anything from 1 to 17; never outside [shortest, longest]."""
    possible = [n for n in m.general_desc.possible_length if n > 0]
    if possible and rng.random() < 0.5:
        n = rng.choice(possible) + rng.choice((-1, 0, 1))
    else:
        n = rng.randint(1, 17)
    return max(shortest, min(longest, n))


def region_examples(m):
    return [(name, getattr(m, name).example_number) for name in DESCS
            if getattr(m, name) is not None and getattr(m, name).example_number]


def region_patterns(m):
    return [(name, getattr(m, name).national_number_pattern) for name in DESCS[1:]
            if getattr(m, name) is not None and getattr(m, name).national_number_pattern]


def validity_verdict(text):
    """What the reference says of `text` read with no default region."""
    try:
        n = phonenumbers.parse(text, None)
    except NumberParseException as e:
        return {"error": error_name(e)}
    return {
        "e164": phonenumbers.format_number(n, PhoneNumberFormat.E164),
        "valid": phonenumbers.is_valid_number(n),
        "region": phonenumbers.region_code_for_number(n),
        "type": TYPE_NAMES[phonenumbers.number_type(n)],
    }


def normalize_verdict(text, region):
    try:
        n = phonenumbers.parse(text, region)
    except NumberParseException as e:
        return {"error": error_name(e)}
    return {"e164": phonenumbers.format_number(n, PhoneNumberFormat.E164)}


def territories():
    """(label, region or None for non-geographic, metadata), regions first, then codes."""
    out = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        out.append((region, region, PhoneMetadata.metadata_for_region(region)))
    for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        out.append((f"001 (+{cc})", None, PhoneMetadata.metadata_for_nongeo_region(cc)))
    for label, _, m in out:
        if m is None:
            raise SystemExit(f"no metadata for {label}")
    return out


def examples():
    """(label, region or None, desc name, example number as given, calling code)."""
    out = []
    for label, region, m in territories():
        for name in DESCS:
            d = getattr(m, name)
            if d is not None and d.example_number:
                out.append((label, region, name, d.example_number, m.country_code))
    return out


class Corpus:
    """Cases keyed by their inputs; a repeated input keeps its first verdict and adds its
    origin to `from`."""

    def __init__(self, key_fields):
        self.key_fields = key_fields
        self.cases = {}
        self.counts = {}

    def add(self, category, case):
        key = tuple(case[f] for f in self.key_fields)
        if key in self.cases:
            self.cases[key]["from"] += "; " + case["from"]
            self.counts.setdefault("duplicates merged", 0)
            self.counts["duplicates merged"] += 1
            return
        self.cases[key] = case
        self.counts[category] = self.counts.get(category, 0) + 1

    def list(self):
        return list(self.cases.values())


def validity_cases():
    corpus = Corpus(["input"])

    def add(category, origin, text):
        corpus.add(category, {"from": origin, "input": text, **validity_verdict(text)})

    # Every example number: as given, one digit longer and one digit shorter at the end, and
    # at the front of the national number (which moves it across leading-digit patterns).
    for k, (label, _, name, example, cc) in enumerate(examples()):
        e164 = f"+{cc}{example}"
        what = f"{label} {name} example"
        digit, front = str(k % 10), str((k + 5) % 10)
        add("example", what, e164)
        add("example +1 digit", f"{what} +1 digit ({digit})", e164 + digit)
        add("example -1 digit", f"{what} -1 digit", e164[:-1])
        add("example +1 digit at front", f"{what} +1 digit at front ({front})",
            f"+{cc}{front}{example}")
        add("example -1 digit at front", f"{what} -1 digit at front", f"+{cc}{example[1:]}")

    # Unassigned calling codes: every 3-digit prefix none of whose leading 1, 2 or 3 digits is
    # assigned, followed by 6 to 10 national digits (a deterministic mix).
    assigned = {str(cc) for cc in phonenumbers.COUNTRY_CODE_TO_REGION_CODE}
    for k, prefix in enumerate(str(p) for p in range(100, 1000)):
        if any(prefix[:i] in assigned for i in (1, 2, 3)):
            continue
        national = "".join(str((k + 3 * i) % 10) for i in range(6 + k % 5))
        add("unassigned code", f"unassigned prefix +{prefix}", f"+{prefix}{national}")
    # Unassigned 1- and 2-digit prefixes on their own and with few digits.
    for prefix in sorted(p for p in map(str, range(1, 100))
                         if not any(p[:i] in assigned for i in range(1, len(p) + 1))):
        add("unassigned code", f"unassigned prefix +{prefix} alone", f"+{prefix}")
        add("unassigned code", f"unassigned prefix +{prefix} with 2 digits", f"+{prefix}12")

    edge = [
        # Very short.
        ("too short", "+1"), ("too short", "+12"), ("too short", "+123"), ("too short", "+1234"),
        ("too short", "+12345"), ("too short", "+44"), ("too short", "+441"),
        ("too short", "+4412"), ("too short", "+800"), ("too short", "+8001"),
        ("too short", "+80012"), ("too short", "+39"), ("too short", "+390"),
        ("too short", "+3900"), ("too short", "+7"), ("too short", "+78"),
        # A calling code cannot start with 0.
        ("leading zero code", "+0"), ("leading zero code", "+01"),
        ("leading zero code", "+0123456789"), ("leading zero code", "+00441234567890"),
        # 17 and more national digits; the 250-character input limit.
        ("long", "+44" + "1234567890123456"), ("long", "+44" + "12345678901234567"),
        ("long", "+44" + "123456789012345678"), ("long", "+1" + "2125551234567890"),
        ("long", "+1" + "21255512345678901"), ("long", "+1" + "212555123456789012"),
        ("long", "+800" + "12345678901234567"), ("long", "+800" + "123456789012345678"),
        ("long", "+39" + "0" * 17), ("long", "+39" + "0" * 18), ("long", "+39" + "01234567890123456"),
        ("long", "+" + "1" * 249), ("long", "+" + "1" * 250),
        # A national prefix after the calling code (+7 8..., +1 1..., +44 0...).
        ("national prefix", "+789123456789"), ("national prefix", "+784951234567"),
        ("national prefix", "+78001234567"), ("national prefix", "+7891234567"),
        ("national prefix", "+79123456789"), ("national prefix", "+112125551234"),
        ("national prefix", "+11212555123"), ("national prefix", "+118002345678"),
        ("national prefix", "+1112125551234"), ("national prefix", "+4402079460857"),
        ("national prefix", "+44002079460857"), ("national prefix", "+4907012345678"),
        ("national prefix", "+33012345678"), ("national prefix", "+330612345678"),
        ("national prefix", "+610212345678"), ("national prefix", "+81090123456789"),
        # Italian leading zeros and other kept zeros.
        ("leading zeros", "+390212345678"), ("leading zeros", "+39066982"),
        ("leading zeros", "+3906698212345"), ("leading zeros", "+39000000"),
        ("leading zeros", "+3903123456789"), ("leading zeros", "+393123456789"),
        ("leading zeros", "+39312345678"), ("leading zeros", "+390549123456"),
        ("leading zeros", "+3780549123456"), ("leading zeros", "+378123456"),
        ("leading zeros", "+2250123456789"), ("leading zeros", "+22501234567"),
        ("leading zeros", "+242012345678"), ("leading zeros", "+24201234567"),
        ("leading zeros", "+2400222123456"), ("leading zeros", "+240222123456"),
        # Argentina's mobile 9, Mexico's old mobile 1, Brazil's carrier codes.
        ("transform", "+5491123456789"), ("transform", "+541123456789"),
        ("transform", "+54901123456789"), ("transform", "+549111523456789"),
        ("transform", "+5411152345678"), ("transform", "+549343155123456"),
        ("transform", "+5215512345678"), ("transform", "+525512345678"),
        ("transform", "+52155123456789"), ("transform", "+550211123456789"),
        ("transform", "+5511961234567"), ("transform", "+551196123456"),
        # Trailing extra digits on valid numbers.
        ("trailing digits", "+4420794608571"), ("trailing digits", "+44207946085712"),
        ("trailing digits", "+442079460857123"), ("trailing digits", "+1212555123456789"),
        ("trailing digits", "+121255512345"), ("trailing digits", "+4930123456789012"),
        ("trailing digits", "+861012345678901"), ("trailing digits", "+80012345678901"),
    ]
    for category, text in edge:
        add("edge", f"edge: {category}", text)

    # Seeded pseudo-random cases, after all the others.
    rng = random.Random(SEED)
    places = territories()

    def name(label, m):
        return f"+{m.country_code} ({label})"

    def wanted(category, n):
        """Draws until `category` holds n new cases (a repeat only adds to a `from`)."""
        for _ in range(10 * n):
            if corpus.counts.get(category, 0) >= n:
                return
            yield
        if corpus.counts.get(category, 0) < n:
            raise SystemExit(f"{category}: fewer than {n} distinct cases in {10 * n} draws")

    # Random national digits.
    for _ in wanted("random digits", RANDOM_DIGITS):
        label, _, m = rng.choice(places)
        n = random_length(rng, m)
        add("random digits", f"random: {name(label, m)} {n} digits",
            f"+{m.country_code}{digits(rng, n)}")

    # A national prefix (or a match of national_prefix_for_parsing, or the international
    # prefix) in front of the national number.
    prefixed = [(label, m) for label, region, m in places
                if region is not None and (m.national_prefix or m.national_prefix_for_parsing)]
    # Half the draws from regions whose national_prefix_for_parsing is more than the
    # national prefix (carrier codes, transform rules) and a few much-used ones.
    tricky = [(label, m) for label, m in prefixed
              if m.national_prefix_transform_rule
              or m.national_prefix_for_parsing not in (None, m.national_prefix)
              or label in ("AR", "BR", "GB", "KZ", "MX", "RU", "US")]
    for _ in wanted("random national prefix", RANDOM_NATIONAL_PREFIX):
        label, m = rng.choice(tricky if rng.random() < 0.5 else prefixed)
        roll = rng.random()
        if roll < 0.15 and m.international_prefix:
            kind, prefix = "international prefix", sample(rng, m.international_prefix)
        elif roll < 0.5 and m.national_prefix:
            kind, prefix = "national prefix", m.national_prefix
        elif m.national_prefix_for_parsing:
            kind = "national prefix for parsing"
            prefix = sample(rng, m.national_prefix_for_parsing)
        else:
            kind, prefix = "national prefix", m.national_prefix
        roll = rng.random()
        examples_of_m, patterns_of_m = region_examples(m), region_patterns(m)
        if roll < 0.35 and examples_of_m:
            desc, tail = rng.choice(examples_of_m)
            then = f"{desc} example"
        elif roll < 0.7 and patterns_of_m:
            desc, pattern = rng.choice(patterns_of_m)
            tail, then = sample(rng, pattern), f"random {desc}"
        else:
            tail = digits(rng, random_length(rng, m, shortest=0))
            then = f"{len(tail)} random digits"
        if rng.random() < 0.2 and tail:  # one digit more or less
            tail = tail[:-1] if rng.random() < 0.5 else tail + rng.choice(DIGITS)
            then += " ±1 digit"
        shown = prefix or "(matched empty)"
        add("random national prefix", f"random: {name(label, m)} {kind} {shown}, then {then}",
            f"+{m.country_code}{prefix}{tail}")

    # Leading digits: half the draws from regions that share their calling code.
    shared = [(label, m) for label, region, m in places
              if region is not None
              and len(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[m.country_code]) > 1]
    every = [(label, m) for label, _, m in places]
    for _ in wanted("random leading digits", RANDOM_LEADING_DIGITS):
        label, m = rng.choice(shared if rng.random() < 0.5 else every)
        formats = [pattern for f in m.number_format for pattern in f.leading_digits_pattern]
        examples_of_m, patterns_of_m = region_examples(m), region_patterns(m)
        roll = rng.random()
        if roll < 0.25 and m.leading_digits:
            kind, prefix = "region leading digits", sample(rng, m.leading_digits)
        elif roll < 0.5 and formats:
            kind, prefix = "format leading digits", sample(rng, rng.choice(formats))
        elif roll < 0.75 and examples_of_m:
            desc, example = rng.choice(examples_of_m)
            prefix = example[:rng.randint(1, max(1, len(example) - 1))]
            kind = f"{desc} example prefix"
        elif patterns_of_m:
            desc, pattern = rng.choice(patterns_of_m)
            kind, prefix = f"random {desc}", sample(rng, pattern)
            if rng.random() < 0.3:
                prefix = prefix[:-1] if rng.random() < 0.5 else prefix + rng.choice(DIGITS)
                kind += " ±1 digit"
            add("random leading digits", f"random: {name(label, m)} {kind}",
                f"+{m.country_code}{prefix}")
            continue
        else:
            kind, prefix = "random prefix", digits(rng, rng.randint(1, 3))
        n = random_length(rng, m, shortest=len(prefix))
        tail = digits(rng, n - len(prefix))
        add("random leading digits", f"random: {name(label, m)} {kind} {prefix}, "
            f"{len(tail)} random digits", f"+{m.country_code}{prefix}{tail}")
    return corpus


def normalize_cases():
    corpus = Corpus(["input", "region"])
    left_out = {}

    def add(category, origin, text, region):
        if not set(text) <= NORMALIZE_CHARS:
            left_out[category] = left_out.get(category, 0) + 1
            return
        corpus.add(category, {"from": origin, "input": text, "region": region,
                              **normalize_verdict(text, region)})

    for label, region, name, example, cc in examples():
        n = phonenumbers.parse(f"+{cc}{example}", None)
        what = f"{label} {name} example"
        if region is not None:
            add("national", f"{what}, NATIONAL",
                phonenumbers.format_number(n, PhoneNumberFormat.NATIONAL), region)
            add("international with region", f"{what}, INTERNATIONAL",
                phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL), region)
        add("international without region", f"{what}, INTERNATIONAL",
            phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL), None)
        for origin in DIAL_FROM:
            add("dialled from abroad", f"{what}, dialled from {origin}",
                phonenumbers.format_out_of_country_calling_number(n, origin), origin)
        if region is not None:
            add("national significant number", f"{what}, national significant number",
                phonenumbers.national_significant_number(n), region)

    hand = [
        ("(212) 555-1234", "US"), ("+1 (212) 555-1234", "US"), ("+1 (212) 555-1234", None),
        ("212.555.1234", "US"), ("1-212-555-1234", "US"), ("212-555-1234", "US"),
        ("2125551234", "US"), ("12125551234", "US"), ("+12125551234", None),
        ("1 (212) 555-1234", "CA"), ("011 44 20 7946 0857", "US"), ("+1 212 555 1234", "GB"),
        ("020 7946 0857", "GB"), ("+44 20 7946 0857", None), ("+44 (0) 20 7946 0857", None),
        ("+44 (0)20 7946 0857", "GB"), ("0044 20 7946 0857", "GB"), ("00 1 212 555 1234", "GB"),
        ("07400 123456", "GB"), ("8 (912) 345-67-89", "RU"), ("+7 (912) 345-67-89", "RU"),
        ("8 912 345 67 89", "KZ"), ("8 10 44 20 7946 0857", "RU"), ("030/12345678", "DE"),
        ("030 123456-78", "DE"), ("(030) 1234 5678", "DE"), ("06 12 34 56 78", "FR"),
        ("06.12.34.56.78", "FR"), ("02 1234 5678", "IT"), ("+39 02 1234 5678", None),
        ("312 345 6789", "IT"), ("011 15-2345-6789", "AR"), ("11 2345-6789", "AR"),
        ("+54 9 11 2345-6789", None), ("03-1234-5678", "JP"), ("090-1234-5678", "JP"),
        ("(11) 91234-5678", "BR"), ("0 21 11 91234-5678", "BR"), ("044 55 1234 5678", "MX"),
        ("55 1234 5678", "MX"), ("(02) 9876 5432", "AU"), ("0412 345 678", "AU"),
        ("010-1234-5678", "KR"), ("138 0013 8000", "CN"), ("98765 43210", "IN"),
        ("800 1234 5678", "001"), ("+800 1234 5678", None),
        # Leading and trailing spaces.
        ("  (212) 555-1234  ", "US"), ("   +44 20 7946 0857", None), ("020 7946 0857   ", "GB"),
        # Digits only, short and long.
        ("12", "US"), ("123", "US"), ("0", "GB"), ("00", "GB"), ("011", "US"), ("011 4", "US"),
        ("+", None), ("+4", None), ("1234567890123456789", "US"),
        ("+1 212 555 1234 5678 9012 3456", None),
    ]
    # Must fail: letters only, empty, unknown or missing region with national input.
    must_fail = [
        ("hello", "US"), ("call me", "GB"), ("", "US"), ("1", "US"),
        ("(212) 555-1234", "XX"), ("(212) 555-1234", None), ("020 7946 0857", None),
        ("2125551234", None),
    ]
    for text, region in hand:
        add("hand-written", "hand-written", text, region)
    for text, region in must_fail:
        verdict = normalize_verdict(text, region)
        if "error" not in verdict:
            raise SystemExit(f"{text!r} with {region} was meant to fail, but parses: {verdict}")
        corpus.add("hand-written, must fail", {"from": "hand-written, must fail", "input": text,
                                               "region": region, **verdict})

    # Seeded pseudo-random cases: formatted example numbers (or variants) with their
    # separators perturbed.
    rng = random.Random(SEED)
    every_example = examples()
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    for _ in range(10 * RANDOM_NORMALIZE):
        if corpus.counts.get("random", 0) >= RANDOM_NORMALIZE:
            break
        label, region, desc, example, cc = rng.choice(every_example)
        what = f"{label} {desc} example"
        roll = rng.random()
        if roll < 0.3:
            k = rng.randint(1, min(4, len(example)))
            example = example[:-k] + digits(rng, k)
            what += f", last {k} digits random"
        elif roll < 0.45:
            example = example[:-1] if rng.random() < 0.5 else example + rng.choice(DIGITS)
            what += ", ±1 digit"
        n = phonenumbers.parse(f"+{cc}{example}", None)
        roll = rng.random()
        if roll < 0.3 and region is not None:
            read_with = region
            siblings = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[cc]
            if len(siblings) > 1 and rng.random() < 0.3:
                read_with = rng.choice(siblings)
            form = "NATIONAL"
            text = phonenumbers.format_number(n, PhoneNumberFormat.NATIONAL)
        elif roll < 0.55:
            read_with = rng.choice([None, region, rng.choice(regions)])
            form = "INTERNATIONAL"
            text = phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL)
        elif roll < 0.9 or region is None:
            read_with = rng.choice(regions)
            form = f"dialled from {read_with}"
            text = phonenumbers.format_out_of_country_calling_number(n, read_with)
        else:
            read_with = region
            form = "national significant number"
            text = phonenumbers.national_significant_number(n)
        if not set(text) <= NORMALIZE_CHARS:
            left_out["random"] = left_out.get("random", 0) + 1
            continue
        add("random", f"random: {what}, {form}, separators perturbed",
            perturb(rng, text), read_with)
    else:
        raise SystemExit(f"random: fewer than {RANDOM_NORMALIZE} distinct cases")
    return corpus, left_out


def perturb(rng, text):
    """`text` with the same digits (and "+", if it starts with one) but other separators:
    its digit groups merged or split at random, joined by random separators, one of them
    perhaps in parentheses, and perhaps leading and trailing spaces."""
    plus = text.lstrip().startswith("+")
    groups = re.findall(r"\d+", text)
    roll = rng.random()
    if len(groups) == 1:  # the bare digits: cut into 2 to 4 groups
        g = groups[0]
        cuts = sorted(rng.sample(range(1, len(g)), min(len(g) - 1, rng.randint(1, 3))))
        groups = [g[i:j] for i, j in zip([0] + cuts, cuts + [len(g)])]
    elif roll < 0.3:  # merge some neighbouring groups
        merged = [groups[0]]
        for g in groups[1:]:
            if rng.random() < 0.5:
                merged[-1] += g
            else:
                merged.append(g)
        groups = merged
    elif roll < 0.6:  # split some groups
        split = []
        for g in groups:
            if len(g) >= 2 and rng.random() < 0.4:
                at = rng.randint(1, len(g) - 1)
                split += [g[:at], g[at:]]
            else:
                split.append(g)
        groups = split
    separators = [" ", "-", ".", "", "  ", " - ", "/", "-", " "]
    if rng.random() < 0.5:
        one = rng.choice(separators)
        seps = [one] * len(groups)
    else:
        seps = [rng.choice(separators) for _ in groups]
    if len(groups) > 1 and rng.random() < 0.3:
        k = rng.randrange(len(groups) - 1)
        groups[k] = f"({groups[k]})"
        seps[k + 1] = rng.choice([" ", "", " ", "-"])
    out = ""
    if plus:
        out = "+" + rng.choice(["", "", "", " "])
    out += groups[0]
    for g, sep in zip(groups[1:], seps[1:]):
        out += sep + g
    if rng.random() < 0.15:
        out = " " * rng.randint(1, 3) + out
    if rng.random() < 0.15:
        out += " " * rng.randint(1, 3)
    return out


def write(path, header, cases):
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(' "header": ' + json.dumps(header, ensure_ascii=False, indent=1)
                .replace("\n", "\n ") + ",\n")
        f.write(' "cases": [\n')
        for i, case in enumerate(cases):
            sep = "," if i + 1 < len(cases) else ""
            f.write("  " + json.dumps(case, ensure_ascii=False) + sep + "\n")
        f.write(" ]\n}\n")


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)

    validity = validity_cases()
    cases = validity.list()
    if len(cases) < 4000:
        raise SystemExit(f"validity corpus has {len(cases)} cases, fewer than 4000")
    write(os.path.join(out_dir, "validity.json"), {
        "reference": REFERENCE,
        "generator": GENERATOR,
        "seed": SEED,
        "what": "phonenumbers.parse(input, None); then format_number(E164), is_valid_number, "
                "region_code_for_number, number_type; or the NumberParseException type",
        "cases": len(cases),
        "counts": validity.counts,
    }, cases)

    normalize, left_out = normalize_cases()
    ncases = normalize.list()
    write(os.path.join(out_dir, "normalize.json"), {
        "reference": REFERENCE,
        "generator": GENERATOR,
        "seed": SEED,
        "what": "format_number(phonenumbers.parse(input, region), E164); or the "
                "NumberParseException type",
        "scope": "national and international text with a default region: digits, spaces and "
                 "+ - . ( ) / only (no vanity letters, extensions or tel: URIs), except the "
                 "hand-written cases that must fail",
        "cases": len(ncases),
        "counts": normalize.counts,
        "left out (characters outside the scope)": left_out,
    }, ncases)

    print(f"{out_dir}/validity.json: {len(cases)} cases {validity.counts}")
    print(f"{out_dir}/normalize.json: {len(ncases)} cases {normalize.counts}; left out {left_out}")


if __name__ == "__main__":
    main(sys.argv[1])
