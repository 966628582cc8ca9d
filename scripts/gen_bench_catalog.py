#!/usr/bin/env python3
"""Build a large synthetic catalog from the shipped one, for benchmarks.

    python3 scripts/gen_bench_catalog.py 100000 /tmp/tongbiao-bench/catalog

Copies the registries (regions, departments, agencies, materials) and
clones every base item with new codes (NNN = 100 + copy, SSS = item index) and a
distinct name, together with all of its local files, until about N files
exist. The clones are as valid as the originals, so the run measures a
clean catalog of realistic files. rules/ is copied beside the output.
"""

import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "catalog")


def main() -> None:
    target_files = int(sys.argv[1])
    out = os.path.abspath(sys.argv[2])
    if os.path.realpath(out) == os.path.realpath(SRC):
        sys.exit("refusing to write the shipped catalog: this script only builds benchmark catalogs")
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(SRC, out, ignore=shutil.ignore_patterns("items", "local", "bundles"))
    rules_out = os.path.join(os.path.dirname(out), "rules")
    if os.path.exists(rules_out):
        shutil.rmtree(rules_out)
    shutil.copytree(os.path.join(ROOT, "rules"), rules_out)
    items = {}
    for name in sorted(os.listdir(os.path.join(SRC, "items"))):
        with open(os.path.join(SRC, "items", name), encoding="utf-8") as f:
            items[name[:-5]] = json.load(f)
    locals_by_item = {}
    for region in sorted(os.listdir(os.path.join(SRC, "local"))):
        for name in sorted(os.listdir(os.path.join(SRC, "local", region))):
            with open(os.path.join(SRC, "local", region, name), encoding="utf-8") as f:
                locals_by_item.setdefault(name[:-5], []).append((region, json.load(f)))
    os.makedirs(os.path.join(out, "items"))
    written = sum(len(files) for _, _, files in os.walk(out))
    copy = 0
    while written < target_files:
        for idx, (code, item) in enumerate(items.items()):
            if written >= target_files:
                break
            # Unique: (type, department) kept, NNN = 100 + copy, SSS = the
            # original item's index.
            new_code = code[:6] + f"{100 + copy:03d}" + f"{idx:03d}"
            clone = dict(item, code=new_code, name=f"{item['name']}（压测副本{copy}）")
            write(os.path.join(out, "items", new_code + ".json"), clone)
            written += 1
            for region, local in locals_by_item.get(code, []):
                write(os.path.join(out, "local", region, new_code + ".json"), dict(local, item=new_code))
                written += 1
        copy += 1
    print(f"wrote {written} files under {out}")


def write(path: str, value) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
