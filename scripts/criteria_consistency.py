#!/usr/bin/env python3
# Consistency of lead decisions D1-D14 (and some folded README decisions) with GOLD labels of real.jsonl.
import json, re, sys
P = 'tests/corpus/real.jsonl'  # run from the repository root
rows = []
for i, l in enumerate(open(P, encoding='utf-8'), 1):
    x = json.loads(l)
    rows.append((i, x['split'], x.get('batch', '1-5'), x['labels'], x['text']))

SEP = r'[^，,。；;：:]'
# "other trigger" regexes per class: if, after removing the decision's matched span(s), another
# form of the same class remains in the clause, the clause is set aside as "other form present".
OTHER = {
 '指代不明': re.compile(r'(有关|相关|相应|对应|按要准)|(按|按照|依|依照|依据|根据|符合|执行)' + SEP + r'{0,20}?(规定|要求|标准|政策)'),
 '开放列举': re.compile(r'等(?![级于待候同次])|包括但不限于'),
 '兜底': re.compile(r'其[他它]'),
 '自由裁量': re.compile(r'视情况|视需要|必要时|确有必要|如有需要|实际情况|原则上|酌情|一般|特殊|确需|认为有?必要|根据需要|当地情况'),
 '不可量化': re.compile(r'及时|尽快|尽早|适时|限期|一定|适量|若干|良好|较|重大|突出|效益好|规定时限|规定工作日|法定时限|规定期限|长期'),
 '占位': re.compile(r'(^|[:：\s])(无|無|/|-|—|暂无)。?$|详见窗口|咨询窗口|以窗口为准'),
 '歧视性条件': re.compile(r'户籍|户口|戶口|本市|本地|本省|本区|本县'),
}
NAMED = re.compile(r'《|〔|\[\d{4}\]|第[一二三四五六七八九十百\d]+条|GB')

def strip(text, pat):
    return re.sub(pat, '□', text)

def trunc(t, n=60):
    return t if len(t) <= n else t[:n] + '…'

out = []
summary = []
def test(name, desc, pat, cls, expect, veto=None, other=True, extra=None):
    """pat: regex; clauses matching it; expect True = gold must carry cls, False = must not.
    veto: regex; clauses matching it are set aside (reported as vetoed count).
    other: if expect False, clauses where another form of cls remains after removing pat are set aside."""
    rx = re.compile(pat)
    fol, con, setaside, vet = [], [], [], []
    for (i, sp, b, lab, t) in rows:
        if not rx.search(t):
            continue
        if extra and not extra(t):
            continue
        if veto and re.search(veto, t):
            vet.append(i); continue
        has = cls in lab
        if expect:
            (fol if has else con).append((i, sp, b, lab, t))
        else:
            if not has:
                fol.append((i, sp, b, lab, t))
            else:
                rest = strip(t, pat)
                if other and OTHER[cls].search(rest):
                    setaside.append(i)
                else:
                    con.append((i, sp, b, lab, t))
    summary.append((name, len(fol), len(con), len(setaside), len(vet)))
    out.append(f'\n### {name}\n\n{desc}\n\nSearch: `re.search({pat!r}, text)`; expectation: gold labels '
               f'{"contain" if expect else "do not contain"} **{cls}**'
               + (f'; clauses matching veto `{veto}` set aside ({len(vet)})' if veto else '')
               + (f'; when the gold does carry {cls}, the clause is set aside if another {cls} form '
                  f'(`{OTHER[cls].pattern}`) still matches after the searched span is replaced ({len(setaside)} set aside)'
                  if (not expect and other) else '') + '.\n')
    out.append(f'Follow: **{len(fol)}**; contradict: **{len(con)}**.\n')
    if con:
        out.append('| line | split | batch | gold | clause (60 chars) |\n|---|---|---|---|---|')
        for (i, sp, b, lab, t) in con:
            out.append(f'| {i} | {sp} | {b} | {",".join(lab) or "[]"} | {trunc(t).replace("|","｜")} |')

NUM = r'\d|[一二两三四五六七八九十百]+(个|日|天|年|月|周|小时|工作日|人|名|万|元|%)'
# ---------------- D1
test('D1a 不可量化 closed family → labelled',
     'D1 positive forms: 及时/尽快/尽早/适时; 限期 (not 办理限期); 一定+数量/规模/期限/周期/比例; 适量; 若干; 良好; 较+大/强/早/多/长/高/小/少; 重大/突出+贡献/损失/影响/项目/事项; 经济效益好. Veto: a number in the clause (criteria: "the same words with a number").',
     r'及[时時](?!间|間)|尽快|盡快|尽早|盡早|适时|適時|(?<![办理时])限期|一定的?(数量|规模|期限|周期|比例)|适量|若干|良好|较(大|强|早|多|长|高|小|少)|(重大|突出)[^，,。；;]{0,6}(贡献|损失|影响|项目|事项)|经济效益好',
     '不可量化', True, veto=NUM)
UNM_ALL = r'及[时時]|尽快|盡快|尽早|盡早|适时|適時|限期|一定的?(数量|规模|期限|周期|比例)|适量|若干|良好|较(大|强|早|多|长|高|小|少)|(重大|突出)|经济效益好|[规規]定(时限|工作日|期限)|法定(时限|期限|時限)'
out.append('\n### D1b 不可量化 closed family: every 不可量化 gold label has a family form\n\nClauses whose gold carries 不可量化 but contain none of the D1 family forms nor the folded time forms (`在规定时限内`, `规定工作日内`, `在法定时限内`, batches 5/8).\n')
fol = [r for r in rows if '不可量化' in r[3] and re.search(UNM_ALL, r[4])]
con = [r for r in rows if '不可量化' in r[3] and not re.search(UNM_ALL, r[4])]
summary.append(('D1b 不可量化 closed (labelled ⇒ family form present)', len(fol), len(con), 0, 0))
out.append(f'Search: gold contains 不可量化 and `re.search({UNM_ALL!r}, text)`.\n\nFollow: **{len(fol)}**; contradict: **{len(con)}**.\n')
if con:
    out.append('| line | split | batch | gold | clause (60 chars) |\n|---|---|---|---|---|')
    for (i, sp, b, lab, t) in con:
        out.append(f'| {i} | {sp} | {b} | {",".join(lab)} | {trunc(t)} |')
test('D1c 不可量化 NOT for evaluative adjectives',
     'D1 negative list: 健全, 完善, 充分, 科学, 合理, 有效 (not 有效期/有效身份), 严格, 明确, 清晰, 稳定, 相适应, 必要, 必备, 低劣, 差 (as 条件差), 相当, 专业的; 近期 before 照片.',
     r'健全|完善|充分|科学|合理|有效(?!期|身份|证|的?[身护证])|严格|明确|清晰|稳定|相适应|必要(?!时)|必备|低劣|条件差|相当|专业的|近期[^，,。；;]{0,6}照片',
     '不可量化', False)
# ---------------- D2
test('D2 指代不明 verb list closed: 具备/具有/达到/违反/熟悉 + …规定 not labelled by the verb bullet',
     'Only matches whose span contains none of 符合/按/依/根据/有关/相关/相应/对应 are counted. Clauses where 具备/具有/达到/违反/熟悉 governs (within 15 chars) 规定/要求/标准. Set aside when another 指代不明 form remains (有关/相关/相应/对应, or a slot verb + 规定…).',
     r'(具备|具有|达到|违反|熟悉)' + SEP + r'{0,15}?(规定|要求|标准)',
     '指代不明', False, extra=lambda t: any(not re.search(r'符合|按|依|根据|有关|相关|相应|对应', m.group(0)) for m in re.finditer(r'(具备|具有|达到|违反|熟悉)' + SEP + r'{0,15}?(规定|要求|标准)', t)))
# ---------------- D3
test('D3 bare 符合要求 / 不符合要求 / 按要求 / 符合规定 / 按规定 → 指代不明',
     'Bare forms (nothing between the verb and 规定/要求). Veto: a named document (`《`, `〔`, `[yyyy]`, `第…条`, `GB`) in the clause (criteria exception).',
     r'(符合|按照?|依照?|根据|执行)(规定|要求)', '指代不明', True, veto=NAMED)
# ---------------- D4
test('D4 法律/法规/规章/法定 as an unnamed source → 指代不明',
     'Slot verb + (相关/有关)? + 法律/法规/规章/法定/法律法规/法律、法规… + 规定/要求 within 12 chars, no topic word in between checked by hand. Veto: named document.',
     r'(符合|按照?|依照?|依据|根据|执行)(相关|有关|国家)?的?(法律|法规|规章|法定)' + SEP + r'{0,8}?(规定|要求)',
     '指代不明', True, veto=NAMED)
test('D4b 行业/技术 are not topics: 符合(国家)?(或)?行业标准 / 技术标准 → 指代不明',
     '符合 + (国家)? + (或/和)? + (相关/有关)? + 行业/技术 + 标准/规范要求/要求 (no topic before 技术). Veto: named document.',
     r'符合(国家)?[或和]?(相关|有关)?(行业|技术)(标准|规范要求|要求)', '指代不明', True, veto=NAMED)
# ---------------- D5
test('D5a 规划 is not 规定/要求/标准/政策 (符合…规划 not labelled)',
     '符合 + up to 20 chars + 规划 (not followed by 要求). Set aside when another 指代不明 form remains.',
     r'符合' + SEP + r'{0,20}规划(?!要求)', '指代不明', False)
test('D5b topic exemption (符合 + topic + 要求/政策/标准, with or without an authority)',
     'Topic words seen in the README decisions: 安全, 卫生, 环保, 消防, 清洁生产, 产业, 农业, 危险废物运输, 校车, 职业健康, 保护, 粮食储存, 慈善组织, 防洪 immediately (≤3 chars) before 要求/政策/标准/规定.',
     r'符合' + SEP + r'{0,20}?(安全|卫生|环保|消防|清洁生产|产业|农业|运输|校车|职业健康|粮食储存|慈善组织|防洪)' + SEP + r'{0,3}?(要求|政策|标准|规定)',
     '指代不明', False)
# ---------------- D6
test('D6a 有关/相关/相应/对应 + closed head noun → 指代不明',
     'Marker + optional 的 + up to 6 modifier chars (no 的) + head noun of the closed list 材料, 资料, 证明, 证件, 证书, 凭证, 文件, 手续, 事项, 部门, 单位, 机关, 机构, 规定. Veto: `其他…有关/相关` (兜底 absorbs the words, criteria: the most specific rule wins). The topic + 的 preposition form, a referent in parentheses and a following list are not excluded by the regex; they show in the contradict list.',
     r'(有关|相关|相应|对应)的?[^，,。；;：:的、（(]{0,6}?(材料|资料|证明|证件|证书|凭证|文件|手续|事项|部门|单位|机关|机构|规定)',
     '指代不明', True, veto=r'其[他它][^，,。；;]{0,12}(有关|相关)')
test('D6b 有关/相关/相应/对应 + excluded noun → not 指代不明',
     'Marker + optional 的 + excluded head noun 制度, 规划, 信息, 知识, 说明, 表格, 办事指南, 经销权, 授权书, 能力 (not after 有/具有/具备 for 相应).',
     r'(?<!有|备)(有关|相关|相应|对应)的?[^，,。；;：:的、]{0,6}?(制度|规划|信息|知识|说明|表格|办事指南|经销权|授权书|能力)(?![^，,。；;]{0,4}(材料|资料|证明|证件|证书|凭证|文件|手续|部门|单位|机关|机构))',
     '指代不明', False)
test('D6c 有/具有/具备 相应 → 指代不明 (whatever follows)',
     '(有|具有|具备)相应. ', r'(有|具有|具备)相应', '指代不明', True)
# ---------------- D7
CAT = r'设施|设备|器材|器械|装置|人员|群体|对象|疾病|职称|亲属|方式|葬法|指标|建筑|部门|场所|组织|机构|单位|渠道|步骤|事故|工作|专业|知识|制度|项目|图片|字样|争议'
test('D7a 等 + category noun → not 开放列举',
     f'等 + up to 6 modifier chars + a category noun ({CAT}). Set aside when another `等` remains. Note: 部门/单位/机构 also catch `等相关部门` (batch 14/15) and 制度/项目/知识/专业/图片/字样 are nouns not on D7\'s open list.',
     r'等(?![级于待候同次])[^，,。；;、）)]{0,6}?(' + CAT + ')', '开放列举', False)
test('D7b 等 + nothing or an open-list noun → 开放列举',
     '等 followed by punctuation/end, or by (相关|有关)? + 材料, 资料, 文件, 证明, 证件, 凭证, 手续, 事项, 条件, 情形, 要求, 内容, 情况, 原因, 时限, 时间 (≤4 modifier chars). Excluded: 等其他/等其它 (D8).',
     r'等(?![级于待候同次其])([)）。；;，,、\s]|$|[^，,。；;、]{0,4}?(材料|资料|文件|证明|证件|凭证|手续|事项|条件|情形|要求|内容|情况|原因|时限|时间))',
     '开放列举', True)
test('D7c lists of the office\'s own methods (等方式/等渠道/等步骤) → not 开放列举',
     '等 + up to 6 chars + 方式/渠道/步骤/工作.', r'等[^，,。；;]{0,6}?(方式|渠道|步骤)', '开放列举', False)
# ---------------- D8
test('D8a 等相关/等有关 + head noun → 开放列举 AND 指代不明 (open-list side)',
     '等(相关|有关) + material/document noun.', r'等(相关|有关)(材料|资料|证明|证件|文件|凭证|手续|规定)', '开放列举', True)
test('D8b 等相关/等有关 + head noun → 指代不明 (reference side)',
     'same search.', r'等(相关|有关)(材料|资料|证明|证件|文件|凭证|手续|规定)', '指代不明', True)
test('D8c 等其他 + 兜底 noun → 兜底', 'same.', r'等其[他它][^，,。；;]{0,6}?(材料|资料|文件|证明|证件|凭证|手续|事项|条件|情形|要求|人员)', '兜底', True)
test('D8d 等其他 + 兜底 noun → NOT 开放列举', '等其他 absorbed by 兜底; set aside when another 等 remains.',
     r'等其[他它][^，,。；;]{0,6}?(材料|资料|文件|证明|证件|凭证|手续|事项|条件|情形|要求|人员)', '开放列举', False)
# ---------------- D9
test('D9a 特殊情况 / 特殊原因 → 自由裁量 (always)', '', r'特殊(情况|情況|原因)', '自由裁量', True)
test('D9b 特殊困难 / 特殊性 → not 自由裁量', 'Set aside when another 自由裁量 form remains.', r'特殊(困难|性)', '自由裁量', False)
test('D9c 一般 + verb → 自由裁量',
     '一般 directly before a verb/modal: 应, 应当, 须, 需, 要, 不, 以, 在, 为, 為, 可, 由, 于, 从.',
     r'一般(应|須|须|需|要|不|以|在|为|為|可|由|于|从)', '自由裁量', True)
test('D9d 原则上 → 自由裁量 (also with a number)', '', r'原则上', '自由裁量', True)
test('D9e 认为(有)必要 → 自由裁量', '', r'认为有?必要|認為有?必要', '自由裁量', True)
test('D9f 根据实际情况 / 根据(工作)需要 of the office → 自由裁量', '根据实际情况|视情况|视需要|必要时 (applicant-need uses such as 根据需要填写 listed as contradictions for checking).',
     r'根据实际情况|视情况|视需要|必要时', '自由裁量', True)
test('(batch 6) 确需 → 自由裁量', '', r'确需|確需', '自由裁量', True)
# ---------------- D10
test('D10 否 / 无数量限制 / 无中介服务 as a field value → not 占位', '',
     r'(^|[:：\s])否。?$|无数量限制|无中介服务|无限制', '占位', False, other=False)
test('(batches 7/10) 名称:无 / 名称 无 / bare 无 → 占位', 'A field value that is only 无/無/暂无/-/—// at the end of the clause (`…:无`, `… 无`, `无。`).',
     r'(^|[:：\s])(无|無|暂无|/|-|—)。?$', '占位', True)
# ---------------- D11
test('D11a 其他 + 当事人/争议/内容/原因/群体/代理人 → not 兜底', 'Set aside when another 其他 remains.',
     r'其[他它](当事人|争议|内容|原因|群体|代理人)', '兜底', False)
test('D11b 其他 + modifier + closed 兜底 noun → 兜底',
     '其他/其它 + up to 6 chars + 材料, 资料, 文件, 证明, 证件, 证书, 凭证, 手续, 事项, 条件, 情形, 要求, 人员. Excluded: 其他申请材料 (D11), 其他组织/其他人员 preceded by 或者 … are NOT excluded (the contradict list shows definite remainders).',
     r'其[他它](?!申请材料)(?![^，,。；;、]{0,6}?(组织|机构|機構))[^，,。；;、]{0,6}?(材料|资料|文件|证明|证件|证书|凭证|手续|事项|条件|情形|要求|人员)', '兜底', True)
# ---------------- D12
test('D12 territorial subject (省内/行政区域内/辖区) → not 歧视性条件', '', r'省内|行政区域内|辖区', '歧视性条件', False, other=False)
# ---------------- D13
test('D13 本办法/本条例/本规定/本细则 counts as a named document → not 指代不明', 'Set aside when another 指代不明 form remains once `本X…规定` is removed.',
     r'本(办法|条例|规定|细则)' + SEP + r'{0,10}?(规定|要求)?', '指代不明', False)
# ---------------- D14
test('D14 按规定时限 → 指代不明 (own-limit exemption is for 不可量化 only)', '', r'按(照)?规定(时限|期限|时间)', '指代不明', True)
# ---------------- folded
test('(issue 11, third round) 包括但不限于 → 开放列举', '', r'包括但不限于', '开放列举', True)

hdr = ['# Consistency of the lead decisions with the gold labels of real.jsonl', '',
       'Generated by `scripts/criteria_consistency.py` (python3, regexes over `text`; gold = `labels`; all '
       f'{len(rows)} clauses, both halves; batch `1-5` = the first 1,001 lines, which carry no `batch` field).',
       'A "follow" clause matches the decision\'s search form and its gold labels agree with the decision; a',
       '"contradict" clause matches and disagrees. The searches are surface regexes: a contradiction can',
       'also be a regex false match (e.g. a topic + 的 form, a number veto the regex misses); each list is',
       'there to be read. Where the decision says "not labelled", a gold label is only counted as a',
       'contradiction when no other form of the same class remains after the searched span is replaced',
       '(otherwise "set aside").', '',
       '## Summary', '', '| decision / search | follow | contradict | set aside (other form) | vetoed (number / named doc) |',
       '|---|---|---|---|---|']
for (n, f, c, s, v) in summary:
    hdr.append(f'| {n} | {f} | {c} | {s} | {v} |')

hdr += ['', '## Reading the contradictions', '',
'(Written by hand for the run against labels v1 at `57bca2f`; the line numbers and counts below are of that',
'run and go stale when the gold changes — regenerate the summary, then reread the lists.)', '',
'- Genuine disagreements with a lead decision, listed as conflicts in `README.md` (study 3): D1b line 2045',
'  (`长期居住`, C9); D4 lines 1541/1553 (`符合法定条件和要求`, batch 8), 4097 (`符合法定要求`), 4228 (`如符合法律规定`,',
'  batch 17), 4567 (`是否符合法规要求`, batch 18) (C5); D6c line 364 (`有相应的…机械和设备`, README 1954) and 1780;',
'  D7a almost all rows (C1); D8d line 2048 (C2); D9a lines 1995 (batch 9) and 3060 (batch 13) (C3), and 699, 757, 1280',
'  (batches 1-5 and 7, no written decision); D9c lines 1373 and 1678 (C4); D13 line 4246 (C8); D7b lines 668 (`等条件之一`, batch 5) and 2963 (`因重症等身体原因`,',
'  batch 12) (C1); D5b line 331 (`运营安全相关标准要求`, second batch, C7).',
'- Regex over-reach rather than disagreement (read before counting them against a decision): D1a line 2625 (the',
'  numbers follow in the same list item, batch 11); D3 line 1623 (`符合要求的,按以下步骤办理` - labelled nothing; a',
'  genuine miss or an office-step reading); D4 line 2459 (兜底 absorbs `其他符合法律法规的要求`, batch 11); D6a rows',
'  with a topic + 的 (`与公证事项有关的…`), a referent in parentheses or a following list (`相关材料(残疾证、病历等)`,',
'  `…其相应材料:`), the office\'s output (`发给相应的…登记证书`), or a modifier span that crosses into another noun',
'  (`对应政务服务事项…目录名称`); D7b rows where `等` closes a category the regex does not see (`等非公务原因`,',
'  `等繁殖材料`, `等审批事项` followed by the full list) or the office\'s steps (`实地核查、听证等事项`); D11b rows that',
'  are definite remainders (`其他准驾车型条件`, `户内其他人员`, `其他人员提供…`) or headings (`需提供的其他材料:`).',
'- Counts are clause counts; a clause can appear under several searches.']

hdr.append('\n## Details')
open('tests/corpus/agreement/consistency.md', 'w', encoding='utf-8').write('\n'.join(hdr + out) + '\n')
for s in summary: print(s)
