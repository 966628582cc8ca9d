#!/usr/bin/env python3
"""Generate the shipped Qinghai catalog under catalog/ (standard library only).

    python3 scripts/gen_catalog.py            # (re)write catalog/ data files
    python3 scripts/gen_catalog.py --check    # validate the files on disk

Output is deterministic: the same script always writes the same bytes
(UTF-8, 2-space indented JSON, ensure_ascii=False, trailing newline, keys in
the order of the Rust struct fields in src/catalog/*.rs). catalog/schema/ and
catalog/README.md are never touched by this script: the schemas are generated
by `tongbiao`, and the README is maintained by hand.

Content rules followed by the data below (see the report that came with it):
public facts only; no street addresses, phone numbers other than 12345,
credit codes, fees or article numbers that are not certain. Laws are cited by
name where the article number is not certain.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "catalog")
UPDATED = "2026-11-01"
VERSION = 1
ONLINE_ADDRESS = "青海政务服务网（「青松办」App）"

# ---------------------------------------------------------------------------
# Code lists
# ---------------------------------------------------------------------------

ITEM_TYPES = [
    ("01", "行政许可", True),
    ("02", "行政处罚", False),
    ("03", "行政强制", False),
    ("04", "行政征收", False),
    ("05", "行政给付", True),
    ("06", "行政检查", False),
    ("07", "行政确认", True),
    ("08", "行政奖励", True),
    ("09", "行政裁决", True),
    ("10", "其他行政权力", True),
    ("20", "公共服务", True),
]
TYPE_CODE = {name: code for code, name, _ in ITEM_TYPES}

# ---------------------------------------------------------------------------
# Regions (GB/T 2260; domain.md §4)
# ---------------------------------------------------------------------------

PROVINCE = ("630000", "青海省")
PREFECTURES = [
    ("630100", "西宁市", [
        ("630102", "城东区"), ("630103", "城中区"), ("630104", "城西区"), ("630105", "城北区"),
        ("630106", "湟中区"), ("630121", "大通回族土族自治县"), ("630123", "湟源县"),
    ]),
    ("630200", "海东市", [
        ("630202", "乐都区"), ("630203", "平安区"), ("630222", "民和回族土族自治县"),
        ("630223", "互助土族自治县"), ("630224", "化隆回族自治县"), ("630225", "循化撒拉族自治县"),
    ]),
    ("632200", "海北藏族自治州", [
        ("632221", "门源回族自治县"), ("632222", "祁连县"), ("632223", "海晏县"), ("632224", "刚察县"),
    ]),
    ("632300", "黄南藏族自治州", [
        ("632301", "同仁市"), ("632322", "尖扎县"), ("632323", "泽库县"), ("632324", "河南蒙古族自治县"),
    ]),
    ("632500", "海南藏族自治州", [
        ("632521", "共和县"), ("632522", "同德县"), ("632523", "贵德县"), ("632524", "兴海县"), ("632525", "贵南县"),
    ]),
    ("632600", "果洛藏族自治州", [
        ("632621", "玛沁县"), ("632622", "班玛县"), ("632623", "甘德县"), ("632624", "达日县"),
        ("632625", "久治县"), ("632626", "玛多县"),
    ]),
    ("632700", "玉树藏族自治州", [
        ("632701", "玉树市"), ("632722", "杂多县"), ("632723", "称多县"), ("632724", "治多县"),
        ("632725", "囊谦县"), ("632726", "曲麻莱县"),
    ]),
    ("632800", "海西蒙古族藏族自治州", [
        ("632801", "格尔木市"), ("632802", "德令哈市"), ("632803", "茫崖市"), ("632821", "乌兰县"),
        ("632822", "都兰县"), ("632823", "天峻县"),
    ]),
]
FORMER_CODES = {
    "630106": [("630122", "湟中县")],
    "632301": [("632321", "同仁县")],
}


def all_regions():
    """[(code, name, level, parent)] in a fixed order."""
    out = [(PROVINCE[0], PROVINCE[1], "省级", None)]
    for pcode, pname, counties in PREFECTURES:
        out.append((pcode, pname, "市级", PROVINCE[0]))
        for ccode, cname in counties:
            out.append((ccode, cname, "县级", pcode))
    return out


REGIONS = all_regions()
REGION_BY_CODE = {r[0]: r for r in REGIONS}

# ---------------------------------------------------------------------------
# Departments: codes assigned by this catalog (the national DD table is not
# public). Only departments that competent-manage an item below are listed.
# ---------------------------------------------------------------------------

# code, category name, provincial department, prefecture suffix, county suffix
DEPARTMENTS = [
    ("01", "市场监督管理部门", "青海省市场监督管理局", "市场监督管理局", "市场监督管理局"),
    ("02", "卫生健康部门", "青海省卫生健康委员会", "卫生健康委员会", "卫生健康局"),
    ("03", "公安机关", "青海省公安厅", "公安局", "公安局"),
    ("04", "医疗保障部门", "青海省医疗保障局", "医疗保障局", "医疗保障局"),
    ("05", "人力资源和社会保障部门", "青海省人力资源和社会保障厅", "人力资源和社会保障局", "人力资源和社会保障局"),
    ("06", "消防救援机构", "青海省消防救援总队", "消防救援支队", "消防救援大队"),
    ("07", "住房和城乡建设部门", "青海省住房和城乡建设厅", "住房和城乡建设局", "住房和城乡建设局"),
    ("08", "民政部门", "青海省民政厅", "民政局", "民政局"),
    ("12", "自然资源部门", "青海省自然资源厅", "自然资源局", "自然资源局"),
    ("13", "生态环境部门", "青海省生态环境厅", "生态环境局", "生态环境局"),
    ("15", "财政部门", "青海省财政厅", "财政局", "财政局"),
    ("16", "司法行政部门", "青海省司法厅", "司法局", "司法局"),
]
DEPT = {d[0]: d for d in DEPARTMENTS}

# Agency names that do not follow "<区划名称><部门后缀>".
# District public-security organs are branches of the city bureau.
AGENCY_NAME_OVERRIDES = {
    ("630102", "03"): "西宁市公安局城东分局",
    ("630103", "03"): "西宁市公安局城中分局",
    ("630104", "03"): "西宁市公安局城西分局",
    ("630105", "03"): "西宁市公安局城北分局",
    ("630106", "03"): "西宁市公安局湟中分局",
    ("630202", "03"): "海东市公安局乐都分局",
    ("630203", "03"): "海东市公安局平安分局",
    ("630100", "12"): "西宁市自然资源和规划局",
}


def agency_name(region_code: str, dept: str) -> str:
    code, name, level, _ = REGION_BY_CODE[region_code]
    if (code, dept) in AGENCY_NAME_OVERRIDES:
        return AGENCY_NAME_OVERRIDES[(code, dept)]
    d = DEPT[dept]
    if level == "省级":
        return d[2]
    if level == "市级":
        return name + d[3]
    return name + d[4]


def service_centre(region_code: str) -> str:
    return REGION_BY_CODE[region_code][1] + "政务服务中心"


# ---------------------------------------------------------------------------
# Material registry
# ---------------------------------------------------------------------------

F, C, O = "申请表格文书", "证件证书证明", "其他"
SELF, GOV, AGENT, OTHER = "申请人自备", "政府部门核发", "中介机构出具", "其他"

# id, name, kind, source, issuer, e_license, shared_verification
MATERIALS = [
    ("id_card", "居民身份证", C, GOV, "公安机关", True, True),
    ("agent_id_card", "受托人居民身份证", C, GOV, "公安机关", True, True),
    ("guardian_id_card", "监护人居民身份证", C, GOV, "公安机关", True, True),
    ("household_register", "居民户口簿", C, GOV, "公安机关", False, True),
    ("business_license", "营业执照", C, GOV, "市场监督管理部门", True, True),
    ("marriage_certificate", "结婚证", C, GOV, "民政部门（婚姻登记机关）", True, True),
    ("birth_medical_certificate", "出生医学证明", C, GOV, "卫生健康部门（由助产机构签发）", True, True),
    ("power_of_attorney", "授权委托书", F, SELF, None, False, False),
    # 市场主体登记
    ("company_registration_application", "公司登记（备案）申请书", F, SELF, None, False, False),
    ("articles_of_association", "公司章程", O, SELF, None, False, False),
    ("officer_appointment_documents", "法定代表人、董事、监事和高级管理人员的任职文件", O, SELF, None, False, False),
    ("premises_use_proof", "住所（经营场所）使用证明", O, SELF, None, False, False),
    ("pre_registration_approval", "登记前置审批文件", C, GOV, "依法负责该前置审批的行政机关", False, False),
    ("change_resolution", "公司关于变更事项的股东会决议或者股东决定", O, SELF, None, False, False),
    ("amended_articles", "修改后的公司章程或者公司章程修正案", O, SELF, None, False, False),
    ("individual_business_application", "个体工商户登记（备案）申请书", F, SELF, None, False, False),
    # 食品经营
    ("food_business_application", "食品经营许可申请书", F, SELF, None, False, False),
    ("food_premises_layout", "经营场所平面布局图、设备设施布局图和操作流程说明", O, SELF, None, False, False),
    ("food_safety_rules", "食品安全管理制度文本", O, SELF, None, False, False),
    ("prepackaged_food_filing_form", "仅销售预包装食品备案信息采集表", F, SELF, None, False, False),
    # 消防
    ("fire_inspection_application", "公众聚集场所投入使用、营业前消防安全检查申请表", F, SELF, None, False, False),
    ("fire_inspection_commitment", "公众聚集场所投入使用、营业前消防安全检查告知承诺书", F, SELF, None, False, False),
    ("fire_premises_plans", "场所平面布置图和场所消防设施平面图", O, SELF, None, False, False),
    ("fire_safety_rules", "消防安全制度和灭火和应急疏散预案", O, SELF, None, False, False),
    ("fire_acceptance_document", "建设工程消防验收意见书或者建设工程消防验收备案凭证", C, GOV, "住房和城乡建设部门", False, True),
    ("fire_acceptance_filing_form", "建设工程消防验收备案表", F, SELF, None, False, False),
    ("completion_acceptance_report", "工程竣工验收报告", O, SELF, None, False, False),
    ("fire_completion_drawings", "涉及消防的建设工程竣工图纸", O, SELF, None, False, False),
    # 排水
    ("drainage_permit_application", "城镇污水排入排水管网许可申请表", F, SELF, None, False, False),
    ("drainage_network_drawings", "排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明", O, SELF, None, False, False),
    ("pretreatment_facility_description", "污水预处理设施建设情况说明", O, SELF, None, False, False),
    ("water_quality_test_report", "排水水质、水量检测报告", C, AGENT, "取得检验检测机构资质认定的水质检测机构", False, False),
    ("water_quality_forecast_report", "排水水质、水量预测报告", O, SELF, None, False, False),
    # 户外广告
    ("outdoor_ad_application", "户外广告设置申请表", F, SELF, None, False, False),
    ("outdoor_ad_design", "户外广告设置方案（设置位置、规格尺寸、材质和效果图）", O, SELF, None, False, False),
    ("site_owner_consent", "设置场地或者载体的所有权人、使用权人同意设置的书面意见", O, OTHER, "设置场地或者载体的所有权人、使用权人", False, False),
    ("ad_structure_design", "大型户外广告设施结构设计图和结构安全计算书", O, AGENT, "具有建筑工程设计资质的设计单位", False, False),
    # 燃气
    ("gas_license_application", "燃气经营许可申请书", F, SELF, None, False, False),
    ("gas_source_agreement", "燃气气源供应合同", O, SELF, None, False, False),
    ("gas_facility_acceptance", "燃气设施建设工程竣工验收备案证明", C, GOV, "住房和城乡建设部门", False, True),
    ("gas_management_system", "燃气经营安全管理制度和经营方案", O, SELF, None, False, False),
    ("gas_staff_certificates", "燃气经营企业从业人员专业培训考核合格证书", C, GOV, "燃气管理部门", False, True),
    # 医师、护士、公共场所
    ("physician_registration_form", "医师执业注册申请审核表", F, SELF, None, False, False),
    ("recent_photo", "近6个月内2寸白底免冠正面半身照片", O, SELF, None, False, False),
    ("physician_qualification_certificate", "医师资格证书", C, GOV, "卫生健康部门", True, True),
    ("employment_certificate", "医疗卫生机构拟聘用证明", O, OTHER, "拟执业的医疗卫生机构", False, False),
    ("nurse_registration_form", "护士执业注册申请审核表", F, SELF, None, False, False),
    ("nursing_education_certificate", "护理或者助产专业学历证书", C, OTHER, "颁发学历证书的学校", False, True),
    ("nurse_exam_certificate", "护士执业资格考试成绩合格证明", C, GOV, "卫生健康部门", False, True),
    ("health_examination_certificate", "健康体检证明", C, OTHER, "医疗机构", False, False),
    ("public_place_health_application", "公共场所卫生许可申请表", F, SELF, None, False, False),
    ("public_place_location_plans", "公共场所地址方位示意图、平面图和卫生设施平面布局图", O, SELF, None, False, False),
    ("public_place_hygiene_report", "公共场所卫生检测或者评价报告", C, AGENT, "检验检测机构", False, False),
    ("public_place_hygiene_rules", "公共场所卫生管理制度", O, SELF, None, False, False),
    # 环境影响评价
    ("eia_approval_application", "建设项目环境影响报告表审批申请书", F, SELF, None, False, False),
    ("eia_report_form", "建设项目环境影响报告表", O, SELF, None, False, False),
    ("eia_registration_form", "建设项目环境影响登记表", F, SELF, None, False, False),
    # 户籍、身份证、居住证、婚姻
    ("id_card_application_form", "居民身份证申领登记表", F, SELF, None, False, False),
    ("residence_address_proof", "居住地住址证明", O, SELF, None, False, False),
    ("stable_employment_proof", "合法稳定就业证明", O, SELF, None, False, False),
    ("continuous_study_proof", "连续就读证明", O, OTHER, "申请人就读的学校", False, False),
    ("marriage_declaration", "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", F, SELF, None, False, False),
    ("couple_photos", "2寸近期半身免冠合影照片", O, SELF, None, False, False),
    # 工伤
    ("work_injury_application", "工伤认定申请表", F, SELF, None, False, False),
    ("labor_relation_proof", "劳动关系证明（劳动合同或者事实劳动关系证明）", O, SELF, None, False, False),
    ("medical_diagnosis_certificate", "医疗诊断证明或者职业病诊断证明书（职业病诊断鉴定书）", C, OTHER, "医疗机构或者职业病诊断机构", False, False),
    # 不动产
    ("real_estate_application", "不动产登记申请书", F, SELF, None, False, False),
    ("real_estate_certificate", "不动产权证书", C, GOV, "自然资源部门（不动产登记机构）", True, True),
    ("transfer_cause_document", "不动产转移登记原因证明文件", O, SELF, None, False, False),
    ("deed_tax_certificate", "契税完税凭证", C, GOV, "税务部门", False, True),
    ("real_estate_query_application", "不动产登记资料查询申请书", F, SELF, None, False, False),
    ("interest_proof", "利害关系证明文件", O, SELF, None, False, False),
    # 社会救助、残疾人补贴
    ("dibao_application", "最低生活保障申请书", F, SELF, None, False, False),
    ("economic_check_authorization", "家庭经济状况核对授权书", F, SELF, None, False, False),
    ("family_income_declaration", "家庭收入和财产状况申报表", F, SELF, None, False, False),
    ("tekun_application", "特困人员救助供养申请书", F, SELF, None, False, False),
    ("disability_certificate", "中华人民共和国残疾人证", C, OTHER, "残疾人联合会", True, True),
    ("disability_subsidy_application", "残疾人两项补贴申请审批表", F, SELF, None, False, False),
    # 就业、社保、医保
    ("labor_termination_proof", "解除或者终止劳动关系的证明", O, OTHER, "原用人单位", False, False),
    ("unemployment_benefit_application", "失业保险金申领登记表", F, SELF, None, False, False),
    ("bank_account_info", "本人银行结算账户信息", O, SELF, None, False, False),
    ("medical_insurance_registration_form", "城乡居民基本医疗保险参保登记表", F, SELF, None, False, False),
    ("cross_province_medical_filing_form", "跨省异地就医登记备案表", F, SELF, None, False, False),
    ("social_security_card_application", "社会保障卡申领登记表", F, SELF, None, False, False),
    ("employment_card_application", "就业创业证申领登记表", F, SELF, None, False, False),
    ("unemployment_registration_form", "失业登记表", F, SELF, None, False, False),
    ("pension_registration_form", "城乡居民基本养老保险参保登记表", F, SELF, None, False, False),
    # 奖励、裁决、法律援助
    ("report_reward_application", "举报奖励申领表", F, SELF, None, False, False),
    ("procurement_complaint", "政府采购投诉书", F, SELF, None, False, False),
    ("procurement_query_and_reply", "质疑函和质疑答复", O, SELF, None, False, False),
    ("legal_aid_application", "法律援助申请表", F, SELF, None, False, False),
    ("economic_hardship_commitment", "经济困难状况个人诚信承诺书", F, SELF, None, False, False),
    ("legal_aid_case_documents", "法律援助申请事项案件材料", O, SELF, None, False, False),
    # 出生
    ("newborn_information_form", "新生儿出生信息登记表", F, SELF, None, False, False),
]
MATERIAL = {m[0]: m for m in MATERIALS}

# ---------------------------------------------------------------------------
# Small builders
# ---------------------------------------------------------------------------


def od(*pairs):
    return OrderedDict(pairs)


def deadline(value, unit, note=None):
    d = od(("value", value), ("unit", unit))
    if note:
        d["note"] = note
    return d


def basis(document, article=None):
    b = od(("document", document))
    if article:
        b["article"] = article
    return b


XKF = basis("《中华人民共和国行政许可法》", "第四十二条")
XKF_NOTE = ("依据《中华人民共和国行政许可法》第四十二条；20个工作日内不能作出决定的，经本行政机关负责人批准，"
            "可以延长10个工作日，并将延长期限的理由告知申请人。")
NO_LAW_INSTANT = "法律、行政法规未规定办结时限；本目录确定本事项当场办结。"


def no_law(value, unit):
    return deadline(value, unit, "法律、行政法规未规定办结时限；本时限为本目录确定的全省统一办结时限。")


def mat(mid, necessity="必要", originals=1, copies=0, form=None, notes=None, situation=None,
        exemption=None, exemption_note=None, basis_text=None, submission_reason=None):
    """One ItemMaterial. Government-issued materials with an e-licence or
    shared verification are exempt from submission unless `exemption` is
    given as False."""
    _, name, kind, source, _, e_lic, shared = MATERIAL[mid]
    m = od(("material", mid), ("necessity", necessity))
    method = None
    if exemption is None and source == GOV and (e_lic or shared):
        # Identity documents are verified against shared population data;
        # other certificates with an e-licence are pulled from the library.
        if e_lic and mid not in ("id_card", "agent_id_card", "guardian_id_card"):
            method = "电子证照"
        else:
            method = "数据共享核验"
    elif exemption:
        method = exemption
    if method:
        originals, copies = 0, 0
        form = "电子"
    if form is None:
        form = "纸质或电子"
    m["originals"] = originals
    m["copies"] = copies
    m["form"] = form
    if form in ("纸质", "纸质或电子"):
        m["paper_size"] = "A4"
    if notes:
        m["filling_notes"] = notes
    if kind == F:
        m["blank_form"] = name + "（空白）.pdf"
        m["sample"] = name + "（示例）.pdf"
    if basis_text:
        m["basis"] = basis_text
    if situation:
        m["situation"] = situation
    if method:
        e = od(("method", method))
        e["note"] = exemption_note or {
            "电子证照": "通过电子证照库调取，申请人免于提交实体证照。",
            "数据共享核验": "通过政务数据共享平台核验，申请人免于提交。",
            "部门内部调取": "由本部门从业务系统内部调取，申请人免于提交。",
        }[method]
        m["exemption"] = e
    if submission_reason:
        m["submission_reason"] = submission_reason
    return m


PRE_APPROVAL_REASON = ("《中华人民共和国市场主体登记管理条例》规定，申请登记的事项依法须经批准的，"
                       "应当提交批准文件；批准结果未能通过数据共享核验的，由申请人提交。")


def agent_materials():
    return [
        mat("power_of_attorney", situation="委托代理人办理的"),
        mat("agent_id_card", situation="委托代理人办理的"),
    ]


STEP_SPLITS = {
    3: (0, 1, 1, 1),
    7: (1, 3, 2, 1),
    10: (1, 6, 2, 1),
    15: (1, 9, 3, 2),
    20: (1, 12, 5, 2),
    30: (2, 18, 7, 3),
    60: (5, 40, 10, 5),
}

ACCEPT_STANDARD = ("核对申请材料是否齐全、是否符合法定形式；材料齐全、符合法定形式的，出具受理通知书；"
                   "材料不齐全或者不符合法定形式的，当场一次性告知需要补正的全部内容。")
DELIVER_STANDARD = "按申请人选择的窗口领取、邮政寄递或者电子证照方式送达办理结果。"


def process(kind, stat, review_standard, decide_standard=None, accept_actor="政务服务中心受理窗口工作人员"):
    """kind: 'permit' (受理/审查/决定/送达), 'decide' (受理/审核/决定/送达), 'instant' (受理/办结)."""
    unit = stat["unit"]
    if kind == "instant":
        return [
            od(("name", "受理"), ("actor", accept_actor), ("deadline", deadline(0, unit)), ("standard", ACCEPT_STANDARD)),
            od(("name", "办结"), ("actor", accept_actor), ("deadline", deadline(0, unit)), ("standard", review_standard)),
        ]
    a, r, d, s = STEP_SPLITS[stat["value"]]
    review_name = "审查" if kind == "permit" else "审核"
    if decide_standard is None:
        decide_standard = ("符合全部受理条件的，作出准予决定；不符合的，作出不予批准的书面决定，说明理由，"
                           "并告知申请人依法申请行政复议或者提起行政诉讼的权利。")
    return [
        od(("name", "受理"), ("actor", accept_actor), ("deadline", deadline(a, unit)), ("standard", ACCEPT_STANDARD)),
        od(("name", review_name), ("actor", "承办科室审查人员"), ("deadline", deadline(r, unit)), ("standard", review_standard)),
        od(("name", "决定"), ("actor", "承办机关分管负责人"), ("deadline", deadline(d, unit)), ("standard", decide_standard)),
        od(("name", "送达"), ("actor", "政务服务中心出件窗口工作人员"), ("deadline", deadline(s, unit)), ("standard", DELIVER_STANDARD)),
    ]


def result(name, kind):
    return od(("name", name), ("kind", kind), ("sample", name + "（样本）.pdf"))


NO_FEES = od(("charged", False), ("charges", []))

# ---------------------------------------------------------------------------
# Items. Each entry: the Item fields plus a "_local" profile that every
# implementing region uses unchanged (promised deadline, visits, online depth).
# ---------------------------------------------------------------------------

P, M, X = "省级", "市级", "县级"
ENT, UNINC, PUB, SOC, NAT, OTH = "企业法人", "非法人企业", "事业法人", "社会组织法人", "自然人", "其他组织"


def local_profile(promised, visits=0, depth="Ⅳ级", reason=None):
    return {"promised": promised, "visits": visits, "depth": depth, "reason": reason}


ITEMS = []


def item(code, name, item_type, dept, levels, legal_basis, service_objects, conditions, materials,
         proc, stat, case_type, fees, results, local, tongban=None, commitment=None):
    assert code[2:4] == TYPE_CODE[item_type], code
    assert code[4:6] == dept, code
    it = od(
        ("$schema", "../schema/item.schema.json"),
        ("code", code),
        ("name", name),
        ("item_type", item_type),
        ("department", dept),
        ("levels", levels),
        ("legal_basis", legal_basis),
        ("service_objects", service_objects),
        ("conditions", conditions),
        ("materials", materials),
        ("process", proc),
        ("statutory_deadline", stat),
        ("case_type", case_type),
        ("fees", fees),
        ("results", results),
    )
    if tongban:
        it["tongban"] = od(("scope", tongban[0]), ("modes", tongban[1]))
    if commitment:
        it["commitment"] = commitment
    it["version"] = VERSION
    it["updated"] = UPDATED
    ITEMS.append((it, local))


# ----- 行政许可 (01) ---------------------------------------------------------

REG3 = deadline(3, "工作日", "依据《中华人民共和国市场主体登记管理条例》：申请材料齐全、符合法定形式的当场登记；"
                          "不能当场登记的，在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。")
REG_BASIS = [basis("《中华人民共和国市场主体登记管理条例》"), basis("《中华人民共和国市场主体登记管理条例实施细则》")]
REG_REVIEW = "对申请材料进行形式审查，核对申请材料是否齐全、是否符合法定形式，登记事项与申请材料记载是否一致。"
REG_DECIDE = "申请材料齐全、符合法定形式的，予以登记并核发营业执照；不予登记的，出具不予登记通知书并说明理由。"

item("630101001001", "公司设立登记", "行政许可", "01", [P, M, X],
     [basis("《中华人民共和国公司法》")] + REG_BASIS,
     [ENT],
     [
         "申请人为拟设立公司的全体股东（发起人）指定的代表或者共同委托的代理人。",
         "有限责任公司由1个以上50个以下股东出资设立。",
         "公司章程载明全体股东认缴的出资额，全体股东认缴的出资额自公司成立之日起5年内缴足。",
         "公司名称已通过企业名称自主申报，且申报的名称符合《企业名称登记管理规定》。",
         "有公司住所，住所为申请人依法享有使用权的场所。",
         "经营范围中含有依法须在登记前经批准的项目的，已取得批准文件。",
     ],
     [
         mat("company_registration_application", notes="由公司法定代表人签署；通过青海政务服务网在线填报的，使用电子签名。"),
         mat("articles_of_association", notes="由全体股东签名或者盖章。"),
         mat("id_card", situation="股东为自然人的"),
         mat("business_license", situation="股东为企业法人的"),
         mat("officer_appointment_documents"),
         mat("premises_use_proof", notes="提交房屋所有权证明或者房屋租赁合同。"),
         mat("pre_registration_approval", situation="经营范围中含有依法须在登记前经批准的项目的",
             submission_reason=PRE_APPROVAL_REASON),
     ] + agent_materials(),
     process("permit", REG3, REG_REVIEW, REG_DECIDE),
     REG3, "承诺件", NO_FEES,
     [result("营业执照", "证照")],
     local_profile(1))

item("630101001002", "公司变更登记", "行政许可", "01", [P, M, X],
     [basis("《中华人民共和国公司法》")] + REG_BASIS,
     [ENT],
     [
         "申请人为已在本登记机关登记的公司。",
         "公司自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记。",
         "变更后的登记事项符合《中华人民共和国公司法》和《中华人民共和国市场主体登记管理条例》。",
     ],
     [
         mat("company_registration_application", notes="由公司法定代表人签署。"),
         mat("change_resolution"),
         mat("amended_articles", situation="变更事项涉及公司章程修改的"),
         mat("business_license", exemption="部门内部调取"),
         mat("premises_use_proof", situation="变更住所的"),
     ] + agent_materials(),
     process("permit", REG3, REG_REVIEW, REG_DECIDE),
     REG3, "承诺件", NO_FEES,
     [result("营业执照", "证照")],
     local_profile(1))

INDIV_BASIS = [basis("《促进个体工商户发展条例》")] + REG_BASIS
item("630101002001", "个体工商户设立登记", "行政许可", "01", [X],
     INDIV_BASIS,
     [NAT],
     [
         "经营者为年满18周岁的完全民事行为能力人，或者年满16周岁、以自己的劳动收入为主要生活来源的自然人。",
         "以家庭经营的，参加经营的家庭成员在申请书中逐一列明。",
         "有经营场所，经营场所为申请人依法享有使用权的场所。",
         "经营范围中含有依法须在登记前经批准的项目的，已取得批准文件。",
     ],
     [
         mat("individual_business_application", notes="由经营者本人签署。"),
         mat("id_card"),
         mat("premises_use_proof", notes="提交房屋所有权证明或者房屋租赁合同。"),
         mat("pre_registration_approval", situation="经营范围中含有依法须在登记前经批准的项目的",
             submission_reason=PRE_APPROVAL_REASON),
     ] + agent_materials(),
     process("permit", REG3, REG_REVIEW, REG_DECIDE),
     REG3, "承诺件", NO_FEES,
     [result("营业执照", "证照")],
     local_profile(1))

item("630101002002", "个体工商户变更登记", "行政许可", "01", [X],
     INDIV_BASIS,
     [NAT],
     [
         "申请人为已在本登记机关登记的个体工商户经营者。",
         "个体工商户自登记事项发生变化之日起30日内申请变更登记。",
     ],
     [
         mat("individual_business_application", notes="由经营者本人签署。"),
         mat("id_card"),
         mat("business_license", exemption="部门内部调取"),
         mat("premises_use_proof", situation="变更经营场所的"),
     ] + agent_materials(),
     process("permit", REG3, REG_REVIEW, REG_DECIDE),
     REG3, "承诺件", NO_FEES,
     [result("营业执照", "证照")],
     local_profile(1))

STAT20 = deadline(20, "工作日", XKF_NOTE)

item("630101003000", "食品经营许可", "行政许可", "01", [M, X],
     [basis("《中华人民共和国食品安全法》", "第三十五条"), basis("《食品经营许可和备案管理办法》"), XKF],
     [ENT, UNINC, PUB, SOC, NAT],
     [
         "申请人已取得营业执照。",
         "设有与所经营食品品种、数量匹配的食品原料处理、加工、销售和贮存场所，场所与有毒、有害场所分开设置。",
         "配备消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施。",
         "配备专职或者兼职的食品安全管理人员，制定从业人员健康管理、进货查验记录、食品安全自查和食品安全事故处置制度。",
         "设备布局和工艺流程做到原料与成品分开，待加工食品与直接入口食品分开。",
         "从事接触直接入口食品工作的从业人员均持有有效的健康证明。",
     ],
     [
         mat("food_business_application"),
         mat("business_license"),
         mat("food_premises_layout"),
         mat("food_safety_rules"),
     ] + agent_materials(),
     process("permit", STAT20, "审查申请材料；需要对经营场所进行现场核查的，由2名以上工作人员到场核查，制作现场核查记录并由申请人签字确认。"),
     STAT20, "承诺件", NO_FEES,
     [result("食品经营许可证", "证照")],
     local_profile(5))

FIRE_STAT = deadline(10, "工作日", "依据《中华人民共和国消防法》第十五条：申请人选择不采用告知承诺方式办理的，消防救援机构自受理申请之日起"
                                 "10个工作日内对场所进行检查；选择告知承诺方式办理且申请材料齐全、符合法定形式的，当场作出许可决定。")
item("630106001000", "公众聚集场所投入使用、营业前消防安全检查", "行政许可", "06", [M, X],
     [basis("《中华人民共和国消防法》", "第十五条")],
     [ENT, UNINC, PUB, SOC],
     [
         "场所属于依法须经消防验收的建设工程的，已取得消防验收合格意见；属于依法须进行消防验收备案的，已完成备案。",
         "场所的消防设施、器材按照国家工程建设消防技术标准配置，并保持完好有效。",
         "疏散通道、安全出口保持畅通，疏散指示标志和应急照明设施完好有效。",
         "已制定消防安全制度和灭火和应急疏散预案。",
         "员工已接受岗前消防安全教育培训。",
     ],
     [
         mat("fire_inspection_application", situation="选择不采用告知承诺方式办理的"),
         mat("fire_inspection_commitment", situation="选择告知承诺方式办理的"),
         mat("business_license"),
         mat("fire_premises_plans"),
         mat("fire_safety_rules"),
         mat("fire_acceptance_document", situation="场所属于依法须经消防验收或者进行消防验收备案的建设工程的"),
     ] + agent_materials(),
     process("permit", FIRE_STAT, "选择告知承诺方式的，审查承诺书和申请材料是否齐全、符合法定形式；选择不采用告知承诺方式的，"
                                 "依据消防技术标准和管理规定对场所进行现场检查并制作检查记录。",
             "经审查或者检查符合消防安全要求的，作出准予许可决定；不符合的，作出不予许可决定，说明理由，"
             "并告知申请人依法申请行政复议或者提起行政诉讼的权利。"),
     FIRE_STAT, "承诺件", NO_FEES,
     [result("公众聚集场所投入使用、营业前消防安全检查合格证", "证照")],
     local_profile(5),
     commitment=od(
         ("content", "申请人承诺：所申请场所已依法取得消防验收合格意见或者完成消防验收备案；消防设施、器材配置符合国家工程建设消防技术标准并保持完好有效；"
                     "疏散通道、安全出口畅通；已制定消防安全制度和灭火和应急疏散预案；员工已接受岗前消防安全教育培训；所提交材料真实、有效。"),
         ("requirements", "申请人选择告知承诺方式的，由法定代表人或者主要负责人签署告知承诺书并连同申请材料一并提交；"
                          "消防救援机构对材料齐全、符合法定形式的，当场作出许可决定。"),
         ("liability", "经核查发现场所使用、营业情况与承诺内容不符的，消防救援机构依照《中华人民共和国消防法》责令限期改正；"
                       "逾期不整改或者整改后仍达不到要求的，依法撤销许可；申请人作出虚假承诺的，依法承担法律责任，其失信信息推送至青海省信用信息共享平台。"),
         ("verification", "消防救援机构在作出许可决定后，对作出承诺的场所开展现场核查，逐项核对承诺内容，核查结果记入消防监督检查记录。"),
     ))

item("630107001000", "城镇污水排入排水管网许可", "行政许可", "07", [M, X],
     [basis("《城镇排水与污水处理条例》"), basis("《城镇污水排入排水管网许可管理办法》"), XKF],
     [ENT, UNINC, PUB, SOC, NAT],
     [
         "申请人为从事工业、建筑、餐饮、医疗活动，向城镇排水设施排放污水的企业事业单位或者个体工商户。",
         "污水排放口的设置符合城镇排水与污水处理规划。",
         "已建设污水预处理设施和水质、水量检测设施。",
         "排放的污水水质符合《污水排入城镇下水道水质标准》（GB/T 31962）。",
         "在雨水、污水分流排放的地区，不将污水排入雨水管网。",
     ],
     [
         mat("drainage_permit_application"),
         mat("business_license"),
         mat("drainage_network_drawings"),
         mat("pretreatment_facility_description"),
         mat("water_quality_test_report", situation="已向城镇排水设施排放污水的",
             notes="由检测机构在排水许可申请受理之日前1个月内出具。"),
         mat("water_quality_forecast_report", situation="尚未向城镇排水设施排放污水的"),
     ] + agent_materials(),
     process("permit", STAT20, "审查申请材料，核对排水口位置、预处理设施和水质、水量检测设施与图纸是否一致；需要现场核查的，由2名以上工作人员到场核查。"),
     STAT20, "承诺件", NO_FEES,
     [result("城镇污水排入排水管网许可证", "证照")],
     local_profile(5))

item("630107002000", "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批", "行政许可", "07", [M, X],
     [basis("《城市市容和环境卫生管理条例》"), basis("《国务院对确需保留的行政审批项目设定行政许可的决定》"), XKF],
     [ENT, UNINC, PUB, SOC, NAT],
     [
         "设置位置符合设区的市、县人民政府批准的户外广告设施设置规划。",
         "已取得设置场地或者载体的所有权人、使用权人同意设置的书面意见。",
         "广告设施不遮挡交通信号灯和交通标志，不占用消防车通道、盲道。",
         "设置大型户外广告设施的，结构设计图和结构安全计算书由具有建筑工程设计资质的设计单位出具。",
         "广告内容符合《中华人民共和国广告法》。",
     ],
     [
         mat("outdoor_ad_application"),
         mat("business_license", situation="申请人为企业或者个体工商户的"),
         mat("id_card", situation="申请人为自然人的"),
         mat("outdoor_ad_design"),
         mat("site_owner_consent"),
         mat("ad_structure_design", situation="设置大型户外广告设施的"),
     ] + agent_materials(),
     process("permit", STAT20, "审查设置位置、规格尺寸与户外广告设施设置规划是否一致，审查结构安全计算书和书面同意意见；需要现场核查的，由2名以上工作人员到场核查。"),
     STAT20, "承诺件", NO_FEES,
     [result("户外广告设置许可决定书", "批文")],
     local_profile(5))

item("630107003000", "燃气经营许可", "行政许可", "07", [M, X],
     [basis("《城镇燃气管理条例》"), basis("《燃气经营许可管理办法》"), XKF],
     [ENT],
     [
         "经营区域和经营方式符合本行政区域燃气发展规划。",
         "有符合国家标准的燃气气源和燃气设施。",
         "有固定的经营场所、安全管理制度和经营方案。",
         "企业的主要负责人、安全生产管理人员以及运行、维护和抢修人员经专业培训并考核合格。",
     ],
     [
         mat("gas_license_application"),
         mat("business_license"),
         mat("gas_source_agreement"),
         mat("gas_facility_acceptance"),
         mat("gas_management_system"),
         mat("gas_staff_certificates"),
     ] + agent_materials(),
     process("permit", STAT20, "审查申请材料，对燃气设施和经营场所进行现场核查，核查由2名以上工作人员进行并制作核查记录。"),
     STAT20, "承诺件", NO_FEES,
     [result("燃气经营许可证", "证照")],
     local_profile(10))

item("630102001000", "医师执业注册", "行政许可", "02", [P, M, X],
     [basis("《中华人民共和国医师法》"), basis("《医师执业注册管理办法》"), XKF],
     [NAT],
     [
         "申请人已取得医师资格证书。",
         "申请人具有完全民事行为能力。",
         "申请人未受过刑事处罚，或者自刑罚执行完毕之日起至申请注册之日止已满2年。",
         "申请人未被吊销医师执业证书，或者自被吊销医师执业证书之日起至申请注册之日止已满2年。",
         "申请人已取得拟执业医疗卫生机构出具的拟聘用证明。",
     ],
     [
         mat("physician_registration_form"),
         mat("recent_photo", form="电子"),
         mat("physician_qualification_certificate"),
         mat("employment_certificate"),
     ],
     process("permit", STAT20, "核对医师资格信息、拟执业机构和执业类别、执业范围，查询申请人不予注册情形。"),
     STAT20, "承诺件", NO_FEES,
     [result("医师执业证书", "证照")],
     local_profile(10))

item("630102002000", "护士执业注册", "行政许可", "02", [P, M, X],
     [basis("《护士条例》"), basis("《护士执业注册管理办法》"), XKF],
     [NAT],
     [
         "申请人具有完全民事行为能力。",
         "申请人在中等职业学校、高等学校完成普通全日制3年以上的护理、助产专业课程学习，含在教学、综合医院完成8个月以上护理临床实习，并取得相应学历证书。",
         "申请人已通过国务院卫生健康主管部门组织的护士执业资格考试。",
         "申请人无精神病史，无色盲、色弱、双耳听力障碍，无影响履行护理职责的疾病、残疾或者功能障碍。",
         "申请人自通过护士执业资格考试之日起3年内提出执业注册申请；超过3年的，已在教学、综合医院接受3个月临床护理培训并考核合格。",
     ],
     [
         mat("nurse_registration_form"),
         mat("id_card"),
         mat("nursing_education_certificate", exemption="数据共享核验",
             exemption_note="通过学历信息共享核验，申请人免于提交；核验不到的，提交学历证书原件。"),
         mat("nurse_exam_certificate"),
         mat("health_examination_certificate", notes="由医疗机构在申请之日前6个月内出具。"),
         mat("employment_certificate"),
     ],
     process("permit", STAT20, "核对学历、考试成绩和健康体检证明，核对拟执业机构和执业地点。"),
     STAT20, "承诺件", NO_FEES,
     [result("护士执业证书", "证照")],
     local_profile(10))

item("630102003000", "公共场所卫生许可", "行政许可", "02", [M, X],
     [basis("《公共场所卫生管理条例》"), basis("《公共场所卫生管理条例实施细则》"), XKF],
     [ENT, UNINC, PUB, SOC],
     [
         "经营场所的卫生设施、设备符合公共场所国家卫生标准和卫生规范。",
         "已建立卫生管理制度，配备专职或者兼职卫生管理人员。",
         "直接为顾客服务的从业人员均持有有效的健康合格证明。",
         "已取得检验检测机构出具的公共场所卫生检测或者评价报告，检测结果符合公共场所国家卫生标准。",
     ],
     [
         mat("public_place_health_application"),
         mat("business_license"),
         mat("public_place_location_plans"),
         mat("public_place_hygiene_report"),
         mat("public_place_hygiene_rules"),
     ] + agent_materials(),
     process("permit", STAT20, "审查申请材料；对经营场所进行现场审核，现场审核由2名以上工作人员进行并制作审核记录。"),
     STAT20, "承诺件", NO_FEES,
     [result("公共场所卫生许可证", "证照")],
     local_profile(10))

EIA_STAT = deadline(30, "自然日", "《中华人民共和国环境影响评价法》规定审批部门自收到环境影响报告表之日起30日内作出审批决定；本目录按自然日计。")
item("630113001000", "建设项目环境影响报告表审批", "行政许可", "13", [P, M],
     [basis("《中华人民共和国环境影响评价法》"), basis("《建设项目环境保护管理条例》")],
     [ENT, UNINC, PUB, SOC, OTH],
     [
         "建设项目属于《建设项目环境影响评价分类管理名录》中应当编制环境影响报告表的类别。",
         "建设项目的类型及其选址、布局、规模符合生态环境分区管控要求和国土空间规划。",
         "环境影响报告表对建设项目产生的污染和对生态环境的影响作出分析，并提出预防或者减轻不良环境影响的对策和措施。",
         "建设项目采取的污染防治措施能确保污染物排放达到国家和青海省排放标准。",
     ],
     [
         mat("eia_approval_application"),
         mat("eia_report_form", form="电子"),
         mat("business_license"),
     ] + agent_materials(),
     process("permit", EIA_STAT, "组织技术评估，审查环境影响报告表的内容和结论，向社会公开受理情况和拟作出的审批意见。"),
     EIA_STAT, "承诺件", NO_FEES,
     [result("建设项目环境影响报告表批复", "批文")],
     local_profile(15))

# ----- 行政确认 (07) ---------------------------------------------------------

INSTANT = deadline(0, "工作日", NO_LAW_INSTANT)

item("630703001000", "出生登记", "行政确认", "03", [X],
     [basis("《中华人民共和国户口登记条例》", "第七条")],
     [NAT],
     [
         "申报人为新生儿的父亲、母亲或者其他监护人。",
         "新生儿在中华人民共和国境内出生，已取得出生医学证明。",
         "新生儿随父亲或者随母亲申报常住户口，落户地址为父亲或者母亲的常住户口所在地。",
     ],
     [
         mat("birth_medical_certificate"),
         mat("household_register", notes="新生儿拟落户的父亲或者母亲的居民户口簿。", exemption="部门内部调取"),
         mat("id_card", notes="新生儿父亲、母亲的居民身份证。"),
         mat("marriage_certificate", situation="新生儿父母已办理结婚登记的"),
     ],
     process("instant", INSTANT, "核对出生医学证明与父母身份信息，当场办理出生登记并在居民户口簿中增加新生儿户口页。"),
     INSTANT, "即办件", NO_FEES,
     [result("居民户口簿（新生儿常住人口登记卡）", "证照")],
     local_profile(0))

ID_STAT = deadline(60, "自然日", "《中华人民共和国居民身份证法》规定公安机关自公民提交申请之日起60日内发放居民身份证；"
                                "交通不便的地区，延长时间不超过30日。")
item("630703002000", "居民身份证首次申领", "行政确认", "03", [X],
     [basis("《中华人民共和国居民身份证法》")],
     [NAT],
     [
         "申领人为居住在中华人民共和国境内、年满16周岁且未领取过居民身份证的中国公民；未满16周岁的中国公民自愿申领的，由监护人代为申请。",
         "申领人已在常住户口所在地登记常住户口。",
     ],
     [
         mat("household_register", exemption="部门内部调取"),
         mat("id_card_application_form", notes="在受理窗口现场填写，由申领人或者监护人签名确认。"),
         mat("guardian_id_card", situation="申领人未满16周岁的"),
     ],
     process("decide", deadline(60, "自然日"), "核对申领人常住户口登记信息，现场采集人像和指纹信息并审核。",
             "符合条件的，制作居民身份证；不符合的，书面告知不予办理的理由。"),
     ID_STAT, "承诺件",
     od(("charged", True), ("charges", [od(
         ("name", "居民身份证工本费"),
         ("standard", "每证20元"),
         ("basis", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》"),
         ("waiver_allowed", True),
         ("waiver_basis", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》"),
     )])),
     [result("居民身份证", "证照")],
     local_profile(30, 1, "Ⅱ级", "须本人到受理窗口现场采集人像和指纹信息（《中华人民共和国居民身份证法》）。"))

RP_STAT = deadline(15, "自然日", "《居住证暂行条例》规定公安机关自受理之日起15日内制作发放居住证。")
item("630703003000", "居住证申领", "行政确认", "03", [X],
     [basis("《居住证暂行条例》")],
     [NAT],
     [
         "申请人离开常住户口所在地，到居住地居住满半年。",
         "申请人在居住地有合法稳定就业、合法稳定住所或者连续就读，三项条件符合其中一项。",
     ],
     [
         mat("id_card"),
         mat("recent_photo", form="电子"),
         mat("residence_address_proof", notes="提交房屋租赁合同、房屋所有权证明或者房屋出租人、用人单位、就读学校出具的住宿证明，三者提交其一。"),
         mat("stable_employment_proof", situation="以合法稳定就业申领的", notes="提交劳动合同或者营业执照，二者提交其一。"),
         mat("continuous_study_proof", situation="以连续就读申领的"),
     ],
     process("decide", deadline(15, "自然日"), "核对申请人身份信息和居住、就业、就读证明，核实居住时间满半年。",
             "符合条件的，制作发放居住证；不符合的，书面告知不予办理的理由。"),
     RP_STAT, "承诺件", NO_FEES,
     [result("居住证", "证照")],
     local_profile(10))

MAR_STAT = deadline(0, "工作日", "《婚姻登记条例》规定婚姻登记机关对当事人符合结婚条件的，当场予以登记，发给结婚证。")
item("630708001000", "结婚登记", "行政确认", "08", [X],
     [basis("《中华人民共和国民法典》", "第一千零四十七条"), basis("《中华人民共和国民法典》", "第一千零四十九条"),
      basis("《婚姻登记条例》")],
     [NAT],
     [
         "男方年满22周岁，女方年满20周岁。",
         "男女双方完全自愿。",
         "男女双方均无配偶。",
         "男女双方不是直系血亲，也不是三代以内的旁系血亲。",
         "男女双方亲自到婚姻登记机关共同申请。",
     ],
     [
         mat("id_card", notes="男女双方各自的居民身份证。", exemption="电子证照",
             exemption_note="现场通过人像比对和电子证照核验双方身份，不提交复印件。"),
         mat("marriage_declaration", notes="在婚姻登记员面前由双方分别签署。", form="纸质"),
         mat("couple_photos", originals=3, form="纸质"),
     ],
     process("instant", MAR_STAT, "审查双方证件、声明并询问双方结婚意愿；符合结婚条件的，当场予以登记并颁发结婚证。",
             accept_actor="婚姻登记员"),
     MAR_STAT, "即办件", NO_FEES,
     [result("结婚证", "证照")],
     local_profile(0, 1, "Ⅱ级", "《中华人民共和国民法典》第一千零四十九条规定，结婚的男女双方须亲自到婚姻登记机关申请结婚登记。"))

WI_STAT = deadline(60, "自然日", "《工伤保险条例》规定社会保险行政部门自受理工伤认定申请之日起60日内作出工伤认定决定；"
                                "对事实清楚、权利义务明确的工伤认定申请，在15日内作出决定。")
item("630705001000", "工伤认定", "行政确认", "05", [M],
     [basis("《工伤保险条例》"), basis("《工伤认定办法》")],
     [NAT, ENT, UNINC, PUB, SOC],
     [
         "申请人为受伤害职工所在的用人单位，或者受伤害职工、其近亲属、工会组织。",
         "用人单位自事故伤害发生之日或者职工被诊断、鉴定为职业病之日起30日内提出申请；用人单位未提出的，受伤害职工或者其近亲属、工会组织自事故伤害发生之日或者被诊断、鉴定为职业病之日起1年内提出申请。",
         "受伤害职工与用人单位存在劳动关系（含事实劳动关系）。",
     ],
     [
         mat("work_injury_application"),
         mat("labor_relation_proof"),
         mat("medical_diagnosis_certificate"),
         mat("id_card", notes="受伤害职工的居民身份证。"),
     ] + agent_materials(),
     process("decide", deadline(60, "自然日"), "审核申请材料，对事故伤害情况进行调查核实，调查由2名以上工作人员进行并制作调查笔录。",
             "作出认定工伤、视同工伤或者不予认定工伤的决定，书面通知申请人、受伤害职工和用人单位。"),
     WI_STAT, "承诺件", NO_FEES,
     [result("认定工伤决定书", "批文"), result("不予认定工伤决定书", "批文")],
     local_profile(30, 0, "Ⅳ级"))

RE_STAT = deadline(30, "工作日", "依据《不动产登记暂行条例》，不动产登记机构自受理登记申请之日起30个工作日内办结不动产登记手续。")
item("630712001001", "国有建设用地使用权及房屋所有权转移登记", "行政确认", "12", [M, X],
     [basis("《中华人民共和国民法典》"), basis("《不动产登记暂行条例》"), basis("《不动产登记暂行条例实施细则》")],
     [NAT, ENT, UNINC, PUB, SOC, OTH],
     [
         "转让方和受让方共同申请；因继承、受遗赠或者人民法院、仲裁机构生效法律文书取得不动产的，可以单方申请。",
         "不动产已办理首次登记，转让方为不动产登记簿记载的权利人。",
         "不动产未被人民法院、行政机关依法查封。",
         "因买卖、赠与转移的，受让方已缴纳契税。",
     ],
     [
         mat("real_estate_application", notes="由转让方和受让方共同签署。"),
         mat("id_card", situation="申请人为自然人的"),
         mat("business_license", situation="申请人为企业或者个体工商户的"),
         mat("real_estate_certificate"),
         mat("transfer_cause_document", notes="提交买卖合同、赠与合同、继承或者受遗赠证明、人民法院或者仲裁机构生效法律文书，按转移原因提交其一。"),
         mat("deed_tax_certificate", situation="因买卖、赠与转移的"),
     ] + agent_materials(),
     process("decide", deadline(30, "工作日"), "查验申请人身份、不动产权属和登记原因文件，查询不动产登记簿的查封和限制记录。",
             "符合登记条件的，将登记事项记载于不动产登记簿并核发不动产权证书；不符合的，书面告知不予登记的理由。"),
     RE_STAT, "承诺件",
     od(("charged", True), ("charges", [od(
         ("name", "不动产登记费"),
         ("standard", "住宅类不动产每件80元；非住宅类不动产每件550元"),
         ("basis", "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》"),
         ("waiver_allowed", True),
         ("waiver_basis", "《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》"),
     )])),
     [result("不动产权证书", "证照")],
     local_profile(5, 1, "Ⅲ级", "转让方和受让方须共同到场核验身份并当面签署不动产登记申请书。"))

# ----- 行政给付 (05) ---------------------------------------------------------

item("630508001000", "最低生活保障", "行政给付", "08", [X],
     [basis("《社会救助暂行办法》"), basis("《最低生活保障审核确认办法》")],
     [NAT],
     [
         "以家庭为单位申请，由共同生活的家庭成员中的1名成年人提出。",
         "共同生活的家庭成员人均月收入低于所在县（市、区）人民政府公布的最低生活保障标准。",
         "家庭财产状况符合所在县（市、区）人民政府公布的最低生活保障家庭财产条件。",
         "申请人依照《社会救助暂行办法》向户籍所在地乡镇人民政府（街道办事处）提出书面申请。",
     ],
     [
         mat("dibao_application"),
         mat("id_card", notes="共同生活的家庭成员的居民身份证。"),
         mat("household_register"),
         mat("economic_check_authorization", notes="由共同生活的家庭成员中年满18周岁的成员逐一签字。", form="纸质"),
         mat("family_income_declaration"),
     ],
     process("decide", no_law(30, "工作日"), "核对家庭经济状况信息，组织入户调查，并在申请人所在村（居）民委员会公示审核确认结果。",
             "符合条件的，作出给予最低生活保障的决定并按月发放最低生活保障金；不符合的，书面告知理由。"),
     no_law(30, "工作日"), "承诺件", NO_FEES,
     [result("最低生活保障审核确认决定书", "批文")],
     local_profile(20))

item("630508002000", "特困人员救助供养", "行政给付", "08", [X],
     [basis("《社会救助暂行办法》"), basis("《特困人员认定办法》")],
     [NAT],
     [
         "申请人为年满60周岁的老年人、残疾人或者未满16周岁的未成年人。",
         "申请人无劳动能力、无生活来源。",
         "申请人无法定赡养、抚养、扶养义务人，或者其法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力。",
     ],
     [
         mat("tekun_application"),
         mat("id_card"),
         mat("household_register"),
         mat("economic_check_authorization", form="纸质"),
         mat("disability_certificate", situation="申请人为持有残疾人证的残疾人的", exemption="数据共享核验"),
     ],
     process("decide", no_law(30, "工作日"), "核对申请人及其法定义务人的经济状况，组织入户调查，并在申请人所在村（居）民委员会公示审核确认结果。",
             "符合条件的，作出给予特困人员救助供养的决定；不符合的，书面告知理由。"),
     no_law(30, "工作日"), "承诺件", NO_FEES,
     [result("特困人员救助供养审核确认决定书", "批文")],
     local_profile(20))

DIS_BASIS = [basis("《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》")]
item("630508003001", "困难残疾人生活补贴", "行政给付", "08", [X],
     DIS_BASIS,
     [NAT],
     [
         "申请人持有第二代中华人民共和国残疾人证。",
         "申请人为最低生活保障家庭中的残疾人。",
     ],
     [
         mat("disability_subsidy_application"),
         mat("id_card"),
         mat("disability_certificate", exemption="数据共享核验"),
     ],
     process("decide", no_law(20, "工作日"), "核对残疾人证信息和最低生活保障家庭成员信息。",
             "符合条件的，作出给予补贴的决定并按月发放；不符合的，书面告知理由。"),
     no_law(20, "工作日"), "承诺件", NO_FEES,
     [result("困难残疾人生活补贴审批决定", "批文")],
     local_profile(15))

item("630508003002", "重度残疾人护理补贴", "行政给付", "08", [X],
     DIS_BASIS,
     [NAT],
     [
         "申请人持有第二代中华人民共和国残疾人证，残疾等级为一级或者二级。",
         "申请人需要长期照护。",
     ],
     [
         mat("disability_subsidy_application"),
         mat("id_card"),
         mat("disability_certificate", exemption="数据共享核验"),
     ],
     process("decide", no_law(20, "工作日"), "核对残疾人证记载的残疾类别和等级。",
             "符合条件的，作出给予补贴的决定并按月发放；不符合的，书面告知理由。"),
     no_law(20, "工作日"), "承诺件", NO_FEES,
     [result("重度残疾人护理补贴审批决定", "批文")],
     local_profile(15))

item("630505001000", "失业保险金申领", "行政给付", "05", [M, X],
     [basis("《中华人民共和国社会保险法》"), basis("《失业保险条例》"), basis("《失业保险金申领发放办法》")],
     [NAT],
     [
         "失业前用人单位和本人已参加失业保险，并已缴纳失业保险费满1年。",
         "非因本人意愿中断就业。",
         "已办理失业登记，并有求职要求。",
     ],
     [
         mat("unemployment_benefit_application"),
         mat("id_card"),
         mat("labor_termination_proof"),
         mat("bank_account_info", form="电子"),
     ],
     process("decide", no_law(10, "工作日"), "核对参保缴费记录、劳动关系解除或者终止信息和失业登记信息，核定领取期限和标准。",
             "符合条件的，核定失业保险待遇并按月发放；不符合的，书面告知理由。"),
     no_law(10, "工作日"), "承诺件", NO_FEES,
     [result("失业保险待遇核定通知", "其他")],
     local_profile(5),
     tongban=("跨省通办", ["全程网办"]))

# ----- 行政奖励 (08) ---------------------------------------------------------

item("630801001000", "食品安全违法行为举报奖励", "行政奖励", "01", [M, X],
     [basis("《中华人民共和国食品安全法》"), basis("《市场监管领域重大违法行为举报奖励暂行办法》")],
     [NAT, ENT, UNINC, SOC, OTH],
     [
         "举报人为实名举报的自然人、法人或者非法人组织。",
         "举报的食品安全违法行为在举报前未被市场监督管理部门掌握。",
         "举报事项经查证属实，市场监督管理部门已作出行政处罚决定或者已将案件移送司法机关。",
     ],
     [
         mat("report_reward_application"),
         mat("id_card", situation="举报人为自然人的"),
         mat("business_license", situation="举报人为企业或者个体工商户的"),
         mat("bank_account_info", form="电子"),
     ],
     process("decide", no_law(30, "工作日"), "核对举报记录、案件查处结果和举报人身份，按举报线索对查处案件的作用确定奖励等级。",
             "符合奖励条件的，作出奖励决定并通知举报人领取奖金；不符合的，书面告知理由。"),
     no_law(30, "工作日"), "承诺件", NO_FEES,
     [result("举报奖励决定书", "批文")],
     local_profile(20))

item("630804001000", "违法违规使用医疗保障基金举报奖励", "行政奖励", "04", [P, M, X],
     [basis("《医疗保障基金使用监督管理条例》"), basis("《违法违规使用医疗保障基金举报奖励办法》")],
     [NAT, ENT, UNINC, SOC, OTH],
     [
         "举报人为实名举报的自然人、法人或者非法人组织。",
         "举报的违法违规使用医疗保障基金行为在举报前未被医疗保障部门掌握。",
         "举报事项经查证属实，医疗保障部门已作出处理决定。",
     ],
     [
         mat("report_reward_application"),
         mat("id_card", situation="举报人为自然人的"),
         mat("business_license", situation="举报人为企业或者个体工商户的"),
         mat("bank_account_info", form="电子"),
     ],
     process("decide", no_law(30, "工作日"), "核对举报记录、案件查处结果和举报人身份，按查实金额确定奖励金额。",
             "符合奖励条件的，作出奖励决定并通知举报人领取奖金；不符合的，书面告知理由。"),
     no_law(30, "工作日"), "承诺件", NO_FEES,
     [result("举报奖励决定书", "批文")],
     local_profile(20))

# ----- 行政裁决 (09) ---------------------------------------------------------

GP_STAT = deadline(30, "工作日", "依据《中华人民共和国政府采购法》第五十六条，政府采购监督管理部门在收到投诉后30个工作日内作出处理决定。")
item("630915001000", "政府采购投诉处理", "行政裁决", "15", [P, M, X],
     [basis("《中华人民共和国政府采购法》", "第五十六条"), basis("《政府采购质疑和投诉办法》")],
     [ENT, UNINC, PUB, SOC, NAT, OTH],
     [
         "投诉人为参与所投诉政府采购项目采购活动的供应商。",
         "投诉人已就投诉事项向采购人或者采购代理机构提出质疑。",
         "投诉人在质疑答复期满后15个工作日内提起投诉。",
         "投诉事项不超出已质疑事项的范围。",
         "投诉书载明投诉人和被投诉人、具体的投诉事项和请求、事实依据和法律依据，由投诉人签字或者盖章。",
     ],
     [
         mat("procurement_complaint"),
         mat("procurement_query_and_reply"),
         mat("business_license", situation="投诉人为企业或者个体工商户的"),
         mat("id_card", situation="投诉人为自然人的"),
     ] + agent_materials(),
     process("decide", GP_STAT, "审查投诉书和证据，向被投诉人和与投诉事项有直接利害关系的供应商发送投诉书副本，调查取证。",
             "作出投诉处理决定，书面通知投诉人和与投诉事项有直接利害关系的当事人。"),
     GP_STAT, "承诺件", NO_FEES,
     [result("政府采购投诉处理决定书", "批文")],
     local_profile(20))

# ----- 其他行政权力 (10) -----------------------------------------------------

item("631001001000", "仅销售预包装食品备案", "其他行政权力", "01", [X],
     [basis("《中华人民共和国食品安全法》", "第三十五条"), basis("《食品经营许可和备案管理办法》")],
     [ENT, UNINC, PUB, SOC, NAT],
     [
         "备案人已取得营业执照。",
         "备案人仅销售预包装食品，不从事散装食品销售和餐饮服务。",
     ],
     [
         mat("prepackaged_food_filing_form"),
         mat("business_license"),
     ],
     process("instant", INSTANT, "核对备案信息与营业执照记载是否一致，当场完成备案并生成备案编号。"),
     INSTANT, "即办件", NO_FEES,
     [result("仅销售预包装食品备案信息", "其他")],
     local_profile(0))

item("631007001000", "建设工程消防验收备案", "其他行政权力", "07", [M, X],
     [basis("《中华人民共和国消防法》", "第十三条"), basis("《建设工程消防设计审查验收管理暂行规定》")],
     [ENT, UNINC, PUB, SOC, OTH],
     [
         "建设工程不属于依法须申请消防验收的特殊建设工程。",
         "建设单位已组织竣工验收，竣工验收结论为合格。",
     ],
     [
         mat("fire_acceptance_filing_form"),
         mat("completion_acceptance_report"),
         mat("fire_completion_drawings", form="电子"),
     ],
     process("instant", INSTANT, "备案材料齐全的，当场出具备案凭证；材料不齐全的，一次性告知需要补正的全部内容。"),
     INSTANT, "即办件", NO_FEES,
     [result("建设工程消防验收备案凭证", "其他")],
     local_profile(0))

item("631013001000", "建设项目环境影响登记表备案", "其他行政权力", "13", [M],
     [basis("《中华人民共和国环境影响评价法》"), basis("《建设项目环境影响登记表备案管理办法》")],
     [ENT, UNINC, PUB, SOC, NAT, OTH],
     [
         "建设项目属于《建设项目环境影响评价分类管理名录》中应当填报环境影响登记表的类别。",
         "建设单位在建设项目建成并投入生产运营前完成备案。",
     ],
     [
         mat("eia_registration_form", form="电子"),
     ],
     process("instant", INSTANT, "建设单位在线填报登记表并提交后，系统即时生成备案回执。"),
     INSTANT, "即办件", NO_FEES,
     [result("建设项目环境影响登记表备案回执", "其他")],
     local_profile(0))

# ----- 公共服务 (20) ---------------------------------------------------------

item("632002001000", "出生医学证明首次签发", "公共服务", "02", [M, X],
     [basis("《中华人民共和国母婴保健法》"), basis("《中华人民共和国母婴保健法实施办法》")],
     [NAT],
     [
         "新生儿在依法取得助产技术服务资质的医疗机构内出生。",
         "申请人为新生儿的母亲、父亲或者其他监护人。",
     ],
     [
         mat("newborn_information_form", notes="填写新生儿姓名、性别、出生时间和父母身份信息，由申请人签字确认。"),
         mat("id_card", notes="新生儿母亲的居民身份证；填写父亲信息的，同时提供父亲的居民身份证。"),
     ],
     process("instant", INSTANT, "核对母婴信息与分娩记录，当场签发出生医学证明。", accept_actor="助产机构出生医学证明签发人员"),
     INSTANT, "即办件", NO_FEES,
     [result("出生医学证明", "证照")],
     local_profile(0, 1, "Ⅲ级", "出生医学证明由新生儿出生的助产机构现场核对母婴信息后签发。"))

item("632002002000", "预防接种证办理", "公共服务", "02", [X],
     [basis("《中华人民共和国疫苗管理法》")],
     [NAT],
     [
         "申请人为儿童的监护人。",
         "向儿童居住地承担预防接种工作的接种单位或者儿童的出生医院申请。",
     ],
     [
         mat("birth_medical_certificate"),
         mat("guardian_id_card"),
     ],
     process("instant", INSTANT, "建立儿童预防接种档案，当场填写并发放预防接种证。", accept_actor="接种单位工作人员"),
     INSTANT, "即办件", NO_FEES,
     [result("预防接种证", "证照")],
     local_profile(0, 1, "Ⅲ级", "纸质预防接种证由接种单位或者出生医院当场建档填写后发放。"))

item("632004001000", "城乡居民基本医疗保险参保登记", "公共服务", "04", [X],
     [basis("《中华人民共和国社会保险法》"), basis("《国务院关于整合城乡居民基本医疗保险制度的意见》")],
     [NAT],
     [
         "参保人为不属于职工基本医疗保险参保范围的城乡居民。",
         "参保人未参加其他统筹地区的城乡居民基本医疗保险。",
         "新生儿、未成年人和无民事行为能力人由监护人代为办理。",
     ],
     [
         mat("medical_insurance_registration_form"),
         mat("id_card", situation="参保人已办理居民身份证的"),
         mat("household_register", situation="参保人为尚未办理居民身份证的新生儿或者未成年人的"),
     ],
     process("instant", INSTANT, "核对参保人身份信息和参保状态，当场完成参保登记。"),
     INSTANT, "即办件", NO_FEES,
     [result("城乡居民基本医疗保险参保登记信息", "其他")],
     local_profile(0))

item("632004002000", "基本医疗保险跨省异地就医备案", "公共服务", "04", [M, X],
     [basis("《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》")],
     [NAT],
     [
         "申请人已参加青海省职工基本医疗保险或者城乡居民基本医疗保险，参保状态为正常参保。",
         "申请人属于异地长期居住人员或者临时外出就医人员。",
     ],
     [
         mat("cross_province_medical_filing_form", form="电子"),
         mat("id_card"),
     ],
     process("instant", INSTANT, "核对参保状态和备案类别，当场完成备案并告知备案有效期。"),
     INSTANT, "即办件", NO_FEES,
     [result("跨省异地就医备案信息", "其他")],
     local_profile(0),
     tongban=("跨省通办", ["全程网办"]))

item("632004003000", "基本医疗保险参保信息查询和参保凭证打印", "公共服务", "04", [M, X],
     [basis("《中华人民共和国社会保险法》")],
     [NAT],
     [
         "申请人为基本医疗保险参保人本人或者其委托的代理人。",
     ],
     [
         mat("id_card"),
     ] + agent_materials(),
     process("instant", INSTANT, "核对参保人身份，当场查询参保信息并出具参保凭证。"),
     INSTANT, "即办件", NO_FEES,
     [result("基本医疗保险参保凭证", "其他")],
     local_profile(0))

item("632005001000", "社会保障卡申领", "公共服务", "05", [M, X],
     [basis("《中华人民共和国社会保险法》")],
     [NAT],
     [
         "申领人为已参加社会保险或者需要办理社会保障卡的中国公民。",
         "申领人未持有有效的社会保障卡。",
         "未满16周岁的申领人由监护人代为申领。",
     ],
     [
         mat("social_security_card_application"),
         mat("id_card", situation="申领人年满16周岁或者已办理居民身份证的"),
         mat("household_register", situation="申领人为尚未办理居民身份证的新生儿或者未成年人的"),
         mat("guardian_id_card", situation="由监护人代为申领的"),
     ],
     process("decide", no_law(15, "工作日"), "核对申领人身份信息和持卡状态，提交制卡。",
             "符合条件的，制作社会保障卡并启用；不符合的，告知不予制卡的理由。"),
     no_law(15, "工作日"), "承诺件", NO_FEES,
     [result("社会保障卡", "证照")],
     local_profile(5),
     tongban=("跨省通办", ["全程网办"]))

item("632005002000", "社会保障卡挂失", "公共服务", "05", [M, X],
     [basis("《中华人民共和国社会保险法》")],
     [NAT],
     [
         "申请人为社会保障卡持卡人本人或者其监护人。",
     ],
     [
         mat("id_card"),
     ],
     process("instant", INSTANT, "核对持卡人身份，当场办理挂失并停止社会保障卡的使用。"),
     INSTANT, "即办件", NO_FEES,
     [result("社会保障卡挂失信息", "其他")],
     local_profile(0))

item("632005003000", "就业创业证申领", "公共服务", "05", [X],
     [basis("《中华人民共和国就业促进法》"), basis("《就业服务与就业管理规定》")],
     [NAT],
     [
         "申领人年满16周岁。",
         "申领人未持有就业创业证。",
     ],
     [
         mat("employment_card_application"),
         mat("id_card"),
     ],
     process("instant", INSTANT, "核对申领人身份信息，当场核发就业创业证（电子证照）。"),
     INSTANT, "即办件", NO_FEES,
     [result("就业创业证", "证照")],
     local_profile(0))

item("632005004000", "失业登记", "公共服务", "05", [X],
     [basis("《中华人民共和国就业促进法》"), basis("《就业服务与就业管理规定》")],
     [NAT],
     [
         "申请人处于法定劳动年龄内，有劳动能力、有就业要求，处于无业状态。",
         "申请人在常住地公共就业服务机构办理登记。",
     ],
     [
         mat("unemployment_registration_form"),
         mat("id_card"),
         mat("labor_termination_proof", situation="失业前与用人单位存在劳动关系的"),
     ],
     process("instant", INSTANT, "核对申请人身份、就业状态和参保信息，当场办理失业登记并记载于就业创业证。"),
     INSTANT, "即办件", NO_FEES,
     [result("失业登记信息", "其他")],
     local_profile(0))

item("632005005000", "城乡居民基本养老保险参保登记", "公共服务", "05", [X],
     [basis("《中华人民共和国社会保险法》"), basis("《国务院关于建立统一的城乡居民基本养老保险制度的意见》")],
     [NAT],
     [
         "参保人年满16周岁，不是在校学生。",
         "参保人不是国家机关和事业单位工作人员，不属于职工基本养老保险制度覆盖范围。",
         "参保人在户籍所在地参保。",
     ],
     [
         mat("pension_registration_form"),
         mat("id_card"),
         mat("household_register"),
     ],
     process("instant", INSTANT, "核对参保人身份、户籍和参保状态，当场完成参保登记。"),
     INSTANT, "即办件", NO_FEES,
     [result("城乡居民基本养老保险参保登记信息", "其他")],
     local_profile(0))

LA_STAT = deadline(7, "自然日", "《中华人民共和国法律援助法》规定法律援助机构自收到法律援助申请之日起7日内进行审查，作出是否给予法律援助的决定。")
item("632016001000", "法律援助申请受理审查", "公共服务", "16", [M, X],
     [basis("《中华人民共和国法律援助法》")],
     [NAT],
     [
         "申请人因经济困难没有委托代理人。",
         "申请事项属于《中华人民共和国法律援助法》列明的可以申请法律援助的民事、行政事项。",
         "申请人向争议处理机关所在地或者事由发生地的法律援助机构提出申请。",
     ],
     [
         mat("legal_aid_application"),
         mat("id_card"),
         mat("economic_hardship_commitment"),
         mat("legal_aid_case_documents", notes="提交与申请事项对应的起诉状、仲裁申请书、判决书、裁定书或者行政决定书，按案件阶段提交其一。"),
     ] + agent_materials(),
     process("decide", LA_STAT, "审查申请事项范围和经济困难状况，核查申请人的诚信承诺。",
             "符合条件的，作出给予法律援助的决定并指派律师、基层法律服务工作者或者法律援助志愿者；不符合的，作出不予法律援助的书面决定并说明理由。"),
     LA_STAT, "承诺件", NO_FEES,
     [result("给予法律援助决定书", "批文"), result("不予法律援助决定书", "批文")],
     local_profile(5))

RQ_STAT = deadline(0, "工作日", "查询申请材料齐全、符合形式要求的，不动产登记机构当场提供查询结果。")
item("632012001000", "不动产登记资料查询", "公共服务", "12", [M, X],
     [basis("《不动产登记暂行条例》"), basis("《不动产登记资料查询暂行办法》")],
     [NAT, ENT, UNINC, PUB, SOC, OTH],
     [
         "查询人为不动产权利人或者其委托的代理人，或者为不动产的利害关系人。",
         "利害关系人查询的，查询范围为不动产的自然状况、权利人及其不动产查封、抵押、预告登记、异议登记情况。",
     ],
     [
         mat("real_estate_query_application"),
         mat("id_card", situation="查询人为自然人的"),
         mat("business_license", situation="查询人为企业或者个体工商户的"),
         mat("interest_proof", situation="以利害关系人身份查询的"),
     ] + agent_materials(),
     process("instant", RQ_STAT, "核对查询人身份和查询范围，当场出具查询结果证明。"),
     RQ_STAT, "即办件", NO_FEES,
     [result("不动产登记资料查询结果证明", "其他")],
     local_profile(0))

# ---------------------------------------------------------------------------
# Bundles (一件事)
# ---------------------------------------------------------------------------

BUNDLES = [
    {
        "id": "kaiban-canyindian",
        "name": "开办餐饮店一件事",
        "lead_department": "01",
        "members": ["630101001001", "630101002001", "630101003000", "630106001000", "630107001000", "630107002000"],
        "form": "开办餐饮店一件事联合申请表",
        "promised": 7,
    },
    {
        "id": "xinshenger-chusheng",
        "name": "新生儿出生一件事",
        "lead_department": "02",
        "members": ["632002001000", "632002002000", "630703001000", "632004001000", "632005001000"],
        "form": "新生儿出生一件事联合申请表",
        "promised": 5,
    },
]

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write(rel: str, obj, written: set):
    path = os.path.join(CATALOG, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(obj))
    written.add(rel)


def item_by_code():
    return {it["code"]: (it, loc) for it, loc in ITEMS}


def regions_for(levels):
    return [r for r in REGIONS if r[2] in levels]


def build_local(it, loc, region_code):
    rname = REGION_BY_CODE[region_code][1]
    dept = it["department"]
    unit = it["statutory_deadline"]["unit"]
    l = od(
        ("$schema", "../../schema/local.schema.json"),
        ("item", it["code"]),
        ("region", region_code),
        ("agency", f"{region_code}-{dept}"),
        ("promised_deadline", deadline(loc["promised"], unit)),
        ("visits", loc["visits"]),
    )
    if loc["visits"]:
        l["visit_reason"] = loc["reason"]
    l["online"] = od(("depth", loc["depth"]), ("address", ONLINE_ADDRESS))
    l["in_service_centre"] = True
    l["delivery_by_post"] = True
    centre = service_centre(region_code)
    l["windows"] = [od(("place", centre), ("hours", f"法定工作日，具体时间以{centre}公布为准"))]
    l["consultation"] = [od(("kind", "窗口"), ("value", f"{centre}{DEPT[dept][1]}窗口"))]
    l["complaint"] = [od(("kind", "电话"), ("value", "12345"))]
    l["deviations"] = []
    l["version"] = VERSION
    l["updated"] = UPDATED
    return l


def build_bundle(b):
    items = item_by_code()
    members = []
    mats = []
    for code in b["members"]:
        it, loc = items[code]
        members.append(od(("item", code), ("promised_deadline", deadline(loc["promised"], it["statutory_deadline"]["unit"]))))
        for m in it["materials"]:
            if m["material"] not in mats:
                mats.append(m["material"])
    return od(
        ("$schema", "../schema/bundle.schema.json"),
        ("id", b["id"]),
        ("name", b["name"]),
        ("lead_department", b["lead_department"]),
        ("members", members),
        ("form", od(("name", b["form"]), ("blank_form", b["form"] + "（空白）.pdf"))),
        ("materials", mats),
        ("promised_deadline", deadline(b["promised"], "工作日")),
        ("online_entry", "青海政务服务网「高效办成一件事」专区"),
        ("window", "政务服务中心“高效办成一件事”综合受理窗口"),
        ("version", VERSION),
        ("updated", UPDATED),
    )


def generate():
    # Remove previously generated data (never catalog/schema/ or README.md).
    for sub in ("items", "local", "agencies", "bundles"):
        p = os.path.join(CATALOG, sub)
        if os.path.isdir(p):
            shutil.rmtree(p)
    written = set()

    write("catalog.json", od(
        ("$schema", "schema/catalog.schema.json"),
        ("province", "630000"),
        ("title", "青海省政务服务事项基本目录和实施清单"),
        ("format_version", 1),
        ("item_types", [od(("code", c), ("name", n), ("applicant_facing", a)) for c, n, a in ITEM_TYPES]),
        ("updated", UPDATED),
    ), written)

    regions = []
    for code, name, level, parent in REGIONS:
        r = od(("code", code), ("name", name), ("level", level))
        if parent:
            r["parent"] = parent
        if code in FORMER_CODES:
            r["former_codes"] = [od(("code", c), ("name", n)) for c, n in FORMER_CODES[code]]
        regions.append(r)
    write("regions.json", od(("$schema", "schema/regions.schema.json"), ("regions", regions)), written)

    write("departments.json", od(
        ("$schema", "schema/departments.schema.json"),
        ("departments", [od(("code", c), ("name", n), ("provincial_name", p)) for c, n, p, _, _ in DEPARTMENTS]),
    ), written)

    mats = []
    for mid, name, kind, source, issuer, e_lic, shared in MATERIALS:
        m = od(("id", mid), ("name", name), ("kind", kind), ("source", source))
        if issuer:
            m["issuer"] = issuer
        m["e_license"] = e_lic
        m["shared_verification"] = shared
        mats.append(m)
    write("materials.json", od(("$schema", "schema/materials.schema.json"), ("materials", mats)), written)

    # Which departments implement items in each region.
    depts_in = {r[0]: set() for r in REGIONS}
    for it, loc in ITEMS:
        for r in regions_for(it["levels"]):
            depts_in[r[0]].add(it["department"])
    for code, name, level, _ in REGIONS:
        agencies = [od(("id", f"{code}-{d}"), ("name", agency_name(code, d)), ("department", d), ("level", level))
                    for d in sorted(depts_in[code])]
        write(f"agencies/{code}.json", od(("$schema", "../schema/agencies.schema.json"), ("region", code),
                                          ("agencies", agencies)), written)

    for it, loc in ITEMS:
        write(f"items/{it['code']}.json", it, written)
        for r in regions_for(it["levels"]):
            write(f"local/{r[0]}/{it['code']}.json", build_local(it, loc, r[0]), written)

    for b in BUNDLES:
        write(f"bundles/{b['id']}.json", build_bundle(b), written)

    return written


# ---------------------------------------------------------------------------
# --check: validate the files on disk (simple asserts)
# ---------------------------------------------------------------------------

VAGUE = [
    "其他材料", "其他相关材料", "规定的其他", "要求的其他", "其他需要", "包括但不限于", "相关证明", "有关材料",
    "相关部门", "有关部门", "有关规定", "按规定", "按照规定", "原则上", "必要时", "视情况", "根据需要", "酌情",
    "认为必要", "特殊情况", "适当", "及时", "尽快", "在规定时限内", "合理期限", "一定期限", "若干", "具有相应",
    "良好的", "较强的", "暂无", "详见窗口", "本地户籍", "本地企业", "相关", "有关", "...", "……",
]
# 等 closing a list; 等级/平等/等候/同等/高等/中等/一等 are not.
OPEN_LIST = re.compile(r"(?<![高中平同一二三初对均])等(?![级候待同])")
TITLE = re.compile(r"《[^》]*》")
FREE_TEXT_SKIP = {"$schema", "document", "article", "text", "code", "item", "region", "agency", "material",
                  "id", "department", "lead_department", "updated", "sample", "blank_form"}


def free_text(obj, path=""):
    """Yield (pointer, text) for every author-written string."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in FREE_TEXT_SKIP:
                continue
            yield from free_text(v, f"{path}/{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from free_text(v, f"{path}/{i}")
    elif isinstance(obj, str):
        yield path, obj


def check():
    def load(rel):
        path = os.path.join(CATALOG, rel)
        with open(path, "rb") as f:
            raw = f.read()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{rel}: BOM"
        text = raw.decode("utf-8")
        assert text.endswith("\n"), f"{rel}: no trailing newline"
        data = json.loads(text, object_pairs_hook=OrderedDict)
        assert text == dump(data), f"{rel}: not in canonical 2-space form"
        return data

    files = []
    for dirpath, dirnames, filenames in os.walk(CATALOG):
        dirnames[:] = [d for d in dirnames if not (dirpath == CATALOG and d == "schema")]
        for fn in filenames:
            if fn.endswith(".json"):
                files.append(os.path.relpath(os.path.join(dirpath, fn), CATALOG).replace(os.sep, "/"))
    files.sort()
    docs = {rel: load(rel) for rel in files}

    meta = docs["catalog.json"]
    assert meta["province"] == "630000"
    types = {t["name"]: t for t in meta["item_types"]}
    regions = {r["code"]: r for r in docs["regions.json"]["regions"]}
    for r in regions.values():
        if r["level"] == "省级":
            assert "parent" not in r
        else:
            parent = regions[r["parent"]]
            assert parent["level"] == {"市级": "省级", "县级": "市级"}[r["level"]], r
    assert len([r for r in regions.values() if r["level"] == "县级"]) == 44
    assert len([r for r in regions.values() if r["level"] == "市级"]) == 8
    depts = {d["code"]: d for d in docs["departments.json"]["departments"]}
    mats = {m["id"]: m for m in docs["materials.json"]["materials"]}
    assert len(mats) == len(docs["materials.json"]["materials"]), "duplicate material id"
    assert len({m["name"] for m in mats.values()}) == len(mats), "duplicate material name"
    for m in mats.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", m["id"]), m["id"]
        if m["source"] in (GOV, AGENT):
            assert m.get("issuer"), m["id"]

    agencies = {}
    for rel, d in docs.items():
        if rel.startswith("agencies/"):
            assert rel == f"agencies/{d['region']}.json", rel
            region = regions[d["region"]]
            for a in d["agencies"]:
                assert a["id"] not in agencies, a["id"]
                assert a["id"] == f"{d['region']}-{a['department']}", a
                assert a["department"] in depts, a
                assert a["level"] == region["level"], a
                assert "credit_code" not in a
                agencies[a["id"]] = (d["region"], a)
    assert set(f"agencies/{c}.json" for c in regions) == {r for r in docs if r.startswith("agencies/")}

    items = {}
    for rel, it in docs.items():
        if not rel.startswith("items/"):
            continue
        code = it["code"]
        assert rel == f"items/{code}.json", rel
        assert re.fullmatch(r"[0-9]{12}", code)
        assert code[:2] == "63", code
        assert code[2:4] == types[it["item_type"]]["code"], code
        assert code[4:6] == it["department"] and it["department"] in depts, code
        assert types[it["item_type"]]["applicant_facing"], code
        assert it["levels"] and it["legal_basis"] and it["service_objects"], code
        assert it["conditions"] and it["materials"] and it["results"], code
        stat = it["statutory_deadline"]
        assert stat["unit"] in ("工作日", "自然日"), code
        assert (it["case_type"] == "即办件") == (stat["value"] == 0), code
        for m in it["materials"]:
            assert m["material"] in mats, (code, m["material"])
            reg = mats[m["material"]]
            if reg["source"] == GOV and (reg["e_license"] or reg["shared_verification"]):
                assert "exemption" in m, (code, m["material"])
            if m["form"] in ("纸质", "纸质或电子"):
                assert m.get("paper_size") == "A4", (code, m["material"])
        ids = [m["material"] for m in it["materials"]]
        assert len(ids) == len(set(ids)), f"{code}: material listed twice"
        if it["item_type"] == "行政许可":
            assert [s["name"] for s in it["process"]] == ["受理", "审查", "决定", "送达"], code
        total = 0
        for s in it["process"]:
            assert s["actor"] and s["deadline"]["unit"] == stat["unit"], code
            total += s["deadline"]["value"]
        assert total <= stat["value"], f"{code}: step deadlines {total} > statutory {stat['value']}"
        if it["fees"]["charged"]:
            for ch in it["fees"]["charges"]:
                assert ch["name"] and ch["standard"] and ch["basis"], code
        else:
            assert it["fees"]["charges"] == [], code
        for r in it["results"]:
            assert r.get("sample"), code
        if "commitment" in it:
            c = it["commitment"]
            assert all(c[k] for k in ("content", "requirements", "liability", "verification")), code
        items[code] = it

    used = {m["material"] for it in items.values() for m in it["materials"]}
    assert used == set(mats), f"materials never referenced: {sorted(set(mats) - used)}"

    locals_seen = set()
    promised_by_item = {}
    for rel, l in docs.items():
        if not rel.startswith("local/"):
            continue
        _, region_code, fn = rel.split("/")
        assert fn == f"{l['item']}.json" and region_code == l["region"], rel
        it = items[l["item"]]
        region = regions[l["region"]]
        assert region["level"] in it["levels"], rel
        agency_region, agency = agencies[l["agency"]]
        assert agency_region == l["region"], rel
        assert agency["department"] == it["department"], rel
        assert "implementation_code" not in l, rel
        p, s = l["promised_deadline"], it["statutory_deadline"]
        assert p["unit"] == s["unit"] and p["value"] <= s["value"], rel
        assert (p["value"] == 0) == (it["case_type"] == "即办件"), rel
        promised_by_item.setdefault(l["item"], set()).add((p["value"], p["unit"]))
        if l["visits"]:
            assert l.get("visit_reason"), rel
        if l["online"].get("depth") == "Ⅳ级":
            assert l["visits"] == 0, rel
        assert l["consultation"] != l["complaint"], rel
        assert all(c["value"] == "12345" for c in l["complaint"] if c["kind"] == "电话"), rel
        locals_seen.add((l["item"], l["region"]))
    expected = {(c, r) for c, it in items.items() for r, reg in regions.items() if reg["level"] in it["levels"]}
    assert locals_seen == expected, (len(locals_seen), len(expected))
    for code, ps in promised_by_item.items():
        assert len(ps) == 1, f"{code}: promised deadline differs between regions"

    bundles = {}
    for rel, b in docs.items():
        if not rel.startswith("bundles/"):
            continue
        assert rel == f"bundles/{b['id']}.json", rel
        assert b["lead_department"] in depts
        union = []
        total = 0
        for m in b["members"]:
            it = items[m["item"]]
            assert m["promised_deadline"]["value"] <= it["statutory_deadline"]["value"], rel
            assert m["promised_deadline"]["unit"] == it["statutory_deadline"]["unit"], rel
            assert (m["promised_deadline"]["value"],
                    m["promised_deadline"]["unit"]) in promised_by_item[m["item"]], rel
            total += m["promised_deadline"]["value"]
            for im in it["materials"]:
                if im["material"] not in union:
                    union.append(im["material"])
        assert b["materials"] == union, rel
        assert len(set(b["materials"])) == len(b["materials"]), rel
        assert all(mid in mats for mid in b["materials"]), rel
        assert b["promised_deadline"]["value"] <= total, rel
        bundles[b["id"]] = b
    assert set(bundles) == {"kaiban-canyindian", "xinshenger-chusheng"}

    # Vague and catch-all language in author-written text.
    problems = []
    for rel, d in docs.items():
        for ptr, text in free_text(d):
            if ptr.endswith("/name") and "/legal_basis/" in ptr:
                continue
            bare = TITLE.sub("", text)
            for w in VAGUE:
                if w in bare:
                    problems.append(f"{rel}{ptr}: “{w}” in “{text}”")
            if OPEN_LIST.search(bare):
                problems.append(f"{rel}{ptr}: 等 in “{text}”")
            if bare.strip() in ("无", "/", "-"):
                problems.append(f"{rel}{ptr}: placeholder “{text}”")
    assert not problems, "\n".join(sorted(set(problems))[:50])

    # Applicant-facing types all covered.
    covered = {it["item_type"] for it in items.values()}
    for name, t in types.items():
        if t["applicant_facing"]:
            assert name in covered, f"no item of type {name}"
    assert len(items) >= 40

    by_type = {}
    for it in items.values():
        by_type[it["item_type"]] = by_type.get(it["item_type"], 0) + 1
    print(f"ok: {len(files)} files; {len(items)} items; {len(locals_seen)} local files; "
          f"{len(agencies)} agencies; {len(mats)} materials; {len(bundles)} bundles")
    for name, _, _ in [(t[1], 0, 0) for t in ITEM_TYPES]:
        if name in by_type:
            print(f"  {name}: {by_type[name]}")


def main(argv):
    if "--check" in argv:
        check()
        return 0
    written = generate()
    print(f"wrote {len(written)} files under {CATALOG}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
