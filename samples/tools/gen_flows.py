"""Generate the `flows` sample (data-flow test app for issue 7): smali sources and the ground
truth samples/flows/expected.toml, from one table of cases so the two cannot drift apart.
Run: python3 samples/tools/gen_flows.py samples/flows   (then bash samples/build.sh flows)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from smali_common import write, header, ctor, SERVICE, SERVICE_BODY
from smali_sources import imei, android_id, mac, last_location, clipboard_text, installed_packages

OUT = sys.argv[1]
SMALI = os.path.join(OUT, 'smali')
P = 'Lcom/sdkflow/sample/flows'
C = P + '/cases'
MAIN_ONCREATE = f'{P}/MainActivity;->onCreate(Landroid/os/Bundle;)V'
APP_ONCREATE = f'{P}/FlowsApp;->onCreate()V'

GET_DEVICE_ID = 'Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;'
GET_SIM_SERIAL = 'Landroid/telephony/TelephonyManager;->getSimSerialNumber()Ljava/lang/String;'
GET_LINE1 = 'Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;'
SECURE_GET = 'Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;'
GET_MAC = 'Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;'
LAST_LOC = 'Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;'
ON_LOC = 'Landroid/location/LocationListener;->onLocationChanged(Landroid/location/Location;)V'
INSTALLED = 'Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;'
CLIP = 'Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;'
LOG_I = 'Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I'
LOG_D = 'Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I'
LOG_E = 'Landroid/util/Log;->e(Ljava/lang/String;Ljava/lang/String;)I'
OS_WRITE = 'Ljava/io/OutputStream;->write([B)V'
FILE_WRITE = 'Ljava/io/FileOutputStream;->write([B)V'
SMS_SEND = 'Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V'
PREFS_PUT = 'Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;'
BROADCAST = 'Landroid/content/Context;->sendBroadcast(Landroid/content/Intent;)V'

CASES = []
def case(**kw):
    CASES.append(kw)

def log(fn, tag_reg, val_reg, tag):
    return f"""
    const-string {tag_reg}, "{tag}"
    invoke-static {{{tag_reg}, {val_reg}}}, Landroid/util/Log;->{fn}(Ljava/lang/String;Ljava/lang/String;)I
"""

def http_write(data, a, b, url="https://collect.flows.sdkflow.example/c"):
    """POST the String in `data` over HttpURLConnection (sink: OutputStream.write([B))."""
    return f"""
    new-instance {a}, Ljava/net/URL;
    const-string {b}, "{url}"
    invoke-direct {{{a}, {b}}}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {{{a}}}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object {a}
    check-cast {a}, Ljava/net/HttpURLConnection;
    const/4 {b}, 0x1
    invoke-virtual {{{a}, {b}}}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {{{a}}}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object {a}
    invoke-virtual {{{data}}}, Ljava/lang/String;->getBytes()[B
    move-result-object {b}
    invoke-virtual {{{a}, {b}}}, Ljava/io/OutputStream;->write([B)V
"""

def case_class(name, body, fields='', ifaces=(), sup='Ljava/lang/Object;', extra_ctor=None):
    d = f'{C}/{name};'
    text = header(d, sup, 'public', ifaces) + fields + (extra_ctor if extra_ctor is not None else ctor(sup)) + body
    write(SMALI, d, text)

def run_method(body, locals_=6):
    return f"""
.method public static run(Landroid/content/Context;)V
    .locals {locals_}
{body}
    return-void
.end method
"""

RUN = '->run(Landroid/content/Context;)V'

# ---------------------------------------------------------------- positive cases
case_class('DirectLeak', run_method(imei('p0', 'v0', 'v1') + log('i', 'v1', 'v0', 'DirectLeak')))
case(id='direct', feature='direct leak', flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/DirectLeak;{RUN}', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/DirectLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('InstanceFieldLeak', """
.method public static run(Landroid/content/Context;)V
    .locals 1
    new-instance v0, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;-><init>()V
    invoke-virtual {v0, p0}, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;->collect(Landroid/content/Context;)V
    invoke-virtual {v0}, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;->send()V
    return-void
.end method

.method collect(Landroid/content/Context;)V
    .locals 2
""" + imei('p1', 'v0', 'v1') + """
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;->deviceId:Ljava/lang/String;
    return-void
.end method

.method send()V
    .locals 2
    iget-object v0, p0, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;->deviceId:Ljava/lang/String;
""" + log('d', 'v1', 'v0', 'InstanceFieldLeak') + """
    return-void
.end method
""", fields='.field private deviceId:Ljava/lang/String;\n')
case(id='instance_field', feature='leak through an instance field', flow=True, source=GET_DEVICE_ID,
     data_type='device_id.imei', source_method=f'{C}/InstanceFieldLeak;->collect(Landroid/content/Context;)V',
     sink=LOG_D, sink_kind='log', sink_method=f'{C}/InstanceFieldLeak;->send()V', sdk='app', entry=MAIN_ONCREATE)

# static field: written in FlowsApp.onCreate (via StaticFieldStore.save), read from MainActivity
write(SMALI, f'{C}/StaticFieldStore;', header(f'{C}/StaticFieldStore;', 'Ljava/lang/Object;', 'public final')
      + '.field public static sAndroidId:Ljava/lang/String;\n' + ctor('Ljava/lang/Object;') + """
.method public static save(Landroid/content/Context;)V
    .locals 2
""" + android_id('p0', 'v0', 'v1') + """
    sput-object v0, Lcom/sdkflow/sample/flows/cases/StaticFieldStore;->sAndroidId:Ljava/lang/String;
    return-void
.end method
""")
case_class('StaticFieldLeak', run_method("""
    sget-object v0, Lcom/sdkflow/sample/flows/cases/StaticFieldStore;->sAndroidId:Ljava/lang/String;
""" + http_write('v0', 'v1', 'v2'), 3))
case(id='static_field', feature='leak through a static field (written in Application.onCreate, read in an activity)',
     flow=True, source=SECURE_GET, data_type='device_id.android_id',
     source_method=f'{C}/StaticFieldStore;->save(Landroid/content/Context;)V', sink=OS_WRITE, sink_kind='network',
     sink_method=f'{C}/StaticFieldLeak;{RUN}', sdk='app', entry=APP_ONCREATE)

case_class('ArrayLeak', run_method(mac('p0', 'v0', 'v3') + """
    const/4 v1, 0x2
    new-array v1, v1, [Ljava/lang/String;
    const/4 v2, 0x0
    aput-object v0, v1, v2
    aget-object v0, v1, v2
""" + log('e', 'v3', 'v0', 'ArrayLeak')))
case(id='array', feature='leak through an array element', flow=True, source=GET_MAC, data_type='device_id.mac',
     source_method=f'{C}/ArrayLeak;{RUN}', sink=LOG_E, sink_kind='log', sink_method=f'{C}/ArrayLeak;{RUN}',
     sdk='app', entry=MAIN_ONCREATE)

case_class('ListLeak', run_method(imei('p0', 'v0', 'v3') + """
    new-instance v1, Ljava/util/ArrayList;
    invoke-direct {v1}, Ljava/util/ArrayList;-><init>()V
    invoke-interface {v1, v0}, Ljava/util/List;->add(Ljava/lang/Object;)Z
    const/4 v2, 0x0
    invoke-interface {v1, v2}, Ljava/util/List;->get(I)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v3', 'v0', 'ListLeak')))
case(id='collection_list', feature='leak through an ArrayList', flow=True, source=GET_DEVICE_ID,
     data_type='device_id.imei', source_method=f'{C}/ListLeak;{RUN}', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/ListLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('MapLeak', run_method(last_location('p0', 'v0', 'v4') + """
    if-eqz v0, :none
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D
    move-result-wide v1
    invoke-static {v1, v2}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
    new-instance v1, Ljava/util/HashMap;
    invoke-direct {v1}, Ljava/util/HashMap;-><init>()V
    const-string v2, "lat"
    invoke-interface {v1, v2, v0}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    invoke-interface {v1, v2}, Ljava/util/Map;->get(Ljava/lang/Object;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v4', 'v0', 'MapLeak') + """
    :none
"""))
case(id='collection_map', feature='leak through a HashMap value', flow=True, source=LAST_LOC,
     data_type='location.precise', source_method=f'{C}/MapLeak;{RUN}', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/MapLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('StringBuilderLeak', run_method(imei('p0', 'v0', 'v3') + """
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "imei="
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v2, "&v=1"
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
""" + http_write('v0', 'v1', 'v2')))
case(id='string_builder', feature='leak through StringBuilder concatenation', flow=True, source=GET_DEVICE_ID,
     data_type='device_id.imei', source_method=f'{C}/StringBuilderLeak;{RUN}', sink=OS_WRITE, sink_kind='network',
     sink_method=f'{C}/StringBuilderLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('HelperLeak', run_method(android_id('p0', 'v0', 'v1') + """
    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/HelperLeak;->normalize(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
""" + log('i', 'v1', 'v0', 'HelperLeak')) + """
.method static normalize(Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    invoke-virtual {p0}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/HelperLeak;->passThrough(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

.method static passThrough(Ljava/lang/String;)Ljava/lang/String;
    .locals 0
    return-object p0
.end method
""")
case(id='helper_method', feature='leak through helper methods (parameter to return, two levels)', flow=True,
     source=SECURE_GET, data_type='device_id.android_id', source_method=f'{C}/HelperLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/HelperLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

# callback: a LocationListener registered in MainActivity; the framework calls onLocationChanged
write(SMALI, f'{C}/LocationCallbackLeak;', header(f'{C}/LocationCallbackLeak;', 'Ljava/lang/Object;', 'public',
      ['Landroid/location/LocationListener;']) + ctor('Ljava/lang/Object;') + """
.method public static register(Landroid/content/Context;)V
    .locals 6
    const-string v0, "location"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "gps"
    const-wide/16 v2, 0x3e8
    const/4 v4, 0x0
    new-instance v5, Lcom/sdkflow/sample/flows/cases/LocationCallbackLeak;
    invoke-direct {v5}, Lcom/sdkflow/sample/flows/cases/LocationCallbackLeak;-><init>()V
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    return-void
.end method

.method public onLocationChanged(Landroid/location/Location;)V
    .locals 4
    invoke-virtual {p1}, Landroid/location/Location;->getLatitude()D
    move-result-wide v0
    invoke-static {v0, v1}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
""" + http_write('v0', 'v1', 'v2') + """
    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .locals 0
    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method
""")
case(id='callback', feature='leak in a registered callback (LocationListener.onLocationChanged to HTTP)', flow=True,
     source=ON_LOC, source_kind='callback_parameter', data_type='location.precise',
     source_method=f'{C}/LocationCallbackLeak;->onLocationChanged(Landroid/location/Location;)V', sink=OS_WRITE,
     sink_kind='network', sink_method=f'{C}/LocationCallbackLeak;->onLocationChanged(Landroid/location/Location;)V',
     sdk='app', entry=f'{C}/LocationCallbackLeak;->register(Landroid/content/Context;)V')

# thread: the IMEI is handed to a Runnable that a new Thread runs
write(SMALI, f'{C}/ThreadLeak$Upload;', header(f'{C}/ThreadLeak$Upload;', 'Ljava/lang/Object;', 'final',
      ['Ljava/lang/Runnable;']) + """
.field private final payload:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/sdkflow/sample/flows/cases/ThreadLeak$Upload;->payload:Ljava/lang/String;
    return-void
.end method

.method public run()V
    .locals 3
    new-instance v0, Ljava/net/Socket;
    const-string v1, "collect.flows.sdkflow.example"
    const/16 v2, 0x1bb
    invoke-direct {v0, v1, v2}, Ljava/net/Socket;-><init>(Ljava/lang/String;I)V
    invoke-virtual {v0}, Ljava/net/Socket;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v0
    iget-object v1, p0, Lcom/sdkflow/sample/flows/cases/ThreadLeak$Upload;->payload:Ljava/lang/String;
    invoke-virtual {v1}, Ljava/lang/String;->getBytes()[B
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    return-void
.end method
""")
case_class('ThreadLeak', run_method(imei('p0', 'v0', 'v1') + """
    new-instance v1, Lcom/sdkflow/sample/flows/cases/ThreadLeak$Upload;
    invoke-direct {v1, v0}, Lcom/sdkflow/sample/flows/cases/ThreadLeak$Upload;-><init>(Ljava/lang/String;)V
    new-instance v2, Ljava/lang/Thread;
    invoke-direct {v2, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v2}, Ljava/lang/Thread;->start()V
""", 3))
case(id='thread', feature='leak on another thread (Runnable field, Thread.start, run posts over a Socket)', flow=True,
     source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/ThreadLeak;{RUN}', sink=OS_WRITE,
     sink_kind='network', sink_method=f'{C}/ThreadLeak$Upload;->run()V', sdk='app', entry=MAIN_ONCREATE)

# lifecycle: LifecycleActivity.onCreate stores, onResume sends
write(SMALI, f'{P}/LifecycleActivity;', header(f'{P}/LifecycleActivity;', 'Landroid/app/Activity;')
      + '.field private simSerial:Ljava/lang/String;\n' + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/app/Activity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSimSerialNumber()Ljava/lang/String;
    move-result-object v0
    iput-object v0, p0, Lcom/sdkflow/sample/flows/LifecycleActivity;->simSerial:Ljava/lang/String;
    return-void
.end method

.method protected onResume()V
    .locals 2
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    iget-object v0, p0, Lcom/sdkflow/sample/flows/LifecycleActivity;->simSerial:Ljava/lang/String;
""" + log('i', 'v1', 'v0', 'Lifecycle') + """
    return-void
.end method
""")
case(id='lifecycle', feature='lifecycle sequence (onCreate stores in a field, onResume logs it)', flow=True,
     source=GET_SIM_SERIAL, data_type='device_id.sim_serial',
     source_method=f'{P}/LifecycleActivity;->onCreate(Landroid/os/Bundle;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/LifecycleActivity;->onResume()V', sdk='app',
     entry=f'{P}/LifecycleActivity;->onCreate(Landroid/os/Bundle;)V')

case_class('SmsLeak', run_method("""
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;
    move-result-object v3
    invoke-static {}, Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;
    move-result-object v0
    const-string v1, "10690000"
    const/4 v2, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V
"""))
case(id='sms', feature='SMS sink (own phone number sent by SmsManager.sendTextMessage)', flow=True, source=GET_LINE1,
     data_type='phone_number', source_method=f'{C}/SmsLeak;{RUN}', sink=SMS_SEND, sink_kind='sms',
     sink_method=f'{C}/SmsLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('FileLeak', run_method(last_location('p0', 'v0', 'v3') + """
    if-eqz v0, :none
    invoke-virtual {v0}, Landroid/location/Location;->getLongitude()D
    move-result-wide v1
    invoke-static {v1, v2}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
    const-string v1, "last_location.txt"
    const/4 v2, 0x0
    invoke-virtual {p0, v1, v2}, Landroid/content/Context;->openFileOutput(Ljava/lang/String;I)Ljava/io/FileOutputStream;
    move-result-object v1
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-virtual {v1, v0}, Ljava/io/FileOutputStream;->write([B)V
    :none
"""))
case(id='file', feature='file sink (location written with FileOutputStream)', flow=True, source=LAST_LOC,
     data_type='location.precise', source_method=f'{C}/FileLeak;{RUN}', sink=FILE_WRITE, sink_kind='file',
     sink_method=f'{C}/FileLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('PrefsLeak', run_method(installed_packages('p0', 'v0', 'v1') + """
    invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "cache"
    const/4 v2, 0x0
    invoke-virtual {p0, v1, v2}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v1
    invoke-interface {v1}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;
    move-result-object v1
    const-string v2, "apps"
    invoke-interface {v1, v2, v0}, Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;
    move-result-object v1
    invoke-interface {v1}, Landroid/content/SharedPreferences$Editor;->apply()V
"""))
case(id='shared_prefs', feature='shared-preferences sink (installed app list)', flow=True, source=INSTALLED,
     data_type='app.list', source_method=f'{C}/PrefsLeak;{RUN}', sink=PREFS_PUT, sink_kind='shared_preferences',
     sink_method=f'{C}/PrefsLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('IntentLeak', run_method(clipboard_text('p0', 'v0', 'v1', ':none') + """
    new-instance v1, Landroid/content/Intent;
    const-string v2, "com.sdkflow.sample.flows.CLIP"
    invoke-direct {v1, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V
    const-string v2, "clip"
    invoke-virtual {v1, v2, v0}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;
    invoke-virtual {p0, v1}, Landroid/content/Context;->sendBroadcast(Landroid/content/Intent;)V
    :none
"""))
case(id='intent', feature='inter-component sink (clipboard text in a broadcast Intent extra)', flow=True, source=CLIP,
     data_type='clipboard', source_method=f'{C}/IntentLeak;{RUN}', sink=BROADCAST, sink_kind='icc',
     sink_method=f'{C}/IntentLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)

# ---------------------------------------------------------------- third-party SDK (Getui stand-in)
GT = 'Lcom/igexin'
write(SMALI, f'{GT}/sdk/PushManager;', header(f'{GT}/sdk/PushManager;', 'Ljava/lang/Object;')
      + '.field private static final INSTANCE:Lcom/igexin/sdk/PushManager;\n' + """
.method static constructor <clinit>()V
    .locals 1
    new-instance v0, Lcom/igexin/sdk/PushManager;
    invoke-direct {v0}, Lcom/igexin/sdk/PushManager;-><init>()V
    sput-object v0, Lcom/igexin/sdk/PushManager;->INSTANCE:Lcom/igexin/sdk/PushManager;
    return-void
.end method
""" + ctor('Ljava/lang/Object;', 'private') + """
.method public static getInstance()Lcom/igexin/sdk/PushManager;
    .locals 1
    sget-object v0, Lcom/igexin/sdk/PushManager;->INSTANCE:Lcom/igexin/sdk/PushManager;
    return-object v0
.end method

.method public initialize(Landroid/content/Context;)V
    .locals 0
    invoke-static {p1}, Lcom/igexin/push/core/DeviceReporter;->report(Landroid/content/Context;)V
    invoke-static {p1}, Lcom/igexin/push/core/Heartbeat;->beat(Landroid/content/Context;)V
    return-void
.end method
""")
write(SMALI, f'{GT}/push/core/DeviceReporter;', header(f'{GT}/push/core/DeviceReporter;', 'Ljava/lang/Object;', 'public final')
      + ctor('Ljava/lang/Object;') + """
.method public static report(Landroid/content/Context;)V
    .locals 5
""" + imei('p0', 'v0', 'v4') + """
    const-string v1, "https://sdk.open.phone.igexin.com/api.php"
    invoke-static {v1, v0}, Lcom/igexin/push/util/HttpHelper;->post(Ljava/lang/String;Ljava/lang/String;)V
""" + last_location('p0', 'v0', 'v4') + """
    if-eqz v0, :none
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D
    move-result-wide v2
    invoke-static {v2, v3}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
    invoke-static {v1, v0}, Lcom/igexin/push/util/HttpHelper;->post(Ljava/lang/String;Ljava/lang/String;)V
    :none
    return-void
.end method
""")
write(SMALI, f'{GT}/push/util/HttpHelper;', header(f'{GT}/push/util/HttpHelper;', 'Ljava/lang/Object;', 'public final')
      + ctor('Ljava/lang/Object;') + """
.method public static post(Ljava/lang/String;Ljava/lang/String;)V
    .locals 2
    new-instance v0, Ljava/net/URL;
    invoke-direct {v0, p0}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v0
    check-cast v0, Ljava/net/HttpURLConnection;
    const-string v1, "POST"
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V
    const/4 v1, 0x1
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v0
    invoke-virtual {p1}, Ljava/lang/String;->getBytes()[B
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    return-void
.end method
""")
write(SMALI, f'{GT}/sdk/PushService;', header(f'{GT}/sdk/PushService;', SERVICE) + ctor(SERVICE) + SERVICE_BODY)
for dt, src in (('device_id.imei', GET_DEVICE_ID), ('location.precise', LAST_LOC)):
    case(id='sdk_getui_' + dt.split('.')[-1], feature='third-party push SDK (com.igexin) reads and POSTs; attributed to the SDK',
         flow=True, source=src, data_type=dt, source_method=f'{GT}/push/core/DeviceReporter;->report(Landroid/content/Context;)V',
         sink=OS_WRITE, sink_kind='network', sink_method=f'{GT}/push/util/HttpHelper;->post(Ljava/lang/String;Ljava/lang/String;)V',
         sdk='getui-push', entry=APP_ONCREATE)

# ---------------------------------------------------------------- negative cases
case_class('NegOverwritten', run_method(imei('p0', 'v0', 'v1') + """
    const-string v0, "unknown"
""" + log('i', 'v1', 'v0', 'NegOverwritten')))
case(id='neg_overwritten', feature='value overwritten by a constant before the sink', flow=False, source=GET_DEVICE_ID,
     data_type='device_id.imei', source_method=f'{C}/NegOverwritten;{RUN}', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/NegOverwritten;{RUN}', sdk='app', entry=MAIN_ONCREATE)

case_class('NegUnreachable', run_method(imei('p0', 'v0', 'v1') + log('i', 'v1', 'v0', 'NegUnreachable')))
case(id='neg_unreachable', feature='leak in a method no entry point reaches (class never referenced, not a component)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegUnreachable;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegUnreachable;{RUN}', sdk='app', entry='',
     precision='an analysis without reachability (every method as an entry) reports it')

case_class('NegListOtherElement', run_method(imei('p0', 'v0', 'v3') + """
    new-instance v1, Ljava/util/ArrayList;
    invoke-direct {v1}, Ljava/util/ArrayList;-><init>()V
    invoke-interface {v1, v0}, Ljava/util/List;->add(Ljava/lang/Object;)Z
    const-string v2, "static-banner"
    invoke-interface {v1, v2}, Ljava/util/List;->add(Ljava/lang/Object;)Z
    const/4 v2, 0x1
    invoke-interface {v1, v2}, Ljava/util/List;->get(I)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v3', 'v0', 'NegListOtherElement')))
case(id='neg_collection_other_element', feature='untainted element of a tainted ArrayList (IMEI at index 0, index 1 logged)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegListOtherElement;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegListOtherElement;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='index-insensitive collection models (taint the whole list) report it; such a report counts as a false positive')

case_class('NegArrayOtherElement', run_method(imei('p0', 'v0', 'v3') + """
    const/4 v1, 0x2
    new-array v1, v1, [Ljava/lang/String;
    const/4 v2, 0x0
    aput-object v0, v1, v2
    const/4 v2, 0x1
    const-string v0, "static-banner"
    aput-object v0, v1, v2
    aget-object v0, v1, v2
""" + log('i', 'v3', 'v0', 'NegArrayOtherElement')))
case(id='neg_array_other_element', feature='untainted element of a tainted array (IMEI at [0], [1] logged)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegArrayOtherElement;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegArrayOtherElement;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='array-insensitive models (taint the whole array) report it; such a report counts as a false positive')

case_class('NegOtherField', """
.method public static run(Landroid/content/Context;)V
    .locals 3
    new-instance v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/NegOtherField;-><init>()V
""" + imei('p0', 'v1', 'v2') + """
    iput-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->secret:Ljava/lang/String;
    const-string v1, "hello"
    iput-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->greeting:Ljava/lang/String;
    iget-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->greeting:Ljava/lang/String;
""" + log('i', 'v2', 'v1', 'NegOtherField') + """
    return-void
.end method
""", fields='.field secret:Ljava/lang/String;\n.field greeting:Ljava/lang/String;\n')
case(id='neg_other_field', feature='untainted field of an object whose other field is tainted', flow=False,
     source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegOtherField;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegOtherField;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='field-insensitive (whole-object) taint reports it; such a report counts as a false positive')

case_class('NegConstant', run_method("""
    const-string v0, "ping"
""" + log('i', 'v1', 'v0', 'NegConstant') + http_write('v0', 'v1', 'v2'), 3))
case(id='neg_constant', feature='constant string sent to a log and over HTTP (no source at all)', flow=False,
     source='', data_type='', source_method='', sink=OS_WRITE, sink_kind='network',
     sink_method=f'{C}/NegConstant;{RUN}', sdk='app', entry=MAIN_ONCREATE)

# ---------------------------------------------------------------- negative twins (one per feature)
# Each reads personal data like its positive twin and sends something else; the analysis
# must stay quiet. A `precision` note says which simpler model reports it anyway.

case_class('NegInstanceField', """
.method public static run(Landroid/content/Context;)V
    .locals 1
    new-instance v0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;-><init>()V
    invoke-virtual {v0, p0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->collect(Landroid/content/Context;)V
    invoke-virtual {v0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->send()V
    return-void
.end method

.method collect(Landroid/content/Context;)V
    .locals 2
""" + imei('p1', 'v0', 'v1') + """
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->deviceId:Ljava/lang/String;
    const-string v0, "release"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->channel:Ljava/lang/String;
    return-void
.end method

.method send()V
    .locals 2
    iget-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->channel:Ljava/lang/String;
""" + log('d', 'v1', 'v0', 'NegInstanceField') + """
    return-void
.end method
""", fields='.field private deviceId:Ljava/lang/String;\n.field private channel:Ljava/lang/String;\n')
case(id='neg_instance_field', feature='another field of the object holding the IMEI is logged (collect() stores both, send() reads the other)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/NegInstanceField;->collect(Landroid/content/Context;)V', sink=LOG_D, sink_kind='log',
     sink_method=f'{C}/NegInstanceField;->send()V', sdk='app', entry=MAIN_ONCREATE,
     precision='object-level taint (a tainted field taints the object) reports it')

write(SMALI, f'{C}/NegStaticFieldStore;', header(f'{C}/NegStaticFieldStore;', 'Ljava/lang/Object;', 'public final')
      + '.field public static sAndroidId:Ljava/lang/String;\n.field public static sChannel:Ljava/lang/String;\n'
      + ctor('Ljava/lang/Object;') + """
.method public static save(Landroid/content/Context;)V
    .locals 2
""" + android_id('p0', 'v0', 'v1') + """
    sput-object v0, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->sAndroidId:Ljava/lang/String;
    const-string v0, "googleplay"
    sput-object v0, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->sChannel:Ljava/lang/String;
    return-void
.end method
""")
case_class('NegStaticField', run_method("""
    sget-object v0, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->sChannel:Ljava/lang/String;
""" + http_write('v0', 'v1', 'v2'), 3))
case(id='neg_static_field', feature='another static field of the class holding ANDROID_ID is POSTed (written in Application.onCreate)',
     flow=False, source=SECURE_GET, data_type='device_id.android_id',
     source_method=f'{C}/NegStaticFieldStore;->save(Landroid/content/Context;)V', sink=OS_WRITE, sink_kind='network',
     sink_method=f'{C}/NegStaticField;{RUN}', sdk='app', entry=APP_ONCREATE,
     precision='class-level static taint (any static of the class) reports it')

case_class('NegStringBuilder', run_method(imei('p0', 'v0', 'v3') + """
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "imei="
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    new-instance v4, Ljava/lang/StringBuilder;
    invoke-direct {v4}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "v="
    invoke-virtual {v4, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const/4 v2, 0x1
    invoke-virtual {v4, v2}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    invoke-virtual {v4}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
""" + http_write('v0', 'v1', 'v2')))
case(id='neg_string_builder', feature='a second StringBuilder without the IMEI is POSTed (the first one holds it)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegStringBuilder;{RUN}',
     sink=OS_WRITE, sink_kind='network', sink_method=f'{C}/NegStringBuilder;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='type-based or method-wide builder taint (all StringBuilders alike) reports it')

case_class('NegHelper', run_method(android_id('p0', 'v0', 'v1') + """
    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/NegHelper;->mask(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
""" + log('i', 'v1', 'v0', 'NegHelper')) + """
.method static mask(Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    if-nez p0, :present
    const-string v0, "none"
    return-object v0
    :present
    const-string v0, "****"
    return-object v0
.end method
""")
case(id='neg_helper_method', feature='helper method returns a constant, not its parameter (ANDROID_ID masked, mask logged)',
     flow=False, source=SECURE_GET, data_type='device_id.android_id', source_method=f'{C}/NegHelper;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegHelper;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='treating unknown or app calls as "argument taints result" reports it')

write(SMALI, f'{C}/NegLocationCallback;', header(f'{C}/NegLocationCallback;', 'Ljava/lang/Object;', 'public',
      ['Landroid/location/LocationListener;']) + ctor('Ljava/lang/Object;') + """
.method public static register(Landroid/content/Context;)V
    .locals 6
    const-string v0, "location"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "network"
    const-wide/16 v2, 0x3e8
    const/4 v4, 0x0
    new-instance v5, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;
    invoke-direct {v5}, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;-><init>()V
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    return-void
.end method

.method public onLocationChanged(Landroid/location/Location;)V
    .locals 4
    if-eqz p1, :none
    const-string v0, "location-updated"
""" + http_write('v0', 'v1', 'v2') + """
    :none
    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .locals 0
    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method
""")
case(id='neg_callback', feature='registered LocationListener POSTs a constant "location-updated" event, not the location',
     flow=False, source=ON_LOC, source_kind='callback_parameter', data_type='location.precise',
     source_method=f'{C}/NegLocationCallback;->onLocationChanged(Landroid/location/Location;)V', sink=OS_WRITE,
     sink_kind='network', sink_method=f'{C}/NegLocationCallback;->onLocationChanged(Landroid/location/Location;)V',
     sdk='app', entry=f'{C}/NegLocationCallback;->register(Landroid/content/Context;)V',
     precision='"a callback that receives personal data and calls a sink leaks it" (method-level) reports it')

write(SMALI, f'{C}/NegThread$Upload;', header(f'{C}/NegThread$Upload;', 'Ljava/lang/Object;', 'final',
      ['Ljava/lang/Runnable;']) + """
.field private final deviceId:Ljava/lang/String;
.field private final appVersion:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;)V
    .locals 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->deviceId:Ljava/lang/String;
    const-string v0, "0.7.0"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->appVersion:Ljava/lang/String;
    return-void
.end method

.method public run()V
    .locals 3
    new-instance v0, Ljava/net/Socket;
    const-string v1, "collect.flows.sdkflow.example"
    const/16 v2, 0x1bb
    invoke-direct {v0, v1, v2}, Ljava/net/Socket;-><init>(Ljava/lang/String;I)V
    invoke-virtual {v0}, Ljava/net/Socket;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v0
    iget-object v1, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->appVersion:Ljava/lang/String;
    invoke-virtual {v1}, Ljava/lang/String;->getBytes()[B
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    return-void
.end method
""")
case_class('NegThread', run_method(imei('p0', 'v0', 'v1') + """
    new-instance v1, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;
    invoke-direct {v1, v0}, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;-><init>(Ljava/lang/String;)V
    new-instance v2, Ljava/lang/Thread;
    invoke-direct {v2, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v2}, Ljava/lang/Thread;->start()V
""", 3))
case(id='neg_thread', feature='Runnable on a new Thread sends a field the IMEI never reached (appVersion; the IMEI sits in deviceId)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegThread;{RUN}', sink=OS_WRITE,
     sink_kind='network', sink_method=f'{C}/NegThread$Upload;->run()V', sdk='app', entry=MAIN_ONCREATE,
     precision='passing taint into the Runnable object as a whole reports it')

write(SMALI, f'{P}/NegLifecycleActivity;', header(f'{P}/NegLifecycleActivity;', 'Landroid/app/Activity;')
      + '.field private simSerial:Ljava/lang/String;\n.field private screen:Ljava/lang/String;\n'
      + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/app/Activity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSimSerialNumber()Ljava/lang/String;
    move-result-object v0
    iput-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->simSerial:Ljava/lang/String;
    const-string v0, "settings"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->screen:Ljava/lang/String;
    return-void
.end method

.method protected onResume()V
    .locals 2
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    iget-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->screen:Ljava/lang/String;
""" + log('i', 'v1', 'v0', 'NegLifecycle') + """
    return-void
.end method
""")
case(id='neg_lifecycle', feature='lifecycle: onCreate stores the SIM serial, onResume logs a different field',
     flow=False, source=GET_SIM_SERIAL, data_type='device_id.sim_serial',
     source_method=f'{P}/NegLifecycleActivity;->onCreate(Landroid/os/Bundle;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/NegLifecycleActivity;->onResume()V', sdk='app',
     entry=f'{P}/NegLifecycleActivity;->onCreate(Landroid/os/Bundle;)V',
     precision='taint on the activity object (this) rather than its fields reports it')

case_class('NegSms', run_method("""
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;
    move-result-object v3
    if-nez v3, :known
    invoke-static {}, Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;
    move-result-object v0
    const-string v1, "10690000"
    const/4 v2, 0x0
    const-string v3, "REGISTER"
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V
    :known
"""))
case(id='neg_sms', feature='SMS sink with untainted data (own number read; when unknown a constant REGISTER text is sent)',
     flow=False, source=GET_LINE1, data_type='phone_number', source_method=f'{C}/NegSms;{RUN}', sink=SMS_SEND,
     sink_kind='sms', sink_method=f'{C}/NegSms;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='register-insensitive (method-level) taint reports it')

case_class('NegFile', run_method(last_location('p0', 'v0', 'v3') + """
    if-eqz v0, :none
    const-string v1, "last_fix.txt"
    const/4 v2, 0x0
    invoke-virtual {p0, v1, v2}, Landroid/content/Context;->openFileOutput(Ljava/lang/String;I)Ljava/io/FileOutputStream;
    move-result-object v1
    const-string v0, "fix=1"
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-virtual {v1, v0}, Ljava/io/FileOutputStream;->write([B)V
    :none
"""))
case(id='neg_file', feature='file sink with untainted data (location read; only a constant "fix=1" marker written)',
     flow=False, source=LAST_LOC, data_type='location.precise', source_method=f'{C}/NegFile;{RUN}', sink=FILE_WRITE,
     sink_kind='file', sink_method=f'{C}/NegFile;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='register-insensitive (method-level) taint reports it')

case_class('NegPrefs', run_method(installed_packages('p0', 'v0', 'v1') + """
    const-string v1, "cache"
    const/4 v2, 0x0
    invoke-virtual {p0, v1, v2}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v1
    invoke-interface {v1}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;
    move-result-object v1
    const-string v2, "last_scan"
    const-string v0, "done"
    invoke-interface {v1, v2, v0}, Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;
    move-result-object v1
    invoke-interface {v1}, Landroid/content/SharedPreferences$Editor;->apply()V
"""))
case(id='neg_shared_prefs', feature='shared-preferences sink with untainted data (app list read, register reused for a constant)',
     flow=False, source=INSTALLED, data_type='app.list', source_method=f'{C}/NegPrefs;{RUN}', sink=PREFS_PUT,
     sink_kind='shared_preferences', sink_method=f'{C}/NegPrefs;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='flow-insensitive register taint (a register once tainted stays tainted) reports it')

case_class('NegIntent', run_method(clipboard_text('p0', 'v0', 'v1', ':none') + """
    new-instance v1, Landroid/content/Intent;
    const-string v2, "com.sdkflow.sample.flows.CLIP"
    invoke-direct {v1, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V
    new-instance v3, Landroid/content/Intent;
    const-string v2, "com.sdkflow.sample.flows.PING"
    invoke-direct {v3, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V
    const-string v2, "clip"
    invoke-virtual {v1, v2, v0}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;
    invoke-virtual {p0, v3}, Landroid/content/Context;->sendBroadcast(Landroid/content/Intent;)V
    :none
"""))
case(id='neg_intent', feature='inter-component sink with untainted data (clipboard text put in one Intent, another Intent broadcast)',
     flow=False, source=CLIP, data_type='clipboard', source_method=f'{C}/NegIntent;{RUN}', sink=BROADCAST,
     sink_kind='icc', sink_method=f'{C}/NegIntent;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='type-based Intent taint (every Intent alike) reports it')

case_class('NegImplicit', run_method(imei('p0', 'v0', 'v1') + """
    if-eqz v0, :absent
    const-string v2, "35"
    invoke-virtual {v0, v2}, Ljava/lang/String;->startsWith(Ljava/lang/String;)Z
    move-result v2
    if-eqz v2, :absent
    const-string v0, "gsm-device"
    goto :send
    :absent
    const-string v0, "other-device"
    :send
""" + log('i', 'v1', 'v0', 'NegImplicit')))
case(id='neg_implicit', feature='implicit flow: the IMEI only decides which constant is logged (control dependence, not reported by design)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegImplicit;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegImplicit;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='an analysis tracking control dependences (implicit flows) reports it; sdkflow, like FlowDroid by default, does not')

case_class('NegMapOtherKey', run_method(last_location('p0', 'v0', 'v4') + """
    if-eqz v0, :none
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D
    move-result-wide v1
    invoke-static {v1, v2}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
    new-instance v1, Ljava/util/HashMap;
    invoke-direct {v1}, Ljava/util/HashMap;-><init>()V
    const-string v2, "lat"
    invoke-interface {v1, v2, v0}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    const-string v2, "unit"
    const-string v3, "deg"
    invoke-interface {v1, v2, v3}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    invoke-interface {v1, v2}, Ljava/util/Map;->get(Ljava/lang/Object;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v4', 'v0', 'NegMapOtherKey') + """
    :none
"""))
case(id='neg_collection_map_other_key', feature='HashMap with the latitude under "lat"; the constant under "unit" is logged',
     flow=False, source=LAST_LOC, data_type='location.precise', source_method=f'{C}/NegMapOtherKey;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegMapOtherKey;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='key-insensitive map models (taint the whole map) report it')

# SDK namespace without a flow: the Getui stand-in reads the phone number but only POSTs a
# constant heartbeat (its own HTTP code, so the case is scored apart from HttpHelper.post)
write(SMALI, f'{GT}/push/core/Heartbeat;', header(f'{GT}/push/core/Heartbeat;', 'Ljava/lang/Object;', 'public final')
      + ctor('Ljava/lang/Object;') + """
.method public static beat(Landroid/content/Context;)V
    .locals 4
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;
    move-result-object v3
    if-eqz v3, :none
    const-string v0, "hb=1"
""" + http_write('v0', 'v1', 'v2', 'https://sdk.open.phone.igexin.com/hb.php') + """
    :none
    return-void
.end method
""")
case(id='neg_sdk_no_flow', feature='third-party push SDK (com.igexin) reads the phone number but POSTs only a constant heartbeat',
     flow=False, source=GET_LINE1, data_type='phone_number',
     source_method=f'{GT}/push/core/Heartbeat;->beat(Landroid/content/Context;)V', sink=OS_WRITE, sink_kind='network',
     sink_method=f'{GT}/push/core/Heartbeat;->beat(Landroid/content/Context;)V', sdk='getui-push', entry=APP_ONCREATE,
     precision='attributing every SDK read to every SDK sink (co-occurrence) reports it')

# ---------------------------------------------------------------- issue 12: DroidBench categories
# Each category the DroidBench work touched gets a positive case and a negative twin here.
RUNTIME_EXEC = 'Ljava/lang/Runtime;->exec(Ljava/lang/String;)Ljava/lang/Process;'
SB = 'Ljava/lang/StringBuilder;'

def sb_to_string(sb, out):
    return f"""
    invoke-virtual {{{sb}}}, {SB}->toString()Ljava/lang/String;
    move-result-object {out}
"""

def formatter(sb, fmt_reg, arr, tmp, value):
    """new Formatter(sb).format("id=%s", value)"""
    return f"""
    new-instance {fmt_reg}, Ljava/util/Formatter;
    invoke-direct {{{fmt_reg}, {sb}}}, Ljava/util/Formatter;-><init>(Ljava/lang/Appendable;)V
    const/4 {tmp}, 0x1
    new-array {arr}, {tmp}, [Ljava/lang/Object;
    const/4 {tmp}, 0x0
    aput-object {value}, {arr}, {tmp}
    const-string {tmp}, "id=%s"
    invoke-virtual {{{fmt_reg}, {tmp}, {arr}}}, Ljava/util/Formatter;->format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/util/Formatter;
"""

# arrays and strings: java.util.Formatter writes through to the StringBuilder it wraps
case_class('FormatterLeak', run_method(imei('p0', 'v0', 'v1') + f"""
    new-instance v1, {SB}
    invoke-direct {{v1}}, {SB}-><init>()V
""" + formatter('v1', 'v2', 'v3', 'v4', 'v0') + sb_to_string('v1', 'v0') + log('i', 'v4', 'v0', 'FormatterLeak')))
case(id='string_formatter', feature='arrays and strings: Formatter over a StringBuilder formats the IMEI, the builder is logged',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/FormatterLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/FormatterLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegFormatter', run_method(imei('p0', 'v0', 'v1') + f"""
    new-instance v1, {SB}
    invoke-direct {{v1}}, {SB}-><init>()V
""" + formatter('v1', 'v2', 'v3', 'v4', 'v0') + f"""
    new-instance v5, {SB}
    const-string v4, "fmt=plain"
    invoke-direct {{v5, v4}}, {SB}-><init>(Ljava/lang/String;)V
""" + sb_to_string('v5', 'v0') + log('i', 'v4', 'v0', 'NegFormatter'), 6))
case(id='neg_string_formatter', feature='arrays and strings: the IMEI is formatted into one builder, another builder is logged',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegFormatter;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegFormatter;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='treating every formatter result as tainted (or Formatter as a taint sink of all builders) reports it')

# arrays: System.arraycopy moves the IMEI into another array
ARRAYCOPY = 'Ljava/lang/System;->arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V'
case_class('ArrayCopyLeak', run_method(imei('p0', 'v0', 'v1') + f"""
    const/4 v1, 0x1
    new-array v2, v1, [Ljava/lang/String;
    const/4 v3, 0x0
    aput-object v0, v2, v3
    new-array v4, v1, [Ljava/lang/String;
    invoke-static {{v2, v3, v4, v3, v1}}, {ARRAYCOPY}
    aget-object v0, v4, v3
""" + log('i', 'v5', 'v0', 'ArrayCopyLeak'), 6))
case(id='array_copy', feature='arrays and strings: System.arraycopy copies the IMEI into another array that is logged',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/ArrayCopyLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/ArrayCopyLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegArrayCopy', run_method(imei('p0', 'v0', 'v1') + f"""
    const/4 v1, 0x1
    const/4 v3, 0x0
    new-array v5, v1, [Ljava/lang/String;
    aput-object v0, v5, v3
    new-array v2, v1, [Ljava/lang/String;
    const-string v0, "none"
    aput-object v0, v2, v3
    new-array v4, v1, [Ljava/lang/String;
    invoke-static {{v2, v3, v4, v3, v1}}, {ARRAYCOPY}
    aget-object v0, v4, v3
""" + log('i', 'v6', 'v0', 'NegArrayCopy'), 7))
case(id='neg_array_copy', feature='arrays and strings: a constant array is copied and logged; the IMEI sits in a third array',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegArrayCopy;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegArrayCopy;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='one taint for all arrays of a method (or of a type) reports it')

# callbacks: a listener object kept in a field (never handed to a registration call here)
ON_CLICK = 'Landroid/view/View$OnClickListener;'

def imei_on_click(tag):
    """An `onClick(View)` that reads the IMEI through the view's context and logs it."""
    return """.method public onClick(Landroid/view/View;)V
    .locals 2
    invoke-virtual {p1}, Landroid/view/View;->getContext()Landroid/content/Context;
    move-result-object v0
""" + imei('v0', 'v0', 'v1') + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
"""

def click_listener(name, tag):
    d = f'{C}/{name};'
    write(SMALI, d, header(d, 'Ljava/lang/Object;', 'public', (ON_CLICK,))
          + f'.field public static sInstance:{d}\n' + ctor('Ljava/lang/Object;') + """
.method public static run(Landroid/content/Context;)V
    .locals 1
    new-instance v0, """ + d + """
    invoke-direct {v0}, """ + d + """-><init>()V
    sput-object v0, """ + d + """->sInstance:""" + d + """
    return-void
.end method

""" + imei_on_click(tag))
click_listener('FieldListenerLeak', 'FieldListener')
case(id='callback_object', feature='callbacks: an OnClickListener instantiated and kept in a field logs the IMEI when clicked',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/FieldListenerLeak;->onClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/FieldListenerLeak;->onClick(Landroid/view/View;)V', sdk='app', entry=MAIN_ONCREATE)
d = f'{C}/NegListenerNeverCreated;'
write(SMALI, d, header(d, 'Ljava/lang/Object;', 'public', (ON_CLICK,)) + ctor('Ljava/lang/Object;') + """
""" + imei_on_click('NegListener'))
case(id='neg_callback_never_created', feature='callbacks: an OnClickListener class no code instantiates logs the IMEI',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/NegListenerNeverCreated;->onClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/NegListenerNeverCreated;->onClick(Landroid/view/View;)V', sdk='app', entry='',
     precision='making every method of every class implementing a callback interface an entry reports it')

# callbacks: android:onClick in a layout (res/layout/main.xml binds onSendClick, not onOtherClick)
def click_method(name, tag):
    return f"""
.method public {name}(Landroid/view/View;)V
    .locals 2
""" + imei('p0', 'v0', 'v1') + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
"""
LAYOUT_CLICKS = click_method('onSendClick', 'LayoutClick') + click_method('onOtherClick', 'NegLayoutClick')
case(id='layout_onclick', feature='callbacks: a layout binds android:onClick="onSendClick"; the handler logs the IMEI',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{P}/MainActivity;->onSendClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/MainActivity;->onSendClick(Landroid/view/View;)V', sdk='app',
     entry=f'{P}/MainActivity;->onSendClick(Landroid/view/View;)V')
case(id='neg_layout_onclick', feature='callbacks: a public onOtherClick(View) no layout names logs the IMEI',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{P}/MainActivity;->onOtherClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/MainActivity;->onOtherClick(Landroid/view/View;)V', sdk='app', entry='',
     precision='treating every public m(View) of an activity as a click handler reports it')
os.makedirs(os.path.join(OUT, 'res', 'layout'), exist_ok=True)
with open(os.path.join(OUT, 'res', 'layout', 'main.xml'), 'w') as f:
    f.write("""<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by samples/tools/gen_flows.py: binds the layout_onclick case's handler. -->
<LinearLayout xmlns:android="http://schemas.android.com/apk/res/android"
    android:layout_width="match_parent"
    android:layout_height="match_parent"
    android:orientation="vertical">
    <Button
        android:id="@+id/send"
        android:layout_width="wrap_content"
        android:layout_height="wrap_content"
        android:text="Send"
        android:onClick="onSendClick" />
    <EditText
        android:id="@+id/nickname"
        android:layout_width="match_parent"
        android:layout_height="wrap_content"
        android:inputType="text" />
    <EditText
        android:id="@+id/password"
        android:layout_width="match_parent"
        android:layout_height="wrap_content"
        android:inputType="textPassword" />
</LinearLayout>
""")

# threading: AsyncTask.execute(value) -> doInBackground(params)
def async_task(name, tag):
    d = f'{C}/{name};'
    write(SMALI, d, header(d, 'Landroid/os/AsyncTask;', 'public') + ctor('Landroid/os/AsyncTask;') + """
.method protected varargs doInBackground([Ljava/lang/Object;)Ljava/lang/Object;
    .locals 2
    const/4 v0, 0x0
    aget-object v0, p1, v0
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v1', 'v0', tag) + """
    const/4 v0, 0x0
    return-object v0
.end method
""")
def execute(task, value, regs=('v1', 'v2', 'v3')):
    t, arr, k = regs
    d = f'{C}/{task};'
    return f"""
    new-instance {t}, {d}
    invoke-direct {{{t}}}, {d}-><init>()V
    const/4 {k}, 0x1
    new-array {arr}, {k}, [Ljava/lang/Object;
    const/4 {k}, 0x0
    aput-object {value}, {arr}, {k}
    invoke-virtual {{{t}, {arr}}}, {d}->execute([Ljava/lang/Object;)Landroid/os/AsyncTask;
"""
async_task('ValueTask', 'AsyncTaskValue')
case_class('AsyncTaskLeak', run_method(imei('p0', 'v0', 'v1') + execute('ValueTask', 'v0'), 4))
case(id='async_task_value', feature='threading: AsyncTask.execute(imei) and doInBackground logs its parameter',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/AsyncTaskLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/ValueTask;->doInBackground([Ljava/lang/Object;)Ljava/lang/Object;', sdk='app',
     entry=MAIN_ONCREATE)
async_task('NegValueTask', 'NegAsyncTaskValue')
case_class('NegAsyncTask', run_method(imei('p0', 'v0', 'v1') + '\n    const-string v0, "ping"\n' + execute('NegValueTask', 'v0'), 4))
case(id='neg_async_task_value', feature='threading: another AsyncTask class is executed with a constant after the IMEI is read',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegAsyncTask;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegValueTask;->doInBackground([Ljava/lang/Object;)Ljava/lang/Object;',
     sdk='app', entry=MAIN_ONCREATE,
     precision='one app-wide AsyncTask channel (every task sees every execute) reports it')

# threading: Handler.sendMessage(msg) -> handleMessage(msg)
def msg_handler(name, tag):
    d = f'{C}/{name};'
    write(SMALI, d, header(d, 'Landroid/os/Handler;', 'public') + ctor('Landroid/os/Handler;') + """
.method public handleMessage(Landroid/os/Message;)V
    .locals 2
    iget-object v0, p1, Landroid/os/Message;->obj:Ljava/lang/Object;
    check-cast v0, Ljava/lang/String;
""" + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
""")
def send_message(handler, value):
    d = f'{C}/{handler};'
    return f"""
    new-instance v1, {d}
    invoke-direct {{v1}}, {d}-><init>()V
    invoke-static {{}}, Landroid/os/Message;->obtain()Landroid/os/Message;
    move-result-object v2
    iput-object {value}, v2, Landroid/os/Message;->obj:Ljava/lang/Object;
    invoke-virtual {{v1, v2}}, {d}->sendMessage(Landroid/os/Message;)Z
"""
msg_handler('MsgHandler', 'HandlerMessage')
case_class('HandlerLeak', run_method(imei('p0', 'v0', 'v1') + send_message('MsgHandler', 'v0'), 3))
case(id='handler_message', feature='threading: a Message carrying the IMEI is sent to an app Handler that logs msg.obj',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/HandlerLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/MsgHandler;->handleMessage(Landroid/os/Message;)V', sdk='app',
     entry=MAIN_ONCREATE)
msg_handler('NegMsgHandler', 'NegHandlerMessage')
case_class('NegHandler', run_method(imei('p0', 'v0', 'v1') + '\n    const-string v0, "tick"\n' + send_message('NegMsgHandler', 'v0'), 3))
case(id='neg_handler_message', feature='threading: another Handler class gets a Message with a constant after the IMEI is read',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegHandler;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegMsgHandler;->handleMessage(Landroid/os/Message;)V', sdk='app',
     entry=MAIN_ONCREATE, precision='one app-wide message channel (every handler sees every message) reports it')

# lifecycle: onSaveInstanceState fills the Bundle, onRestoreInstanceState reads it
def saved_state_activity(name, value_code, tag):
    d = f'{P}/{name};'
    write(SMALI, d, header(d, 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onSaveInstanceState(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onSaveInstanceState(Landroid/os/Bundle;)V
""" + imei('p0', 'v0', 'v1') + value_code + """
    const-string v1, "id"
    invoke-virtual {p1, v1, v0}, Landroid/os/Bundle;->putString(Ljava/lang/String;Ljava/lang/String;)V
    return-void
.end method

.method protected onRestoreInstanceState(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onRestoreInstanceState(Landroid/os/Bundle;)V
    const-string v0, "id"
    invoke-virtual {p1, v0}, Landroid/os/Bundle;->getString(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
""" + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
""")
saved_state_activity('SavedStateActivity', '', 'SavedState')
case(id='saved_state', feature='lifecycle: onSaveInstanceState puts the IMEI in the Bundle, onRestoreInstanceState logs it',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{P}/SavedStateActivity;->onSaveInstanceState(Landroid/os/Bundle;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/SavedStateActivity;->onRestoreInstanceState(Landroid/os/Bundle;)V', sdk='app',
     entry=f'{P}/SavedStateActivity;->onSaveInstanceState(Landroid/os/Bundle;)V')
saved_state_activity('NegSavedStateActivity', '\n    const-string v0, "restored"\n', 'NegSavedState')
case(id='neg_saved_state', feature='lifecycle: another activity saves a constant in its state after reading the IMEI',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{P}/NegSavedStateActivity;->onSaveInstanceState(Landroid/os/Bundle;)V', sink=LOG_I,
     sink_kind='log', sink_method=f'{P}/NegSavedStateActivity;->onRestoreInstanceState(Landroid/os/Bundle;)V',
     sdk='app', entry=f'{P}/NegSavedStateActivity;->onSaveInstanceState(Landroid/os/Bundle;)V',
     precision='one app-wide saved-state Bundle (every activity restores every state) reports it')

# lifecycle: a disabled component never runs
d = f'{P}/DisabledActivity;'
write(SMALI, d, header(d, 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + """
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
""" + imei('p0', 'v0', 'v1') + log('i', 'v1', 'v0', 'Disabled') + """
    return-void
.end method
""")
case(id='neg_disabled_component', feature='lifecycle: an activity declared android:enabled="false" logs the IMEI in onCreate',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{P}/DisabledActivity;->onCreate(Landroid/os/Bundle;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{P}/DisabledActivity;->onCreate(Landroid/os/Bundle;)V', sdk='app',
     entry='', precision='starting every manifest component, enabled or not, reports it')

# general Java: Runtime.exec as a sink
case_class('ExecLeak', run_method(imei('p0', 'v0', 'v1') + """
    invoke-static {}, Ljava/lang/Runtime;->getRuntime()Ljava/lang/Runtime;
    move-result-object v1
    invoke-virtual {v1, v0}, Ljava/lang/Runtime;->exec(Ljava/lang/String;)Ljava/lang/Process;
""", 2))
case(id='process_exec', feature='general Java: the IMEI is part of a command line given to Runtime.exec',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/ExecLeak;{RUN}',
     sink=RUNTIME_EXEC, sink_kind='process', sink_method=f'{C}/ExecLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegExec', run_method(imei('p0', 'v0', 'v1') + """
    invoke-static {}, Ljava/lang/Runtime;->getRuntime()Ljava/lang/Runtime;
    move-result-object v1
    const-string v0, "id"
    invoke-virtual {v1, v0}, Ljava/lang/Runtime;->exec(Ljava/lang/String;)Ljava/lang/Process;
""", 2))
case(id='neg_process_exec', feature='general Java: a constant command runs after the IMEI is read',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegExec;{RUN}',
     sink=RUNTIME_EXEC, sink_kind='process', sink_method=f'{C}/NegExec;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='register-insensitive (method-level) taint reports it')

# general Java: a helper fills the caller's StringBuilder (argument side effect)
HELPER_FILL = '->fill(Landroid/content/Context;Ljava/lang/StringBuilder;)V'
def filler(name, body):
    return f"""
.method public static fill(Landroid/content/Context;Ljava/lang/StringBuilder;)V
    .locals 2
""" + imei('p0', 'v0', 'v1') + """
    invoke-virtual {p1, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    return-void
.end method
""" + run_method(body, 4)
case_class('FillLeak', filler('FillLeak', f"""
    new-instance v0, {SB}
    invoke-direct {{v0}}, {SB}-><init>()V
    invoke-static {{p0, v0}}, {C}/FillLeak;{HELPER_FILL}
""" + sb_to_string('v0', 'v0') + log('i', 'v1', 'v0', 'FillLeak')))
case(id='argument_side_effect', feature="general Java: a helper appends the IMEI to its caller's StringBuilder, the caller logs it",
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/FillLeak;{HELPER_FILL}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/FillLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegFill', filler('NegFill', f"""
    new-instance v0, {SB}
    invoke-direct {{v0}}, {SB}-><init>()V
    invoke-static {{p0, v0}}, {C}/NegFill;{HELPER_FILL}
    new-instance v2, {SB}
    const-string v1, "other"
    invoke-direct {{v2, v1}}, {SB}-><init>(Ljava/lang/String;)V
""" + sb_to_string('v2', 'v0') + log('i', 'v1', 'v0', 'NegFill')))
case(id='neg_argument_side_effect', feature='general Java: the helper fills one builder, the caller logs another',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegFill;{HELPER_FILL}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegFill;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='tainting every argument of a call that reads a source reports it')

# fields: a static field written through a subclass reference is the base class's field
def inherit_pair(base, sub, sub_declares, tag):
    b, sd = f'{C}/{base};', f'{C}/{sub};'
    write(SMALI, b, header(b, 'Ljava/lang/Object;', 'public') + '.field public static last:Ljava/lang/String;\n'
          + ctor('Ljava/lang/Object;') + """
.method public static report()V
    .locals 2
    sget-object v0, """ + b + """->last:Ljava/lang/String;
""" + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
""")
    write(SMALI, sd, header(sd, b, 'public') + ('.field public static last:Ljava/lang/String;\n' if sub_declares else '')
          + ctor(b) + run_method(imei('p0', 'v0', 'v1') + f"""
    sput-object v0, {sd}->last:Ljava/lang/String;
    invoke-static {{}}, {b}->report()V
""", 2))
inherit_pair('InheritBase', 'InheritSub', False, 'Inherited')
case(id='inherited_field', feature='fields: the IMEI is stored through a subclass reference to the base class static field the base logs',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/InheritSub;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/InheritBase;->report()V', sdk='app', entry=MAIN_ONCREATE)
inherit_pair('NegInheritBase', 'NegInheritSub', True, 'NegInherited')
case(id='neg_inherited_field', feature='fields: the subclass declares its own field of the same name (hiding the base one), the base logs its own',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegInheritSub;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegInheritBase;->report()V', sdk='app', entry=MAIN_ONCREATE,
     precision='matching fields by name alone (ignoring which class declares them) reports it')

# general Java: an exception carries the data it was built from
def throw_catch(name, value_code, tag):
    return run_method(imei('p0', 'v0', 'v1') + value_code + """
    :try_start
    new-instance v1, Ljava/lang/RuntimeException;
    invoke-direct {v1, v0}, Ljava/lang/RuntimeException;-><init>(Ljava/lang/String;)V
    throw v1
    :try_end
    .catch Ljava/lang/RuntimeException; {:try_start .. :try_end} :handler
    :handler
    move-exception v1
    invoke-virtual {v1}, Ljava/lang/RuntimeException;->getMessage()Ljava/lang/String;
    move-result-object v0
""" + log('i', 'v1', 'v0', tag), 3)
case_class('ExceptionLeak', throw_catch('ExceptionLeak', '', 'ExceptionLeak'))
case(id='exception_value', feature='general Java: an exception built from the IMEI is thrown, the handler logs its message',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/ExceptionLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/ExceptionLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegException', throw_catch('NegException', '\n    const-string v0, "timeout"\n', 'NegException'))
case(id='neg_exception_value', feature='general Java: the IMEI is read, an exception with a constant message is thrown and logged',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegException;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/NegException;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='tainting every caught exception of a method that reads a source reports it')

# fields and objects: a local object's field is overwritten before it is read
def data_store(name, second, tag):
    d = f'{C}/{name};'
    return run_method(imei('p0', 'v0', 'v1') + f"""
    new-instance v1, {d}
    invoke-direct {{v1}}, {d}-><init>()V
    iput-object v0, v1, {d}->value:Ljava/lang/String;
""" + second.replace('@', d) + f"""
    iget-object v0, v1, {d}->value:Ljava/lang/String;
""" + log('i', 'v2', 'v0', tag), 3)
case_class('StoreLeak', data_store('StoreLeak', '', 'StoreLeak'), fields='.field public value:Ljava/lang/String;\n')
case(id='object_field', feature='fields and objects: the IMEI is stored in a new object\'s field and read back from it',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/StoreLeak;{RUN}', sink=LOG_I,
     sink_kind='log', sink_method=f'{C}/StoreLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegStoreOverwritten', data_store('NegStoreOverwritten', """
    const-string v2, "def"
    iput-object v2, v1, @->value:Ljava/lang/String;
""", 'NegStore'), fields='.field public value:Ljava/lang/String;\n')
case(id='neg_object_field_overwritten', feature='fields and objects: the field holding the IMEI is overwritten with a constant before it is read',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegStoreOverwritten;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegStoreOverwritten;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='a field-based heap without strong updates (one taint per field) reports it')

# reflection: a constant class name instantiates an app class
def refl_base():
    b = f'{P}/ReflBase;'
    write(SMALI, b, header(b, 'Ljava/lang/Object;', 'public abstract') + ctor('Ljava/lang/Object;') + """
.method public abstract leak(Landroid/content/Context;)V
.end method
""")
    for name, tag in (('ReflTarget', 'Reflection'), ('ReflUnused', 'NegReflection')):
        d = f'{C}/{name};'
        write(SMALI, d, header(d, b, 'public') + ctor(b) + """
.method public leak(Landroid/content/Context;)V
    .locals 2
""" + imei('p1', 'v0', 'v1') + log('i', 'v1', 'v0', tag) + """
    return-void
.end method
""")
refl_base()
case_class('ReflTarget$Starter', run_method("""
    const-string v0, "com.sdkflow.sample.flows.cases.ReflTarget"
    invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/Class;->newInstance()Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Lcom/sdkflow/sample/flows/ReflBase;
    invoke-virtual {v0, p0}, Lcom/sdkflow/sample/flows/ReflBase;->leak(Landroid/content/Context;)V
    # the coarse reachability check of tests/samples_flows.rs follows descriptors:
    const-class v1, Lcom/sdkflow/sample/flows/cases/ReflTarget;
""", 2))
case(id='reflection_constant', feature='reflection: Class.forName with a constant name instantiates the class whose override leaks the IMEI',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/ReflTarget;->leak(Landroid/content/Context;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/ReflTarget;->leak(Landroid/content/Context;)V', sdk='app', entry=MAIN_ONCREATE)
case(id='neg_reflection_constant', feature='reflection: another override of the same method in a class nothing instantiates or names',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/ReflUnused;->leak(Landroid/content/Context;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/ReflUnused;->leak(Landroid/content/Context;)V', sdk='app', entry='',
     precision='class-hierarchy analysis without instantiation (every override of ReflBase.leak) reports it')

# general Java: virtual dispatch by the receiver's known type
VS = f'{P}/ValueSource;'
write(SMALI, VS, f""".class public interface abstract {VS}
.super Ljava/lang/Object;
.source "ValueSource.java"

.method public abstract getValue(Landroid/content/Context;)Ljava/lang/String;
.end method
""")
GET_VALUE = '->getValue(Landroid/content/Context;)Ljava/lang/String;'
for name, body in (('LeakySource', imei('p1', 'v0', 'v1')), ('NegDispatch$Constant', '\n    const-string v0, "const"\n')):
    d = f'{C}/{name};'
    write(SMALI, d, header(d, 'Ljava/lang/Object;', 'public', (VS,)) + ctor('Ljava/lang/Object;') + f"""
.method public getValue(Landroid/content/Context;)Ljava/lang/String;
    .locals 2
{body}
    return-object v0
.end method
""")
def factory(name, cls):
    d = f'{C}/{cls};'
    return f"""
.method public static {name}()L{d[1:]}
    .locals 1
    new-instance v0, {d}
    invoke-direct {{v0}}, {d}-><init>()V
    return-object v0
.end method
"""
def dispatch_run(holder, make, tag):
    return run_method(f"""
    invoke-static {{}}, {C}/{holder};->makeLeaky()L{C[1:]}/LeakySource;
    invoke-static {{}}, {C}/{holder};->{make}
    move-result-object v0
    invoke-interface {{v0, p0}}, {VS}{GET_VALUE}
    move-result-object v0
""" + log('i', 'v1', 'v0', tag), 2)
case_class('DispatchLeak', factory('makeLeaky', 'LeakySource') + dispatch_run('DispatchLeak', f'makeLeaky()L{C[1:]}/LeakySource;', 'Dispatch'))
case(id='typed_dispatch', feature='general Java: an interface call on a value whose declared type is the leaking implementation',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/LeakySource;{GET_VALUE}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/DispatchLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegDispatch', factory('makeLeaky', 'LeakySource') + factory('makeConstant', 'NegDispatch$Constant')
           + dispatch_run('NegDispatch', f'makeConstant()L{C[1:]}/NegDispatch$Constant;', 'NegDispatch'))
case(id='neg_typed_dispatch', feature='general Java: the same interface call on a value declared as the constant implementation (the leaking one is instantiated too)',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/LeakySource;{GET_VALUE}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegDispatch;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='class-hierarchy (or rapid type) analysis alone (every instantiated implementation) reports it')

# sources: getText() of a layout field whose android:inputType is a password variation
# (res/layout/main.xml: EditText @id/password is textPassword, @id/nickname plain text)
ID_NICKNAME, ID_PASSWORD = '0x7f030001', '0x7f030002'  # aapt numbers ids in layout order (send first)
EDIT_GET_TEXT = 'Landroid/widget/EditText;->getText()Landroid/text/Editable;'
def field_text(view_id, tag):
    return run_method(f"""
    check-cast p0, Landroid/app/Activity;
    const v0, {view_id}
    invoke-virtual {{p0, v0}}, Landroid/app/Activity;->findViewById(I)Landroid/view/View;
    move-result-object v0
    check-cast v0, Landroid/widget/EditText;
    invoke-virtual {{v0}}, {EDIT_GET_TEXT}
    move-result-object v0
    invoke-virtual {{v0}}, Ljava/lang/Object;->toString()Ljava/lang/String;
    move-result-object v0
""" + log('i', 'v1', 'v0', tag), 2)
case_class('PasswordFieldLeak', field_text(ID_PASSWORD, 'PasswordField'))
case(id='password_field', feature='sources: the text of a layout EditText declared android:inputType="textPassword" is logged',
     flow=True, source=EDIT_GET_TEXT, data_type='account.password', source_method=f'{C}/PasswordFieldLeak;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/PasswordFieldLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
case_class('NegPasswordField', field_text(ID_NICKNAME, 'NegPasswordField'))
case(id='neg_password_field', feature='sources: the text of a plain layout EditText (the password field sits in the same layout) is logged',
     flow=False, source=EDIT_GET_TEXT, data_type='account.password', source_method=f'{C}/NegPasswordField;{RUN}',
     sink=LOG_I, sink_kind='log', sink_method=f'{C}/NegPasswordField;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='treating the text of every EditText as a password reports it')

# ICC: an explicit intent carrying the IMEI starts a declared activity (sink); the same intent to a
# class the manifest does not declare cannot start anything
START_ACTIVITY = 'Landroid/content/Context;->startActivity(Landroid/content/Intent;)V'
def explicit_start(target):
    return run_method(imei('p0', 'v0', 'v1') + f"""
    new-instance v1, Landroid/content/Intent;
    const-class v2, {target}
    invoke-direct {{v1, p0, v2}}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    const-string v2, "id"
    invoke-virtual {{v1, v2, v0}}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;
    invoke-virtual {{p0, v1}}, {START_ACTIVITY}
""", 3)
case_class('ExplicitIntentLeak', explicit_start(f'{P}/LifecycleActivity;'))
case(id='explicit_intent', feature='ICC: an explicit intent to a declared activity carries the IMEI in an extra',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/ExplicitIntentLeak;{RUN}',
     sink=START_ACTIVITY, sink_kind='icc', sink_method=f'{C}/ExplicitIntentLeak;{RUN}', sdk='app', entry=MAIN_ONCREATE)
d = f'{C}/NegExplicitIntent$Undeclared;'
write(SMALI, d, header(d, 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;'))
case_class('NegExplicitIntent', explicit_start(d))
case(id='neg_explicit_intent', feature='ICC: the same explicit intent names an activity class the manifest does not declare',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei', source_method=f'{C}/NegExplicitIntent;{RUN}',
     sink=START_ACTIVITY, sink_kind='icc', sink_method=f'{C}/NegExplicitIntent;{RUN}', sdk='app', entry=MAIN_ONCREATE,
     precision='treating every startActivity as a sink, whatever the intent names, reports it')

# callbacks: a click listener registered on a view runs; one registered and then replaced by null
# in the same method never does
SET_CLICK = 'Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V'
def registered_listener(name, tag, unregister):
    d = f'{C}/{name};'
    off = f"""
    const/4 v2, 0x0
    invoke-virtual {{v1, v2}}, {SET_CLICK}
""" if unregister else ''
    write(SMALI, d, header(d, 'Ljava/lang/Object;', 'public', (ON_CLICK,)) + ctor('Ljava/lang/Object;') + run_method(f"""
    new-instance v0, {d}
    invoke-direct {{v0}}, {d}-><init>()V
    new-instance v1, Landroid/widget/Button;
    invoke-direct {{v1, p0}}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V
    invoke-virtual {{v1, v0}}, {SET_CLICK}
""" + off, 3) + """
""" + imei_on_click(tag))
registered_listener('RegisteredListenerLeak', 'RegisteredListener', False)
case(id='registered_listener', feature='callbacks: an OnClickListener set on a view logs the IMEI when clicked',
     flow=True, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/RegisteredListenerLeak;->onClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/RegisteredListenerLeak;->onClick(Landroid/view/View;)V', sdk='app', entry=MAIN_ONCREATE)
registered_listener('NegUnregisteredListener', 'NegUnregistered', True)
case(id='neg_unregistered_listener', feature='callbacks: the same listener is set on a view and then replaced by null in that method',
     flow=False, source=GET_DEVICE_ID, data_type='device_id.imei',
     source_method=f'{C}/NegUnregisteredListener;->onClick(Landroid/view/View;)V', sink=LOG_I, sink_kind='log',
     sink_method=f'{C}/NegUnregisteredListener;->onClick(Landroid/view/View;)V', sdk='app', entry='',
     precision='starting every listener handed to a setter, even one removed again, reports it')

# ---------------------------------------------------------------- entry points
ENTRY_CASES = ['DirectLeak', 'InstanceFieldLeak', 'StaticFieldLeak', 'ArrayLeak', 'ListLeak', 'MapLeak',
               'StringBuilderLeak', 'HelperLeak', 'ThreadLeak', 'SmsLeak', 'FileLeak', 'PrefsLeak', 'IntentLeak',
               'NegOverwritten', 'NegListOtherElement', 'NegArrayOtherElement', 'NegOtherField', 'NegConstant',
               'NegInstanceField', 'NegStaticField', 'NegStringBuilder', 'NegHelper', 'NegThread', 'NegSms', 'NegFile',
               'NegPrefs', 'NegIntent', 'NegImplicit', 'NegMapOtherKey',
               'FormatterLeak', 'NegFormatter', 'ArrayCopyLeak', 'NegArrayCopy', 'FieldListenerLeak',
               'AsyncTaskLeak', 'NegAsyncTask', 'HandlerLeak', 'NegHandler', 'ExecLeak', 'NegExec', 'FillLeak',
               'NegFill', 'InheritSub', 'NegInheritSub', 'ExceptionLeak', 'NegException', 'StoreLeak',
               'NegStoreOverwritten', 'ReflTarget$Starter', 'DispatchLeak', 'NegDispatch',
               'PasswordFieldLeak', 'NegPasswordField', 'ExplicitIntentLeak', 'NegExplicitIntent',
               'RegisteredListenerLeak', 'NegUnregisteredListener']
calls = ''.join(f"    invoke-static {{p0}}, {C}/{n};->run(Landroid/content/Context;)V\n" for n in ENTRY_CASES)
write(SMALI, f'{P}/MainActivity;', header(f'{P}/MainActivity;', 'Landroid/app/Activity;') + ctor('Landroid/app/Activity;') + f"""
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 0
    invoke-super {{p0, p1}}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
{calls}    invoke-static {{p0}}, {C}/LocationCallbackLeak;->register(Landroid/content/Context;)V
    invoke-static {{p0}}, {C}/NegLocationCallback;->register(Landroid/content/Context;)V
    return-void
.end method
""" + LAYOUT_CLICKS)
write(SMALI, f'{P}/FlowsApp;', header(f'{P}/FlowsApp;', 'Landroid/app/Application;') + ctor('Landroid/app/Application;') + f"""
.method public onCreate()V
    .locals 1
    invoke-super {{p0}}, Landroid/app/Application;->onCreate()V
    invoke-static {{p0}}, {C}/StaticFieldStore;->save(Landroid/content/Context;)V
    invoke-static {{p0}}, {C}/NegStaticFieldStore;->save(Landroid/content/Context;)V
    invoke-static {{}}, Lcom/igexin/sdk/PushManager;->getInstance()Lcom/igexin/sdk/PushManager;
    move-result-object v0
    invoke-virtual {{v0, p0}}, Lcom/igexin/sdk/PushManager;->initialize(Landroid/content/Context;)V
    return-void
.end method
""")

# ---------------------------------------------------------------- negative twins
# Each negative case names the positive case whose feature it mirrors (issue 7: every feature
# has a positive and a negative test; tests/flows_sample.rs checks the pairing).
TWINS = {
    'neg_overwritten': 'direct', 'neg_unreachable': 'direct', 'neg_constant': 'direct', 'neg_implicit': 'direct',
    'neg_collection_other_element': 'collection_list', 'neg_array_other_element': 'array',
    'neg_other_field': 'instance_field', 'neg_instance_field': 'instance_field', 'neg_static_field': 'static_field',
    'neg_string_builder': 'string_builder', 'neg_helper_method': 'helper_method', 'neg_callback': 'callback',
    'neg_thread': 'thread', 'neg_lifecycle': 'lifecycle', 'neg_sms': 'sms', 'neg_file': 'file',
    'neg_shared_prefs': 'shared_prefs', 'neg_intent': 'intent', 'neg_collection_map_other_key': 'collection_map',
    'neg_sdk_no_flow': 'sdk_getui_imei',
    'neg_string_formatter': 'string_formatter', 'neg_array_copy': 'array_copy',
    'neg_callback_never_created': 'callback_object', 'neg_layout_onclick': 'layout_onclick',
    'neg_async_task_value': 'async_task_value', 'neg_handler_message': 'handler_message',
    'neg_saved_state': 'saved_state', 'neg_disabled_component': 'lifecycle', 'neg_process_exec': 'process_exec',
    'neg_argument_side_effect': 'argument_side_effect', 'neg_inherited_field': 'inherited_field',
    'neg_exception_value': 'exception_value', 'neg_object_field_overwritten': 'object_field',
    'neg_reflection_constant': 'reflection_constant', 'neg_typed_dispatch': 'typed_dispatch',
    'neg_password_field': 'password_field', 'neg_explicit_intent': 'explicit_intent',
    'neg_unregistered_listener': 'registered_listener',
}
for c in CASES:
    if not c['flow']:
        c['twin'] = TWINS[c['id']]
assert set(TWINS) == {c['id'] for c in CASES if not c['flow']}

# ---------------------------------------------------------------- expected.toml
def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
lines = ["""# Ground truth for the `flows` sample (samples/apk/flows.apk), scored by the data-flow
# analysis of issue 7. Generated with the sources by samples/tools/gen_flows.py; do not edit by hand.
#
# One [[case]] per analysis feature. Fields:
#   id, feature       name and what the case exercises
#   flow              true: the analysis must report source -> sink; false: it must report nothing
#   source            framework API (smali reference) whose result (or, for source_kind =
#                     "callback_parameter", whose parameter) is personal data; "" = no source
#   data_type         personal-data code from shared/research/sdk-facts.md section 5
#   source_method     method that calls the source API (or implements the callback)
#   sink, sink_kind   sink API (smali reference) and its kind: log, network, sms, file,
#                     shared_preferences, icc, process
#   sink_method       method that calls the sink API
#   sdk               who is responsible: "app" or a sdk-signatures id (getui-push)
#   entry             entry point from which the source call is reached ("" = none: unreachable
#                     on purpose); the sink may run from another entry (static_field)
#   precision         for negative cases that simpler analyses get wrong: what such an analysis
#                     reports; a report on a flow = false case counts as a false positive
#   twin              for negative cases: the id of the positive case whose feature it mirrors
#
# Scoring: precision = TP / (TP + FP), recall = TP / (number of flow = true cases), matching a
# reported flow to a case by (source API, sink API, sink_method).
schema = 1
package = "com.sdkflow.sample.flows"
"""]
for c in CASES:
    lines.append('[[case]]')
    for key in ('id', 'feature', 'flow', 'source', 'source_kind', 'data_type', 'source_method', 'sink', 'sink_kind',
                'sink_method', 'sdk', 'entry', 'precision', 'twin'):
        if key not in c:
            if key == 'source_kind':
                c[key] = 'return_value' if c['source'] else ''
            elif key in ('precision', 'twin'):
                continue
        v = c[key]
        lines.append(f'{key} = ' + ('true' if v is True else 'false' if v is False else q(v)))
    lines.append('')
with open(os.path.join(OUT, 'expected.toml'), 'w') as f:
    f.write('\n'.join(lines))
print(len(CASES), 'cases')
