#!/usr/bin/env python3
"""Writes deploy/reference/service-areas.json, the service-area table the services load
(SERVICE_AREAS_FILE), from the official administrative divisions after the 2025
reorganisation (PyPI's vietnam-provinces, pinned in scripts/check-deploy.sh) and the
branch mapping deploy/reference/service-area-branches.json: every commune and ward of each
province the corporation serves, its name and province as published, urban for a ward
(phường) and rural for a commune or special zone (xã, đặc khu), and the branch the mapping
names for it (its own entry, else its province's branch).

    scripts/check-deploy.sh --write-service-areas   # write the table
    scripts/check-deploy.sh                         # checks that the committed table is this one

(check-deploy's virtualenv holds the package.)
"""
import argparse
import json
import sys
from pathlib import Path

import vietnam_provinces
from vietnam_provinces import Province, VietNamDivisionType, Ward

ROOT = Path(__file__).resolve().parents[2]
MAPPING = ROOT / "deploy/reference/service-area-branches.json"
TABLE = ROOT / "deploy/reference/service-areas.json"

AREA_CLASS = {
    VietNamDivisionType.PHUONG: "urban",
    VietNamDivisionType.XA: "rural",
    VietNamDivisionType.DAC_KHU: "rural",
}


def province_name(province: Province) -> str:
    """The name customers write: `Đà Nẵng`, not `Thành phố Đà Nẵng`."""
    return province.name.removeprefix("Thành phố ")


def build(mapping: dict) -> list[dict]:
    if mapping["divisionsVersion"] != vietnam_provinces.__data_version__:
        sys.exit(f"service-areas: the mapping was written for divisions {mapping['divisionsVersion']}, "
                 f"the package has {vietnam_provinces.__data_version__}: review the mapping, then update it")
    branches = {entry["provinceCode"]: entry["branch"] for entry in mapping["provinces"]}
    overrides = {entry["communeCode"]: entry["branch"] for entry in mapping["communes"]}
    provinces = {p.code.value: p for p in Province.iter_all()}
    unknown = sorted(set(branches) - set(provinces))
    if unknown:
        sys.exit(f"service-areas: no province has the code {unknown}")
    areas = []
    for ward in Ward.iter_all():
        code = ward.province_code.value
        if code not in branches:
            continue
        commune = f"{ward.code.value:05d}"
        areas.append({
            "communeCode": commune,
            # The published data has stray double spaces (`Phường  Tân Lập`).
            "communeName": " ".join(ward.name.split()),
            "province": province_name(provinces[code]),
            "branch": overrides.pop(commune, branches[code]),
            "areaClass": AREA_CLASS[ward.division_type],
        })
    if overrides:
        sys.exit(f"service-areas: the mapping names communes outside the served provinces: {sorted(overrides)}")
    return sorted(areas, key=lambda area: area["communeCode"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table instead of writing it")
    args = parser.parse_args()
    text = json.dumps(build(json.loads(MAPPING.read_text())), ensure_ascii=False, indent=2) + "\n"
    if args.check:
        if TABLE.read_text() != text:
            print(f"service-areas: {TABLE.relative_to(ROOT)} is not what the mapping and the divisions give: "
                  "run scripts/check-deploy.sh --write-service-areas", file=sys.stderr)
            return 1
        return 0
    TABLE.write_text(text)
    print(f"service-areas: wrote {TABLE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
