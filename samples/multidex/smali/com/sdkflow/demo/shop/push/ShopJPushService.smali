.class public Lcom/sdkflow/demo/shop/push/ShopJPushService;
.super Lcn/jpush/android/service/JCommonService;
.source "ShopJPushService.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcn/jpush/android/service/JCommonService;-><init>()V
    return-void
.end method
