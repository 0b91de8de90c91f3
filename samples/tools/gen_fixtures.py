"""Generate the detection fixtures (issue 11): small apps, each showing one pattern that made
detection name SDKs that are not in the APK. Run once; build.sh builds the committed output.

    python3 samples/tools/gen_fixtures.py

Every SDK part is a hand-written stand-in that carries the SDK's real package layout,
manifest component names, meta-data keys and hosts (see the signatures in
sdk-signatures/sdks/); nothing here is vendor code. The expected detections are asserted by
tests/detect_fixtures.rs and listed in samples/README.md.
"""
import os, shutil, sys

sys.path.insert(0, os.path.dirname(__file__))
from smali_common import write, cls, ACTIVITY, SERVICE, RECEIVER, PROVIDER, SERVICE_BODY, receiver_body, PROVIDER_BODY  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APPLICATION = 'Landroid/app/Application;'
NS = 'http://schemas.android.com/apk/res/android'


def const_string_method(name, value, static=True):
    """A method that loads `value` with const-string and returns it."""
    flags = 'public static' if static else 'public'
    return f"""
.method {flags} {name}()Ljava/lang/String;
    .locals 1
    const-string v0, "{value}"
    return-object v0
.end method
"""


def build_config(pkg, version):
    d = f'L{pkg.replace(".", "/")}/BuildConfig;'
    body = f"""
.field public static final APPLICATION_ID:Ljava/lang/String; = "{pkg}"
.field public static final VERSION_NAME:Ljava/lang/String; = "{version}"
"""
    return d, cls(d, flags='public final', body=body)


def r_classes(pkg):
    base = pkg.replace('.', '/')
    out = [(f'L{base}/R;', cls(f'L{base}/R;', flags='public final'))]
    out.append((f'L{base}/R$string;', cls(f'L{base}/R$string;', flags='public final', src='R.java',
                body='\n.field public static final app_name:I = 0x7f010000\n')))
    return out


def manifest(package, app_name, body, perms=(), extra_app_attrs=''):
    perms_xml = ''.join(f'    <uses-permission android:name="{p}" />\n' for p in perms)
    app_attr = f' android:name="{app_name}"' if app_name else ''
    return f"""<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="{NS}"
    package="{package}"
    android:versionCode="1"
    android:versionName="1.0">

    <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="30" />

{perms_xml}
    <application{app_attr} android:label="fixture" android:allowBackup="false"{extra_app_attrs}>
{body}    </application>
</manifest>
"""


def launcher(name):
    return f"""        <activity android:name="{name}" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
        </activity>
"""


def meta(name, value):
    return f'        <meta-data android:name="{name}" android:value="{value}" />\n'


def fresh(name):
    root = os.path.join(HERE, name)
    for sub in ('smali', 'native', 'native-assets'):
        shutil.rmtree(os.path.join(root, sub), ignore_errors=True)
    os.makedirs(os.path.join(root, 'smali'), exist_ok=True)
    return root


def emit(root, classes, manifest_text, comment):
    for desc, body in classes:
        write(os.path.join(root, 'smali'), desc, body)
    with open(os.path.join(root, 'AndroidManifest.xml'), 'w') as f:
        f.write(manifest_text.replace('<manifest ', f'<!-- {comment} -->\n<manifest ', 1))


def app_classes(pkg, app_class=True, extra=()):
    """BuildConfig, R, MainActivity (+ Application) of an app whose code namespace is pkg."""
    base = pkg.replace('.', '/')
    out = [build_config(pkg, '1.0')] + r_classes(pkg)
    out.append((f'L{base}/MainActivity;', cls(f'L{base}/MainActivity;', ACTIVITY)))
    if app_class:
        out.append((f'L{base}/FixtureApp;', cls(f'L{base}/FixtureApp;', APPLICATION)))
    out.extend(extra)
    return out


def umeng_analytics():
    return [
        ('Lcom/umeng/analytics/MobclickAgent;', cls('Lcom/umeng/analytics/MobclickAgent;')),
        ('Lcom/umeng/commonsdk/UMConfigure;', cls('Lcom/umeng/commonsdk/UMConfigure;',
         body=const_string_method('endpoint', 'https://ulogs.umeng.com/unify_logs'))),
    ]


def vendor_demo():
    """A vendor's demo app: its own package cn.jiguang.sdkflowdemo lies under Jiguang's
    prefix, but no Jiguang SDK is in it; Umeng analytics is (a real SDK, kept)."""
    pkg = 'cn.jiguang.sdkflowdemo'
    base = pkg.replace('.', '/')
    root = fresh('vendor-demo')
    extra = [
        (f'L{base}/push/DemoService;', cls(f'L{base}/push/DemoService;', SERVICE, body=SERVICE_BODY)),
        (f'L{base}/push/DemoReceiver;', cls(f'L{base}/push/DemoReceiver;', RECEIVER, body=receiver_body('demo'))),
    ]
    body = launcher('.MainActivity')
    body += '        <service android:name=".push.DemoService" android:exported="false" />\n'
    body += '        <receiver android:name=".push.DemoReceiver" android:exported="false" />\n'
    body += meta('UMENG_APPKEY', '5f8d3c2b1a09e7d6c5b4a392') + meta('UMENG_CHANNEL', 'demo')
    emit(root, app_classes(pkg, extra=extra) + umeng_analytics(),
         manifest(pkg, '.FixtureApp', body, ['android.permission.INTERNET']),
         'vendor-demo: an app whose own package lies under a vendor prefix (cn.jiguang.*) without that vendor SDK')


def vendor_tool():
    """A tool whose code namespace com.sina.weibo.sdk.sdkflowtool lies under the Weibo SDK's
    prefix while its applicationId (manifest package) is elsewhere; the real Weibo SDK is in
    the APK too and must be detected from its own classes only."""
    ns = 'com.sina.weibo.sdk.sdkflowtool'
    base = ns.replace('.', '/')
    root = fresh('vendor-tool')
    extra = [(f'L{base}/SignatureActivity;', cls(f'L{base}/SignatureActivity;', ACTIVITY))]
    weibo = [
        ('Lcom/sina/weibo/sdk/openapi/WBAPIFactory;', cls('Lcom/sina/weibo/sdk/openapi/WBAPIFactory;')),
        ('Lcom/sina/weibo/sdk/auth/AuthInfo;', cls('Lcom/sina/weibo/sdk/auth/AuthInfo;',
         body=const_string_method('authorizeUrl', 'https://open.weibo.cn/oauth2/authorize'))),
        ('Lcom/sina/weibo/sdk/web/WeiboSdkWebActivity;', cls('Lcom/sina/weibo/sdk/web/WeiboSdkWebActivity;', ACTIVITY)),
    ]
    body = launcher(f'{ns}.MainActivity')
    body += f'        <activity android:name="{ns}.SignatureActivity" android:exported="false" />\n'
    body += '        <activity android:name="com.sina.weibo.sdk.web.WeiboSdkWebActivity" android:exported="false" />\n'
    emit(root, app_classes(ns, extra=extra) + weibo,
         manifest('com.sdkflow.fixture.wbtool', f'{ns}.FixtureApp', body, ['android.permission.INTERNET']),
         'vendor-tool: app code namespace under the Weibo SDK prefix, applicationId elsewhere, real Weibo SDK present')


def jpush_manifest():
    body = ''
    for kind, name in [
        ('service', 'cn.jpush.android.service.PushService'),
        ('service', 'cn.jpush.android.service.DaemonService'),
        ('receiver', 'cn.jpush.android.service.PushReceiver'),
        ('activity', 'cn.jpush.android.ui.PushActivity'),
    ]:
        body += f'        <{kind} android:name="{name}" android:exported="false" />\n'
    body += ('        <provider android:name="cn.jpush.android.service.DataProvider"'
             ' android:authorities="${pkg}.DataProvider" android:exported="false" />\n')
    body += meta('JPUSH_APPKEY', '0123456789abcdef01234567') + meta('JPUSH_CHANNEL', 'developer-default')
    return body


def bugly():
    body = """
.field public static final VERSION_NAME:Ljava/lang/String; = "4.1.9.3"
"""
    return [
        ('Lcom/tencent/bugly/crashreport/CrashReport;', cls('Lcom/tencent/bugly/crashreport/CrashReport;',
         body=const_string_method('server', 'https://android.bugly.qq.com/rqd/async'))),
        ('Lcom/tencent/bugly/crashreport/BuildConfig;', cls('Lcom/tencent/bugly/crashreport/BuildConfig;',
         flags='public final', body=body)),
    ]


def leftovers():
    """JPush and Umeng were removed from the build but not from the manifest: their
    components and meta-data remain, their classes are in no dex. Bugly is really there."""
    pkg = 'com.sdkflow.fixture.leftovers'
    root = fresh('leftovers')
    body = launcher('.MainActivity') + jpush_manifest().replace('${pkg}', pkg)
    body += meta('UMENG_APPKEY', '5f8d3c2b1a09e7d6c5b4a392')
    body += meta('BUGLY_APPID', 'a1b2c3d4e5')
    emit(root, app_classes(pkg) + bugly(),
         manifest(pkg, '.FixtureApp', body, ['android.permission.INTERNET']),
         'leftovers: manifest entries of SDKs whose code is in no dex (JPush, Umeng), and a real Bugly')


def packed():
    """A 360-packed app: the manifest application is the packer stub com.stub.StubApp, the
    only class in the dex; the packer's libraries sit in assets/; the real code (and every
    SDK class) is encrypted. JPush, Umeng and Bugly keep their manifest and native traces."""
    pkg = 'com.sdkflow.fixture.packed'
    root = fresh('packed')
    stub_body = """
.method protected attachBaseContext(Landroid/content/Context;)V
    .locals 1
    invoke-super {p0, p1}, Landroid/app/Application;->attachBaseContext(Landroid/content/Context;)V
    const-string v0, "jiagu"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    return-void
.end method
"""
    classes = [('Lcom/stub/StubApp;', cls('Lcom/stub/StubApp;', APPLICATION, body=stub_body))]
    body = launcher('.MainActivity') + jpush_manifest().replace('${pkg}', pkg)
    body += meta('UMENG_APPKEY', '5f8d3c2b1a09e7d6c5b4a392')
    body += meta('BUGLY_APPID', 'a1b2c3d4e5')
    emit(root, classes, manifest(pkg, 'com.stub.StubApp', body, ['android.permission.INTERNET']),
         'packed: a 360-packed app (stub application, encrypted code, packer libraries in assets/)')
    os.makedirs(os.path.join(root, 'native'), exist_ok=True)
    shutil.copy(os.path.join(HERE, 'tools', 'libjcore330.c'), os.path.join(root, 'native', 'libjcore330.c'))
    os.makedirs(os.path.join(root, 'native-assets'), exist_ok=True)
    for lib, abi in [('libjiagu', 'armeabi-v7a'), ('libjiagu_a64', 'arm64-v8a')]:
        with open(os.path.join(root, 'native-assets', lib + '.c'), 'w') as f:
            f.write(f"""// Stand-in for the 360 packer's loader ({lib}.so, shipped under assets/).
// Hand-written; not vendor code. It only exports JNI_OnLoad.
// abi: {abi}
// needed: c
#include "jni_min.h"

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {{
    (void)vm; (void)reserved;
    return JNI_VERSION_1_6;
}}
""")


def share_plugins():
    """MobTech ShareSDK with its WeChat and QQ platform plugins: the app's
    <package>.wxapi.WXEntryActivity extends ShareSDK's WechatHandlerActivity, the WeChat and
    QQ hosts are in ShareSDK's plugin code; neither the WeChat Open SDK nor QQ Connect is in
    the APK."""
    pkg = 'com.sdkflow.fixture.share'
    base = pkg.replace('.', '/')
    root = fresh('share-plugins')
    handler = 'Lcn/sharesdk/wechat/utils/WechatHandlerActivity;'
    classes = app_classes(pkg, extra=[
        (f'L{base}/wxapi/WXEntryActivity;', cls(f'L{base}/wxapi/WXEntryActivity;', handler)),
    ])
    classes += [
        ('Lcn/sharesdk/framework/ShareSDK;', cls('Lcn/sharesdk/framework/ShareSDK;')),
        ('Lcn/sharesdk/framework/Platform;', cls('Lcn/sharesdk/framework/Platform;', flags='public abstract')),
        ('Lcn/sharesdk/wechat/friends/Wechat;', cls('Lcn/sharesdk/wechat/friends/Wechat;', 'Lcn/sharesdk/framework/Platform;',
         body=const_string_method('tokenUrl', 'https://api.weixin.qq.com/sns/oauth2/access_token'))),
        (handler, cls(handler, ACTIVITY)),
        ('Lcn/sharesdk/tencent/qq/QQ;', cls('Lcn/sharesdk/tencent/qq/QQ;', 'Lcn/sharesdk/framework/Platform;',
         body=const_string_method('userInfoUrl', 'https://graph.qq.com/user/get_simple_userinfo'))),
        ('Lcn/sharesdk/tencent/qq/ReceiveActivity;', cls('Lcn/sharesdk/tencent/qq/ReceiveActivity;', ACTIVITY)),
        ('Lcom/mob/MobSDK;', cls('Lcom/mob/MobSDK;')),
        ('Lcom/mob/tools/MobUIShell;', cls('Lcom/mob/tools/MobUIShell;', ACTIVITY)),
    ]
    body = launcher('.MainActivity')
    body += '        <activity android:name=".wxapi.WXEntryActivity" android:exported="true" />\n'
    body += """        <activity android:name="cn.sharesdk.tencent.qq.ReceiveActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.VIEW" />
                <category android:name="android.intent.category.DEFAULT" />
                <category android:name="android.intent.category.BROWSABLE" />
                <data android:scheme="tencent100371282" />
            </intent-filter>
        </activity>
"""
    body += '        <activity android:name="com.mob.tools.MobUIShell" android:exported="false" />\n'
    body += meta('Mob-AppKey', 'moba6b6c6d6') + meta('Mob-AppSecret', 'b89d2427a3bc7ad1aea1e1e8c1d36bf3')
    emit(root, classes, manifest(pkg, '.FixtureApp', body, ['android.permission.INTERNET']),
         'share-plugins: ShareSDK with its WeChat and QQ plugins, without the platforms\' own SDKs')


if __name__ == '__main__':
    vendor_demo()
    vendor_tool()
    leftovers()
    packed()
    share_plugins()
