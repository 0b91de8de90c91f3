.class public final Lcom/igexin/push/core/DeviceReporter;
.super Ljava/lang/Object;
.source "DeviceReporter.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static report(Landroid/content/Context;)V
    .locals 5

    const-string v4, "phone"
    invoke-virtual {p0, v4}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v4
    check-cast v4, Landroid/telephony/TelephonyManager;
    invoke-virtual {v4}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const-string v1, "https://sdk.open.phone.igexin.com/api.php"
    invoke-static {v1, v0}, Lcom/igexin/push/util/HttpHelper;->post(Ljava/lang/String;Ljava/lang/String;)V

    const-string v4, "location"
    invoke-virtual {p0, v4}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v4, "gps"
    invoke-virtual {v0, v4}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object v0

    if-eqz v0, :none
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D
    move-result-wide v2
    invoke-static {v2, v3}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;
    move-result-object v0
    invoke-static {v1, v0}, Lcom/igexin/push/util/HttpHelper;->post(Ljava/lang/String;Ljava/lang/String;)V
    :none
    return-void
.end method
