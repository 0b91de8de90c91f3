.class public Lcom/amap/api/location/AMapLocationClient;
.super Ljava/lang/Object;
.source "AMapClient.java"


.field private context:Landroid/content/Context;
.field private listener:Lcom/amap/api/location/AMapLocationListener;
.field private option:Lcom/amap/api/location/AMapLocationClientOption;

.method public constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/amap/api/location/AMapLocationClient;->context:Landroid/content/Context;
    return-void
.end method

.method public static updatePrivacyShow(Landroid/content/Context;ZZ)V
    .locals 0
    return-void
.end method

.method public static updatePrivacyAgree(Landroid/content/Context;Z)V
    .locals 0
    return-void
.end method

.method public static setApiKey(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public static getVersion()Ljava/lang/String;
    .locals 1
    const-string v0, "6.4.0"
    return-object v0
.end method

.method public setLocationOption(Lcom/amap/api/location/AMapLocationClientOption;)V
    .locals 0
    iput-object p1, p0, Lcom/amap/api/location/AMapLocationClient;->option:Lcom/amap/api/location/AMapLocationClientOption;
    return-void
.end method

.method public setLocationListener(Lcom/amap/api/location/AMapLocationListener;)V
    .locals 0
    iput-object p1, p0, Lcom/amap/api/location/AMapLocationClient;->listener:Lcom/amap/api/location/AMapLocationListener;
    return-void
.end method

.method public startLocation()V
    .locals 3
    iget-object v0, p0, Lcom/amap/api/location/AMapLocationClient;->context:Landroid/content/Context;
    invoke-static {v0}, Lcom/loc/dp;->a(Landroid/content/Context;)Lcom/amap/api/location/AMapLocation;
    move-result-object v1
    iget-object v2, p0, Lcom/amap/api/location/AMapLocationClient;->listener:Lcom/amap/api/location/AMapLocationListener;
    if-eqz v2, :done
    invoke-interface {v2, v1}, Lcom/amap/api/location/AMapLocationListener;->onLocationChanged(Lcom/amap/api/location/AMapLocation;)V
    :done
    return-void
.end method
