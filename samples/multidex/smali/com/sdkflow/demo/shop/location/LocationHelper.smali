.class public final Lcom/sdkflow/demo/shop/location/LocationHelper;
.super Ljava/lang/Object;
.source "LocHelper.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static start(Landroid/content/Context;)V
    .locals 2
    new-instance v0, Lcom/amap/api/location/AMapLocationClient;
    invoke-direct {v0, p0}, Lcom/amap/api/location/AMapLocationClient;-><init>(Landroid/content/Context;)V
    new-instance v1, Lcom/amap/api/location/AMapLocationClientOption;
    invoke-direct {v1}, Lcom/amap/api/location/AMapLocationClientOption;-><init>()V
    invoke-virtual {v0, v1}, Lcom/amap/api/location/AMapLocationClient;->setLocationOption(Lcom/amap/api/location/AMapLocationClientOption;)V
    new-instance v1, Lcom/sdkflow/demo/shop/location/ShopLocationListener;
    invoke-direct {v1}, Lcom/sdkflow/demo/shop/location/ShopLocationListener;-><init>()V
    invoke-virtual {v0, v1}, Lcom/amap/api/location/AMapLocationClient;->setLocationListener(Lcom/amap/api/location/AMapLocationListener;)V
    invoke-virtual {v0}, Lcom/amap/api/location/AMapLocationClient;->startLocation()V
    return-void
.end method
