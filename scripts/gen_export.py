#!/usr/bin/env python3
"""Write a synthetic provincial export (CSV) shaped like real 政务服务网
实施清单 exports, for tests and benchmarks. See tests/import/gd/SOURCES.md
for the public examples the field names and value forms follow.

Everything is synthetic: item codes, credit codes and texts are made up
(credit codes are well-formed, with a valid GB 32100 check character, but
belong to no real body); region codes and names are the real GB/T 2260 ones
from data/divisions.csv, so that `tongbiao init --province 440000` fits.

Usage:
  scripts/gen_export.py --items 60 --regions small > tests/import/gd/export.csv
  scripts/gen_export.py --records 100000 > /tmp/export-100k.csv
"""

import argparse
import csv
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DIVISIONS = os.path.join(HERE, "..", "data", "divisions.csv")

CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"

FIELDS = [
    "基本编码", "实施编码", "业务办理项名称", "事项名称", "事项类型", "行政区划代码", "实施主体",
    "主管部门", "行使层级", "设定依据", "服务对象", "受理条件", "申请材料", "法定办结时限",
    "承诺办结时限", "办件类型", "是否收费", "办理结果", "到办事现场次数", "网上办理深度",
    "是否进驻政务服务中心", "办理地点", "办理时间", "咨询电话", "投诉电话",
]

# (department as the export names it (provincial body), short name for agencies)
DEPTS = [
    ("广东省市场监督管理局", "市场监督管理局"),
    ("广东省人力资源和社会保障厅", "人力资源和社会保障局"),
    ("广东省民政厅", "民政局"),
    ("广东省卫生健康委员会", "卫生健康局"),
    ("广东省教育厅", "教育局"),
    ("广东省交通运输厅", "交通运输局"),
    ("广东省住房和城乡建设厅", "住房和城乡建设局"),
    ("广东省文化和旅游厅", "文化广电旅游体育局"),
]

# Type names with the codes the export's 基本编码 uses: this export codes
# 其他行政权力 as 20 and 公共服务 as 21 (another province's list), where the
# national list has 10 and 20.
TYPES = [("行政许可", "01"), ("行政确认", "07"), ("行政给付", "05"), ("其他行政权力", "20"), ("公共服务", "21")]

ACTS = ["设立", "变更", "备案", "证明", "补贴申领", "资格认定", "登记", "年度报告", "信息查询", "咨询"]
HANDLING = [("01", "新设"), ("02", "变更"), ("03", "延续"), ("04", "注销")]


def check_char(first17):
    w, s = 1, 0
    for c in first17:
        s += CREDIT.index(c) * w
        w = w * 3 % 31
    return CREDIT[(31 - s % 31) % 31]


def credit_code(region, name):
    h = zlib.crc32(name.encode()) % 10**7
    first17 = "11" + region + "MB" + f"{h:07d}"
    return first17 + check_char(first17)


def regions(which):
    rows = []
    with open(DIVISIONS, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["status"] == "在用" and r["code"].startswith("44"):
                rows.append((r["code"], r["name"], r["level"]))
    if which == "small":
        keep = {"440000", "440100", "440300", "440600", "441900", "440103", "440104", "440106", "440305", "440604"}
        rows = [r for r in rows if r[0] in keep]
    return rows


def level_digit(level):
    return {"省级": "2", "地级": "3", "县级": "4"}[level]


def level_name(level):
    return {"省级": "省级", "地级": "市级", "县级": "县级"}[level]


def items(n):
    out = []
    for i in range(n):
        tname, tcode = TYPES[i % len(TYPES)]
        dept = i % len(DEPTS)
        national = i % 3 == 0
        area = "00" if national else "44"
        # national items keep the national type code; this province's own use its list
        tc = {"其他行政权力": "10", "公共服务": "20"}.get(tname, tcode) if national else tcode
        code = f"{area}{tc}{dept + 1:02d}{i + 1:03d}000"
        name = DEPTS[dept][1].replace("局", "") + ACTS[i % len(ACTS)] + ("服务" if tname == "公共服务" else "")
        out.append({"i": i, "code": code, "name": f"{name}（{i + 1}）", "type": tname, "dept": dept})
    return out


def statutory(it):
    i = it["i"]
    if it["type"] == "公共服务":
        return "无" if i % 2 else "无（法律法规未规定）"
    return ["20个工作日", "20(工作日)", "30个自然日", "即办", "15个工作日"][i % 5]


def promised(it, region_idx):
    s = statutory(it)
    if s == "即办":
        return "即办"
    if s.startswith("无"):
        return "5个工作日"
    return ["10个工作日", "5个工作日", "8个工作日"][(it["i"] + region_idx) % 3] if "工作日" in s else "15个自然日"


def record(it, reg, ridx, handling=None):
    code, rname, level = reg
    i = it["i"]
    dept_full, dept_short = DEPTS[it["dept"]]
    agency = (rname if level != "省级" else "广东省") + (dept_short if level != "省级" else dept_full[3:])
    ic = credit_code(code, agency) + level_digit(level) + it["code"]
    rec = {k: "" for k in FIELDS}
    rec.update({
        "基本编码": it["code"],
        "实施编码": ic + (handling[0] if handling else ""),
        "业务办理项名称": handling[1] if handling and i % 7 else "",
        "事项名称": it["name"],
        "事项类型": it["type"],
        "行政区划代码": code,
        "实施主体": agency,
        "主管部门": dept_full,
        "行使层级": level_name(level),
        "设定依据": "《中华人民共和国行政许可法》" if it["type"] == "行政许可" else "《广东省政务服务事项管理办法（示例）》",
        "服务对象": "自然人、企业法人" if i % 2 else "自然人",
        "受理条件": "无" if it["type"] == "公共服务" and i % 4 == 1 else "1.申请人具有完全民事行为能力。2.申请材料齐全。",
        "申请材料": "无" if it["type"] == "公共服务" and i % 4 == 3 else "居民身份证、申请表",
        "法定办结时限": statutory(it),
        "承诺办结时限": promised(it, ridx),
        "办件类型": "" if i % 11 == 5 else ("即办件" if statutory(it) == "即办" else "承诺件"),
        "是否收费": "" if i % 13 == 6 else "否",
        "办理结果": "" if it["type"] == "公共服务" else it["name"].split("（")[0] + "决定书",
        "到办事现场次数": "0" if i % 2 else "1",
        "网上办理深度": "Ⅳ级" if i % 2 else "Ⅲ级",
        "是否进驻政务服务中心": "" if level == "县级" and (i + ridx) % 3 == 0 else "是",
        "办理地点": "/" if (i + ridx) % 9 == 4 else f"{rname}政务服务中心",
        "办理时间": "法定工作日",
        "咨询电话": "暂无" if (i + ridx) % 8 == 2 else "12345",
        "投诉电话": "12345",
    })
    if rec["到办事现场次数"] == "1":
        rec["到办事现场次数"] = "0" if rec["网上办理深度"] == "Ⅳ级" else "1"
    return rec


def levels_of(it):
    # provincial items: province only; others: cities and counties
    return {"省级"} if it["i"] % 5 == 0 else {"地级", "县级"}


def generate(n_items, which, limit):
    regs = regions(which)
    count = 0
    for it in items(n_items):
        lv = levels_of(it)
        for ridx, reg in enumerate(r for r in regs if r[2] in lv):
            split = it["type"] == "行政许可" and it["i"] % 4 == 0
            for h in (HANDLING if split else [None]):
                yield record(it, reg, ridx, h)
                count += 1
                if limit and count >= limit:
                    return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=60)
    ap.add_argument("--regions", choices=["small", "all"], default="small")
    ap.add_argument("--records", type=int, default=0, help="stop after this many (benchmark: uses all regions and enough items)")
    ap.add_argument("--broken", action="store_true", help="append records without 基本编码 or region (must fail)")
    a = ap.parse_args()
    if a.records:
        a.regions = "all"
        a.items = max(a.items, a.records // 100 + 1)
    w = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    for r in generate(a.items, a.regions, a.records):
        w.writerow(r)
    if a.broken:
        it = items(1)[0]
        bad = record(it, ("440100", "广州市", "地级"), 0)
        bad["行政区划代码"] = ""
        bad["实施主体"] = "某某中心"
        w.writerow(bad)
        bad = record(it, ("440300", "深圳市", "地级"), 0)
        bad["基本编码"] = ""
        bad["实施编码"] = ""
        w.writerow(bad)


if __name__ == "__main__":
    main()
