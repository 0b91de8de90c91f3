.class public Lcom/sdkflow/demo/shop/push/ShopHmsMessageService;
.super Lcom/huawei/hms/push/HmsMessageService;
.source "ShopHms.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/huawei/hms/push/HmsMessageService;-><init>()V
    return-void
.end method

.method public onNewToken(Ljava/lang/String;)V
    .locals 0
    invoke-static {p1}, Lcom/sdkflow/demo/shop/net/ShopApi;->uploadPushToken(Ljava/lang/String;)V
    return-void
.end method

.method public onMessageReceived(Lcom/huawei/hms/push/RemoteMessage;)V
    .locals 0
    return-void
.end method
