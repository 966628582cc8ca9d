# Generator of the hostile-content fixture tests/guide/hostile/ from the clean
# CLI fixture. Rerun and reformat after changing the model:
#   python3 tests/guide/gen_hostile.py tests/cases/clean/catalog tests/guide/hostile
#   tongbiao fmt tests/guide/hostile
import json, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst)
P = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\u202e'
LONG = '长' * 5000
URL = 'javascript:alert(1)'
def t(s, long=False):
    return s + P + (LONG if long else '')
def load(p): return json.load(open(os.path.join(dst, p)))
def save(p, d):
    with open(os.path.join(dst, p), 'w') as f:
        json.dump(d, f, ensure_ascii=False, indent=2); f.write('\n')

d = load('catalog.json'); d['title'] = t(d['title']); save('catalog.json', d)
d = load('regions.json')
for r in d['regions']: r['name'] = t(r['name'])
save('regions.json', d)
d = load('departments.json')
for r in d['departments']: r['name'] = t(r['name']); r['provincial_name'] = t(r['provincial_name'])
save('departments.json', d)
d = load('agencies/630100.json')
for a in d['agencies']: a['name'] = t(a['name'], True)
save('agencies/630100.json', d)
d = load('materials.json')
for m in d['materials']:
    m['name'] = t(m['name'], m['id'] == 'application_form')
    if 'issuer' in m: m['issuer'] = t(m['issuer'])
save('materials.json', d)

p = 'items/630101001000.json'; d = load(p)
d['name'] = t(d['name'], True)
for b in d['legal_basis']:
    b['document'] = t(b['document']); b['article'] = t(b['article']); b['text'] = t('第一款', True)
d['conditions'] = [t(c, True) for c in d['conditions']] + [URL]
for m in d['materials']:
    m['filling_notes'] = t('填写说明', True)
    # blank_form/sample name files in forms/: lint (form-file-missing) refuses anything else
    m['basis'] = t('依据'); m['situation'] = t('情形')
    if 'exemption' in m: m['exemption']['note'] = t('免提交说明')
for s in d['process']:
    s['name'] = t(s['name']); s['actor'] = t(s['actor']); s['standard'] = t('审查标准', True)
    s['deadline']['note'] = t('时限说明')
d['statutory_deadline']['note'] = t('法定时限说明')
d['fees'] = {'charged': True, 'charges': [{'name': t('工本费'), 'standard': t('每件10元'), 'basis': t('收费依据'),
             'waiver_allowed': True, 'waiver_basis': t('减免依据')}]}
for r in d['results']: r['name'] = t(r['name'])  # sample: the clean fixture's forms/ file
d['commitment'] = {'content': t('承诺内容', True), 'requirements': t('承诺要求'), 'liability': t('违诺责任'),
                   'verification': t('核查办法')}
save(p, d)

p = 'local/630100/630101001000.json'; d = load(p)
d['promised_deadline']['note'] = t('承诺时限说明')
d['online']['address'] = URL
for w in d['windows']: w['place'] = t(w['place'], True); w['hours'] = t(w['hours'])
d['consultation'] = [{'kind': '窗口', 'value': t('咨询窗口')}, {'kind': '网站', 'value': URL},
                     {'kind': '网站', 'value': 'data:text/html,<script>alert(1)</script>'}]
d['complaint'] = [{'kind': '电话', 'value': '12345'}, {'kind': '信函', 'value': t('投诉信箱', True)}]
save(p, d)

p = 'bundles/test-bundle.json'; d = load(p)
d['name'] = t(d['name'], True); d['form']['name'] = t(d['form']['name'])
d['online_entry'] = URL; d['window'] = t(d['window'], True)
d['promised_deadline']['note'] = t('一件事时限说明')
save(p, d)
