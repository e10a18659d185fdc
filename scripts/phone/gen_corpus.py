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

Normalise cases: for every example number, its NATIONAL form read with its region, its
INTERNATIONAL form with its region and with none, the form dialled from a few other regions
(format_out_of_country_calling_number) read with that region, and the bare national
significant number with its region; plus hand-written cases. In scope: ordinary digits,
spaces and + - . ( ) / only; no vanity letters, extensions or tel: URIs (forms with any
other character are left out and counted in the header). The deliberately failing
hand-written cases (letters, empty text) are the only exceptions.

Usage: gen_corpus.py OUT_DIR
"""
import json
import os
import sys

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


def error_name(e):
    try:
        return ERROR_NAMES[e.error_type]
    except KeyError:
        raise SystemExit(f"unknown NumberParseException error type {e.error_type}: {e}")


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
    return corpus, left_out


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
