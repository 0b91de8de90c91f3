.class public interface abstract Lcom/amap/api/location/AMapLocationListener;
.super Ljava/lang/Object;
.source "AMapListener.java"


.method public abstract onLocationChanged(Lcom/amap/api/location/AMapLocation;)V
.end method
