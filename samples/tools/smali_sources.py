"""Source snippets: each reads one kind of personal data the way SDKs do. ctx = register holding a Context."""

def imei(ctx, out, tmp):
    return f"""
    const-string {tmp}, "phone"
    invoke-virtual {{{ctx}, {tmp}}}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object {tmp}
    check-cast {tmp}, Landroid/telephony/TelephonyManager;
    invoke-virtual {{{tmp}}}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object {out}
"""

def android_id(ctx, out, tmp):
    return f"""
    invoke-virtual {{{ctx}}}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object {tmp}
    const-string {out}, "android_id"
    invoke-static {{{tmp}, {out}}}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object {out}
"""

def wifi_info(ctx, out, tmp):
    return f"""
    invoke-virtual {{{ctx}}}, Landroid/content/Context;->getApplicationContext()Landroid/content/Context;
    move-result-object {out}
    const-string {tmp}, "wifi"
    invoke-virtual {{{out}, {tmp}}}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object {out}
    check-cast {out}, Landroid/net/wifi/WifiManager;
    invoke-virtual {{{out}}}, Landroid/net/wifi/WifiManager;->getConnectionInfo()Landroid/net/wifi/WifiInfo;
    move-result-object {out}
"""

def mac(ctx, out, tmp):
    return wifi_info(ctx, out, tmp) + f"""
    invoke-virtual {{{out}}}, Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;
    move-result-object {out}
"""

def bssid(ctx, out, tmp):
    return wifi_info(ctx, out, tmp) + f"""
    invoke-virtual {{{out}}}, Landroid/net/wifi/WifiInfo;->getBSSID()Ljava/lang/String;
    move-result-object {out}
"""

def installed_packages(ctx, out, tmp):
    return f"""
    invoke-virtual {{{ctx}}}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object {out}
    const/4 {tmp}, 0x0
    invoke-virtual {{{out}, {tmp}}}, Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;
    move-result-object {out}
"""

def last_location(ctx, out, tmp):
    return f"""
    const-string {tmp}, "location"
    invoke-virtual {{{ctx}, {tmp}}}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object {out}
    check-cast {out}, Landroid/location/LocationManager;
    const-string {tmp}, "gps"
    invoke-virtual {{{out}, {tmp}}}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object {out}
"""

def clipboard_text(ctx, out, tmp, none_label):
    return f"""
    const-string {tmp}, "clipboard"
    invoke-virtual {{{ctx}, {tmp}}}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object {out}
    check-cast {out}, Landroid/content/ClipboardManager;
    invoke-virtual {{{out}}}, Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;
    move-result-object {out}
    if-eqz {out}, {none_label}
    const/4 {tmp}, 0x0
    invoke-virtual {{{out}, {tmp}}}, Landroid/content/ClipData;->getItemAt(I)Landroid/content/ClipData$Item;
    move-result-object {out}
    invoke-virtual {{{out}}}, Landroid/content/ClipData$Item;->getText()Ljava/lang/CharSequence;
    move-result-object {out}
    invoke-interface {{{out}}}, Ljava/lang/CharSequence;->toString()Ljava/lang/String;
    move-result-object {out}
"""

def sb_new(r):
    return f"""
    new-instance {r}, Ljava/lang/StringBuilder;
    invoke-direct {{{r}}}, Ljava/lang/StringBuilder;-><init>()V
"""

def sb_str(sb, r):
    return f"""
    invoke-virtual {{{sb}, {r}}}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
"""

def sb_const(sb, tmp, s):
    return f"""
    const-string {tmp}, "{s}"
    invoke-virtual {{{sb}, {tmp}}}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
"""

def sb_double(sb, wide):
    return f"""
    invoke-virtual {{{sb}, {wide}}}, Ljava/lang/StringBuilder;->append(D)Ljava/lang/StringBuilder;
"""

def sb_done(sb, out):
    return f"""
    invoke-virtual {{{sb}}}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object {out}
"""

APP_LIST_METHOD = """
.method static joinPackageNames(Ljava/util/List;)Ljava/lang/String;
    .locals 3
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    invoke-interface {p0}, Ljava/util/List;->iterator()Ljava/util/Iterator;
    move-result-object v1
    :loop
    invoke-interface {v1}, Ljava/util/Iterator;->hasNext()Z
    move-result v2
    if-eqz v2, :done
    invoke-interface {v1}, Ljava/util/Iterator;->next()Ljava/lang/Object;
    move-result-object v2
    check-cast v2, Landroid/content/pm/PackageInfo;
    iget-object v2, v2, Landroid/content/pm/PackageInfo;->packageName:Ljava/lang/String;
    invoke-virtual {v0, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const/16 v2, 0x2c
    invoke-virtual {v0, v2}, Ljava/lang/StringBuilder;->append(C)Ljava/lang/StringBuilder;
    goto :loop
    :done
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
"""
