"""Generate the smali of the demo shop app (variant 'multidex') and its R8-style obfuscated
release build (variant 'obfuscated'). Hand-written stand-ins: real SDK package layout and entry
points, no vendor code."""
import os, re, shutil, sys
sys.path.insert(0, os.path.dirname(__file__))
from smali_common import *
from smali_sources import *

VARIANT = sys.argv[1]
OUT = sys.argv[2]
OBF = VARIANT == 'obfuscated'
P = 'com/sdkflow/demo/mall' if OBF else 'com/sdkflow/demo/shop'

# key -> (multidex descriptor, obfuscated descriptor or None = kept, dex group)
C = {}
def k(key, name, obf=None, group='sdk1'):
    C[key] = ('L' + name + ';', ('L' + obf + ';') if obf else None, group)

# app (classes.dex)
k('App', f'{P}/ShopApplication', None, 'app')
k('TokenTask', f'{P}/ShopApplication$TokenTask', f'{P}/a', 'app')
k('Splash', f'{P}/ui/SplashActivity', None, 'app')
k('Main', f'{P}/ui/MainActivity', None, 'app')
k('Checkout', f'{P}/ui/CheckoutActivity', None, 'app')
k('CheckoutClick', f'{P}/ui/CheckoutActivity$1', f'{P}/ui/a', 'app')
k('Product', f'{P}/ui/ProductActivity', None, 'app')
k('Promo', f'{P}/promo/PromoChecker', f'{P}/b', 'app')
k('ShopApi', f'{P}/net/ShopApi', f'{P}/c', 'app')
k('LocHelper', f'{P}/location/LocationHelper', f'{P}/d', 'app')
k('LocListener', f'{P}/location/ShopLocationListener', f'{P}/e', 'app')
k('WXEntry', f'{P}/wxapi/WXEntryActivity', None, 'app')
k('WXPayEntry', f'{P}/wxapi/WXPayEntryActivity', None, 'app')
k('ShopJPushReceiver', f'{P}/push/ShopJPushReceiver', None, 'app')
k('ShopJPushService', f'{P}/push/ShopJPushService', None, 'app')
k('ShopHms', f'{P}/push/ShopHmsMessageService', None, 'app')
k('Guard', f'{P}/security/Guard', None, 'app')
k('BuildConfig', f'{P}/BuildConfig', None, 'app')
k('ContextCompat', 'androidx/core/content/ContextCompat', 'androidx/core/a/a', 'app')
k('ActivityCompat', 'androidx/core/app/ActivityCompat', 'androidx/core/a/b', 'app')
k('FileProvider', 'androidx/core/content/FileProvider', None, 'app')
# JPush + JCore (classes2.dex)
k('JPushInterface', 'cn/jpush/android/api/JPushInterface', 'cn/jpush/a/a')
k('CustomMessage', 'cn/jpush/android/api/CustomMessage', 'cn/jpush/a/b')
k('JPushMessageReceiver', 'cn/jpush/android/service/JPushMessageReceiver', 'cn/jpush/a/c')
for comp in ['PushService', 'DaemonService', 'DataProvider', 'DownloadProvider', 'InitProvider',
             'PushReceiver', 'AlarmReceiver', 'JNotifyActivity', 'JCommonService']:
    k(comp, f'cn/jpush/android/service/{comp}')
k('PopWinActivity', 'cn/jpush/android/ui/PopWinActivity')
k('PushActivity', 'cn/jpush/android/ui/PushActivity')
k('JCoreInterface', 'cn/jiguang/api/JCoreInterface', 'cn/jiguang/a/a')
k('JCoreCollector', 'cn/jiguang/internal/JCoreCollector', 'cn/jiguang/a/b')
k('JHttp', 'cn/jiguang/net/HttpUtils', 'cn/jiguang/a/c')
k('JCoreNative', 'cn/jiguang/internal/JCoreNative')
# Bugly
k('CrashReport', 'com/tencent/bugly/crashreport/CrashReport', 'com/tencent/bugly/a')
k('BuglyBuildConfig', 'com/tencent/bugly/crashreport/BuildConfig', 'com/tencent/bugly/b')
k('BuglyDevice', 'com/tencent/bugly/crashreport/common/info/DeviceInfo', 'com/tencent/bugly/proguard/c')
k('BuglyUpload', 'com/tencent/bugly/crashreport/common/net/RqdUploader', 'com/tencent/bugly/proguard/d')
k('NativeCrashHandler', 'com/tencent/bugly/crashreport/crash/jni/NativeCrashHandler')
# AMap location (fully obfuscated in the release build: only APSService keeps its name)
k('AMapClient', 'com/amap/api/location/AMapLocationClient', 'a/b/a')
k('AMapOption', 'com/amap/api/location/AMapLocationClientOption', 'a/b/b')
k('AMapListener', 'com/amap/api/location/AMapLocationListener', 'a/b/c')
k('AMapLocation', 'com/amap/api/location/AMapLocation', 'a/b/d')
k('LocCollector', 'com/loc/dp', 'a/b/e')
k('LocHttp', 'com/loc/ez', 'a/b/f')
k('APSService', 'com/amap/api/location/APSService')
# Umeng
k('UMConfigure', 'com/umeng/commonsdk/UMConfigure', 'com/umeng/analytics/pro/a')
k('MobclickAgent', 'com/umeng/analytics/MobclickAgent', 'com/umeng/analytics/pro/b')
k('UMDevice', 'com/umeng/commonsdk/statistics/common/DeviceConfig', 'com/umeng/analytics/pro/c')
k('UMNet', 'com/umeng/commonsdk/statistics/internal/UMNetWork', 'com/umeng/analytics/pro/d')
k('UMVersion', 'com/umeng/commonsdk/statistics/SdkVersion', 'com/umeng/analytics/pro/e')
# WeChat (classes3.dex)
G2 = 'sdk2'
k('WXAPIFactory', 'com/tencent/mm/opensdk/openapi/WXAPIFactory', 'com/tencent/mm/opensdk/a/a', G2)
k('IWXAPI', 'com/tencent/mm/opensdk/openapi/IWXAPI', 'com/tencent/mm/opensdk/a/b', G2)
k('WXApiImpl', 'com/tencent/mm/opensdk/openapi/WXApiImplV10', 'com/tencent/mm/opensdk/a/c', G2)
k('IWXAPIEventHandler', 'com/tencent/mm/opensdk/openapi/IWXAPIEventHandler', 'com/tencent/mm/opensdk/a/d', G2)
k('BaseReq', 'com/tencent/mm/opensdk/modelbase/BaseReq', 'com/tencent/mm/opensdk/a/e', G2)
k('BaseResp', 'com/tencent/mm/opensdk/modelbase/BaseResp', 'com/tencent/mm/opensdk/a/f', G2)
k('PayReq', 'com/tencent/mm/opensdk/modelpay/PayReq', 'com/tencent/mm/opensdk/a/g', G2)
k('WXBuild', 'com/tencent/mm/opensdk/constants/Build', 'com/tencent/mm/opensdk/a/h', G2)
# Alipay
k('PayTask', 'com/alipay/sdk/app/PayTask', 'com/alipay/sdk/a/a', G2)
k('AliTid', 'com/alipay/sdk/tid/TidHelper', 'com/alipay/sdk/a/b', G2)
k('H5PayActivity', 'com/alipay/sdk/app/H5PayActivity', None, G2)
k('H5AuthActivity', 'com/alipay/sdk/app/H5AuthActivity', None, G2)
# Huawei HMS push
k('HmsInstanceId', 'com/huawei/hms/aaid/HmsInstanceId', 'com/huawei/hms/a/a', G2)
k('HmsMessageService', 'com/huawei/hms/push/HmsMessageService', None, G2)
k('RemoteMessage', 'com/huawei/hms/push/RemoteMessage', 'com/huawei/hms/a/c', G2)
k('HmsReporter', 'com/huawei/hms/opendevice/OpenDeviceReporter', 'com/huawei/hms/a/d', G2)
k('BridgeActivity', 'com/huawei/hms/activity/BridgeActivity', None, G2)
k('AaidInitProvider', 'com/huawei/hms/aaid/InitProvider', None, G2)
# plain libraries
k('OkHttpClient', 'okhttp3/OkHttpClient', 'f/a', G2)
k('Request', 'okhttp3/Request', 'f/b', G2)
k('RequestBuilder', 'okhttp3/Request$Builder', 'f/c', G2)
k('RequestBody', 'okhttp3/RequestBody', 'f/d', G2)
k('RequestBodyImpl', 'okhttp3/RequestBody$1', 'f/e', G2)
k('MediaType', 'okhttp3/MediaType', 'f/f', G2)
k('Call', 'okhttp3/Call', 'f/g', G2)
k('RealCall', 'okhttp3/RealCall', 'f/h', G2)
k('Response', 'okhttp3/Response', 'f/i', G2)
k('Gson', 'com/google/gson/Gson', 'g/a', G2)
k('GsonBuilder', 'com/google/gson/GsonBuilder', 'g/b', G2)

# method renames in the release build (R8 renames methods of renamed classes)
MOBF = {
    'jpush_init': 'a', 'jpush_debug': 'b', 'jpush_regid': 'c', 'jcore_init': 'a', 'collect': 'a',
    'jpost': 'a', 'join': 'b', 'bugly_init': 'a', 'bugly_collect': 'a', 'bugly_upload': 'a',
    'privacy_show': 'a', 'privacy_agree': 'b', 'set_listener': 'a', 'start_location': 'b',
    'set_option': 'c', 'set_api_key': 'd', 'on_location': 'a', 'loc_collect': 'a', 'loc_post': 'a',
    'um_preinit': 'a', 'um_init': 'b', 'mob_resume': 'a', 'mob_pause': 'b', 'um_imei': 'a',
    'um_mac': 'b', 'um_send': 'a', 'create_wxapi': 'a', 'register_app': 'a', 'handle_intent': 'b',
    'send_req': 'c', 'on_req': 'a', 'on_resp': 'b', 'pay_v2': 'a', 'ali_collect': 'a',
    'ali_post': 'b', 'hms_get_instance': 'a', 'hms_get_token': 'b', 'hms_report': 'a',
    'ok_new_call': 'a', 'ok_execute': 'a', 'ok_url': 'a', 'ok_post': 'b', 'ok_build': 'c',
    'ok_create': 'a', 'ok_parse': 'a', 'to_json': 'a', 'gson_create': 'a', 'promo_check': 'a',
    'api_promo': 'a', 'api_token': 'b', 'loc_start': 'a', 'check_perm': 'a', 'request_perms': 'a',
    'get_version': 'a', 'on_new_token': 'onNewToken',
}
def real(key):
    d, o, g = C[key]
    return o if (OBF and o) else d

def resolve(text):
    text = re.sub(r'@(\w+)@', lambda m: real(m.group(1)), text)
    return re.sub(r'%(\w+)%', lambda m: (MOBF[m.group(1)] if OBF else m.group(1)), text)

NAMES = {  # readable method names for the multidex build
    'jpush_init': 'init', 'jpush_debug': 'setDebugMode', 'jpush_regid': 'getRegistrationID',
    'jcore_init': 'init', 'collect': 'collect', 'jpost': 'post', 'join': 'joinPackageNames',
    'bugly_init': 'initCrashReport', 'bugly_collect': 'collect', 'bugly_upload': 'upload',
    'privacy_show': 'updatePrivacyShow', 'privacy_agree': 'updatePrivacyAgree',
    'set_listener': 'setLocationListener', 'start_location': 'startLocation',
    'set_option': 'setLocationOption', 'set_api_key': 'setApiKey', 'on_location': 'onLocationChanged',
    'loc_collect': 'a', 'loc_post': 'a', 'um_preinit': 'preInit', 'um_init': 'init',
    'mob_resume': 'onResume', 'mob_pause': 'onPause', 'um_imei': 'getDeviceId', 'um_mac': 'getMac',
    'um_send': 'send', 'create_wxapi': 'createWXAPI', 'register_app': 'registerApp',
    'handle_intent': 'handleIntent', 'send_req': 'sendReq', 'on_req': 'onReq', 'on_resp': 'onResp',
    'pay_v2': 'payV2', 'ali_collect': 'collect', 'ali_post': 'post', 'hms_get_instance': 'getInstance',
    'hms_get_token': 'getToken', 'hms_report': 'report', 'ok_new_call': 'newCall',
    'ok_execute': 'execute', 'ok_url': 'url', 'ok_post': 'post', 'ok_build': 'build',
    'ok_create': 'create', 'ok_parse': 'parse', 'to_json': 'toJson', 'gson_create': 'create',
    'promo_check': 'check', 'api_promo': 'reportPromo', 'api_token': 'uploadPushToken',
    'loc_start': 'start', 'check_perm': 'checkSelfPermission', 'request_perms': 'requestPermissions',
    'get_version': 'getVersion', 'on_new_token': 'onNewToken',
}
def resolve_names(text):
    text = re.sub(r'@(\w+)@', lambda m: real(m.group(1)), text)
    return re.sub(r'%(\w+)%', lambda m: (MOBF if OBF else NAMES)[m.group(1)], text)

DIRS = {'app': 'smali', 'sdk1': 'smali2', 'sdk2': 'smali3'} if not OBF else \
       {'app': 'smali', 'sdk1': 'smali2', 'sdk2': 'smali2'}

def emit(key, text):
    d = real(key)
    text = resolve_names(text)
    if OBF:  # R8 replaces the source-file attribute
        text = re.sub(r'^\.source ".*"$', '.source "SourceFile"', text, flags=re.M)
    write(os.path.join(OUT, DIRS[C[key][2]]), d, text)

def simple(key, sup_key_or_desc, body='', ifaces=(), flags='public'):
    sup = sup_key_or_desc if sup_key_or_desc.startswith('L') else '@' + sup_key_or_desc + '@'
    emit(key, cls('@%s@' % key, sup, body, flags=flags, ifaces=ifaces,
                  src=src_name(C[key][0])))

def source_file(key):
    return src_name(C[key][0])

STATIC_INIT_CTOR = ''

# ------------------------------------------------------------------ app (classes.dex)
AMAP_KEY = '8f4e2d1c0b9a87654321fedcba098765'
emit('App', header('@App@', 'Landroid/app/Application;') + ctor('Landroid/app/Application;') + f"""
.method public onCreate()V
    .locals 6
    invoke-super {{p0}}, Landroid/app/Application;->onCreate()V
    # crash reporting first, as Bugly's guide asks
    const-string v0, "e3a1f0c9b7"
    const/4 v1, 0x0
    invoke-static {{p0, v0, v1}}, @CrashReport@->%bugly_init%(Landroid/content/Context;Ljava/lang/String;Z)V
    # JPush (reads its app key from the JPUSH_APPKEY meta-data)
    invoke-static {{v1}}, @JPushInterface@->%jpush_debug%(Z)V
    invoke-static {{p0}}, @JPushInterface@->%jpush_init%(Landroid/content/Context;)V
    # Umeng
    const-string v0, "5f8d3c2b1a09e7d6c5b4a321"
    const-string v2, "huawei"
    invoke-static {{p0, v0, v2}}, @UMConfigure@->%um_preinit%(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    const/4 v3, 0x1
    const-string v4, ""
    invoke-static {{p0, v0, v2, v3, v4}}, @UMConfigure@->%um_init%(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    # AMap location: privacy gates are called, but before the user has seen the policy
    const/4 v3, 0x1
    invoke-static {{p0, v3, v3}}, @AMapClient@->%privacy_show%(Landroid/content/Context;ZZ)V
    invoke-static {{p0, v3}}, @AMapClient@->%privacy_agree%(Landroid/content/Context;Z)V
""" + (f"""
    const-string v0, "{AMAP_KEY}"
    invoke-static {{v0}}, @AMapClient@->%set_api_key%(Ljava/lang/String;)V
""" if OBF else "") + """
    invoke-static {p0}, @LocHelper@->%loc_start%(Landroid/content/Context;)V
    # WeChat
    const-string v0, "wx8a1b2c3d4e5f6a7b"
    invoke-static {p0, v0, v3}, @WXAPIFactory@->%create_wxapi%(Landroid/content/Context;Ljava/lang/String;Z)@IWXAPI@
    move-result-object v1
    invoke-interface {v1, v0}, @IWXAPI@->%register_app%(Ljava/lang/String;)Z
    # Huawei push token: HMS forbids getToken on the main thread
    new-instance v0, Ljava/lang/Thread;
    new-instance v1, @TokenTask@
    invoke-direct {v1, p0}, @TokenTask@-><init>(Landroid/content/Context;)V
    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v0}, Ljava/lang/Thread;->start()V
    # app's own native request signing
    invoke-static {}, @Guard@->load()V
    return-void
.end method
""")

emit('TokenTask', header('@TokenTask@', 'Ljava/lang/Object;', 'final', ['Ljava/lang/Runnable;']) + """
.field private final context:Landroid/content/Context;

.method constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @TokenTask@->context:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .locals 3
    iget-object v0, p0, @TokenTask@->context:Landroid/content/Context;
    invoke-static {v0}, @HmsInstanceId@->%hms_get_instance%(Landroid/content/Context;)@HmsInstanceId@
    move-result-object v0
    const-string v1, "104518237"
    const-string v2, "HCM"
    invoke-virtual {v0, v1, v2}, @HmsInstanceId@->%hms_get_token%(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :done
    invoke-static {v0}, @ShopApi@->%api_token%(Ljava/lang/String;)V
    :done
    return-void
.end method
""")

emit('Splash', header('@Splash@', 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 3
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const/4 v0, 0x2
    new-array v0, v0, [Ljava/lang/String;
    const/4 v1, 0x0
    const-string v2, "android.permission.READ_PHONE_STATE"
    aput-object v2, v0, v1
    const/4 v1, 0x1
    const-string v2, "android.permission.ACCESS_FINE_LOCATION"
    aput-object v2, v0, v1
    const/16 v1, 0x64
    invoke-static {p0, v0, v1}, @ActivityCompat@->%request_perms%(Landroid/app/Activity;[Ljava/lang/String;I)V
    new-instance v0, Landroid/content/Intent;
    const-class v1, @Main@
    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    invoke-virtual {p0, v0}, Landroid/app/Activity;->startActivity(Landroid/content/Intent;)V
    invoke-virtual {p0}, Landroid/app/Activity;->finish()V
    return-void
.end method
""")

emit('Main', header('@Main@', 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onResume()V
    .locals 0
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    invoke-static {p0}, @MobclickAgent@->%mob_resume%(Landroid/content/Context;)V
    # look for a shared promo code (口令) on the clipboard
    invoke-static {p0}, @Promo@->%promo_check%(Landroid/content/Context;)V
    return-void
.end method

.method protected onPause()V
    .locals 0
    invoke-super {p0}, Landroid/app/Activity;->onPause()V
    invoke-static {p0}, @MobclickAgent@->%mob_pause%(Landroid/content/Context;)V
    return-void
.end method
""")

emit('Checkout', header('@Checkout@', 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    new-instance v0, Landroid/view/View;
    invoke-direct {v0, p0}, Landroid/view/View;-><init>(Landroid/content/Context;)V
    new-instance v1, @CheckoutClick@
    invoke-direct {v1, p0}, @CheckoutClick@-><init>(@Checkout@)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V
    invoke-virtual {p0, v0}, Landroid/app/Activity;->setContentView(Landroid/view/View;)V
    return-void
.end method

.method payWithAlipay(Ljava/lang/String;)V
    .locals 2
    new-instance v0, @PayTask@
    invoke-direct {v0, p0}, @PayTask@-><init>(Landroid/app/Activity;)V
    const/4 v1, 0x1
    invoke-virtual {v0, p1, v1}, @PayTask@->%pay_v2%(Ljava/lang/String;Z)Ljava/util/Map;
    return-void
.end method

.method payWithWeChat(Ljava/lang/String;)V
    .locals 3
    const-string v0, "wx8a1b2c3d4e5f6a7b"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, @WXAPIFactory@->%create_wxapi%(Landroid/content/Context;Ljava/lang/String;Z)@IWXAPI@
    move-result-object v0
    new-instance v1, @PayReq@
    invoke-direct {v1}, @PayReq@-><init>()V
    iput-object p1, v1, @PayReq@->prepayId:Ljava/lang/String;
    invoke-interface {v0, v1}, @IWXAPI@->%send_req%(@BaseReq@)Z
    return-void
.end method
""")

emit('CheckoutClick', header('@CheckoutClick@', 'Ljava/lang/Object;', 'final', ['Landroid/view/View$OnClickListener;']) + """
.field final synthetic this$0:@Checkout@

.method constructor <init>(@Checkout@)V
    .locals 0
    iput-object p1, p0, @CheckoutClick@->this$0:@Checkout@
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 2
    iget-object v0, p0, @CheckoutClick@->this$0:@Checkout@
    const-string v1, "app_id=2021000000000000&biz_content=out_trade_no.SO20261124001&sign=demo"
    invoke-virtual {v0, v1}, @Checkout@->payWithAlipay(Ljava/lang/String;)V
    return-void
.end method
""")

emit('Product', header('@Product@', 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    invoke-virtual {p0}, Landroid/app/Activity;->getIntent()Landroid/content/Intent;
    move-result-object v0
    const-string v1, "sku"
    invoke-virtual {v0, v1}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    return-void
.end method
""")

emit('Promo', header('@Promo@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %promo_check%(Landroid/content/Context;)V
    .locals 2
""" + clipboard_text('p0', 'v0', 'v1', ':none') + """
    invoke-static {v0}, @ShopApi@->%api_promo%(Ljava/lang/String;)V
    :none
    return-void
.end method
""")

emit('ShopApi', header('@ShopApi@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.field public static final BASE_URL:Ljava/lang/String; = "https://api.sdkflow-demo.cn/v1/"

.method public static %api_promo%(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/promo/match"
    invoke-static {v0, p0}, @ShopApi@->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method public static %api_token%(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/push/token"
    invoke-static {v0, p0}, @ShopApi@->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method static postJson(Ljava/lang/String;Ljava/lang/Object;)V
    .locals 4
    new-instance v0, @Gson@
    invoke-direct {v0}, @Gson@-><init>()V
    invoke-virtual {v0, p1}, @Gson@->%to_json%(Ljava/lang/Object;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "application/json; charset=utf-8"
    invoke-static {v1}, @MediaType@->%ok_parse%(Ljava/lang/String;)@MediaType@
    move-result-object v1
    invoke-static {v1, v0}, @RequestBody@->%ok_create%(@MediaType@Ljava/lang/String;)@RequestBody@
    move-result-object v0
    new-instance v1, @RequestBuilder@
    invoke-direct {v1}, @RequestBuilder@-><init>()V
    invoke-virtual {v1, p0}, @RequestBuilder@->%ok_url%(Ljava/lang/String;)@RequestBuilder@
    move-result-object v1
    invoke-virtual {v1, v0}, @RequestBuilder@->%ok_post%(@RequestBody@)@RequestBuilder@
    move-result-object v1
    invoke-virtual {v1}, @RequestBuilder@->%ok_build%()@Request@
    move-result-object v1
    new-instance v2, @OkHttpClient@
    invoke-direct {v2}, @OkHttpClient@-><init>()V
    invoke-virtual {v2, v1}, @OkHttpClient@->%ok_new_call%(@Request@)@Call@
    move-result-object v2
    invoke-interface {v2}, @Call@->%ok_execute%()@Response@
    return-void
.end method
""")

emit('LocHelper', header('@LocHelper@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %loc_start%(Landroid/content/Context;)V
    .locals 2
    new-instance v0, @AMapClient@
    invoke-direct {v0, p0}, @AMapClient@-><init>(Landroid/content/Context;)V
    new-instance v1, @AMapOption@
    invoke-direct {v1}, @AMapOption@-><init>()V
    invoke-virtual {v0, v1}, @AMapClient@->%set_option%(@AMapOption@)V
    new-instance v1, @LocListener@
    invoke-direct {v1}, @LocListener@-><init>()V
    invoke-virtual {v0, v1}, @AMapClient@->%set_listener%(@AMapListener@)V
    invoke-virtual {v0}, @AMapClient@->%start_location%()V
    return-void
.end method
""")

emit('LocListener', header('@LocListener@', 'Ljava/lang/Object;', 'public final', ['@AMapListener@']) + ctor('Ljava/lang/Object;') + """
.method public %on_location%(@AMapLocation@)V
    .locals 4
    if-eqz p1, :done
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    const-string v1, "located at "
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {p1}, @AMapLocation@->getLatitude()D
    move-result-wide v2
    invoke-virtual {v0, v2, v3}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;
    const-string v1, ","
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {p1}, @AMapLocation@->getLongitude()D
    move-result-wide v2
    invoke-virtual {v0, v2, v3}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "ShopLocation"
    invoke-static {v1, v0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I
    :done
    return-void
.end method
""")

WX_HANDLER = """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 3
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const-string v0, "wx8a1b2c3d4e5f6a7b"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, @WXAPIFactory@->%create_wxapi%(Landroid/content/Context;Ljava/lang/String;Z)@IWXAPI@
    move-result-object v0
    invoke-virtual {p0}, Landroid/app/Activity;->getIntent()Landroid/content/Intent;
    move-result-object v1
    invoke-interface {v0, v1, p0}, @IWXAPI@->%handle_intent%(Landroid/content/Intent;@IWXAPIEventHandler@)Z
    return-void
.end method

.method public %on_req%(@BaseReq@)V
    .locals 0
    return-void
.end method

.method public %on_resp%(@BaseResp@)V
    .locals 0
    invoke-virtual {p0}, Landroid/app/Activity;->finish()V
    return-void
.end method
"""
for key in ('WXEntry', 'WXPayEntry'):
    emit(key, header('@%s@' % key, 'Landroid/app/Activity;', 'public', ['@IWXAPIEventHandler@']) + ctor('Landroid/app/Activity;') + WX_HANDLER)

emit('ShopJPushReceiver', header('@ShopJPushReceiver@', '@JPushMessageReceiver@') + ctor('@JPushMessageReceiver@') + """
.method public onMessage(Landroid/content/Context;@CustomMessage@)V
    .locals 2
    const-string v0, "ShopPush"
    iget-object v1, p2, @CustomMessage@->message:Ljava/lang/String;
    invoke-static {v0, v1}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method

.method public onRegister(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    invoke-static {p2}, @ShopApi@->%api_token%(Ljava/lang/String;)V
    return-void
.end method
""")
emit('ShopJPushService', header('@ShopJPushService@', '@JCommonService@') + ctor('@JCommonService@'))
emit('ShopHms', header('@ShopHms@', '@HmsMessageService@') + ctor('@HmsMessageService@') + """
.method public onNewToken(Ljava/lang/String;)V
    .locals 0
    invoke-static {p1}, @ShopApi@->%api_token%(Ljava/lang/String;)V
    return-void
.end method

.method public onMessageReceived(@RemoteMessage@)V
    .locals 0
    return-void
.end method
""")

emit('Guard', header('@Guard@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static load()V
    .locals 1
    const-string v0, "shopguard"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    return-void
.end method

.method public static native sign(Ljava/lang/String;J)Ljava/lang/String;
.end method

.method public static native checkEnvironment(Landroid/content/Context;)Z
.end method
""")

emit('BuildConfig', header('@BuildConfig@', 'Ljava/lang/Object;', 'public final') + f"""
.field public static final APPLICATION_ID:Ljava/lang/String; = "{P.replace('/', '.')}"
.field public static final BUILD_TYPE:Ljava/lang/String; = "{'release' if OBF else 'debug'}"
.field public static final DEBUG:Z = {'false' if OBF else 'true'}
.field public static final VERSION_CODE:I = 0x4f5e
.field public static final VERSION_NAME:Ljava/lang/String; = "2.3.18"
""" + ctor('Ljava/lang/Object;'))

emit('ContextCompat', header('@ContextCompat@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %check_perm%(Landroid/content/Context;Ljava/lang/String;)I
    .locals 2
    invoke-static {}, Landroid/os/Process;->myPid()I
    move-result v0
    invoke-static {}, Landroid/os/Process;->myUid()I
    move-result v1
    invoke-virtual {p0, p1, v0, v1}, Landroid/content/Context;->checkPermission(Ljava/lang/String;II)I
    move-result v0
    return v0
.end method
""")
emit('ActivityCompat', header('@ActivityCompat@', '@ContextCompat@') + ctor('@ContextCompat@') + """
.method public static %request_perms%(Landroid/app/Activity;[Ljava/lang/String;I)V
    .locals 0
    invoke-virtual {p0, p1, p2}, Landroid/app/Activity;->requestPermissions([Ljava/lang/String;I)V
    return-void
.end method
""")
emit('FileProvider', header('@FileProvider@', PROVIDER) + ctor(PROVIDER) + PROVIDER_BODY)

# ------------------------------------------------------------------ JPush + JCore
emit('JPushInterface', header('@JPushInterface@', 'Ljava/lang/Object;') + """
.field public static final VERSION_NAME:Ljava/lang/String; = "5.0.4"
.field public static final VERSION_CODE:I = 0x1f8
.field public static final ACTION_MESSAGE_RECEIVED:Ljava/lang/String; = "cn.jpush.android.intent.MESSAGE_RECEIVED"
""" + ctor('Ljava/lang/Object;') + """
.method public static %jpush_debug%(Z)V
    .locals 0
    return-void
.end method

.method public static %jpush_init%(Landroid/content/Context;)V
    .locals 0
    invoke-static {p0}, @JCoreInterface@->%jcore_init%(Landroid/content/Context;)V
    return-void
.end method

.method public static %jpush_regid%(Landroid/content/Context;)Ljava/lang/String;
    .locals 1
    invoke-static {p0}, @JCoreNative@->getDeviceFingerprint(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
""")
emit('CustomMessage', header('@CustomMessage@', 'Ljava/lang/Object;') + """
.field public message:Ljava/lang/String;
.field public extra:Ljava/lang/String;
""" + ctor('Ljava/lang/Object;'))
emit('JPushMessageReceiver', header('@JPushMessageReceiver@', RECEIVER, 'public abstract') + ctor(RECEIVER) + receiver_body('JPushMessageReceiver') + """
.method public onMessage(Landroid/content/Context;@CustomMessage@)V
    .locals 0
    return-void
.end method

.method public onRegister(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    return-void
.end method
""")
for comp in ['PushService', 'DaemonService', 'JCommonService']:
    emit(comp, header('@%s@' % comp, SERVICE) + ctor(SERVICE) + SERVICE_BODY)
for comp in ['DataProvider', 'DownloadProvider', 'InitProvider']:
    emit(comp, header('@%s@' % comp, PROVIDER) + ctor(PROVIDER) + PROVIDER_BODY)
for comp in ['PushReceiver', 'AlarmReceiver']:
    emit(comp, header('@%s@' % comp, RECEIVER) + ctor(RECEIVER) + receiver_body('JIGUANG-' + comp))
for comp in ['JNotifyActivity', 'PopWinActivity', 'PushActivity']:
    emit(comp, header('@%s@' % comp, ACTIVITY) + ctor(ACTIVITY))

emit('JCoreInterface', header('@JCoreInterface@', 'Ljava/lang/Object;') + """
.field private static final REPORT_URL:Ljava/lang/String; = "https://stats.jpush.cn/v3/report"
.field public static final SDK_VERSION:Ljava/lang/String; = "3.3.6"
""" + ctor('Ljava/lang/Object;') + """
.method public static %jcore_init%(Landroid/content/Context;)V
    .locals 2
    const-string v0, "jcore330"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    invoke-static {p0}, @JCoreNative@->nativeInit(Landroid/content/Context;)V
    invoke-static {p0}, @JCoreCollector@->%collect%(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "https://stats.jpush.cn/v3/report"
    :try_start
    invoke-static {v1, v0}, @JHttp@->%jpost%(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    return-void
    :failed
    return-void
.end method
""")
emit('JCoreCollector', header('@JCoreCollector@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %collect%(Landroid/content/Context;)Ljava/lang/String;
    .locals 6
""" + imei('p0', 'v0', 'v5') + android_id('p0', 'v1', 'v5') + mac('p0', 'v2', 'v5') + installed_packages('p0', 'v3', 'v5') + """
    invoke-static {v3}, @JCoreCollector@->%join%(Ljava/util/List;)Ljava/lang/String;
    move-result-object v3
""" + sb_new('v4') + sb_const('v4', 'v5', 'imei=') + sb_str('v4', 'v0') + sb_const('v4', 'v5', '&aid=') + sb_str('v4', 'v1') + sb_const('v4', 'v5', '&mac=') + sb_str('v4', 'v2') + sb_const('v4', 'v5', '&apps=') + sb_str('v4', 'v3') + sb_done('v4', 'v4') + """
    return-object v4
.end method
""" + APP_LIST_METHOD.replace('joinPackageNames', '%join%'))
emit('JHttp', header('@JHttp@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + http_post_method('%jpost%'))
emit('JCoreNative', header('@JCoreNative@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static native nativeInit(Landroid/content/Context;)V
.end method

.method public static native getDeviceFingerprint(Landroid/content/Context;)Ljava/lang/String;
.end method
""")

# ------------------------------------------------------------------ Bugly
emit('CrashReport', header('@CrashReport@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %bugly_init%(Landroid/content/Context;Ljava/lang/String;Z)V
    .locals 2
    const-string v0, "Bugly"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    const-string v0, "/data/data/bugly/tombs"
    invoke-static {v0, p2}, @NativeCrashHandler@->regist(Ljava/lang/String;Z)Z
    invoke-static {p0, p1}, @BuglyDevice@->%bugly_collect%(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, @BuglyUpload@->%bugly_upload%(Ljava/lang/String;)V
    return-void
.end method

.method public static getBuglyVersion(Landroid/content/Context;)Ljava/lang/String;
    .locals 1
    sget-object v0, @BuglyBuildConfig@->VERSION_NAME:Ljava/lang/String;
    return-object v0
.end method
""")
emit('BuglyBuildConfig', header('@BuglyBuildConfig@', 'Ljava/lang/Object;', 'public final') + """
.field public static final VERSION_NAME:Ljava/lang/String; = "4.1.9.3"
.field public static final SDK_ID:Ljava/lang/String; = "com.tencent.bugly"
""" + ctor('Ljava/lang/Object;'))
emit('BuglyDevice', header('@BuglyDevice@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %bugly_collect%(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .locals 4
""" + android_id('p0', 'v0', 'v3') + sb_new('v1') + sb_const('v1', 'v3', 'appid=') + sb_str('v1', 'p1') + sb_const('v1', 'v3', '&deviceId=') + sb_str('v1', 'v0') + sb_const('v1', 'v3', '&model=') + """
    sget-object v2, Landroid/os/Build;->MODEL:Ljava/lang/String;
""" + sb_str('v1', 'v2') + sb_done('v1', 'v1') + """
    return-object v1
.end method
""")
emit('BuglyUpload', header('@BuglyUpload@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %bugly_upload%(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://android.bugly.qq.com/rqd/async"
    :try_start
    invoke-static {v0, p0}, @BuglyUpload@->post(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    :failed
    return-void
.end method
""" + http_post_method('post', 'private static'))
emit('NativeCrashHandler', header('@NativeCrashHandler@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static native regist(Ljava/lang/String;Z)Z
.end method

.method public static native setNativeInfo(ILjava/lang/String;)Z
.end method
""")

# ------------------------------------------------------------------ AMap location
emit('AMapClient', header('@AMapClient@', 'Ljava/lang/Object;') + """
.field private context:Landroid/content/Context;
.field private listener:@AMapListener@
.field private option:@AMapOption@

.method public constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @AMapClient@->context:Landroid/content/Context;
    return-void
.end method

.method public static %privacy_show%(Landroid/content/Context;ZZ)V
    .locals 0
    return-void
.end method

.method public static %privacy_agree%(Landroid/content/Context;Z)V
    .locals 0
    return-void
.end method

.method public static %set_api_key%(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public static %get_version%()Ljava/lang/String;
    .locals 1
    const-string v0, "6.4.0"
    return-object v0
.end method

.method public %set_option%(@AMapOption@)V
    .locals 0
    iput-object p1, p0, @AMapClient@->option:@AMapOption@
    return-void
.end method

.method public %set_listener%(@AMapListener@)V
    .locals 0
    iput-object p1, p0, @AMapClient@->listener:@AMapListener@
    return-void
.end method

.method public %start_location%()V
    .locals 3
    iget-object v0, p0, @AMapClient@->context:Landroid/content/Context;
    invoke-static {v0}, @LocCollector@->%loc_collect%(Landroid/content/Context;)@AMapLocation@
    move-result-object v1
    iget-object v2, p0, @AMapClient@->listener:@AMapListener@
    if-eqz v2, :done
    invoke-interface {v2, v1}, @AMapListener@->%on_location%(@AMapLocation@)V
    :done
    return-void
.end method
""")
emit('AMapOption', header('@AMapOption@', 'Ljava/lang/Object;') + """
.field public interval:J
.field public needAddress:Z
""" + ctor('Ljava/lang/Object;'))
emit('AMapListener', iface('@AMapListener@', ['%on_location%(@AMapLocation@)V']))
emit('AMapLocation', header('@AMapLocation@', 'Landroid/location/Location;') + """
.method public constructor <init>(Landroid/location/Location;)V
    .locals 0
    invoke-direct {p0, p1}, Landroid/location/Location;-><init>(Landroid/location/Location;)V
    return-void
.end method
""")
emit('LocCollector', header('@LocCollector@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %loc_collect%(Landroid/content/Context;)@AMapLocation@
    .locals 6
""" + last_location('p0', 'v0', 'v5') + """
    if-nez v0, :have
    const/4 v1, 0x0
    return-object v1
    :have
""" + bssid('p0', 'v1', 'v5') + sb_new('v2') + sb_const('v2', 'v5', 'lat=') + """
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D
    move-result-wide v3
""" + sb_double('v2', 'v3') + sb_const('v2', 'v5', '&lon=') + """
    invoke-virtual {v0}, Landroid/location/Location;->getLongitude()D
    move-result-wide v3
""" + sb_double('v2', 'v3') + sb_const('v2', 'v5', '&bssid=') + sb_str('v2', 'v1') + sb_done('v2', 'v2') + """
    const-string v5, "https://apilocate.amap.com/mobile/binary"
    :try_start
    invoke-static {v5, v2}, @LocHttp@->%loc_post%(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    :failed
    new-instance v1, @AMapLocation@
    invoke-direct {v1, v0}, @AMapLocation@-><init>(Landroid/location/Location;)V
    return-object v1
.end method
""")
emit('LocHttp', header('@LocHttp@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + http_post_method('%loc_post%'))
emit('APSService', header('@APSService@', SERVICE) + ctor(SERVICE) + SERVICE_BODY)

# ------------------------------------------------------------------ Umeng
emit('UMConfigure', header('@UMConfigure@', 'Ljava/lang/Object;') + """
.field public static final DEVICE_TYPE_PHONE:I = 0x1
""" + ctor('Ljava/lang/Object;') + """
.method public static %um_preinit%(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public static %um_init%(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    .locals 4
    invoke-static {p0}, @UMDevice@->%um_imei%(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
    invoke-static {p0}, @UMDevice@->%um_mac%(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v1
""" + sb_new('v2') + sb_const('v2', 'v3', 'appkey=') + sb_str('v2', 'p1') + sb_const('v2', 'v3', '&channel=') + sb_str('v2', 'p2') + sb_const('v2', 'v3', '&imei=') + sb_str('v2', 'v0') + sb_const('v2', 'v3', '&mac=') + sb_str('v2', 'v1') + sb_const('v2', 'v3', '&sdk_version=') + """
    sget-object v3, @UMVersion@->SDK_VERSION:Ljava/lang/String;
""" + sb_str('v2', 'v3') + sb_done('v2', 'v2') + """
    const-string v3, "https://ulogs.umeng.com/unify_logs"
    invoke-static {v3, v2}, @UMNet@->%um_send%(Ljava/lang/String;Ljava/lang/String;)V
    return-void
.end method
""")
emit('MobclickAgent', header('@MobclickAgent@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %mob_resume%(Landroid/content/Context;)V
    .locals 0
    return-void
.end method

.method public static %mob_pause%(Landroid/content/Context;)V
    .locals 0
    return-void
.end method

.method public static onEvent(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    return-void
.end method
""")
emit('UMDevice', header('@UMDevice@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %um_imei%(Landroid/content/Context;)Ljava/lang/String;
    .locals 2
""" + imei('p0', 'v0', 'v1') + """
    return-object v0
.end method

.method public static %um_mac%(Landroid/content/Context;)Ljava/lang/String;
    .locals 2
""" + mac('p0', 'v0', 'v1') + """
    return-object v0
.end method
""")
emit('UMNet', header('@UMNet@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %um_send%(Ljava/lang/String;Ljava/lang/String;)V
    .locals 0
    :try_start
    invoke-static {p0, p1}, @UMNet@->post(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    :failed
    return-void
.end method
""" + http_post_method('post', 'private static'))
emit('UMVersion', header('@UMVersion@', 'Ljava/lang/Object;', 'public final') + """
.field public static final SDK_VERSION:Ljava/lang/String; = "9.6.3"
.field public static final SDK_TYPE:I = 0x0
""" + ctor('Ljava/lang/Object;'))

# ------------------------------------------------------------------ WeChat Open SDK
emit('WXAPIFactory', header('@WXAPIFactory@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public static %create_wxapi%(Landroid/content/Context;Ljava/lang/String;Z)@IWXAPI@
    .locals 1
    new-instance v0, @WXApiImpl@
    invoke-direct {v0, p0, p1}, @WXApiImpl@-><init>(Landroid/content/Context;Ljava/lang/String;)V
    return-object v0
.end method
""")
emit('IWXAPI', iface('@IWXAPI@', ['%register_app%(Ljava/lang/String;)Z',
                                   '%handle_intent%(Landroid/content/Intent;@IWXAPIEventHandler@)Z',
                                   '%send_req%(@BaseReq@)Z', 'isWXAppInstalled()Z']))
emit('WXApiImpl', header('@WXApiImpl@', 'Ljava/lang/Object;', 'final', ['@IWXAPI@']) + """
.field private final appId:Ljava/lang/String;
.field private final context:Landroid/content/Context;

.method constructor <init>(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @WXApiImpl@->context:Landroid/content/Context;
    iput-object p2, p0, @WXApiImpl@->appId:Ljava/lang/String;
    return-void
.end method

.method public %register_app%(Ljava/lang/String;)Z
    .locals 1
    invoke-virtual {p0}, @WXApiImpl@->isWXAppInstalled()Z
    move-result v0
    return v0
.end method

.method public %handle_intent%(Landroid/content/Intent;@IWXAPIEventHandler@)Z
    .locals 1
    const/4 v0, 0x0
    invoke-interface {p2, v0}, @IWXAPIEventHandler@->%on_resp%(@BaseResp@)V
    const/4 v0, 0x1
    return v0
.end method

.method public %send_req%(@BaseReq@)Z
    .locals 1
    const/4 v0, 0x1
    return v0
.end method

.method public isWXAppInstalled()Z
    .locals 3
    iget-object v0, p0, @WXApiImpl@->context:Landroid/content/Context;
    invoke-virtual {v0}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    const-string v1, "com.tencent.mm"
    const/16 v2, 0x40
    :try_start
    invoke-virtual {v0, v1, v2}, Landroid/content/pm/PackageManager;->getPackageInfo(Ljava/lang/String;I)Landroid/content/pm/PackageInfo;
    :try_end
    .catch Landroid/content/pm/PackageManager$NameNotFoundException; {:try_start .. :try_end} :missing
    const/4 v0, 0x1
    return v0
    :missing
    const/4 v0, 0x0
    return v0
.end method
""")
emit('IWXAPIEventHandler', iface('@IWXAPIEventHandler@', ['%on_req%(@BaseReq@)V', '%on_resp%(@BaseResp@)V']))
emit('BaseReq', header('@BaseReq@', 'Ljava/lang/Object;', 'public abstract') + """
.field public transaction:Ljava/lang/String;
""" + ctor('Ljava/lang/Object;'))
emit('BaseResp', header('@BaseResp@', 'Ljava/lang/Object;', 'public abstract') + """
.field public errCode:I
.field public errStr:Ljava/lang/String;
""" + ctor('Ljava/lang/Object;'))
emit('PayReq', header('@PayReq@', '@BaseReq@') + """
.field public appId:Ljava/lang/String;
.field public partnerId:Ljava/lang/String;
.field public prepayId:Ljava/lang/String;
.field public sign:Ljava/lang/String;
""" + ctor('@BaseReq@'))
emit('WXBuild', header('@WXBuild@', 'Ljava/lang/Object;', 'public final') + """
.field public static final SDK_INT:I = 0x27020201
.field public static final SDK_VERSION_NAME:Ljava/lang/String; = "android 6.8.24"
""" + ctor('Ljava/lang/Object;'))

# ------------------------------------------------------------------ Alipay
emit('PayTask', header('@PayTask@', 'Ljava/lang/Object;') + """
.field private final activity:Landroid/app/Activity;

.method public constructor <init>(Landroid/app/Activity;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @PayTask@->activity:Landroid/app/Activity;
    return-void
.end method

.method public %get_version%()Ljava/lang/String;
    .locals 1
    const-string v0, "15.8.11"
    return-object v0
.end method

.method public %pay_v2%(Ljava/lang/String;Z)Ljava/util/Map;
    .locals 4
    iget-object v0, p0, @PayTask@->activity:Landroid/app/Activity;
    invoke-static {v0}, @AliTid@->%ali_collect%(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
""" + sb_new('v1') + sb_str('v1', 'p1') + sb_const('v1', 'v2', '&utdid=') + sb_str('v1', 'v0') + sb_done('v1', 'v1') + """
    const-string v2, "https://mobilegw.alipay.com/mgw.htm"
    invoke-static {v2, v1}, @AliTid@->%ali_post%(Ljava/lang/String;Ljava/lang/String;)V
    new-instance v3, Ljava/util/HashMap;
    invoke-direct {v3}, Ljava/util/HashMap;-><init>()V
    const-string v1, "resultStatus"
    const-string v2, "6001"
    invoke-interface {v3, v1, v2}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    return-object v3
.end method
""")
emit('AliTid', header('@AliTid@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public static %ali_collect%(Landroid/content/Context;)Ljava/lang/String;
    .locals 2
""" + android_id('p0', 'v0', 'v1') + """
    return-object v0
.end method

.method public static %ali_post%(Ljava/lang/String;Ljava/lang/String;)V
    .locals 0
    :try_start
    invoke-static {p0, p1}, @AliTid@->send(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    :failed
    return-void
.end method
""" + http_post_method('send', 'private static'))
for key in ('H5PayActivity', 'H5AuthActivity', 'BridgeActivity'):
    emit(key, header('@%s@' % key, ACTIVITY) + ctor(ACTIVITY))

# ------------------------------------------------------------------ Huawei HMS push
emit('HmsInstanceId', header('@HmsInstanceId@', 'Ljava/lang/Object;') + """
.field private final context:Landroid/content/Context;

.method private constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @HmsInstanceId@->context:Landroid/content/Context;
    return-void
.end method

.method public static %hms_get_instance%(Landroid/content/Context;)@HmsInstanceId@
    .locals 1
    new-instance v0, @HmsInstanceId@
    invoke-direct {v0, p0}, @HmsInstanceId@-><init>(Landroid/content/Context;)V
    return-object v0
.end method

.method public %hms_get_token%(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    iget-object v0, p0, @HmsInstanceId@->context:Landroid/content/Context;
    invoke-static {v0, p1}, @HmsReporter@->%hms_report%(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
""")
emit('HmsMessageService', header('@HmsMessageService@', SERVICE) + ctor(SERVICE) + SERVICE_BODY + """
.method public onNewToken(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public onMessageReceived(@RemoteMessage@)V
    .locals 0
    return-void
.end method
""")
emit('RemoteMessage', header('@RemoteMessage@', 'Ljava/lang/Object;') + """
.field public data:Ljava/lang/String;
""" + ctor('Ljava/lang/Object;'))
emit('AaidInitProvider', header('@AaidInitProvider@', PROVIDER) + ctor(PROVIDER) + PROVIDER_BODY)
emit('HmsReporter', header('@HmsReporter@', 'Ljava/lang/Object;', 'public final') + """
.field public static final SDK_VERSION:Ljava/lang/String; = "6.11.0.300"
""" + ctor('Ljava/lang/Object;') + """
.method public static %hms_report%(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .locals 5
""" + android_id('p0', 'v0', 'v4') + sb_new('v1') + sb_const('v1', 'v4', 'appid=') + sb_str('v1', 'p1') + sb_const('v1', 'v4', '&androidId=') + sb_str('v1', 'v0') + sb_const('v1', 'v4', '&model=') + """
    sget-object v2, Landroid/os/Build;->MODEL:Ljava/lang/String;
""" + sb_str('v1', 'v2') + sb_done('v1', 'v1') + """
    const-string v2, "application/x-www-form-urlencoded"
    invoke-static {v2}, @MediaType@->%ok_parse%(Ljava/lang/String;)@MediaType@
    move-result-object v2
    invoke-static {v2, v1}, @RequestBody@->%ok_create%(@MediaType@Ljava/lang/String;)@RequestBody@
    move-result-object v1
    new-instance v2, @RequestBuilder@
    invoke-direct {v2}, @RequestBuilder@-><init>()V
    const-string v3, "https://grs.dbankcloud.cn/grs/v3/routeby"
    invoke-virtual {v2, v3}, @RequestBuilder@->%ok_url%(Ljava/lang/String;)@RequestBuilder@
    move-result-object v2
    invoke-virtual {v2, v1}, @RequestBuilder@->%ok_post%(@RequestBody@)@RequestBuilder@
    move-result-object v2
    invoke-virtual {v2}, @RequestBuilder@->%ok_build%()@Request@
    move-result-object v2
    new-instance v3, @OkHttpClient@
    invoke-direct {v3}, @OkHttpClient@-><init>()V
    invoke-virtual {v3, v2}, @OkHttpClient@->%ok_new_call%(@Request@)@Call@
    move-result-object v3
    invoke-interface {v3}, @Call@->%ok_execute%()@Response@
    const-string v0, "IQAAAACy0demo-token"
    return-object v0
.end method
""")

# ------------------------------------------------------------------ okhttp3 (plain library)
emit('OkHttpClient', header('@OkHttpClient@', 'Ljava/lang/Object;') + ctor('Ljava/lang/Object;') + """
.method public %ok_new_call%(@Request@)@Call@
    .locals 1
    new-instance v0, @RealCall@
    invoke-direct {v0, p1}, @RealCall@-><init>(@Request@)V
    return-object v0
.end method
""")
emit('Request', header('@Request@', 'Ljava/lang/Object;', 'public final') + """
.field final body:@RequestBody@
.field final url:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;@RequestBody@)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @Request@->url:Ljava/lang/String;
    iput-object p2, p0, @Request@->body:@RequestBody@
    return-void
.end method
""")
emit('RequestBuilder', header('@RequestBuilder@', 'Ljava/lang/Object;') + """
.field body:@RequestBody@
.field url:Ljava/lang/String;
""" + ctor('Ljava/lang/Object;') + """
.method public %ok_url%(Ljava/lang/String;)@RequestBuilder@
    .locals 0
    iput-object p1, p0, @RequestBuilder@->url:Ljava/lang/String;
    return-object p0
.end method

.method public %ok_post%(@RequestBody@)@RequestBuilder@
    .locals 0
    iput-object p1, p0, @RequestBuilder@->body:@RequestBody@
    return-object p0
.end method

.method public %ok_build%()@Request@
    .locals 3
    new-instance v0, @Request@
    iget-object v1, p0, @RequestBuilder@->url:Ljava/lang/String;
    iget-object v2, p0, @RequestBuilder@->body:@RequestBody@
    invoke-direct {v0, v1, v2}, @Request@-><init>(Ljava/lang/String;@RequestBody@)V
    return-object v0
.end method
""")
emit('RequestBody', header('@RequestBody@', 'Ljava/lang/Object;', 'public abstract') + ctor('Ljava/lang/Object;') + """
.method public static %ok_create%(@MediaType@Ljava/lang/String;)@RequestBody@
    .locals 2
    const-string v0, "UTF-8"
    invoke-virtual {p1, v0}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B
    move-result-object v0
    new-instance v1, @RequestBodyImpl@
    invoke-direct {v1, p0, v0}, @RequestBodyImpl@-><init>(@MediaType@[B)V
    return-object v1
.end method

.method public abstract contentLength()J
.end method
""")
emit('RequestBodyImpl', header('@RequestBodyImpl@', '@RequestBody@', 'final') + """
.field final content:[B
.field final contentType:@MediaType@

.method constructor <init>(@MediaType@[B)V
    .locals 0
    invoke-direct {p0}, @RequestBody@-><init>()V
    iput-object p1, p0, @RequestBodyImpl@->contentType:@MediaType@
    iput-object p2, p0, @RequestBodyImpl@->content:[B
    return-void
.end method

.method public contentLength()J
    .locals 2
    iget-object v0, p0, @RequestBodyImpl@->content:[B
    array-length v0, v0
    int-to-long v0, v0
    return-wide v0
.end method
""")
emit('MediaType', header('@MediaType@', 'Ljava/lang/Object;', 'public final') + """
.field private final mediaType:Ljava/lang/String;

.method private constructor <init>(Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @MediaType@->mediaType:Ljava/lang/String;
    return-void
.end method

.method public static %ok_parse%(Ljava/lang/String;)@MediaType@
    .locals 1
    new-instance v0, @MediaType@
    invoke-direct {v0, p0}, @MediaType@-><init>(Ljava/lang/String;)V
    return-object v0
.end method
""")
emit('Call', iface('@Call@', ['%ok_execute%()@Response@']))
emit('RealCall', header('@RealCall@', 'Ljava/lang/Object;', 'final', ['@Call@']) + """
.field final request:@Request@

.method constructor <init>(@Request@)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, @RealCall@->request:@Request@
    return-void
.end method

.method public %ok_execute%()@Response@
    .locals 1
    new-instance v0, @Response@
    invoke-direct {v0}, @Response@-><init>()V
    return-object v0
.end method
""")
emit('Response', header('@Response@', 'Ljava/lang/Object;', 'public final') + """
.field public code:I
""" + ctor('Ljava/lang/Object;'))
emit('Gson', header('@Gson@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public %to_json%(Ljava/lang/Object;)Ljava/lang/String;
    .locals 1
    invoke-static {p1}, Ljava/lang/String;->valueOf(Ljava/lang/Object;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
""")
emit('GsonBuilder', header('@GsonBuilder@', 'Ljava/lang/Object;', 'public final') + ctor('Ljava/lang/Object;') + """
.method public %gson_create%()@Gson@
    .locals 1
    new-instance v0, @Gson@
    invoke-direct {v0}, @Gson@-><init>()V
    return-object v0
.end method
""")
print("classes:", len(C))
