#!/usr/bin/env python3
"""Bootstrap generator for sdk-signatures/sdks/*.toml.

This script was run ONCE to produce the first version of the catalogue from the shared
research notes; the committed TOML files are the source of truth and are edited by hand
from then on. Re-running it overwrites the files it generates (it never deletes others),
so only re-run it on a clean tree and review the diff.

Inputs (read-only, in ../shared/research/):
  sdk-facts.md §7        JSON Lines, 83 SDKs + 13 libraries (vendor docs, real binaries)
  libchecker-rules.tsv   LibChecker component / native-library rules, with labels
  exodus-trackers.tsv    Exodus trackers: class-name and host regexes

What it does on top of copying:
  * splits shared infrastructure into its own signature so that every matcher has one
    owner (JCore, Umeng common, Alibaba ACCS/agoo, AMap common key, MobTech tools,
    Firebase core, Google Play services), marking them `bundled_by` the products;
  * keeps "unverified" packages of the research as weak matchers, except where an SDK
    has no other code signature (then they are the best we have);
  * maps a hand-picked list of LibChecker labels (Chinese vendors the facts miss) to ids,
    categories and Chinese aliases; LibChecker regex rules are skipped;
  * converts Exodus class regexes to package prefixes and host regexes to host names,
    dropping any tracker whose prefixes nest with one already claimed (Exodus often
    names a vendor's umbrella namespace, e.g. `com.bytedance` for Pangle);
  * adds plain libraries (category `library`) seen in the registry APKs.
Usage: python3 sdk-signatures/tools/generate.py ../shared/research sdk-signatures/sdks
"""
import csv
import json
import re
import sys
from pathlib import Path

RESEARCH = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/research")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "sdk-signatures/sdks")

CATEGORY = {
    "social login/share; payment": "social",
    "social login/share": "social",
    "payment": "payment",
    "OCR/identity/face": "identity",
    "OCR/identity/face; AR effects": "identity",
    "push": "push",
    "crash/APM": "crash-reporting",
    "analytics": "analytics",
    "attribution/analytics": "analytics",
    "analytics; social login/share; ads": "social",
    "map/location": "maps-location",
    "web engine": "web-engine",
    "QR/barcode scanning": "qr-scan",
    "app framework": "app-framework",
    "app framework (hotfix, offline pkg, push, upgrade, mini-program)": "app-framework",
    "ads": "ads",
    "speech": "speech",
    "risk-control/anti-fraud": "risk-control",
    "risk-control/anti-fraud; captcha; one-click login": "risk-control",
    "one-click login": "one-click-login",
    "IM": "im",
    "RTC (audio/video)": "rtc",
    "e-commerce (affiliate/login)": "e-commerce",
    "customer service": "customer-service",
    "device identifier (OAID)": "device-id",
    "device identifier": "device-id",
    "SMS verification": "sms-verification",
}

sdks = {}  # id -> dict
claims = {}  # (space, value) -> id


def strip_dot(p):
    return p[:-1] if p.endswith(".") else p


def new_sdk(id_, name, category, **kw):
    d = {
        "id": id_, "name": name, "category": category, "aliases": [], "aliases_hant": [],
        "packages": [], "exclude_packages": [], "weak_packages": [], "components": [],
        "meta_data": [], "native_libs": [], "weak_native_libs": [], "jni_prefixes": [],
        "hosts": [], "version_fields": [], "version_native_libs": [], "permissions": [],
        "collects": [], "bundled_by": [], "sources": [],
    }
    d.update(kw)
    sdks[id_] = d
    return d


def claim(d, field, value):
    """Add a matcher value unless another signature owns it already."""
    space = "packages" if field in ("packages", "weak_packages") else field
    owner = claims.get((space, value))
    if owner is not None:
        if owner != d["id"]:
            print(f"skip {d['id']}.{field} {value!r}: owned by {owner}", file=sys.stderr)
        return owner == d["id"]
    claims[(space, value)] = d["id"]
    if value not in d[field]:
        d[field].append(value)
    return True


def unclaim(d, field, value):
    space = "packages" if field in ("packages", "weak_packages") else field
    if claims.get((space, value)) == d["id"]:
        del claims[(space, value)]
    if value in d[field]:
        d[field].remove(value)


def minimal_prefixes(prefixes):
    """Drop prefixes nested under another prefix of the same list."""
    out = []
    for p in sorted(set(prefixes), key=len):
        if not any(p == q or p.startswith(q + ".") for q in out):
            out.append(p)
    return sorted(out)


HOST_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def clean_host(h):
    h = h.strip().lower()
    h = h.replace("\\.", ".").replace("\\-", "-")
    for pre in (".*.", "*.", "."):
        if h.startswith(pre):
            h = h[len(pre):]
    if h.endswith("."):
        h = h[:-1]
    if not HOST_RE.match(h) or re.match(r"^[0-9.]+$", h):
        return None
    return h


def is_pkg(p):
    return re.match(r"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$", p) is not None


def component_name(c):
    name = c["name"]
    if name.startswith("<app>."):
        return "*." + name[len("<app>."):]
    return name


# ---------------------------------------------------------------- 1. sdk-facts §7
facts = []
text = (RESEARCH / "sdk-facts.md").read_text()
sec = text[text.index("## 7. JSON Lines"):text.index("## 8.")]
for line in sec.splitlines():
    if line.startswith("{"):
        facts.append(json.loads(line))

# Unverified packages promoted to real matchers: well-known public API namespaces.
PROMOTE = {
    "tencent-beacon": ["com.tencent.beacon."],
    "iflytek-msc": ["com.iflytek.cloud.", "com.iflytek.msc.", "com.iflytek.aiui.",
                    "com.iflytek.speech.", "com.iflytek.sparkchain."],
    "mob-mobpush": ["com.mob.pushsdk."],
    "mob-smssdk": ["cn.smssdk."],
    "mob-secverify": ["com.mob.secverify."],
    "agora-rtc": ["io.agora."],
    "tencent-im": ["com.tencent.imsdk.", "com.tencent.qcloud.tim.uikit.",
                   "com.tencent.qcloud.tuikit."],
    "baidu-face": ["com.baidu.idl."],
    "netease-yidun": ["com.netease.nis.quicklogin.", "com.netease.nis.alivedetected.",
                      "com.netease.mobsec."],
    "rongcloud": ["cn.rongcloud.", "io.rong.common."],
    "easemob": ["com.superrtc."],
    "alibaba-utdid": ["com.ut.device."],
    "tencent-map": ["com.tencent.tencentmap.mapsdk.", "com.tencent.map.sdk.",
                    "com.tencent.lbssearch.", "com.tencent.map.navi."],
    "megvii-faceid": ["com.megvii.livenessdetection.", "com.megvii.idcardquality.",
                      "com.megvii.licensemanager."],
    "sensetime": ["com.sensetime.senseid.", "com.sensetime.liveness."],
    "qiyu": ["com.qiyukf.nimlib.", "com.qiyukf.uikit."],
}
# Matchers that belong to a shared-infrastructure signature created below.
MOVE = {
    ("jpush", "packages", "cn.jiguang."): "jiguang-jcore",
    ("jpush", "packages", "cn.jiguang.api."): None,
    ("jpush", "native_libs", "libjcore*.so"): "jiguang-jcore",
    ("jpush", "meta_data", "JPUSH_APPKEY"): "jiguang-jcore",
    ("jpush", "meta_data", "JPUSH_CHANNEL"): "jiguang-jcore",
    ("jverification", "meta_data", "JPUSH_APPKEY"): None,
    ("jverification", "meta_data", "JPUSH_CHANNEL"): None,
    ("jverification", "components", "com.cmic.gen.sdk.view.GenLoginAuthActivity"): None,
    ("jverification", "hosts", "e.189.cn"): None,
    ("jverification", "hosts", "config.cmpassport.com"): "cmcc-auth",
    ("umeng-analytics", "packages", "com.umeng.commonsdk."): "umeng-common",
    ("umeng-analytics", "packages", "com.umeng.common."): "umeng-common",
    ("umeng-analytics", "meta_data", "UMENG_APPKEY"): "umeng-common",
    ("umeng-analytics", "meta_data", "UMENG_CHANNEL"): "umeng-common",
    ("umeng-push", "meta_data", "UMENG_APPKEY"): None,
    ("umeng-push", "meta_data", "UMENG_CHANNEL"): None,
    ("umeng-share", "meta_data", "UMENG_APPKEY"): None,
    ("umeng-push", "native_libs", "libtnet-*.so"): "alibaba-accs",
    ("aliyun-push", "native_libs", "libtnet-*.so"): None,
    ("umeng-push", "native_libs", "libcocklogic-*.so"): None,
    ("umeng-push", "native_libs", "libcocklogic.so"): None,
    ("ali-baichuan", "native_libs", "libcocklogic-*.so"): None,
    ("amap-location", "meta_data", "com.amap.api.v2.apikey"): "amap-common",
    ("amap-map", "meta_data", "com.amap.api.v2.apikey"): None,
    ("amap-navi", "meta_data", "com.amap.api.v2.apikey"): None,
    ("amap-location", "hosts", "apiinit.amap.com"): "amap-common",
    ("amap-map", "hosts", "apiinit.amap.com"): None,
    ("baidu-location", "hosts", "api.map.baidu.com"): None,
    ("tencent-location", "hosts", "map.qq.com"): None,
    ("qq-connect", "hosts", "lbs.map.qq.com"): None,
    ("wechat-opensdk", "hosts", "pingma.qq.com"): None,
    ("ctcc-auth", "packages", "cn.com.chinatelecom.account."): None,
    ("mob-sharesdk", "packages", "com.mob."): "mob-tools",
    ("mob-sharesdk", "packages", "com.mob.tools."): None,
    ("mob-sharesdk", "components", "com.mob.tools.MobUIShell"): "mob-tools",
    ("firebase-messaging", "components", "com.google.firebase.components.ComponentDiscoveryService"): "firebase-core",
    ("firebase-messaging", "components", "com.google.firebase.provider.FirebaseInitProvider"): "firebase-core",
    ("firebase-messaging", "packages", "com.google.firebase.installations."): None,
    ("msa-oaid", "packages", "com.huawei.hms.ads.identifier."): None,
    ("msa-oaid", "packages", "com.netease.nis.sdkwrapper."): None,
    ("netease-yidun", "packages", "com.netease.nis.sdkwrapper."): None,
    ("tencent-qrcode", "packages", "com.tencent.cloud.auth."): None,
    ("jverification", "native_libs", "libgtcore.so"): None,
    ("ali-baichuan", "packages", "com.alibaba.wireless.security."): None,
    ("ali-baichuan", "packages", "com.taobao.securityjni."): None,
    ("umeng-analytics", "native_libs", "libcrashsdk.so"): None,
    ("jverification", "hosts", "wap.cmpassport.com"): "cmcc-auth",
    ("jverification", "hosts", "id6.me"): "ctcc-auth",
    ("jverification", "hosts", "open.e.189.cn"): "ctcc-auth",
    ("jverification", "hosts", "msv6.wosms.cn"): "cucc-auth",
    ("jverification", "hosts", "opencloud.wostore.cn"): "cucc-auth",
    ("huawei-push", "components", "com.huawei.hms.activity.BridgeActivity"): None,
    ("huawei-push", "packages", "com.huawei.android.hms.agent."): None,
    ("jverification", "native_libs", "libquicklogin.so"): None,
}
# Generic native names (sdk-facts §6): weak only.
WEAK_NATIVE = {"libutility.so", "liblbs.so", "libmp3decoder.so", "libsigner.so", "libsecsdk.so",
               "libnms.so", "libfb.so", "libfbjni.so", "libindoor.so", "libmsc.so"}
# Short or shared prefixes: weak only.
WEAK_PKG = {"com.loc", "com.amap.loc", "com.sdk.base", "com.dcloud", "com.jingdong", "mtopsdk"}
INFRA = {
    "jiguang-jcore": dict(name="Jiguang JCore", name_zh="极光JCore", category="push",
                          vendor="Aurora Mobile (Jiguang)", vendor_zh="深圳市和讯华谷信息技术有限公司",
                          aliases=["极光JCore", "JCore", "极光核心SDK", "极光基础SDK"], aliases_hant=["極光JCore"],
                          bundled_by=["jpush", "jverification"],
                          version_native_libs=["libjcore{v}.so"],
                          notes="Core library shared by every Jiguang product (JPush, JVerification, JAnalytics); its inner packages are obfuscated (cn.jiguang.a*). Shares JPUSH_APPKEY with them.",
                          sources=["V: jcore-android 2.1.2 / 3.2.2 jars and libjcore212.so / libjcore322.so", "sdk-facts.md"],
                          permissions=["android.permission.INTERNET", "android.permission.ACCESS_NETWORK_STATE", "android.permission.READ_PHONE_STATE", "android.permission.ACCESS_WIFI_STATE"],
                          collects=["device_id.android_id", "device_id.oaid", "device.model", "device.os_version", "network.type", "network.ip"]),
    "umeng-common": dict(name="Umeng common SDK (UMCommon)", name_zh="友盟基础组件库", category="analytics",
                         vendor="Umeng (Alibaba)", vendor_zh="友盟同欣(北京)科技有限公司",
                         aliases=["友盟基础组件库", "友盟+基础组件", "UMCommon", "友盟common"],
                         aliases_hant=["友盟基礎組件庫"],
                         bundled_by=["umeng-analytics", "umeng-push", "umeng-share"],
                         notes="Required by every Umeng product; reads the same UMENG_APPKEY.",
                         sources=["V: umeng-common-1.5.3.jar", "sdk-facts.md"],
                         collects=["device_id.android_id", "device_id.oaid", "device.model", "device.os_version", "network.type"]),
    "alibaba-accs": dict(name="Alibaba ACCS / agoo push channel", name_zh="阿里ACCS推送通道", category="push",
                         vendor="Alibaba", aliases=["ACCS", "agoo", "阿里推送通道"],
                         bundled_by=["umeng-push", "aliyun-push"],
                         packages=["org.android.agoo", "com.taobao.accs", "com.taobao.agoo", "org.android.spdy"],
                         notes="Alibaba's long-lived connection channel, shipped inside Umeng push (com.umeng.message jar: org/android/agoo, 122 classes) and Aliyun push.",
                         sources=["V: com.umeng.message_v2.8.0.jar", "sdk-facts.md §2"]),
    "amap-common": dict(name="AMap SDK common (API key, shared core)", name_zh="高德SDK", category="maps-location",
                        vendor="AutoNavi (Alibaba)", vendor_zh="高德软件有限公司",
                        aliases=["高德SDK", "高德开放平台", "高德", "AMap", "阿里高德地图"], aliases_hant=["高德"],
                        weak_packages=["com.autonavi"],
                        bundled_by=["amap-location", "amap-map", "amap-navi"],
                        notes="The AMap API key meta-data and com.autonavi are shared by the map, location and navigation SDKs; this signature names the vendor when only those remain.",
                        sources=["sdk-facts.md §2-3"]),
    "mob-tools": dict(name="MobTech common tools (MobSDK)", name_zh="MobTech基础库", category="social",
                      vendor="MobTech", vendor_zh="上海游昆信息技术有限公司",
                      aliases=["MobSDK", "MobTech", "Mob", "袤博"], bundled_by=["mob-sharesdk", "mob-mobpush", "mob-smssdk", "mob-secverify"],
                      notes="com.mob.* is shared by every MobTech product.", sources=["sdk-facts.md"],
                      collects=["device_id.android_id", "device.model", "network.type"]),
    "firebase-core": dict(name="Firebase core (installations, component discovery)", name_zh="Firebase",
                          category="library", vendor="Google", vendor_zh="Google LLC",
                          aliases=["Firebase", "谷歌Firebase"],
                          packages=["com.google.firebase"],
                          notes="Present for any Firebase product; the products (Analytics, Crashlytics, Messaging) have their own signatures with longer prefixes.",
                          sources=["V: io.appium.settings APK", "LibChecker Firebase"]),
}

for f in facts:
    fid = f["id"]
    if fid == "androidx-kotlin":
        continue  # split into androidx / android-support / kotlin / kotlinx below
    cat = "library" if not f["tracker"] else CATEGORY[f["category"]]
    vendor_en = f["vendor_en"] or None
    vendor_zh = re.sub(r"\s*\(K[^)]*\)", "", f["vendor_zh"]).strip() or None
    names_zh = f["names_zh"]
    d = new_sdk(fid, re.sub(r"\s*\(.*?\)\s*$", "", f["name"]).strip() or f["name"], cat,
                vendor=vendor_en, vendor_zh=vendor_zh,
                name_zh=next((n for n in names_zh if re.search(r"[\u4e00-\u9fff]", n)), None))
    d["aliases"] = list(dict.fromkeys(names_zh))
    d["aliases_hant"] = [n for n in dict.fromkeys(f["names_zh_tw"]) if n not in d["aliases"]]
    src = f.get("sources", {})
    d["sources"] = [f"{k}: {v}" for k, v in src.items()] + ["sdk-facts.md (research note)"]
    if f.get("pi_note"):
        d["notes"] = f["pi_note"]
    if f.get("shared_notes"):
        d["notes"] = (d.get("notes", "") + " Shared namespaces: " + "; ".join(f["shared_notes"])).strip()
    pkgs = [strip_dot(p) for p in f["packages"]] + [strip_dot(p) for p in PROMOTE.get(fid, [])]
    unver = [strip_dot(p) for p in f.get("packages_unverified", []) if p not in PROMOTE.get(fid, [])]
    for p in minimal_prefixes(pkgs):
        mv = MOVE.get((fid, "packages", p + "."), "keep")
        if mv != "keep":
            continue
        claim(d, "weak_packages" if p in WEAK_PKG else "packages", p)
    for p in minimal_prefixes(unver):
        if MOVE.get((fid, "packages", p + "."), "keep") != "keep":
            continue
        if not any(p == q or p.startswith(q + ".") for q in d["packages"]):
            claim(d, "weak_packages", p)
    for c in f["components"]:
        n = component_name(c)
        if "*" in n.strip("*"):
            continue  # a wildcard in the middle: not expressible, and rare
        if MOVE.get((fid, "components", n), "keep") == "keep":
            claim(d, "components", n)
    for m in f["meta_data"]:
        if MOVE.get((fid, "meta_data", m), "keep") == "keep":
            claim(d, "meta_data", m)
    for lib in f["native_libs"] + f.get("native_libs_unverified", []):
        if MOVE.get((fid, "native_libs", lib), "keep") != "keep":
            continue
        if lib == "libgetuiext3.so":
            continue  # covered by libgetuiext*.so
        claim(d, "weak_native_libs" if lib in WEAK_NATIVE else "native_libs", lib)
    for j in f.get("jni_prefixes", []):
        claim(d, "jni_prefixes", j)
    for h in f["domains"]:
        if MOVE.get((fid, "hosts", h), "keep") != "keep":
            continue
        ch = clean_host(h)
        if ch:
            claim(d, "hosts", ch)
    perms = [p for p in f["permissions"] if "*" not in p]
    d["permissions"] = perms
    d["collects"] = list(dict.fromkeys(f["pi"] + f.get("pi_optional", [])))

# Shared infrastructure signatures, then the moved matchers.
for iid, kw in INFRA.items():
    pk = kw.pop("packages", [])
    wk = kw.pop("weak_packages", [])
    d = new_sdk(iid, **kw)
    for p in pk:
        claim(d, "packages", p)
    for p in wk:
        claim(d, "weak_packages", p)
for (src, field, value), dst in MOVE.items():
    if dst is None:
        continue
    v = strip_dot(value) if field == "packages" else value
    claim(sdks[dst], field, v)

# Hand corrections found while reviewing the facts against the real binaries.
sdks["jpush"]["packages"] = sorted(set(sdks["jpush"]["packages"]) | {"cn.jiguang.plugins.push"})
claims[("packages", "cn.jiguang.plugins.push")] = "jpush"
claim(sdks["jverification"], "packages", "cn.jiguang.plugins.verification")
sdks["jverification"]["notes"] = ("Bundles the carriers' one-click login SDKs (com.cmic.gen = China Mobile, "
                                  "com.unicom.online = China Unicom, cn.com.chinatelecom = China Telecom), reported as "
                                  "cmcc-auth / cucc-auth / ctcc-auth bundled by jverification. Needs JCore.")
for carrier in ("cmcc-auth", "cucc-auth", "ctcc-auth"):
    sdks[carrier]["bundled_by"] = ["jverification", "aliyun-numberauth", "shanyan", "mob-secverify", "netease-yidun"]
claim(sdks["cmcc-auth"], "packages", "com.cmic.gen")  # the 3.4.8 jar also has com/cmic/gen outside .sdk
sdks["tencent-mta"]["bundled_by"] = ["wechat-opensdk"]
sdks["jpush"]["name"] = "JPush"
# Names the seed policies use that the research did not list.
sdks["qq-connect"]["aliases"] += ["QQ", "QQ SDK"]
sdks["weibo-sdk"]["aliases"] += ["微博", "新浪微博SDK"]
sdks["weibo-sdk"]["aliases_hant"] += ["微博"]
sdks["tencent-qrcode"]["aliases"] += ["腾讯二维码扫描SDK"]
sdks["tencent-tmf"]["aliases"] += ["腾讯TMF SDK"]
sdks["alibaba-nui"]["aliases"] += ["阿里巴巴智能语音SDK"]
sdks["alipay-zim"]["aliases"] += ["芝麻认证SDK"]
sdks["tencent-bugly"]["aliases_hant"] += ["Bugly"]
sdks["jpush"]["aliases"] = [a for a in sdks["jpush"]["aliases"] if "JCore" not in a]
sdks["alibaba-utdid"]["bundled_by"] = ["alipay-sdk", "umeng-push", "aliyun-push", "ali-baichuan", "umeng-common"]
sdks["tinker"]["bundled_by"] = ["tencent-bugly"]
sdks["umeng-push"]["native_libs"] = []
claim(sdks["umeng-push"], "native_libs", "libcocklogic*.so")
sdks["getui-push"]["version_fields"] = ["com.igexin.sdk.PushBuildConfig.sdk_conf_version"]
sdks["getui-push"]["meta_data"] = [m for m in sdks["getui-push"]["meta_data"]]
sdks["tencent-bugly"]["version_fields"] = ["com.tencent.bugly.crashreport.BuildConfig.VERSION_NAME",
                                           "com.tencent.bugly.BuglyStrategy.VERSION"]
sdks["baidu-map"]["version_native_libs"] = ["libBaiduMapSDK_base_v{v}.so", "libBaiduMapSDK_map_v{v}.so"]
sdks["baidu-location"]["version_native_libs"] = []
sdks["amap-map"]["version_native_libs"] = ["libAMapSDK_MAP_v{v}.so"]
sdks["amap-navi"]["version_native_libs"] = ["libAMapSDK_NAVI_v{v}.so"]
sdks["alibaba-accs"]["version_native_libs"] = ["libtnet-{v}-agoo.so"]
claim(sdks["alibaba-accs"], "native_libs", "libtnet-*.so")
sdks["jpush"]["version_fields"] = ["cn.jpush.android.api.JPushInterface.VERSION",
                                   "cn.jpush.android.BuildConfig.VERSION_NAME"]
sdks["sentry"]["version_fields"] = ["io.sentry.android.core.BuildConfig.VERSION_NAME"]
sdks["firebase-crashlytics"]["version_fields"] = ["com.google.firebase.crashlytics.BuildConfig.VERSION_NAME"]
sdks["talkingdata"]["version_fields"] = []
sdks["wechat-opensdk"]["version_fields"] = ["com.tencent.mm.opensdk.constants.Build.SDK_VERSION_NAME"]
sdks["amap-location"]["aliases"] = [a for a in sdks["amap-location"]["aliases"]]

# ---------------------------------------------------------------- 2. LibChecker labels
LC = {
    # label: (id, name, name_zh, category, vendor, aliases, packages)
    "智齿客服 SDK": ("sobot", "Sobot customer service SDK", "智齿客服", "customer-service", "Sobot", ["智齿客服", "智齿客服SDK", "智齿科技"], ["com.sobot.chat"]),
    "GMP Push SDK": ("volcengine-push", "Volcengine GMP push SDK", "火山引擎推送", "push", "Volcengine (ByteDance)", ["火山引擎推送", "火山引擎消息推送", "GMP Push"], ["com.bytedance.push"]),
    "Nebula SDK": ("alipay-nebula", "Alipay Nebula container / mini-program SDK", "支付宝小程序容器", "app-framework", "Alipay", ["支付宝小程序", "Nebula", "mPaaS小程序"], ["com.alipay.mobile.nebula", "com.alipay.mobile.nebulaappproxy"]),
    "mPaaS": ("alipay-mpaas", "Alibaba Cloud mPaaS framework", "mPaaS", "app-framework", "Alibaba / Ant Group", ["mPaaS", "蚂蚁mPaaS", "移动开发平台mPaaS"], ["com.alipay.mobile.quinox", "com.alipay.mobile.framework"]),
    "Matrix": ("tencent-matrix", "Tencent Matrix APM", "腾讯Matrix", "crash-reporting", "Tencent", ["Matrix", "腾讯Matrix"], ["com.tencent.matrix"]),
    "旷视 SDK": None,  # already megvii-faceid
    "Instabug": ("instabug", "Instabug", None, "crash-reporting", "Instabug", ["Instabug"], ["com.instabug"]),
    "Mira": ("bytedance-mira", "ByteDance Mira plugin framework", None, "app-framework", "ByteDance", ["Mira"], ["com.bytedance.mira"]),
    "腾讯优图 SDK": ("tencent-youtu", "Tencent Youtu face SDK", "腾讯优图", "identity", "Tencent", ["腾讯优图", "优图SDK", "腾讯优图人脸识别"], ["com.tencent.youtu"]),
    "梆梆安全": ("bangcle", "Bangcle app protection", "梆梆安全", "risk-control", "Bangcle", ["梆梆安全", "梆梆加固"], ["com.secneo.apkwrapper"]),
    "爱加密": ("ijiami", "ijiami app protection", "爱加密", "risk-control", "北京智游网安科技有限公司", ["爱加密", "爱加密加固"], []),
    "360 加固": ("jiagu-360", "360 Jiagu app protection", "360加固", "risk-control", "Qihoo 360", ["360加固", "360加固保", "360 加固"], ["com.stub.StubApp"]),
    "百度应用加固": ("baidu-protect", "Baidu app protection", "百度应用加固", "risk-control", "Baidu", ["百度加固", "百度应用加固"], []),
    "腾讯乐固": None,
    "KOOM": ("kwai-koom", "Kuaishou KOOM memory monitor", None, "crash-reporting", "Kuaishou", ["KOOM"], ["com.kwai.koom"]),
    "百度人脸识别": None,
    "乐播 SDK": ("hpplay-lebo", "Lebo screen-casting SDK", "乐播投屏", "media", "Hpplay", ["乐播", "乐播投屏", "乐播SDK", "乐联"], ["com.hpplay.sdk"]),
    "极光联盟": ("jiguang-ads", "Jiguang union ads (JAd)", "极光联盟", "ads", "Aurora Mobile (Jiguang)", ["极光联盟", "极光广告"], ["cn.jiguang.ads", "cn.jiguang.union"]),
    "米大师": ("tencent-midas", "Tencent Midas payment", "米大师", "payment", "Tencent", ["米大师", "腾讯米大师", "Midas"], ["com.tencent.midas"]),
    "语音识别 SDK": ("baidu-speech", "Baidu speech recognition SDK", "百度语音识别", "speech", "Baidu", ["百度语音", "百度语音识别", "百度语音SDK", "百度语音合成"], ["com.baidu.speech", "com.baidu.tts"]),
    "离线语音合成 SDK": None,
    "腾讯客户端性能分析": ("tencent-qapm", "Tencent QAPM performance analysis", "腾讯客户端性能分析", "crash-reporting", "Tencent", ["腾讯客户端性能分析", "QAPM", "腾讯QAPM"], ["com.tencent.qapmsdk"]),
    "腾讯云短视频 SDK": ("tencent-liteav", "Tencent Cloud short video / live (LiteAV)", "腾讯云短视频", "media", "Tencent Cloud", ["腾讯云短视频", "腾讯云直播", "腾讯云播放器", "LiteAV", "腾讯云视立方"], ["com.tencent.liteav", "com.tencent.rtmp", "com.tencent.ugc"]),
    "腾讯云直播 SDK": "tencent-liteav",
    "腾讯云实时音视频 SDK": ("tencent-trtc", "Tencent Cloud TRTC", "腾讯云实时音视频", "rtc", "Tencent Cloud", ["腾讯云实时音视频", "TRTC", "腾讯实时音视频"], ["com.tencent.trtc"]),
    "小米广告 SDK": ("xiaomi-ads", "Xiaomi Mimo ads SDK", "小米广告", "ads", "Xiaomi", ["小米广告", "小米广告SDK", "米盟"], ["com.miui.zeus"]),
    "APMInsight / 应用性能监控全链路版": ("volcengine-apminsight", "Volcengine APMInsight", "火山引擎应用性能监控", "crash-reporting", "Volcengine (ByteDance)", ["APMInsight", "火山引擎应用性能监控", "应用性能监控全链路版"], ["com.apm.insight", "com.bytedance.apm"]),
    "顶象无感验证 SDK": None,
    "数字联盟可信 ID SDK": ("shuzilm", "Shuzilm trusted device ID", "数字联盟可信ID", "risk-control", "北京数字联盟网络科技有限公司", ["数字联盟", "数盟", "数字联盟可信ID", "可信ID"], ["cn.shuzilm"]),
    "Huawei Ads SDK": ("huawei-ads", "Huawei Ads (PPS)", "华为广告", "ads", "Huawei", ["华为广告", "华为广告SDK", "鲸鸿动能", "HUAWEI Ads"], ["com.huawei.openalliance.ad", "com.huawei.hms.ads"]),
    "HUAWEI Ads Kit": "huawei-ads",
    "HMS Core": ("huawei-hms-core", "Huawei HMS Core base", "华为HMS Core", "app-framework", "Huawei", ["HMS Core", "华为HMS", "华为HMS Core", "华为移动服务"], ["com.huawei.hms", "com.huawei.android.hms.agent", "com.huawei.agconnect", "com.huawei.updatesdk"]),
    "华为帐号服务": ("huawei-account", "Huawei Account Kit", "华为帐号", "social", "Huawei", ["华为帐号", "华为账号", "华为账号登录", "华为帐号服务"], ["com.huawei.hms.support.hwid", "com.huawei.hms.hwid", "com.huawei.hms.account"]),
    "小米账号开放平台": ("xiaomi-account", "Xiaomi account open platform", "小米账号", "social", "Xiaomi", ["小米账号", "小米账号登录", "小米帐号"], ["com.xiaomi.account"]),
    "nubia Push": ("nubia-push", "nubia push", "努比亚推送", "push", "nubia", ["努比亚推送", "nubia推送"], ["cn.nubia.neopush"]),
    "Sofire": ("baidu-sofire", "Baidu Sofire security (device risk)", "百度安全SDK", "risk-control", "Baidu", ["百度安全", "百度风控", "Sofire"], ["com.baidu.sofire"]),
    "Qimei SDK": ("tencent-qimei", "Tencent Qimei device ID", "腾讯Qimei", "device-id", "Tencent", ["Qimei", "腾讯Qimei", "腾讯设备标识"], ["com.tencent.qimei"]),
    "美洽客服 SDK": ("meiqia", "Meiqia customer service SDK", "美洽客服", "customer-service", "Meiqia", ["美洽", "美洽客服", "美洽SDK"], ["com.meiqia"]),
    "Ping++ SDK": ("pingpp", "Ping++ payment SDK", "Ping++", "payment", "Ping++", ["Ping++", "Ping++支付"], ["com.pingplusplus"]),
    "翼支付": ("bestpay", "China Telecom Bestpay", "翼支付", "payment", "China Telecom", ["翼支付", "翼支付SDK"], ["com.bestpay"]),
    "招商银行 SDK": ("cmb-sdk", "China Merchants Bank SDK", "招商银行", "payment", "CMB", ["招商银行", "招行SDK", "一网通支付"], ["cmbapi", "cmb.pb"]),
    "CFCA": ("cfca", "CFCA security keyboard / crypto", "中国金融认证中心", "risk-control", "CFCA", ["CFCA", "中国金融认证中心"], ["com.cfca"]),
    "网易云捕": ("netease-bugrpt", "NetEase crash capture", "网易云捕", "crash-reporting", "NetEase", ["网易云捕"], ["com.netease.bugrpt"]),
    "岳鹰全景监控": ("alibaba-uc-crash", "Alibaba Yueying (U4 crash SDK)", "岳鹰全景监控", "crash-reporting", "Alibaba", ["岳鹰", "岳鹰全景监控", "U-APM", "友盟U-APM"], ["com.uc.crashsdk"]),
    "Mtop SDK": None,
    "Bmob 后端云": ("bmob", "Bmob backend cloud", "Bmob后端云", "cloud-storage", "Bmob", ["Bmob", "Bmob后端云"], ["cn.bmob"]),
    "小红书分享 SDK": ("xiaohongshu-share", "Xiaohongshu share SDK", "小红书分享", "social", "Xiaohongshu", ["小红书", "小红书分享", "小红书SDK"], ["com.xingin.xhssharesdk"]),
    "思必驰": ("aispeech", "AISpeech DUI SDK", "思必驰", "speech", "AISPEECH", ["思必驰", "思必驰语音", "DUI"], ["com.aispeech"]),
    "Faceunity Nama SDK": ("faceunity", "FaceUnity Nama beauty SDK", "相芯科技", "media", "杭州相芯科技有限公司", ["相芯", "FaceUnity", "相芯美颜"], ["com.faceunity"]),
    "腾讯灯塔 SDK": None,
    "腾讯流量联盟": None,
    "AnyChat": ("anychat", "AnyChat video SDK", "AnyChat", "rtc", "广州佰锐网络科技有限公司", ["AnyChat", "佰锐"], ["com.bairuitech.anychat"]),
    "TUTK SDK": ("tutk", "ThroughTek TUTK IoT P2P", "TUTK", "rtc", "ThroughTek", ["TUTK", "Kalay"], ["com.tutk"]),
    "游戏语音 GVoice": ("tencent-gvoice", "Tencent GVoice", "腾讯游戏语音", "rtc", "Tencent", ["GVoice", "腾讯游戏语音"], ["com.tencent.gcloud.voice"]),
    "腾讯游戏 MSDK": ("tencent-msdk", "Tencent game MSDK", "腾讯游戏MSDK", "social", "Tencent", ["MSDK", "腾讯MSDK"], ["com.tencent.msdk"]),
    "MSDK / MobileGame Software Development Kit": "tencent-msdk",
    "防水墙": ("tencent-captcha", "Tencent captcha (T-Sec)", "腾讯防水墙", "risk-control", "Tencent", ["防水墙", "腾讯防水墙", "腾讯验证码", "天御验证码"], ["com.tencent.captchasdk"]),
    "手游安全 SDK": ("tencent-tersafe", "Tencent mobile game protection (TP)", "腾讯手游安全", "risk-control", "Tencent", ["手游安全", "腾讯手游安全", "TP"], ["com.tencent.tp"]),
    "腾讯云手游安全": "tencent-tersafe",
    "Bilibili Oauth SDK": ("bilibili-oauth", "Bilibili OAuth SDK", "哔哩哔哩登录", "social", "Bilibili", ["哔哩哔哩", "B站登录", "bilibili"], ["com.bilibili.lib.accountoauth"]),
    "TapTap 开发者服务": ("taptap", "TapTap developer services", "TapTap", "social", "TapTap", ["TapTap", "TapTap登录", "TapSDK"], ["com.taptap", "com.tapsdk"]),
    "滴滴 SDK": None,
    "阿里聚安全": ("alibaba-securityguard", "Alibaba Security Guard (聚安全)", "阿里聚安全", "risk-control", "Alibaba", ["阿里聚安全", "阿里安全", "安全守护", "SecurityGuard"], ["com.alibaba.wireless.security", "com.taobao.securityjni"]),
    "Weex": ("alibaba-weex", "Apache Weex", None, "library", "Alibaba", ["Weex"], ["com.taobao.weex", "org.apache.weex"]),
    "即构极速视频 SDK": ("zego", "ZEGO Express SDK", "即构", "rtc", "ZEGO", ["即构", "即构科技", "ZEGO"], ["im.zego"]),
    "PayPal Android SDK": ("paypal", "PayPal SDK", "PayPal", "payment", "PayPal", ["PayPal", "贝宝"], ["com.paypal"]),
    "Mapbox Maps SDK": ("mapbox", "Mapbox Maps SDK", None, "maps-location", "Mapbox", ["Mapbox"], ["com.mapbox"]),
    "IronSource": ("ironsource", "ironSource", None, "ads", "ironSource", ["ironSource", "IronSource"], ["com.ironsource"]),
    "Unity Ads": ("unity-ads", "Unity Ads", None, "ads", "Unity Technologies", ["Unity Ads", "Unity广告"], ["com.unity3d.ads", "com.unity3d.services"]),
    "AppLovin": ("applovin", "AppLovin (MAX)", None, "ads", "AppLovin", ["AppLovin", "AppLovin MAX"], ["com.applovin"]),
    "Audience Network": None,
    "Audience Network SDK": None,
    "ACRA": ("acra", "ACRA crash reporter", None, "crash-reporting", "ACRA", ["ACRA"], ["org.acra", "ch.acra"]),
    "xCrash": ("xcrash", "iQIYI xCrash", None, "library", "iQIYI", ["xCrash"], ["xcrash"]),
    "LeakCanary": ("leakcanary", "LeakCanary", None, "library", "Square", ["LeakCanary"], ["leakcanary", "com.squareup.leakcanary"]),
    "React Native": ("react-native", "React Native", None, "library", "Meta", ["React Native"], ["com.facebook.react", "com.facebook.hermes", "com.facebook.yoga", "com.facebook.jni", "com.facebook.soloader"]),
    "Flutter": ("flutter", "Flutter", None, "library", "Google", ["Flutter"], ["io.flutter"]),
    "Unity": ("unity-engine", "Unity engine", None, "library", "Unity Technologies", ["Unity"], ["com.unity3d.player"]),
    "IJKPlayer": ("ijkplayer", "ijkplayer", None, "library", "Bilibili", ["ijkplayer", "IJKPlayer"], ["tv.danmaku.ijk"]),
    "FFmpeg": ("ffmpeg", "FFmpeg", None, "library", "FFmpeg", ["FFmpeg"], []),
    "Tinker": None,
    "Mars": ("tencent-mars", "Tencent Mars (xlog, STN)", None, "library", "Tencent", ["Mars", "腾讯Mars"], ["com.tencent.mars"]),
    "WCDB": ("tencent-wcdb", "Tencent WCDB", None, "library", "Tencent", ["WCDB"], ["com.tencent.wcdb"]),
    "MNN": ("alibaba-mnn", "Alibaba MNN inference engine", None, "library", "Alibaba", ["MNN"], ["com.taobao.android.mnn", "com.alibaba.android.mnn"]),
    "ncnn": ("tencent-ncnn", "Tencent ncnn", None, "library", "Tencent", ["ncnn"], []),
    "Paddle Lite": ("paddle-lite", "Baidu Paddle Lite", None, "library", "Baidu", ["Paddle Lite", "飞桨"], ["com.baidu.paddle"]),
    "Neptune": ("iqiyi-neptune", "iQIYI Neptune plugin framework", None, "app-framework", "iQIYI", ["Neptune"], ["org.qiyi.pluginlibrary"]),
    "金融级实人认证 SDK": None,
    "号码认证服务": None,
    "腾讯移动推送": None, "极光推送": None, "个推": None, "阿里移动推送": None, "友盟推送": None,
    "腾讯广告 SDK": None, "微博 SDK": None, "融云 IM SDK": None, "网易云信": None, "Bugly": None,
    "百度云推送": None, "Facebook SDK": None, "支付宝 SDK": None, "Huawei Push": None,
    "Google Play Service": None, "Firebase": None, "腾讯地图 SDK": None, "网易云通信 SDK": None,
    "MSA SDK": None, "MiPush": None, "Fresco": None, "银联 SDK": None, "腾讯云通信 SDK": None,
    "快手广告 SDK": None, "Google AdMob": None, "高德地图 SDK": None, "快手开放平台": None,
    "实人认证 SDK": None, "OPPO Push": None, "Firebase Cloud Messaging": None, "Crashlytics": None,
    "闪验 SDK": None, "腾讯浏览服务（TBS）": None, "网易易盾": None, "开普勒 SDK": None, "Sentry": None,
    "Firebase Analytics": None, "DataFinder": None, "腾讯移动分析": None, "移动号码认证": None,
    "神策分析 SDK": None, "极光认证 SDK": None, "一键登录和本机号码校验": None, "Meizu Push": None,
    "人脸核身 SDK": None, "荣耀推送服务": None, "腾讯开放平台": None, "环信 IM": None, "信鸽推送": None,
    "vivo Push": None, "MMKV": None,
}

lc_rows = []
with open(RESEARCH / "libchecker-rules.tsv") as fh:
    for row in csv.reader(fh, delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 3:
            continue
        lc_rows.append(row)

for label, spec in LC.items():
    if spec is None:
        continue
    if isinstance(spec, str):
        d = sdks[spec]
    else:
        sid, name, name_zh, cat, vendor, aliases, pkgs = spec
        d = new_sdk(sid, name, cat, name_zh=name_zh, vendor=vendor,
                    aliases=list(aliases), sources=[f"LibChecker-Rules: {label}"])
        for p in pkgs:
            claim(d, "packages", p)
    for kind, pat, lab, *_ in lc_rows:
        if lab != label or pat.startswith("regex/"):
            continue
        if kind == "native":
            if pat.endswith(".so"):
                claim(d, "weak_native_libs" if pat in WEAK_NATIVE else "native_libs", pat)
        elif kind in ("activities", "services", "receivers", "providers"):
            if is_pkg(pat):
                claim(d, "components", pat)

# ---------------------------------------------------------------- 3. Exodus trackers
EXODUS_CAT = [("Crash reporting", "crash-reporting"), ("Advertisement", "ads"),
              ("Analytics", "analytics"), ("Profiling", "analytics"),
              ("Identification", "analytics"), ("Location", "maps-location")]


def slug(name):
    s = re.sub(r"\(.*?\)", "", name).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "tracker"


def nests(p):
    for (space, v), owner in claims.items():
        if space != "packages":
            continue
        if p == v or p.startswith(v + ".") or v.startswith(p + "."):
            return owner
    return None


with open(RESEARCH / "exodus-trackers.tsv") as fh:
    for row in csv.reader(fh, delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 2:
            continue
        name, code = row[0], row[1]
        net = row[2] if len(row) > 2 else ""
        site = row[3] if len(row) > 3 else ""
        cats = row[4] if len(row) > 4 else ""
        prefixes = []
        for p in code.split("|"):
            p = strip_dot(p.strip())
            if p and is_pkg(p) and p.count(".") >= 1:
                prefixes.append(p)
        if code and not prefixes:
            continue
        if any(nests(p) for p in prefixes):
            continue
        hosts = [h for h in (clean_host(x) for x in net.split("|")) if h]
        hosts = [h for h in dict.fromkeys(hosts) if ("hosts", h) not in claims]
        if not prefixes and not hosts:
            continue
        sid = slug(name)
        if sid in sdks:
            sid = sid + "-sdk"
        if sid in sdks:
            continue
        cat = next((c for key, c in EXODUS_CAT if key in cats), None)
        if cat is None:
            low = name.lower()
            cat = "ads" if re.search(r"\bads?\b|advert|admob|mopub|adcolony|vungle|inmobi|chartboost|criteo", low) else "other"
        clean_name = name.strip()
        d = new_sdk(sid, clean_name, cat, aliases=[clean_name], website=site or None,
                    sources=["Exodus Privacy tracker list (via MobSF)"])
        for p in minimal_prefixes(prefixes):
            claim(d, "packages", p)
        for h in hosts:
            claim(d, "hosts", h)

# ---------------------------------------------------------------- 4. plain libraries
LIBS = [
    ("androidx", "AndroidX (Jetpack)", ["androidx"]),
    ("android-support", "Android Support Library", ["android.support"]),
    ("kotlin-stdlib", "Kotlin standard library", ["kotlin"]),
    ("kotlinx-coroutines", "Kotlin coroutines and kotlinx libraries", ["kotlinx", "_COROUTINE"]),
    ("google-material", "Material Components for Android", ["com.google.android.material"]),
    ("google-play-services", "Google Play services base", ["com.google.android.gms", "com.google.android.play.core", "com.google.android.datatransport"]),
    ("google-guava", "Guava", ["com.google.common", "com.google.thirdparty"]),
    ("google-protobuf", "Protocol Buffers", ["com.google.protobuf"]),
    ("google-errorprone", "Error Prone annotations", ["com.google.errorprone"]),
    ("google-j2objc", "J2ObjC annotations", ["com.google.j2objc"]),
    ("google-auto", "Google AutoValue / AutoService", ["com.google.auto"]),
    ("google-exoplayer", "ExoPlayer", ["com.google.android.exoplayer2", "com.google.android.exoplayer"]),
    ("google-flexbox", "FlexboxLayout", ["com.google.android.flexbox"]),
    ("dagger", "Dagger / Hilt", ["dagger", "javax.inject"]),
    ("jackson", "Jackson JSON", ["com.fasterxml.jackson"]),
    ("moshi", "Moshi", ["com.squareup.moshi"]),
    ("picasso", "Picasso", ["com.squareup.picasso"]),
    ("square-wire", "Wire protobuf", ["com.squareup.wire"]),
    ("javapoet", "JavaPoet", ["com.squareup.javapoet"]),
    ("timber", "Timber", ["timber.log"]),
    ("butterknife", "Butter Knife", ["butterknife"]),
    ("netty", "Netty", ["io.netty"]),
    ("icu4j", "ICU4J", ["com.ibm.icu"]),
    ("xerces", "Apache Xerces", ["org.apache.xerces", "org.apache.xml", "org.apache.html", "org.apache.wml", "org.apache.xalan", "org.apache.xpath", "org.eclipse.wst"]),
    ("apache-commons", "Apache Commons", ["org.apache.commons"]),
    ("apache-httpclient", "Apache HttpClient / HttpCore", ["org.apache.http"]),
    ("apache-log4j", "Apache Log4j", ["org.apache.log4j", "org.apache.logging"]),
    ("slf4j", "SLF4J", ["org.slf4j"]),
    ("logback", "Logback", ["ch.qos.logback"]),
    ("jetbrains-annotations", "JetBrains annotations", ["org.jetbrains.annotations", "org.intellij.lang"]),
    ("checker-framework", "Checker Framework annotations", ["org.checkerframework"]),
    ("javax-annotations", "javax annotations (JSR 305/250)", ["javax.annotation"]),
    ("junit", "JUnit", ["org.junit", "junit"]),
    ("hamcrest", "Hamcrest", ["org.hamcrest"]),
    ("mockito", "Mockito", ["org.mockito"]),
    ("bytebuddy", "Byte Buddy", ["net.bytebuddy"]),
    ("objenesis", "Objenesis", ["org.objenesis"]),
    ("jcodec", "JCodec", ["org.jcodec"]),
    ("rabbitmq-client", "RabbitMQ Java client", ["com.rabbitmq"]),
    ("androidasync", "AndroidAsync (koush)", ["com.koushikdutta.async"]),
    ("ion", "Ion (koush)", ["com.koushikdutta.ion"]),
    ("junidecode", "JUnidecode", ["net.gcardone.junidecode"]),
    ("jsonrpc4j", "jsonrpc4j", ["com.googlecode.jsonrpc4j"]),
    ("jcommander", "JCommander", ["com.beust.jcommander"]),
    ("java-websocket", "Java-WebSocket", ["org.java_websocket"]),
    ("nanohttpd", "NanoHTTPD", ["fi.iki.elonen"]),
    ("java-cup", "CUP parser runtime", ["java_cup"]),
    ("iharder-base64", "iHarder Base64", ["net.iharder"]),
    ("bouncycastle", "Bouncy Castle", ["org.bouncycastle", "org.spongycastle"]),
    ("conscrypt", "Conscrypt", ["org.conscrypt"]),
    ("jsoup", "jsoup", ["org.jsoup"]),
    ("greendao", "greenDAO", ["org.greenrobot.greendao"]),
    ("realm", "Realm", ["io.realm"]),
    ("sqlcipher", "SQLCipher", ["net.sqlcipher", "net.zetetic"]),
    ("arouter", "ARouter", ["com.alibaba.android.arouter"]),
    ("baserecyclerviewadapter", "BaseRecyclerViewAdapterHelper", ["com.chad.library.adapter"]),
    ("smartrefreshlayout", "SmartRefreshLayout", ["com.scwang.smartrefresh", "com.scwang.smart"]),
    ("immersionbar", "ImmersionBar", ["com.gyf.immersionbar", "com.gyf.barlibrary"]),
    ("androidutilcode", "AndroidUtilCode", ["com.blankj.utilcode"]),
    ("xxpermissions", "XXPermissions", ["com.hjq.permissions"]),
    ("pictureselector", "PictureSelector", ["com.luck.picture"]),
    ("ucrop", "uCrop", ["com.yalantis.ucrop"]),
    ("photoview", "PhotoView", ["com.github.chrisbanes.photoview", "uk.co.senab.photoview"]),
    ("mpandroidchart", "MPAndroidChart", ["com.github.mikephil.charting"]),
    ("circleimageview", "CircleImageView", ["de.hdodenhof.circleimageview"]),
    ("autosize", "AndroidAutoSize", ["me.jessyan.autosize"]),
    ("xpopup", "XPopup", ["com.lxj.xpopup"]),
    ("banner", "youth Banner", ["com.youth.banner"]),
    ("agentweb", "AgentWeb", ["com.just.agentweb"]),
    ("filedownloader", "FileDownloader", ["com.liulishuo.filedownloader", "com.liulishuo.okdownload"]),
    ("jiaozivideoplayer", "JiaoZiVideoPlayer", ["cn.jzvd"]),
    ("gsyvideoplayer", "GSYVideoPlayer", ["com.shuyu.gsyvideoplayer"]),
    ("socket-io", "Socket.IO client", ["io.socket"]),
    ("paho-mqtt", "Eclipse Paho MQTT", ["org.eclipse.paho"]),
    ("javassist", "Javassist", ["javassist"]),
    ("kxml", "kXML / XmlPull", ["org.kxml2", "org.xmlpull"]),
    ("reactive-streams", "Reactive Streams", ["org.reactivestreams"]),
    ("rxandroid", "RxAndroid", ["io.reactivex.android", "io.reactivex.rxjava3.android"]),
    ("rxpermissions", "RxPermissions", ["com.tbruyelle.rxpermissions2", "com.tbruyelle.rxpermissions3"]),
    ("lifecycle-annotations", "Android architecture (pre-AndroidX)", ["android.arch"]),
    ("multidex-legacy", "Legacy MultiDex", ["android.support.multidex"]),
    ("zxing-android", "BGAQRCode / zxing lite", ["cn.bingoogolapple.qrcode"]),
    ("material-dialogs", "Material Dialogs", ["com.afollestad.materialdialogs"]),
    ("okgo", "OkGo", ["com.lzy.okgo"]),
    ("xutils", "xUtils", ["org.xutils"]),
    ("volley", "Volley", ["com.android.volley"]),
    ("universal-image-loader", "Universal Image Loader", ["com.nostra13.universalimageloader"]),
    ("litepal", "LitePal", ["org.litepal"]),
    ("wechat-mmkv-annotations", "Tencent Shadow plugin framework", ["com.tencent.shadow"]),
]
LIB_NATIVE = {"ffmpeg": ["libavcodec.so", "libavformat.so", "libavutil.so", "libswscale.so", "libswresample.so", "libavfilter.so", "libffmpeg.so"],
              "tencent-ncnn": ["libncnn.so"]}
for lid, name, pkgs in LIBS:
    if lid in sdks:
        continue
    d = new_sdk(lid, name, "library", aliases=[], sources=["registry APK class lists (dexdump)" if lid in {
        "netty", "icu4j", "xerces", "apache-commons", "jackson", "jcodec", "rabbitmq-client", "androidasync",
        "junidecode", "jsonrpc4j", "jcommander", "java-websocket", "nanohttpd", "java-cup", "iharder-base64",
        "junit", "hamcrest", "slf4j", "jetbrains-annotations", "google-protobuf", "google-errorprone",
        "androidx", "android-support", "kotlin-stdlib", "kotlinx-coroutines", "google-play-services"} else "well-known library namespace"])
    for p in pkgs:
        claim(d, "packages", p)
for lid, libs in LIB_NATIVE.items():
    for lib in libs:
        if lid in sdks:
            claim(sdks[lid], "native_libs", lib)

# Libraries from the facts get their packages rechecked: androidx-kotlin was dropped.
# The research merged the Android framework stubs; `_COROUTINE` is a kotlinx debug package.

sdks["alibaba-securityguard"]["bundled_by"] = ["ali-baichuan", "alipay-sdk"]
sdks["alibaba-uc-crash"]["bundled_by"] = ["umeng-analytics"]

# ---------------------------------------------------------------- write
def q(s):
    return json.dumps(s, ensure_ascii=False)


def arr(values):
    if not values:
        return "[]"
    one = "[" + ", ".join(q(v) for v in values) + "]"
    if len(one) < 80:
        return one
    return "[\n" + "".join(f"    {q(v)},\n" for v in values) + "]"


OUT.mkdir(parents=True, exist_ok=True)
for sid, d in sorted(sdks.items()):
    lines = ["format = 1", f"id = {q(sid)}", f"name = {q(d['name'])}"]
    if d.get("name_zh"):
        lines.append(f"name_zh = {q(d['name_zh'])}")
    if d.get("vendor"):
        lines.append(f"vendor = {q(d['vendor'])}")
    if d.get("vendor_zh"):
        lines.append(f"vendor_zh = {q(d['vendor_zh'])}")
    lines.append(f"category = {q(d['category'])}")
    if d.get("website"):
        lines.append(f"website = {q(d['website'])}")
    aliases = [a for a in dict.fromkeys(d["aliases"]) if a.strip()]
    hosts = d["hosts"]
    d["hosts"] = [h for h in hosts if not any(h != o and h.endswith("." + o) for o in hosts)]
    hant = [a for a in dict.fromkeys(d["aliases_hant"]) if a.strip() and a not in aliases]
    if aliases:
        lines.append(f"aliases = {arr(aliases)}")
    if hant:
        lines.append(f"aliases_hant = {arr(hant)}")
    if d["bundled_by"]:
        lines.append(f"bundled_by = {arr([b for b in d['bundled_by'] if b in sdks])}")
    if d["permissions"]:
        lines.append(f"permissions = {arr(d['permissions'])}")
    if d["collects"]:
        lines.append(f"collects = {arr(d['collects'])}")
    if d.get("notes"):
        lines.append(f"notes = {q(d['notes'])}")
    if d["sources"]:
        lines.append(f"sources = {arr(d['sources'])}")
    lines.append("")
    lines.append("[match]")
    for field in ("packages", "exclude_packages", "weak_packages", "components", "meta_data",
                  "native_libs", "weak_native_libs", "jni_prefixes", "hosts"):
        vals = d[field]
        if field in ("packages", "weak_packages"):
            vals = sorted(vals)
        if vals:
            lines.append(f"{field} = {arr(vals)}")
    if d["version_fields"] or d["version_native_libs"]:
        lines.append("")
        lines.append("[version]")
        if d["version_fields"]:
            lines.append(f"fields = {arr(d['version_fields'])}")
        if d["version_native_libs"]:
            lines.append(f"native_libs = {arr(d['version_native_libs'])}")
    (OUT / f"{sid}.toml").write_text("\n".join(lines) + "\n")
print(f"wrote {len(sdks)} signatures to {OUT}")
