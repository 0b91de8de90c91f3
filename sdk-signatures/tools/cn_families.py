"""One-shot: give every Chinese-vendor product family of the LibChecker rules a signature
(issue 11, "Coverage"). Run once from the repository root:

    python3 sdk-signatures/tools/cn_families.py ../shared/research/libchecker-rules.tsv

For each LibChecker row whose `team` is a Chinese vendor (Chinese characters, or a team
listed in sdk-signatures/vendors.toml) and whose component or library no signature matches,
the row is added to the family's existing signature (EXISTING) or to a new signature written
from FAMILIES (id, English name, Chinese name, category chosen by hand from the vendor's
page). The committed TOML files are the source of truth afterwards;
tests/catalog_coverage.rs checks the result against the tables.
"""
import glob, os, re, sys, tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SDKS = os.path.join(ROOT, 'sdks')

# Families that already have a signature: label -> signature id.
EXISTING = {
    'Agora RTC SDK': 'agora-rtc',
    'Pangle SDK': 'pangle',
    'Huawei Push': 'huawei-push',
    '腾讯移动推送': 'tencent-tpns',
    '友盟推送': 'umeng-push',
    '极光认证 SDK': 'jverification',
    '腾讯云实时音视频': 'tencent-trtc',
    '离线语音合成 SDK': 'baidu-speech',
    'mPaaS 扫一扫': 'alipay-mpaas',
    'mPaaS 社交分享': 'alipay-mpaas',
    'HMS Scan Kit': 'huawei-hms-core',
    'HMS Video Kit': 'huawei-hms-core',
}

# New families: label -> (id, English name, Chinese name or None, category).
# `library` = open-source frameworks that talk to no vendor server.
FAMILIES = {
    'AliNNPython': ('alibaba-mnn-python', 'Alibaba MNN Python runtime', None, 'library'),
    'AndFix': ('alibaba-andfix', 'Alibaba AndFix hot-fix', None, 'library'),
    'FlutterBoost': ('alibaba-flutterboost', 'Alibaba FlutterBoost', None, 'library'),
    'GCanvas': ('alibaba-gcanvas', 'Alibaba GCanvas', None, 'library'),
    'GaiaX': ('alibaba-gaiax', 'Alibaba GaiaX dynamic templates', None, 'library'),
    'Kraken': ('alibaba-kraken', 'Alibaba Kraken (OpenKraken) renderer', None, 'library'),
    'TanX': ('alibaba-tanx', 'Alibaba TanX ads', '阿里妈妈TanX广告SDK', 'ads'),
    'XQUIC': ('alibaba-xquic', 'Alibaba XQUIC', None, 'library'),
    '阿里云短视频 SDK': ('aliyun-short-video', 'Aliyun short video SDK', '阿里云短视频SDK', 'media'),
    'PCDN SDK': ('alipay-pcdn', 'Alipay PCDN SDK', '支付宝PCDN SDK', 'media'),
    'Mtop SDK': ('aliyun-mtop', 'Alibaba Mtop gateway SDK', '阿里Mtop网关SDK', 'other'),
    '日志服务  SLS': ('aliyun-sls', 'Aliyun Log Service (SLS) producer', '阿里云日志服务SLS', 'analytics'),
    '阿里云游戏盾': ('aliyun-game-shield', 'Aliyun Game Shield', '阿里云游戏盾', 'risk-control'),
    '阿里移动热修复': ('aliyun-sophix', 'Aliyun Sophix hot-fix', '阿里云移动热修复', 'app-framework'),
    'BARDUmix': ('baidu-ar-dumix', 'Baidu AR DuMix', '百度AR DuMix', 'media'),
    'DuMix': ('baidu-dumix-recognition', 'Baidu DuMix image recognition', '百度DuMix图像识别', 'media'),
    '智能小程序': ('baidu-swan', 'Baidu smart mini-programs', '百度智能小程序', 'app-framework'),
    'BurstLinker': ('bilibili-burstlinker', 'Bilibili BurstLinker GIF encoder', None, 'library'),
    'Xpref': ('bilibili-xpref', 'Bilibili Xpref', None, 'library'),
    '烈焰弹幕使': ('bilibili-danmaku', 'Bilibili DanmakuFlameMaster', '烈焰弹幕使', 'library'),
    'BHook': ('bytedance-bhook', 'ByteDance ByteHook', None, 'library'),
    'BoostMultiDex': ('bytedance-boostmultidex', 'ByteDance BoostMultiDex', None, 'library'),
    'CV SDK': ('bytedance-effect', 'ByteDance / Volcengine CV effects SDK', '火山引擎智能美化特效SDK', 'media'),
    'CodeLocator': ('bytedance-codelocator', 'ByteDance CodeLocator', None, 'library'),
    'ShadowHook': ('bytedance-shadowhook', 'ByteDance ShadowHook', None, 'library'),
    '火山引擎云手机 SDK': ('volcengine-cloud-phone', 'Volcengine cloud phone SDK', '火山引擎云手机SDK', 'other'),
    'DRouter': ('didi-drouter', 'Didi DRouter', None, 'library'),
    'VirtualAPK': ('didi-virtualapk', 'Didi VirtualAPK plugin framework', None, 'library'),
    '滴滴 SDK': ('didi-sdk', 'Didi security SDK', '滴滴SDK', 'risk-control'),
    'HMS Video Kit HDR Vivid': ('huawei-hdr-vivid', 'Huawei HMS Video Kit HDR Vivid', '华为视频服务HDR Vivid', 'media'),
    'HiAI Foundation': ('huawei-hiai', 'Huawei HiAI Foundation', '华为HiAI', 'library'),
    'AR Engine': ('huawei-ar-engine', 'Huawei AR Engine', '华为AR Engine', 'other'),
    'AppGallery Connect APM': ('huawei-agc-apm', 'Huawei AppGallery Connect APM', '华为AGC性能管理', 'crash-reporting'),
    'HUAWEI CaaS Engine': ('huawei-caas', 'Huawei CaaS Engine (calling)', '华为畅连CaaS', 'rtc'),
    'MindSpore Lite': ('huawei-mindspore-lite', 'MindSpore Lite', None, 'library'),
    '金山云短视频编辑 SDK': ('kingsoft-ksyun-video', 'Kingsoft Cloud short video SDK', '金山云短视频编辑SDK', 'media'),
    'LayaAir': ('layaair', 'LayaAir engine', None, 'app-framework'),
    'Logan': ('meituan-logan', 'Meituan Logan logging', None, 'library'),
    'tracepath': ('netease-tracepath', 'NetEase tracepath', None, 'library'),
    'RePlugin': ('qihoo-replugin', 'Qihoo 360 RePlugin', None, 'library'),
    'GME': ('tencent-gme', 'Tencent Game Multimedia Engine (GME)', '腾讯游戏多媒体引擎GME', 'rtc'),
    'HardCoder': ('tencent-hardcoder', 'Tencent HardCoder', None, 'library'),
    'Hippy': ('tencent-hippy', 'Tencent Hippy', None, 'library'),
    'PAG': ('tencent-pag', 'Tencent PAG animation', None, 'library'),
    'TNN': ('tencent-tnn', 'Tencent TNN inference', None, 'library'),
    'TQUIC': ('tencent-tquic', 'Tencent TQUIC', None, 'library'),
    'TencentSM': ('tencent-sm', 'Tencent SM crypto (TencentSM)', None, 'library'),
    'XNet': ('tencent-xnet', 'Tencent XNet P2P', None, 'media'),
    'xLua': ('tencent-xlua', 'Tencent xLua', None, 'library'),
    '正版曲库直通车': ('tencent-copyrighted-media', 'Tencent Cloud licensed music SDK', '腾讯云正版曲库直通车', 'media'),
    '腾讯云 HTTPDNS': ('tencent-httpdns', 'Tencent Cloud HTTPDNS', '腾讯云HTTPDNS', 'other'),
    '腾讯特效 SDK': ('tencent-effect', 'Tencent Cloud effects SDK', '腾讯特效SDK', 'media'),
    '腾讯语音识别': ('tencent-asr', 'Tencent speech recognition (WeChat voice)', '腾讯语音识别', 'speech'),
    'U-Game 金融风控组件': ('umeng-security-env', 'Umeng U-Game risk-control component', '友盟金融风控组件', 'risk-control'),
    '团结引擎': ('tuanjie-engine', 'Unity China Tuanjie engine', '团结引擎', 'app-framework'),
    'MACE': ('xiaomi-mace', 'Xiaomi MACE', None, 'library'),
    '小爱 SDK': ('xiaomi-xiaoai', 'Xiaomi XiaoAI voice SDK', '小爱SDK', 'speech'),
    '小米 IoT SDK': ('xiaomi-iot', 'Xiaomi IoT SDK', '小米IoT SDK', 'other'),
    '小米应用检查更新 SDK': ('xiaomi-market-update', 'Xiaomi app-update SDK', '小米应用检查更新SDK', 'other'),
    '小米游戏 SDK': ('xiaomi-game', 'Xiaomi game SDK', '小米游戏SDK', 'other'),
    '游密': ('youme', 'Youme voice SDK', '游密语音SDK', 'rtc'),
    'Matisse': ('zhihu-matisse', 'Zhihu Matisse image picker', None, 'library'),
    '离线语音合成': ('iflytek-aisound', 'iFlytek offline TTS (Aisound)', '讯飞离线语音合成', 'speech'),
    'Qigsaw': ('iqiyi-qigsaw', 'iQIYI Qigsaw', None, 'library'),
    'xHook': ('iqiyi-xhook', 'iQIYI xHook', None, 'library'),
    'VCAP': ('vivo-vcap', 'vivo VCAP', None, 'library'),
    'vivo 网游联运 SDK': ('vivo-game', 'vivo game SDK', 'vivo网游联运SDK', 'other'),
    'PLDroidPlayer': ('qiniu-pldroidplayer', 'Qiniu PLDroidPlayer', '七牛播放器SDK', 'media'),
    '屹通 SDK': ('yitong-sdk', 'Yitong security keyboard SDK', '屹通SDK', 'risk-control'),
    '中国无线营销联盟通用 SDK': ('mma-china', 'China MMA common SDK', '中国无线营销联盟通用SDK', 'ads'),
    'eID SDK': ('eid-sdk', 'eID SDK (Third Research Institute of the Ministry of Public Security)', 'eID SDK', 'identity'),
    'FinClip': ('finclip', 'FinClip mini-program container', '凡泰极客FinClip', 'app-framework'),
    'Wukong': ('hellobike-wukong', 'Hellobike Wukong', '哈啰Wukong', 'other'),
    'JusTalk Cloud': ('justalk-cloud', 'JusTalk Cloud', '菊风JusTalk Cloud', 'rtc'),
    'Artemis Engine': ('artemis-engine', 'Artemis Engine', None, 'app-framework'),
    '快应用': ('quickapp', 'Quick App (快应用) platform', '快应用', 'app-framework'),
    'vad': ('aispeech-vad', 'AISpeech voice activity detection', '思必驰VAD', 'speech'),
    '人像美化 SDK': ('megvii-beauty', 'Megvii portrait beautify SDK', '旷视人像美化SDK', 'media'),
    '文字识别服务': ('youdao-ocr', 'Youdao OCR', '有道文字识别', 'other'),
    '实时音视频': ('volcengine-rtc', 'Volcengine RTC', '火山引擎实时音视频', 'rtc'),
    '星火认知大模型': ('iflytek-spark', 'iFlytek Spark LLM SDK', '讯飞星火认知大模型SDK', 'other'),
    '美摄 SDK': ('meishe', 'Meishe video SDK', '美摄SDK', 'media'),
    'Crasheye': ('crasheye', 'Crasheye crash reporting', 'Crasheye', 'crash-reporting'),
    'EasyAR': ('easyar', 'EasyAR', None, 'other'),
}


def cjk(s):
    return any('\u4e00' <= c <= '\u9fff' for c in s)


def glob_match(p, t):
    return re.match('^' + '.*'.join(map(re.escape, p.split('*'))) + '$', t) is not None


def load():
    sigs = {}
    for f in glob.glob(os.path.join(SDKS, '*.toml')):
        with open(f, 'rb') as fh:
            s = tomllib.load(fh)
        sigs[s['id']] = s
    return sigs


def owner(sigs, kind, pat):
    for s in sigs.values():
        m = s.get('match', {})
        if kind == 'native':
            if any(glob_match(g, pat) for g in m.get('native_libs', []) + m.get('weak_native_libs', [])):
                return s['id']
        else:
            if any(glob_match(g, pat) for g in m.get('components', [])):
                return s['id']
            cls = pat.split('$')[0]
            if any(cls == p or cls.startswith(p + '.') for p in m.get('packages', [])):
                return s['id']
    return None


def toml_list(values):
    return '[' + ', '.join('"' + v + '"' for v in values) + ']'


def add_to_existing(sid, comps, libs):
    path = os.path.join(SDKS, sid + '.toml')
    text = open(path).read()
    head, sep, rest = text.partition('[match]\n')
    # the [match] table ends at the next table header
    m = re.search(r'^\[', rest, re.M)
    body, tail = (rest[:m.start()], rest[m.start():]) if m else (rest, '')
    for key, values in (('components', comps), ('native_libs', libs)):
        if not values:
            continue
        km = re.search(rf'^{key} = \[(.*?)\]\n', body, re.M | re.S)
        if km:
            inner = km.group(1).rstrip().rstrip(',')
            items = [v.strip() for v in inner.split(',') if v.strip()] + ['"' + v + '"' for v in values]
            new = f'{key} = [\n' + ''.join(f'    {i},\n' for i in items) + ']\n'
            body = body[:km.start()] + new + body[km.end():]
        else:
            body = body + f'{key} = {toml_list(values)}\n'
    open(path, 'w').write(head + sep + body + tail)


def main(tsv):
    with open(os.path.join(ROOT, 'vendors.toml'), 'rb') as fh:
        teams = {t for v in tomllib.load(fh)['vendor'] for t in v.get('teams', [])}
    sigs = load()
    rows = {}
    for line in open(tsv, encoding='utf-8'):
        if line.startswith('#'):
            continue
        kind, pat, label, team, url = (line.rstrip('\n').split('\t') + [''] * 5)[:5]
        if pat.startswith('regex/') or not (cjk(team) or team in teams):
            continue
        if owner(sigs, kind, pat):
            continue
        rows.setdefault(label, {'team': team, 'url': url, 'comps': [], 'libs': []})
        rows[label]['libs' if kind == 'native' else 'comps'].append(pat)
    for label, r in sorted(rows.items()):
        if label in EXISTING:
            add_to_existing(EXISTING[label], r['comps'], r['libs'])
            print('added to', EXISTING[label], label)
            continue
        if label not in FAMILIES:
            print('NO MAPPING for', label, r, file=sys.stderr)
            continue
        sid, name, name_zh, category = FAMILIES[label]
        team = r['team']
        lines = ['format = 1', f'id = "{sid}"', f'name = "{name}"']
        if name_zh:
            lines.append(f'name_zh = "{name_zh}"')
        lines.append(f'vendor = "{team}"')
        if cjk(team):
            lines.append(f'vendor_zh = "{team}"')
        lines.append(f'category = "{category}"')
        aliases = [name_zh] if name_zh else []
        if aliases and category != 'library':
            lines.append(f'aliases = {toml_list(aliases)}')
        if r['url']:
            lines.append(f'website = "{r["url"]}"')
        lines.append(f'sources = ["LibChecker-Rules: {label} ({team})"]')
        lines.append('')
        lines.append('[match]')
        if r['comps']:
            lines.append(f'components = {toml_list(r["comps"])}')
        if r['libs']:
            lines.append(f'native_libs = {toml_list(r["libs"])}')
        path = os.path.join(SDKS, sid + '.toml')
        assert not os.path.exists(path), path
        open(path, 'w').write('\n'.join(lines) + '\n')
        print('new', sid, label)


if __name__ == '__main__':
    main(sys.argv[1])
