"""Writes src/phone/metadata.json: the part of libphonenumber's metadata that parsing and
validation read, taken from the reference implementation itself (Python `phonenumbers`),
so that the engine and the reference read the same data.

Run through scripts/phone/reference.sh, which pins the reference version.
"""
import json
import sys

import phonenumbers
from phonenumbers import PhoneMetadata

DESCS = [
    "general_desc", "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
    "personal_number", "voip", "pager", "uan", "voicemail",
]


def desc(d):
    if d is None:
        return None
    return {
        "pattern": d.national_number_pattern,
        "lengths": list(d.possible_length or []),
        "local": list(d.possible_length_local_only or []),
    }


def territory(m, region):
    return {
        "region": region,
        "country_code": m.country_code,
        "international_prefix": m.international_prefix,
        "national_prefix_for_parsing": m.national_prefix_for_parsing,
        "national_prefix_transform_rule": m.national_prefix_transform_rule,
        "leading_digits": m.leading_digits,
        "same_mobile_and_fixed_line_pattern": bool(m.same_mobile_and_fixed_line_pattern),
        "descs": {name: desc(getattr(m, name)) for name in DESCS},
    }


def main(out_path):
    territories = []
    for cc, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        for region in regions:
            if region == "001":
                m = PhoneMetadata.metadata_for_nongeo_region(cc)
            else:
                m = PhoneMetadata.metadata_for_region(region)
            if m is None:
                raise SystemExit(f"no metadata for {region} (+{cc})")
            territories.append(territory(m, region))
    doc = {
        "source": f"phonenumbers {phonenumbers.__version__} (Python port of Google's libphonenumber)",
        "version": phonenumbers.__version__,
        "territories": territories,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{out_path}: {len(territories)} territories, phonenumbers {phonenumbers.__version__}")


if __name__ == "__main__":
    main(sys.argv[1])
